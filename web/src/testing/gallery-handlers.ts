// The content listing (`GET /content`) behind the gallery and a tag's images, answered per request.
import { http, HttpResponse } from 'msw';
import type { GalleryPage } from '@genonaut/contracts';
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
