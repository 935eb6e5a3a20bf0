import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import {
  bookmarkChangesRecorded,
  categoriesReturn,
  categoryBookmarksReturn,
  CATEGORY_IDS,
  makeBookmark,
  makeBookmarkPage,
} from '@/testing/bookmarks-handlers';
import { signedIn } from '@/testing/handlers';
import { currentUrl, renderApp } from '@/testing/render';
import { server } from '@/testing/server';

const url = `/bookmarks/${CATEGORY_IDS.portraits}`;
const bookmarks = [
  makeBookmark(1, { pinned: true }),
  makeBookmark(2, { categoryIds: [CATEGORY_IDS.portraits, CATEGORY_IDS.ink] }),
  makeBookmark(3),
];

function setup(total = 3) {
  const { requests, handler } = categoryBookmarksReturn(() => makeBookmarkPage(bookmarks, total));
  const changes = bookmarkChangesRecorded(() => HttpResponse.json(bookmarks[0]));
  server.use(...signedIn(), categoriesReturn(), handler, ...changes.handlers);
  return { requests, calls: changes.calls };
}

const query = (params: URLSearchParams) => Object.fromEntries(params);

async function openMenu(user: ReturnType<typeof userEvent.setup>, title: string) {
  await user.click(await screen.findByRole('button', { name: `Actions for ${title}` }));
}

describe('bookmark category page', () => {
  it('shows the bookmarks of the category as a grid, pinned marked', async () => {
    const { requests } = setup();
    renderApp(url);
    expect(await screen.findByTestId('category-title')).toHaveTextContent('Portraits');
    const grid = within(await screen.findByTestId('bookmark-grid'));
    expect(grid.getAllByTestId('bookmark-item')).toHaveLength(3);
    expect(grid.getByRole('link', { name: 'Image 2' })).toHaveAttribute('href', '/content/2');
    expect(
      within(grid.getAllByTestId('bookmark-item')[0]!).getByTestId('bookmark-pinned'),
    ).toBeInTheDocument();
    expect(requests[0]!.categoryId).toBe(CATEGORY_IDS.portraits);
    expect(query(requests[0]!.params)).toEqual({ sort: 'rating_then_added', order: 'desc', pageSize: '24' });
  });

  it('keeps sort, order and page in the URL', async () => {
    const user = userEvent.setup();
    const { requests } = setup(60);
    const { router } = renderApp(url);
    await screen.findByTestId('bookmark-grid');
    await user.click(
      within(screen.getByTestId('bookmarks-pager')).getByRole('button', { name: 'Go to page 2' }),
    );
    await waitFor(() => expect(currentUrl(router)).toBe(`${url}?page=2`));
    await waitFor(() => expect(requests.at(-1)!.params.get('page')).toBe('2'));

    // Another sort starts at page 1 with that sort's own default order.
    await user.click(screen.getByRole('combobox', { name: 'Sort by' }));
    await user.click(screen.getByRole('option', { name: 'Title' }));
    await waitFor(() => expect(currentUrl(router)).toBe(`${url}?sort=title`));
    await waitFor(() =>
      expect(query(requests.at(-1)!.params)).toEqual({ sort: 'title', order: 'asc', pageSize: '24' }),
    );
    await user.click(screen.getByRole('button', { name: 'Z–A' }));
    await waitFor(() => expect(currentUrl(router)).toBe(`${url}?sort=title&order=desc`));

    void router.navigate(-1);
    await waitFor(() => expect(currentUrl(router)).toBe(`${url}?sort=title`));
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'A–Z' })).toHaveAttribute('aria-pressed', 'true'),
    );
  });

  it('removes a bookmark after asking', async () => {
    const user = userEvent.setup();
    const { calls } = setup();
    renderApp(url);
    await openMenu(user, 'Image 2');
    await user.click(screen.getByTestId('bookmark-remove'));
    const dialog = within(screen.getByTestId('remove-bookmark-dialog'));
    expect(dialog.getByText(/here or in the other category/)).toBeInTheDocument();
    await user.click(dialog.getByTestId('confirm-remove-bookmark'));
    await waitFor(() => expect(screen.queryByTestId('remove-bookmark-dialog')).toBeNull());
    expect(calls).toEqual([
      { method: 'DELETE', path: `/bookmarks/${bookmarks[1]!.id}`, query: {}, body: undefined },
    ]);
  });

  it('moves and copies a bookmark to other categories', async () => {
    const user = userEvent.setup();
    const { calls } = setup();
    renderApp(url);

    await openMenu(user, 'Image 2');
    await user.click(screen.getByTestId('bookmark-move'));
    let dialog = within(screen.getByTestId('move-copy-dialog'));
    // Already filed in "Ink": shown, ticked, not choosable.
    expect(dialog.getByRole('checkbox', { name: 'Portraits / Ink (already there)' })).toBeDisabled();
    expect(dialog.getByTestId('move-copy-submit')).toBeDisabled();
    await user.click(dialog.getByRole('checkbox', { name: 'Landscapes' }));
    await user.click(dialog.getByTestId('move-copy-submit'));
    await waitFor(() => expect(screen.queryByTestId('move-copy-dialog')).toBeNull());

    await openMenu(user, 'Image 3');
    await user.click(screen.getByTestId('bookmark-move'));
    dialog = within(screen.getByTestId('move-copy-dialog'));
    await user.click(dialog.getByLabelText('Copy'));
    await user.click(dialog.getByRole('checkbox', { name: 'Uncategorized' }));
    await user.click(dialog.getByTestId('move-copy-submit'));
    await waitFor(() => expect(calls).toHaveLength(2));
    expect(calls.map(({ method, path, body }) => ({ method, path, body }))).toEqual([
      {
        method: 'PUT',
        path: `/bookmarks/${bookmarks[1]!.id}/categories`,
        body: { categoryIds: [CATEGORY_IDS.ink, CATEGORY_IDS.landscapes] },
      },
      {
        method: 'PUT',
        path: `/bookmarks/${bookmarks[2]!.id}/categories`,
        body: { categoryIds: [CATEGORY_IDS.portraits, CATEGORY_IDS.uncategorized] },
      },
    ]);
  });

  it('shows an empty category as empty', async () => {
    setup(0);
    server.use(categoryBookmarksReturn(() => makeBookmarkPage([])).handler);
    renderApp(`/bookmarks/${CATEGORY_IDS.landscapes}`);
    expect(await screen.findByTestId('bookmarks-empty')).toHaveTextContent(
      'No bookmarks in this category yet',
    );
    // Any category but Uncategorized can be deleted from its own page.
    expect(screen.getByTestId('category-page-delete')).toBeInTheDocument();
  });

  it('says when the category does not exist', async () => {
    setup();
    renderApp('/bookmarks/00000000-0000-4000-8000-000000000999');
    expect(await screen.findByTestId('category-not-found')).toBeInTheDocument();
    expect(screen.getByTestId('category-back')).toHaveAttribute('href', '/bookmarks');
  });
});
