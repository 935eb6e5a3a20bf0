import { Link as RouterLink } from 'react-router';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { TagHierarchyNode } from '@genonaut/contracts';
import { paths } from '@/config/paths';
import type { TagGraph } from '../utils/tag-graph';

const countLabel = (count: number) => `${count.toLocaleString()} ${count === 1 ? 'image' : 'images'}`;

/**
 * A tree row: the tag's name (a link to its page), its image count, and, for a tag with several
 * parents, which other parents it also sits under, so the repeat elsewhere in the tree is no surprise.
 */
export function TagTreeLabel({
  node,
  parentId,
  graph,
}: {
  node: TagHierarchyNode;
  parentId: string | null;
  graph: TagGraph;
}) {
  const others = node.parentIds
    .filter((id) => id !== parentId)
    .map((id) => graph.byId.get(id)?.name)
    .filter((name): name is string => name !== undefined);
  return (
    <Stack direction="row" sx={{ alignItems: 'baseline', flexWrap: 'wrap', columnGap: 1 }}>
      {/* Out of the tab order: the tree has one tab stop, and Enter on a row opens this page. */}
      <Link
        component={RouterLink}
        to={paths.tag.href(node.slug)}
        tabIndex={-1}
        underline="hover"
        color="inherit"
        onClick={(event) => event.stopPropagation()}
      >
        {node.name}
      </Link>
      <Typography variant="caption" color="text.secondary">
        {countLabel(node.contentCount)}
      </Typography>
      {others.length > 0 && (
        <Typography variant="caption" color="info.main" data-testid="tag-other-parents">
          also under {others.join(', ')}
        </Typography>
      )}
    </Stack>
  );
}
