import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { signedIn } from '@/testing/handlers';
import { currentUrl, renderApp } from '@/testing/render';
import { makeSearchEntry, searchHistoryStore } from '@/testing/search-history-handlers';
import { server } from '@/testing/server';

function install() {
  const store = searchHistoryStore([
    makeSearchEntry('red fox', { count: 3 }),
    makeSearchEntry('castle at night'),
    makeSearchEntry('Red panda'),
  ]);
  server.use(...signedIn(), ...store.handlers);
  return store;
}

const optionNames = () => screen.queryAllByRole('option').map((option) => option.getAttribute('aria-label'));

describe('app bar search, signed in', () => {
  it('records a search in the server history, not in this browser', async () => {
    const store = install();
    const { router } = renderApp('/');
    const user = userEvent.setup();
    await user.type(await screen.findByTestId('app-search'), '  blue whale {Enter}');
    await waitFor(() => expect(currentUrl(router)).toBe('/gallery?q=blue+whale'));
    await waitFor(() => expect(store.calls.recorded).toEqual(['blue whale']));
    expect(window.localStorage.getItem('genonaut-recent-searches')).toBeNull();
  });

  it('asks nothing before the box is used, then suggests the server’s recent searches by prefix', async () => {
    const store = install();
    renderApp('/');
    const search = await screen.findByTestId('app-search');
    expect(store.calls.recent).toHaveLength(0);

    // No pause between keystrokes: on a busy machine a real one can outlast the debounce.
    const user = userEvent.setup({ delay: null });
    await user.click(search);
    await waitFor(() => expect(optionNames()).toEqual(['red fox', 'castle at night', 'Red panda']));
    expect(store.calls.recent[0]?.get('prefix')).toBeNull();

    await user.type(search, 're');
    await waitFor(() => expect(store.calls.recent.at(-1)?.get('prefix')).toBe('re'));
    await waitFor(() => expect(optionNames()).toEqual(['red fox', 'Red panda']));
    // Typing pauses are asked for, not every keystroke.
    expect(store.calls.recent.map((params) => params.get('prefix'))).not.toContain('r');

    await user.click(screen.getByRole('option', { name: 'Red panda' }));
    await waitFor(() => expect(store.calls.recorded).toEqual(['Red panda']));
  });

  it('removes a suggestion with its button without searching', async () => {
    const store = install();
    const { router } = renderApp('/');
    const user = userEvent.setup();
    await user.click(await screen.findByTestId('app-search'));
    await screen.findByRole('option', { name: 'castle at night' });
    await user.click(screen.getByRole('button', { name: 'Remove "castle at night" from recent searches' }));
    await waitFor(() => expect(optionNames()).toEqual(['red fox', 'Red panda']));
    expect(store.calls.deleted).toEqual(['castle at night']);
    expect(currentUrl(router)).toBe('/');
    expect(store.calls.recorded).toEqual([]);
  });

  it('removes the highlighted suggestion with Shift+Delete', async () => {
    const store = install();
    renderApp('/');
    const user = userEvent.setup();
    await user.click(await screen.findByTestId('app-search'));
    await screen.findByRole('option', { name: 'red fox' });
    await user.keyboard('{ArrowDown}{Shift>}{Delete}{/Shift}');
    await waitFor(() => expect(store.calls.deleted).toEqual(['red fox']));
    await waitFor(() => expect(optionNames()).toEqual(['castle at night', 'Red panda']));
  });
});
