// The moderation checker (SPEC §9.5): a pure function from a text and the flag-word list to counts, the
// risk score and where each hit is (so the review page can highlight it). Words match case-insensitively
// as whole words, with the simple plurals (word+s, word+es, y→ies); "class" never matches "ass".

export interface FlagMatch {
  /** The flag word this occurrence counts for (as listed, lower case). */
  word: string;
  /** Offset and length in UTF-16 code units of the original text. */
  index: number;
  length: number;
}

export interface FlagCheck {
  totalWords: number;
  /** Occurrences of flag words. */
  problemWords: number;
  /** The distinct flag words found, in order of first appearance. */
  flaggedWords: string[];
  /** problemWords / totalWords × 100, rounded to 2 decimals (0 for an empty text). */
  problemPercentage: number;
  riskScore: number;
  matches: FlagMatch[];
}

export interface RiskBreakdown {
  /** 0.4 × problem percentage. */
  percentage: number;
  /** 0.3 × min(problem words / 10, 1) × 100. */
  count: number;
  /** 0.3 × min(distinct problem words / 5, 1) × 100. */
  variety: number;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

// A word is a run of letters, digits and marks, joined by inner apostrophes or hyphens ("don't",
// "x-rated"); anything else (punctuation, spaces, emoji) separates words.
const WORD = /[\p{L}\p{N}\p{M}]+(?:['’-][\p{L}\p{N}\p{M}]+)*/gu;
const WORD_CHAR = '[\\p{L}\\p{N}\\p{M}]';

// Only the syntax characters: in a `u` pattern escaping anything else (such as '-') is an error.
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** The plural forms a listed word also matches: word+s, word+es, and y→ies for words ending in y. */
function formsPattern(word: string): string {
  const plain = `${escapeRegExp(word)}(?:s|es)?`;
  return word.length > 1 && word.endsWith('y') ? `${plain}|${escapeRegExp(word.slice(0, -1))}ies` : plain;
}

export function riskBreakdown(
  problemPercentage: number,
  problemWords: number,
  distinct: number,
): RiskBreakdown {
  return {
    percentage: round2(0.4 * problemPercentage),
    count: round2(0.3 * Math.min(problemWords / 10, 1) * 100),
    variety: round2(0.3 * Math.min(distinct / 5, 1) * 100),
  };
}

export function riskScore(problemPercentage: number, problemWords: number, distinct: number): number {
  const raw =
    0.4 * problemPercentage +
    0.3 * Math.min(problemWords / 10, 1) * 100 +
    0.3 * Math.min(distinct / 5, 1) * 100;
  return Math.min(100, round2(raw));
}

/**
 * A compiled checker for one word list: building the pattern once lets a rescan of millions of items
 * reuse it. Blank and duplicate words are ignored.
 */
export function flagChecker(words: readonly string[]): (text: string) => FlagCheck {
  const list = [...new Set(words.map((w) => w.trim().toLowerCase()).filter(Boolean))];
  // Longest first, so "gunfire" is tried before "gun" at the same place.
  list.sort((a, b) => b.length - a.length);
  const groups = list.map((w) => `(${formsPattern(w)})`).join('|');
  const pattern =
    list.length > 0 ? new RegExp(`(?<!${WORD_CHAR})(?:${groups})(?!${WORD_CHAR})`, 'giu') : null;

  return (text: string): FlagCheck => {
    const totalWords = text.match(WORD)?.length ?? 0;
    const matches: FlagMatch[] = [];
    if (pattern) {
      for (const m of text.matchAll(pattern)) {
        const group = m.slice(1).findIndex((g) => g !== undefined);
        const word = list[group];
        if (word !== undefined) matches.push({ word, index: m.index, length: m[0].length });
      }
    }
    const flaggedWords = [...new Set(matches.map((m) => m.word))];
    const problemWords = matches.length;
    const problemPercentage =
      totalWords === 0
        ? problemWords > 0
          ? 100
          : 0
        : Math.min(100, round2((problemWords / totalWords) * 100));
    return {
      totalWords,
      problemWords,
      flaggedWords,
      problemPercentage,
      riskScore: riskScore(problemPercentage, problemWords, flaggedWords.length),
      matches,
    };
  };
}

/** One-off check (tests, single items); use flagChecker to check many texts against one list. */
export const checkText = (text: string, words: readonly string[]): FlagCheck => flagChecker(words)(text);

/** The text an item is checked on: its title and prompt. */
export const moderatedText = (title: string, prompt: string): string =>
  prompt.trim() === '' ? title : `${title}\n${prompt}`;
