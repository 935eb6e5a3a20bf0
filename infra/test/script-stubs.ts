// Runs the deploy scripts end to end without AWS, Docker or Terraform: stand-ins for those programs sit
// first on the PATH, record each command line and answer from a list of rules. Git is the real one, in a
// scratch repository holding the scripts and the project's .gitignore, so the clean-tree check is real.
import { execFile } from 'node:child_process';
import { chmod, cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { environments, repoRoot } from './infra-files';

const run = promisify(execFile);

export interface StubRule {
  /** A bash glob matched against the whole command line, e.g. `aws ecs describe-tasks *`. */
  match: string;
  stdout?: string;
  exit?: number;
}

/** The stand-in: logs its argv (fields split by \x1f), then answers with the first matching rule. */
const stub = (dir: string) => `#!/usr/bin/env bash
line="$(basename "$0")"
for arg in "$@"; do line+=$'\\x1f'"$arg"; done
printf '%s\\n' "$line" >> '${dir}/calls.log'
# Like the real docker login, read the password it is piped.
if [[ " $* " == *" --password-stdin "* ]]; then cat > /dev/null; fi
command="$(basename "$0") $*"
while IFS=$'\\t' read -r pattern code output; do
  # shellcheck disable=SC2053
  if [[ "$command" == $pattern ]]; then printf '%b' "$output"; exit "$code"; fi
done < '${dir}/rules'
exit 0
`;

export const stubbed = ['aws', 'docker', 'terraform', 'npm'] as const;

export interface Checkout {
  root: string;
  /** The commit's short SHA, as the scripts tag images with it. */
  sha: string;
  /** Runs infra/scripts/<script> of the checkout with the stand-ins answering `rules`. */
  script(script: string, args: string[], rules: StubRule[], env?: Record<string, string>): Promise<ScriptRun>;
  remove(): Promise<void>;
}

export interface ScriptRun {
  code: number;
  stdout: string;
  stderr: string;
  /** Each stand-in call as [program, ...argv], in the order they ran. */
  calls: string[][];
}

const git = (root: string, ...args: string[]) =>
  run('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.test', ...args], { cwd: root });

/**
 * A scratch repository with the scripts and .gitignore committed, a built web app (web/dist, ignored as in
 * the project) and the Terraform working data of every environment (infra/main/.terraform-<env>).
 */
export async function deployCheckout(): Promise<Checkout> {
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'genonaut-deploy-'));
  const root = path.join(scratch, 'checkout');
  await cp(path.join(repoRoot, 'infra/scripts'), path.join(root, 'infra/scripts'), { recursive: true });
  await cp(path.join(repoRoot, '.gitignore'), path.join(root, '.gitignore'));
  await git(root, 'init', '--quiet');
  await git(root, 'add', '--all');
  await git(root, 'commit', '--quiet', '--message', 'deployable');
  const sha = (await git(root, 'rev-parse', '--short=12', 'HEAD')).stdout.trim();
  for (const env of environments)
    await mkdir(path.join(root, `infra/main/.terraform-${env}`), { recursive: true });
  await mkdir(path.join(root, 'web/dist/assets'), { recursive: true });
  for (const file of ['index.html', 'favicon.svg', 'assets/index-1a2b3c4d.js', 'assets/index-5e6f7a8b.css']) {
    await writeFile(path.join(root, 'web/dist', file), file);
  }

  const stubs = path.join(scratch, 'stubs');
  return {
    root,
    sha,
    async script(script, args, rules, env = {}) {
      await rm(stubs, { recursive: true, force: true });
      await mkdir(path.join(stubs, 'bin'), { recursive: true });
      await writeFile(path.join(stubs, 'calls.log'), '');
      await writeFile(
        path.join(stubs, 'rules'),
        rules.map((r) => `${r.match}\t${r.exit ?? 0}\t${r.stdout ?? ''}\n`).join(''),
      );
      for (const name of stubbed) {
        await writeFile(path.join(stubs, 'bin', name), stub(stubs));
        await chmod(path.join(stubs, 'bin', name), 0o755);
      }
      let result: Omit<ScriptRun, 'calls'>;
      try {
        const { stdout, stderr } = await run('bash', [path.join(root, 'infra/scripts', script), ...args], {
          cwd: root,
          env: {
            PATH: `${path.join(stubs, 'bin')}:${process.env.PATH ?? ''}`,
            HOME: root,
            DEPLOY_AWS_REGION: 'eu-west-1',
            ...env,
          },
        });
        result = { code: 0, stdout, stderr };
      } catch (error) {
        const e = error as { code: number; stdout: string; stderr: string };
        result = { code: e.code, stdout: e.stdout, stderr: e.stderr };
      }
      const log = await readFile(path.join(stubs, 'calls.log'), 'utf8');
      const calls = log
        .split('\n')
        .filter(Boolean)
        .map((line) => line.split('\x1f'));
      return { ...result, calls };
    },
    remove: () => rm(scratch, { recursive: true, force: true }),
  };
}

/** The Terraform outputs and AWS answers of an applied environment `env`. */
export function appliedEnvironment(env: string): StubRule[] {
  const registry = '123456789012.dkr.ecr.eu-west-1.amazonaws.com';
  const outputs: Record<string, string> = {
    env,
    ecs_cluster_name: `genonaut-${env}`,
    ecr_repo_api_url: `${registry}/genonaut-api-${env}`,
    ecr_repo_worker_url: `${registry}/genonaut-worker-${env}`,
    ecr_repo_image_gen_url: `${registry}/genonaut-imagegen-${env}`,
    ecs_service_api_name: `genonaut-api-${env}`,
    ecs_service_worker_name: `genonaut-worker-${env}`,
    ecs_service_image_gen_name: `genonaut-image-gen-${env}`,
    ecs_task_definition_api_family: `genonaut-api-${env}`,
    migration_security_group_id: 'sg-0migrate',
    static_site_bucket_name: `genonaut-${env}-static-site`,
    static_site_cloudfront_distribution_id: 'E2EXAMPLE',
    site_url: 'https://d111example.cloudfront.net',
  };
  return [
    ...Object.entries(outputs).map(([name, value]) => ({
      match: `terraform -chdir=* output -raw ${name}`,
      stdout: value,
    })),
    {
      match: 'terraform -chdir=* output -json private_subnet_ids',
      stdout: '[\\n  "subnet-a",\\n  "subnet-b"\\n]\\n',
    },
    { match: 'terraform *', exit: 1, stdout: 'no such output' },
    { match: 'aws sts get-caller-identity*', stdout: '{"Account":"123456789012"}' },
    { match: 'aws ecr get-login-password*', stdout: 'registry-password' },
    {
      match: 'aws ecs run-task *',
      stdout: `arn:aws:ecs:eu-west-1:123456789012:task/genonaut-${env}/migrate1\\n`,
    },
    { match: 'aws ecs describe-tasks *', stdout: '0\\n' },
    { match: 'aws cloudfront create-invalidation *', stdout: 'I2INVALIDATION\\n' },
  ];
}

/** The calls of one program whose argv starts with `prefix`, e.g. calls of `aws ecs update-service`. */
export const callsOf = (calls: string[][], ...prefix: string[]): string[][] =>
  calls.filter((c) => prefix.every((p, i) => c[i] === p));

/** The value following `flag` in a call's argv. */
export const option = (call: string[] | undefined, flag: string): string | undefined =>
  call?.[call.indexOf(flag) + 1];
