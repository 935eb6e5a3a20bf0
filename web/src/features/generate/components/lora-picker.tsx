import { useState } from 'react';
import Autocomplete from '@mui/material/Autocomplete';
import Chip from '@mui/material/Chip';
import ListItemText from '@mui/material/ListItemText';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import type { Lora } from '@genonaut/contracts';
import { errorMessage } from '@/lib/api-error';
import { useLoras } from '../api/get-loras';
import { MAX_LORAS, withTriggerWord } from '../utils/form-values';
import type { FieldsProps } from './field-props';
import { LoraRow } from './lora-row';

/** Compatible ones first; the API already orders each group by rating. */
const byCompatibility = (a: Lora, b: Lora) =>
  Number(a.isCompatible === false) - Number(b.isCompatible === false);

export function LoraPicker({ values, errors, change }: FieldsProps) {
  const loras = useLoras(values.checkpoint);
  const [input, setInput] = useState('');
  const items = loras.data?.items ?? [];
  const anyAvailable = items.some((l) => l.isAvailable);
  const chosen = new Set(values.loras.map((l) => l.name));
  const options = items.filter((l) => !chosen.has(l.filename)).sort(byCompatibility);
  const full = values.loras.length >= MAX_LORAS;

  const add = (lora: Lora) =>
    change({
      loras: [
        ...values.loras,
        {
          name: lora.filename,
          strengthModel: lora.recommendedStrength,
          strengthClip: lora.recommendedStrength,
        },
      ],
    });

  const helper = loras.isError
    ? `Could not load the LoRAs: ${errorMessage(loras.error)}`
    : full
      ? `At most ${MAX_LORAS} LoRAs`
      : `${values.loras.length} of ${MAX_LORAS}`;

  return (
    <Stack spacing={1} data-testid="lora-picker">
      <Autocomplete
        options={options}
        value={null}
        inputValue={input}
        onInputChange={(_event, next) => setInput(next)}
        onChange={(_event, lora) => {
          if (lora) add(lora);
          setInput('');
        }}
        getOptionLabel={(lora) => lora.name}
        getOptionKey={(lora) => lora.filename}
        getOptionDisabled={(lora) => anyAvailable && !lora.isAvailable}
        disabled={full}
        loading={loras.isPending}
        noOptionsText="No LoRAs match"
        renderOption={({ key, ...props }, lora) => (
          <li key={key} {...props} data-testid={`lora-option-${lora.filename}`}>
            <ListItemText
              primary={lora.name}
              secondary={
                lora.triggerWords.length > 0 ? `Trigger: ${lora.triggerWords.join(', ')}` : undefined
              }
            />
            <Stack direction="row" spacing={0.5} sx={{ ml: 1 }}>
              {lora.isCompatible === false && <Chip color="warning" label="Incompatible" />}
              {lora.isOptimal && <Chip color="success" label="Optimal" />}
              {!lora.isAvailable && <Chip label="Unavailable" />}
            </Stack>
          </li>
        )}
        renderInput={(params) => (
          <TextField
            {...params}
            label="Add a LoRA"
            error={Boolean(errors.loras) || loras.isError}
            helperText={errors.loras ?? helper}
          />
        )}
      />
      {values.loras.map((use, index) => (
        <LoraRow
          key={use.name}
          use={use}
          lora={items.find((l) => l.filename === use.name)}
          catalogueLoaded={loras.isSuccess}
          onChange={(next) => change({ loras: values.loras.map((l, i) => (i === index ? next : l)) })}
          onRemove={() => change({ loras: values.loras.filter((_l, i) => i !== index) })}
          onInsert={(word) => change({ prompt: withTriggerWord(values.prompt, word) })}
        />
      ))}
    </Stack>
  );
}
