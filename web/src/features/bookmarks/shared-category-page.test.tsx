import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { makeContents, makePage } from '@/testing/fixtures';
import { makeShared, SHARE_TOKEN, sharedReturns } from '@/testing/bookmarks-handlers';
import { API, apiError } from '@/testing/handlers';
import { currentUrl, renderApp } from '@/testing/render';
import { server } from '@/testing/server';

describe('shared category page', () => {
  it('shows a public category to anonymous visitors, read-only', async () => {
    const requests: URLSearchParams[] = [];
    server.use(sharedReturns(makeShared(), requests));
    renderApp(`/shared/${SHARE_TOKEN}`);
    expect(await screen.findByTestId('shared-name')).toHaveTextContent('Portraits');
    expect(screen.getByTestId('shared-owner')).toHaveTextContent('Shared by Alice');
    expect(screen.getByTestId('shared-description')).toHaveTextContent('Faces I like');
    const grid = within(screen.getByTestId('shared-grid'));
    expect(grid.getAllByTestId('shared-item')).toHaveLength(2);
    expect(grid.getByRole('link', { name: /Image 1/ })).toHaveAttribute('href', '/content/1');
    // Nothing to change here.
    expect(screen.queryByRole('button', { name: /Actions for/ })).toBeNull();
    expect(Object.fromEntries(requests[0]!)).toEqual({ pageSize: '24' });
  });

  it('pages by number with the page in the URL', async () => {
    const user = userEvent.setup();
    const requests: URLSearchParams[] = [];
    server.use(sharedReturns(makeShared(makePage(makeContents(1, 24), { totalCount: 50 })), requests));
    const { router } = renderApp(`/shared/${SHARE_TOKEN}`);
    await screen.findByTestId('shared-grid');
    await user.click(
      within(screen.getByTestId('shared-pager')).getByRole('button', { name: 'Go to page 3' }),
    );
    await waitFor(() => expect(currentUrl(router)).toBe(`/shared/${SHARE_TOKEN}?page=3`));
    await waitFor(() => expect(requests.at(-1)!.get('page')).toBe('3'));
  });

  it('says when a share link no longer works', async () => {
    server.use(sharedReturns(null));
    renderApp('/shared/revoked-token-abcdefgh');
    expect(await screen.findByTestId('shared-not-found')).toHaveTextContent('This link does not work');
  });

  it('shows an empty category as empty', async () => {
    server.use(sharedReturns(makeShared(makePage([]))));
    renderApp(`/shared/${SHARE_TOKEN}`);
    expect(await screen.findByTestId('shared-empty')).toHaveTextContent('No public images here yet');
  });

  it('shows a server failure with a retry', async () => {
    server.use(
      http.get(`${API}/shared/categories/:token`, () =>
        apiError(500, { code: 'internal', message: 'Broken' }),
      ),
    );
    renderApp(`/shared/${SHARE_TOKEN}`);
    const error = await screen.findByTestId('shared-error');
    expect(error).toHaveTextContent('Broken');
    expect(within(error).getByRole('button', { name: 'Retry' })).toBeInTheDocument();
  });
});
