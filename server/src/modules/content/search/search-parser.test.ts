import { describe, expect, it } from 'vitest';
import { MAX_DEPTH, MAX_TERMS, parseSearch, SearchSyntaxError, type SearchNode } from './search-parser';

const word = (text: string): SearchNode => ({ kind: 'text', text, phrase: false });
const phrase = (text: string): SearchNode => ({ kind: 'text', text, phrase: true });
const and = (...children: SearchNode[]): SearchNode => ({ kind: 'and', children });
const or = (...children: SearchNode[]): SearchNode => ({ kind: 'or', children });
const not = (child: SearchNode): SearchNode => ({ kind: 'not', child });

describe('parseSearch: trees', () => {
  const cases: [string, SearchNode | null][] = [
    ['', null],
    ['   \t\n ', null],
    ['cat', word('cat')],
    ['  cat  ', word('cat')],
    ['cat dog', and(word('cat'), word('dog'))],
    ['black cat on a mat', and(word('black'), word('cat'), word('on'), word('a'), word('mat'))],
    ['"black cat"', phrase('black cat')],
    ['"  spaced  out "', phrase('  spaced  out ')],
    ['"say \\"hi\\" now"', phrase('say "hi" now')],
    ['"a \\\\ b"', phrase('a \\ b')],
    ['"C:\\temp"', phrase('C:\\temp')],
    ['"OR"', phrase('OR')],
    ['"a (b) | c"', phrase('a (b) | c')],
    ['"cat"dog', and(phrase('cat'), word('dog'))],
    ['5" tall', and(word('5"'), word('tall'))],
    ['C:\\temp', word('C:\\temp')],
    ['-cat', not(word('cat'))],
    ['-"black cat"', not(phrase('black cat'))],
    ['-tag:cats', not({ kind: 'tag', slug: 'cats', prefix: false })],
    ['-(a b)', not(and(word('a'), word('b')))],
    ['-(-a)', not(not(word('a')))],
    ['sci-fi', word('sci-fi')],
    ['a- b', and(word('a-'), word('b'))],
    ['cat OR dog', or(word('cat'), word('dog'))],
    ['cat | dog', or(word('cat'), word('dog'))],
    ['cat|dog', or(word('cat'), word('dog'))],
    ['cat or dog', and(word('cat'), word('or'), word('dog'))],
    ['cat Or dog', and(word('cat'), word('Or'), word('dog'))],
    ['ORACLE', word('ORACLE')],
    ['a b OR c', or(and(word('a'), word('b')), word('c'))],
    ['a OR b c', or(word('a'), and(word('b'), word('c')))],
    ['a (b OR c)', and(word('a'), or(word('b'), word('c')))],
    ['(a OR b) (c OR d)', and(or(word('a'), word('b')), or(word('c'), word('d')))],
    ['a OR b | c', or(word('a'), word('b'), word('c'))],
    ['(a b) c', and(word('a'), word('b'), word('c'))],
    ['(((a)))', word('a')],
    ['(a)OR(b)', or(word('a'), word('b'))],
    ['foo(bar)', and(word('foo'), word('bar'))],
    [
      'cat -dog OR -(bird fish)',
      or(and(word('cat'), not(word('dog'))), not(and(word('bird'), word('fish')))),
    ],
    ['猫 café', and(word('猫'), word('café'))],
    // Unknown field names are text, so URLs and labels still search.
    ['http://example.com/a', word('http://example.com/a')],
    ['note:hello', word('note:hello')],
    ['foo:"a b"', phrase('foo:a b')],
    ['c:', word('c:')],
    ['12:30', word('12:30')],
    // Field terms.
    ['tag:cats', { kind: 'tag', slug: 'cats', prefix: false }],
    ['TAG:Big-Cats', { kind: 'tag', slug: 'big-cats', prefix: false }],
    ['tag:"cats"', { kind: 'tag', slug: 'cats', prefix: false }],
    ['tag:ca*', { kind: 'tag', slug: 'ca', prefix: true }],
    ['tag:big-*', { kind: 'tag', slug: 'big-', prefix: true }],
    ['model:sdxl', { kind: 'match', field: 'model', value: 'sdxl' }],
    ['Model:"sd xl"', { kind: 'match', field: 'model', value: 'sd xl' }],
    ['model:"say \\"x\\""', { kind: 'match', field: 'model', value: 'say "x"' }],
    ['model:100%_off', { kind: 'match', field: 'model', value: '100%_off' }],
    ['lora:detail', { kind: 'match', field: 'lora', value: 'detail' }],
    ['sampler:euler_a', { kind: 'match', field: 'sampler', value: 'euler_a' }],
    ['scheduler:Karras', { kind: 'match', field: 'scheduler', value: 'Karras' }],
    ['creator:Ada_L', { kind: 'match', field: 'creator', value: 'Ada_L' }],
    ['seed:42', { kind: 'seed', value: 42 }],
    ['seed:9007199254740991', { kind: 'seed', value: 9007199254740991 }],
    ['steps:20', { kind: 'compare', field: 'steps', cmp: { op: '=', value: 20 } }],
    ['steps:=20', { kind: 'compare', field: 'steps', cmp: { op: '=', value: 20 } }],
    ['steps:>=20', { kind: 'compare', field: 'steps', cmp: { op: '>=', value: 20 } }],
    ['steps:<=20', { kind: 'compare', field: 'steps', cmp: { op: '<=', value: 20 } }],
    ['steps:>20', { kind: 'compare', field: 'steps', cmp: { op: '>', value: 20 } }],
    ['steps:<20', { kind: 'compare', field: 'steps', cmp: { op: '<', value: 20 } }],
    ['steps:20..40', { kind: 'compare', field: 'steps', cmp: { op: 'between', min: 20, max: 40 } }],
    ['steps:20..20', { kind: 'compare', field: 'steps', cmp: { op: 'between', min: 20, max: 20 } }],
    ['width:>=1024', { kind: 'compare', field: 'width', cmp: { op: '>=', value: 1024 } }],
    ['HEIGHT:512..768', { kind: 'compare', field: 'height', cmp: { op: 'between', min: 512, max: 768 } }],
    ['cfg:7.5', { kind: 'compare', field: 'cfg', cmp: { op: '=', value: 7.5 } }],
    ['cfg:.5..7', { kind: 'compare', field: 'cfg', cmp: { op: 'between', min: 0.5, max: 7 } }],
    ['cfg:<4', { kind: 'compare', field: 'cfg', cmp: { op: '<', value: 4 } }],
    ['rating:>=4', { kind: 'compare', field: 'rating', cmp: { op: '>=', value: 4 } }],
    ['rating:3.5..5', { kind: 'compare', field: 'rating', cmp: { op: 'between', min: 3.5, max: 5 } }],
    ['rating:0', { kind: 'compare', field: 'rating', cmp: { op: '=', value: 0 } }],
    ['source:auto', { kind: 'source', value: 'auto' }],
    ['source:REGULAR', { kind: 'source', value: 'regular' }],
    ['before:2024-05-01', { kind: 'date', field: 'before', date: '2024-05-01' }],
    ['after:2024-02-29', { kind: 'date', field: 'after', date: '2024-02-29' }],
    [
      'tag:cats -tag:lion* model:"sd xl" (steps:>=30 | cfg:7)',
      and(
        { kind: 'tag', slug: 'cats', prefix: false },
        not({ kind: 'tag', slug: 'lion', prefix: true }),
        { kind: 'match', field: 'model', value: 'sd xl' },
        or(
          { kind: 'compare', field: 'steps', cmp: { op: '>=', value: 30 } },
          { kind: 'compare', field: 'cfg', cmp: { op: '=', value: 7 } },
        ),
      ),
    ],
  ];

  it.each(cases)('%j', (q, expected) => {
    expect(parseSearch(q)).toEqual(expected);
  });

  it(`accepts ${MAX_TERMS} terms and ${MAX_DEPTH} levels of parentheses`, () => {
    const terms = Array.from({ length: MAX_TERMS }, (_, i) => `w${i}`);
    expect(parseSearch(terms.join(' '))).toEqual(and(...terms.map(word)));
    const nested = `${'('.repeat(MAX_DEPTH)}a${')'.repeat(MAX_DEPTH)}`;
    expect(parseSearch(nested)).toEqual(word('a'));
  });
});

describe('parseSearch: errors', () => {
  const fiftyOne = Array.from({ length: MAX_TERMS + 1 }, (_, i) => `w${i % 10}`).join(' ');
  const cases: [string, string, number][] = [
    ['"unclosed', 'Unclosed quote starting at 0', 0],
    ['cats "tabby', 'Unclosed quote starting at 5', 5],
    ['"ends with escape\\"', 'Unclosed quote starting at 0', 0],
    ['model:"sd xl', 'Unclosed quote starting at 6', 6],
    ['""', 'Empty quotes at 0', 0],
    ['a ""', 'Empty quotes at 2', 2],
    ['(cats', "Expected ')' at 5", 5],
    ['(a (b c)', "Expected ')' at 8", 8],
    ['(', 'Expected a search term at 1', 1],
    ['()', 'Empty group at 0', 0],
    ['cats ( )', 'Empty group at 5', 5],
    ['cats)', "Unexpected ')' at 4", 4],
    [')', "Unexpected ')' at 0", 0],
    ['cats OR', 'Dangling OR at 5', 5],
    ['OR cats', 'Dangling OR at 0', 0],
    ['a | | b', 'Dangling OR at 2', 2],
    ['(a OR) b', 'Dangling OR at 3', 3],
    ['a OR -', 'Nothing to negate at 5', 5],
    ['- cats', 'Nothing to negate at 0', 0],
    ['cats -', 'Nothing to negate at 5', 5],
    ['--cats', 'Nothing to negate at 0', 0],
    ['(a -)', 'Nothing to negate at 3', 3],
    ['seed:abc', 'seed: needs a whole number at 0', 0],
    ['x seed:-1', 'seed: needs a whole number at 2', 2],
    ['seed:>5', 'seed: needs a whole number at 0', 0],
    ['seed:99999999999999999999', 'seed: needs a whole number at 0', 0],
    ['steps:>=x', 'steps: needs a whole number at 0', 0],
    ['width:1.5', 'width: needs a whole number at 0', 0],
    ['height:..5', 'height: needs a whole number at 0', 0],
    ['steps:1..2..3', 'steps: needs a whole number at 0', 0],
    ['steps:40..20', 'steps: range 40..20 is empty (put the smaller number first) at 0', 0],
    ['cfg:1..x', 'cfg: needs a number at 0', 0],
    ['cfg:7.', 'cfg: needs a number at 0', 0],
    ['cfg:1e99', 'cfg: needs a number at 0', 0],
    ['rating:6', 'rating: must be between 0 and 5 at 0', 0],
    ['rating:4..5.5', 'rating: must be between 0 and 5 at 0', 0],
    ['source:foo', 'Unknown source "foo" (use regular or auto) at 0', 0],
    ['a -source:both', 'Unknown source "both" (use regular or auto) at 3', 3],
    ['before:2024/05/01', 'before: needs a date as YYYY-MM-DD at 0', 0],
    ['after:2024-02-30', 'after: 2024-02-30 is not a calendar date at 0', 0],
    ['after:2023-02-29', 'after: 2023-02-29 is not a calendar date at 0', 0],
    ['before:0000-01-01', 'before: 0000-01-01 is not a calendar date at 0', 0],
    ['after:2024-13-01', 'after: 2024-13-01 is not a calendar date at 0', 0],
    ['tag:Bad_Slug', 'tag: needs a tag slug (letters, digits and single dashes) at 0', 0],
    ['tag:a--b', 'tag: needs a tag slug (letters, digits and single dashes) at 0', 0],
    ['tag:*', 'tag: needs the start of a tag slug before * at 0', 0],
    ['tag:a*b*', 'tag: needs the start of a tag slug before * at 0', 0],
    ['model:', 'model: needs a value at 0', 0],
    ['cat model:""', 'model: needs a value at 4', 4],
    ['lora: x', 'lora: needs a value at 0', 0],
    [
      `${'('.repeat(MAX_DEPTH + 1)}a${')'.repeat(MAX_DEPTH + 1)}`,
      'Too deeply nested (at most 10 levels of parentheses) at 10',
      10,
    ],
    [fiftyOne, `Too many terms (at most ${MAX_TERMS}) at ${3 * MAX_TERMS}`, 3 * MAX_TERMS],
  ];

  it.each(cases)('%j', (q, message, position) => {
    let caught: unknown;
    try {
      parseSearch(q);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(SearchSyntaxError);
    expect(caught).toMatchObject({ message, position, name: 'SearchSyntaxError' });
  });

  it('counts negated and grouped terms towards the limit', () => {
    const terms = Array.from({ length: MAX_TERMS + 1 }, () => '-(x)').join(' ');
    expect(() => parseSearch(terms)).toThrow(`Too many terms (at most ${MAX_TERMS}) at ${5 * MAX_TERMS + 2}`);
  });
});
