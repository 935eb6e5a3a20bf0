import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import type { GalleryPage } from '@genonaut/contracts';
import { contentItemHandlers } from '@/testing/content-handlers';
import { makeContent, makeContentDetail, makePage, makeUser } from '@/testing/fixtures';
import { API, apiError, signedIn } from '@/testing/handlers';
import { currentUrl, renderApp } from '@/testing/render';
import { server } from '@/testing/server';

const OWNER_ID = '00000000-0000-4000-8000-0000000000aa';
const owner = makeUser({ id: OWNER_ID, username: 'carol', displayName: 'Carol' });
const stranger = makeUser();

const rated = (rating: number | null) =>
  makeContentDetail(5, {
    title: 'Lighthouse at dusk',
    creator: { id: OWNER_ID, username: 'carol', displayName: 'Carol' },
    ratingAvg: rating ?? 0,
    ratingCount: rating === null ? 0 : 1,
    viewer: { bookmarkId: null, rating },
  });

const star = (n: number) => screen.getByRole('radio', { name: n === 1 ? '1 Star' : `${n} Stars` });
/**
 * MUI's Rating takes the value under the pointer when there is one; jsdom lays nothing out, so a
 * pointer-driven click would land on a made-up star. A plain click on the radio is what a browser does.
 */
const choose = (n: number) => fireEvent.click(star(n));

/** A promise the test settles by hand, to hold an answer back while it looks at the page. */
function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

describe('rating an item', () => {
  it('sets and changes the rating, showing the new average', async () => {
    const { handlers, calls } = contentItemHandlers(rated(null));
    server.use(...signedIn(stranger), ...handlers);
    renderApp('/content/5');
    // The stars are there once the page knows who is signed in.
    await screen.findByRole('radio', { name: '4 Stars' });
    expect(await screen.findByTestId('rating-average')).toHaveTextContent('No ratings yet');
    expect(screen.queryByTestId('rating-clear')).not.toBeInTheDocument();

    choose(4);
    await waitFor(() => expect(star(4)).toBeChecked());
    await waitFor(() =>
      expect(screen.getByTestId('rating-average')).toHaveTextContent('4.0 average from 1 rating'),
    );
    choose(2);
    await waitFor(() => expect(screen.getByTestId('rating-average')).toHaveTextContent('2.0 average'));
    expect(star(2)).toBeChecked();
    expect(calls.ratings).toEqual([
      { method: 'PUT', rating: 4 },
      { method: 'PUT', rating: 2 },
    ]);
  });

  it('clears the rating', async () => {
    const { handlers, calls } = contentItemHandlers(rated(3));
    server.use(...signedIn(stranger), ...handlers);
    const user = userEvent.setup();
    renderApp('/content/5');
    await waitFor(() => expect(star(3)).toBeChecked());
    await user.click(screen.getByRole('button', { name: 'Clear rating' }));
    await waitFor(() => expect(screen.getByTestId('rating-average')).toHaveTextContent('No ratings yet'));
    expect(star(3)).not.toBeChecked();
    expect(screen.queryByTestId('rating-clear')).not.toBeInTheDocument();
    expect(calls.ratings).toEqual([{ method: 'DELETE', rating: null }]);
  });

  it('shows a new rating at once and puts the old one back when the API refuses it', async () => {
    const hold = deferred();
    const { handlers } = contentItemHandlers(rated(3), {
      rating: async () => {
        await hold.promise;
        return apiError(500, { code: 'internal', message: 'Something broke' });
      },
    });
    server.use(...signedIn(stranger), ...handlers);
    const user = userEvent.setup();
    renderApp('/content/5');
    await waitFor(() => expect(star(3)).toBeChecked());

    choose(5);
    // Optimistic: the star is set while the API's answer is still held back.
    await waitFor(() => expect(star(5)).toBeChecked());
    expect(screen.queryByTestId('rating-error')).not.toBeInTheDocument();

    hold.resolve();
    expect(await screen.findByTestId('rating-error')).toHaveTextContent(
      'Your rating was not saved: Something broke',
    );
    expect(star(3)).toBeChecked();
    expect(star(5)).not.toBeChecked();

    // A clear that fails also puts the stars back.
    await user.click(screen.getByRole('button', { name: 'Clear rating' }));
    await waitFor(() => expect(screen.getByTestId('rating-error')).toBeInTheDocument());
    await waitFor(() => expect(star(3)).toBeChecked());
  });
});

describe('deleting an item', () => {
  it('is offered to the owner, confirmed, then leads to a refreshed gallery', async () => {
    let deleted = false;
    let galleryRequests = 0;
    const { handlers, calls } = contentItemHandlers(rated(null), {
      remove: () => {
        deleted = true;
        return new HttpResponse(null, { status: 204 });
      },
    });
    server.use(
      ...signedIn(owner),
      ...handlers,
      http.get<never, never, GalleryPage>(`${API}/content`, () => {
        galleryRequests += 1;
        return HttpResponse.json(makePage(deleted ? [makeContent(6)] : [makeContent(5), makeContent(6)]));
      }),
    );
    const user = userEvent.setup();
    const { router } = renderApp('/gallery');
    expect(await screen.findAllByTestId('gallery-item')).toHaveLength(2);
    await user.click(screen.getByAltText('Image 5'));
    await user.click(await screen.findByTestId('delete-content'));

    // Cancel changes nothing.
    const dialog = await screen.findByRole('dialog', { name: 'Delete this image?' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(calls.deletes).toEqual([]);

    await user.click(screen.getByTestId('delete-content'));
    await user.click(await screen.findByTestId('confirm-delete'));
    await waitFor(() => expect(currentUrl(router)).toBe('/gallery'));
    expect(calls.deletes).toEqual(['5']);
    // The gallery was cached with the item in it; it is asked again and the item is gone.
    await waitFor(() => expect(screen.getAllByTestId('gallery-item')).toHaveLength(1));
    expect(galleryRequests).toBe(2);
    // Back does not return to the deleted item's page.
    expect(router.state.historyAction).toBe('REPLACE');
  });

  it('is offered to admins but not to other users', async () => {
    server.use(...signedIn(stranger), ...contentItemHandlers(rated(null)).handlers);
    const first = renderApp('/content/5');
    expect(await screen.findByTestId('content-actions')).toBeInTheDocument();
    expect(screen.queryByTestId('delete-content')).not.toBeInTheDocument();
    first.unmount();

    server.use(...signedIn(makeUser({ role: 'admin' })));
    renderApp('/content/5');
    expect(await screen.findByTestId('delete-content')).toBeInTheDocument();
  });

  it('says clearly when the API refuses (403) or the item is already gone (404)', async () => {
    let status = 403;
    const { handlers } = contentItemHandlers(rated(null), {
      remove: () =>
        status === 403
          ? apiError(403, { code: 'forbidden', message: 'Not your item' })
          : apiError(404, { code: 'not_found', message: 'No such item' }),
    });
    server.use(...signedIn(owner), ...handlers);
    const user = userEvent.setup();
    const { router } = renderApp('/content/5');
    await user.click(await screen.findByTestId('delete-content'));
    await user.click(await screen.findByTestId('confirm-delete'));
    expect(await screen.findByTestId('delete-error')).toHaveTextContent(
      'You may not delete this image: only its creator or an admin can.',
    );
    expect(currentUrl(router)).toBe('/content/5');

    status = 404;
    await user.click(screen.getByTestId('confirm-delete'));
    await waitFor(() =>
      expect(screen.getByTestId('delete-error')).toHaveTextContent('This image no longer exists'),
    );
    await user.click(screen.getByRole('button', { name: 'Go to the gallery' }));
    await waitFor(() => expect(currentUrl(router)).toBe('/gallery'));
  });
});
