import { useState } from 'react';
import Autocomplete from '@mui/material/Autocomplete';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { TagMatchControls } from '@/components/tag-match-controls';
import { useTagSuggestions } from '../api/get-tag-suggestions';
import type { GalleryState } from '../hooks/use-gallery-params';

type TagFilterState = Pick<GalleryState, 'tags' | 'tagMatch' | 'expandTags'>;

/** Tags as chips (by slug, as the URL and the API take them), with suggestions from autocomplete. */
export function TagFilter({
  value,
  onChange,
}: {
  value: TagFilterState;
  onChange: (change: Partial<TagFilterState>) => void;
}) {
  const [input, setInput] = useState('');
  const suggestions = useTagSuggestions(input);
  const options = (suggestions.data?.items ?? [])
    .map((tag) => tag.slug)
    .filter((slug) => !value.tags.includes(slug));

  return (
    <Stack spacing={1}>
      <Autocomplete
        multiple
        options={options}
        value={value.tags}
        inputValue={input}
        onInputChange={(_event, next) => setInput(next)}
        onChange={(_event, tags) => onChange({ tags })}
        filterOptions={(list) => list}
        loading={suggestions.isFetching}
        noOptionsText={input.trim() ? 'No matching tags' : 'Type to search tags'}
        renderValue={(tags, getItemProps) =>
          tags.map((tag, index) => {
            const { key, ...props } = getItemProps({ index });
            return <Chip key={key} label={tag} {...props} data-testid="tag-chip" />;
          })
        }
        renderInput={(params) => (
          <TextField
            {...params}
            label="Tags"
            placeholder={value.tags.length ? '' : 'Filter by tag'}
            slotProps={{
              ...params.slotProps,
              htmlInput: { ...params.slotProps.htmlInput, 'data-testid': 'tag-filter-input' },
            }}
          />
        )}
      />
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <TagMatchControls value={value} onChange={onChange} />
      </Stack>
    </Stack>
  );
}
