// `genonaut user create`: an account from a script, without the API (e.g. the first admin).
import type { Config } from '../config';
import { createDatabase } from '../db/database';
import { DomainError } from '../errors';
import { hashPassword } from '../lib/password';
import { recordAudit } from '../modules/audit/audit.repository';
import { assertAvailable } from '../modules/auth/auth.service';
import { passwordWeakness } from '../modules/auth/password-policy';
import { insertUser } from '../modules/users/users.repository';

export interface UserCreateOptions {
  username: string;
  email: string;
  password: string;
  admin?: boolean;
  displayName?: string;
}

const usernamePattern = /^[A-Za-z0-9_-]{3,50}$/;
const emailPattern = /^[^@\s]+@[^@\s]+$/;

/** Returns the problems with the options, one line each (empty when they are fine). */
export function userCreateProblems(opts: UserCreateOptions): string[] {
  const problems: string[] = [];
  if (!usernamePattern.test(opts.username)) problems.push('--username must be 3–50 letters, digits, _ or -');
  if (!emailPattern.test(opts.email) || opts.email.length > 254)
    problems.push('--email must be an email address');
  const weakness = passwordWeakness(opts.password, opts.username);
  if (weakness) problems.push(`--password ${weakness}`);
  return problems;
}

export async function runUserCreate(
  config: Config,
  databaseUrl: string,
  opts: UserCreateOptions,
): Promise<void> {
  const problems = userCreateProblems(opts);
  if (problems.length > 0) {
    console.error(problems.join('\n'));
    process.exit(2);
  }
  const db = createDatabase({ url: databaseUrl, poolSize: 1 });
  try {
    await assertAvailable(db, { username: opts.username, email: opts.email });
    const user = await insertUser(db, {
      username: opts.username,
      email: opts.email,
      passwordHash: await hashPassword(opts.password),
      displayName: opts.displayName ?? null,
      role: opts.admin ? 'admin' : 'user',
    });
    await recordAudit(db, {
      actorId: null,
      action: 'cli.user_create',
      targetType: 'user',
      targetId: user.id,
      details: { role: user.role, env: config.env },
    });
    console.log(`Created ${user.role} ${user.username} (${user.id})`);
  } catch (error) {
    if (error instanceof DomainError) {
      console.error(
        error.details?.map((d) => `${d.field.replace('body.', '--')} ${d.message}`).join('\n') ??
          error.message,
      );
      process.exit(1);
    }
    throw error;
  } finally {
    await db.destroy();
  }
}
