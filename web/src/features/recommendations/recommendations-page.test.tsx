import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { API, apiError, signedIn } from '@/testing/handlers';
import { makeRecommendation, recommendationsApi } from '@/testing/recommendations-handlers';
import { currentUrl, renderApp } from '@/testing/render';
import { server } from '@/testing/server';

const cards = () => screen.getAllByTestId('recommendation-card');
const card = (id: number) => cards().find((c) => c.getAttribute('data-content-id') === String(id)) ?? null;

describe('recommendations page', () => {
  it('shows each item with its reasons in words and records each shown item as served once', async () => {
    const recs = recommendationsApi([
      makeRecommendation(1),
      makeRecommendation(2, {
        algorithm: 'co-occurrence',
        reasons: [{ kind: 'similar', contentId: 9, title: 'Misty lake' }],
      }),
      makeRecommendation(3, {
        algorithm: 'popular',
        reasons: [{ kind: 'popular' }],
        servedAt: '2026-11-27T11:00:00.000Z',
      }),
    ]);
    server.use(...signedIn(), ...recs.handlers);
    renderApp('/recommendations');

    await screen.findByTestId('recommendations-list');
    expect(cards()).toHaveLength(3);
    expect(within(card(1)!).getByTestId('recommendation-reason')).toHaveTextContent(
      'matches your tags: watercolor, portrait',
    );
    expect(within(card(2)!).getByTestId('recommendation-reason')).toHaveTextContent(
      'because you liked “Misty lake”',
    );
    expect(within(card(3)!).getByTestId('recommendation-reason')).toHaveTextContent('popular right now');
    expect(within(card(1)!).getByRole('img', { name: 'Image 1' })).toHaveAttribute(
      'src',
      '/api/v1/content/1/image?size=medium',
    );
    // Item 3 was served before: only the two new ones are reported, and only once each.
    await waitFor(() =>
      expect(recs.feedback).toEqual([
        { contentId: 1, action: 'served' },
        { contentId: 2, action: 'served' },
      ]),
    );
  });

  it('dismisses an item at once and tells the API', async () => {
    const recs = recommendationsApi([makeRecommendation(1), makeRecommendation(2)]);
    server.use(...signedIn(), ...recs.handlers);
    renderApp('/recommendations');
    await screen.findByTestId('recommendations-list');

    await userEvent.setup().click(within(card(1)!).getByTestId('recommendation-dismiss'));
    await waitFor(() => expect(card(1)).toBeNull());
    expect(card(2)).not.toBeNull();
    await waitFor(() => expect(recs.feedback).toContainEqual({ contentId: 1, action: 'dismissed' }));
  });

  it('puts a dismissed item back and says why when the API refuses', async () => {
    const recs = recommendationsApi([makeRecommendation(1)]);
    // Handlers given first win.
    server.use(
      http.post(`${API}/recommendations/:id/feedback`, () =>
        apiError(503, { code: 'dependency_unavailable', message: 'The database is unavailable' }),
      ),
      ...signedIn(),
      ...recs.handlers,
    );
    renderApp('/recommendations');
    await screen.findByTestId('recommendations-list');
    await userEvent.setup().click(within(card(1)!).getByTestId('recommendation-dismiss'));
    expect(await screen.findByTestId('recommendations-dismiss-error')).toHaveTextContent('unavailable');
    expect(card(1)).not.toBeNull();
  });

  it('opens an item and records the click', async () => {
    const recs = recommendationsApi([makeRecommendation(5)]);
    server.use(...signedIn(), ...recs.handlers);
    const { router } = renderApp('/recommendations');
    await screen.findByTestId('recommendations-list');
    await userEvent.setup().click(within(card(5)!).getByRole('link'));
    await waitFor(() => expect(currentUrl(router)).toBe('/content/5'));
    await waitFor(() => expect(recs.feedback).toContainEqual({ contentId: 5, action: 'clicked' }));
  });

  it('refreshes on demand and shows the new list', async () => {
    const recs = recommendationsApi([makeRecommendation(1)], { refreshed: [makeRecommendation(7)] });
    server.use(...signedIn(), ...recs.handlers);
    renderApp('/recommendations');
    await screen.findByTestId('recommendations-list');
    await userEvent.setup().click(screen.getByTestId('recommendations-refresh'));
    await waitFor(() => expect(card(7)).not.toBeNull());
    expect(card(1)).toBeNull();
    expect(recs.refreshes()).toBe(1);
  });

  it('says when refreshing is refused', async () => {
    server.use(
      http.post(`${API}/recommendations/refresh`, () =>
        apiError(429, { code: 'rate_limited', message: 'Your recommendations were refreshed a moment ago' }),
      ),
      ...signedIn(),
      ...recommendationsApi([makeRecommendation(1)]).handlers,
    );
    renderApp('/recommendations');
    await screen.findByTestId('recommendations-list');
    await userEvent.setup().click(screen.getByTestId('recommendations-refresh'));
    expect(await screen.findByTestId('recommendations-refresh-error')).toHaveTextContent('a moment ago');
  });

  it('explains how to get recommendations when there are none', async () => {
    server.use(...signedIn(), ...recommendationsApi([]).handlers);
    renderApp('/recommendations');
    expect(await screen.findByTestId('recommendations-empty')).toHaveTextContent(
      /rate or bookmark a few images/i,
    );
  });

  it('shows loading, then the error with a retry', async () => {
    let fail = true;
    const recs = recommendationsApi([makeRecommendation(1)]);
    server.use(
      http.get(`${API}/recommendations`, () =>
        fail ? apiError(500, { code: 'internal', message: 'Something broke' }) : undefined,
      ),
      ...signedIn(),
      ...recs.handlers,
    );
    renderApp('/recommendations');
    expect(await screen.findByTestId('recommendations-loading')).toBeInTheDocument();
    const error = await screen.findByTestId('recommendations-error');
    expect(error).toHaveTextContent('Something broke');
    fail = false;
    await userEvent.setup().click(within(error).getByRole('button', { name: 'Retry' }));
    await screen.findByTestId('recommendations-list');
  });

  it('sends visitors to the login', async () => {
    const { router } = renderApp('/recommendations');
    await waitFor(() => expect(currentUrl(router)).toBe('/login?redirectTo=%2Frecommendations'));
  });
});
