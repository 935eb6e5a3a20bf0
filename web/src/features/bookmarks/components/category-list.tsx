import { Link as RouterLink } from 'react-router';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import IconButton from '@mui/material/IconButton';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import EditIcon from '@mui/icons-material/EditOutlined';
import ShareIcon from '@mui/icons-material/ShareOutlined';
import type { BookmarkCategory } from '@genonaut/contracts';
import { paths } from '@/config/paths';
import type { CategoryNode } from '../utils/category-tree';
import { CategoryPreview } from './category-preview';

export type CategoryAction = 'edit' | 'share' | 'delete';

const countLabel = (count: number) => (count === 1 ? '1 bookmark' : `${count} bookmarks`);

function CategoryRow({
  category,
  onAction,
}: {
  category: BookmarkCategory;
  onAction: (action: CategoryAction, category: BookmarkCategory) => void;
}) {
  const action = (kind: CategoryAction, label: string, icon: React.ReactNode) => (
    <Tooltip title={label}>
      <IconButton
        aria-label={`${label} ${category.name}`}
        onClick={() => onAction(kind, category)}
        data-testid={`category-${kind}`}
      >
        {icon}
      </IconButton>
    </Tooltip>
  );
  return (
    <Paper
      variant="outlined"
      sx={{ p: 1.5, borderLeft: 4, borderLeftColor: category.color ?? 'divider' }}
      data-testid="category-card"
      data-category-id={category.id}
    >
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1.5} sx={{ alignItems: { sm: 'center' } }}>
        <CategoryPreview categoryId={category.id} count={category.bookmarkCount} />
        <Box sx={{ flex: 1, minWidth: 0 }}>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
            <Link
              component={RouterLink}
              to={paths.bookmarkCategory.href(category.id)}
              variant="h6"
              sx={{ overflowWrap: 'anywhere' }}
              data-testid="category-name"
            >
              {category.name}
            </Link>
            {category.isPublic && <Chip size="small" label="Public" data-testid="category-public" />}
          </Stack>
          <Typography variant="body2" color="text.secondary" data-testid="category-count">
            {countLabel(category.bookmarkCount)}
          </Typography>
          {category.description && (
            <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }}>
              {category.description}
            </Typography>
          )}
        </Box>
        <Stack direction="row" sx={{ alignSelf: { xs: 'flex-end', sm: 'center' } }}>
          {action('edit', 'Edit', <EditIcon />)}
          {action('share', 'Share', <ShareIcon />)}
          {/* Uncategorized cannot be deleted: the API keeps one per account. */}
          {!category.isDefault && action('delete', 'Delete', <DeleteIcon />)}
        </Stack>
      </Stack>
    </Paper>
  );
}

/** The categories as nested lists: each category's subcategories indented below it. */
export function CategoryList({
  nodes,
  onAction,
  label,
}: {
  nodes: CategoryNode[];
  onAction: (action: CategoryAction, category: BookmarkCategory) => void;
  label: string;
}) {
  return (
    <Stack component="ul" spacing={1} aria-label={label} sx={{ m: 0, p: 0, listStyle: 'none' }}>
      {nodes.map(({ category, children }) => (
        <li key={category.id}>
          <CategoryRow category={category} onAction={onAction} />
          {children.length > 0 && (
            <Box sx={{ mt: 1, pl: { xs: 1.5, sm: 3 }, borderLeft: 1, borderColor: 'divider' }}>
              <CategoryList nodes={children} onAction={onAction} label={`Inside ${category.name}`} />
            </Box>
          )}
        </li>
      ))}
    </Stack>
  );
}
