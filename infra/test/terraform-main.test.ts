import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { configVariables } from '@genonaut/server/config-variables';
import { loadConfig } from '@genonaut/server/config';
import { addresses, referencesIn, type Block } from './terraform';
import {
  containerDefinition,
  containerKeys,
  environmentOf,
  environments,
  evaluatorFor,
  loadMain,
  mainDir,
  repoRoot,
} from './infra-files';

const one = (block: unknown, key: string): Block => ((block as Block)[key] as Block[])[0] ?? {};

describe('infra/main', () => {
  it('has the seed files, an S3 backend and the AWS provider', async () => {
    const tf = await loadMain();
    for (const file of ['provider.tf', 'versions.tf', 'vpc.tf']) expect(tf.files[file]).toBeDefined();
    expect(await readFile(path.join(mainDir, 'backend.hcl'), 'utf8')).toMatch(/encrypt\s*=\s*true/);
    const backend = tf.terraform.map((t) => t.backend as Record<string, unknown> | undefined).find(Boolean);
    expect(Object.keys(backend ?? {})).toEqual(['s3']);
    expect(tf.providers.aws?.region).toBe('${var.aws_region}');
  });

  it('refers only to declared resources, variables and locals', async () => {
    const tf = await loadMain();
    const known = addresses(tf);
    const text = Object.values(tf.files).join('\n');
    for (const ref of referencesIn({ r: tf.resources, l: tf.locals, o: tf.outputs })) {
      expect(known, `${ref} is not declared`).toContain(ref);
    }
    for (const [, name] of text.matchAll(/\bvar\.(\w+)/g)) expect(tf.variables).toHaveProperty(name ?? '');
    for (const [, name] of text.matchAll(/\blocal\.(\w+)/g)) expect(tf.locals).toHaveProperty(name ?? '');
  });

  it('spans two availability zones with a public and a private subnet in each', async () => {
    const tf = await loadMain();
    expect(tf.locals.azs).toMatch(/slice\(data\.aws_availability_zones\.available\.names, 0, 2\)/);
    const subnets = tf.resources.aws_subnet ?? {};
    expect(Object.keys(subnets).sort()).toEqual(['private', 'public']);
    for (const subnet of Object.values(subnets)) expect(subnet.count).toBe('${length(local.azs)}');
    expect(tf.resources.aws_nat_gateway?.main).toBeDefined();
    expect(tf.resources.aws_internet_gateway?.main).toBeDefined();
  });

  it('names ECR repositories, the cluster, services and buckets as the seed does', async () => {
    const tf = await loadMain();
    const r = tf.resources;
    expect(r.aws_ecr_repository?.api?.name).toBe('genonaut-api-${var.env}');
    expect(r.aws_ecr_repository?.worker?.name).toBe('genonaut-worker-${var.env}');
    expect(r.aws_ecr_repository?.image_gen?.name).toBe('genonaut-imagegen-${var.env}');
    expect(r.aws_ecs_cluster?.main?.name).toBe('genonaut-${var.env}');
    expect(r.aws_ecs_service?.api?.name).toBe('genonaut-api-${var.env}');
    expect(r.aws_ecs_service?.worker?.name).toBe('genonaut-worker-${var.env}');
    expect(r.aws_ecs_service?.image_gen?.name).toBe('genonaut-image-gen-${var.env}');
    expect(r.aws_s3_bucket?.site?.bucket).toBe('genonaut-${var.env}-static-site');
    expect(r.aws_s3_bucket?.images?.bucket).toBe('genonaut-${var.env}-images');
  });

  it('runs the cluster on Fargate capacity only: no EC2 instances to patch or scale', async () => {
    const tf = await loadMain();
    const fargate = ['FARGATE', 'FARGATE_SPOT'];
    const providers = Object.values(tf.resources.aws_ecs_cluster_capacity_providers ?? {});
    expect(providers).toHaveLength(1);
    const [capacity] = providers;
    expect(capacity?.cluster_name).toBe('${aws_ecs_cluster.main.name}');
    const names = capacity?.capacity_providers as string[];
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(fargate).toContain(name);
    for (const strategy of capacity?.default_capacity_provider_strategy as Block[]) {
      expect(names).toContain(strategy.capacity_provider);
    }
    expect(tf.resources.aws_ecs_capacity_provider).toBeUndefined();
    expect(tf.resources.aws_autoscaling_group).toBeUndefined();
    for (const [key, service] of Object.entries(tf.resources.aws_ecs_service ?? {})) {
      const strategies = (service.capacity_provider_strategy ?? []) as Block[];
      if (strategies.length === 0) expect(service.launch_type, key).toBe('FARGATE');
      for (const strategy of strategies) expect(names, key).toContain(strategy.capacity_provider);
    }
  });

  it('encrypts the images bucket at rest and applies the encryption to that bucket', async () => {
    const tf = await loadMain();
    const encryption = tf.resources.aws_s3_bucket_server_side_encryption_configuration?.images ?? {};
    expect(encryption.bucket).toBe('${aws_s3_bucket.images.id}');
    const byDefault = one(one(encryption, 'rule'), 'apply_server_side_encryption_by_default');
    expect(['AES256', 'aws:kms', 'aws:kms:dsse']).toContain(byDefault.sse_algorithm);
  });

  it('redirects HTTP to HTTPS and routes /api, /api/v1/ws and /image-gen on the ALB', async () => {
    const tf = await loadMain();
    const ev = await evaluatorFor('test');
    const listeners = tf.resources.aws_lb_listener ?? {};
    const redirect = one(one(listeners.http, 'default_action'), 'redirect');
    expect(redirect).toMatchObject({ protocol: 'HTTPS', status_code: 'HTTP_301' });
    expect(listeners.https).toMatchObject({
      protocol: 'HTTPS',
      certificate_arn: '${var.alb_certificate_arn}',
    });
    const routes: Record<string, string> = {};
    for (const rule of Object.values(tf.resources.aws_lb_listener_rule ?? {})) {
      expect(rule.listener_arn).toBe('${aws_lb_listener.https.arn}');
      const target = String(one(rule, 'action').target_group_arn);
      const paths = ev.value(one(one(rule, 'condition'), 'path_pattern').values) as string[];
      for (const p of paths) routes[p] = target;
    }
    expect(routes).toMatchObject({
      '/api/v1/ws': '${aws_lb_target_group.api.arn}',
      '/api/*': '${aws_lb_target_group.api.arn}',
      '/image-gen/*': '${aws_lb_target_group.image_gen.arn}',
    });
  });

  it('gives each service a task definition, its port, health checks, logs and autoscaling', async () => {
    const tf = await loadMain();
    const ev = await evaluatorFor('test');
    const expected = { api: 8001, worker: undefined, image_gen: 8189 } as const;
    for (const key of containerKeys) {
      const container = await containerDefinition(key);
      const env = environmentOf(container);
      const task = tf.resources.aws_ecs_task_definition?.[key] ?? {};
      expect(task.container_definitions).toBe(`\${jsonencode([local.containers.${key}])}`);
      expect(task.requires_compatibilities).toEqual(['FARGATE']);
      expect(task.execution_role_arn).toBe('${aws_iam_role.execution.arn}');
      expect(container.portMappings.map((p) => p.containerPort)).toEqual(
        expected[key] === undefined ? [] : [expected[key]],
      );
      expect(container.healthCheck.command.slice(0, 3)).toEqual([
        'CMD',
        'node',
        'server/dist/healthcheck.js',
      ]);
      expect(JSON.stringify(ev.expr(`local.containers.${key}.logConfiguration`))).toContain(
        `/ecs/genonaut-test/${key.replace('_', '-')}`,
      );
      // The port the process listens on is the port ECS maps.
      if (key === 'api') expect(Number(env.PORT)).toBe(expected.api);
      if (key === 'image_gen') expect(Number(env.MOCK_PORT)).toBe(expected.image_gen);

      const service = tf.resources.aws_ecs_service?.[key] ?? {};
      expect(service.task_definition).toBe(`\${aws_ecs_task_definition.${key}.arn}`);
      expect(one(service, 'network_configuration').assign_public_ip).toBe(false);
      if (expected[key] !== undefined) {
        const lb = one(service, 'load_balancer');
        expect(ev.value(lb.container_port)).toBe(expected[key]);
        const group = tf.resources.aws_lb_target_group?.[key] ?? {};
        expect(ev.value(group.port)).toBe(expected[key]);
        const healthPath = ev.value(one(group, 'health_check').path);
        expect(healthPath).toBe(key === 'api' ? '/api/v1/health' : `${env.MOCK_BASE_PATH}/health`);
      }
    }
    expect(tf.locals.scaled_services).toEqual({
      api: '${aws_ecs_service.api.name}',
      worker: '${aws_ecs_service.worker.name}',
      image_gen: '${aws_ecs_service.image_gen.name}',
    });
    expect(tf.resources.aws_appautoscaling_target?.service?.for_each).toBe('${local.scaled_services}');
    expect(tf.resources.aws_appautoscaling_policy?.cpu?.policy_type).toBe('TargetTrackingScaling');
  });

  it('gives the containers only variables the server knows, which it accepts', async () => {
    // NODE_OPTIONS is read by Node itself (the API's heap budget), not by the server's configuration.
    const known = new Set([...configVariables.map((v) => v.name), 'NODE_OPTIONS']);
    for (const key of containerKeys) {
      const container = await containerDefinition(key);
      for (const name of [
        ...Object.keys(environmentOf(container)),
        ...container.secrets.map((s) => s.name),
      ]) {
        expect(known, `${key} gets ${name}, which the server does not read`).toContain(name);
      }
      const secrets = Object.fromEntries(
        container.secrets.map((s) => [
          s.name,
          s.name === 'DATABASE_URL' ? 'postgres://u:p@db:5432/genonaut' : 'rediss://:token@redis:6379',
        ]),
      );
      expect(() => loadConfig({ ...environmentOf(container), ...secrets })).not.toThrow();
    }
    const api = environmentOf(await containerDefinition('api'));
    expect(api).toMatchObject({
      STORAGE_BACKEND: 's3',
      S3_BUCKET: 'genonaut-test-images',
      S3_REGION: 'eu-west-1',
    });
    expect(api.COMFYUI_URLS).toBe('mock=http://image-gen.genonaut-test.internal:8189/image-gen');
  });

  it('keeps PostgreSQL and Redis private, encrypted, and Redis behind TLS and a token', async () => {
    const tf = await loadMain();
    const db = tf.resources.aws_db_instance?.main ?? {};
    expect(db).toMatchObject({ engine: 'postgres', storage_encrypted: true, publicly_accessible: false });
    const redis = tf.resources.aws_elasticache_replication_group?.main ?? {};
    expect(redis).toMatchObject({
      transit_encryption_enabled: true,
      at_rest_encryption_enabled: true,
      auth_token: '${random_password.redis.result}',
    });
    expect(tf.resources.aws_ssm_parameter?.redis_url?.value).toMatch(/rediss:\/\//);
    expect(tf.resources.aws_ssm_parameter?.database_url?.value).toMatch(/sslmode=verify-full/);
  });

  it('serves the web app from a private bucket through CloudFront with OAC and an SPA fallback', async () => {
    const tf = await loadMain();
    const site = tf.resources.aws_cloudfront_distribution?.site ?? {};
    const origins = site.origin as Block[];
    expect(origins.find((o) => o.origin_id === 'static-site')?.origin_access_control_id).toBe(
      '${aws_cloudfront_origin_access_control.site.id}',
    );
    const fallback = one(one(site, 'default_cache_behavior'), 'function_association');
    expect(fallback).toMatchObject({
      event_type: 'viewer-request',
      function_arn: '${aws_cloudfront_function.spa_fallback.arn}',
    });
    // Custom error pages would turn the API's JSON errors into index.html.
    expect(site.custom_error_response).toBeUndefined();
    for (const bucket of ['site', 'images']) {
      expect(tf.resources.aws_s3_bucket_public_access_block?.[bucket]).toMatchObject({
        block_public_acls: true,
        block_public_policy: true,
        ignore_public_acls: true,
        restrict_public_buckets: true,
      });
    }
  });

  it('runs the CloudFront function: routes get index.html, files pass', async () => {
    const code = await readFile(path.join(mainDir, 'spa-fallback.js'), 'utf8');
    // In a fresh context, as CloudFront runs it: plain JavaScript, no Node globals.
    const handler = runInNewContext(`${code}; handler`) as (e: unknown) => { uri: string };
    const uri = (u: string) => handler({ request: { uri: u } }).uri;
    expect(uri('/')).toBe('/index.html');
    expect(uri('/gallery/42')).toBe('/index.html');
    expect(uri('/assets/index-1a2b.js')).toBe('/assets/index-1a2b.js');
    expect(uri('/favicon.svg')).toBe('/favicon.svg');
  });
});

describe('tfvars', () => {
  it('exist for every environment, set only declared variables and every required one', async () => {
    const tf = await loadMain();
    const files = (await readdir(path.join(mainDir, 'envs'))).sort();
    expect(files).toEqual(environments.map((e) => `${e}.tfvars`).sort());
    // aws_region and aws_profile come from env/.env.shared through the Makefile.
    const required = Object.entries(tf.variables)
      .filter(([name, v]) => !('default' in v) && name !== 'aws_region')
      .map(([name]) => name);
    for (const env of environments) {
      const ev = await evaluatorFor(env);
      expect(ev.expr('var.env')).toBe(env);
      const text = await readFile(path.join(mainDir, 'envs', `${env}.tfvars`), 'utf8');
      for (const [, name] of text.matchAll(/^(\w+)\s*=/gm)) expect(tf.variables).toHaveProperty(name ?? '');
      for (const name of required) expect(text).toMatch(new RegExp(`^${name}\\s*=`, 'm'));
    }
  });
});

describe('outputs', () => {
  it('include every output the deploy scripts read', async () => {
    const tf = await loadMain();
    const scripts = path.join(repoRoot, 'infra/scripts');
    let text = '';
    for (const f of await readdir(scripts)) text += await readFile(path.join(scripts, f), 'utf8');
    const read = [
      ...[...text.matchAll(/tf_output "\$\w+" (\w+)/g)].map((m) => m[1]),
      ...[...text.matchAll(/output -json (\w+)/g)].map((m) => m[1]),
    ];
    expect(read.length).toBeGreaterThan(8);
    for (const name of read) expect(tf.outputs, `output ${name}`).toHaveProperty(name ?? '');
  });
});
