import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ErrorResponse, GenerationJob } from '@genonaut/contracts';
import { makeJob } from '@/testing/fixtures';
import { catalogueHandlers, jobStore, sendJobEvent, subscriptions } from '@/testing/generate-handlers';
import { API, apiError, signedIn } from '@/testing/handlers';
import { renderApp } from '@/testing/render';
import { server } from '@/testing/server';

beforeEach(() => window.sessionStorage.clear());

function setUp(jobs: GenerationJob[] = []) {
  const store = jobStore(jobs);
  const subs = subscriptions();
  server.use(...signedIn(), ...catalogueHandlers(), ...store.handlers, subs.handler);
  return { store, subs };
}

/** Jobs queued earlier in this browser tab (the page keeps their ids for the session). */
function queuedEarlier(...ids: number[]) {
  window.sessionStorage.setItem('genonaut-generate-session-jobs', JSON.stringify(ids));
}

describe('generate page jobs', () => {
  it('submits, then follows the job over the WebSocket until its images show', async () => {
    const { store, subs } = setUp();
    renderApp('/generate');
    expect(await screen.findByTestId('session-jobs-empty', {}, { timeout: 10_000 })).toBeInTheDocument();
    await waitFor(() =>
      expect(screen.getByRole('combobox', { name: 'Checkpoint' })).toHaveTextContent('SDXL Base'),
    );
    const user = userEvent.setup();
    await user.click(screen.getByTestId('prompt-input'));
    await user.paste('a harbour at night');
    await user.clear(screen.getByTestId('field-batchSize'));
    await user.paste('2');
    await user.click(screen.getByRole('button', { name: 'Generate' }));

    const card = await screen.findByTestId('job-card-100');
    expect(store.submitted[0]).toMatchObject({ prompt: 'a harbour at night', batchSize: 2 });
    expect(screen.getByTestId('job-status-100')).toHaveTextContent('Queued');
    expect(screen.getByTestId('job-prompt-100')).toHaveTextContent('a harbour at night');
    expect(within(card).getByTestId('job-placeholders-100').children).toHaveLength(2);
    await waitFor(() => expect(subs.all()).toContain(100));

    sendJobEvent({ jobId: 100, status: 'running', progress: 0.5 });
    await waitFor(() => expect(screen.getByTestId('job-status-100')).toHaveTextContent('Running'));
    const progress = screen.getByRole('progressbar', { name: 'Progress of job 100' });
    expect(progress).toHaveAttribute('aria-valuenow', '50');
    expect(card).toHaveAttribute('data-status', 'running');

    sendJobEvent({ jobId: 100, status: 'completed', progress: 1, contentIds: [11, 12] });
    await waitFor(() => expect(within(card).getAllByTestId('job-image')).toHaveLength(2));
    expect(screen.getByTestId('job-status-100')).toHaveTextContent('Completed');
    expect(progress).toHaveAttribute('aria-valuenow', '100');
    expect(card).toHaveTextContent('100%');
    const [first, second] = within(card).getAllByTestId('job-image');
    expect(first).toHaveAttribute('src', '/api/v1/content/11/image?size=small');
    expect(second).toHaveAttribute('src', '/api/v1/content/12/image?size=small');
    expect(first?.closest('a')).toHaveAttribute('href', '/content/11');
    expect(within(card).getByRole('link', { name: 'Download image 2 of job 100' })).toHaveAttribute(
      'href',
      '/api/v1/content/12/image',
    );
    // Finished: no cancel, but delete; nothing to retry.
    expect(within(card).queryByRole('button', { name: 'Cancel job' })).not.toBeInTheDocument();
    expect(within(card).queryByRole('button', { name: 'Retry job' })).not.toBeInTheDocument();
    expect(within(card).getByRole('button', { name: 'Delete job' })).toBeInTheDocument();
  });

  it('cancels a running job and retries it', async () => {
    const { store } = setUp([makeJob(5, { status: 'running', progress: 0.3, prompt: 'a slow storm' })]);
    queuedEarlier(5);
    renderApp('/generate');
    const card = await screen.findByTestId('job-card-5', {}, { timeout: 10_000 });
    expect(screen.getByTestId('job-status-5')).toHaveTextContent('Running');
    expect(within(card).queryByRole('button', { name: 'Retry job' })).not.toBeInTheDocument();

    const user = userEvent.setup();
    await user.click(within(card).getByRole('button', { name: 'Cancel job' }));
    await waitFor(() => expect(screen.getByTestId('job-status-5')).toHaveTextContent('Cancelled'));
    expect(store.calls).toEqual(['cancel 5']);
    expect(within(card).queryByRole('button', { name: 'Cancel job' })).not.toBeInTheDocument();

    await user.click(within(card).getByRole('button', { name: 'Retry job' }));
    await waitFor(() => expect(screen.getByTestId('job-status-5')).toHaveTextContent('Queued'));
    expect(store.calls).toEqual(['cancel 5', 'retry 5']);
    expect(card).toHaveTextContent('attempt 2');
    expect(within(card).getByRole('button', { name: 'Cancel job' })).toBeInTheDocument();
  });

  it('shows a failure’s code and message, and the API’s refusal of an action', async () => {
    setUp([makeJob(6, { status: 'running', progress: 0.6 })]);
    queuedEarlier(6);
    renderApp('/generate');
    const card = await screen.findByTestId('job-card-6', {}, { timeout: 10_000 });
    sendJobEvent({
      jobId: 6,
      status: 'failed',
      progress: 0.6,
      error: { code: 'comfyui_error', message: 'Value not in list: ckpt_name' },
    });
    const error = await screen.findByTestId('job-error-6');
    expect(error).toHaveTextContent('comfyui_error: Value not in list: ckpt_name');
    expect(screen.getByTestId('job-status-6')).toHaveTextContent('Failed');

    server.use(
      http.post<never, never, GenerationJob | ErrorResponse>(`${API}/generation-jobs/6/retry`, () =>
        apiError(503, { code: 'dependency_unavailable', message: 'The job queue (Redis) is unavailable' }),
      ),
    );
    await userEvent.setup().click(within(card).getByRole('button', { name: 'Retry job' }));
    expect(await screen.findByTestId('job-action-error-6')).toHaveTextContent(
      'The job queue (Redis) is unavailable',
    );
    expect(screen.getByTestId('job-status-6')).toHaveTextContent('Failed');
  });

  it('deletes a finished job after confirmation and dismisses another', async () => {
    const { store } = setUp([
      makeJob(7, { status: 'completed', progress: 1, contentIds: [70] }),
      makeJob(8, { status: 'cancelled', progress: 0.1 }),
    ]);
    queuedEarlier(7, 8);
    renderApp('/generate');
    const card = await screen.findByTestId('job-card-7', {}, { timeout: 10_000 });
    const user = userEvent.setup();

    await user.click(within(card).getByRole('button', { name: 'Delete job' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete job 7?' });
    await user.click(within(dialog).getByRole('button', { name: 'Keep' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(store.calls).toEqual([]);

    await user.click(within(card).getByRole('button', { name: 'Delete job' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(screen.queryByTestId('job-card-7')).not.toBeInTheDocument());
    expect(store.calls).toEqual(['delete 7']);

    await user.click(screen.getByRole('button', { name: 'Dismiss job 8' }));
    expect(await screen.findByTestId('session-jobs-empty')).toBeInTheDocument();
    expect(store.jobs.has(8)).toBe(true);
  });
});
