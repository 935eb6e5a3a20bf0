import Grid from '@mui/material/Grid';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { presetOf, SIZE_PRESETS } from '../utils/form-values';
import type { FieldsProps } from './field-props';
import { NumberField } from './number-field';

/** A preset sets both sides; typing either side by hand makes the size "custom". */
export function SizeFields(props: FieldsProps) {
  const { values, change } = props;
  const preset = presetOf(values);
  return (
    <Grid container spacing={2}>
      <Grid size={{ xs: 12, sm: 6 }}>
        <TextField
          select
          fullWidth
          label="Size"
          value={preset}
          onChange={(event) => {
            const chosen = SIZE_PRESETS.find((p) => p.id === event.target.value);
            if (chosen) change({ width: String(chosen.width), height: String(chosen.height) });
          }}
          slotProps={{ htmlInput: { 'data-testid': 'size-preset' } }}
        >
          {SIZE_PRESETS.map((p) => (
            <MenuItem key={p.id} value={p.id}>
              {p.label}
            </MenuItem>
          ))}
          <MenuItem value="custom" disabled>
            Custom
          </MenuItem>
        </TextField>
      </Grid>
      <Grid size={{ xs: 6, sm: 3 }}>
        <NumberField {...props} name="width" label="Width" helper="64–2048, × 8" />
      </Grid>
      <Grid size={{ xs: 6, sm: 3 }}>
        <NumberField {...props} name="height" label="Height" helper="64–2048, × 8" />
      </Grid>
    </Grid>
  );
}
