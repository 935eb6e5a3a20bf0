// An in-memory search history behind every search-history endpoint, as the API answers it (grouped
// by query, newest use first, paged by number), recording what the app sent. Install with server.use().
import { http, HttpResponse, type DefaultBodyType } from 'msw';
import type {
  RecentSearches,
  RecordSearchBody,
  SearchHistoryEntry,
  SearchHistoryPage,
} from '@genonaut/contracts';
import { API } from './handlers';

export function makeSearchEntry(
  query: string,
  overrides: Partial<SearchHistoryEntry> = {},
): SearchHistoryEntry {
  return { query, count: 1, lastUsedAt: '2026-02-01T12:00:00.000Z', ...overrides };
}

/** Recorded calls, in order, so tests can assert on the requests themselves. */
export interface SearchHistoryCalls {
  recorded: string[];
  deleted: string[];
  cleared: number;
  recent: URLSearchParams[];
  pages: URLSearchParams[];
}

type Answer = HttpResponse<DefaultBodyType> | Promise<HttpResponse<DefaultBodyType>>;

export interface SearchHistoryOptions {
  /** What GET /search-history answers instead of the store (an error); undefined: the store. */
  list?: () => Answer | undefined;
  /** What DELETE of one query answers instead of 204. */
  remove?: () => Answer;
}

/** `initial` is newest first. */
export function searchHistoryStore(initial: SearchHistoryEntry[] = [], options: SearchHistoryOptions = {}) {
  let entries = [...initial];
  const calls: SearchHistoryCalls = { recorded: [], deleted: [], cleared: 0, recent: [], pages: [] };
  let clock = Date.parse('2026-03-01T00:00:00.000Z');

  const handlers = [
    http.get(`${API}/search-history`, ({ request }) => {
      const params = new URL(request.url).searchParams;
      calls.pages.push(params);
      const held = options.list?.();
      if (held) return held;
      const page = Number(params.get('page') ?? '1');
      const pageSize = Number(params.get('pageSize') ?? '25');
      const items = entries.slice((page - 1) * pageSize, page * pageSize);
      return HttpResponse.json<SearchHistoryPage>({
        items,
        pagination: {
          pageSize,
          page,
          totalCount: entries.length,
          hasNext: page * pageSize < entries.length,
          hasPrevious: page > 1,
          nextCursor: null,
          prevCursor: null,
        },
      });
    }),
    http.get<never, never, RecentSearches>(`${API}/search-history/recent`, ({ request }) => {
      const params = new URL(request.url).searchParams;
      calls.recent.push(params);
      const prefix = (params.get('prefix') ?? '').toLowerCase();
      const limit = Number(params.get('limit') ?? '10');
      const items = entries.filter((e) => e.query.toLowerCase().startsWith(prefix)).slice(0, limit);
      return HttpResponse.json({ items });
    }),
    http.post<never, RecordSearchBody, SearchHistoryEntry>(`${API}/search-history`, async ({ request }) => {
      const { query } = await request.json();
      calls.recorded.push(query);
      const previous = entries.find((e) => e.query === query);
      clock += 60_000;
      const entry = makeSearchEntry(query, {
        count: (previous?.count ?? 0) + 1,
        lastUsedAt: new Date(clock).toISOString(),
      });
      entries = [entry, ...entries.filter((e) => e.query !== query)];
      return HttpResponse.json(entry, { status: 201 });
    }),
    http.delete(`${API}/search-history/all`, () => {
      calls.cleared += 1;
      entries = [];
      return new HttpResponse(null, { status: 204 });
    }),
    http.delete(`${API}/search-history`, ({ request }) => {
      const query = new URL(request.url).searchParams.get('query') ?? '';
      calls.deleted.push(query);
      const refused = options.remove?.();
      if (refused) return refused;
      entries = entries.filter((e) => e.query !== query);
      return new HttpResponse(null, { status: 204 });
    }),
  ];
  return { handlers, calls, entries: () => entries };
}
