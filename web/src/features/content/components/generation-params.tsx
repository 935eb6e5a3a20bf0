import type { ReactNode } from 'react';
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ContentDetail, LoraUse } from '@genonaut/contracts';

/** Shown for a parameter the item does not have (an upload has no sampler). */
const NONE = '—';

function text(value: string | number | null): string {
  if (value === null) return NONE;
  return typeof value === 'number' ? String(value) : value;
}

function loraLabel(lora: LoraUse): string {
  // One number when both strengths agree, which is the usual case.
  return lora.strengthModel === lora.strengthClip
    ? `${lora.name} (${lora.strengthModel})`
    : `${lora.name} (model ${lora.strengthModel}, clip ${lora.strengthClip})`;
}

function size(item: ContentDetail): string {
  return item.width !== null && item.height !== null ? `${item.width} × ${item.height}` : NONE;
}

/** Every generation parameter of the item, as a description list (name → value). */
export function GenerationParams({ item }: { item: ContentDetail }) {
  const rows: { key: string; label: string; value: ReactNode }[] = [
    { key: 'checkpoint', label: 'Checkpoint', value: text(item.checkpoint) },
    {
      key: 'loras',
      label: 'LoRAs',
      value:
        item.loras.length === 0 ? (
          'None'
        ) : (
          <Stack component="ul" sx={{ m: 0, p: 0, listStyle: 'none' }}>
            {item.loras.map((lora) => (
              <li key={lora.name} data-testid="param-lora">
                {loraLabel(lora)}
              </li>
            ))}
          </Stack>
        ),
    },
    { key: 'seed', label: 'Seed', value: text(item.seed) },
    { key: 'steps', label: 'Steps', value: text(item.steps) },
    { key: 'cfg', label: 'CFG', value: text(item.cfg) },
    { key: 'sampler', label: 'Sampler', value: text(item.sampler) },
    { key: 'scheduler', label: 'Scheduler', value: text(item.scheduler) },
    { key: 'denoise', label: 'Denoise', value: text(item.denoise) },
    { key: 'size', label: 'Size', value: size(item) },
    { key: 'job', label: 'Job', value: text(item.generationJobId) },
  ];
  return (
    <Stack spacing={1} component="section" aria-labelledby="generation-params-title">
      <Typography id="generation-params-title" variant="h3" component="h2">
        Generation settings
      </Typography>
      <Box
        component="dl"
        data-testid="generation-params"
        sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 2, rowGap: 0.5, m: 0 }}
      >
        {rows.map((row) => (
          <Box key={row.key} sx={{ display: 'contents' }}>
            <Typography component="dt" color="text.secondary">
              {row.label}
            </Typography>
            <Typography
              component="dd"
              sx={{ m: 0, overflowWrap: 'anywhere' }}
              data-testid={`param-${row.key}`}
            >
              {row.value}
            </Typography>
          </Box>
        ))}
      </Box>
    </Stack>
  );
}
