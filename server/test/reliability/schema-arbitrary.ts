// Values for a JSON Schema (as the OpenAPI document states it), mixed with hostile ones: wrong types,
// huge and odd strings, SQL and path tricks, extreme numbers, prototype keys. Every node of a generated
// value may be replaced by a hostile one, so both "almost valid" and "nothing like it" requests occur.
import fc from 'fast-check';

export interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  $ref?: string;
}

const hostileStrings = [
  "' OR '1'='1",
  "'; DROP TABLE users; --",
  '" OR ""="',
  '1) UNION SELECT password_hash FROM users --',
  '../../../../etc/passwd',
  '..%2f..%2f..%2fetc%2fpasswd',
  '....//....//etc/passwd',
  'C:\\Windows\\win.ini',
  '\u0000',
  'a\u0000b',
  '%00',
  '\u202eevil',
  '\ud83c\udfa8\ud83d\udc69\u200d\ud83d\udcbb',
  '\ud800',
  '𝕳𝖊𝖑𝖑𝖔',
  '<script>alert(1)</script>',
  '${7*7}{{7*7}}',
  '__proto__',
  'constructor',
  'NaN',
  'Infinity',
  '-Infinity',
  '1e400',
  '-0',
  '0x10',
  '9223372036854775808',
  '-9223372036854775809',
  '18446744073709551616',
  '00000000-0000-0000-0000-000000000000',
  'null',
  'true',
  '[]',
  '{}',
  '',
  ' ',
  '\t\n\r',
  '*',
  '%',
  '_',
  '\\',
  'tag:',
  '"unclosed',
  '(((((((((',
  'a'.repeat(100_000),
  'é'.repeat(20_000),
];

const hostileValues: unknown[] = [
  null,
  true,
  false,
  0,
  -1,
  1.5,
  Number.MAX_SAFE_INTEGER,
  -Number.MAX_SAFE_INTEGER,
  2 ** 63,
  1e308,
  [],
  [null],
  {},
  { __proto__: { isAdmin: true } },
  JSON.parse('{"__proto__": {"role": "admin"}}') as unknown,
  { constructor: { prototype: { role: 'admin' } } },
  [[[[[[[[[[]]]]]]]]]],
  Array.from({ length: 2_000 }, (_, i) => i),
];

/** A value as the text a form field or header carries. */
export const asText = (value: unknown): string =>
  typeof value === 'string' ? value : (JSON.stringify(value) ?? '');

export const hostile: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...hostileStrings),
  fc.constantFrom(...hostileValues),
  fc.string({ unit: 'binary', maxLength: 64 }),
  fc.integer(),
  fc.double(),
);

/** How schemas are read: `resolve` follows a $ref; `known` gives real values for a property by name. */
export interface SchemaContext {
  resolve: (ref: string) => JsonSchema;
  known?: (property: string) => unknown[];
}

function boundedInteger(schema: JsonSchema): fc.Arbitrary<number> {
  const min = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : -1e6);
  const max = schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : 1e6);
  const lo = Math.max(Math.ceil(min), -Number.MAX_SAFE_INTEGER);
  const hi = Math.min(Math.floor(max), Number.MAX_SAFE_INTEGER);
  // Edges and one past them are where off-by-one mistakes live.
  return fc.oneof(fc.integer({ min: lo, max: Math.max(lo, hi) }), fc.constantFrom(lo, hi, lo - 1, hi + 1));
}

function stringFor(schema: JsonSchema): fc.Arbitrary<string> {
  if (schema.format === 'uuid') return fc.oneof(fc.uuid(), fc.string({ maxLength: 40 }));
  if (schema.format === 'email') return fc.oneof(fc.emailAddress(), fc.string({ maxLength: 40 }));
  if (schema.format === 'date-time')
    return fc.oneof(
      fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
      fc.string({ maxLength: 30 }),
    );
  const maxLength = Math.min(schema.maxLength ?? 80, 300);
  return fc.oneof(
    fc.string({ minLength: Math.min(schema.minLength ?? 0, maxLength), maxLength }),
    fc.string({ unit: 'grapheme', maxLength: 40 }),
    fc.string({ unit: 'binary', maxLength: 40 }),
    // Just over the limit.
    fc.constant('x'.repeat((schema.maxLength ?? 255) + 1)),
  );
}

export function arbitraryFor(schema: JsonSchema, ctx: SchemaContext, depth = 0): fc.Arbitrary<unknown> {
  const valid = validShaped(schema, ctx, depth);
  // Deep inside, keep mostly to the shape so objects stay reachable; at the top, be hostile more often.
  return fc.oneof({ weight: depth === 0 ? 3 : 6, arbitrary: valid }, { weight: 1, arbitrary: hostile });
}

/** A value of the schema's shape at the top (nested values may still be hostile now and then). */
export const shapedFor = (schema: JsonSchema, ctx: SchemaContext): fc.Arbitrary<unknown> =>
  validShaped(schema, ctx, 0);

/** A property's value: often a real one (an id that exists) when the context knows some. */
function propertyArbitrary(name: string, schema: JsonSchema, ctx: SchemaContext, depth: number) {
  const generated = arbitraryFor(schema, ctx, depth + 1);
  const real = ctx.known?.(name) ?? [];
  return real.length > 0 ? fc.oneof(fc.constantFrom(...real), generated) : generated;
}

function validShaped(schema: JsonSchema, ctx: SchemaContext, depth: number): fc.Arbitrary<unknown> {
  if (schema.$ref) return arbitraryFor(ctx.resolve(schema.$ref), ctx, depth);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives?.length) return fc.oneof(...alternatives.map((s) => arbitraryFor(s, ctx, depth)));
  if (schema.allOf?.length) {
    const merged: JsonSchema = { type: 'object', properties: {}, required: [] };
    for (const part of schema.allOf) {
      const resolved = part.$ref ? ctx.resolve(part.$ref) : part;
      Object.assign(merged.properties ?? {}, resolved.properties);
      merged.required?.push(...(resolved.required ?? []));
    }
    return validShaped(merged, ctx, depth);
  }
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'string':
      return stringFor(schema);
    case 'integer':
      return boundedInteger(schema);
    case 'number':
      return fc.oneof(boundedInteger(schema), fc.double({ noNaN: true, min: -1e9, max: 1e9 }));
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      if (depth > 4) return fc.constant([]);
      const items = schema.items ? arbitraryFor(schema.items, ctx, depth + 1) : hostile;
      return fc.array(items, { maxLength: Math.min(schema.maxItems ?? 6, 12) });
    }
    case 'object':
    case undefined: {
      if (depth > 4 || !schema.properties)
        return fc.dictionary(fc.string({ maxLength: 12 }), hostile, { maxKeys: 3 });
      const required = new Set(schema.required ?? []);
      const fields = Object.fromEntries(
        Object.entries(schema.properties).map(([name, s]) => [name, propertyArbitrary(name, s, ctx, depth)]),
      );
      // Mostly with the required fields, sometimes without them.
      return fc.oneof(
        {
          weight: 4,
          arbitrary: fc.record(fields, { requiredKeys: [...required].filter((k) => k in fields) }),
        },
        { weight: 1, arbitrary: fc.record(fields, { requiredKeys: [] }) },
      );
    }
    default:
      return hostile;
  }
}
