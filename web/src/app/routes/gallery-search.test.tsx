import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { makeContents, makePage } from '@/testing/fixtures';
import { contentReturns } from '@/testing/gallery-handlers';
import { signedIn } from '@/testing/handlers';
import { currentUrl, renderApp } from '@/testing/render';
import { searchHistoryStore } from '@/testing/search-history-handlers';
import { server } from '@/testing/server';

describe('the gallery’s own search field', () => {
  it('records each submitted search of a signed-in user once, not each keystroke', async () => {
    const history = searchHistoryStore();
    server.use(...signedIn(), ...history.handlers);
    const requests = contentReturns(() => makePage(makeContents(1, 2)));
    const { router } = renderApp('/gallery');
    const field = await screen.findByTestId('gallery-search');
    const user = userEvent.setup();

    await user.type(field, 'castle');
    expect(history.calls.recorded).toEqual([]);
    await user.keyboard('{Enter}');
    await waitFor(() => expect(currentUrl(router)).toBe('/gallery?q=castle'));
    await waitFor(() => expect(history.calls.recorded).toEqual(['castle']));
    await waitFor(() => expect(requests.at(-1)?.get('q')).toBe('castle'));

    await user.type(field, ' at dusk{Enter}');
    await waitFor(() => expect(history.calls.recorded).toEqual(['castle', 'castle at dusk']));
    // Leaving the field without a change runs nothing new and records nothing more.
    fireEvent.blur(field);
    // Clearing the search is not a search to remember.
    await user.clear(field);
    await user.keyboard('{Enter}');
    await waitFor(() => expect(currentUrl(router)).toBe('/gallery'));
    expect(history.calls.recorded).toEqual(['castle', 'castle at dusk']);
  });

  it('records a search applied by leaving the field', async () => {
    const history = searchHistoryStore();
    server.use(...signedIn(), ...history.handlers);
    contentReturns(() => makePage([]));
    renderApp('/gallery');
    const field = await screen.findByTestId('gallery-search');
    await userEvent.setup().type(field, 'harbour');
    fireEvent.blur(field);
    await waitFor(() => expect(history.calls.recorded).toEqual(['harbour']));
  });

  it('keeps a visitor’s searches in this browser and sends nothing to the server', async () => {
    const history = searchHistoryStore();
    server.use(...history.handlers);
    contentReturns(() => makePage([]));
    const { router } = renderApp('/gallery');
    await userEvent.setup().type(await screen.findByTestId('gallery-search'), 'lighthouse{Enter}');
    await waitFor(() => expect(currentUrl(router)).toBe('/gallery?q=lighthouse'));
    await waitFor(() =>
      expect(JSON.parse(window.localStorage.getItem('genonaut-recent-searches') ?? '[]')).toEqual([
        'lighthouse',
      ]),
    );
    expect(history.calls.recorded).toEqual([]);
  });
});
