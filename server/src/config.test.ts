import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';
import { configVariables } from './config-variables';

const problemsOf = (env: Record<string, string>) => {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
};

describe('loadConfig', () => {
  it('gives a working development configuration from an empty environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      env: 'development',
      port: 8001,
      redisUrl: 'redis://127.0.0.1:6379',
      databaseUrl: undefined,
      comfyuiUrls: undefined,
      cookieSecure: false,
      seedDemoOnStart: true,
      statementTimeoutMs: 3000,
    });
  });

  it('names every bad variable with its reason, all at once', () => {
    const problems = problemsOf({
      PORT: 'eighty',
      REDIS_URL: 'http://x',
      GENONAUT_ENV: 'staging',
      COOKIE_SECURE: 'maybe',
    });
    expect(problems.map((p) => p.variable).sort()).toEqual([
      'COOKIE_SECURE',
      'GENONAUT_ENV',
      'PORT',
      'REDIS_URL',
    ]);
    expect(problems.find((p) => p.variable === 'PORT')?.reason).toMatch(/whole number/);
    expect(problems.find((p) => p.variable === 'GENONAUT_ENV')?.reason).toMatch(
      /development, demo, test, production/,
    );
  });

  it('refuses out-of-range numbers', () => {
    expect(problemsOf({ PORT: '70000' })[0]).toMatchObject({
      variable: 'PORT',
      reason: expect.stringMatching(/between 1 and 65535/),
    });
  });

  it('turns secure cookies on and demo seeding off in production', () => {
    const config = loadConfig({ GENONAUT_ENV: 'production' });
    expect(config.cookieSecure).toBe(true);
    expect(config.seedDemoOnStart).toBe(false);
  });

  it('parses named ComfyUI backends and refuses duplicates', () => {
    expect(
      loadConfig({ COMFYUI_URLS: 'gpu1=http://10.0.0.5:8188/, gpu2=http://10.0.0.6:8188' }).comfyuiUrls,
    ).toEqual([
      { name: 'gpu1', url: 'http://10.0.0.5:8188' },
      { name: 'gpu2', url: 'http://10.0.0.6:8188' },
    ]);
    expect(problemsOf({ COMFYUI_URLS: 'a=http://x:1,a=http://y:2' })[0]?.reason).toMatch(/appears twice/);
  });

  it('reads a concurrency for every backend and for named ones', () => {
    expect(loadConfig({}).comfyuiConcurrency).toEqual({ default: 1, byBackend: {} });
    expect(loadConfig({ COMFYUI_CONCURRENCY: '3' }).comfyuiConcurrency).toEqual({
      default: 3,
      byBackend: {},
    });
    expect(
      loadConfig({
        COMFYUI_URLS: 'gpu1=http://10.0.0.5:8188,gpu2=http://10.0.0.6:8188',
        COMFYUI_CONCURRENCY: '2, gpu1=4',
      }).comfyuiConcurrency,
    ).toEqual({ default: 2, byBackend: { gpu1: 4 } });
    expect(problemsOf({ COMFYUI_CONCURRENCY: 'gpu1=0' })[0]?.reason).toMatch(
      /backend "gpu1": must be between 1 and 64/,
    );
    expect(problemsOf({ COMFYUI_CONCURRENCY: '1,2' })[0]?.reason).toMatch(/more than one number/);
    expect(problemsOf({ COMFYUI_CONCURRENCY: 'a=1,a=2' })[0]?.reason).toMatch(/appears twice/);
    expect(
      problemsOf({ COMFYUI_URLS: 'gpu1=http://10.0.0.5:8188', COMFYUI_CONCURRENCY: 'gpu9=2' })[0],
    ).toEqual({
      variable: 'COMFYUI_CONCURRENCY',
      reason: 'names "gpu9", which COMFYUI_URLS does not',
    });
  });

  it('requires S3_BUCKET with the S3 backend', () => {
    expect(problemsOf({ STORAGE_BACKEND: 's3' }).map((p) => p.variable)).toEqual(['S3_BUCKET']);
  });
});

describe('docs/configuration.md', () => {
  it('documents every variable', () => {
    const here = path.dirname(fileURLToPath(import.meta.url));
    const doc = readFileSync(path.join(here, '../../docs/configuration.md'), 'utf8');
    const missing = configVariables.map((v) => v.name).filter((name) => !doc.includes(`\`${name}\``));
    expect(missing).toEqual([]);
  });
});
