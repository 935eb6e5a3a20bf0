import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { delay, http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import type {
  ErrorResponse,
  GalleryPage,
  TagFavoriteResponse,
  TagRatingBody,
  TagRatingResponse,
} from '@genonaut/contracts';
import { makeContents, makePage } from '@/testing/fixtures';
import { contentReturns } from '@/testing/gallery-handlers';
import { API, apiError, signedIn } from '@/testing/handlers';
import { currentUrl, renderApp } from '@/testing/render';
import { server } from '@/testing/server';
import { makeTagDetail, TAG_IDS, tagDetailReturns } from '@/testing/tags-handlers';

/**
 * Picks a star. jsdom lays nothing out, so the pointer position MUI's Rating reads on hover is
 * meaningless there; a plain click on the radio is what a browser's click amounts to.
 */
const rateBy = (radio: HTMLElement) => fireEvent.click(radio);

const signedInViewer = makeTagDetail({ viewer: { rating: null, isFavorite: false } });

describe('tag page', () => {
  it('shows the tag, its routes, parents, children, counts, rating and images', async () => {
    server.use(tagDetailReturns());
    const requests = contentReturns(() => makePage(makeContents(1, 3), { totalCount: 30 }));
    renderApp('/tags/ink-wash');
    const page = await screen.findByTestId('tag-page');
    expect(screen.getByTestId('tag-name')).toHaveTextContent('Ink wash');
    expect(screen.getByTestId('tag-description')).toHaveTextContent('Monochrome brush ink');
    expect(screen.getAllByTestId('tag-ancestor-path').map((path) => path.textContent)).toEqual([
      'Tags/Medium/Painting/Ink wash',
      'Tags/Style/East Asian styles/Ink wash',
    ]);
    const parents = within(screen.getByTestId('tag-parents'));
    expect(parents.getByRole('link', { name: 'Painting' })).toHaveAttribute('href', '/tags/painting');
    expect(parents.getByRole('link', { name: 'East Asian styles' })).toHaveAttribute(
      'href',
      '/tags/east-asian-styles',
    );
    expect(screen.getByTestId('tag-children')).toHaveTextContent('No tags below this one.');

    expect(screen.getByTestId('tag-count-direct')).toHaveTextContent('7');
    expect(screen.getByTestId('tag-count-public')).toHaveTextContent('12');
    expect(screen.getByTestId('tag-count-sources')).toHaveTextContent(
      '8 made by people, 4 made automatically',
    );
    await waitFor(() => expect(screen.getByTestId('tag-count-with-descendants')).toHaveTextContent('30'));
    expect(screen.getByTestId('tag-rating-average')).toHaveTextContent('3.5 average from 4 ratings');

    // Anonymous: the average only, and a way to sign in for the rest.
    expect(screen.queryByTestId('tag-favourite')).toBeNull();
    expect(screen.queryByRole('radio')).toBeNull();
    expect(
      within(screen.getByTestId('tag-sign-in-hint')).getByRole('link', { name: 'Sign in' }),
    ).toHaveAttribute('href', '/login?redirectTo=%2Ftags%2Fink-wash');

    const grid = within(page).getByTestId('tag-content-grid');
    expect(within(grid).getAllByTestId('tag-content-item')).toHaveLength(3);
    expect(within(grid).getByRole('link', { name: /Image 2/ })).toHaveAttribute('href', '/content/2');
    expect(Object.fromEntries(requests[0]!)).toEqual({
      tags: 'ink-wash',
      expandTags: 'true',
      sort: 'newest',
      pageSize: '24',
    });
    expect(screen.getByTestId('tag-show-all')).toHaveAttribute('href', '/gallery?tags=ink-wash');
  });

  it('links children and pages through the images by number, in the URL', async () => {
    server.use(
      tagDetailReturns(
        makeTagDetail({
          id: TAG_IDS.painting,
          slug: 'painting',
          name: 'Painting',
          parents: [{ id: TAG_IDS.medium, slug: 'medium', name: 'Medium' }],
          children: [{ id: TAG_IDS.watercolor, slug: 'watercolor', name: 'Watercolor' }],
          ancestorPaths: [
            [
              { id: TAG_IDS.medium, slug: 'medium', name: 'Medium' },
              { id: TAG_IDS.painting, slug: 'painting', name: 'Painting' },
            ],
          ],
          counts: {
            all: 10_000,
            regular: 10_000,
            auto: 0,
            updatedAt: null,
            visible: 10_000,
            visibleIsCapped: true,
          },
        }),
      ),
    );
    const requests = contentReturns((params) => {
      const page = Number(params.get('page') ?? '1');
      return makePage(makeContents(page * 100, 2), { page, totalCount: 50, hasNext: page < 3 });
    });
    const { router } = renderApp('/tags/painting');
    await screen.findByText('Image 100');
    expect(
      within(screen.getByTestId('tag-children')).getByRole('link', { name: 'Watercolor' }),
    ).toHaveAttribute('href', '/tags/watercolor');
    expect(screen.getByTestId('tag-count-direct')).toHaveTextContent('10,000+');

    const user = userEvent.setup();
    const pager = screen.getByTestId('tag-content-pager');
    expect(within(pager).getByRole('button', { name: 'Go to page 3' })).toBeInTheDocument();
    expect(within(pager).queryByRole('button', { name: 'Go to page 4' })).toBeNull();
    await user.click(within(pager).getByRole('button', { name: 'Go to page 2' }));
    expect(await screen.findByText('Image 200')).toBeInTheDocument();
    expect(currentUrl(router)).toBe('/tags/painting?page=2');
    expect(requests.at(-1)?.get('page')).toBe('2');

    await router.navigate(-1);
    expect(await screen.findByText('Image 100')).toBeInTheDocument();
    expect(currentUrl(router)).toBe('/tags/painting');
  });

  it('toggles the favourite at once, and rolls it back when the API refuses', async () => {
    const calls: string[] = [];
    let fail = false;
    const answer = (isFavorite: boolean) => async () => {
      calls.push(isFavorite ? 'PUT' : 'DELETE');
      if (!fail) return HttpResponse.json<TagFavoriteResponse>({ isFavorite });
      await delay(150);
      return apiError(500, { code: 'internal', message: 'Something broke' });
    };
    server.use(
      ...signedIn(),
      tagDetailReturns(signedInViewer),
      http.put<never, never, TagFavoriteResponse | ErrorResponse>(
        `${API}/tags/${TAG_IDS['ink-wash']}/favorite`,
        answer(true),
      ),
      http.delete<never, never, TagFavoriteResponse | ErrorResponse>(
        `${API}/tags/${TAG_IDS['ink-wash']}/favorite`,
        answer(false),
      ),
    );
    renderApp('/tags/ink-wash');
    const button = await screen.findByTestId('tag-favourite');
    expect(button).toHaveAttribute('aria-pressed', 'false');
    expect(screen.queryByTestId('tag-sign-in-hint')).toBeNull();

    const user = userEvent.setup();
    await user.click(button);
    await waitFor(() => expect(screen.getByTestId('tag-favourite')).toHaveAttribute('aria-pressed', 'true'));
    expect(calls).toEqual(['PUT']);

    fail = true;
    await user.click(screen.getByTestId('tag-favourite'));
    // Optimistic: off at once, back on when the API refuses.
    expect(screen.getByTestId('tag-favourite')).toHaveAttribute('aria-pressed', 'false');
    expect(await screen.findByTestId('tag-favourite-error')).toHaveTextContent('Something broke');
    expect(screen.getByTestId('tag-favourite')).toHaveAttribute('aria-pressed', 'true');
    expect(calls).toEqual(['PUT', 'DELETE']);
  });

  it('sets, changes and removes the viewer’s half-star rating, rolling back a refused one', async () => {
    const sent: (number | null)[] = [];
    let fail = false;
    server.use(
      ...signedIn(),
      tagDetailReturns(signedInViewer),
      http.put<never, TagRatingBody, TagRatingResponse | ErrorResponse>(
        `${API}/tags/${TAG_IDS['ink-wash']}/rating`,
        async ({ request }) => {
          const { rating } = await request.json();
          sent.push(rating);
          if (fail) {
            await delay(150);
            return apiError(400, { code: 'validation_failed', message: 'Not a half star' });
          }
          return HttpResponse.json({ rating, ratingAvg: 3.8, ratingCount: 5 });
        },
      ),
      http.delete<never, never, TagRatingResponse>(`${API}/tags/${TAG_IDS['ink-wash']}/rating`, () => {
        sent.push(null);
        return HttpResponse.json({ rating: null, ratingAvg: 3.5, ratingCount: 4 });
      }),
    );
    renderApp('/tags/ink-wash');
    const rating = await screen.findByTestId('tag-rating');
    const user = userEvent.setup();
    rateBy(within(rating).getByRole('radio', { name: '4.5 stars' }));
    await waitFor(() =>
      expect(screen.getByTestId('tag-rating-average')).toHaveTextContent('3.8 average from 5 ratings'),
    );
    expect(sent).toEqual([4.5]);
    expect(within(rating).getByRole('radio', { name: '4.5 stars' })).toBeChecked();

    fail = true;
    rateBy(within(rating).getByRole('radio', { name: '2 stars' }));
    await waitFor(() => expect(within(rating).getByRole('radio', { name: '2 stars' })).toBeChecked());
    expect(await screen.findByTestId('tag-rating-error')).toHaveTextContent('Not a half star');
    expect(within(rating).getByRole('radio', { name: '4.5 stars' })).toBeChecked();
    expect(screen.getByTestId('tag-rating-average')).toHaveTextContent('3.8 average from 5 ratings');

    fail = false;
    await user.click(within(rating).getByRole('button', { name: 'Remove my rating' }));
    await waitFor(() =>
      expect(screen.getByTestId('tag-rating-average')).toHaveTextContent('3.5 average from 4 ratings'),
    );
    expect(sent).toEqual([4.5, 2, null]);
    expect(within(rating).queryByRole('button', { name: 'Remove my rating' })).toBeNull();
    // The refused rating is no longer the latest change: its error goes.
    expect(screen.queryByTestId('tag-rating-error')).toBeNull();
  });

  it('says so for an unknown tag', async () => {
    server.use(tagDetailReturns());
    renderApp('/tags/no-such-tag');
    const missing = await screen.findByTestId('tag-not-found');
    expect(missing).toHaveTextContent('No such tag');
    expect(within(missing).getByRole('link', { name: 'Browse all tags' })).toHaveAttribute('href', '/tags');
    expect(screen.queryByTestId('tag-page')).toBeNull();
  });

  it('shows the empty and error states of the images apart from the tag', async () => {
    server.use(tagDetailReturns());
    contentReturns(() => makePage([]));
    renderApp('/tags/ink-wash');
    expect(await screen.findByTestId('tag-content-empty')).toHaveTextContent('No images with this tag yet');
    expect(screen.getByTestId('tag-count-with-descendants')).toHaveTextContent('0');

    server.use(
      http.get<never, never, GalleryPage | ErrorResponse>(`${API}/content`, () =>
        apiError(504, { code: 'query_timeout', message: 'The query took too long' }),
      ),
    );
    renderApp('/tags/ink-wash?page=2');
    expect(await screen.findByTestId('tag-content-error')).toHaveTextContent('The query took too long');
  });
});
