// Runs a Dockerfile's steps without Docker: each stage gets a directory standing for its file system,
// COPY copies (honouring .dockerignore), WORKDIR and ENV apply, RUN runs the same shell command there.
// This is how CI, which has no Docker engine, proves the image's build steps work.
import { execFile } from 'node:child_process';
import { cp, mkdir, readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const exec = promisify(execFile);

export interface Stage {
  name: string;
  root: string;
  workdir: string;
  env: Record<string, string>;
}

export interface DockerfileRun {
  stages: Record<string, Stage>;
  final: Stage;
  entrypoint: string[];
  cmd: string[];
  healthcheck: string[];
  user: string | undefined;
  /** Steps that only mean something inside an image (downloads, ownership), reported rather than run. */
  skipped: string[];
}

interface Rule {
  pattern: RegExp;
  source: string;
  negate: boolean;
}

function globToRegex(glob: string): RegExp {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] ?? '';
    if (glob.startsWith('**/', i)) {
      out += '(?:.*/)?';
      i += 2;
    } else if (glob.startsWith('**', i)) {
      out += '.*';
      i += 1;
    } else if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else out += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${out}$`);
}

export async function readDockerignore(context: string): Promise<Rule[]> {
  const text = await readFile(path.join(context, '.dockerignore'), 'utf8').catch(() => '');
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => {
      const negate = l.startsWith('!');
      const source = (negate ? l.slice(1) : l).replace(/^\/+|\/+$/g, '');
      return { pattern: globToRegex(source), source, negate };
    });
}

/** Docker's rule: the last matching pattern wins, and a pattern matching a folder covers what is in it. */
export function isIgnored(rules: Rule[], relative: string): boolean {
  const parts = relative.split('/');
  const prefixes = parts.map((_, i) => parts.slice(0, i + 1).join('/'));
  let ignored = false;
  for (const rule of rules) if (prefixes.some((p) => rule.pattern.test(p))) ignored = !rule.negate;
  return ignored;
}

async function copyFromContext(
  context: string,
  rules: Rule[],
  source: string,
  target: string,
): Promise<void> {
  const relative = path.relative(context, source).split(path.sep).join('/');
  const info = await stat(source);
  if (info.isDirectory()) {
    // Descend into an ignored folder only when a later `!` pattern may take something back out of it.
    if (isIgnored(rules, relative) && !rules.some((r) => r.negate && r.source.startsWith(`${relative}/`)))
      return;
    await mkdir(target, { recursive: true });
    for (const entry of await readdir(source)) {
      await copyFromContext(context, rules, path.join(source, entry), path.join(target, entry));
    }
  } else if (!isIgnored(rules, relative)) {
    await mkdir(path.dirname(target), { recursive: true });
    await cp(source, target);
  }
}

function instructions(text: string): { op: string; args: string }[] {
  return text
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => {
      const [op = '', ...rest] = l.split(/\s+/);
      return { op: op.toUpperCase(), args: rest.join(' ') };
    });
}

const execForm = (args: string): string[] => JSON.parse(args) as string[];

/** Runs `dockerfile`'s steps with `context` as the build context, under `workspace`. */
export async function runDockerfile(
  context: string,
  workspace: string,
  options: { log?: (line: string) => void } = {},
): Promise<DockerfileRun> {
  const log = options.log ?? (() => {});
  const rules = await readDockerignore(context);
  const text = await readFile(path.join(context, 'Dockerfile'), 'utf8');
  const stages: Record<string, Stage> = {};
  const args: Record<string, string> = {};
  const run: Omit<DockerfileRun, 'final'> & { final?: Stage } = {
    stages,
    entrypoint: [],
    cmd: [],
    healthcheck: [],
    user: undefined,
    skipped: [],
  };
  let stage: Stage | undefined;
  const all = instructions(text);
  const finalIndex = all.map((i) => i.op).lastIndexOf('FROM');
  const inStage = (p: string) => path.join(stage?.root ?? '', path.posix.resolve(stage?.workdir ?? '/', p));

  for (const [index, { op, args: raw }] of all.entries()) {
    const isFinal = index > finalIndex;
    if (op === 'ARG') {
      const [k = '', v = ''] = raw.split('=');
      args[k] = v;
      continue;
    }
    if (op === 'FROM') {
      const name = /\bAS\s+(\S+)/i.exec(raw)?.[1] ?? `stage${Object.keys(stages).length}`;
      stage = { name, root: path.join(workspace, name), workdir: '/', env: {} };
      stages[name] = stage;
      await mkdir(stage.root, { recursive: true });
      continue;
    }
    if (!stage) throw new Error(`${op} before FROM`);
    switch (op) {
      case 'WORKDIR':
        stage.workdir = path.posix.resolve(stage.workdir, raw);
        await mkdir(inStage('.'), { recursive: true });
        break;
      case 'ENV':
        for (const [, k, v] of raw.matchAll(/(\w+)=(\S+)/g)) stage.env[k ?? ''] = v ?? '';
        break;
      case 'COPY': {
        const words = raw.split(/\s+/);
        const from = words.find((w) => w.startsWith('--from='))?.slice('--from='.length);
        const paths = words.filter((w) => !w.startsWith('--'));
        const destination = paths.pop() ?? '';
        for (const source of paths) {
          const origin = from ? stages[from] : undefined;
          if (from && !origin) throw new Error(`COPY --from=${from}: no such stage`);
          const sourcePath = origin ? path.join(origin.root, source) : path.join(context, source);
          // A folder's content goes into the destination; a file goes into it when it ends with /.
          const isDir = (await stat(sourcePath)).isDirectory();
          const target =
            isDir || !destination.endsWith('/')
              ? inStage(destination)
              : path.join(inStage(destination), path.basename(source));
          if (origin) await cp(sourcePath, target, { recursive: true, verbatimSymlinks: true });
          else await copyFromContext(context, rules, sourcePath, target);
        }
        break;
      }
      case 'ADD':
        run.skipped.push(`ADD ${raw}`);
        break;
      case 'RUN': {
        const command = raw.replace(/^(--\S+\s+)+/, '');
        if (isFinal) {
          run.skipped.push(`RUN ${command}`);
          break;
        }
        log(`[${stage.name}] RUN ${command}`);
        await exec('sh', ['-c', command], {
          cwd: inStage('.'),
          env: { ...process.env, ...stage.env },
          maxBuffer: 64 * 1024 * 1024,
        });
        break;
      }
      case 'USER':
        run.user = raw;
        break;
      case 'ENTRYPOINT':
        run.entrypoint = execForm(raw);
        break;
      case 'CMD':
        run.cmd = execForm(raw);
        break;
      case 'HEALTHCHECK':
        run.healthcheck = execForm(raw.slice(raw.indexOf('CMD ') + 4));
        break;
      case 'EXPOSE':
        break;
      default:
        throw new Error(`unsupported instruction ${op}`);
    }
  }
  if (!stage) throw new Error('no FROM');
  return { ...run, final: stage };
}

/** A path inside a stage, e.g. /app/server/dist → <stage root>/app/server/dist. */
export const stagePath = (stage: Stage, p: string): string =>
  path.join(stage.root, path.posix.resolve(stage.workdir, p));
