// Rows for tests, each unique so tests never collide and never rely on seed totals.
import { randomUUID } from 'node:crypto';
import type { Insertable } from 'kysely';
import type { Database } from '../src/db/database';
import type { ContentItems, GenerationJobs, Tags } from '../src/db/types';

const unique = () => randomUUID().slice(0, 8);

export async function createUser(
  db: Database,
  overrides: { username?: string; role?: 'user' | 'admin' } = {},
) {
  const username = overrides.username ?? `user_${unique()}`;
  return db
    .insertInto('users')
    .values({
      username,
      email: `${username.toLowerCase()}@example.test`,
      password_hash: 'not-a-real-hash',
      role: overrides.role ?? 'user',
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function createContent(
  db: Database,
  creatorId: string,
  overrides: Partial<Insertable<ContentItems>> = {},
) {
  return db
    .insertInto('content_items')
    .values({
      source: 'regular',
      creator_id: creatorId,
      title: `Item ${unique()}`,
      prompt: 'a lighthouse on a cliff at dusk, watercolor',
      ...overrides,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function createTag(db: Database, overrides: Partial<Insertable<Tags>> = {}) {
  const slug = overrides.slug ?? `tag-${unique()}`;
  return db
    .insertInto('tags')
    .values({ slug, name: slug, ...overrides })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function createJob(
  db: Database,
  userId: string,
  overrides: Partial<Insertable<GenerationJobs>> = {},
) {
  return db
    .insertInto('generation_jobs')
    .values({
      user_id: userId,
      prompt: 'a red fox in snow',
      checkpoint: 'sd_xl_base_1.0.safetensors',
      width: 832,
      height: 1216,
      seed: 42,
      steps: 20,
      cfg: 7,
      sampler: 'euler',
      scheduler: 'normal',
      ...overrides,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}
