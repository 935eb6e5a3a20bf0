import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { analyticsHandlers, sampleAnalytics } from '@/testing/analytics-handlers';
import { makeUser } from '@/testing/fixtures';
import { apiError, signedIn } from '@/testing/handlers';
import { currentUrl, renderApp } from '@/testing/render';
import { server } from '@/testing/server';

const admin = makeUser({ role: 'admin', username: 'root' });

function install(overrides: Parameters<typeof analyticsHandlers>[0] = {}) {
  const analytics = analyticsHandlers(overrides);
  server.use(...signedIn(admin), ...analytics.handlers);
  return analytics;
}

describe('admin analytics page', () => {
  it('is for administrators only, and linked from their sidebar', async () => {
    server.use(...signedIn(makeUser()), ...analyticsHandlers().handlers);
    renderApp('/admin/analytics');
    expect(await screen.findByTestId('admin-only')).toBeInTheDocument();
    expect(screen.queryByTestId('nav-admin-analytics')).not.toBeInTheDocument();
  });

  it('ranks the routes with their latency, errors and score', async () => {
    install();
    renderApp('/admin/analytics');
    expect(await screen.findByTestId('nav-admin-analytics')).toHaveAttribute('href', '/admin/analytics');
    const rows = await screen.findAllByTestId('route-row');
    expect(rows.map((r) => r.dataset.route)).toEqual([
      'GET /api/v1/content',
      'GET /api/v1/content/:id',
      'POST /api/v1/generation-jobs',
    ]);
    const first = rows[0] ?? document.body;
    expect(first).toHaveTextContent('1,200');
    expect(first).toHaveTextContent('48 ms');
    expect(first).toHaveTextContent('0.50 %');
    expect(within(first).getByTestId('route-score')).toHaveTextContent('57.6');
    expect(screen.getByRole('figure', { name: 'Requests over time' })).toBeInTheDocument();
    expect(await screen.findByTestId('peak-1-14')).toHaveAccessibleName('Mon 14:00: 900 requests');
  });

  it('keeps the range and the chosen route in the URL and asks the API for them', async () => {
    const analytics = install();
    const { router } = renderApp('/admin/analytics');
    await screen.findAllByTestId('route-row');
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Last 30 days' }));
    await waitFor(() => expect(currentUrl(router)).toBe('/admin/analytics?days=30'));
    await waitFor(() => expect(analytics.calls['/analytics/routes']?.at(-1)?.get('days')).toBe('30'));
    await user.click(screen.getByRole('button', { name: 'Show the trend of GET /api/v1/content/:id' }));
    await waitFor(() =>
      expect(currentUrl(router)).toBe(
        '/admin/analytics?days=30&route=%2Fapi%2Fv1%2Fcontent%2F%3Aid&method=GET',
      ),
    );
    await waitFor(() => {
      const last = analytics.calls['/analytics/routes/trends']?.at(-1);
      expect(last?.get('route')).toBe('/api/v1/content/:id');
      expect(last?.get('method')).toBe('GET');
    });
    expect(screen.getByTestId('route-trends-section')).toHaveTextContent('Trend of GET /api/v1/content/:id');
  });

  it('shows an empty range and an error distinctly', async () => {
    install({
      ranking: () => HttpResponse.json({ days: 7, items: [] }),
      peak: () => apiError(500, { code: 'internal', message: 'Something broke' }),
    });
    renderApp('/admin/analytics');
    expect(await screen.findByTestId('routes-empty')).toHaveTextContent('No requests recorded in this range');
    const error = await screen.findByTestId('error-state');
    expect(error).toHaveTextContent('Something broke');
    expect(within(error).getByRole('button', { name: 'Retry' })).toBeInTheDocument();
  });

  it('shows generation outcomes, models and failures grouped by code', async () => {
    install();
    renderApp('/admin/analytics?tab=generation');
    expect(await screen.findByTestId('overview-success-rate')).toHaveTextContent('83.3 %');
    expect(screen.getByTestId('overview-duration')).toHaveTextContent('4.2 s / 13 s');
    expect(
      screen.getByRole('figure', { name: 'Completed, failed and cancelled jobs over time' }),
    ).toBeInTheDocument();
    const model = await screen.findByTestId('model-row');
    expect(model).toHaveTextContent('sd_xl_base_1.0.safetensors');
    expect(model).toHaveTextContent('90.0 %');
    const group = await screen.findByTestId('failure-group');
    expect(group).toHaveAttribute('data-code', 'comfyui_timeout');
    expect(group).toHaveTextContent('5');
    expect(screen.getByTestId('recent-failure')).toHaveTextContent(
      'No answer from the image server in 600 s',
    );
  });

  it('says when there were no generation jobs', async () => {
    install({
      overview: () =>
        HttpResponse.json({
          ...sampleAnalytics.overview(),
          requests: 0,
          successes: 0,
          failures: 0,
          cancellations: 0,
        }),
      models: () => HttpResponse.json({ days: 7, items: [] }),
      failures: () => HttpResponse.json({ days: 7, groups: [], recent: [] }),
    });
    renderApp('/admin/analytics?tab=generation');
    expect(await screen.findByTestId('generation-empty')).toBeInTheDocument();
    expect(await screen.findByTestId('failures-empty')).toBeInTheDocument();
  });

  it('shows the tag-cardinality distribution and the biggest tags by source', async () => {
    const analytics = install();
    const { router } = renderApp('/admin/analytics?tab=tags');
    const buckets = await screen.findAllByTestId('tag-bucket');
    expect(buckets).toHaveLength(7);
    expect(buckets[2]).toHaveTextContent('10–99 items');
    expect(buckets[2]).toHaveTextContent('50 tags');
    expect(screen.getByTestId('top-tag')).toHaveTextContent('Landscape');
    expect(screen.queryByTestId('analytics-range')).not.toBeInTheDocument();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Auto' }));
    await waitFor(() => expect(currentUrl(router)).toBe('/admin/analytics?tab=tags&source=auto'));
    await waitFor(() => expect(analytics.calls['/analytics/tags']?.at(-1)?.get('source')).toBe('auto'));
  });
});
