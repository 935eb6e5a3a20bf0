// The content listing (`GET /content`) behind the gallery and a tag's images, and the tag filter's
// suggestions (`GET /tags/autocomplete`), answered per request.
import { http, HttpResponse } from 'msw';
import type { GalleryPage, TagSuggestions, TagWithCount } from '@genonaut/contracts';
import { API } from './handlers';
import { server } from './server';

/** Answers the listing with `page`, recording every request's query string. */
export function contentReturns(page: (params: URLSearchParams) => GalleryPage): URLSearchParams[] {
  const requests: URLSearchParams[] = [];
  server.use(
    http.get<never, never, GalleryPage>(`${API}/content`, ({ request }) => {
      const params = new URL(request.url).searchParams;
      requests.push(params);
      return HttpResponse.json(page(params));
    }),
  );
  return requests;
}

/** Suggests the `tags` whose slug contains the typed text, recording every request's query string. */
export function tagSuggestionsReturn(tags: TagWithCount[]): URLSearchParams[] {
  const requests: URLSearchParams[] = [];
  server.use(
    http.get<never, never, TagSuggestions>(`${API}/tags/autocomplete`, ({ request }) => {
      const params = new URL(request.url).searchParams;
      requests.push(params);
      const q = params.get('q') ?? '';
      return HttpResponse.json({ items: tags.filter((tag) => tag.slug.includes(q)) });
    }),
  );
  return requests;
}
