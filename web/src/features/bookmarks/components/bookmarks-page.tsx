import { useState } from 'react';
import Button from '@mui/material/Button';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import AddIcon from '@mui/icons-material/Add';
import type { BookmarkCategory } from '@genonaut/contracts';
import { QueryStates } from '@/components/query-states';
import { EmptyState } from '@/components/state-message';
import { useCategories } from '../api/get-categories';
import { buildCategoryTree } from '../utils/category-tree';
import { CategoryList, type CategoryAction } from './category-list';
import { CategoryFormDialog } from './category-form-dialog';
import { DeleteCategoryDialog } from './delete-category-dialog';
import { ShareCategoryDialog } from './share-category-dialog';

type Open = { kind: 'create' } | { kind: CategoryAction; category: BookmarkCategory } | null;

function CategoriesSkeleton() {
  return (
    <Stack spacing={1} role="status" aria-label="Loading categories" data-testid="categories-loading">
      {Array.from({ length: 3 }, (_, index) => (
        <Skeleton key={index} variant="rounded" height={80} />
      ))}
    </Stack>
  );
}

export function BookmarksPage() {
  const categories = useCategories();
  const [open, setOpen] = useState<Open>(null);
  const close = () => setOpen(null);
  const all = categories.data?.items ?? [];
  // Dialogs read the latest cached category, so a share switch shows the new link at once.
  const current = open && open.kind !== 'create' ? all.find((c) => c.id === open.category.id) : undefined;

  return (
    <Stack spacing={3} data-testid="bookmarks-page">
      <Stack
        direction="row"
        sx={{ alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap', gap: 1 }}
      >
        <Typography variant="h1">Bookmarks</Typography>
        <Button
          variant="contained"
          startIcon={<AddIcon />}
          onClick={() => setOpen({ kind: 'create' })}
          data-testid="category-create"
        >
          New category
        </Button>
      </Stack>
      <QueryStates
        query={categories}
        loading={<CategoriesSkeleton />}
        errorTestId="categories-error"
        isEmpty={(data) => data.items.length === 0}
        empty={<EmptyState title="No categories yet" testId="categories-empty" />}
      >
        {(data) => (
          <CategoryList
            nodes={buildCategoryTree(data.items)}
            onAction={(kind, category) => setOpen({ kind, category })}
            label="Your categories"
          />
        )}
      </QueryStates>
      {/* Mounted only while open, so each opening starts from the category's current values. */}
      {open?.kind === 'create' && <CategoryFormDialog categories={all} onClose={close} />}
      {open?.kind === 'edit' && current && (
        <CategoryFormDialog category={current} categories={all} onClose={close} />
      )}
      {open?.kind === 'share' && current && <ShareCategoryDialog category={current} onClose={close} />}
      {open?.kind === 'delete' && current && (
        <DeleteCategoryDialog category={current} categories={all} onClose={close} />
      )}
    </Stack>
  );
}
