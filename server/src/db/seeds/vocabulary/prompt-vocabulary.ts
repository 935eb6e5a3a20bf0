// The prompt vocabulary the demo seed composes prompts from, gathered in one place. Each fragment carries
// the tag slugs it implies; title templates turn the chosen fragments into a short title.
import { mediums, styles } from './prompt-looks';
import { cameras, lighting, moods, negativeTerms, palettes, qualities, settings } from './prompt-modifiers';
import { subjects } from './prompt-subjects';
import type { PromptFragment } from './prompt-types';

export type { PromptFragment, SubjectFragment, SubjectKind } from './prompt-types';
export { cameras, lighting, mediums, moods, negativeTerms, palettes, qualities, settings, styles, subjects };

/** Placeholders a title template may use; a template is only chosen when all of its are available. */
export type TitleSlot = 'subject' | 'mood' | 'setting' | 'medium' | 'lighting' | 'n';

/**
 * `{slot}` is replaced by the chosen fragment's title; `{n}` by a small number. Weighted by repetition:
 * the plain subject title and mood + subject read best, so they come up most.
 */
export const titleTemplates: string[] = [
  '{subject}',
  '{subject}',
  '{mood} {subject}',
  '{mood} {subject}',
  '{subject} {setting}',
  '{subject} {setting}',
  '{subject} {lighting}',
  '{subject} in {medium}',
  '{mood} {subject} {setting}',
  'Study: {subject}',
  '{subject} No. {n}',
  'Untitled ({subject})',
];

/** Every fragment list, for checks and for matching vocabulary phrases found in free-form prompts. */
export const allFragments: PromptFragment[] = [
  ...subjects,
  ...mediums,
  ...styles,
  ...settings,
  ...lighting,
  ...palettes,
  ...moods,
  ...cameras,
  ...qualities,
];

/** Distinct tag slugs any fragment can imply. */
export function vocabularyTagSlugs(): string[] {
  return [...new Set(allFragments.flatMap((f) => f.tags))].sort();
}
