// Answers and builders for the item page: the item, its rating, similar items, interactions and
// delete. Tests install what they need with `server.use(...)`; every body is typed by the contract.
import { http, HttpResponse, type DefaultBodyType } from 'msw';
import type {
  ContentDetail,
  ContentList,
  InteractionBody,
  RatingBody,
  RatingResponse,
} from '@genonaut/contracts';
import { API, apiError } from './handlers';

/** Records what the page sent, in order, so tests can assert on the calls themselves. */
export interface ContentCalls {
  interactions: { id: string; type: InteractionBody['type'] }[];
  ratings: { method: string; rating: number | null }[];
  deletes: string[];
  similar: string[];
}

/** An answer, or a promise of one so a test can hold it back while it looks at the page. */
type Answer = HttpResponse<DefaultBodyType> | Promise<HttpResponse<DefaultBodyType>>;

export interface ContentHandlerOptions {
  /** What GET of the item answers; by default the item. */
  get?: () => Answer;
  /** What PUT/DELETE rating answers; by default a success computed from the request. */
  rating?: (rating: number | null) => Answer;
  /** What DELETE answers; by default 204. */
  remove?: () => Answer;
  /** What similar answers; by default no items. */
  similar?: () => Answer;
}

/** The item `item` (and 404 for every other id) with the endpoints its page calls. */
export function contentItemHandlers(item: ContentDetail, options: ContentHandlerOptions = {}) {
  const calls: ContentCalls = { interactions: [], ratings: [], deletes: [], similar: [] };
  const notFound = () => apiError(404, { code: 'not_found', message: 'No such item' });
  const rated = (rating: number | null) =>
    options.rating?.(rating) ??
    HttpResponse.json<RatingResponse>({
      rating,
      ratingAvg: rating ?? 0,
      ratingCount: rating === null ? 0 : 1,
    });

  const handlers = [
    http.get<{ id: string }>(`${API}/content/:id`, ({ params }) =>
      params.id === String(item.id)
        ? (options.get?.() ?? HttpResponse.json<ContentDetail>(item))
        : notFound(),
    ),
    http.get<{ id: string }>(`${API}/content/:id/similar`, ({ params }) => {
      calls.similar.push(params.id);
      return options.similar?.() ?? HttpResponse.json<ContentList>({ items: [] });
    }),
    http.post<{ id: string }, InteractionBody>(
      `${API}/content/:id/interactions`,
      async ({ params, request }) => {
        const body = await request.json();
        calls.interactions.push({ id: params.id, type: body.type });
        return new HttpResponse(null, { status: 204 });
      },
    ),
    http.put<{ id: string }, RatingBody>(`${API}/content/:id/rating`, async ({ request }) => {
      const { rating } = await request.json();
      calls.ratings.push({ method: 'PUT', rating });
      return rated(rating);
    }),
    http.delete<{ id: string }>(`${API}/content/:id/rating`, () => {
      calls.ratings.push({ method: 'DELETE', rating: null });
      return rated(null);
    }),
    http.delete<{ id: string }>(`${API}/content/:id`, ({ params }) => {
      calls.deletes.push(params.id);
      return options.remove?.() ?? new HttpResponse(null, { status: 204 });
    }),
  ];
  return { handlers, calls };
}
