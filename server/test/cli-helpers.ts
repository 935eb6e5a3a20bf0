// Runs the real `genonaut` binary as a script would, against the test database.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { inject } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = path.join(root, 'node_modules/.bin/genonaut');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** `genonaut <args>` with the test database; `env` adds variables, or removes those set to undefined. */
export async function genonautWith(
  env: Record<string, string | undefined>,
  ...args: string[]
): Promise<CliResult> {
  const merged: Record<string, string | undefined> = {
    ...process.env,
    DATABASE_URL: inject('databaseUrl'),
    GENONAUT_ENV: 'test',
    ...env,
  };
  const defined = Object.fromEntries(Object.entries(merged).filter(([, value]) => value !== undefined));
  try {
    const { stdout, stderr } = await promisify(execFile)(bin, args, { cwd: root, env: defined });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as CliResult;
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

export const genonaut = (...args: string[]): Promise<CliResult> => genonautWith({}, ...args);
