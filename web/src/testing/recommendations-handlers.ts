// Fixtures and MSW handlers for the recommendations page: an in-memory list that feedback and refresh
// change as the API would, recording every feedback call so tests can check what was sent.
import { http, HttpResponse } from 'msw';
import type {
  ErrorResponse,
  Recommendation,
  RecommendationFeedback,
  RecommendationFeedbackBody,
  RecommendationList,
} from '@genonaut/contracts';
import { makeContent } from './fixtures';
import { API, apiError } from './handlers';

export function makeRecommendation(id: number, overrides: Partial<Recommendation> = {}): Recommendation {
  return {
    contentId: id,
    score: 1 / id,
    algorithm: 'tag-profile',
    reasons: [
      {
        kind: 'tags',
        tags: [
          { slug: 'watercolor', name: 'watercolor' },
          { slug: 'portrait', name: 'portrait' },
        ],
      },
    ],
    recommendedAt: '2026-11-27T10:00:00.000Z',
    servedAt: null,
    clickedAt: null,
    content: makeContent(id),
    ...overrides,
  };
}

export function recommendationsApi(initial: Recommendation[], opts: { refreshed?: Recommendation[] } = {}) {
  let items = [...initial];
  const feedback: { contentId: number; action: string }[] = [];
  let refreshes = 0;
  const list = (): RecommendationList => ({ items, computedAt: '2026-11-27T10:00:00.000Z' });
  const handlers = [
    http.get<never, never, RecommendationList>(`${API}/recommendations`, () => HttpResponse.json(list())),
    http.post<never, never, RecommendationList>(`${API}/recommendations/refresh`, () => {
      refreshes += 1;
      if (opts.refreshed) items = [...opts.refreshed];
      return HttpResponse.json(list());
    }),
    http.post<{ id: string }, RecommendationFeedbackBody, RecommendationFeedback | ErrorResponse>(
      `${API}/recommendations/:id/feedback`,
      async ({ params, request }) => {
        const contentId = Number(params.id);
        const { action } = await request.json();
        feedback.push({ contentId, action });
        if (!items.some((r) => r.contentId === contentId))
          return apiError(404, { code: 'not_found', message: 'Recommendation not found' });
        if (action === 'dismissed') items = items.filter((r) => r.contentId !== contentId);
        const now = new Date().toISOString();
        return HttpResponse.json({
          contentId,
          servedAt: now,
          clickedAt: action === 'clicked' ? now : null,
          dismissedAt: action === 'dismissed' ? now : null,
        });
      },
    ),
  ];
  return { handlers, feedback, items: () => items, refreshes: () => refreshes };
}
