// Paths and loaders the infra tests share.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Evaluator, loadTerraform, readTfvars, type TerraformDir } from './terraform';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const mainDir = path.join(repoRoot, 'infra/main');
export const bootstrapDir = path.join(repoRoot, 'infra/bootstrap');
export const environments = ['dev', 'test', 'demo', 'prod'] as const;
export const containerKeys = ['api', 'worker', 'image_gen'] as const;
export type ContainerKey = (typeof containerKeys)[number];

export interface ContainerDefinition {
  name: string;
  command: string[];
  portMappings: { containerPort: number; protocol: string }[];
  environment: { name: string; value: string }[];
  secrets: { name: string; valueFrom: string }[];
  healthCheck: { command: string[] };
}

let main: Promise<TerraformDir> | undefined;
export const loadMain = (): Promise<TerraformDir> => (main ??= loadTerraform(mainDir));

/** An evaluator of infra/main with an environment's tfvars and the region the Makefile passes. */
export async function evaluatorFor(env: (typeof environments)[number]): Promise<Evaluator> {
  const vars = await readTfvars(path.join(mainDir, 'envs', `${env}.tfvars`));
  return new Evaluator(await loadMain(), { aws_region: 'eu-west-1', aws_profile: '', ...vars });
}

export async function containerDefinition(
  key: ContainerKey,
  env: (typeof environments)[number] = 'test',
): Promise<ContainerDefinition> {
  const evaluator = await evaluatorFor(env);
  return evaluator.expr(`local.containers.${key}`) as ContainerDefinition;
}

/** The plain environment of a container, as ECS would set it (secrets not included). */
export function environmentOf(container: ContainerDefinition): Record<string, string> {
  return Object.fromEntries(container.environment.map((e) => [e.name, e.value]));
}

/** Every target the Makefile defines, pattern rules expanded (from make's database, nothing run). */
export async function makeTargets(): Promise<Set<string>> {
  const { stdout } = await promisify(execFile)('make', ['-pRrq', '-f', 'Makefile', ':'], {
    cwd: repoRoot,
  }).catch((e: { stdout: string }) => ({ stdout: e.stdout }));
  return new Set([...stdout.matchAll(/^([a-zA-Z0-9][^:\s=]*):/gm)].map((m) => m[1] ?? ''));
}
