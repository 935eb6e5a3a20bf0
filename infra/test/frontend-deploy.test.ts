// infra/scripts/frontend_deploy.sh run end to end against stand-ins for aws, terraform and npm (see
// script-stubs.ts): which Cache-Control each file of the build is uploaded with, in which order, and the
// CloudFront invalidation.
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appliedEnvironment, callsOf, deployCheckout, option, type Checkout } from './script-stubs';

let checkout: Checkout;
beforeEach(async () => {
  checkout = await deployCheckout();
});
afterEach(async () => {
  await checkout.remove();
});

const deploy = (args: string[] = [], before: Parameters<Checkout['script']>[2] = []) =>
  checkout.script('frontend_deploy.sh', ['demo', ...args], [...before, ...appliedEnvironment('demo')]);

const bucket = 's3://genonaut-demo-static-site';

async function filesUnder(dir: string, prefix = ''): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const relative = prefix + entry.name;
    if (entry.isDirectory()) files.push(...(await filesUnder(path.join(dir, entry.name), `${relative}/`)));
    else files.push(relative);
  }
  return files;
}

/** aws s3 --exclude patterns: relative to the source folder, `*` matching across folders. */
const excluded = (patterns: string[], relative: string) =>
  patterns.some((p) =>
    new RegExp(`^${p.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`).test(relative),
  );

/**
 * Which upload each file of the build ends with in the bucket: its key, Cache-Control and the position of
 * the call that put it there, worked out from the `aws s3 sync` and `aws s3 cp` calls the way the CLI
 * would apply them.
 */
async function uploads(calls: string[][], dist: string) {
  const result = new Map<string, { cacheControl: string | undefined; call: number; times: number }>();
  for (const [index, call] of calls.entries()) {
    if (call[0] !== 'aws' || call[1] !== 's3') continue;
    const [, , verb, source = '', target = ''] = call;
    const excludes = call.flatMap((arg, i) => (arg === '--exclude' ? [call[i + 1] ?? ''] : []));
    const files =
      verb === 'sync'
        ? (await filesUnder(source)).filter((f) => !excluded(excludes, f))
        : [path.basename(source)];
    for (const file of files) {
      const key = verb === 'sync' ? `${target}/${file}` : target;
      const local = path.relative(dist, verb === 'sync' ? path.join(source, file) : source);
      expect(key).toBe(`${bucket}/${local}`);
      const times = (result.get(local)?.times ?? 0) + 1;
      result.set(local, { cacheControl: option(call, '--cache-control'), call: index, times });
    }
  }
  return result;
}

describe('frontend_deploy.sh', () => {
  it('uploads hashed assets for a year, other files for minutes, index.html last and uncached', async () => {
    const { code, stdout, stderr, calls } = await deploy();
    expect(code, stderr).toBe(0);
    expect(callsOf(calls, 'npm')).toEqual([['npm', 'run', 'build', '-w', 'web']]);

    const dist = path.join(checkout.root, 'web/dist');
    const uploaded = await uploads(calls, dist);
    expect(Object.fromEntries([...uploaded].map(([file, u]) => [file, [u.cacheControl, u.times]]))).toEqual({
      'assets/index-1a2b3c4d.js': ['public, max-age=31536000, immutable', 1],
      'assets/index-5e6f7a8b.css': ['public, max-age=31536000, immutable', 1],
      'favicon.svg': ['public, max-age=300', 1],
      'index.html': ['no-cache', 1],
    });
    const index = uploaded.get('index.html')?.call ?? -1;
    for (const u of uploaded.values()) expect(u.call).toBeLessThanOrEqual(index);
    const cp = calls[index];
    expect(option(cp, '--content-type')).toBe('text/html; charset=utf-8');

    // Files gone from the build are deleted, except older assets that open pages may still load.
    const [assets, others] = callsOf(calls, 'aws', 's3', 'sync');
    expect(assets).not.toContain('--delete');
    expect(others).toContain('--delete');

    const invalidations = callsOf(calls, 'aws', 'cloudfront', 'create-invalidation');
    expect(invalidations.map((c) => [option(c, '--distribution-id'), option(c, '--paths')])).toEqual([
      ['E2EXAMPLE', '/*'],
    ]);
    expect(calls.indexOf(invalidations[0] ?? [])).toBeGreaterThan(index);

    expect(stdout).toContain('Frontend deployment summary');
    expect(stdout).toMatch(new RegExp(`Git commit: +${checkout.sha}`));
    expect(stdout).toContain(`Bucket:        ${bucket}`);
    expect(stdout).toContain('Distribution:  E2EXAMPLE (invalidation I2INVALIDATION');
    expect(stdout).toContain('URL:           https://d111example.cloudfront.net');
  });

  it('skips the build when told to, and uploads nothing without a built index.html', async () => {
    const skipped = await deploy(['--skip-build']);
    expect(skipped.code).toBe(0);
    expect(callsOf(skipped.calls, 'npm')).toEqual([]);

    const failedBuild = await deploy([], [{ match: 'npm run build *', exit: 1 }]);
    expect(failedBuild.code).toBe(1);
    expect(callsOf(failedBuild.calls, 'aws', 's3')).toEqual([]);

    await rm(path.join(checkout.root, 'web/dist/index.html'));
    const unbuilt = await deploy(['--skip-build']);
    expect(unbuilt.code).toBe(1);
    expect(unbuilt.stderr).toMatch(/error: .*web\/dist\/index\.html is missing/);
    expect(callsOf(unbuilt.calls, 'aws', 's3')).toEqual([]);
    expect(callsOf(unbuilt.calls, 'aws', 'cloudfront')).toEqual([]);
  });

  it('answers unknown options with its usage line', async () => {
    const result = await deploy(['--prod']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/usage: .*frontend_deploy\.sh <dev\|test\|demo\|prod> \[--skip-build\]/);
    expect(result.calls).toEqual([]);
  });
});
