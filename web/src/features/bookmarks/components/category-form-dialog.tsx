import { useState, type FormEvent } from 'react';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import type { BookmarkCategory } from '@genonaut/contracts';
import { MutationError } from '@/components/mutation-error';
import { isApiError } from '@/lib/api-error';
import { useCreateCategory } from '../api/create-category';
import { useUpdateCategory } from '../api/update-category';
import { categoryPath, descendantIds } from '../utils/category-tree';

const TOP_LEVEL = '';

/** Create (no `category`) or edit a category: name, description, colour and where it sits. */
export function CategoryFormDialog({
  category,
  categories,
  onClose,
}: {
  category?: BookmarkCategory;
  categories: BookmarkCategory[];
  onClose: () => void;
}) {
  const create = useCreateCategory();
  const update = useUpdateCategory();
  const mutation = category ? update : create;
  const [name, setName] = useState(category?.name ?? '');
  const [description, setDescription] = useState(category?.description ?? '');
  const [color, setColor] = useState<string | null>(category?.color ?? null);
  const [parentId, setParentId] = useState(category?.parentId ?? TOP_LEVEL);
  const [touched, setTouched] = useState(false);

  // Neither the category itself nor anything below it can hold it (a cycle), and Uncategorized
  // stays flat: the API refuses to nest it.
  const excluded = category ? descendantIds(categories, category.id) : new Set<string>();
  const parents = categories.filter((entry) => !entry.isDefault && !excluded.has(entry.id));
  const nameMissing = name.trim() === '';
  const conflict = isApiError(mutation.error) && mutation.error.status === 409;
  const nameError = touched && nameMissing ? 'A name is needed' : conflict ? mutation.error?.message : '';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (nameMissing) return;
    const body = {
      name: name.trim(),
      description: description.trim() || null,
      color,
      ...(category?.isDefault ? {} : { parentId: parentId || null }),
    };
    if (category) update.mutate({ id: category.id, body }, { onSuccess: onClose });
    else create.mutate(body, { onSuccess: onClose });
  };

  return (
    <Dialog
      open
      onClose={mutation.isPending ? undefined : onClose}
      aria-labelledby="category-form-title"
      fullWidth
      maxWidth="sm"
      data-testid="category-form-dialog"
    >
      <form onSubmit={submit} noValidate>
        <DialogTitle id="category-form-title">{category ? 'Edit category' : 'New category'}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <TextField
              label="Name"
              value={name}
              onChange={(event) => setName(event.target.value)}
              required
              autoFocus
              slotProps={{ htmlInput: { maxLength: 100, 'data-testid': 'category-form-name' } }}
              error={Boolean(nameError)}
              helperText={nameError || ' '}
            />
            <TextField
              label="Description"
              value={description}
              onChange={(event) => setDescription(event.target.value)}
              multiline
              minRows={2}
              slotProps={{ htmlInput: { maxLength: 1000, 'data-testid': 'category-form-description' } }}
            />
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
              <TextField
                label="Colour"
                type="color"
                value={color ?? '#888888'}
                onChange={(event) => setColor(event.target.value)}
                sx={{ width: 120 }}
                slotProps={{ htmlInput: { 'data-testid': 'category-form-color' } }}
              />
              {color && (
                <Button onClick={() => setColor(null)} data-testid="category-form-clear-color">
                  No colour
                </Button>
              )}
            </Stack>
            {!category?.isDefault && (
              <TextField
                select
                label="Inside"
                value={parentId}
                onChange={(event) => setParentId(event.target.value)}
                slotProps={{
                  select: { SelectDisplayProps: { 'data-testid': 'category-form-parent' } as object },
                }}
              >
                <MenuItem value={TOP_LEVEL}>Nothing (top level)</MenuItem>
                {parents.map((entry) => (
                  <MenuItem key={entry.id} value={entry.id}>
                    {categoryPath(categories, entry)}
                  </MenuItem>
                ))}
              </TextField>
            )}
            {!conflict && (
              <MutationError
                error={mutation.error}
                message="The category was not saved"
                testId="category-form-error"
              />
            )}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={mutation.isPending}>
            Cancel
          </Button>
          <Button
            type="submit"
            variant="contained"
            loading={mutation.isPending}
            data-testid="category-form-submit"
          >
            {category ? 'Save' : 'Create'}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
