import { useState } from 'react';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import type { BookmarkCategory } from '@genonaut/contracts';
import { MutationError } from '@/components/mutation-error';
import { useDeleteCategory, type DeleteCategoryChoice } from '../api/delete-category';
import { categoryPath } from '../utils/category-tree';

type Mode = 'default' | 'move' | 'delete';

/**
 * The three ways the API offers: bookmarks filed only here go to Uncategorized (its default), all of
 * them go to a chosen category, or those filed only here are deleted.
 */
export function DeleteCategoryDialog({
  category,
  categories,
  onClose,
  onDeleted,
}: {
  category: BookmarkCategory;
  categories: BookmarkCategory[];
  onClose: () => void;
  onDeleted?: () => void;
}) {
  const remove = useDeleteCategory();
  const targets = categories.filter((entry) => entry.id !== category.id && !entry.isDefault);
  const [mode, setMode] = useState<Mode>('default');
  const [moveTo, setMoveTo] = useState(targets[0]?.id ?? '');
  const hasSubcategories = categories.some((entry) => entry.parentId === category.id);

  const confirm = () => {
    const choice: DeleteCategoryChoice =
      mode === 'move' ? { moveTo } : mode === 'delete' ? { deleteBookmarks: true } : {};
    remove.mutate(
      { id: category.id, choice },
      {
        onSuccess: () => {
          onClose();
          onDeleted?.();
        },
      },
    );
  };

  return (
    <Dialog
      open
      onClose={remove.isPending ? undefined : onClose}
      aria-labelledby="delete-category-title"
      data-testid="delete-category-dialog"
    >
      <DialogTitle id="delete-category-title">Delete “{category.name}”?</DialogTitle>
      <DialogContent>
        <Stack spacing={2}>
          <DialogContentText>
            {category.bookmarkCount > 0 ? 'What should happen to its bookmarks?' : 'It holds no bookmarks.'}
            {hasSubcategories && ' Its subcategories will move to the top level.'}
          </DialogContentText>
          {category.bookmarkCount > 0 && (
            <RadioGroup
              value={mode}
              onChange={(event) => setMode(event.target.value as Mode)}
              aria-label="What happens to its bookmarks"
            >
              <FormControlLabel
                value="default"
                control={<Radio />}
                label="Keep them: those in no other category go to Uncategorized"
                data-testid="delete-mode-default"
              />
              <FormControlLabel
                value="move"
                control={<Radio />}
                label="Move them all to another category"
                disabled={targets.length === 0}
                data-testid="delete-mode-move"
              />
              {mode === 'move' && (
                <TextField
                  select
                  label="Move to"
                  value={moveTo}
                  onChange={(event) => setMoveTo(event.target.value)}
                  size="small"
                  sx={{ ml: 4 }}
                  slotProps={{
                    select: { SelectDisplayProps: { 'data-testid': 'delete-move-to' } as object },
                  }}
                >
                  {targets.map((entry) => (
                    <MenuItem key={entry.id} value={entry.id}>
                      {categoryPath(categories, entry)}
                    </MenuItem>
                  ))}
                </TextField>
              )}
              <FormControlLabel
                value="delete"
                control={<Radio />}
                label="Delete the bookmarks filed only here"
                data-testid="delete-mode-delete"
              />
            </RadioGroup>
          )}
          <MutationError
            error={remove.error}
            message="The category was not deleted"
            testId="delete-category-error"
          />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={remove.isPending}>
          Cancel
        </Button>
        <Button
          color="error"
          variant="contained"
          onClick={confirm}
          loading={remove.isPending}
          disabled={mode === 'move' && !moveTo}
          data-testid="confirm-delete-category"
        >
          Delete
        </Button>
      </DialogActions>
    </Dialog>
  );
}
