// The search language end to end: expressions parsed, compiled to SQL and run against the real schema,
// over this file's own items only (other files' rows never count).
import { randomUUID } from 'node:crypto';
import { sql, type Insertable } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContentItems } from '../src/db/types';
import { contentFrom } from '../src/modules/content/content.repository';
import { parseSearch, SearchSyntaxError } from '../src/modules/content/search/search-parser';
import { searchCondition } from '../src/modules/content/search/search-sql';
import { createContent, createTag, createUser } from './factories';
import { testDatabase } from './test-context';

const db = testDatabase();
afterAll(() => db.destroy());

// Lower-case hex: safe inside tag slugs and usernames, unique per run.
const run = randomUUID().slice(0, 8);
const ada = `SrchAda_${run}`;
const bob = `srchbob_${run}`;
const slug = {
  animal: `${run}-animal`,
  feline: `${run}-feline`,
  tabby: `${run}-tabby`,
  pattern: `${run}-pattern`,
  striped: `${run}-striped`,
};
// 101 tags sharing a prefix of their own, to see the wildcard stop at 100.
const many = (n: number) => `${run}x-many-${String(n).padStart(3, '0')}`;

type Key = 'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G' | 'H' | 'I' | 'J' | 'K' | 'M' | 'N';
interface ItemSpec {
  by: 'ada' | 'bob';
  at: string;
  tags?: string[];
  ratings?: { ada?: number; bob?: number };
  loras?: string[];
  row: Omit<Partial<Insertable<ContentItems>>, 'loras' | 'created_at'>;
}

const sdxl = 'sd_xl_base_1.0.safetensors';
const dream = 'dreamshaper_8.safetensors';
const jugger = 'juggernaut_xl_v9.safetensors';
const params = (checkpoint: string, seed: number, sampler: string, scheduler: string) => ({
  checkpoint,
  seed,
  sampler,
  scheduler,
});
const shape = (steps: number, cfg: number, width: number, height: number) => ({ steps, cfg, width, height });

const items: Record<Key, ItemSpec> = {
  A: {
    by: 'ada',
    at: '2024-03-10T12:00:00Z',
    tags: [slug.tabby],
    ratings: { bob: 5 },
    loras: ['Detail Tweaker XL'],
    row: {
      title: 'Sleepy Cats on a windowsill',
      prompt: 'three tabby cats napping in warm sunlight',
      source: 'regular',
      ...params(sdxl, 1001, 'euler', 'normal'),
      ...shape(20, 7, 1024, 1024),
    },
  },
  B: {
    by: 'ada',
    at: '2024-04-01T00:00:00Z',
    tags: [slug.feline],
    row: {
      title: 'Kitten portrait',
      prompt: 'a fluffy kitten, studio lighting, bokeh',
      source: 'regular',
      ...params(dream, 2002, 'dpmpp_2m', 'karras'),
      ...shape(30, 5.5, 512, 768),
    },
  },
  C: {
    by: 'bob',
    at: '2024-04-15T08:30:00Z',
    tags: [slug.animal],
    loras: ['film-grain'],
    row: {
      title: 'Happy dog in the park',
      prompt: 'a golden retriever with a red frisbee',
      source: 'auto',
      ...params(sdxl, 3003, 'euler_ancestral', 'normal'),
      ...shape(25, 7.5, 832, 1216),
    },
  },
  D: {
    by: 'bob',
    at: '2024-05-01T23:59:59Z',
    tags: [slug.feline],
    ratings: { ada: 5, bob: 4 },
    loras: ['golden-hour-light'],
    row: {
      title: 'Lion at sunset',
      prompt: 'majestic lion on the savanna, golden hour',
      source: 'auto',
      ...params(jugger, 4004, 'dpmpp_2m', 'karras'),
      ...shape(40, 8, 1216, 832),
    },
  },
  E: {
    by: 'ada',
    at: '2024-05-02T00:00:00Z',
    tags: [slug.striped],
    row: {
      title: 'Striped wallpaper',
      prompt: 'seamless striped pattern, pastel colors',
      source: 'regular',
      ...params(dream, 5005, 'euler', 'simple'),
      ...shape(12, 3, 512, 512),
    },
  },
  // An upload without generation metadata: every nullable column is null.
  F: {
    by: 'bob',
    at: '2023-12-31T23:00:00Z',
    row: { title: '100% Cotton poster', prompt: 'typography: 50% off sale', source: 'regular' },
  },
  G: {
    by: 'bob',
    at: '2024-02-01T10:00:00Z',
    row: {
      title: 'snake_case naming',
      prompt: 'a python named snake_case',
      source: 'regular',
      ...params(sdxl, 6006, 'euler', 'normal'),
      ...shape(20, 7, 768, 768),
    },
  },
  H: {
    by: 'bob',
    at: '2024-02-02T10:00:00Z',
    row: {
      title: 'snakeXcase lookalike',
      prompt: 'should not match an underscore search',
      source: 'regular',
      ...params(dream, 6007, 'euler', 'normal'),
      ...shape(20, 7, 768, 768),
    },
  },
  I: {
    by: 'ada',
    at: '2024-07-04T12:00:00Z',
    row: {
      title: 'The "Best" Day',
      prompt: 'she said "hello world" loudly',
      source: 'auto',
      ...params(sdxl, 8008, 'ddim', 'ddim_uniform'),
      ...shape(35, 6, 1024, 576),
    },
  },
  J: {
    by: 'ada',
    at: '2024-08-01T00:00:00Z',
    row: {
      title: 'Path C:\\temp\\art',
      prompt: 'windows folder with 100 files, see http://example.com/art',
      source: 'regular',
      ...params(dream, 9009, 'heun', 'normal'),
      ...shape(15, 4.5, 640, 640),
    },
  },
  K: {
    by: 'bob',
    at: '2024-09-09T09:09:00Z',
    tags: [many(50)],
    row: {
      title: 'Café au lait 猫',
      prompt: 'ねこ neko, crème brûlée',
      source: 'auto',
      ...params(sdxl, 1111, 'euler', 'normal'),
      ...shape(28, 6.5, 896, 1152),
    },
  },
  M: {
    by: 'ada',
    at: '2024-06-20T18:00:00Z',
    tags: [slug.tabby, slug.striped],
    ratings: { ada: 3 },
    loras: ['Detail Tweaker XL', 'film-grain'],
    row: {
      title: 'Cats at sunset',
      prompt: 'two cats silhouetted against an orange sky',
      source: 'auto',
      ...params(jugger, 7007, 'euler', 'karras'),
      ...shape(50, 12, 2048, 1024),
    },
  },
  N: {
    by: 'bob',
    at: '2025-01-01T00:00:00Z',
    tags: [many(100)],
    ratings: { ada: 2 },
    row: {
      title: 'Crimson dragon',
      prompt: 'a red dragon over mountains, highly detailed',
      source: 'auto',
      ...params('SDXL-Turbo.safetensors', 9007199254740991, 'lcm', 'sgm_uniform'),
      ...shape(4, 1, 1024, 1024),
    },
  },
};

const keyOf = new Map<number, Key>();

beforeAll(async () => {
  const users = {
    ada: await createUser(db, { username: ada }),
    bob: await createUser(db, { username: bob }),
  };
  const tagIds = new Map<string, string>();
  for (const s of Object.values(slug)) tagIds.set(s, (await createTag(db, { slug: s })).id);
  const manyRows = await db
    .insertInto('tags')
    .values(Array.from({ length: 101 }, (_, n) => ({ slug: many(n), name: many(n) })))
    .returning(['id', 'slug'])
    .execute();
  for (const t of manyRows) tagIds.set(t.slug, t.id);
  // root → mid → leaf, and the leaf has a second parent with a child of its own.
  const edges: [string, string][] = [
    [slug.feline, slug.animal],
    [slug.tabby, slug.feline],
    [slug.tabby, slug.pattern],
    [slug.striped, slug.pattern],
  ];
  const idOf = (s: string) => tagIds.get(s) as string;
  await db
    .insertInto('tag_parents')
    .values(edges.map(([child, parent]) => ({ tag_id: idOf(child), parent_id: idOf(parent) })))
    .execute();

  for (const [key, spec] of Object.entries(items) as [Key, ItemSpec][]) {
    const item = await createContent(db, users[spec.by].id, {
      ...spec.row,
      created_at: spec.at,
      loras: JSON.stringify((spec.loras ?? []).map((name) => ({ name, strengthModel: 1, strengthClip: 1 }))),
    });
    keyOf.set(item.id, key);
    for (const t of spec.tags ?? []) {
      await db
        .insertInto('content_tags')
        .values({ content_id: item.id, tag_id: idOf(t) })
        .execute();
    }
    for (const [rater, rating] of Object.entries(spec.ratings ?? {}) as ['ada' | 'bob', number][]) {
      await db
        .insertInto('content_ratings')
        .values({ content_id: item.id, user_id: users[rater].id, rating })
        .execute();
    }
  }
});

/** The keys of this file's items that `q` finds, in the gallery's own FROM shape. */
async function search(q: string): Promise<string> {
  const node = parseSearch(q);
  const rows = await contentFrom(db)
    .select('c.id')
    .where('c.id', 'in', [...keyOf.keys()])
    .$if(node !== null, (qb) => qb.where(searchCondition(node as NonNullable<typeof node>)))
    .execute();
  return rows
    .map((r) => keyOf.get(r.id) as Key)
    .sort()
    .join('');
}

const ALL = 'ABCDEFGHIJKMN';
const except = (keys: string) => [...ALL].filter((k) => !keys.includes(k)).join('');

describe('search expressions find exactly the expected items', () => {
  const cases: [string, string][] = [
    ['', ALL],
    // Words: case-insensitive substrings of title or prompt, AND-ed.
    ['cat', 'AM'],
    ['CATS', 'AM'],
    ['cats sunset', 'M'],
    ['sunset', 'DM'],
    ['golden', 'CD'],
    ['golden lion', 'D'],
    ['kitten or lion', ''],
    // Phrases, with escaped quotes and backslashes.
    ['"tabby cats"', 'A'],
    ['"cats tabby"', ''],
    ['"hello world"', 'I'],
    ['"said \\"hello world\\""', 'I'],
    ['"\\"Best\\" Day"', 'I'],
    ['"\\""', 'I'],
    ['"C:\\\\temp\\\\art"', 'J'],
    // Negation of words, phrases, tags, fields and groups; a NULL column counts as "does not match".
    ['-cat', except('AM')],
    ['sunset -lion', 'M'],
    ['-"golden hour"', except('D')],
    ['-tag:' + slug.feline, except('ABDM')],
    ['-(cat | dog)', except('ACM')],
    ['-(-kitten)', 'B'],
    ['-model:dreamshaper', except('BEHJ')],
    ['-seed:1001', except('A')],
    ['-sampler:euler', 'BCDFIJN'],
    [`-tag:${slug.feline} -source:auto`, 'EFGHJ'],
    [`-creator:${ada}`, 'CDFGHKN'],
    // OR, |, parentheses and precedence (AND binds tighter).
    ['kitten OR lion', 'BD'],
    ['kitten | lion', 'BD'],
    ['kitten|lion', 'BD'],
    ['cats sunset | kitten', 'BM'],
    ['cats (sunlight | kitten)', 'A'],
    ['(lion | dog) golden', 'CD'],
    ['lion OR (cats -sunset)', 'AD'],
    ['(((kitten)))', 'B'],
    // Tags: descendants through every parent, wildcards capped at 100 tags.
    [`tag:${slug.animal}`, 'ABCDM'],
    [`tag:${slug.feline}`, 'ABDM'],
    [`tag:${slug.pattern}`, 'AEM'],
    [`tag:${slug.striped}`, 'EM'],
    [`tag:${slug.tabby.toUpperCase()}`, 'AM'],
    [`tag:${slug.animal} -tag:${slug.feline}`, 'C'],
    [`tag:${run}-fel*`, 'ABDM'],
    [`tag:${run}-*`, 'ABCDEM'],
    [`tag:${run}x-many-*`, 'K'],
    [`tag:${run}x-many-10*`, 'N'],
    [`tag:${run}-nothing`, ''],
    // Generation metadata.
    ['model:dreamshaper', 'BEHJ'],
    ['model:XL_V9', 'DM'],
    ['model:"sd_xl"', 'ACGIK'],
    ['lora:detail', 'AM'],
    ['lora:"FILM-GRAIN"', 'CM'],
    ['seed:4004', 'D'],
    ['seed:9007199254740991', 'N'],
    ['sampler:EULER', 'AEGHKM'],
    ['scheduler:karras', 'BDM'],
    ['steps:20', 'AGH'],
    ['steps:>=30', 'BDIM'],
    ['steps:<=12', 'EN'],
    ['steps:>40', 'M'],
    ['steps:<20', 'EJN'],
    ['steps:20..30', 'ABCGHK'],
    ['steps:>99999999999', ''],
    ['cfg:7.5', 'C'],
    ['cfg:>=7.5', 'CDM'],
    ['cfg:5.5..7', 'ABGHIK'],
    ['width:>=1024', 'ADIMN'],
    ['height:<768', 'EIJ'],
    ['width:512..768 height:>=768', 'BGH'],
    [`creator:${ada.toUpperCase()}`, 'ABEIJM'],
    [`creator:"${bob}"`, 'CDFGHKN'],
    [`creator:nobody_${run}`, ''],
    ['source:auto', 'CDIKMN'],
    ['source:REGULAR', 'ABEFGHJ'],
    ['rating:>=4', 'AD'],
    ['rating:2..3', 'MN'],
    ['rating:0', 'BCEFGHIJK'],
    ['rating:<4.5', except('AD')],
    ['rating:4.5', 'D'],
    // Whole UTC days, both ends exclusive.
    ['before:2024-04-01', 'AFGH'],
    ['after:2024-05-01', 'EIJKMN'],
    ['after:2024-03-31 before:2024-05-02', 'BCD'],
    ['tag:' + slug.feline + ' sampler:dpmpp_2m steps:>=40', 'D'],
    // Literal %, _, \ and quotes; unknown field names are text.
    ['%', 'F'],
    ['100%', 'F'],
    ['50%', 'F'],
    ['_', 'G'],
    ['snake_case', 'G'],
    ['\\', 'J'],
    ['C:\\temp', 'J'],
    ['http://example.com', 'J'],
    ['Best"', 'I'],
    // Unicode text.
    ['猫', 'K'],
    ['ねこ', 'K'],
    ['café brûlée', 'K'],
  ];

  it.each(cases)('%j', async (q, expected) => {
    expect(await search(q)).toBe(expected);
  });

  // The embedded server is initialised with a UTF-8 locale for this (see runtime/embedded-postgres.ts).
  it('folds non-ASCII case', async () => {
    const { rows } = await sql<{ folds: boolean }>`SELECT 'CAFÉ' ILIKE 'café' AS folds`.execute(db);
    expect(rows[0]?.folds).toBe(true);
    expect(await search('CAFÉ')).toBe('K');
  });

  it('binds user text as parameters', () => {
    const node = parseSearch(`'; DROP TABLE users; model:"x' OR 1=1" tag:${run}-a*`);
    const { sql: text, parameters } = contentFrom(db)
      .select('c.id')
      .where(searchCondition(node as NonNullable<typeof node>))
      .compile();
    expect(text).not.toContain('DROP');
    expect(text).not.toContain('1=1');
    expect(parameters).toEqual(expect.arrayContaining(["%x' OR 1=1%", `${run}-a%`]));
  });
});

describe('malformed expressions are refused with a position', () => {
  const cases: [string, number][] = [
    ['"unclosed', 0],
    ['cats "tabby', 5],
    ['(cats', 5],
    ['cats ( )', 5],
    ['cats)', 4],
    ['cats OR', 5],
    ['OR cats', 0],
    ['cats -', 5],
    ['seed:abc', 0],
    ['x steps:>=x', 2],
    ['steps:40..20', 0],
    ['source:foo', 0],
    ['before:2024-02-30', 0],
    ['rating:6', 0],
    ['tag:Bad_Slug', 0],
    ['model:""', 0],
    [`${'('.repeat(11)}a${')'.repeat(11)}`, 10],
  ];

  it.each(cases)('%j', (q, position) => {
    expect(() => parseSearch(q)).toThrow(SearchSyntaxError);
    expect(() => parseSearch(q)).toThrow(expect.objectContaining({ position }));
  });
});
