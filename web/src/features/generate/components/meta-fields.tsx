import Autocomplete from '@mui/material/Autocomplete';
import Chip from '@mui/material/Chip';
import FormControlLabel from '@mui/material/FormControlLabel';
import Grid from '@mui/material/Grid';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import { MAX_TAGS } from '../utils/form-values';
import type { FieldsProps } from './field-props';

/** What the resulting images are called, tagged with, who sees them, and where they are made. */
export function MetaFields({ values, errors, change }: FieldsProps) {
  return (
    <Grid container spacing={2}>
      <Grid size={{ xs: 12, sm: 6 }}>
        <TextField
          fullWidth
          label="Title"
          name="title"
          value={values.title}
          onChange={(event) => change({ title: event.target.value })}
          error={Boolean(errors.title)}
          helperText={errors.title ?? 'Optional; the prompt names the images otherwise'}
          slotProps={{ htmlInput: { 'data-testid': 'field-title' } }}
        />
      </Grid>
      <Grid size={{ xs: 12, sm: 6 }}>
        <TextField
          fullWidth
          label="Backend"
          name="backend"
          value={values.backend}
          onChange={(event) => change({ backend: event.target.value })}
          error={Boolean(errors.backend)}
          helperText={errors.backend ?? 'Optional; empty lets the queue choose a server'}
          slotProps={{ htmlInput: { 'data-testid': 'field-backend' } }}
        />
      </Grid>
      <Grid size={{ xs: 12, sm: 8 }}>
        <Autocomplete
          multiple
          freeSolo
          options={[] as string[]}
          value={values.tags}
          onChange={(_event, tags) =>
            change({ tags: [...new Set(tags.map((t) => t.trim().toLowerCase()).filter(Boolean))] })
          }
          renderValue={(tags, getItemProps) =>
            tags.map((tag, index) => {
              const { key, ...props } = getItemProps({ index });
              return <Chip key={key} label={tag} {...props} data-testid="job-tag-chip" />;
            })
          }
          renderInput={(params) => (
            <TextField
              {...params}
              label="Tags"
              error={Boolean(errors.tags)}
              helperText={errors.tags ?? `Press Enter after each tag (up to ${MAX_TAGS})`}
              slotProps={{
                ...params.slotProps,
                htmlInput: { ...params.slotProps.htmlInput, 'data-testid': 'field-tags' },
              }}
            />
          )}
        />
      </Grid>
      <Grid size={{ xs: 12, sm: 4 }}>
        <FormControlLabel
          label="Private"
          control={
            <Switch
              checked={values.isPrivate}
              onChange={(event) => change({ isPrivate: event.target.checked })}
              slotProps={{ input: { 'data-testid': 'field-private' } as object }}
            />
          }
        />
      </Grid>
    </Grid>
  );
}
