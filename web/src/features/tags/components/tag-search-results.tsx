import { Link as RouterLink } from 'react-router';
import Checkbox from '@mui/material/Checkbox';
import IconButton from '@mui/material/IconButton';
import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import AccountTreeIcon from '@mui/icons-material/AccountTree';
import type { Tag } from '@genonaut/contracts';
import { PageNumbers } from '@/components/page-numbers';
import { QueryStates } from '@/components/query-states';
import { EmptyState } from '@/components/state-message';
import { paths } from '@/config/paths';
import { TAG_SEARCH_PAGE_SIZE, useTagSearch } from '../api/search-tags';
import { ancestorPaths, type TagGraph } from '../utils/tag-graph';

/** At most this many routes are listed under a result; the tag page lists them all. */
const SHOWN_PATHS = 3;

function ParentPaths({ tag, graph }: { tag: Tag; graph: TagGraph | undefined }) {
  if (tag.parentIds.length === 0) return <>Top-level tag</>;
  if (!graph) return null;
  const routes = ancestorPaths(graph, tag.id);
  const extra = routes.length - SHOWN_PATHS;
  return (
    <Stack component="span" data-testid="tag-parent-paths">
      {routes.slice(0, SHOWN_PATHS).map((route) => (
        <span key={route.map((node) => node.id).join('/')} data-testid="tag-parent-path">
          {route.map((node) => node.name).join(' › ')}
        </span>
      ))}
      {extra > 0 && <span>and {extra} more</span>}
    </Stack>
  );
}

function ResultsSkeleton() {
  return (
    <Stack spacing={1} role="status" aria-label="Searching tags" data-testid="tag-search-loading">
      {Array.from({ length: 5 }, (_, index) => (
        <Skeleton key={index} variant="rounded" height={48} />
      ))}
    </Stack>
  );
}

function TagSearchResult({
  tag,
  graph,
  checked,
  onToggle,
  onReveal,
}: {
  tag: Tag;
  graph: TagGraph | undefined;
  checked: boolean;
  onToggle: (slug: string, on: boolean) => void;
  onReveal: (tag: Tag) => void;
}) {
  return (
    <ListItem disableGutters data-testid={`tag-search-result-${tag.slug}`}>
      <ListItemIcon>
        <Checkbox
          edge="start"
          checked={checked}
          onChange={(event) => onToggle(tag.slug, event.target.checked)}
          slotProps={{ input: { 'aria-label': `Select ${tag.name}` } }}
        />
      </ListItemIcon>
      <ListItemText
        primary={
          <Link component={RouterLink} to={paths.tag.href(tag.slug)} underline="hover">
            {tag.name}
          </Link>
        }
        secondary={<ParentPaths tag={tag} graph={graph} />}
        slotProps={{ secondary: { component: 'div' } }}
      />
      <Typography variant="caption" color="text.secondary" sx={{ ml: 1, whiteSpace: 'nowrap' }}>
        {tag.contentCount.toLocaleString()} images
      </Typography>
      <Tooltip title="Show in the tree">
        <IconButton
          aria-label={`Show ${tag.name} in the tree`}
          onClick={() => onReveal(tag)}
          data-testid="reveal-in-tree"
        >
          <AccountTreeIcon fontSize="small" />
        </IconButton>
      </Tooltip>
    </ListItem>
  );
}

/** Search results with each tag's route(s) from the top, tickable like the tree's rows. */
export function TagSearchResults({
  q,
  page,
  graph,
  selected,
  onToggle,
  onPage,
  onReveal,
}: {
  q: string;
  page: number;
  graph: TagGraph | undefined;
  selected: string[];
  onToggle: (slug: string, on: boolean) => void;
  onPage: (page: number) => void;
  onReveal: (tag: Tag) => void;
}) {
  const result = useTagSearch(q, page);
  return (
    <QueryStates
      query={result}
      loading={<ResultsSkeleton />}
      errorTestId="tag-search-error"
      isEmpty={(data) => data.items.length === 0}
      empty={
        <EmptyState title={`No tags match “${q.trim()}”`} testId="tag-search-empty">
          <Typography color="text.secondary">Try part of a word, or browse the tree instead.</Typography>
        </EmptyState>
      }
    >
      {({ items, pagination }) => {
        const total = pagination.totalCount ?? items.length;
        return (
          <Stack spacing={1}>
            <Typography color="text.secondary" data-testid="tag-search-count">
              {total.toLocaleString()} {total === 1 ? 'tag' : 'tags'}
            </Typography>
            <List
              dense
              data-testid="tag-search-results"
              aria-label="Matching tags"
              sx={{ opacity: result.isPlaceholderData ? 0.6 : 1 }}
            >
              {items.map((tag) => (
                <TagSearchResult
                  key={tag.id}
                  tag={tag}
                  graph={graph}
                  checked={selected.includes(tag.slug)}
                  onToggle={onToggle}
                  onReveal={onReveal}
                />
              ))}
            </List>
            <PageNumbers
              count={Math.ceil(total / TAG_SEARCH_PAGE_SIZE)}
              page={page}
              onPage={onPage}
              label="Search result pages"
            />
          </Stack>
        );
      }}
    </QueryStates>
  );
}
