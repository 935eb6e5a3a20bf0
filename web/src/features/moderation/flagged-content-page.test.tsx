import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { makeUser } from '@/testing/fixtures';
import { apiError, signedIn } from '@/testing/handlers';
import { makeFlagged, moderationStore } from '@/testing/moderation-handlers';
import { currentUrl, renderApp } from '@/testing/render';
import { server } from '@/testing/server';

const admin = makeUser({ role: 'admin', username: 'admin' });
const queue = [
  makeFlagged(1, {
    riskScore: 85,
    title: 'Gun Violence Attack',
    flaggedWords: ['gun', 'violence', 'attack'],
    hiddenFromOthers: true,
  }),
  makeFlagged(2, { riskScore: 23.72 }),
  makeFlagged(3, { riskScore: 17.33, status: 'approved' }),
];

function install(items = queue, options?: Parameters<typeof moderationStore>[2]) {
  const store = moderationStore(items, ['gun', 'knife'], options);
  server.use(...signedIn(admin), ...store.handlers);
  return store;
}

const rows = () => screen.getAllByTestId('flagged-row');

describe('flagged content queue', () => {
  it('is for administrators only, and linked from their sidebar', async () => {
    server.use(...signedIn(makeUser()));
    renderApp('/admin/flagged-content');
    expect(await screen.findByTestId('admin-only')).toBeInTheDocument();
    expect(screen.queryByTestId('nav-admin-flagged')).not.toBeInTheDocument();
  });

  it('shows the counts and the pending items, riskiest first, with their words, risk and status', async () => {
    install();
    const { router } = renderApp('/');
    await userEvent.setup().click(await screen.findByTestId('nav-admin-flagged'));
    await waitFor(() => expect(currentUrl(router)).toBe('/admin/flagged-content'));
    expect(await screen.findByTestId('stat-pending')).toHaveTextContent('2');
    expect(screen.getByTestId('stat-hidden')).toHaveTextContent('1');
    expect(screen.getByTestId('stat-approved')).toHaveTextContent('1');
    await waitFor(() => expect(rows()).toHaveLength(2));
    const [first] = rows();
    if (!first) throw new Error('no row');
    expect(within(first).getByTestId('flagged-open')).toHaveTextContent('Gun Violence Attack');
    expect(
      within(first)
        .getAllByTestId('flagged-word')
        .map((c) => c.textContent),
    ).toEqual(['gun', 'violence', 'attack']);
    expect(within(first).getByTestId('flagged-risk')).toHaveTextContent('Risk 85');
    expect(within(first).getByTestId('flagged-status')).toHaveTextContent('pending');
    expect(screen.getByTestId('flagged-count')).toHaveTextContent('2 items');
  });

  it('keeps the filters and page in the URL and asks the API with them', async () => {
    const store = install();
    const { router } = renderApp('/admin/flagged-content?sort=created&minRisk=20');
    await screen.findByTestId('flagged-list');
    expect(store.calls.lists.at(-1)?.get('sort')).toBe('created');
    expect(store.calls.lists.at(-1)?.get('minRisk')).toBe('20');
    const user = userEvent.setup();
    await user.click(screen.getByRole('combobox', { name: 'Status' }));
    await user.click(await screen.findByRole('option', { name: 'Approved' }));
    await waitFor(() =>
      expect(currentUrl(router)).toBe('/admin/flagged-content?status=approved&minRisk=20&sort=created'),
    );
    await waitFor(() => expect(store.calls.lists.at(-1)?.get('status')).toBe('approved'));
    await waitFor(() =>
      expect(screen.getByTestId('flagged-empty')).toHaveTextContent('Nothing matches these filters'),
    );
    await user.click(screen.getByRole('button', { name: 'Clear the filters' }));
    await waitFor(() => expect(currentUrl(router)).toBe('/admin/flagged-content'));
  });

  it('says when there is nothing to review, and shows a failed load with a retry', async () => {
    install([]);
    const { unmount } = renderApp('/admin/flagged-content');
    expect(await screen.findByTestId('flagged-empty')).toHaveTextContent('Nothing to review');
    unmount();
    install(queue, { list: () => apiError(500, { code: 'internal', message: 'Something broke' }) });
    renderApp('/admin/flagged-content');
    expect(await screen.findByTestId('flagged-error')).toHaveTextContent('Something broke');
  });

  it('approves the selected items at once', async () => {
    const store = install();
    renderApp('/admin/flagged-content');
    await waitFor(() => expect(rows()).toHaveLength(2));
    const user = userEvent.setup();
    await user.click(screen.getByRole('checkbox', { name: 'Select all on this page' }));
    expect(screen.getByTestId('bulk-count')).toHaveTextContent('2 selected');
    await user.click(screen.getByTestId('bulk-approve'));
    await waitFor(() => expect(store.calls.bulk).toEqual([{ ids: [1, 2], decision: 'approve' }]));
    expect(await screen.findByTestId('flagged-empty')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId('stat-approved')).toHaveTextContent('3'));
  });

  it('asks before removing the selected items, and shows a refusal', async () => {
    const store = install(queue, {
      bulk: () => apiError(409, { code: 'conflict', message: 'Already approved' }),
    });
    renderApp('/admin/flagged-content');
    await waitFor(() => expect(rows()).toHaveLength(2));
    const user = userEvent.setup();
    await user.click(within(rows()[1] ?? document.body).getByRole('checkbox'));
    await user.click(screen.getByTestId('bulk-remove'));
    const dialog = await screen.findByTestId('confirm-remove-dialog');
    expect(dialog).toHaveTextContent('Remove this item?');
    expect(store.calls.bulk).toHaveLength(0);
    await user.click(within(dialog).getByTestId('confirm-remove'));
    expect(await within(dialog).findByTestId('confirm-remove-error')).toHaveTextContent('Already approved');
    expect(store.calls.bulk).toEqual([{ ids: [2], decision: 'remove' }]);
  });

  it('starts a rescan and follows its progress until it finishes', async () => {
    const store = install(queue, { scanPolls: 2 });
    renderApp('/admin/flagged-content');
    const user = userEvent.setup();
    const button = await screen.findByTestId('rescan-button');
    await waitFor(() => expect(button).toBeEnabled());
    await user.click(button);
    expect(await screen.findByTestId('rescan-progress')).toBeInTheDocument();
    await waitFor(
      () => expect(screen.getByTestId('rescan-state')).toHaveAttribute('data-state', 'completed'),
      {
        timeout: 10_000,
      },
    );
    expect(screen.getByTestId('rescan-state')).toHaveTextContent('checked 40 items');
    expect(store.calls.scans).toBe(1);
  });

  it('edits the flag words as chips and saves the whole list', async () => {
    const store = install();
    renderApp('/admin/flagged-content');
    const user = userEvent.setup();
    await user.click(await screen.findByTestId('edit-flag-words'));
    const dialog = await screen.findByTestId('flag-words-dialog');
    await waitFor(() => expect(within(dialog).getAllByTestId('flag-word-chip')).toHaveLength(2));
    await user.type(within(dialog).getByTestId('flag-word-input'), 'Dagger, sword');
    await user.click(within(dialog).getByTestId('flag-word-add'));
    const gun = within(dialog)
      .getAllByTestId('flag-word-chip')
      .find((c) => c.textContent === 'gun');
    await user.click(within(gun ?? dialog).getByTestId('CancelIcon'));
    expect(
      within(dialog)
        .getAllByTestId('flag-word-chip')
        .map((c) => c.textContent),
    ).toEqual(['dagger', 'knife', 'sword']);
    await user.click(within(dialog).getByTestId('flag-words-save'));
    await waitFor(() => expect(store.calls.savedWords).toEqual([['dagger', 'knife', 'sword']]));
    await waitFor(() => expect(screen.queryByTestId('flag-words-dialog')).not.toBeInTheDocument());
  });
});
