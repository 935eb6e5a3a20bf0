// The demo accounts: `admin` and `demo` with the demo password, and a few dozen community members whose
// passwords are random (nobody logs in as them; they make the community gallery and ratings real).
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Database } from '../../database';
import { hashPassword } from '../../../lib/password';

const community = [
  'aurora_lens',
  'pixelwitch',
  'moss_and_ink',
  'neonheron',
  'quietfjord',
  'brushless',
  'saltmarsh',
  'gearwright',
  'velvetcomet',
  'driftglass',
  'lanternfish',
  'copperleaf',
  'nightjar_art',
  'paperkite',
  'tidewalker',
  'emberline',
  'glasshouse',
  'foxglove',
  'stormchaser',
  'rustbloom',
  'milkyway_mo',
  'ochre_hues',
  'cinderpath',
  'lowpoly_lu',
  'mistvale',
  'sunprint',
  'kelpforest',
  'hollowoak',
  'prismatic_p',
  'slowshutter',
];

export interface DemoPeople {
  adminId: string;
  demoId: string;
  communityIds: string[];
}

async function upsertUser(
  db: Database,
  user: { username: string; displayName: string; role: 'user' | 'admin'; passwordHash: string },
): Promise<string> {
  await db
    .insertInto('users')
    .values({
      username: user.username,
      email: `${user.username}@demo.genonaut.local`,
      display_name: user.displayName,
      role: user.role,
      password_hash: user.passwordHash,
    })
    .onConflict((oc) => oc.expression(sql`lower(username)`).doNothing())
    .execute();
  const row = await db
    .selectFrom('users')
    .select('id')
    .where(sql<string>`lower(username)`, '=', user.username.toLowerCase())
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Creates missing demo users. `password` applies to admin and demo when they are created. */
export async function seedPeople(db: Database, password: string): Promise<DemoPeople> {
  const demoHash = await hashPassword(password);
  // One unusable-in-practice password for the community accounts: hashing 30 separately costs seconds.
  const communityHash = await hashPassword(randomBytes(24).toString('base64url'));
  const adminId = await upsertUser(db, {
    username: 'admin',
    displayName: 'Administrator',
    role: 'admin',
    passwordHash: demoHash,
  });
  const demoId = await upsertUser(db, {
    username: 'demo',
    displayName: 'Demo User',
    role: 'user',
    passwordHash: demoHash,
  });
  const communityIds: string[] = [];
  for (const username of community) {
    const displayName = username.replace(/_/g, ' ').replace(/\b\w/g, (c) => c.toUpperCase());
    communityIds.push(
      await upsertUser(db, { username, displayName, role: 'user', passwordHash: communityHash }),
    );
  }
  return { adminId, demoId, communityIds };
}

/** Sets the demo password on admin and demo (used when GENONAUT_DEMO_PASSWORD is given). */
export async function setDemoPassword(db: Database, password: string): Promise<void> {
  const passwordHash = await hashPassword(password);
  await db
    .updateTable('users')
    .set({ password_hash: passwordHash })
    .where(sql<string>`lower(username)`, 'in', ['admin', 'demo'])
    .execute();
}
