import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { delay, http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ErrorResponse, JobPage, JobStatus } from '@genonaut/contracts';
import { makeJob, makePage } from '@/testing/fixtures';
import { catalogueHandlers, jobStore, sendJobEvent, subscriptions } from '@/testing/generate-handlers';
import { API, apiError, signedIn } from '@/testing/handlers';
import { currentUrl, renderApp } from '@/testing/render';
import { server } from '@/testing/server';

beforeEach(() => window.sessionStorage.clear());

const STATUSES: JobStatus[] = ['completed', 'failed', 'completed', 'cancelled', 'running'];

/** 25 jobs, ids 1–25, with statuses in turn; each completed one has an image. */
function manyJobs() {
  return Array.from({ length: 25 }, (_, i) => {
    const status = STATUSES[i % STATUSES.length]!;
    return makeJob(i + 1, {
      status,
      prompt: `history prompt ${i + 1}`,
      contentIds: status === 'completed' ? [1000 + i + 1] : [],
      progress: status === 'completed' ? 1 : 0.4,
    });
  });
}

const cardIds = () =>
  screen
    .getAllByTestId(/^job-card-/)
    .map((card) => card.getAttribute('data-testid')?.replace('job-card-', ''));

describe('generate history', () => {
  it('opens from the tab, filters and pages on the server, all in the URL', async () => {
    const store = jobStore(manyJobs());
    server.use(...signedIn(), ...catalogueHandlers(), ...store.handlers);
    const { router } = renderApp('/generate');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('tab', { name: 'History' }, { timeout: 10_000 }));
    expect(currentUrl(router)).toBe('/generate?tab=history');
    expect(screen.getByTestId('history-tab')).toHaveAttribute('aria-selected', 'true');

    await waitFor(() => expect(cardIds()).toHaveLength(10));
    expect(cardIds()[0]).toBe('25');
    expect(Object.fromEntries(store.listQueries.at(-1)!)).toEqual({ pageSize: '10' });
    expect(screen.getByTestId('history-page')).toHaveTextContent('Page 1');
    expect(screen.getByTestId('history-newer')).toBeDisabled();
    // A row: status, prompt, time, progress, images and actions.
    const row = screen.getByTestId('job-card-23');
    expect(within(row).getByTestId('job-status-23')).toHaveTextContent('Completed');
    expect(row).toHaveTextContent('history prompt 23');
    expect(within(row).getByRole('progressbar', { name: 'Progress of job 23' })).toBeInTheDocument();
    expect(within(row).getByTestId('job-image')).toHaveAttribute(
      'src',
      '/api/v1/content/1023/image?size=small',
    );
    expect(within(row).getByRole('button', { name: 'Delete job' })).toBeInTheDocument();
    expect(
      within(screen.getByTestId('job-card-24')).getByRole('button', { name: 'Retry job' }),
    ).toBeInTheDocument();

    await user.click(screen.getByTestId('history-older'));
    await waitFor(() => expect(cardIds()[0]).toBe('15'));
    expect(currentUrl(router)).toBe('/generate?tab=history&cursors=16');
    expect(store.listQueries.at(-1)?.get('cursor')).toBe('16');
    expect(screen.getByTestId('history-page')).toHaveTextContent('Page 2');
    await user.click(screen.getByTestId('history-older'));
    await waitFor(() => expect(cardIds()).toEqual(['5', '4', '3', '2', '1']));
    expect(currentUrl(router)).toBe('/generate?tab=history&cursors=16%2C6');
    expect(screen.getByTestId('history-older')).toBeDisabled();
    await user.click(screen.getByTestId('history-newer'));
    await waitFor(() => expect(cardIds()[0]).toBe('15'));
    expect(currentUrl(router)).toBe('/generate?tab=history&cursors=16');

    // A filter is a new list, from the newest job again.
    await user.click(screen.getByRole('button', { name: 'Failed' }));
    await waitFor(() => expect(cardIds()).toEqual(['22', '17', '12', '7', '2']));
    expect(currentUrl(router)).toBe('/generate?tab=history&status=failed');
    expect(store.listQueries.at(-1)?.get('status')).toBe('failed');
    expect(store.listQueries.at(-1)?.has('cursor')).toBe(false);
    await user.click(screen.getByRole('button', { name: 'Cancelled' }));
    await waitFor(() => expect(store.listQueries.at(-1)?.get('status')).toBe('failed,cancelled'));
    expect(currentUrl(router)).toBe('/generate?tab=history&status=failed%2Ccancelled');

    // Back restores the previous filter and page.
    await router.navigate(-1);
    await router.navigate(-1);
    await waitFor(() => expect(cardIds()[0]).toBe('15'));
    expect(screen.getByRole('button', { name: 'Failed' })).toHaveAttribute('aria-pressed', 'false');

    await user.click(screen.getByRole('tab', { name: 'New job' }));
    expect(currentUrl(router)).toBe('/generate');
    expect(await screen.findByTestId('generate-form')).toBeInTheDocument();
  });

  it('moves active rows live and deletes a finished one after confirmation', async () => {
    const store = jobStore([
      makeJob(3, { status: 'running', progress: 0.2 }),
      makeJob(2, { status: 'failed', error: { code: 'timeout', message: 'Ran past 15 minutes' } }),
    ]);
    const subs = subscriptions();
    server.use(...signedIn(), ...store.handlers, subs.handler);
    renderApp('/generate?tab=history&status=running,failed');
    await screen.findByTestId('job-card-3', {}, { timeout: 10_000 });
    expect(store.listQueries.at(-1)?.get('status')).toBe('running,failed');
    expect(screen.getByTestId('job-error-2')).toHaveTextContent('timeout: Ran past 15 minutes');
    await waitFor(() => expect(subs.all()).toEqual([3]));

    sendJobEvent({ jobId: 3, status: 'running', progress: 0.9 });
    await waitFor(() =>
      expect(screen.getByRole('progressbar', { name: 'Progress of job 3' })).toHaveAttribute(
        'aria-valuenow',
        '90',
      ),
    );

    const user = userEvent.setup();
    await user.click(within(screen.getByTestId('job-card-2')).getByRole('button', { name: 'Delete job' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(screen.queryByTestId('job-card-2')).not.toBeInTheDocument());
    expect(store.calls).toEqual(['delete 2']);
  });

  it('has distinct loading, empty and error states', async () => {
    let answer: 'empty' | 'error' = 'empty';
    server.use(
      ...signedIn(),
      http.get<never, never, JobPage | ErrorResponse>(`${API}/generation-jobs`, async () => {
        await delay(100);
        return answer === 'empty'
          ? HttpResponse.json(makePage([], { pageSize: 10 }))
          : apiError(503, { code: 'dependency_unavailable', message: 'The database is unavailable' });
      }),
    );
    const { router } = renderApp('/generate?tab=history');
    expect(await screen.findByTestId('history-loading', {}, { timeout: 10_000 })).toBeInTheDocument();
    expect(await screen.findByTestId('history-empty')).toHaveTextContent('No jobs yet');

    answer = 'error';
    await router.navigate('/generate?tab=history&status=queued');
    expect(await screen.findByTestId('history-error')).toHaveTextContent('The database is unavailable');
    answer = 'empty';
    await userEvent.setup().click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByTestId('history-empty')).toHaveTextContent('No jobs with this status');
  });
});
