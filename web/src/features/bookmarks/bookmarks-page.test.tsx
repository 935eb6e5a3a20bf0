import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import type { BookmarkCategory } from '@genonaut/contracts';
import {
  bookmarkChangesRecorded,
  categories,
  categoriesReturn,
  categoryBookmarksReturn,
  CATEGORY_IDS,
  makeBookmark,
  makeBookmarkPage,
  SHARE_TOKEN,
} from '@/testing/bookmarks-handlers';
import { API, apiError, signedIn } from '@/testing/handlers';
import { currentUrl, renderApp } from '@/testing/render';
import { server } from '@/testing/server';

const previews = () =>
  categoryBookmarksReturn((_id, params) =>
    makeBookmarkPage([makeBookmark(1), makeBookmark(2)].slice(0, Number(params.get('pageSize')))),
  );

const card = (name: string) =>
  screen.getAllByTestId('category-card').find((entry) => within(entry).queryByText(name, { exact: true }))!;

describe('bookmarks page', () => {
  it('sends anonymous visitors to the login', async () => {
    const { router } = renderApp('/bookmarks');
    await waitFor(() => expect(currentUrl(router)).toBe('/login?redirectTo=%2Fbookmarks'));
  });

  it('shows the categories nested, with counts, previews and links', async () => {
    const { requests, handler } = previews();
    server.use(...signedIn(), categoriesReturn(), handler);
    renderApp('/bookmarks');
    await screen.findByTestId('bookmarks-page');
    const names = (await screen.findAllByTestId('category-name')).map((link) => link.textContent);
    expect(names).toEqual(['Uncategorized', 'Portraits', 'Ink', 'Landscapes']);
    // "Ink" sits in the list inside "Portraits".
    expect(
      within(screen.getByRole('list', { name: 'Inside Portraits' })).getByText('Ink'),
    ).toBeInTheDocument();
    expect(within(card('Portraits')).getByTestId('category-count')).toHaveTextContent('3 bookmarks');
    expect(within(card('Uncategorized')).getByTestId('category-count')).toHaveTextContent('1 bookmark');
    expect(within(card('Portraits')).getByRole('link', { name: 'Portraits' })).toHaveAttribute(
      'href',
      `/bookmarks/${CATEGORY_IDS.portraits}`,
    );
    await waitFor(() =>
      expect(within(card('Portraits')).getAllByTestId('category-preview-image')).toHaveLength(2),
    );
    // The empty category asks for no preview; Uncategorized cannot be deleted.
    expect(within(card('Landscapes')).getByTestId('category-preview-empty')).toBeInTheDocument();
    expect(requests.map((entry) => entry.categoryId)).not.toContain(CATEGORY_IDS.landscapes);
    expect(within(card('Uncategorized')).queryByTestId('category-delete')).toBeNull();
  });

  it('has distinct empty and error states', async () => {
    server.use(...signedIn(), categoriesReturn([]));
    renderApp('/bookmarks');
    expect(await screen.findByTestId('categories-empty')).toBeInTheDocument();
    server.use(
      http.get(`${API}/bookmark-categories`, () => apiError(500, { code: 'internal', message: 'Broken' })),
    );
    renderApp('/bookmarks');
    expect(await screen.findByTestId('categories-error')).toHaveTextContent('Broken');
  });

  it('creates a category inside another and shows a name conflict under the name', async () => {
    const user = userEvent.setup();
    const { calls, handlers } = bookmarkChangesRecorded(({ body }) =>
      (body as { name: string }).name === 'Ink'
        ? apiError(409, { code: 'conflict', message: 'A category named "Ink" is already there' })
        : HttpResponse.json(categories[1], { status: 201 }),
    );
    server.use(...signedIn(), categoriesReturn(), previews().handler, ...handlers);
    renderApp('/bookmarks');
    await user.click(await screen.findByTestId('category-create'));
    const dialog = within(screen.getByTestId('category-form-dialog'));
    await user.click(dialog.getByTestId('category-form-submit'));
    expect(dialog.getByText('A name is needed')).toBeInTheDocument();
    expect(calls).toHaveLength(0);

    await user.type(dialog.getByTestId('category-form-name'), 'Ink');
    await user.click(dialog.getByRole('combobox', { name: 'Inside' }));
    await user.click(screen.getByRole('option', { name: 'Portraits' }));
    await user.click(dialog.getByTestId('category-form-submit'));
    expect(await dialog.findByText('A category named "Ink" is already there')).toBeInTheDocument();

    await user.clear(dialog.getByTestId('category-form-name'));
    await user.type(dialog.getByTestId('category-form-name'), 'Sketches');
    await user.click(dialog.getByTestId('category-form-submit'));
    await waitFor(() => expect(screen.queryByTestId('category-form-dialog')).toBeNull());
    expect(calls[1]).toEqual({
      method: 'POST',
      path: '/bookmark-categories',
      query: {},
      body: { name: 'Sketches', description: null, color: null, parentId: CATEGORY_IDS.portraits },
    });
  });

  it('edits a category without offering itself or its children as parent', async () => {
    const user = userEvent.setup();
    const { calls, handlers } = bookmarkChangesRecorded(() => HttpResponse.json(categories[1]));
    server.use(...signedIn(), categoriesReturn(), previews().handler, ...handlers);
    renderApp('/bookmarks');
    await screen.findAllByTestId('category-card');
    await user.click(within(card('Portraits')).getByTestId('category-edit'));
    const dialog = within(screen.getByTestId('category-form-dialog'));
    expect(dialog.getByTestId('category-form-name')).toHaveValue('Portraits');
    await user.click(dialog.getByRole('combobox', { name: 'Inside' }));
    const options = screen.getAllByRole('option').map((option) => option.textContent);
    expect(options).toEqual(['Nothing (top level)', 'Landscapes']);
    await user.click(screen.getByRole('option', { name: 'Landscapes' }));
    await user.click(dialog.getByTestId('category-form-submit'));
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]).toMatchObject({
      method: 'PATCH',
      path: `/bookmark-categories/${CATEGORY_IDS.portraits}`,
      body: { name: 'Portraits', description: 'Faces I like', parentId: CATEGORY_IDS.landscapes },
    });
  });

  it('deletes a category, moving its bookmarks or deleting those filed only there', async () => {
    const user = userEvent.setup();
    const { calls, handlers } = bookmarkChangesRecorded();
    server.use(...signedIn(), categoriesReturn(), previews().handler, ...handlers);
    renderApp('/bookmarks');
    await screen.findAllByTestId('category-card');

    await user.click(within(card('Portraits')).getByTestId('category-delete'));
    let dialog = within(screen.getByTestId('delete-category-dialog'));
    expect(dialog.getByText(/subcategories will move to the top level/)).toBeInTheDocument();
    await user.click(dialog.getByLabelText('Move them all to another category'));
    await user.click(dialog.getByRole('combobox', { name: 'Move to' }));
    await user.click(screen.getByRole('option', { name: 'Landscapes' }));
    await user.click(dialog.getByTestId('confirm-delete-category'));
    await waitFor(() => expect(screen.queryByTestId('delete-category-dialog')).toBeNull());

    await user.click(within(card('Ink')).getByTestId('category-delete'));
    dialog = within(screen.getByTestId('delete-category-dialog'));
    await user.click(dialog.getByLabelText('Delete the bookmarks filed only here'));
    await user.click(dialog.getByTestId('confirm-delete-category'));
    await waitFor(() => expect(calls).toHaveLength(2));
    expect(calls.map(({ method, path, query }) => ({ method, path, query }))).toEqual([
      {
        method: 'DELETE',
        path: `/bookmark-categories/${CATEGORY_IDS.portraits}`,
        query: { moveTo: CATEGORY_IDS.landscapes },
      },
      {
        method: 'DELETE',
        path: `/bookmark-categories/${CATEGORY_IDS.ink}`,
        query: { deleteBookmarks: 'true' },
      },
    ]);
  });

  it('makes a category public, shows its link and copies it', async () => {
    const user = userEvent.setup();
    const published: BookmarkCategory = { ...categories[3]!, isPublic: true, shareToken: SHARE_TOKEN };
    const { calls, handlers } = bookmarkChangesRecorded(() => HttpResponse.json(published));
    server.use(...signedIn(), categoriesReturn(), previews().handler, ...handlers);
    renderApp('/bookmarks');
    await screen.findAllByTestId('category-card');
    await user.click(within(card('Landscapes')).getByTestId('category-share'));
    const dialog = within(screen.getByTestId('share-dialog'));
    expect(dialog.getByTestId('share-private')).toBeInTheDocument();
    // The refetch after the change must not undo it.
    server.use(categoriesReturn(categories.map((entry) => (entry.id === published.id ? published : entry))));
    await user.click(dialog.getByTestId('share-switch'));
    const link = await dialog.findByTestId('share-link');
    expect(link).toHaveValue(`${window.location.origin}/shared/${SHARE_TOKEN}`);
    expect(calls[0]).toMatchObject({ method: 'PATCH', body: { isPublic: true } });
    await user.click(dialog.getByTestId('share-copy'));
    expect(dialog.getByTestId('share-copied')).toHaveTextContent('Copied');
    expect(await navigator.clipboard.readText()).toBe(`${window.location.origin}/shared/${SHARE_TOKEN}`);
  });
});
