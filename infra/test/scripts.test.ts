// The deploy scripts and the Makefile, checked without AWS: syntax, shellcheck, strict mode, argument
// checks, and the targets the seed and SPEC §11 name.
import { execFile } from 'node:child_process';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { environments, makeTargets, repoRoot } from './infra-files';

const run = promisify(execFile);
const scriptsDir = path.join(repoRoot, 'infra/scripts');
const scripts = async () => (await readdir(scriptsDir)).filter((f) => f.endsWith('.sh')).sort();

/** Runs a script and resolves with its exit code and output instead of throwing on failure. */
async function attempt(file: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  try {
    const { stdout, stderr } = await run('bash', [file, ...args], {
      cwd: repoRoot,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, output: e.stdout + e.stderr };
  }
}

describe('infra/scripts', () => {
  it('are the four deploy and operations scripts and their shared helpers', async () => {
    expect(await scripts()).toEqual([
      'backend_deploy.sh',
      'ecs_logs.sh',
      'ecs_status.sh',
      'frontend_deploy.sh',
      'lib.sh',
    ]);
  });

  it('parse with bash -n and run in strict mode', async () => {
    for (const file of await scripts()) {
      await run('bash', ['-n', path.join(scriptsDir, file)]);
      if (file !== 'lib.sh') {
        expect(await readFile(path.join(scriptsDir, file), 'utf8')).toMatch(/^set -euo pipefail$/m);
      }
    }
  });

  it('pass shellcheck', async () => {
    const files = (await scripts()).map((f) => path.join('infra/scripts', f));
    const { stdout } = await run('shellcheck', ['-x', '--severity=style', ...files], { cwd: repoRoot });
    expect(stdout).toBe('');
  });

  it('refuse missing or unknown arguments with a usage line or a clear error', async () => {
    for (const file of ['frontend_deploy.sh', 'backend_deploy.sh', 'ecs_status.sh']) {
      const script = path.join(scriptsDir, file);
      const none = await attempt(script, []);
      expect(none.code).toBe(2);
      expect(none.output).toMatch(/usage: .* <dev\|test\|demo\|prod>/);
      const unknown = await attempt(script, ['staging']);
      expect(unknown.code).toBe(1);
      expect(unknown.output).toContain("unknown environment 'staging' (one of: dev test demo prod)");
    }
    const logs = path.join(scriptsDir, 'ecs_logs.sh');
    expect((await attempt(logs, ['api'])).code).toBe(2);
    expect((await attempt(logs, ['db', 'demo'])).output).toContain("unknown service 'db'");
  });

  it('name a missing tool or setting before touching AWS', async () => {
    // A PATH with bash but without aws: the scripts must say so rather than fail half-way.
    const bash = (await run('bash', ['-c', 'dirname "$(command -v bash)"'])).stdout.trim();
    const noAws = await attempt(path.join(scriptsDir, 'ecs_status.sh'), ['demo'], { PATH: bash });
    expect(noAws.code).toBe(1);
    expect(noAws.output).toContain("'aws' is not installed");
  });
});

/** What a Make target would run (make -n), trimmed. */
const dry = async (target: string) => (await run('make', ['-n', target], { cwd: repoRoot })).stdout.trim();

describe('Makefile', () => {
  it("runs the BullMQ worker for the seed's Celery targets, and says so in its help", async () => {
    expect(await dry('celery-dev')).toBe('npx genonaut worker');
    expect(await dry('celery-demo')).toBe('GENONAUT_ENV=demo npx genonaut worker');
    expect(await dry('celery-test')).toBe('GENONAUT_ENV=test npx genonaut worker');
    expect(await dry('worker-demo')).toBe(await dry('celery-demo'));
    const help = (await run('make', ['help'], { cwd: repoRoot })).stdout;
    for (const target of ['celery-dev', 'celery-demo', 'celery-test']) {
      expect(help).toMatch(new RegExp(`^${target} +Alias of worker-.*replace Celery`, 'm'));
    }
    expect(help).toContain('ecs-logs-celery-<env>');
  });

  it("has the targets the seed and SPEC §11 name, the seed's Celery names included", async () => {
    const targets = await makeTargets();
    const wanted = [
      'aws-login',
      'tf-bootstrap-init',
      'tf-bootstrap-apply',
      'tf-bootstrap-destroy',
      'tf-init',
      'tf-plan',
      'tf-apply',
      'tf-destroy',
      'tf-fmt',
      'tf-validate',
      'tf-console',
      'redis-dev',
      'api-demo',
      'api-dev',
      'worker-dev',
      'worker-demo',
      'worker-test',
      'celery-dev',
      'celery-demo',
      'celery-test',
      'queues-dev',
      'flower-dev',
      'comfyui-mock-dev',
      'frontend-dev',
      'frontend-build',
      'backend-build',
      ...environments.flatMap((e) => [
        `tf-init-${e}`,
        `tf-plan-${e}`,
        `tf-apply-${e}`,
        `tf-destroy-${e}`,
        `frontend-deploy-${e}`,
        `backend-deploy-${e}`,
        `ecs-status-${e}`,
        `ecs-logs-api-${e}`,
        `ecs-logs-worker-${e}`,
        `ecs-logs-image-gen-${e}`,
        `ecs-logs-celery-${e}`,
        `ecs-logs-imagegen-${e}`,
      ]),
    ];
    for (const target of wanted) expect(targets, target).toContain(target);
  });

  it('passes the right environment and service to the scripts', async () => {
    expect(await dry('ecs-logs-image-gen-demo')).toBe('bash infra/scripts/ecs_logs.sh image-gen demo');
    expect(await dry('backend-deploy-prod')).toBe('bash infra/scripts/backend_deploy.sh prod');
    expect(await dry('ecs-logs-celery-demo')).toBe('bash infra/scripts/ecs_logs.sh celery demo');
    expect(await dry('ecs-logs-imagegen-test')).toBe('bash infra/scripts/ecs_logs.sh imagegen test');
    const init = await run('make', ['-n', 'tf-init-test'], {
      cwd: repoRoot,
      env: {
        ...process.env,
        DEPLOY_AWS_REGION: 'eu-west-1',
        DEPLOY_TF_STATE_BUCKET_NAME: 'b',
        DEPLOY_TF_DYNAMO_DB_TABLE: 't',
      },
    });
    expect(init.stdout).toContain('TF_DATA_DIR=.terraform-test terraform -chdir=infra/main init');
    expect(init.stdout).toContain('key=genonaut/test/terraform.tfstate');
  });
});
