// The generate form's values, their defaults, the checks that mirror the API's contract (SPEC §5.1),
// and the conversions to the request body and from a content item ("generate again").
import type { ContentDetail, CreateJobBody, LoraUse } from '@genonaut/contracts';

/** Numbers are kept as typed text so a half-typed value ("-", "7.") is not thrown away. */
export interface FormValues {
  prompt: string;
  negativePrompt: string;
  checkpoint: string;
  loras: LoraUse[];
  width: string;
  height: string;
  batchSize: string;
  seed: string;
  steps: string;
  cfg: string;
  sampler: string;
  scheduler: string;
  denoise: string;
  title: string;
  tags: string[];
  isPrivate: boolean;
  backend: string;
}

export type FieldName = keyof FormValues;
export type FieldErrors = Partial<Record<FieldName, string>>;

export const MAX_LORAS = 8;
export const MAX_TAGS = 30;
export const MAX_PROMPT = 10_000;
export const MAX_SEED = 2 ** 53 - 1;
export const STRENGTH_MIN = -5;
export const STRENGTH_MAX = 5;

export const SIZE_PRESETS = [
  { id: 'portrait', label: 'Portrait 832 × 1216', width: 832, height: 1216 },
  { id: 'landscape', label: 'Landscape 1216 × 832', width: 1216, height: 832 },
  { id: 'square', label: 'Square 1024 × 1024', width: 1024, height: 1024 },
  { id: 'small', label: 'Small 512 × 512', width: 512, height: 512 },
] as const;

export const DEFAULT_VALUES: FormValues = {
  prompt: '',
  negativePrompt: '',
  checkpoint: '',
  loras: [],
  width: '832',
  height: '1216',
  batchSize: '1',
  seed: '-1',
  steps: '25',
  cfg: '7',
  sampler: 'euler',
  scheduler: 'normal',
  denoise: '1',
  title: '',
  tags: [],
  isPrivate: false,
  backend: '',
};

/** The preset the current size matches, or 'custom'. */
export function presetOf(values: Pick<FormValues, 'width' | 'height'>): string {
  const match = SIZE_PRESETS.find(
    (p) => String(p.width) === values.width && String(p.height) === values.height,
  );
  return match?.id ?? 'custom';
}

const isNumber = (text: string) => text.trim() !== '' && Number.isFinite(Number(text));

function integerError(text: string, min: number, max: number): string | undefined {
  if (!isNumber(text) || !Number.isInteger(Number(text))) return 'Enter a whole number';
  const n = Number(text);
  if (n < min || n > max) return `Must be between ${min} and ${max}`;
  return undefined;
}

function numberError(text: string, min: number, max: number): string | undefined {
  if (!isNumber(text)) return 'Enter a number';
  const n = Number(text);
  if (n < min || n > max) return `Must be between ${min} and ${max}`;
  return undefined;
}

function dimensionError(text: string): string | undefined {
  const error = integerError(text, 64, 2048);
  if (error) return error;
  return Number(text) % 8 === 0 ? undefined : 'Must be a multiple of 8';
}

/** Every problem at once, keyed by field, as the API's 400 would name them. */
export function validate(values: FormValues): FieldErrors {
  const errors: FieldErrors = {};
  const set = (field: FieldName, message: string | undefined) => {
    if (message) errors[field] = message;
  };
  if (values.prompt.trim() === '') set('prompt', 'Describe the image you want');
  else if (values.prompt.length > MAX_PROMPT) set('prompt', `At most ${MAX_PROMPT} characters`);
  if (values.negativePrompt.length > MAX_PROMPT) set('negativePrompt', `At most ${MAX_PROMPT} characters`);
  if (values.checkpoint === '') set('checkpoint', 'Choose a checkpoint');
  if (values.loras.length > MAX_LORAS) set('loras', `At most ${MAX_LORAS} LoRAs`);
  else if (
    values.loras.some(
      (l) =>
        [l.strengthModel, l.strengthClip].some((s) => s < STRENGTH_MIN || s > STRENGTH_MAX) || l.name === '',
    )
  )
    set('loras', `Strengths must be between ${STRENGTH_MIN} and ${STRENGTH_MAX}`);
  set('width', dimensionError(values.width));
  set('height', dimensionError(values.height));
  set('batchSize', integerError(values.batchSize, 1, 8));
  set('seed', integerError(values.seed, -1, MAX_SEED));
  set('steps', integerError(values.steps, 1, 150));
  set('cfg', numberError(values.cfg, 1, 30));
  set('denoise', numberError(values.denoise, 0, 1));
  if (values.sampler === '') set('sampler', 'Choose a sampler');
  if (values.scheduler === '') set('scheduler', 'Choose a scheduler');
  if (values.title.length > 255) set('title', 'At most 255 characters');
  if (values.tags.length > MAX_TAGS) set('tags', `At most ${MAX_TAGS} tags`);
  else if (values.tags.some((t) => t.length > 100)) set('tags', 'A tag has at most 100 characters');
  if (values.backend.length > 40) set('backend', 'At most 40 characters');
  return errors;
}

/** The request body; call only with values that passed validate(). Empty optionals are left out. */
export function toRequestBody(values: FormValues): CreateJobBody {
  const body: CreateJobBody = {
    prompt: values.prompt,
    checkpoint: values.checkpoint,
    loras: values.loras,
    width: Number(values.width),
    height: Number(values.height),
    batchSize: Number(values.batchSize),
    seed: Number(values.seed),
    steps: Number(values.steps),
    cfg: Number(values.cfg),
    sampler: values.sampler,
    scheduler: values.scheduler,
    denoise: Number(values.denoise),
    isPrivate: values.isPrivate,
  };
  if (values.negativePrompt.trim()) body.negativePrompt = values.negativePrompt;
  if (values.title.trim()) body.title = values.title.trim();
  if (values.tags.length > 0) body.tags = values.tags;
  if (values.backend.trim()) body.backend = values.backend.trim();
  return body;
}

/** Every generation setting of an item; what the item does not record keeps the current value. */
export function fromContent(item: ContentDetail, current: FormValues): FormValues {
  const text = (value: number | null, fallback: string) => (value === null ? fallback : String(value));
  return {
    ...current,
    prompt: item.prompt,
    negativePrompt: item.negativePrompt ?? '',
    checkpoint: item.checkpoint ?? current.checkpoint,
    loras: item.loras.slice(0, MAX_LORAS),
    width: text(item.width, current.width),
    height: text(item.height, current.height),
    seed: text(item.seed, current.seed),
    steps: text(item.steps, current.steps),
    cfg: text(item.cfg, current.cfg),
    sampler: item.sampler ?? current.sampler,
    scheduler: item.scheduler ?? current.scheduler,
    denoise: text(item.denoise, current.denoise),
  };
}

/**
 * Values read back from storage, field by field: anything of the wrong type (an older version's
 * shape, a hand edit) falls back to the default rather than breaking the form.
 */
export function restoreValues(stored: unknown): FormValues {
  if (typeof stored !== 'object' || stored === null) return DEFAULT_VALUES;
  const source = stored as Record<string, unknown>;
  const result: Record<string, unknown> = { ...DEFAULT_VALUES };
  for (const [key, fallback] of Object.entries(DEFAULT_VALUES)) {
    const value = source[key];
    if (Array.isArray(fallback)) {
      if (Array.isArray(value)) result[key] = value;
    } else if (typeof value === typeof fallback) {
      result[key] = value;
    }
  }
  const values = result as unknown as FormValues;
  return {
    ...values,
    tags: values.tags.filter((t): t is string => typeof t === 'string'),
    loras: values.loras.filter(
      (l): l is LoraUse =>
        typeof l === 'object' &&
        l !== null &&
        typeof l.name === 'string' &&
        typeof l.strengthModel === 'number' &&
        typeof l.strengthClip === 'number',
    ),
  };
}

/** Appends a trigger word to a prompt, comma-separated, unless it is already there. */
export function withTriggerWord(prompt: string, word: string): string {
  if (prompt.toLowerCase().includes(word.toLowerCase())) return prompt;
  const trimmed = prompt.trimEnd();
  if (trimmed === '') return word;
  return `${trimmed}${trimmed.endsWith(',') ? '' : ','} ${word}`;
}
