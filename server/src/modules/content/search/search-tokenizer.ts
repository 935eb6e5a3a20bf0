// Splits a search expression `q` into tokens for search-parser.ts, keeping each token's position so
// errors can say where. Words end at whitespace, `(`, `)` and `|`; a `-` or `"` means something only
// where a term starts (negation, a phrase) or, for `"`, right after a known `field:`; inside a word both
// are literal (`sci-fi`, `5"`). Backslash escapes exist only inside quotes.

/** A malformed expression; `position` is the 0-based index into `q` where the problem is. */
export class SearchSyntaxError extends Error {
  override readonly name = 'SearchSyntaxError';

  constructor(
    readonly reason: string,
    readonly position: number,
  ) {
    super(`${reason} at ${position}`);
  }
}

const FIELDS = [
  'tag',
  'model',
  'lora',
  'seed',
  'sampler',
  'scheduler',
  'steps',
  'cfg',
  'width',
  'height',
  'creator',
  'source',
  'rating',
  'before',
  'after',
] as const;
export type FieldName = (typeof FIELDS)[number];
const isField = (name: string): name is FieldName => (FIELDS as readonly string[]).includes(name);

export type Token =
  | { type: 'lparen' | 'rparen' | 'or' | 'not'; pos: number }
  | { type: 'text'; pos: number; text: string; phrase: boolean }
  | { type: 'field'; pos: number; name: FieldName; value: string };

const isSpace = (ch: string) => /\s/u.test(ch);
const endsWord = (ch: string) => isSpace(ch) || ch === '(' || ch === ')' || ch === '|';

/** Reads a quoted string opening at `start`; returns its unescaped text and the index after it. */
function readQuoted(q: string, start: number): { text: string; end: number } {
  let text = '';
  let i = start + 1;
  while (i < q.length) {
    const ch = q[i] as string;
    const next = q[i + 1];
    if (ch === '\\' && (next === '"' || next === '\\')) {
      text += next;
      i += 2;
    } else if (ch === '"') {
      return { text, end: i + 1 };
    } else {
      text += ch;
      i += 1;
    }
  }
  throw new SearchSyntaxError('Unclosed quote starting', start);
}

export function tokenize(q: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < q.length) {
    const ch = q[i] as string;
    if (isSpace(ch)) {
      i += 1;
    } else if (ch === '(' || ch === ')' || ch === '|' || ch === '-') {
      // A '-' here starts a term (mid-word dashes are read below), so it negates what follows at once;
      // `cat - dog` is more likely a typo than a wish to exclude dogs, so it is refused.
      if (ch === '-' && (i + 1 === q.length || isSpace(q[i + 1] as string))) {
        throw new SearchSyntaxError('Nothing to negate', i);
      }
      tokens.push({
        type: ch === '(' ? 'lparen' : ch === ')' ? 'rparen' : ch === '|' ? 'or' : 'not',
        pos: i,
      });
      i += 1;
    } else if (ch === '"') {
      const { text, end } = readQuoted(q, i);
      if (text === '') throw new SearchSyntaxError('Empty quotes', i);
      tokens.push({ type: 'text', pos: i, text, phrase: true });
      i = end;
    } else {
      i = readBare(q, i, tokens);
    }
  }
  return tokens;
}

/** A word, `OR`, or a `name:value` term starting at `start`; returns the index after it. */
function readBare(q: string, start: number, tokens: Token[]): number {
  let j = start;
  while (j < q.length && !endsWord(q[j] as string)) {
    const prefix = q[j] === '"' ? /^([A-Za-z]+):$/.exec(q.slice(start, j)) : null;
    if (prefix) {
      const name = (prefix[1] as string).toLowerCase();
      const { text, end } = readQuoted(q, j);
      if (isField(name)) tokens.push({ type: 'field', pos: start, name, value: text });
      else tokens.push({ type: 'text', pos: start, text: `${prefix[0]}${text}`, phrase: true });
      return end;
    }
    j += 1;
  }
  const raw = q.slice(start, j);
  const field = /^([A-Za-z]+):(.*)$/su.exec(raw);
  const name = field?.[1]?.toLowerCase() ?? '';
  if (raw === 'OR') tokens.push({ type: 'or', pos: start });
  else if (field && isField(name)) tokens.push({ type: 'field', pos: start, name, value: field[2] ?? '' });
  else tokens.push({ type: 'text', pos: start, text: raw, phrase: false });
  return j;
}
