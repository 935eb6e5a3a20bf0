// Where the embedded PostgreSQL keeps its data, and what a previous run may have left running there.
import { createHash } from 'node:crypto';
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import {
  describeBlocked,
  findBlockedDirectory,
  findRootOwnedDirectory,
  rootRuntimeCandidates,
} from './path-access';

export interface PostmasterInfo {
  pid: number;
  port: number | null;
}

export function isInitialised(dataDir: string): boolean {
  return existsSync(path.join(dataDir, 'PG_VERSION'));
}

// postmaster.pid: line 1 is the PID, line 4 the port (see PostgreSQL's pidfile.h).
export function parsePostmasterPid(text: string): PostmasterInfo | null {
  const lines = text.split('\n');
  const pid = Number.parseInt(lines[0] ?? '', 10);
  if (!Number.isInteger(pid) || pid <= 0) return null;
  const port = Number.parseInt(lines[3] ?? '', 10);
  return { pid, port: Number.isInteger(port) && port > 0 ? port : null };
}

export async function readPostmasterPid(dataDir: string): Promise<PostmasterInfo | null> {
  try {
    return parsePostmasterPid(await fs.readFile(path.join(dataDir, 'postmaster.pid'), 'utf8'));
  } catch {
    return null;
  }
}

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else (postgres, when we are not root).
    return (error as { code?: string }).code === 'EPERM';
  }
}

// After a reboot or in a fresh container the old PID may belong to an unrelated process. Only Linux
// lets us check cheaply; elsewhere a live PID is assumed to be the old server.
export async function isPostgresProcess(pid: number): Promise<boolean> {
  try {
    return (await fs.readFile(`/proc/${pid}/comm`, 'utf8')).trim().startsWith('postgres');
  } catch {
    return !existsSync('/proc/self');
  }
}

export function relocatedDataDir(base: string, requested: string): string {
  const key = createHash('sha256').update(path.resolve(requested)).digest('hex').slice(0, 12);
  return path.join(base, `postgres-${key}`);
}

// As root the server runs as the postgres OS user, which must be able to reach the data directory. When
// the requested one sits below a directory others cannot traverse, the data goes to a stable
// root-owned location keyed by the requested path, so later runs find it again.
export async function resolveDataDir(
  requested: string,
  isRoot: boolean,
  log: (msg: string) => void,
): Promise<string> {
  const wanted = path.resolve(requested);
  if (!isRoot) return wanted;
  await fs.mkdir(path.dirname(wanted), { recursive: true });
  const blocked = await findBlockedDirectory(path.dirname(wanted));
  if (!blocked) return wanted;
  const base = await findRootOwnedDirectory(rootRuntimeCandidates());
  if (!base) {
    throw new Error(
      `The PostgreSQL data directory ${wanted} is not usable when running as root: ` +
        `${describeBlocked(blocked)}, ` +
        'and no fallback location could be prepared. Choose another directory or set DATABASE_URL.',
    );
  }
  const relocated = relocatedDataDir(base, wanted);
  if (isInitialised(wanted))
    log(`Warning: the existing PostgreSQL data in ${wanted} cannot be used as root.`);
  log(
    `PostgreSQL data directory: ${relocated} (instead of ${wanted}, because ${describeBlocked(blocked)} ` +
      'and the server runs as the postgres OS user).',
  );
  return relocated;
}
