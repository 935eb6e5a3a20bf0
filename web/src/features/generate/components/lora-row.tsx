import Chip from '@mui/material/Chip';
import IconButton from '@mui/material/IconButton';
import Paper from '@mui/material/Paper';
import Slider from '@mui/material/Slider';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import AddIcon from '@mui/icons-material/Add';
import CloseIcon from '@mui/icons-material/Close';
import type { Lora, LoraUse } from '@genonaut/contracts';
import { STRENGTH_MAX, STRENGTH_MIN } from '../utils/form-values';

function StrengthSlider({
  label,
  value,
  onChange,
}: {
  label: string;
  value: number;
  onChange: (value: number) => void;
}) {
  return (
    <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
      <Typography variant="body2" sx={{ minWidth: 110 }}>
        {label}
      </Typography>
      <Slider
        value={value}
        min={STRENGTH_MIN}
        max={STRENGTH_MAX}
        step={0.05}
        marks={[{ value: 0 }, { value: 1 }]}
        valueLabelDisplay="auto"
        onChange={(_event, next) => onChange(next)}
        slotProps={{ input: { 'aria-label': label } }}
      />
      <Typography variant="body2" sx={{ minWidth: 40, textAlign: 'end' }}>
        {value.toFixed(2)}
      </Typography>
    </Stack>
  );
}

/** One chosen LoRA: compatibility, trigger words to insert, and its two strengths. */
export function LoraRow({
  use,
  lora,
  onChange,
  onRemove,
  onInsert,
  catalogueLoaded,
}: {
  use: LoraUse;
  /** The catalogue entry; missing when the catalogue no longer lists the name. */
  lora: Lora | undefined;
  onChange: (use: LoraUse) => void;
  onRemove: () => void;
  onInsert: (word: string) => void;
  catalogueLoaded: boolean;
}) {
  return (
    <Paper variant="outlined" sx={{ p: 1.5 }} data-testid={`lora-${use.name}`}>
      <Stack spacing={1}>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
          <Typography sx={{ fontWeight: 600, flexGrow: 1, overflowWrap: 'anywhere' }}>
            {lora?.name ?? use.name}
          </Typography>
          {lora?.isCompatible === false && (
            <Chip color="warning" label="Incompatible with this checkpoint" data-testid="lora-incompatible" />
          )}
          {lora?.isOptimal && <Chip color="success" label="Optimal" />}
          {!lora && catalogueLoaded && <Chip color="warning" label="Not in the catalogue" />}
          <IconButton aria-label={`Remove LoRA ${lora?.name ?? use.name}`} onClick={onRemove} size="small">
            <CloseIcon fontSize="small" />
          </IconButton>
        </Stack>
        {lora && lora.triggerWords.length > 0 && (
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
            <Typography variant="body2" color="text.secondary">
              Trigger words:
            </Typography>
            {lora.triggerWords.map((word) => (
              <Chip
                key={word}
                label={word}
                icon={<AddIcon />}
                variant="outlined"
                onClick={() => onInsert(word)}
                aria-label={`Insert trigger word ${word}`}
              />
            ))}
          </Stack>
        )}
        <StrengthSlider
          label="Model strength"
          value={use.strengthModel}
          onChange={(strengthModel) => onChange({ ...use, strengthModel })}
        />
        <StrengthSlider
          label="Clip strength"
          value={use.strengthClip}
          onChange={(strengthClip) => onChange({ ...use, strengthClip })}
        />
      </Stack>
    </Paper>
  );
}
