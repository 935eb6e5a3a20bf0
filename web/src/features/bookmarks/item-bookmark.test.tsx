import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { CATEGORY_IDS, makeBookmark } from '@/testing/bookmarks-handlers';
import { makeContentDetail } from '@/testing/fixtures';
import { API, apiError, signedIn } from '@/testing/handlers';
import { itemBookmarkStore } from '@/testing/item-bookmark-handlers';
import { currentUrl, renderApp } from '@/testing/render';
import { server } from '@/testing/server';

const item = makeContentDetail(5, {
  title: 'Lighthouse at dusk',
  viewer: { bookmarkId: null, rating: null },
});
const checkbox = (id: string) => screen.getByTestId(`bookmark-category-${id}`);

describe('the item page’s bookmark button', () => {
  it('bookmarks the item, files it in a new category, notes it, and shows it filled', async () => {
    const store = itemBookmarkStore(item);
    server.use(...signedIn(), ...store.handlers);
    renderApp('/content/5');
    const button = await screen.findByTestId('bookmark-button');
    expect(button).toHaveTextContent(/^Bookmark$/);
    const user = userEvent.setup();
    await user.click(button);

    const manager = await screen.findByTestId('bookmark-manager');
    await waitFor(() => expect(checkbox(CATEGORY_IDS.uncategorized)).toBeChecked());
    expect(screen.getByTestId('bookmark-button')).toHaveTextContent('Bookmarked');
    expect(screen.getByTestId('bookmark-button')).toHaveAttribute('data-bookmarked', 'true');

    await user.type(within(manager).getByTestId('new-category-name'), 'Sea');
    await user.click(within(manager).getByTestId('new-category-add'));
    const sea = await within(manager).findByRole('checkbox', { name: 'Sea' });
    await waitFor(() => expect(sea).toBeChecked());
    // Filing it somewhere real takes it out of Uncategorized.
    expect(checkbox(CATEGORY_IDS.uncategorized)).not.toBeChecked();

    await user.click(checkbox(CATEGORY_IDS.portraits));
    await waitFor(() => expect(checkbox(CATEGORY_IDS.portraits)).toBeChecked());
    await user.type(within(manager).getByTestId('bookmark-note'), 'for the blog');
    await user.click(within(manager).getByTestId('bookmark-note-save'));
    expect(await within(manager).findByTestId('bookmark-note-saved')).toBeInTheDocument();

    const id = store.state.bookmark?.id ?? '';
    const seaId = store.state.categories.at(-1)?.id;
    expect(store.state.calls).toEqual([
      { method: 'POST', path: '/bookmarks', body: { contentId: 5 } },
      { method: 'POST', path: '/bookmark-categories', body: { name: 'Sea' } },
      { method: 'PUT', path: `/bookmarks/${id}/categories`, body: { categoryIds: [seaId] } },
      {
        method: 'PUT',
        path: `/bookmarks/${id}/categories`,
        body: { categoryIds: [seaId, CATEGORY_IDS.portraits] },
      },
      { method: 'PATCH', path: `/bookmarks/${id}`, body: { note: 'for the blog' } },
    ]);
    await user.click(within(manager).getByTestId('bookmark-manager-done'));
    await waitFor(() => expect(screen.queryByTestId('bookmark-manager')).not.toBeInTheDocument());
    expect(screen.getByTestId('bookmark-button')).toHaveTextContent('Bookmarked');
  });

  it('opens the manager of an existing bookmark and removes it after asking', async () => {
    const bookmark = makeBookmark(5, { categoryIds: [CATEGORY_IDS.ink], note: 'old note' });
    const store = itemBookmarkStore({ ...item, viewer: { bookmarkId: bookmark.id, rating: null } }, bookmark);
    server.use(...signedIn(), ...store.handlers);
    renderApp('/content/5');
    const user = userEvent.setup();
    await user.click(await screen.findByTestId('bookmark-button'));
    await waitFor(() => expect(checkbox(CATEGORY_IDS.ink)).toBeChecked());
    expect(screen.getByTestId('bookmark-note')).toHaveValue('old note');

    await user.click(screen.getByTestId('bookmark-manager-remove'));
    await user.click(await screen.findByTestId('confirm-remove-bookmark'));
    await waitFor(() => expect(screen.queryByTestId('bookmark-manager')).not.toBeInTheDocument());
    expect(screen.getByTestId('bookmark-button')).toHaveTextContent(/^Bookmark$/);
    expect(store.state.bookmark).toBeNull();
  });

  it('shows a taken category name under the field', async () => {
    const bookmark = makeBookmark(5, { categoryIds: [CATEGORY_IDS.uncategorized] });
    const store = itemBookmarkStore({ ...item, viewer: { bookmarkId: bookmark.id, rating: null } }, bookmark);
    server.use(...signedIn(), ...store.handlers);
    renderApp('/content/5');
    const user = userEvent.setup();
    await user.click(await screen.findByTestId('bookmark-button'));
    await user.type(await screen.findByTestId('new-category-name'), 'portraits');
    await user.click(screen.getByTestId('new-category-add'));
    expect(await screen.findByText('is taken by a sibling category (names ignore case)')).toBeInTheDocument();
    expect(store.state.calls.filter((call) => call.method === 'PUT')).toEqual([]);
  });

  it('says why bookmarking failed, and keeps the button unfilled', async () => {
    server.use(...signedIn(), ...itemBookmarkStore(item).handlers);
    server.use(http.post(`${API}/bookmarks`, () => apiError(500, { code: 'internal', message: 'Broken' })));
    renderApp('/content/5');
    await userEvent.setup().click(await screen.findByTestId('bookmark-button'));
    expect(await screen.findByTestId('bookmark-error')).toHaveTextContent('Not bookmarked: Broken');
    expect(screen.getByTestId('bookmark-button')).toHaveTextContent(/^Bookmark$/);
    expect(screen.queryByTestId('bookmark-manager')).not.toBeInTheDocument();
  });

  it('offers visitors a sign-in that comes back to the item', async () => {
    server.use(...itemBookmarkStore(item).handlers);
    const { router } = renderApp('/content/5');
    const link = await screen.findByTestId('bookmark-sign-in');
    expect(screen.queryByTestId('bookmark-button')).not.toBeInTheDocument();
    await userEvent.setup().click(link);
    await waitFor(() => expect(currentUrl(router)).toBe('/login?redirectTo=%2Fcontent%2F5'));
  });
});
