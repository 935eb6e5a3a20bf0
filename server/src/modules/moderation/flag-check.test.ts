import { describe, expect, it } from 'vitest';
import { checkText, flagChecker, moderatedText, riskBreakdown, riskScore } from './flag-check';

const words = ['gun', 'knife', 'attack', 'ass', 'party', 'gore', 'x-rated', 'naïve'];

describe('checkText', () => {
  it('counts words, occurrences and distinct words, with the risk formula to 2 decimals', () => {
    // 6 words, 1 problem: 16.67 % → 0.4×16.67 + 0.3×10 + 0.3×20 = 6.67 + 3 + 6 = 15.67
    const one = checkText('A lonely gun on a table', words);
    expect(one).toMatchObject({
      totalWords: 6,
      problemWords: 1,
      flaggedWords: ['gun'],
      problemPercentage: 16.67,
      riskScore: 15.67,
    });
    // 3 words, 3 problems, 2 distinct: 100 % → 40 + 9 + 12 = 61
    expect(checkText('gun gun knife', words)).toMatchObject({
      totalWords: 3,
      problemWords: 3,
      flaggedWords: ['gun', 'knife'],
      problemPercentage: 100,
      riskScore: 61,
    });
  });

  it('caps the count and variety parts: 12 hits of 6 words score 100', () => {
    const text = 'gun knife attack ass party gore gun knife attack ass party gore';
    const result = checkText(text, words);
    expect(result).toMatchObject({
      totalWords: 12,
      problemWords: 12,
      problemPercentage: 100,
      riskScore: 100,
    });
    expect(result.flaggedWords).toHaveLength(6);
  });

  it('scores above the default hide threshold when most words are distinct flag words', () => {
    // 6 words, 5 distinct problems: 83.33 % → 33.33 + 15 + 30 = 78.33
    expect(
      checkText('Weapon Attack: knife, gun and violence', [...words, 'weapon', 'violence']).riskScore,
    ).toBe(78.33);
  });

  it('matches whole words only, never inside other words', () => {
    for (const text of ['a class of glass', 'the gunner', 'begun', 'knifed', 'attacker', 'Gorey', 'passage'])
      expect(checkText(text, words).problemWords, text).toBe(0);
  });

  it('matches the simple plurals: +s, +es and y → ies', () => {
    expect(checkText('guns and knifes', words).flaggedWords).toEqual(['gun', 'knife']);
    expect(checkText('two asses', words).flaggedWords).toEqual(['ass']);
    expect(checkText('late parties', words).flaggedWords).toEqual(['party']);
    expect(checkText('partys', words).flaggedWords).toEqual(['party']);
    expect(checkText('parti', words).problemWords).toBe(0);
  });

  it('ignores case and punctuation around a word', () => {
    const result = checkText('GUN! (Knife), "attack"... gore? gun’s', words);
    expect(result.problemWords).toBe(5);
    expect(result.flaggedWords).toEqual(['gun', 'knife', 'attack', 'gore']);
    expect(result.totalWords).toBe(5);
  });

  it('handles unicode letters as word characters and words with inner punctuation', () => {
    expect(checkText('a naïve sketch', words).flaggedWords).toEqual(['naïve']);
    expect(checkText('NAÏVE', words).flaggedWords).toEqual(['naïve']);
    // An accented letter next to the word makes it part of a longer word.
    expect(checkText('éгun gunя', words).problemWords).toBe(0);
    expect(checkText('an x-rated poster 🔫gun🔫', words).flaggedWords).toEqual(['x-rated', 'gun']);
  });

  it('reports where each hit is so it can be highlighted', () => {
    const text = 'Big guns, tiny knife';
    const { matches } = checkText(text, words);
    expect(matches.map((m) => [m.word, text.slice(m.index, m.index + m.length)])).toEqual([
      ['gun', 'guns'],
      ['knife', 'knife'],
    ]);
  });

  it('is clean for an empty text or an empty list', () => {
    expect(checkText('', words)).toMatchObject({ totalWords: 0, problemWords: 0, riskScore: 0 });
    expect(checkText('gun', [])).toMatchObject({ totalWords: 1, problemWords: 0, riskScore: 0 });
  });

  it('treats regex characters in a listed word literally', () => {
    const check = flagChecker(['a.b', 'c++']);
    expect(check('axb a.b').flaggedWords).toEqual(['a.b']);
    expect(check('c').problemWords).toBe(0);
  });
});

describe('risk helpers', () => {
  it('splits the risk into its three weighted parts', () => {
    expect(riskBreakdown(50, 2, 2)).toEqual({ percentage: 20, count: 6, variety: 12 });
    expect(riskScore(50, 2, 2)).toBe(38);
  });

  it('checks the title and the prompt together', () => {
    expect(moderatedText('Title', '')).toBe('Title');
    expect(moderatedText('Title', 'a prompt')).toBe('Title\na prompt');
  });
});
