import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { apiError, signedIn } from '@/testing/handlers';
import { currentUrl, renderApp } from '@/testing/render';
import { makeSearchEntry, searchHistoryStore } from '@/testing/search-history-handlers';
import { server } from '@/testing/server';

const entries = Array.from({ length: 30 }, (_, i) =>
  makeSearchEntry(`query ${i + 1}`, {
    count: i + 1,
    lastUsedAt: `2026-02-${String(28 - (i % 28)).padStart(2, '0')}T10:00:00.000Z`,
  }),
);

function install(initial = entries, options?: Parameters<typeof searchHistoryStore>[1]) {
  const store = searchHistoryStore(initial, options);
  server.use(...signedIn(), ...store.handlers);
  return store;
}

const rows = () => screen.getAllByTestId('search-history-row');
const row = (query: string) => rows().find((r) => r.dataset.query === query);

describe('search history page', () => {
  it('sends visitors to the login', async () => {
    const { router } = renderApp('/search-history');
    await waitFor(() => expect(currentUrl(router)).toBe('/login?redirectTo=%2Fsearch-history'));
  });

  it('lists the searches grouped by query with count and last use, page by page', async () => {
    const store = install();
    const { router } = renderApp('/search-history');
    expect(await screen.findByTestId('search-history-count')).toHaveTextContent('30 distinct searches');
    expect(rows()).toHaveLength(25);
    const first = rows()[0];
    if (!first) throw new Error('no row');
    expect(within(first).getByTestId('search-query')).toHaveTextContent('query 1');
    expect(within(first).getByTestId('search-count')).toHaveTextContent('Searched once');
    expect(within(first).getByTestId('search-last-used')).toHaveAttribute(
      'datetime',
      '2026-02-28T10:00:00.000Z',
    );
    expect(within(rows()[1] ?? first).getByTestId('search-count')).toHaveTextContent('Searched 2 times');

    const user = userEvent.setup();
    await user.click(
      within(screen.getByTestId('search-history-pages')).getByRole('button', { name: /page 2/ }),
    );
    await waitFor(() => expect(currentUrl(router)).toBe('/search-history?page=2'));
    await waitFor(() => expect(rows()).toHaveLength(5));
    expect(rows()[0]).toHaveAttribute('data-query', 'query 26');
    expect(store.calls.pages.at(-1)?.get('page')).toBe('2');
  });

  it('searches again in the gallery', async () => {
    install();
    const { router } = renderApp('/search-history');
    await screen.findByTestId('search-history-list');
    const again = within(row('query 3') ?? document.body).getByTestId('search-again');
    expect(again).toHaveAccessibleName('Search again for "query 3"');
    await userEvent.setup().click(again);
    await waitFor(() => expect(currentUrl(router)).toBe('/gallery?q=query+3'));
  });

  it('deletes one query', async () => {
    const store = install(entries.slice(0, 3));
    renderApp('/search-history');
    await screen.findByTestId('search-history-list');
    await userEvent.setup().click(within(row('query 2') ?? document.body).getByTestId('delete-search'));
    await waitFor(() => expect(rows().map((r) => r.dataset.query)).toEqual(['query 1', 'query 3']));
    expect(store.calls.deleted).toEqual(['query 2']);
    expect(screen.getByTestId('search-history-count')).toHaveTextContent('2 distinct searches');
  });

  it('says so when a deletion is refused and keeps the row', async () => {
    install(entries.slice(0, 2), {
      remove: () => apiError(500, { code: 'internal', message: 'Database is down' }),
    });
    renderApp('/search-history');
    await screen.findByTestId('search-history-list');
    await userEvent.setup().click(within(row('query 1') ?? document.body).getByTestId('delete-search'));
    expect(await screen.findByTestId('delete-search-error')).toHaveTextContent(
      'The search was not deleted: Database is down',
    );
    expect(rows()).toHaveLength(2);
  });

  it('clears everything only after confirmation', async () => {
    const store = install(entries.slice(0, 3));
    renderApp('/search-history');
    const user = userEvent.setup();
    await user.click(await screen.findByTestId('clear-history'));
    const dialog = await screen.findByTestId('clear-history-dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByTestId('clear-history-dialog')).not.toBeInTheDocument());
    expect(store.calls.cleared).toBe(0);
    expect(rows()).toHaveLength(3);

    await user.click(screen.getByTestId('clear-history'));
    await user.click(await screen.findByTestId('confirm-clear-history'));
    expect(await screen.findByTestId('search-history-empty')).toBeInTheDocument();
    expect(store.calls.cleared).toBe(1);
    expect(screen.queryByTestId('clear-history')).not.toBeInTheDocument();
  });

  it('shows the empty state with a way to the gallery', async () => {
    install([]);
    renderApp('/search-history');
    const empty = await screen.findByTestId('search-history-empty');
    expect(within(empty).getByRole('link', { name: 'Open the gallery' })).toHaveAttribute('href', '/gallery');
    expect(screen.queryByTestId('clear-history')).not.toBeInTheDocument();
  });

  it('shows the error with a retry that works', async () => {
    let fail = true;
    install(entries.slice(0, 1), {
      list: () => (fail ? apiError(500, { code: 'internal', message: 'Database is down' }) : undefined),
    });
    renderApp('/search-history');
    expect(await screen.findByTestId('search-history-error')).toHaveTextContent('Database is down');
    fail = false;
    await userEvent.setup().click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByTestId('search-history-list')).toBeInTheDocument();
  });

  it('is reachable from the sidebar', async () => {
    install([]);
    renderApp('/search-history');
    expect(await screen.findByTestId('search-history-page')).toBeInTheDocument();
    expect(within(screen.getByTestId('sidebar')).getByRole('link', { name: 'History' })).toHaveAttribute(
      'href',
      '/search-history',
    );
  });
});
