import TextField from '@mui/material/TextField';
import type { FieldName } from '../utils/form-values';
import type { FieldsProps } from './field-props';

type NumericField = 'width' | 'height' | 'batchSize' | 'seed' | 'steps' | 'cfg' | 'denoise';

/**
 * A number typed as text: a half-typed "-" or "0." stays in the box, and the form's checks (not the
 * browser's) say what is wrong, with the same limits the API applies.
 */
export function NumberField({
  name,
  label,
  helper,
  decimal = false,
  values,
  errors,
  change,
}: FieldsProps & { name: NumericField & FieldName; label: string; helper?: string; decimal?: boolean }) {
  const error = errors[name];
  return (
    <TextField
      fullWidth
      label={label}
      name={name}
      value={values[name]}
      onChange={(event) => change({ [name]: event.target.value.trim() })}
      error={Boolean(error)}
      helperText={error ?? helper}
      slotProps={{
        htmlInput: { inputMode: decimal ? 'decimal' : 'numeric', 'data-testid': `field-${name}` },
      }}
    />
  );
}
