// Deterministic prompt composition for demo data: the same seeded generator always yields the same
// prompts, titles and tags, so `seed demo` is reproducible and idempotent.
import {
  cameras,
  lighting,
  mediums,
  moods,
  negativeTerms,
  palettes,
  qualities,
  settings,
  styles,
  subjects,
  titleTemplates,
  type PromptFragment,
  type SubjectKind,
  type TitleSlot,
} from './prompt-vocabulary';

export interface ComposedPrompt {
  title: string;
  prompt: string;
  negativePrompt: string;
  tags: string[];
}

import type { Rng } from '../../../lib/rng';

export { createRng, type Rng } from '../../../lib/rng';

export function pick<T>(rng: Rng, items: readonly T[]): T {
  if (items.length === 0) throw new Error('pick from an empty list');
  return items[Math.floor(rng() * items.length)] as T;
}

/** `count` distinct items in random order (all of them when the list is shorter). */
export function pickDistinct<T>(rng: Rng, items: readonly T[], count: number): T[] {
  const pool = [...items];
  const out: T[] = [];
  while (out.length < count && pool.length > 0) {
    out.push(pool.splice(Math.floor(rng() * pool.length), 1)[0] as T);
  }
  return out;
}

function fitting(list: PromptFragment[], kind: SubjectKind): PromptFragment[] {
  return list.filter((f) => f.fits === undefined || f.fits.includes(kind));
}

/** Picks one fitting fragment with the given probability; always consumes the same number of draws. */
function maybe(rng: Rng, probability: number, list: PromptFragment[], kind: SubjectKind) {
  const roll = rng();
  const chosen = pick(rng, fitting(list, kind));
  return roll < probability ? chosen : undefined;
}

function composeTitle(rng: Rng, parts: Partial<Record<TitleSlot, string>>): string {
  const usable = titleTemplates.filter((template) =>
    [...template.matchAll(/\{(\w+)\}/g)].every((m) => Boolean(parts[m[1] as TitleSlot])),
  );
  const template = pick(rng, usable);
  return template.replace(/\{(\w+)\}/g, (_whole, slot: string) => parts[slot as TitleSlot] ?? '');
}

export function composePrompt(rng: Rng): ComposedPrompt {
  const subject = pick(rng, subjects);
  const kind = subject.kind;
  const medium = pick(rng, fitting(mediums, kind));
  const style = maybe(rng, 0.65, styles, kind);
  // A scene is its own setting.
  const setting = kind === 'scene' ? undefined : maybe(rng, 0.8, settings, kind);
  const light = maybe(rng, 0.75, lighting, kind);
  const palette = maybe(rng, 0.4, palettes, kind);
  const mood = maybe(rng, 0.7, moods, kind);
  const shots = pickDistinct(rng, fitting(cameras, kind), Math.floor(rng() * 3));
  const finish = pickDistinct(rng, qualities, 1 + Math.floor(rng() * 3));

  const clauses: PromptFragment[] = [
    { text: `${medium.text} of ${subject.text}`, tags: [...medium.tags, ...subject.tags] },
    ...[setting, style, light, palette, mood].filter((f): f is PromptFragment => f !== undefined),
    ...shots,
    ...finish,
  ];
  const negatives = pickDistinct(rng, negativeTerms, 3 + Math.floor(rng() * 4));
  const title = composeTitle(rng, {
    subject: subject.title,
    mood: mood?.title,
    setting: setting?.title,
    medium: medium.title,
    lighting: light?.title,
    n: String(2 + Math.floor(rng() * 98)),
  });

  return {
    title,
    prompt: clauses.map((c) => c.text).join(', '),
    negativePrompt: negatives.join(', '),
    tags: [...new Set(clauses.flatMap((c) => c.tags))],
  };
}
