// The GitHub Actions workflows, parsed: CI runs what .ci/run runs against PostgreSQL and Redis services,
// and the deploy workflows call Make targets, scripts and npm scripts that exist, for every environment.
import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { environments, makeTargets, repoRoot } from './infra-files';

interface Step {
  run?: string;
  uses?: string;
  env?: Record<string, string>;
}
interface Job {
  container?: string;
  services?: Record<string, { image: string }>;
  env?: Record<string, string>;
  steps: Step[];
}
interface Workflow {
  on: {
    push?: { branches?: string[] };
    workflow_dispatch?: { inputs?: { environment?: { options?: string[]; default?: string } } };
  };
  permissions?: Record<string, string>;
  env?: Record<string, string>;
  jobs: Record<string, Job>;
}

const workflowsDir = path.join(repoRoot, '.github/workflows');
const load = async (file: string) => parse(await readFile(path.join(workflowsDir, file), 'utf8')) as Workflow;
const runs = (job: Job) => job.steps.flatMap((s) => (s.run ? [s.run] : []));
/** The commands of a job's steps, one per line, with `${{ env.TARGET_ENV }}` replaced by `env`. */
const commands = (job: Job, env = '') =>
  runs(job).flatMap((r) =>
    r.replaceAll('${{ env.TARGET_ENV }}', env).replaceAll('"$TARGET_ENV"', env).split('\n'),
  );

describe('.github/workflows', () => {
  it('name only npm scripts, Make targets and scripts that exist', async () => {
    const { scripts } = JSON.parse(await readFile(path.join(repoRoot, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    const targets = await makeTargets();
    for (const file of await readdir(workflowsDir)) {
      for (const job of Object.values((await load(file)).jobs)) {
        for (const env of environments) {
          for (const line of commands(job, env)) {
            for (const [, script] of line.matchAll(/npm run ([\w:-]+)/g))
              expect(scripts, file).toHaveProperty(script ?? '');
            if (/\bnpm test\b/.test(line)) expect(scripts, file).toHaveProperty('test');
            for (const [, target] of line.matchAll(/\bmake ([\w-]+)/g))
              expect(targets, file).toContain(target);
            for (const [, script] of line.matchAll(/bash (infra\/scripts\/\S+\.sh)/g)) {
              expect(existsSync(path.join(repoRoot, script ?? '')), `${file}: ${script}`).toBe(true);
            }
          }
        }
      }
    }
  });

  it('CI runs check, test, the browser tests and the reliability suite against PostgreSQL and Redis', async () => {
    const ci = await load('ci.yml');
    const jobs = Object.values(ci.jobs);
    const runners = (command: RegExp) => jobs.filter((job) => commands(job).some((c) => command.test(c)));
    for (const command of [
      /^npm run check$/,
      /^npm test$/,
      /^npm run test:e2e$/,
      /^npm run test:reliability$/,
    ]) {
      expect(runners(command), String(command)).toHaveLength(1);
    }
    // The jobs that need the databases get both as services, at the addresses the tests read.
    const databaseUrl = new URL(ci.env?.TEST_DATABASE_URL ?? '');
    const redisUrl = new URL(ci.env?.REDIS_URL ?? '');
    for (const job of [/^npm test$/, /^npm run test:e2e$/, /^npm run test:reliability$/].flatMap(runners)) {
      expect(job.container).toMatch(/^node:20-bookworm/);
      expect(job.services?.[databaseUrl.hostname]?.image).toMatch(/^postgres:1[5-9]/);
      expect(job.services?.[redisUrl.hostname]?.image).toMatch(/^redis:7/);
    }
    // The Redis restart test needs redis-server on the PATH: without it the test fails in CI (CI is set).
    const [reliability] = runners(/^npm run test:reliability$/);
    expect(commands(reliability ?? { steps: [] }).join('\n')).toMatch(/apt-get install .*\bredis-server\b/);
    // What .ci/run runs, CI runs too.
    const local = await readFile(path.join(repoRoot, '.ci/run'), 'utf8');
    for (const [, script] of local.matchAll(/^\s*(?:\w+=\S+ )*npm run ([\w:-]+)/gm)) {
      expect(runners(new RegExp(`^npm run ${script}$`)), `.ci/run runs npm run ${script}`).toHaveLength(1);
    }
  });

  it('deploy the backend and the frontend to any environment through the scripts', async () => {
    const targets = await makeTargets();
    for (const [file, script] of [
      ['deploy-backend.yml', 'backend_deploy.sh'],
      ['deploy-frontend.yml', 'frontend_deploy.sh'],
    ] as const) {
      const workflow = await load(file);
      expect(workflow.on.workflow_dispatch?.inputs?.environment?.options).toEqual([...environments]);
      expect(workflow.on.push?.branches).toEqual(['main', 'production']);
      // GitHub's OIDC token, to assume the deploy role without stored keys.
      expect(workflow.permissions?.['id-token']).toBe('write');
      const [job, ...others] = Object.values(workflow.jobs);
      expect(others).toEqual([]);
      expect(job?.env?.TARGET_ENV).toBe(
        "${{ inputs.environment || (github.ref_name == 'production' && 'prod') || 'demo' }}",
      );
      for (const name of ['DEPLOY_AWS_REGION', 'DEPLOY_TF_STATE_BUCKET_NAME', 'DEPLOY_TF_DYNAMO_DB_TABLE']) {
        expect(job?.env?.[name]).toBe(`\${{ vars.${name} }}`);
      }
      for (const env of environments) {
        const lines = commands(job ?? { steps: [] }, env);
        const init = lines.indexOf(`make tf-init-${env}`);
        const deploy = lines.indexOf(`bash infra/scripts/${script} ${env}`);
        expect(targets).toContain(`tf-init-${env}`);
        expect(init, `${file} initialises Terraform for ${env}`).toBeGreaterThanOrEqual(0);
        expect(deploy, `${file} runs ${script} for ${env} after init`).toBeGreaterThan(init);
      }
      expect(job?.steps.some((s) => s.uses?.startsWith('aws-actions/configure-aws-credentials@'))).toBe(true);
      expect(job?.steps.some((s) => s.uses?.startsWith('hashicorp/setup-terraform@'))).toBe(true);
    }
    // The frontend script builds the web app, so its workflow installs the dependencies first.
    const frontend = commands(
      Object.values((await load('deploy-frontend.yml')).jobs)[0] ?? { steps: [] },
      'demo',
    );
    expect(frontend.indexOf('npm ci --no-audit --no-fund')).toBeGreaterThanOrEqual(0);
    expect(frontend.indexOf('npm ci --no-audit --no-fund')).toBeLessThan(
      frontend.indexOf('bash infra/scripts/frontend_deploy.sh demo'),
    );
  });
});
