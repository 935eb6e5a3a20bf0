import { describe, expect, it } from 'vitest';
import { composePrompt, createRng } from './compose-prompt';
import { matchPromptTags } from './match-prompt-tags';
import { allFragments, subjects, titleTemplates, vocabularyTagSlugs } from './prompt-vocabulary';
import { tagHierarchy } from './tag-hierarchy';

const knownSlugs = new Set(tagHierarchy.map((t) => t.slug));

describe('createRng', () => {
  it('is deterministic per seed and stays in [0, 1)', () => {
    const a = createRng(7);
    const b = createRng(7);
    const c = createRng(8);
    const fromA = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(fromA);
    expect(Array.from({ length: 1000 }, () => c())).not.toEqual(fromA);
    for (const x of fromA) expect(x >= 0 && x < 1).toBe(true);
  });
});

describe('prompt vocabulary', () => {
  it('uses only tag slugs that exist in the hierarchy', () => {
    const unknown = vocabularyTagSlugs().filter((slug) => !knownSlugs.has(slug));
    expect(unknown).toEqual([]);
  });

  it('has fragments with text and title templates with known slots', () => {
    expect(subjects.length).toBeGreaterThanOrEqual(50);
    for (const f of allFragments) expect(f.text.trim()).not.toBe('');
    for (const t of titleTemplates) {
      for (const m of t.matchAll(/\{(\w+)\}/g)) {
        expect(['subject', 'mood', 'setting', 'medium', 'lighting', 'n']).toContain(m[1]);
      }
    }
  });
});

describe('composePrompt', () => {
  it('is deterministic for the same seed', () => {
    const first = Array.from({ length: 50 }, (_, i) => composePrompt(createRng(i)));
    const again = Array.from({ length: 50 }, (_, i) => composePrompt(createRng(i)));
    expect(again).toEqual(first);
  });

  it('produces varied, well-formed prompts whose tags exist', () => {
    const rng = createRng(2024);
    const prompts = Array.from({ length: 2000 }, () => composePrompt(rng));
    expect(new Set(prompts.map((p) => p.prompt)).size).toBe(prompts.length);
    expect(new Set(prompts.map((p) => p.title)).size).toBeGreaterThan(500);
    for (const p of prompts) {
      expect(p.title.length).toBeGreaterThan(0);
      expect(p.title.length).toBeLessThanOrEqual(255);
      expect(p.title).not.toMatch(/\{|\}|undefined|\s{2}/);
      expect(p.prompt.length).toBeLessThanOrEqual(10_000);
      expect(p.negativePrompt.split(', ').length).toBeGreaterThanOrEqual(3);
      expect(p.tags.length).toBeGreaterThanOrEqual(2);
      expect(new Set(p.tags).size).toBe(p.tags.length);
      for (const slug of p.tags) expect(knownSlugs.has(slug), slug).toBe(true);
    }
    // The vocabulary is broad enough that most of it gets used across a demo-sized batch.
    expect(new Set(prompts.flatMap((p) => p.tags)).size).toBeGreaterThan(130);
  });

  it('composes prompts whose tags can be found again from the prompt text', () => {
    const rng = createRng(99);
    for (let i = 0; i < 200; i++) {
      const p = composePrompt(rng);
      const found = new Set(matchPromptTags(p.prompt));
      for (const slug of p.tags) expect(found.has(slug), `${slug} in "${p.prompt}"`).toBe(true);
    }
  });
});

describe('matchPromptTags', () => {
  it('finds tag names and vocabulary phrases as whole words only', () => {
    expect(matchPromptTags('A Watercolor portrait of a cat, cyberpunk city at night')).toEqual(
      expect.arrayContaining(['watercolor', 'portrait', 'cyberpunk', 'night']),
    );
    expect(matchPromptTags('in the style of nobody, a mood board')).toEqual([]);
    expect(matchPromptTags('nightingale')).not.toContain('night');
  });
});
