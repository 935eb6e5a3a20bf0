import TextField from '@mui/material/TextField';
import { MAX_PROMPT } from '../utils/form-values';
import type { FieldsProps } from './field-props';

export function PromptFields({ values, errors, change }: FieldsProps) {
  return (
    <>
      <TextField
        label="Prompt"
        name="prompt"
        required
        multiline
        minRows={3}
        maxRows={12}
        fullWidth
        value={values.prompt}
        onChange={(event) => change({ prompt: event.target.value })}
        error={Boolean(errors.prompt)}
        helperText={
          errors.prompt ?? `${values.prompt.length.toLocaleString()} / ${MAX_PROMPT.toLocaleString()}`
        }
        slotProps={{ htmlInput: { 'data-testid': 'prompt-input' } }}
      />
      <TextField
        label="Negative prompt"
        name="negativePrompt"
        multiline
        minRows={2}
        maxRows={8}
        fullWidth
        value={values.negativePrompt}
        onChange={(event) => change({ negativePrompt: event.target.value })}
        error={Boolean(errors.negativePrompt)}
        helperText={errors.negativePrompt ?? 'What the image should not contain'}
        slotProps={{ htmlInput: { 'data-testid': 'negative-prompt-input' } }}
      />
    </>
  );
}
