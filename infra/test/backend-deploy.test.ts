// infra/scripts/backend_deploy.sh run end to end against stand-ins for aws, docker and terraform (see
// script-stubs.ts): what it builds, tags, pushes, migrates and rolls out, in which order, and where it stops.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { execFile } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { repoRoot } from './infra-files';
import { appliedEnvironment, callsOf, deployCheckout, option, type Checkout } from './script-stubs';

const run = promisify(execFile);
const registry = '123456789012.dkr.ecr.eu-west-1.amazonaws.com';
const repositories = ['genonaut-api-demo', 'genonaut-worker-demo', 'genonaut-imagegen-demo'].map(
  (r) => `${registry}/${r}`,
);
const services = ['genonaut-api-demo', 'genonaut-worker-demo', 'genonaut-image-gen-demo'];

let checkout: Checkout;
beforeEach(async () => {
  checkout = await deployCheckout();
});
afterEach(async () => {
  await checkout.remove();
});

const deploy = (args: string[] = [], before: Parameters<Checkout['script']>[2] = [], env = {}) =>
  checkout.script('backend_deploy.sh', ['demo', ...args], [...before, ...appliedEnvironment('demo')], env);

describe('backend_deploy.sh', () => {
  it('builds once, pushes the commit tag and latest to the three repositories, migrates, then rolls out', async () => {
    const { code, stdout, stderr, calls } = await deploy();
    expect(code, stderr).toBe(0);
    const image = `genonaut:${checkout.sha}`;

    expect(callsOf(calls, 'docker', 'build')).toEqual([
      ['docker', 'build', '--platform', 'linux/amd64', '--tag', image, checkout.root],
    ]);
    expect(callsOf(calls, 'docker', 'login')).toEqual([
      ['docker', 'login', '--username', 'AWS', '--password-stdin', registry],
    ]);
    const pushed = repositories.flatMap((r) => [`${r}:${checkout.sha}`, `${r}:latest`]);
    expect(callsOf(calls, 'docker', 'tag').map((c) => c.slice(2))).toEqual(pushed.map((p) => [image, p]));
    expect(callsOf(calls, 'docker', 'push').map((c) => c.slice(2))).toEqual(
      pushed.map((p) => ['--quiet', p]),
    );

    const [migration, ...others] = callsOf(calls, 'aws', 'ecs', 'run-task');
    expect(others).toEqual([]);
    expect(option(migration, '--cluster')).toBe('genonaut-demo');
    expect(option(migration, '--task-definition')).toBe('genonaut-api-demo');
    expect(option(migration, '--launch-type')).toBe('FARGATE');
    expect(option(migration, '--network-configuration')).toBe(
      'awsvpcConfiguration={subnets=["subnet-a","subnet-b"],securityGroups=[sg-0migrate],assignPublicIp=DISABLED}',
    );
    expect(JSON.parse(option(migration, '--overrides') ?? '')).toEqual({
      containerOverrides: [{ name: 'api', command: ['migrate', 'up'] }],
    });
    const task = 'arn:aws:ecs:eu-west-1:123456789012:task/genonaut-demo/migrate1';
    expect(callsOf(calls, 'aws', 'ecs', 'wait', 'tasks-stopped').map((c) => option(c, '--tasks'))).toEqual([
      task,
    ]);

    const updates = callsOf(calls, 'aws', 'ecs', 'update-service');
    expect(updates.map((c) => option(c, '--service'))).toEqual(services);
    for (const update of updates) {
      expect(option(update, '--cluster')).toBe('genonaut-demo');
      expect(update).toContain('--force-new-deployment');
    }
    // Order: build, then every push, then the migration, then the services.
    const at = (call: string[] | undefined) => calls.indexOf(call ?? []);
    const lastPush = at(callsOf(calls, 'docker', 'push').at(-1));
    expect(at(callsOf(calls, 'docker', 'build')[0])).toBeLessThan(at(callsOf(calls, 'docker', 'push')[0]));
    expect(lastPush).toBeLessThan(at(migration));
    expect(at(callsOf(calls, 'aws', 'ecs', 'describe-tasks')[0])).toBeLessThan(at(updates[0]));

    expect(stdout).toContain('Backend deployment summary');
    expect(stdout).toMatch(new RegExp(`Image tags: +${checkout.sha}, latest`));
    expect(stdout).toContain(`Repositories:       ${repositories.join(', ')}`);
    expect(stdout).toMatch(/Migrations: +applied/);
    for (const service of services) expect(stdout).toContain(service);
    expect(stdout).toContain('make ecs-status-demo');
  });

  it('stops before any service is touched when the migration fails', async () => {
    const failed = await deploy([], [{ match: 'aws ecs describe-tasks *', stdout: '1' }]);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('migrations failed (exit code 1)');
    expect(failed.stderr).toContain('the services were not updated');
    expect(callsOf(failed.calls, 'aws', 'ecs', 'update-service')).toEqual([]);
    expect(failed.stdout).not.toContain('deployment summary');

    const notStarted = await deploy([], [{ match: 'aws ecs run-task *', stdout: 'None' }]);
    expect(notStarted.code).toBe(1);
    expect(notStarted.stderr).toContain('the migration task did not start');
    expect(callsOf(notStarted.calls, 'aws', 'ecs', 'update-service')).toEqual([]);
  });

  it('rolls out without a migration task when told to skip it', async () => {
    const { code, stdout, calls } = await deploy(['--skip-migrations']);
    expect(code).toBe(0);
    expect(callsOf(calls, 'aws', 'ecs', 'run-task')).toEqual([]);
    expect(callsOf(calls, 'aws', 'ecs', 'update-service')).toHaveLength(3);
    expect(stdout).toMatch(/Migrations: +skipped/);
  });

  it('deploys after terraform init wrote its lock files, but refuses other uncommitted files', async () => {
    // What `make tf-init-<env>` and `tf-bootstrap-init` leave in the work tree.
    for (const dir of ['infra/main', 'infra/bootstrap']) {
      await mkdir(path.join(checkout.root, dir), { recursive: true });
      await writeFile(
        path.join(checkout.root, dir, '.terraform.lock.hcl'),
        'provider "registry.terraform.io/hashicorp/aws" {}\n',
      );
    }
    const clean = await deploy();
    expect(clean.code, clean.stderr).toBe(0);
    expect(option(callsOf(clean.calls, 'docker', 'build')[0], '--tag')).toBe(`genonaut:${checkout.sha}`);

    await mkdir(path.join(checkout.root, 'server/src'), { recursive: true });
    await writeFile(path.join(checkout.root, 'server/src/unsaved.ts'), 'export {};\n');
    const dirty = await deploy();
    expect(dirty.code).toBe(1);
    expect(dirty.stderr).toContain('the work tree has uncommitted changes');
    expect(callsOf(dirty.calls, 'docker', 'build')).toEqual([]);

    const allowed = await deploy([], [], { ALLOW_DIRTY: '1' });
    expect(allowed.code).toBe(0);
    expect(option(callsOf(allowed.calls, 'docker', 'build')[0], '--tag')).toMatch(
      new RegExp(`^genonaut:${checkout.sha}-dirty-\\d{14}$`),
    );
  });

  it("refuses before building: another environment's state, no Docker daemon, no credentials, no init", async () => {
    const cases: { rules: Parameters<Checkout['script']>[2]; env?: string; error: string }[] = [
      {
        rules: [{ match: 'terraform -chdir=* output -raw env', stdout: 'prod' }],
        error: "the Terraform state in .terraform-demo belongs to 'prod', not 'demo'",
      },
      { rules: [{ match: 'docker info', exit: 1 }], error: 'the Docker daemon is not running' },
      { rules: [{ match: 'aws sts *', exit: 255 }], error: 'no valid AWS credentials' },
    ];
    for (const { rules, error } of cases) {
      const result = await deploy([], rules);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`error: ${error}`);
      expect(callsOf(result.calls, 'docker', 'build')).toEqual([]);
    }
    await rm(path.join(checkout.root, 'infra/main/.terraform-demo'), { recursive: true });
    const uninitialised = await deploy();
    expect(uninitialised.stderr).toContain("Terraform is not initialised for 'demo': run make tf-init-demo");
  });

  it('answers unknown options with its usage line', async () => {
    const result = await deploy(['--force']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /usage: .*backend_deploy\.sh <dev\|test\|demo\|prod> \[--skip-migrations\]/,
    );
    expect(result.calls).toEqual([]);
  });
});

describe('.gitignore', () => {
  it('ignores what terraform init, apply and validate write, so a deploy after them sees a clean tree', async () => {
    const written = [
      'infra/main/.terraform.lock.hcl',
      'infra/bootstrap/.terraform.lock.hcl',
      'infra/main/.terraform-demo/terraform.tfstate',
      'infra/main/.terraform-validate/providers/x',
      'infra/bootstrap/.terraform/providers/x',
      'infra/bootstrap/terraform.tfstate',
      'infra/bootstrap/terraform.tfstate.backup',
    ];
    const { stdout } = await run('git', ['check-ignore', '--no-index', ...written], { cwd: repoRoot });
    expect(stdout.trim().split('\n')).toEqual(written);
  });
});
