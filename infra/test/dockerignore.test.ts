// .dockerignore, read with Docker's rules (dockerfile.ts): secrets, git history, installed packages and
// local data never reach the build context, while what the Dockerfile copies does.
import { describe, expect, it } from 'vitest';
import { isIgnored, readDockerignore } from './dockerfile';
import { repoRoot } from './infra-files';

describe('.dockerignore', () => {
  it('keeps secrets, .git, node_modules and local data out of the build context', async () => {
    const rules = await readDockerignore(repoRoot);
    expect(rules.length).toBeGreaterThan(0);
    const kept = [
      '.env',
      '.env.production',
      'env/.env.shared',
      'server/.env',
      'web/.env.local',
      '.git',
      '.git/config',
      'node_modules',
      'node_modules/fastify/package.json',
      'server/node_modules/sharp/package.json',
      'web/node_modules/vite/package.json',
      'contracts/node_modules/x/index.js',
      'data/postgres/PG_VERSION',
      'infra/main/.terraform-demo/terraform.tfstate',
      'server/dist/cli.js',
      'web/dist/index.html',
      'server/test/factories.ts',
      'e2e/artifacts/server.log',
    ];
    for (const file of kept) expect(isIgnored(rules, file), file).toBe(true);
    const needed = [
      'package.json',
      'package-lock.json',
      '.npmrc',
      'tsconfig.base.json',
      'server/src/main/cli.ts',
      'server/package.json',
      'contracts/src/index.ts',
      'web/index.html',
      'web/src/main.tsx',
      'e2e/package.json',
    ];
    for (const file of needed) expect(isIgnored(rules, file), file).toBe(false);
  });
});
