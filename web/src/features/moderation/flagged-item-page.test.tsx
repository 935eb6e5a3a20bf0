import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { makeUser } from '@/testing/fixtures';
import { signedIn } from '@/testing/handlers';
import { makeFlagged, moderationStore } from '@/testing/moderation-handlers';
import { currentUrl, renderApp } from '@/testing/render';
import { server } from '@/testing/server';

const admin = makeUser({ role: 'admin', username: 'admin' });
const item = makeFlagged(7, {
  title: 'Weapon Attack',
  prompt: 'knife, guns and violence',
  riskScore: 78.33,
  totalWords: 6,
  problemWords: 5,
  problemPercentage: 83.33,
  flaggedWords: ['weapon', 'attack', 'knife', 'gun', 'violence'],
  titleHighlights: [
    { word: 'weapon', index: 0, length: 6 },
    { word: 'attack', index: 7, length: 6 },
  ],
  promptHighlights: [
    { word: 'knife', index: 0, length: 5 },
    { word: 'gun', index: 7, length: 4 },
    { word: 'violence', index: 16, length: 8 },
  ],
  riskBreakdown: { percentage: 33.33, count: 15, variety: 30 },
  hiddenFromOthers: true,
});

function install() {
  const store = moderationStore([item, makeFlagged(8)]);
  server.use(...signedIn(admin), ...store.handlers);
  return store;
}

describe('flagged item review', () => {
  it('marks the flag words in the title and prompt and breaks the risk down', async () => {
    install();
    renderApp('/admin/flagged-content/7');
    const title = await screen.findByTestId('flagged-title');
    expect(
      within(title)
        .getAllByTestId('highlight')
        .map((m) => m.textContent),
    ).toEqual(['Weapon', 'Attack']);
    const prompt = screen.getByTestId('flagged-prompt');
    expect(prompt).toHaveTextContent('knife, guns and violence');
    expect(
      within(prompt)
        .getAllByTestId('highlight')
        .map((m) => m.textContent),
    ).toEqual(['knife', 'guns', 'violence']);
    expect(screen.getByTestId('risk-breakdown')).toHaveTextContent('Problem words 5 of 6 (83.33%) × 0.4');
    expect(screen.getByTestId('risk-total')).toHaveTextContent('78.33');
    expect(screen.getByText('Hidden from other users')).toBeInTheDocument();
  });

  it('approves with notes and shows the new status', async () => {
    const store = install();
    renderApp('/admin/flagged-content/7');
    const user = userEvent.setup();
    await user.type(await screen.findByTestId('review-notes'), 'staged fencing scene');
    await user.click(screen.getByTestId('review-approve'));
    await waitFor(() =>
      expect(store.calls.reviews).toEqual([
        { id: 7, body: { decision: 'approve', notes: 'staged fencing scene' } },
      ]),
    );
    await waitFor(() => expect(screen.getByTestId('item-status')).toHaveTextContent('approved'));
    expect(screen.getByTestId('approved-note')).toBeInTheDocument();
    expect(screen.getByTestId('review-approve')).toBeDisabled();
  });

  it('asks before removing, then goes back to the queue without the item', async () => {
    const store = install();
    const { router } = renderApp('/admin/flagged-content/7');
    const user = userEvent.setup();
    await user.click(await screen.findByTestId('review-remove'));
    const dialog = await screen.findByTestId('confirm-remove-dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(store.calls.reviews).toHaveLength(0);
    await user.click(screen.getByTestId('review-remove'));
    await user.click(
      within(await screen.findByTestId('confirm-remove-dialog')).getByTestId('confirm-remove'),
    );
    await waitFor(() => expect(currentUrl(router)).toBe('/admin/flagged-content'));
    await waitFor(() => expect(screen.getAllByTestId('flagged-row')).toHaveLength(1));
    expect(store.items().map((i) => i.id)).toEqual([8]);
  });

  it('says so when the item is not in the queue', async () => {
    install();
    renderApp('/admin/flagged-content/999');
    expect(await screen.findByTestId('flagged-item-error')).toHaveTextContent('Flagged item not found');
  });
});
