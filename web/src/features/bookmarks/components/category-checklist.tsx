import { useState, type FormEvent } from 'react';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import FormLabel from '@mui/material/FormLabel';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import AddIcon from '@mui/icons-material/Add';
import type { Bookmark, BookmarkCategory } from '@genonaut/contracts';
import { MutationError } from '@/components/mutation-error';
import { formErrors } from '@/lib/form-errors';
import { useCreateCategory } from '../api/create-category';
import { useSetBookmarkCategories } from '../api/set-bookmark-categories';
import { buildCategoryTree, type CategoryNode } from '../utils/category-tree';

/** The tree in reading order, each with its depth for indenting. */
function flatten(nodes: CategoryNode[], depth = 0): { category: BookmarkCategory; depth: number }[] {
  return nodes.flatMap((node) => [{ category: node.category, depth }, ...flatten(node.children, depth + 1)]);
}

/**
 * Filing into a real category takes the bookmark out of Uncategorized: that is what people mean by
 * "put it in X". Unchecking the last one is left to the API, which files it back in Uncategorized.
 */
export function withCategory(current: string[], id: string, defaultId: string | undefined): string[] {
  if (current.length === 1 && current[0] === defaultId) return [id];
  return current.includes(id) ? current : [...current, id];
}

/** The user's categories as checkboxes, plus a field to make a new one and file the bookmark there. */
export function CategoryChecklist({
  bookmark,
  categories,
}: {
  bookmark: Bookmark;
  categories: BookmarkCategory[];
}) {
  const setCategories = useSetBookmarkCategories();
  const createCategory = useCreateCategory();
  const [name, setName] = useState('');
  const defaultId = categories.find((category) => category.isDefault)?.id;
  const busy = setCategories.isPending || createCategory.isPending;
  const nameError = formErrors(createCategory.error, ['name']);

  const file = (categoryIds: string[]) => setCategories.mutate({ id: bookmark.id, categoryIds });
  const toggle = (id: string, checked: boolean) =>
    file(
      checked
        ? withCategory(bookmark.categoryIds, id, defaultId)
        : bookmark.categoryIds.filter((entry) => entry !== id),
    );
  const add = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return;
    createCategory.mutate(
      { name: name.trim() },
      {
        onSuccess: (category) => {
          setName('');
          file(withCategory(bookmark.categoryIds, category.id, defaultId));
        },
      },
    );
  };

  return (
    <Stack spacing={1.5}>
      <FormLabel component="legend" id="bookmark-categories-label">
        Categories
      </FormLabel>
      <FormGroup aria-labelledby="bookmark-categories-label" data-testid="bookmark-category-list">
        {flatten(buildCategoryTree(categories)).map(({ category, depth }) => (
          <FormControlLabel
            key={category.id}
            sx={{ pl: depth * 3 }}
            label={category.name}
            disabled={busy}
            control={
              <Checkbox
                checked={bookmark.categoryIds.includes(category.id)}
                onChange={(event) => toggle(category.id, event.target.checked)}
                slotProps={{ input: { 'data-testid': `bookmark-category-${category.id}` } as object }}
              />
            }
          />
        ))}
      </FormGroup>
      <Stack component="form" direction="row" spacing={1} onSubmit={add} sx={{ alignItems: 'flex-start' }}>
        <TextField
          size="small"
          label="New category"
          value={name}
          onChange={(event) => {
            setName(event.target.value);
            if (createCategory.isError) createCategory.reset();
          }}
          error={nameError.fields.name !== undefined}
          helperText={nameError.fields.name}
          sx={{ flex: 1 }}
          slotProps={{ htmlInput: { 'data-testid': 'new-category-name', maxLength: 100 } }}
        />
        <Button
          type="submit"
          startIcon={<AddIcon />}
          disabled={busy || !name.trim()}
          data-testid="new-category-add"
        >
          Add
        </Button>
      </Stack>
      <MutationError
        error={nameError.form ? createCategory.error : setCategories.error}
        message="Not filed"
        testId="bookmark-categories-error"
      />
    </Stack>
  );
}
