import Grid from '@mui/material/Grid';
import IconButton from '@mui/material/IconButton';
import InputAdornment from '@mui/material/InputAdornment';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import CasinoIcon from '@mui/icons-material/Casino';
import { samplerNames, schedulerNames } from '@genonaut/contracts/comfy-names';
import type { FieldsProps } from './field-props';
import { NumberField } from './number-field';

/** Names the list does not know (copied from an item made elsewhere) stay selectable. */
const withCurrent = (names: readonly string[], current: string) =>
  current === '' || names.includes(current) ? names : [current, ...names];

function NameSelect({
  label,
  name,
  names,
  ...props
}: FieldsProps & { label: string; name: 'sampler' | 'scheduler'; names: readonly string[] }) {
  const error = props.errors[name];
  return (
    <TextField
      select
      fullWidth
      label={label}
      name={name}
      value={props.values[name]}
      onChange={(event) => props.change({ [name]: event.target.value })}
      error={Boolean(error)}
      helperText={error}
      slotProps={{ htmlInput: { 'data-testid': `field-${name}` } }}
    >
      {withCurrent(names, props.values[name]).map((option) => (
        <MenuItem key={option} value={option}>
          {option}
        </MenuItem>
      ))}
    </TextField>
  );
}

export function SamplingFields(props: FieldsProps) {
  const { values, errors, change } = props;
  return (
    <Grid container spacing={2}>
      <Grid size={{ xs: 6, sm: 4 }}>
        <NumberField {...props} name="batchSize" label="Batch size" helper="1–8 images" />
      </Grid>
      <Grid size={{ xs: 6, sm: 4 }}>
        <NumberField {...props} name="steps" label="Steps" helper="1–150" />
      </Grid>
      <Grid size={{ xs: 6, sm: 4 }}>
        <NumberField {...props} name="cfg" label="CFG" helper="1–30" decimal />
      </Grid>
      <Grid size={{ xs: 6, sm: 4 }}>
        <NumberField {...props} name="denoise" label="Denoise" helper="0–1" decimal />
      </Grid>
      <Grid size={{ xs: 12, sm: 8 }}>
        <TextField
          fullWidth
          label="Seed"
          name="seed"
          value={values.seed}
          onChange={(event) => change({ seed: event.target.value.trim() })}
          error={Boolean(errors.seed)}
          helperText={errors.seed ?? '-1 picks a random seed for each job'}
          slotProps={{
            htmlInput: { inputMode: 'numeric', 'data-testid': 'field-seed' },
            input: {
              endAdornment: (
                <InputAdornment position="end">
                  <Tooltip title="Roll a random seed">
                    <IconButton
                      aria-label="Random seed"
                      edge="end"
                      onClick={() => change({ seed: String(Math.floor(Math.random() * 2 ** 32)) })}
                    >
                      <CasinoIcon />
                    </IconButton>
                  </Tooltip>
                </InputAdornment>
              ),
            },
          }}
        />
      </Grid>
      <Grid size={{ xs: 12, sm: 6 }}>
        <NameSelect {...props} label="Sampler" name="sampler" names={samplerNames} />
      </Grid>
      <Grid size={{ xs: 12, sm: 6 }}>
        <NameSelect {...props} label="Scheduler" name="scheduler" names={schedulerNames} />
      </Grid>
    </Grid>
  );
}
