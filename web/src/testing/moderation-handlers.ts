// An in-memory moderation queue behind the admin moderation endpoints, answering as the API does
// (filters, paging, reviews all or nothing, stats, the word list, a rescan that advances on each poll),
// recording what the app sent. Install with server.use().
import { http, HttpResponse, type DefaultBodyType } from 'msw';
import type {
  BulkReviewBody,
  BulkReviewResult,
  FlaggedItemDetail,
  FlaggedPage,
  FlagWordList,
  FlagWordsBody,
  ModerationStats,
  ReviewBody,
  ReviewResult,
  ScanProgress,
} from '@genonaut/contracts';
import { makeContent } from './fixtures';
import { API, apiError } from './handlers';

export function makeFlagged(id: number, overrides: Partial<FlaggedItemDetail> = {}): FlaggedItemDetail {
  const title = overrides.title ?? `Knife fight ${id}`;
  return {
    id,
    contentId: 100 + id,
    riskScore: 40,
    flaggedWords: ['knife'],
    status: 'pending',
    totalWords: 3,
    problemWords: 1,
    problemPercentage: 33.33,
    reviewedBy: null,
    reviewedAt: null,
    notes: null,
    createdAt: `2026-02-${String((id % 27) + 1).padStart(2, '0')}T10:00:00.000Z`,
    content: makeContent(100 + id, { title }),
    title,
    prompt: 'a knife on a table',
    titleHighlights: [{ word: 'knife', index: 0, length: 5 }],
    promptHighlights: [{ word: 'knife', index: 2, length: 5 }],
    riskBreakdown: { percentage: 13.33, count: 3, variety: 6 },
    hiddenFromOthers: false,
    ...overrides,
  };
}

export interface ModerationCalls {
  lists: URLSearchParams[];
  reviews: { id: number; body: ReviewBody }[];
  bulk: BulkReviewBody[];
  savedWords: string[][];
  scans: number;
}

type Answer = HttpResponse<DefaultBodyType>;

export interface ModerationOptions {
  /** Answers GET /admin/flagged-content instead of the store (e.g. an error). */
  list?: () => Answer | undefined;
  /** Answers POST .../bulk instead of the store. */
  bulk?: () => Answer | undefined;
  /** Answers PUT /admin/flag-words instead of the store. */
  saveWords?: () => Answer | undefined;
  /** Polls a running scan needs before it completes. */
  scanPolls?: number;
}

export function moderationStore(
  initial: FlaggedItemDetail[],
  words: string[] = ['knife'],
  options: ModerationOptions = {},
) {
  let items = [...initial];
  let wordList = [...words];
  let removed = 0;
  let scan: ScanProgress = {
    state: 'idle',
    processed: 0,
    total: 0,
    flagged: 0,
    startedAt: null,
    finishedAt: null,
    error: null,
  };
  let polls = 0;
  const calls: ModerationCalls = { lists: [], reviews: [], bulk: [], savedWords: [], scans: 0 };
  const summary = ({
    title: _t,
    prompt: _p,
    titleHighlights: _h,
    promptHighlights: _q,
    riskBreakdown: _r,
    hiddenFromOthers: _x,
    ...rest
  }: FlaggedItemDetail) => rest;

  const apply = (item: FlaggedItemDetail, decision: 'approve' | 'remove', notes?: string): ReviewResult => {
    if (decision === 'remove') {
      items = items.filter((i) => i.id !== item.id);
      removed += 1;
      return { id: item.id, contentId: item.contentId, status: 'removed' };
    }
    items = items.map((i) =>
      i.id === item.id
        ? {
            ...i,
            status: 'approved',
            notes: notes ?? null,
            reviewedAt: '2026-03-01T00:00:00.000Z',
            hiddenFromOthers: false,
          }
        : i,
    );
    return { id: item.id, contentId: item.contentId, status: 'approved' };
  };

  const handlers = [
    http.get(`${API}/admin/flagged-content`, ({ request }) => {
      const params = new URL(request.url).searchParams;
      calls.lists.push(params);
      const held = options.list?.();
      if (held) return held;
      const status = params.get('status') ?? 'pending';
      const min = Number(params.get('minRisk') ?? 0);
      const max = Number(params.get('maxRisk') ?? 100);
      const page = Number(params.get('page') ?? 1);
      const pageSize = Number(params.get('pageSize') ?? 25);
      const matching = items
        .filter((i) => (status === 'all' || i.status === status) && i.riskScore >= min && i.riskScore <= max)
        .sort((a, b) => b.riskScore - a.riskScore);
      return HttpResponse.json<FlaggedPage>({
        items: matching.slice((page - 1) * pageSize, page * pageSize).map(summary),
        pagination: {
          pageSize,
          page,
          totalCount: matching.length,
          totalCountIsEstimate: false,
          hasNext: page * pageSize < matching.length,
          hasPrevious: page > 1,
          nextCursor: null,
          prevCursor: null,
        },
      });
    }),
    http.get(`${API}/admin/flagged-content/stats`, () =>
      HttpResponse.json<ModerationStats>({
        pending: items.filter((i) => i.status === 'pending').length,
        approved: items.filter((i) => i.status === 'approved').length,
        removed,
        hidden: items.filter((i) => i.status === 'pending' && i.riskScore > 75).length,
        hideThreshold: 75,
        riskHistogram: Array.from({ length: 10 }, (_, band) => ({
          from: band * 10,
          to: band * 10 + 10,
          count: items.filter((i) => Math.min(9, Math.floor(i.riskScore / 10)) === band).length,
        })),
      }),
    ),
    http.get(`${API}/admin/flagged-content/scan`, () => {
      if (scan.state === 'queued' || scan.state === 'running') {
        polls += 1;
        const total = 40;
        scan =
          polls >= (options.scanPolls ?? 2)
            ? {
                ...scan,
                state: 'completed',
                processed: total,
                total,
                flagged: items.length,
                finishedAt: '2026-03-01T00:01:00.000Z',
              }
            : { ...scan, state: 'running', processed: 20, total, flagged: 1 };
      }
      return HttpResponse.json<ScanProgress>(scan);
    }),
    http.post<never, never, DefaultBodyType>(`${API}/admin/flagged-content/scan`, () => {
      calls.scans += 1;
      if (scan.state === 'queued' || scan.state === 'running')
        return apiError(409, { code: 'conflict', message: 'A rescan is already queued or running' });
      polls = 0;
      scan = {
        state: 'queued',
        processed: 0,
        total: 0,
        flagged: 0,
        startedAt: '2026-03-01T00:00:00.000Z',
        finishedAt: null,
        error: null,
      };
      return HttpResponse.json<ScanProgress>(scan, { status: 202 });
    }),
    http.post<never, BulkReviewBody, BulkReviewResult | { error: unknown }>(
      `${API}/admin/flagged-content/bulk`,
      async ({ request }) => {
        const body = await request.json();
        calls.bulk.push(body);
        const held = options.bulk?.();
        if (held) return held as HttpResponse<BulkReviewResult>;
        const found = body.ids.map((id) => items.find((i) => i.id === id));
        if (found.some((i) => !i))
          return apiError(404, { code: 'not_found', message: 'Flagged item not found; nothing was changed' });
        const results = found.flatMap((i) => (i ? [apply(i, body.decision)] : []));
        return HttpResponse.json({ decision: body.decision, results });
      },
    ),
    http.get<{ id: string }>(`${API}/admin/flagged-content/:id`, ({ params }) => {
      const item = items.find((i) => i.id === Number(params.id));
      return item
        ? HttpResponse.json<FlaggedItemDetail>(item)
        : apiError(404, { code: 'not_found', message: 'Flagged item not found' });
    }),
    http.post<{ id: string }, ReviewBody>(
      `${API}/admin/flagged-content/:id/review`,
      async ({ params, request }) => {
        const body = await request.json();
        const item = items.find((i) => i.id === Number(params.id));
        calls.reviews.push({ id: Number(params.id), body });
        if (!item) return apiError(404, { code: 'not_found', message: 'Flagged item not found' });
        if (body.decision === 'approve' && item.status === 'approved')
          return apiError(409, { code: 'conflict', message: 'Already approved' });
        return HttpResponse.json<ReviewResult>(apply(item, body.decision, body.notes));
      },
    ),
    http.get(`${API}/admin/flag-words`, () => HttpResponse.json<FlagWordList>({ words: wordList })),
    http.put<never, FlagWordsBody>(`${API}/admin/flag-words`, async ({ request }) => {
      const { words: next } = await request.json();
      calls.savedWords.push(next);
      const held = options.saveWords?.();
      if (held) return held;
      wordList = [...new Set(next)].sort();
      return HttpResponse.json<FlagWordList>({ words: wordList });
    }),
  ];
  return { handlers, calls, items: () => items, words: () => wordList };
}
