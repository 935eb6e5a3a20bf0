import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import type {
  ContentStats,
  ErrorResponse,
  GalleryPage,
  JobPage,
  MyGenerationStats,
  ServerMessage,
} from '@genonaut/contracts';
import { makeContent, makeJob, makePage, makeStats } from '@/testing/fixtures';
import { API, apiError, realtime, signedIn } from '@/testing/handlers';
import { renderApp } from '@/testing/render';
import { server } from '@/testing/server';

describe('dashboard', () => {
  it('shows counts per source, recent items of both scopes and running jobs, live', async () => {
    const subscribed: number[][] = [];
    server.use(
      ...signedIn(),
      http.get<never, never, ContentStats>(`${API}/content/stats`, () =>
        HttpResponse.json(
          makeStats({ mineRegular: 12, mineAuto: 3, communityRegular: 1500, communityAuto: 40 }),
        ),
      ),
      http.get<never, never, GalleryPage>(`${API}/content`, ({ request }) => {
        const sources = new URL(request.url).searchParams.get('sources');
        return HttpResponse.json(
          sources === 'mine-regular,mine-auto'
            ? makePage([makeContent(1, { title: 'Mine' })])
            : makePage([makeContent(2), makeContent(3)]),
        );
      }),
      http.get<never, never, JobPage>(`${API}/generation-jobs`, () =>
        HttpResponse.json(makePage([makeJob(5, { title: 'Castle', progress: 0.25 })])),
      ),
      realtime.addEventListener('connection', ({ client }) => {
        client.addEventListener('message', (event) => {
          const message = JSON.parse(event.data as string) as { type: string; jobIds?: number[] };
          if (message.type === 'subscribe' && message.jobIds) subscribed.push(message.jobIds);
        });
      }),
    );
    renderApp('/');
    await waitFor(() => expect(screen.getByTestId('count-mine-regular')).toHaveTextContent('12'));
    expect(screen.getByTestId('count-community-regular')).toHaveTextContent('1,500');
    expect(await within(screen.getByTestId('recent-mine')).findByAltText('Mine')).toBeInTheDocument();
    expect(await within(screen.getByTestId('recent-community')).findAllByTestId('recent-item')).toHaveLength(
      2,
    );

    const progress = await screen.findByRole('progressbar', { name: 'Progress of job 5' });
    expect(progress).toHaveAttribute('aria-valuenow', '25');
    await waitFor(() => expect(subscribed).toContainEqual([5]));
    const event: ServerMessage = { type: 'job', jobId: 5, status: 'running', progress: 0.75 };
    realtime.broadcast(JSON.stringify(event));
    await waitFor(() => expect(progress).toHaveAttribute('aria-valuenow', '75'));
  });

  it('shows empty states for a new user and an error per failed section', async () => {
    server.use(
      ...signedIn(),
      http.get<never, never, ContentStats | ErrorResponse>(`${API}/content/stats`, () =>
        apiError(503, { code: 'dependency_unavailable', message: 'The database is unavailable' }),
      ),
    );
    renderApp('/');
    expect(await screen.findByText('The database is unavailable')).toBeInTheDocument();
    expect(await screen.findByText('You have no images yet')).toBeInTheDocument();
    expect(await screen.findByText('No jobs running')).toBeInTheDocument();
  });

  it("shows the user's own generation numbers", async () => {
    const asked: URLSearchParams[] = [];
    server.use(
      ...signedIn(),
      http.get<never, never, MyGenerationStats>(`${API}/analytics/generation/me`, ({ request }) => {
        asked.push(new URL(request.url).searchParams);
        return HttpResponse.json({
          days: 30,
          requests: 12,
          successes: 9,
          failures: 2,
          cancellations: 1,
          images: 18,
          successRate: 0.75,
          averageDurationMs: 4250,
        });
      }),
    );
    renderApp('/');
    expect(await screen.findByTestId('my-jobs')).toHaveTextContent('12');
    expect(screen.getByTestId('my-success-rate')).toHaveTextContent('75 %');
    expect(screen.getByTestId('my-duration')).toHaveTextContent('4.3 s');
    expect(screen.getByTestId('my-images')).toHaveTextContent('18');
    expect(asked[0]?.get('days')).toBe('30');
  });

  it('says when the user has no jobs yet', async () => {
    server.use(...signedIn());
    renderApp('/');
    expect(await screen.findByTestId('my-generation-empty')).toHaveTextContent('No jobs in the last 30 days');
  });
});
