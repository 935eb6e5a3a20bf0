// Fixtures and MSW handlers for the bookmarks pages: Uncategorized, "Portraits" with "Ink" inside it,
// and an empty "Landscapes". Handlers record what the pages sent, so tests can check the API calls.
import { http, HttpResponse } from 'msw';
import type {
  Bookmark,
  BookmarkCategory,
  BookmarkCategoryList,
  BookmarkPage,
  ErrorResponse,
  SharedCategory,
} from '@genonaut/contracts';
import { makeContent, makePage } from './fixtures';
import { API, apiError } from './handlers';

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

export const CATEGORY_IDS = {
  uncategorized: uuid(201),
  portraits: uuid(202),
  ink: uuid(203),
  landscapes: uuid(204),
} as const;

export const SHARE_TOKEN = 'share-token-abcdefgh1234';

export function makeCategory(overrides: Partial<BookmarkCategory> = {}): BookmarkCategory {
  return {
    id: CATEGORY_IDS.portraits,
    name: 'Portraits',
    description: null,
    color: null,
    icon: null,
    coverContentId: null,
    parentId: null,
    sortIndex: 0,
    isPublic: false,
    shareToken: null,
    isDefault: false,
    bookmarkCount: 3,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

export const categories: BookmarkCategory[] = [
  makeCategory({ id: CATEGORY_IDS.uncategorized, name: 'Uncategorized', isDefault: true, bookmarkCount: 1 }),
  makeCategory({ description: 'Faces I like' }),
  makeCategory({ id: CATEGORY_IDS.ink, name: 'Ink', parentId: CATEGORY_IDS.portraits, bookmarkCount: 2 }),
  makeCategory({ id: CATEGORY_IDS.landscapes, name: 'Landscapes', bookmarkCount: 0 }),
];

export function makeBookmark(contentId: number, overrides: Partial<Bookmark> = {}): Bookmark {
  return {
    id: uuid(1000 + contentId),
    contentId,
    note: null,
    pinned: false,
    categoryIds: [CATEGORY_IDS.portraits],
    createdAt: '2026-02-01T00:00:00.000Z',
    updatedAt: '2026-02-01T00:00:00.000Z',
    content: makeContent(contentId),
    ...overrides,
  };
}

export function makeBookmarkPage(items: Bookmark[], totalCount = items.length): BookmarkPage {
  return {
    items,
    pagination: { ...makePage([]).pagination, totalCount, hasNext: totalCount > items.length },
  };
}

export const categoriesReturn = (list: BookmarkCategory[] = categories) =>
  http.get<never, never, BookmarkCategoryList>(`${API}/bookmark-categories`, () =>
    HttpResponse.json({ items: list }),
  );

/** `GET /bookmark-categories/:id/bookmarks`, recording each request's category and query string. */
export function categoryBookmarksReturn(
  answer: (categoryId: string, params: URLSearchParams) => BookmarkPage,
  requests: { categoryId: string; params: URLSearchParams }[] = [],
) {
  return {
    requests,
    handler: http.get<{ id: string }, never, BookmarkPage>(
      `${API}/bookmark-categories/:id/bookmarks`,
      ({ params, request }) => {
        const query = new URL(request.url).searchParams;
        requests.push({ categoryId: params.id, params: query });
        return HttpResponse.json(answer(params.id, query));
      },
    ),
  };
}

export interface Recorded {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
}

/** Any change (POST, PATCH, PUT, DELETE) under the bookmark endpoints: recorded, then `answer`ed. */
export function bookmarkChangesRecorded(
  answer: (call: Recorded) => Response | Promise<Response> = () => new HttpResponse(null, { status: 204 }),
) {
  const calls: Recorded[] = [];
  const record = async ({ request }: { request: Request }) => {
    const url = new URL(request.url);
    const text = await request.text();
    const call = {
      method: request.method,
      path: url.pathname.replace(API, ''),
      query: Object.fromEntries(url.searchParams),
      body: text ? (JSON.parse(text) as unknown) : undefined,
    };
    calls.push(call);
    return answer(call);
  };
  const handlers = [
    'bookmark-categories',
    'bookmark-categories/:id',
    'bookmarks/:id',
    'bookmarks/:id/categories',
  ].flatMap((path) => [
    http.post(`${API}/${path}`, record),
    http.patch(`${API}/${path}`, record),
    http.put(`${API}/${path}`, record),
    http.delete(`${API}/${path}`, record),
  ]);
  return { calls, handlers };
}

export function makeShared(overrides: Partial<SharedCategory> = {}): SharedCategory {
  return {
    category: {
      name: 'Portraits',
      description: 'Faces I like',
      color: null,
      icon: null,
      coverContentId: null,
      owner: { id: uuid(1), username: 'alice', displayName: 'Alice' },
      updatedAt: '2026-01-01T00:00:00.000Z',
    },
    ...makePage([makeContent(1), makeContent(2)]),
    ...overrides,
  };
}

export const sharedReturns = (shared: SharedCategory | null, requests: URLSearchParams[] = []) =>
  http.get<{ token: string }, never, SharedCategory | ErrorResponse>(
    `${API}/shared/categories/:token`,
    ({ params, request }) => {
      requests.push(new URL(request.url).searchParams);
      return shared && params.token === SHARE_TOKEN
        ? HttpResponse.json(shared)
        : apiError(404, { code: 'not_found', message: 'No such shared category' });
    },
  );
