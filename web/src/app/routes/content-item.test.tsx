import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import type { ContentList } from '@genonaut/contracts';
import { contentItemHandlers } from '@/testing/content-handlers';
import { makeContent, makeContentDetail } from '@/testing/fixtures';
import { apiError } from '@/testing/handlers';
import { currentUrl, renderApp } from '@/testing/render';
import { server } from '@/testing/server';

const item = makeContentDetail(5, {
  title: 'Lighthouse at dusk',
  source: 'auto',
  creator: { id: '00000000-0000-4000-8000-000000000002', username: 'bob', displayName: 'Bob B.' },
  checkpoint: 'sd_xl_base_1.0',
  loras: [
    { name: 'detail-tweaker', strengthModel: 0.8, strengthClip: 0.8 },
    { name: 'film-grain', strengthModel: 0.5, strengthClip: 0.3 },
  ],
  seed: 987654321,
  steps: 28,
  cfg: 6.5,
  sampler: 'dpmpp_2m',
  scheduler: 'karras',
  denoise: 0.75,
  width: 832,
  height: 1216,
  generationJobId: 4242,
  prompt: 'a lighthouse at dusk, oil painting',
  negativePrompt: 'blurry, watermark',
  tags: [
    { id: '00000000-0000-5000-8000-0000000000a1', slug: 'seascape', name: 'Seascape' },
    { id: '00000000-0000-5000-8000-0000000000a2', slug: 'oil-painting', name: 'Oil painting' },
  ],
  image: { url: '/api/v1/content/5/image', width: 832, height: 1216 },
});

/** A promise the test settles by hand, to hold an answer back while it looks at the page. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => (resolve = done));
  return { promise, resolve };
}

describe('content item page', () => {
  it('shows the image, what it is and every generation parameter, and records one view', async () => {
    const { handlers, calls } = contentItemHandlers(item);
    server.use(...handlers);
    const { queryClient } = renderApp('/content/5');

    expect(await screen.findByTestId('content-title')).toHaveTextContent('Lighthouse at dusk');
    expect(screen.getByTestId('content-creator')).toHaveTextContent('Bob B.');
    expect(screen.getByTestId('content-date')).toHaveAttribute('datetime', item.createdAt);
    expect(screen.getByTestId('content-source')).toHaveTextContent('Source: Auto');
    expect(screen.getByTestId('content-image')).toHaveAttribute('src', '/api/v1/content/5/image?size=large');

    const param = (key: string) => screen.getByTestId(`param-${key}`);
    expect(param('checkpoint')).toHaveTextContent('sd_xl_base_1.0');
    expect(screen.getAllByTestId('param-lora').map((lora) => lora.textContent)).toEqual([
      'detail-tweaker (0.8)',
      'film-grain (model 0.5, clip 0.3)',
    ]);
    expect(param('seed')).toHaveTextContent('987654321');
    expect(param('steps')).toHaveTextContent('28');
    expect(param('cfg')).toHaveTextContent('6.5');
    expect(param('sampler')).toHaveTextContent('dpmpp_2m');
    expect(param('scheduler')).toHaveTextContent('karras');
    expect(param('denoise')).toHaveTextContent('0.75');
    expect(param('size')).toHaveTextContent('832 × 1216');
    expect(param('job')).toHaveTextContent('4242');

    expect(screen.getByTestId('content-prompt')).toHaveTextContent('a lighthouse at dusk, oil painting');
    expect(screen.getByTestId('content-negative-prompt')).toHaveTextContent('blurry, watermark');
    const tags = screen.getAllByTestId('content-tag');
    expect(tags.map((tag) => tag.getAttribute('href'))).toEqual(['/tags/seascape', '/tags/oil-painting']);
    expect(screen.getByTestId('generate-again')).toHaveAttribute('href', '/generate?from=5');
    const download = screen.getByTestId('download-original');
    expect(download).toHaveAttribute('href', '/api/v1/content/5/image');
    expect(download).toHaveAttribute('download', 'genonaut-5.png');
    expect(download).toHaveTextContent('Download original (2.3 MB)');

    // Anonymous: the average, an invitation to sign in, and no delete.
    expect(screen.getByRole('link', { name: 'Sign in to rate' })).toHaveAttribute(
      'href',
      '/login?redirectTo=%2Fcontent%2F5',
    );
    expect(screen.queryByTestId('delete-content')).not.toBeInTheDocument();
    expect(document.title).toBe('Lighthouse at dusk · Genonaut');

    await waitFor(() => expect(calls.interactions).toEqual([{ id: '5', type: 'view' }]));
    // A refetch of the same item is not a second view.
    await queryClient.refetchQueries({ type: 'active' });
    expect(calls.interactions).toHaveLength(1);
  });

  it('copies the prompt and the negative prompt', async () => {
    server.use(...contentItemHandlers(item).handlers);
    const user = userEvent.setup();
    renderApp('/content/5');
    await user.click(await screen.findByRole('button', { name: 'Copy prompt' }));
    expect(await screen.findByText('Prompt copied')).toBeInTheDocument();
    expect(await navigator.clipboard.readText()).toBe('a lighthouse at dusk, oil painting');
    await user.click(screen.getByRole('button', { name: 'Copy negative prompt' }));
    expect(await screen.findByText('Negative prompt copied')).toBeInTheDocument();
    expect(await navigator.clipboard.readText()).toBe('blurry, watermark');
  });

  it('says "No such item" for a missing or hidden item, and for an id that is not one', async () => {
    const { handlers, calls } = contentItemHandlers(item);
    server.use(...handlers);
    const { router } = renderApp('/content/999');
    expect(await screen.findByTestId('content-not-found')).toHaveTextContent('No such item');
    expect(screen.getByRole('link', { name: 'Go to the gallery' })).toHaveAttribute('href', '/gallery');
    expect(calls.interactions).toEqual([]);
    expect(calls.similar).toEqual([]);

    await router.navigate('/content/not-a-number');
    expect(await screen.findByTestId('content-not-found')).toBeInTheDocument();
  });

  it('shows a retryable error for other failures', async () => {
    let fail = true;
    const { handlers } = contentItemHandlers(item, {
      // The first answer fails as if the database were down; the retry succeeds.
      get: () =>
        fail
          ? apiError(503, { code: 'dependency_unavailable', message: 'PostgreSQL is unreachable' })
          : HttpResponse.json(item),
    });
    server.use(...handlers);
    renderApp('/content/5');
    expect(await screen.findByTestId('content-error')).toHaveTextContent('PostgreSQL is unreachable');
    fail = false;
    await userEvent.setup().click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByTestId('content-title')).toHaveTextContent('Lighthouse at dusk');
  });

  it('opens the original in a zoom view and closes it with Escape', async () => {
    server.use(...contentItemHandlers(item).handlers);
    const user = userEvent.setup();
    renderApp('/content/5');
    const open = await screen.findByRole('button', { name: 'Open “Lighthouse at dusk” full size' });
    await user.click(open);

    const dialog = await screen.findByRole('dialog', { name: 'Lighthouse at dusk' });
    expect(within(dialog).getByTestId('zoom-image')).toHaveAttribute('src', '/api/v1/content/5/image');
    const level = within(dialog).getByTestId('zoom-level');
    expect(level).toHaveTextContent('Fit');
    // The keys work straight away, before anything in the dialog was clicked.
    await user.keyboard('+');
    expect(level).toHaveTextContent('150%');
    await user.keyboard('0');
    expect(level).toHaveTextContent('Fit');
    // jsdom lays nothing out, so "fit" is the original size here and the steps go from 100%.
    await user.click(within(dialog).getByRole('button', { name: 'Zoom in' }));
    expect(level).toHaveTextContent('150%');
    expect(within(dialog).getByTestId('zoom-image')).toHaveStyle({ width: '1248px' });
    await user.click(within(dialog).getByRole('button', { name: 'Zoom out' }));
    await user.click(within(dialog).getByRole('button', { name: 'Zoom out' }));
    expect(level).toHaveTextContent('75%');
    await user.click(within(dialog).getByRole('button', { name: 'Fit to screen' }));
    expect(level).toHaveTextContent('Fit');
    await user.keyboard('+');
    expect(level).toHaveTextContent('150%');

    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await waitFor(() => expect(open).toHaveFocus());

    // Every opening starts again at "fit".
    await user.click(open);
    expect(await screen.findByTestId('zoom-level')).toHaveTextContent('Fit');
    await user.click(screen.getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('shows similar items loading, then linked thumbnails', async () => {
    const answer = deferred<ContentList>();
    const { handlers, calls } = contentItemHandlers(item, {
      similar: async () => HttpResponse.json(await answer.promise),
    });
    server.use(...handlers);
    const { router } = renderApp('/content/5');
    expect(await screen.findByTestId('similar-loading')).toBeInTheDocument();
    answer.resolve({ items: [makeContent(8, { title: 'Harbour' }), makeContent(9)] });
    const tiles = await screen.findAllByTestId('similar-item');
    expect(tiles.map((tile) => tile.getAttribute('href'))).toEqual(['/content/8', '/content/9']);
    expect(screen.getByAltText('Harbour')).toHaveAttribute('src', '/api/v1/content/8/image?size=medium');
    expect(calls.similar).toEqual(['5']);

    await userEvent.setup().click(screen.getByRole('link', { name: 'Harbour' }));
    await waitFor(() => expect(currentUrl(router)).toBe('/content/8'));
  });

  it('shows an empty state when nothing is similar', async () => {
    server.use(...contentItemHandlers(item).handlers);
    renderApp('/content/5');
    expect(await screen.findByTestId('similar-empty')).toHaveTextContent('No similar images yet');
    expect(screen.queryByTestId('similar-error')).not.toBeInTheDocument();
  });

  it('shows an error for similar items on its own, and retries it', async () => {
    let fail = true;
    const { handlers, calls } = contentItemHandlers(item, {
      similar: () =>
        fail
          ? apiError(504, { code: 'query_timeout', message: 'The query took too long' })
          : HttpResponse.json<ContentList>({ items: [makeContent(8)] }),
    });
    server.use(...handlers);
    renderApp('/content/5');
    const error = await screen.findByTestId('similar-error');
    expect(error).toHaveTextContent('The query took too long');
    // The rest of the page is fine.
    expect(screen.getByTestId('content-title')).toBeInTheDocument();
    fail = false;
    await userEvent.setup().click(within(error).getByRole('button', { name: 'Retry' }));
    expect(await screen.findAllByTestId('similar-item')).toHaveLength(1);
    expect(calls.similar).toEqual(['5', '5']);
  });
});
