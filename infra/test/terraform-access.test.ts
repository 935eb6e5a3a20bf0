// Who may reach what: security groups admit exactly the ports in use, and IAM grants exactly what each
// role needs (the execution role reads precisely the secrets the task definitions inject).
import { describe, expect, it } from 'vitest';
import type { Block } from './terraform';
import { containerDefinition, containerKeys, evaluatorFor, loadMain } from './infra-files';

interface Rule {
  group: string;
  from: number;
  to: number;
  source: string;
}

const groupOf = (ref: unknown) => /aws_security_group\.(\w+)\.id/.exec(String(ref))?.[1] ?? String(ref);

async function ingressRules(): Promise<Rule[]> {
  const tf = await loadMain();
  const ev = await evaluatorFor('test');
  expect(tf.resources.aws_security_group_rule).toBeUndefined();
  return Object.values(tf.resources.aws_vpc_security_group_ingress_rule ?? {}).map((r) => ({
    group: groupOf(r.security_group_id),
    from: ev.value(r.from_port) as number,
    to: ev.value(r.to_port) as number,
    source: typeof r.cidr_ipv4 === 'string' ? r.cidr_ipv4 : groupOf(r.referenced_security_group_id),
  }));
}

const serviceGroup = (service: Block): string =>
  groupOf(((service.network_configuration as Block[])[0]?.security_groups as string[])[0]);

describe('security groups', () => {
  it('have no inline rules, so every rule is one of the listed resources', async () => {
    const tf = await loadMain();
    for (const group of Object.values(tf.resources.aws_security_group ?? {})) {
      expect(group.ingress).toBeUndefined();
      expect(group.egress).toBeUndefined();
    }
  });

  it('admit every port a container listens on, from the load balancer or the workers', async () => {
    const tf = await loadMain();
    const rules = await ingressRules();
    for (const key of containerKeys) {
      const container = await containerDefinition(key);
      const group = serviceGroup(tf.resources.aws_ecs_service?.[key] ?? {});
      for (const { containerPort } of container.portMappings) {
        const admitted = rules.filter(
          (r) => r.group === group && r.from <= containerPort && containerPort <= r.to,
        );
        expect(
          admitted.map((r) => r.source),
          `${key}:${containerPort}`,
        ).toContain('alb');
      }
    }
    const imageGen = serviceGroup(tf.resources.aws_ecs_service?.image_gen ?? {});
    expect(rules.filter((r) => r.group === imageGen).map((r) => r.source)).toContain('worker');
  });

  it('admit exactly the ports in use and nothing else', async () => {
    const rules = await ingressRules();
    const ports = (group: string) =>
      [...new Set(rules.filter((r) => r.group === group).map((r) => `${r.from}-${r.to}`))].sort();
    expect(ports('alb')).toEqual(['443-443', '80-80']);
    expect(ports('api')).toEqual(['8001-8001']);
    expect(ports('image_gen')).toEqual(['8189-8189']);
    expect(ports('worker')).toEqual([]);
    expect(ports('db')).toEqual(['5432-5432']);
    expect(ports('redis')).toEqual(['6379-6379']);
    // Only the load balancer is open to the internet; the data stores only to the application.
    expect(rules.filter((r) => r.source === '0.0.0.0/0').every((r) => r.group === 'alb')).toBe(true);
    for (const store of ['db', 'redis']) {
      expect(
        rules
          .filter((r) => r.group === store)
          .map((r) => r.source)
          .sort(),
      ).toEqual(['api', 'worker']);
    }
  });

  it('put the data stores on the ports the application connects to', async () => {
    const tf = await loadMain();
    const ev = await evaluatorFor('test');
    expect(ev.value(tf.resources.aws_db_instance?.main?.port)).toBe(5432);
    expect(ev.value(tf.resources.aws_elasticache_replication_group?.main?.port)).toBe(6379);
    expect(tf.resources.aws_db_instance?.main?.vpc_security_group_ids).toEqual([
      '${aws_security_group.db.id}',
    ]);
    expect(tf.resources.aws_elasticache_replication_group?.main?.security_group_ids).toEqual([
      '${aws_security_group.redis.id}',
    ]);
  });
});

describe('IAM', () => {
  const statements = async (document: string) => {
    const tf = await loadMain();
    return (tf.data.aws_iam_policy_document?.[document]?.statement ?? []) as Block[];
  };

  it('lets the execution role read exactly the secrets the containers inject, and decrypt them', async () => {
    const tf = await loadMain();
    const injected = new Set<string>();
    for (const key of containerKeys) {
      for (const secret of (await containerDefinition(key)).secrets) injected.add(secret.valueFrom);
      const task = tf.resources.aws_ecs_task_definition?.[key] ?? {};
      expect(task.execution_role_arn).toBe('${aws_iam_role.execution.arn}');
    }
    expect(injected.size).toBeGreaterThan(0);
    const policy = await statements('execution');
    const read = policy.find((s) => (s.actions as string[]).includes('ssm:GetParameters'));
    // Both sides evaluated the same way: a reference to a parameter's ARN becomes the same stand-in.
    const ev = await evaluatorFor('test');
    expect(new Set(ev.value(read?.resources) as string[])).toEqual(injected);
    for (const name of Object.keys(tf.resources.aws_ssm_parameter ?? {})) {
      expect(tf.resources.aws_ssm_parameter?.[name]?.type).toBe('SecureString');
      expect(injected).toContain(ev.expr(`aws_ssm_parameter.${name}.arn`));
    }
    const decrypt = policy.find((s) => (s.actions as string[]).includes('kms:Decrypt'));
    expect(decrypt?.resources).toEqual(['${data.aws_kms_alias.ssm.target_key_arn}']);
    expect(tf.resources.aws_iam_role_policy?.execution?.role).toBe('${aws_iam_role.execution.id}');
  });

  it('pulls only from the project repositories and writes only its log groups', async () => {
    const policy = await statements('execution');
    const pull = policy.find((s) => (s.actions as string[]).includes('ecr:BatchGetImage'));
    expect((pull?.resources as string[]).sort()).toEqual([
      '${aws_ecr_repository.api.arn}',
      '${aws_ecr_repository.image_gen.arn}',
      '${aws_ecr_repository.worker.arn}',
    ]);
    const wildcard = policy.filter((s) => (s.resources as string[]).includes('*'));
    expect(wildcard.flatMap((s) => s.actions as string[])).toEqual(['ecr:GetAuthorizationToken']);
  });

  it('lets the API and workers use the images bucket, and gives the mock no AWS access', async () => {
    const tf = await loadMain();
    const tasks = tf.resources.aws_ecs_task_definition ?? {};
    expect(tasks.api?.task_role_arn).toBe('${aws_iam_role.app_task.arn}');
    expect(tasks.worker?.task_role_arn).toBe('${aws_iam_role.app_task.arn}');
    expect(tasks.image_gen?.task_role_arn).toBeUndefined();
    const resources = (await statements('app_task')).flatMap((s) => s.resources as string[]);
    expect(new Set(resources)).toEqual(
      new Set(['${aws_s3_bucket.images.arn}', '${aws_s3_bucket.images.arn}/*']),
    );
  });
});
