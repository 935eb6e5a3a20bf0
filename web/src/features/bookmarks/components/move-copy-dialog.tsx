import { useState } from 'react';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { Bookmark, BookmarkCategory } from '@genonaut/contracts';
import { MutationError } from '@/components/mutation-error';
import { useSetBookmarkCategories } from '../api/set-bookmark-categories';
import { categoryPath } from '../utils/category-tree';

type Mode = 'move' | 'copy';

/**
 * The API takes the bookmark's whole set of categories: moving swaps this category for the chosen
 * ones, copying keeps it here and adds them.
 */
export function nextCategoryIds(bookmark: Bookmark, fromId: string, chosen: string[], mode: Mode): string[] {
  const kept = mode === 'move' ? bookmark.categoryIds.filter((id) => id !== fromId) : bookmark.categoryIds;
  return [...new Set([...kept, ...chosen])];
}

export function MoveCopyDialog({
  bookmark,
  fromId,
  categories,
  onClose,
}: {
  bookmark: Bookmark;
  fromId: string;
  categories: BookmarkCategory[];
  onClose: () => void;
}) {
  const save = useSetBookmarkCategories();
  const [mode, setMode] = useState<Mode>('move');
  const [chosen, setChosen] = useState<string[]>([]);
  const others = categories.filter((entry) => entry.id !== fromId);
  const toggle = (id: string, on: boolean) =>
    setChosen((current) => (on ? [...current, id] : current.filter((entry) => entry !== id)));
  const submit = () =>
    save.mutate(
      { id: bookmark.id, categoryIds: nextCategoryIds(bookmark, fromId, chosen, mode) },
      { onSuccess: onClose },
    );

  return (
    <Dialog
      open
      onClose={save.isPending ? undefined : onClose}
      aria-labelledby="move-copy-title"
      fullWidth
      maxWidth="xs"
      data-testid="move-copy-dialog"
    >
      <DialogTitle id="move-copy-title">Move or copy “{bookmark.content.title}”</DialogTitle>
      <DialogContent>
        <Stack spacing={1}>
          <RadioGroup
            row
            value={mode}
            onChange={(event) => setMode(event.target.value as Mode)}
            aria-label="Move or copy"
          >
            <FormControlLabel
              value="move"
              control={<Radio />}
              label="Move"
              data-testid="move-copy-mode-move"
            />
            <FormControlLabel
              value="copy"
              control={<Radio />}
              label="Copy"
              data-testid="move-copy-mode-copy"
            />
          </RadioGroup>
          {others.length === 0 ? (
            <Typography color="text.secondary" data-testid="move-copy-none">
              There is no other category yet.
            </Typography>
          ) : (
            <FormGroup aria-label="Categories" data-testid="move-copy-targets">
              {others.map((entry) => {
                const already = bookmark.categoryIds.includes(entry.id);
                return (
                  <FormControlLabel
                    key={entry.id}
                    control={
                      <Checkbox
                        checked={already || chosen.includes(entry.id)}
                        disabled={already}
                        onChange={(event) => toggle(entry.id, event.target.checked)}
                      />
                    }
                    label={
                      already
                        ? `${categoryPath(categories, entry)} (already there)`
                        : categoryPath(categories, entry)
                    }
                    data-testid="move-copy-target"
                  />
                );
              })}
            </FormGroup>
          )}
          <MutationError error={save.error} message="The bookmark was not filed" testId="move-copy-error" />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={save.isPending}>
          Cancel
        </Button>
        <Button
          variant="contained"
          onClick={submit}
          loading={save.isPending}
          disabled={chosen.length === 0}
          data-testid="move-copy-submit"
        >
          {mode === 'move' ? 'Move' : 'Copy'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
