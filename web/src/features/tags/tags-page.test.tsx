import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { delay, http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import type { ErrorResponse, TagHierarchy } from '@genonaut/contracts';
import { API, apiError } from '@/testing/handlers';
import { currentUrl, renderApp } from '@/testing/render';
import { server } from '@/testing/server';
import {
  hierarchyReturns,
  makeTagDetail,
  tagDetailReturns,
  tagHierarchy,
  tagSearchReturns,
} from '@/testing/tags-handlers';

const rows = (slug: string) => screen.queryAllByTestId(`tag-tree-item-${slug}`);
const row = (path: string) => {
  const found = document.querySelector<HTMLElement>(`[role="treeitem"][data-path="${path}"]`);
  if (!found) throw new Error(`no tree row ${path}`);
  return found;
};
/** The row's own expand arrow and checkbox, not those of a row nested in it. */
const arrowOf = (item: HTMLElement) =>
  item.querySelector<HTMLElement>(':scope > div > .MuiTreeItem-iconContainer')!;
const checkboxOf = (item: HTMLElement) =>
  item.querySelector<HTMLInputElement>(':scope > div input[type="checkbox"]')!;

const OPEN_BOTH = '/tags?open=medium,medium/painting,style,style/east-asian-styles';

describe('tags page', () => {
  it('shows a tag with two parents under each of them, saying where else it sits', async () => {
    server.use(hierarchyReturns());
    const { router } = renderApp('/tags');
    const tree = await screen.findByTestId('tags-tree');
    expect(
      within(tree)
        .getAllByRole('treeitem')
        .map((item) => item.dataset.path),
    ).toEqual(['medium', 'style']);
    expect(rows('medium')[0]).toHaveAttribute('aria-expanded', 'false');

    const user = userEvent.setup();
    await user.click(arrowOf(row('medium')));
    await waitFor(() => expect(row('medium')).toHaveAttribute('aria-expanded', 'true'));
    expect(currentUrl(router)).toBe('/tags?open=medium');
    await user.click(arrowOf(row('medium/painting')));
    await user.click(arrowOf(row('style')));
    await user.click(arrowOf(row('style/east-asian-styles')));

    await waitFor(() => expect(rows('ink-wash')).toHaveLength(2));
    expect(rows('ink-wash').map((item) => item.dataset.path)).toEqual([
      'medium/painting/ink-wash',
      'style/east-asian-styles/ink-wash',
    ]);
    const [underPainting, underStyle] = rows('ink-wash');
    expect(within(underPainting!).getByTestId('tag-other-parents')).toHaveTextContent(
      'also under East Asian styles',
    );
    expect(within(underStyle!).getByTestId('tag-other-parents')).toHaveTextContent('also under Painting');
    expect(within(row('medium/painting/watercolor')).queryByTestId('tag-other-parents')).toBeNull();
    expect(within(underPainting!).getByRole('link', { name: 'Ink wash' })).toHaveAttribute(
      'href',
      '/tags/ink-wash',
    );
    const open = new URLSearchParams(router.state.location.search).get('open')?.split(',');
    expect(open?.sort()).toEqual(['medium', 'medium/painting', 'style', 'style/east-asian-styles']);
  });

  it('restores open branches from the URL and is usable by keyboard', async () => {
    server.use(hierarchyReturns(), tagDetailReturns(makeTagDetail({ slug: 'painting', name: 'Painting' })));
    const { router } = renderApp('/tags');
    await screen.findByTestId('tags-tree');
    const user = userEvent.setup();
    // The tree is one tab stop: its first row.
    act(() => screen.getByTestId('tag-search').focus());
    await user.tab();
    expect(row('medium')).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    await waitFor(() => expect(row('medium')).toHaveAttribute('aria-expanded', 'true'));
    await user.keyboard('{ArrowDown}');
    expect(row('medium/painting')).toHaveFocus();
    await user.keyboard(' ');
    await waitFor(() => expect(router.state.location.search).toContain('tags=painting'));
    expect(row('medium/painting')).toHaveAttribute('aria-checked', 'true');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(router.state.location.pathname).toBe('/tags/painting'));
    expect(await screen.findByTestId('tag-name')).toHaveTextContent('Painting');

    await router.navigate(-1);
    await screen.findByTestId('tags-tree');
    expect(row('medium')).toHaveAttribute('aria-expanded', 'true');
    expect(row('medium/painting')).toHaveAttribute('aria-checked', 'true');
  });

  it('ticks a tag on every row it has, and shows the selection in the gallery', async () => {
    server.use(hierarchyReturns());
    const { router } = renderApp(OPEN_BOTH);
    await screen.findByTestId('tags-tree');
    expect(screen.queryByTestId('tags-selection-bar')).toBeNull();

    const user = userEvent.setup();
    await user.click(checkboxOf(row('medium/painting/ink-wash')));
    await waitFor(() =>
      expect(row('style/east-asian-styles/ink-wash')).toHaveAttribute('aria-checked', 'true'),
    );
    expect(row('medium/painting/ink-wash')).toHaveAttribute('aria-checked', 'true');
    const bar = screen.getByTestId('tags-selection-bar');
    expect(within(bar).getByTestId('tags-selected-count')).toHaveTextContent('1 selected');
    expect(within(bar).getByTestId('show-in-gallery')).toHaveAttribute('href', '/gallery?tags=ink-wash');

    await user.click(checkboxOf(row('medium/painting/watercolor')));
    await waitFor(() =>
      expect(within(bar).getByTestId('tags-selected-count')).toHaveTextContent('2 selected'),
    );
    expect(
      within(bar)
        .getAllByTestId('selected-tag-chip')
        .map((chip) => chip.textContent),
    ).toEqual(['Ink wash', 'Watercolor']);
    await user.click(within(bar).getByRole('button', { name: 'Any tag' }));
    await user.click(within(bar).getByRole('switch', { name: 'Include sub-tags' }));
    await waitFor(() => expect(router.state.location.search).toContain('expandTags=false'));
    expect(router.state.location.search).toContain('tagMatch=any');

    // Unticking either row of "Ink wash" unticks the tag.
    await user.click(checkboxOf(row('style/east-asian-styles/ink-wash')));
    await waitFor(() => expect(row('medium/painting/ink-wash')).toHaveAttribute('aria-checked', 'false'));
    await user.click(checkboxOf(row('style/east-asian-styles/ink-wash')));
    await waitFor(() =>
      expect(within(bar).getByTestId('tags-selected-count')).toHaveTextContent('2 selected'),
    );

    await user.click(within(bar).getByTestId('show-in-gallery'));
    await waitFor(() => expect(router.state.location.pathname).toBe('/gallery'));
    const params = new URLSearchParams(router.state.location.search);
    expect(Object.fromEntries(params)).toEqual({
      tags: 'watercolor,ink-wash',
      tagMatch: 'any',
      expandTags: 'false',
    });
    expect(await screen.findAllByTestId('tag-chip')).toHaveLength(2);
  });

  it('searches through the API and shows each result’s routes from the top', async () => {
    const requests: URLSearchParams[] = [];
    server.use(hierarchyReturns(), tagSearchReturns(requests));
    const { router } = renderApp('/tags');
    await screen.findByTestId('tags-tree');
    const user = userEvent.setup();
    await user.type(screen.getByTestId('tag-search'), 'ink');
    const result = await screen.findByTestId('tag-search-result-ink-wash');
    expect(requests.at(-1)?.get('q')).toBe('ink');
    expect(screen.queryByTestId('tags-tree')).toBeNull();
    expect(
      within(result)
        .getAllByTestId('tag-parent-path')
        .map((path) => path.textContent),
    ).toEqual(['Medium › Painting', 'Style › East Asian styles']);
    await user.click(within(result).getByRole('checkbox', { name: 'Select Ink wash' }));
    await waitFor(() => expect(currentUrl(router)).toBe('/tags?q=ink&tags=ink-wash'));
    expect(screen.getByTestId('show-in-gallery')).toHaveAttribute('href', '/gallery?tags=ink-wash');

    // "Show in the tree" opens the branches down to the tag and focuses its row.
    await user.click(within(result).getByRole('button', { name: 'Show Ink wash in the tree' }));
    await waitFor(() => expect(row('medium/painting/ink-wash')).toHaveFocus());
    expect(row('medium/painting/ink-wash')).toHaveAttribute('aria-checked', 'true');
    expect(new URLSearchParams(router.state.location.search).get('open')).toBe('medium,medium/painting');
    expect(screen.getByTestId('tag-search')).toHaveValue('');

    await user.type(screen.getByTestId('tag-search'), 'zzz');
    expect(await screen.findByTestId('tag-search-empty')).toHaveTextContent('No tags match “zzz”');
    await user.click(screen.getByRole('button', { name: 'Clear search' }));
    expect(await screen.findByTestId('tags-tree')).toBeInTheDocument();
    expect(currentUrl(router)).toBe(
      `/tags?tags=ink-wash&open=${encodeURIComponent('medium,medium/painting')}`,
    );
  });

  it('restores a search and its selection from the URL', async () => {
    server.use(hierarchyReturns(), tagSearchReturns());
    renderApp('/tags?q=paint&tags=painting');
    const result = await screen.findByTestId('tag-search-result-painting');
    expect(screen.getByTestId('tag-search')).toHaveValue('paint');
    expect(within(result).getByRole('checkbox')).toBeChecked();
    expect(within(result).getByText('Medium')).toBeInTheDocument();
  });

  it('shows skeletons, then the API error with a retry, and an empty hierarchy', async () => {
    let calls = 0;
    server.use(
      http.get<never, never, TagHierarchy | ErrorResponse>(`${API}/tags/hierarchy`, async () => {
        calls += 1;
        await delay(100);
        return calls === 1
          ? apiError(503, { code: 'dependency_unavailable', message: 'The database is unreachable' })
          : HttpResponse.json({ nodes: [], rootIds: [] });
      }),
    );
    renderApp('/tags');
    expect(await screen.findByTestId('tags-loading')).toBeInTheDocument();
    const error = await screen.findByTestId('tags-error');
    expect(error).toHaveTextContent('The database is unreachable');
    await userEvent.setup().click(within(error).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByTestId('tags-empty')).toHaveTextContent('No tags yet');
    expect(tagHierarchy.nodes.length).toBeGreaterThan(0);
  });
});
