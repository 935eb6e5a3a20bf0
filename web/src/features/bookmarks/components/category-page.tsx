import { useState } from 'react';
import { Link as RouterLink, useNavigate } from 'react-router';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { Bookmark } from '@genonaut/contracts';
import { ContentThumbnailGridSkeleton } from '@/components/content-thumbnail-grid';
import { PageNumbers } from '@/components/page-numbers';
import { QueryStates } from '@/components/query-states';
import { EmptyState, ErrorState } from '@/components/state-message';
import { paths } from '@/config/paths';
import { numberedPageCount } from '@/lib/page-count';
import { useCategories } from '../api/get-categories';
import { CATEGORY_PAGE_SIZE, useCategoryBookmarks } from '../api/get-category-bookmarks';
import { useBookmarkParams } from '../hooks/use-bookmark-params';
import { categoryPath } from '../utils/category-tree';
import { BookmarkGrid, type BookmarkAction } from './bookmark-grid';
import { BookmarkSortControls } from './bookmark-sort-controls';
import { CategoryFormDialog } from './category-form-dialog';
import { DeleteCategoryDialog } from './delete-category-dialog';
import { MoveCopyDialog } from './move-copy-dialog';
import { RemoveBookmarkDialog } from './remove-bookmark-dialog';
import { ShareCategoryDialog } from './share-category-dialog';

type Open = { kind: BookmarkAction; bookmark: Bookmark } | { kind: 'edit' | 'share' | 'delete' } | null;

const backLink = (
  <Link component={RouterLink} to={paths.bookmarks.href()} data-testid="category-back">
    All categories
  </Link>
);

/** One category's bookmarks: sorted and paged from the URL, each movable, copyable and removable. */
export function CategoryPage({ categoryId }: { categoryId: string }) {
  const navigate = useNavigate();
  const { state, update } = useBookmarkParams();
  const categories = useCategories();
  const bookmarks = useCategoryBookmarks(categoryId, { ...state, pageSize: CATEGORY_PAGE_SIZE });
  const [open, setOpen] = useState<Open>(null);
  const close = () => setOpen(null);

  if (categories.isPending) {
    return <Skeleton variant="text" width="40%" height={56} data-testid="category-loading" />;
  }
  if (categories.isError) {
    return (
      <ErrorState
        error={categories.error}
        onRetry={() => void categories.refetch()}
        testId="category-error"
      />
    );
  }
  const all = categories.data.items;
  const category = all.find((entry) => entry.id === categoryId);
  if (!category) {
    return (
      <EmptyState title="No such category" testId="category-not-found">
        <Typography color="text.secondary">It may have been deleted. {backLink}</Typography>
      </EmptyState>
    );
  }

  return (
    <Stack spacing={3} data-testid="category-page">
      <Stack spacing={1}>
        {backLink}
        <Stack direction="row" sx={{ alignItems: 'center', flexWrap: 'wrap', gap: 1 }}>
          <Typography variant="h1" sx={{ overflowWrap: 'anywhere' }} data-testid="category-title">
            {categoryPath(all, category)}
          </Typography>
          {category.isPublic && <Chip size="small" label="Public" />}
        </Stack>
        {category.description && <Typography>{category.description}</Typography>}
        <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', gap: 1 }}>
          <Button onClick={() => setOpen({ kind: 'edit' })} data-testid="category-page-edit">
            Edit
          </Button>
          <Button onClick={() => setOpen({ kind: 'share' })} data-testid="category-page-share">
            Share
          </Button>
          {!category.isDefault && (
            <Button
              color="error"
              onClick={() => setOpen({ kind: 'delete' })}
              data-testid="category-page-delete"
            >
              Delete
            </Button>
          )}
        </Stack>
      </Stack>
      <BookmarkSortControls state={state} onChange={update} />
      <QueryStates
        query={bookmarks}
        loading={
          <ContentThumbnailGridSkeleton
            tileWidth={{ minWidth: 160 }}
            count={8}
            label="Loading bookmarks"
            testId="bookmarks-loading"
          />
        }
        errorTestId="bookmarks-error"
        isEmpty={(data) => data.items.length === 0}
        empty={
          <EmptyState
            title={state.page > 1 ? 'No bookmarks on this page' : 'No bookmarks in this category yet'}
            testId="bookmarks-empty"
          />
        }
      >
        {(data) => (
          <>
            <BookmarkGrid
              bookmarks={data.items}
              busy={bookmarks.isPlaceholderData}
              label={`Bookmarks in ${category.name}`}
              onAction={(kind, bookmark) => setOpen({ kind, bookmark })}
            />
            <PageNumbers
              count={numberedPageCount(data.pagination, state.page, CATEGORY_PAGE_SIZE)}
              page={state.page}
              onPage={(page) => update({ page })}
              label="Bookmark pages"
              testId="bookmarks-pager"
            />
          </>
        )}
      </QueryStates>
      {open?.kind === 'move' && (
        <MoveCopyDialog bookmark={open.bookmark} fromId={categoryId} categories={all} onClose={close} />
      )}
      {open?.kind === 'remove' && <RemoveBookmarkDialog bookmark={open.bookmark} onClose={close} />}
      {open?.kind === 'edit' && <CategoryFormDialog category={category} categories={all} onClose={close} />}
      {open?.kind === 'share' && <ShareCategoryDialog category={category} onClose={close} />}
      {open?.kind === 'delete' && (
        <DeleteCategoryDialog
          category={category}
          categories={all}
          onClose={close}
          // Replace, so Back does not lead to a category that no longer exists.
          onDeleted={() => void navigate(paths.bookmarks.href(), { replace: true })}
        />
      )}
    </Stack>
  );
}
