// An in-memory bookmark store for the item page's bookmark button and category manager: creating,
// filing, noting and removing one item's bookmark, and making categories. The item itself reports the
// current bookmark id, as the API's `viewer.bookmarkId` does. Requests are recorded in order.
import { http, HttpResponse } from 'msw';
import type {
  Bookmark,
  BookmarkCategory,
  BookmarkCategoryList,
  ContentDetail,
  CreateBookmarkBody,
  CreateCategoryBody,
  ErrorResponse,
  SetBookmarkCategoriesBody,
  UpdateBookmarkBody,
} from '@genonaut/contracts';
import {
  categories as initialCategories,
  CATEGORY_IDS,
  makeBookmark,
  makeCategory,
} from './bookmarks-handlers';
import { contentItemHandlers } from './content-handlers';
import { API, apiError } from './handlers';

export function itemBookmarkStore(item: ContentDetail, existing: Bookmark | null = null) {
  const state = {
    bookmark: existing,
    categories: [...initialCategories],
    calls: [] as { method: string; path: string; body?: unknown }[],
  };
  const notFound = () => apiError(404, { code: 'not_found', message: 'Bookmark not found' });
  const record = (method: string, path: string, body?: unknown) => state.calls.push({ method, path, body });
  const withCategories = (ids: string[]) => {
    if (!state.bookmark) return;
    state.bookmark = { ...state.bookmark, categoryIds: ids.length > 0 ? ids : [CATEGORY_IDS.uncategorized] };
  };

  const content = contentItemHandlers(item, {
    get: () =>
      HttpResponse.json<ContentDetail>({
        ...item,
        viewer: { rating: item.viewer?.rating ?? null, bookmarkId: state.bookmark?.id ?? null },
      }),
  });
  const handlers = [
    ...content.handlers,
    http.post<never, CreateBookmarkBody, Bookmark>(`${API}/bookmarks`, async ({ request }) => {
      const body = await request.json();
      record('POST', '/bookmarks', body);
      state.bookmark = makeBookmark(body.contentId, { categoryIds: [CATEGORY_IDS.uncategorized] });
      return HttpResponse.json(state.bookmark, { status: 201 });
    }),
    http.get<{ id: string }, never, Bookmark | ErrorResponse>(`${API}/bookmarks/:id`, ({ params }) =>
      state.bookmark?.id === params.id ? HttpResponse.json(state.bookmark) : notFound(),
    ),
    http.put<{ id: string }, SetBookmarkCategoriesBody, Bookmark | ErrorResponse>(
      `${API}/bookmarks/:id/categories`,
      async ({ params, request }) => {
        const body = await request.json();
        record('PUT', `/bookmarks/${params.id}/categories`, body);
        withCategories(body.categoryIds);
        return state.bookmark ? HttpResponse.json(state.bookmark) : notFound();
      },
    ),
    http.patch<{ id: string }, UpdateBookmarkBody, Bookmark | ErrorResponse>(
      `${API}/bookmarks/:id`,
      async ({ params, request }) => {
        const body = await request.json();
        record('PATCH', `/bookmarks/${params.id}`, body);
        if (!state.bookmark) return notFound();
        state.bookmark = { ...state.bookmark, note: body.note ?? null };
        return HttpResponse.json(state.bookmark);
      },
    ),
    http.delete<{ id: string }>(`${API}/bookmarks/:id`, ({ params }) => {
      record('DELETE', `/bookmarks/${params.id}`);
      state.bookmark = null;
      return new HttpResponse(null, { status: 204 });
    }),
    http.get<never, never, BookmarkCategoryList>(`${API}/bookmark-categories`, () =>
      HttpResponse.json({ items: state.categories }),
    ),
    http.post<never, CreateCategoryBody, BookmarkCategory | ErrorResponse>(
      `${API}/bookmark-categories`,
      async ({ request }) => {
        const body = await request.json();
        record('POST', '/bookmark-categories', body);
        if (state.categories.some((c) => c.name.toLowerCase() === body.name.toLowerCase())) {
          return apiError(409, {
            code: 'conflict',
            message: 'A category with this name already exists at that level',
            details: [{ field: 'body.name', message: 'is taken by a sibling category (names ignore case)' }],
          });
        }
        const category = makeCategory({
          id: `00000000-0000-4000-8000-${String(300 + state.categories.length).padStart(12, '0')}`,
          name: body.name,
          bookmarkCount: 0,
        });
        state.categories = [...state.categories, category];
        return HttpResponse.json(category, { status: 201 });
      },
    ),
  ];
  return { state, handlers };
}
