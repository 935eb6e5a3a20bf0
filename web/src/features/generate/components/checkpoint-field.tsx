import { useEffect } from 'react';
import ListItemText from '@mui/material/ListItemText';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { errorMessage } from '@/lib/api-error';
import { useCheckpoints } from '../api/get-checkpoints';
import type { FieldsProps } from './field-props';

/** The checkpoint select; the catalogue lists available ones first and marks the others. */
export function CheckpointField({ values, errors, change }: FieldsProps) {
  const checkpoints = useCheckpoints();
  const items = checkpoints.data?.items ?? [];
  // The API refuses unavailable models once any server has reported its list; before that all go.
  const anyAvailable = items.some((c) => c.isAvailable);
  const firstUsable = items.find((c) => c.isAvailable || !anyAvailable);
  const known = items.some((c) => c.filename === values.checkpoint);

  useEffect(() => {
    if (values.checkpoint === '' && firstUsable) change({ checkpoint: firstUsable.filename });
  }, [values.checkpoint, firstUsable, change]);

  const helper = checkpoints.isError
    ? `Could not load the checkpoints: ${errorMessage(checkpoints.error)}`
    : checkpoints.isPending
      ? 'Loading checkpoints…'
      : values.checkpoint !== '' && !known
        ? 'Not in the catalogue; the server will refuse it'
        : undefined;

  return (
    <TextField
      select
      fullWidth
      required
      label="Checkpoint"
      name="checkpoint"
      value={values.checkpoint}
      onChange={(event) => change({ checkpoint: event.target.value })}
      error={Boolean(errors.checkpoint) || checkpoints.isError}
      helperText={errors.checkpoint ?? helper}
      slotProps={{
        htmlInput: { 'data-testid': 'checkpoint-select' },
        // The closed select shows the name alone; the menu adds architecture and availability.
        select: {
          renderValue: (value) => items.find((c) => c.filename === value)?.name ?? String(value),
        },
      }}
    >
      {/* A remembered or copied name the catalogue no longer has stays selectable, marked. */}
      {values.checkpoint !== '' && !known && (
        <MenuItem value={values.checkpoint}>{values.checkpoint}</MenuItem>
      )}
      {items.map((checkpoint) => (
        <MenuItem
          key={checkpoint.filename}
          value={checkpoint.filename}
          disabled={anyAvailable && !checkpoint.isAvailable}
          data-testid={`checkpoint-option-${checkpoint.filename}`}
        >
          <ListItemText
            primary={checkpoint.name}
            secondary={`${checkpoint.architecture}${checkpoint.isAvailable ? '' : ' · unavailable'}`}
          />
        </MenuItem>
      ))}
    </TextField>
  );
}
