// The gallery's search language `q`: a recursive-descent parser over search-tokenizer.ts, producing a
// small tree that search-sql.ts compiles to one SQL condition.
//
//   expression = or
//   or         = and (('OR' | '|') and)*
//   and        = unary+                         (juxtaposition is AND)
//   unary      = '-' primary | primary
//   primary    = '(' or ')' | phrase | fieldTerm | word
//
// Decisions worth knowing:
// - `OR` is an operator only in upper case; `or` is an ordinary word.
// - `(`, `)` and `|` always end a word; put them in quotes to search for them. A `"` inside a word is
//   literal (`5"`), a `"` at the start of a term opens a phrase. Backslash escapes (`\"`, `\\`) exist
//   only inside quotes, so `C:\temp` searches for itself.
// - `name:value` is a field term only for the known names (case-insensitive); any other `x:` prefix is
//   plain text, so pasted URLs and `note: ...` still search. A quoted value after an unknown name makes
//   a phrase of both (`foo:"a b"` searches for `foo:a b`).
// - `before:` and `after:` are exclusive whole UTC days (see search-sql.ts).

import { SearchSyntaxError, tokenize, type FieldName, type Token } from './search-tokenizer';

export { SearchSyntaxError };

export const MAX_TERMS = 50;
export const MAX_DEPTH = 10;

export type NumericField = 'steps' | 'cfg' | 'width' | 'height' | 'rating';
export type MatchField = 'model' | 'lora' | 'sampler' | 'scheduler' | 'creator';
export type Comparison =
  { op: '=' | '>' | '>=' | '<' | '<='; value: number } | { op: 'between'; min: number; max: number };

export type SearchNode =
  | { kind: 'and'; children: SearchNode[] }
  | { kind: 'or'; children: SearchNode[] }
  | { kind: 'not'; child: SearchNode }
  | { kind: 'text'; text: string; phrase: boolean }
  | { kind: 'tag'; slug: string; prefix: boolean }
  | { kind: 'match'; field: MatchField; value: string }
  | { kind: 'seed'; value: number }
  | { kind: 'compare'; field: NumericField; cmp: Comparison }
  | { kind: 'source'; value: 'regular' | 'auto' }
  | { kind: 'date'; field: 'before' | 'after'; date: string };

/** The tree for `q`, or null when `q` is empty or only whitespace (no filter). */
export function parseSearch(q: string): SearchNode | null {
  const tokens = tokenize(q);
  if (tokens.length === 0) return null;
  const parser = new Parser(tokens, q.length);
  const node = parser.parseOr(0);
  parser.expectEnd();
  return node;
}

class Parser {
  private index = 0;
  private terms = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly length: number,
  ) {}

  parseOr(depth: number): SearchNode {
    const first = this.parseAnd(depth);
    if (!first) {
      const token = this.peek();
      if (token?.type === 'or') throw new SearchSyntaxError('Dangling OR', token.pos);
      if (token?.type === 'rparen') throw new SearchSyntaxError("Unexpected ')'", token.pos);
      throw new SearchSyntaxError('Expected a search term', token?.pos ?? this.length);
    }
    const parts = [first];
    for (let op = this.peek(); op?.type === 'or'; op = this.peek()) {
      this.index += 1;
      const next = this.parseAnd(depth);
      if (!next) throw new SearchSyntaxError('Dangling OR', op.pos);
      parts.push(next);
    }
    return combine('or', parts);
  }

  expectEnd(): void {
    const token = this.peek();
    // parseOr stops only at the end, at an OR it cannot use (reported there) or at a stray ')'.
    if (token) throw new SearchSyntaxError("Unexpected ')'", token.pos);
  }

  private parseAnd(depth: number): SearchNode | null {
    const parts: SearchNode[] = [];
    for (let token = this.peek(); token && startsTerm(token); token = this.peek()) {
      parts.push(this.parseUnary(depth));
    }
    return parts.length === 0 ? null : combine('and', parts);
  }

  private parseUnary(depth: number): SearchNode {
    const token = this.peek();
    if (token?.type !== 'not') return this.parsePrimary(depth);
    this.index += 1;
    const next = this.peek();
    if (!next || next.type === 'not' || !startsTerm(next))
      throw new SearchSyntaxError('Nothing to negate', token.pos);
    return { kind: 'not', child: this.parsePrimary(depth) };
  }

  private parsePrimary(depth: number): SearchNode {
    const token = this.peek();
    if (!token) throw new SearchSyntaxError('Expected a search term', this.length);
    this.index += 1;
    switch (token.type) {
      case 'lparen': {
        if (depth >= MAX_DEPTH) {
          throw new SearchSyntaxError(
            `Too deeply nested (at most ${MAX_DEPTH} levels of parentheses)`,
            token.pos,
          );
        }
        if (this.peek()?.type === 'rparen') throw new SearchSyntaxError('Empty group', token.pos);
        const inner = this.parseOr(depth + 1);
        const close = this.peek();
        if (close?.type !== 'rparen') throw new SearchSyntaxError("Expected ')'", close?.pos ?? this.length);
        this.index += 1;
        return inner;
      }
      case 'text':
        this.countTerm(token.pos);
        return { kind: 'text', text: token.text, phrase: token.phrase };
      case 'field':
        this.countTerm(token.pos);
        return fieldTerm(token.name, token.value, token.pos);
      case 'rparen':
      case 'or':
      case 'not':
        throw new SearchSyntaxError('Expected a search term', token.pos);
    }
  }

  private countTerm(pos: number): void {
    this.terms += 1;
    if (this.terms > MAX_TERMS) throw new SearchSyntaxError(`Too many terms (at most ${MAX_TERMS})`, pos);
  }

  private peek(): Token | undefined {
    return this.tokens[this.index];
  }
}

const startsTerm = (token: Token) => token.type !== 'or' && token.type !== 'rparen';

/** One node for a run of AND-ed or OR-ed parts, flattening nested runs of the same kind. */
function combine(kind: 'and' | 'or', parts: SearchNode[]): SearchNode {
  const children = parts.flatMap((p) => (p.kind === kind ? p.children : [p]));
  return children.length === 1 ? (children[0] as SearchNode) : { kind, children };
}

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const SLUG_PREFIX = /^[a-z0-9][a-z0-9-]*$/;
const WHOLE = /^\d+$/;
const DECIMAL = /^(\d+(\.\d+)?|\.\d+)$/;
// Keeps decimals well inside PostgreSQL's real, so a silly value is an answer, not a 500.
const DECIMAL_MAX = 1e9;

function fieldTerm(name: FieldName, value: string, pos: number): SearchNode {
  const fail = (reason: string) => new SearchSyntaxError(`${name}: ${reason}`, pos);
  if (value === '') throw fail('needs a value');
  switch (name) {
    case 'tag': {
      const slug = value.toLowerCase();
      if (slug.endsWith('*')) {
        const prefix = slug.slice(0, -1);
        if (!SLUG_PREFIX.test(prefix)) throw fail('needs the start of a tag slug before *');
        return { kind: 'tag', slug: prefix, prefix: true };
      }
      if (!SLUG.test(slug)) throw fail('needs a tag slug (letters, digits and single dashes)');
      return { kind: 'tag', slug, prefix: false };
    }
    case 'model':
    case 'lora':
    case 'sampler':
    case 'scheduler':
    case 'creator':
      return { kind: 'match', field: name, value };
    case 'seed': {
      const seed = WHOLE.test(value) ? Number(value) : NaN;
      if (!Number.isSafeInteger(seed)) throw fail('needs a whole number');
      return { kind: 'seed', value: seed };
    }
    case 'steps':
    case 'width':
    case 'height':
      return { kind: 'compare', field: name, cmp: comparison(value, true, fail) };
    case 'cfg':
      return { kind: 'compare', field: name, cmp: comparison(value, false, fail) };
    case 'rating': {
      const cmp = comparison(value, false, fail);
      const values = cmp.op === 'between' ? [cmp.min, cmp.max] : [cmp.value];
      if (values.some((v) => v > 5)) throw fail('must be between 0 and 5');
      return { kind: 'compare', field: name, cmp };
    }
    case 'source': {
      const source = value.toLowerCase();
      if (source !== 'regular' && source !== 'auto') {
        throw new SearchSyntaxError(`Unknown source "${value}" (use regular or auto)`, pos);
      }
      return { kind: 'source', value: source };
    }
    case 'before':
    case 'after':
      return { kind: 'date', field: name, date: calendarDate(value, fail) };
  }
}

/** `n`, `>=n`, `<=n`, `>n`, `<n`, `=n` or an inclusive `a..b`. */
function comparison(value: string, whole: boolean, fail: (reason: string) => Error): Comparison {
  const take = (text: string) => {
    const n = (whole ? WHOLE : DECIMAL).test(text) ? Number(text) : NaN;
    if (whole ? !Number.isSafeInteger(n) : !(n <= DECIMAL_MAX)) {
      throw fail(whole ? 'needs a whole number' : 'needs a number');
    }
    return n;
  };
  const range = value.split('..');
  if (range.length === 2) {
    const min = take(range[0] as string);
    const max = take(range[1] as string);
    if (min > max) throw fail(`range ${value} is empty (put the smaller number first)`);
    return { op: 'between', min, max };
  }
  const op = /^(>=|<=|>|<|=)?(.*)$/su.exec(value);
  const symbol = (op?.[1] ?? '=') as '=' | '>' | '>=' | '<' | '<=';
  return { op: symbol, value: take(op?.[2] ?? '') };
}

/** A real calendar day as YYYY-MM-DD (years 1–9999). */
function calendarDate(value: string, fail: (reason: string) => Error): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) throw fail('needs a date as YYYY-MM-DD');
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(0);
  probe.setUTCFullYear(year, month - 1, day);
  const valid =
    year >= 1 &&
    probe.getUTCFullYear() === year &&
    probe.getUTCMonth() === month - 1 &&
    probe.getUTCDate() === day;
  if (!valid) throw fail(`${value} is not a calendar date`);
  return value;
}
