import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { delay, http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import type { ErrorResponse, GalleryPage } from '@genonaut/contracts';
import { makeContents, makePage } from '@/testing/fixtures';
import { contentReturns, tagSuggestionsReturn } from '@/testing/gallery-handlers';
import { API, apiError } from '@/testing/handlers';
import { scrollIntoViewport } from '@/testing/intersection-observer';
import { currentUrl, renderApp } from '@/testing/render';
import { server } from '@/testing/server';
import { makeTag } from '@/testing/tags-handlers';

const suggestion = (slug: 'painting' | 'watercolor') => {
  const { id, name, contentCount } = makeTag(slug);
  return { id, slug, name, contentCount };
};

/** The alt texts of the shown items, in order. */
const shownItems = () =>
  screen.getAllByTestId('gallery-item').map((item) => within(item).getByRole('img').getAttribute('alt'));

describe('gallery', () => {
  it('sends every filter of the URL to the API and restores it on back', async () => {
    const requests = contentReturns(() => makePage(makeContents(1, 3), { page: 2, totalCount: 27 }));
    const { router } = renderApp(
      '/gallery?q=cat&sort=oldest&sources=mine-regular,community-auto&tags=landscape&tagMatch=any&expandTags=false&page=2&view=list',
    );
    expect(await screen.findByTestId('gallery-list')).toBeInTheDocument();
    const sent = Object.fromEntries(requests.at(-1)!);
    expect(sent).toEqual({
      q: 'cat',
      sort: 'oldest',
      sources: 'mine-regular,community-auto',
      tags: 'landscape',
      tagMatch: 'any',
      expandTags: 'false',
      page: '2',
      pageSize: '24',
    });
    expect(screen.getByTestId('gallery-search')).toHaveValue('cat');
    expect(screen.getByTestId('source-mine-regular')).toBeChecked();
    expect(screen.getByTestId('source-mine-auto')).not.toBeChecked();
    expect(screen.getAllByTestId('tag-chip').map((chip) => chip.textContent)).toEqual(['landscape']);

    const user = userEvent.setup();
    await user.click(screen.getByRole('combobox', { name: 'Sort' }));
    await user.click(screen.getByRole('option', { name: 'Top rated' }));
    // A new sort is a new list: the page number starts again.
    await waitFor(() => expect(router.state.location.search).toContain('sort=top_rated'));
    expect(router.state.location.search).not.toContain('page=');
    await waitFor(() => expect(requests.at(-1)?.get('sort')).toBe('top_rated'));

    await router.navigate(-1);
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Sort' })).toHaveTextContent('Oldest'));
    expect(currentUrl(router)).toContain('page=2');
  });

  it('asks for everything with the defaults and keeps defaults out of the URL', async () => {
    const requests = contentReturns(() => makePage(makeContents(1, 2)));
    const { router } = renderApp('/gallery');
    expect(await screen.findAllByTestId('gallery-item')).toHaveLength(2);
    expect(Object.fromEntries(requests[0]!)).toEqual({ sort: 'newest', pageSize: '24' });
    expect(screen.getByTestId('gallery-count')).toHaveTextContent('2 images');

    const user = userEvent.setup();
    await user.click(screen.getByTestId('source-community-auto'));
    await waitFor(() =>
      expect(requests.at(-1)?.get('sources')).toBe('mine-regular,mine-auto,community-regular'),
    );
    expect(currentUrl(router)).toBe('/gallery?sources=mine-regular%2Cmine-auto%2Ccommunity-regular');
  });

  it('switches between grid sizes and the list, and links items to their page', async () => {
    contentReturns(() => makePage(makeContents(7, 2)));
    const { router } = renderApp('/gallery');
    const grid = await screen.findByTestId('gallery-grid');
    expect(grid).toHaveAttribute('data-size', 'medium');

    const user = userEvent.setup();
    await user.click(screen.getByTestId('size-small'));
    expect(await screen.findByTestId('gallery-grid')).toHaveAttribute('data-size', 'small');
    expect(screen.getByAltText('Image 7')).toHaveAttribute('src', '/api/v1/content/7/image?size=small');

    await user.click(screen.getByTestId('view-list'));
    const list = await screen.findByTestId('gallery-list');
    expect(currentUrl(router)).toBe('/gallery?view=list&size=small');
    expect(within(list).getAllByRole('img')).toHaveLength(2);

    await user.click(within(list).getByText('Image 8'));
    await waitFor(() => expect(currentUrl(router)).toBe('/content/8'));
  });

  it('pages by number and by "go to page"', async () => {
    const requests = contentReturns((params) => {
      const page = Number(params.get('page') ?? '1');
      return makePage(makeContents(page * 100, 3), { page, totalCount: 100, hasNext: page < 5 });
    });
    const { router } = renderApp('/gallery');
    await screen.findByText('Image 100');
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Go to page 3' }));
    expect(await screen.findByText('Image 300')).toBeInTheDocument();
    expect(currentUrl(router)).toBe('/gallery?page=3');
    expect(requests.at(-1)?.get('page')).toBe('3');

    await user.type(screen.getByTestId('go-to-page'), '5');
    await user.click(screen.getByRole('button', { name: 'Go' }));
    expect(await screen.findByText('Image 500')).toBeInTheDocument();
    expect(currentUrl(router)).toBe('/gallery?page=5');

    // Page 6 does not exist (100 items, 24 a page): the button stays off.
    await user.type(screen.getByTestId('go-to-page'), '6');
    expect(screen.getByRole('button', { name: 'Go' })).toBeDisabled();
  });

  it('filters by a tag picked from the suggestions, then by any tag and without sub-tags', async () => {
    const requests = contentReturns(() => makePage(makeContents(1, 2)));
    const asked = tagSuggestionsReturn([suggestion('painting'), suggestion('watercolor')]);
    const { router } = renderApp('/gallery');
    await screen.findAllByTestId('gallery-item');

    const user = userEvent.setup();
    await user.type(screen.getByTestId('tag-filter-input'), 'pai');
    await user.click(await screen.findByRole('option', { name: 'painting' }));
    expect(asked.at(-1)?.get('q')).toBe('pai');
    expect(screen.queryByRole('option', { name: 'watercolor' })).not.toBeInTheDocument();
    await waitFor(() => expect(currentUrl(router)).toBe('/gallery?tags=painting'));
    expect(screen.getAllByTestId('tag-chip').map((chip) => chip.textContent)).toEqual(['painting']);
    await waitFor(() =>
      expect(Object.fromEntries(requests.at(-1)!)).toEqual({
        sort: 'newest',
        pageSize: '24',
        tags: 'painting',
        tagMatch: 'all',
        expandTags: 'true',
      }),
    );

    await user.click(screen.getByRole('button', { name: 'Any tag' }));
    await waitFor(() => expect(currentUrl(router)).toBe('/gallery?tags=painting&tagMatch=any'));
    await waitFor(() => expect(requests.at(-1)?.get('tagMatch')).toBe('any'));

    await user.click(screen.getByRole('switch', { name: 'Include sub-tags' }));
    await waitFor(() =>
      expect(currentUrl(router)).toBe('/gallery?tags=painting&tagMatch=any&expandTags=false'),
    );
    await waitFor(() =>
      expect(Object.fromEntries(requests.at(-1)!)).toEqual({
        sort: 'newest',
        pageSize: '24',
        tags: 'painting',
        tagMatch: 'any',
        expandTags: 'false',
      }),
    );
  });

  it('switches to the scroll mode and appends the next cursor page when the end comes into view', async () => {
    const requests = contentReturns((params) => {
      if (params.has('page')) return makePage(makeContents(50, 2), { page: 2, totalCount: 26 });
      return params.get('cursor') === 'c2'
        ? makePage(makeContents(30, 2), { hasNext: false })
        : makePage(makeContents(1, 2), { hasNext: true, nextCursor: 'c2' });
    });
    const { router } = renderApp('/gallery?page=2');
    await screen.findByText('Image 50');

    await userEvent.setup().click(screen.getByTestId('mode-scroll'));
    expect(await screen.findByText('Image 1')).toBeInTheDocument();
    // The scroll mode has no page numbers: it starts from the top and follows cursors.
    expect(currentUrl(router)).toBe('/gallery?mode=scroll');
    expect(screen.queryByTestId('gallery-pager')).not.toBeInTheDocument();
    expect(requests).toHaveLength(2);
    expect(requests[1]?.has('page')).toBe(false);
    expect(requests[1]?.has('cursor')).toBe(false);

    const sentinel = screen.getByTestId('infinite-sentinel');
    // Leaving the view loads nothing; coming into it loads the next page once.
    expect(scrollIntoViewport(sentinel, false)).toBe(1);
    expect(scrollIntoViewport(sentinel)).toBe(1);
    expect(await screen.findByText('Image 31')).toBeInTheDocument();
    expect(shownItems()).toEqual(['Image 1', 'Image 2', 'Image 30', 'Image 31']);
    expect(requests).toHaveLength(3);
    expect(requests[2]?.get('cursor')).toBe('c2');

    // The last page: nothing watches the end any more.
    expect(screen.getByTestId('infinite-sentinel')).toHaveTextContent('That is everything.');
    expect(scrollIntoViewport(screen.getByTestId('infinite-sentinel'))).toBe(0);
  });

  it('loads the next page with the button in the scroll mode', async () => {
    const requests = contentReturns((params) =>
      params.get('cursor') === 'c2'
        ? makePage(makeContents(30, 2), { hasNext: false })
        : makePage(makeContents(1, 2), { hasNext: true, nextCursor: 'c2' }),
    );
    renderApp('/gallery?mode=scroll');
    await screen.findByText('Image 1');
    expect(requests[0]?.has('page')).toBe(false);
    await userEvent.setup().click(screen.getByTestId('load-more'));
    expect(await screen.findByText('Image 31')).toBeInTheDocument();
    expect(screen.getAllByTestId('gallery-item')).toHaveLength(4);
    expect(requests.at(-1)?.get('cursor')).toBe('c2');
    expect(screen.queryByTestId('load-more')).not.toBeInTheDocument();
  });

  it('shows skeletons while loading, then the empty state', async () => {
    server.use(
      http.get<never, never, GalleryPage>(`${API}/content`, async () => {
        await delay(150);
        return HttpResponse.json(makePage([]));
      }),
    );
    renderApp('/gallery');
    expect(await screen.findByTestId('gallery-loading')).toBeInTheDocument();
    expect(await screen.findByTestId('gallery-empty')).toHaveTextContent('No images match');
    expect(screen.queryByTestId('gallery-loading')).not.toBeInTheDocument();
  });

  it('shows the API error, and retries', async () => {
    let calls = 0;
    server.use(
      http.get<never, never, GalleryPage | ErrorResponse>(`${API}/content`, () => {
        calls += 1;
        return calls === 1
          ? apiError(504, {
              code: 'query_timeout',
              message: 'The query took too long; narrow the filters and retry',
            })
          : HttpResponse.json(makePage(makeContents(1, 1)));
      }),
    );
    renderApp('/gallery?q=a');
    expect(await screen.findByTestId('gallery-error')).toHaveTextContent('The query took too long');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('Image 1')).toBeInTheDocument();
  });

  it('does not ask the API when every source is off, and says how to turn them on', async () => {
    const requests = contentReturns(() => makePage(makeContents(1, 1)));
    const { router } = renderApp('/gallery?sources=');
    expect(await screen.findByTestId('gallery-empty')).toHaveTextContent('All sources are switched off');
    expect(screen.getByTestId('source-mine-regular')).not.toBeChecked();
    expect(screen.getByTestId('gallery-count')).toHaveTextContent('');

    // Turning the sources on is the first request: none went out while they were off.
    await userEvent.setup().click(screen.getByRole('button', { name: 'Turn all sources on' }));
    expect(await screen.findByText('Image 1')).toBeInTheDocument();
    expect(currentUrl(router)).toBe('/gallery');
    expect(screen.getByTestId('source-mine-regular')).toBeChecked();
    expect(requests.map((params) => Object.fromEntries(params))).toEqual([
      { sort: 'newest', pageSize: '24' },
    ]);
  });
});
