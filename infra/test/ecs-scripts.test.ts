// infra/scripts/ecs_status.sh and ecs_logs.sh against a stand-in aws (see script-stubs.ts): they look at
// the cluster, services and log groups Terraform creates, without reading any Terraform state.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluatorFor, loadMain } from './infra-files';
import { appliedEnvironment, callsOf, deployCheckout, option, type Checkout } from './script-stubs';

let checkout: Checkout;
beforeAll(async () => {
  checkout = await deployCheckout();
});
afterAll(async () => {
  await checkout.remove();
});

/** What Terraform names for the prod environment: cluster, services and log groups. */
async function prodNames() {
  const tf = await loadMain();
  const ev = await evaluatorFor('prod');
  const names = (resources: Record<string, Record<string, unknown>> | undefined, attribute: string) =>
    Object.fromEntries(Object.entries(resources ?? {}).map(([k, r]) => [k, String(ev.value(r[attribute]))]));
  return {
    cluster: String(ev.value(tf.resources.aws_ecs_cluster?.main?.name)),
    services: names(tf.resources.aws_ecs_service, 'name'),
    logGroups: names(tf.resources.aws_cloudwatch_log_group, 'name'),
  };
}

describe('ecs_status.sh', () => {
  it('shows the three services of the environment and their recent events', async () => {
    const names = await prodNames();
    const { code, stdout, calls } = await checkout.script(
      'ecs_status.sh',
      ['prod'],
      appliedEnvironment('prod'),
    );
    expect(code).toBe(0);
    const [table, ...events] = callsOf(calls, 'aws', 'ecs', 'describe-services');
    expect(option(table, '--cluster')).toBe(names.cluster);
    const services = [names.services.api, names.services.worker, names.services.image_gen];
    expect(table?.slice(table.indexOf('--services') + 1, table.indexOf('--services') + 4)).toEqual(services);
    expect(option(table, '--output')).toBe('table');
    expect(events.map((c) => [option(c, '--cluster'), option(c, '--services')])).toEqual(
      services.map((s) => [names.cluster, s]),
    );
    expect(stdout).toContain(`Recent events of ${names.services.worker}`);
    expect(callsOf(calls, 'terraform')).toEqual([]);
  });
});

describe('ecs_logs.sh', () => {
  it("tails the service's log group, under the seed's names too, with --since and --follow", async () => {
    const names = await prodNames();
    const cases: [string[], string, string[]][] = [
      [['api', 'prod'], names.logGroups.api ?? '', ['--since', '30m', '--format', 'short']],
      [
        ['celery', 'prod', '--follow'],
        names.logGroups.worker ?? '',
        ['--since', '30m', '--format', 'short', '--follow'],
      ],
      [
        ['imagegen', 'prod', '--since', '2h'],
        names.logGroups.image_gen ?? '',
        ['--since', '2h', '--format', 'short'],
      ],
    ];
    for (const [args, group, rest] of cases) {
      const { code, calls } = await checkout.script('ecs_logs.sh', args, appliedEnvironment('prod'));
      expect(code).toBe(0);
      expect(callsOf(calls, 'aws', 'logs')).toEqual([['aws', 'logs', 'tail', group, ...rest]]);
    }
  });

  it('refuses an unknown service or option before calling AWS', async () => {
    const service = await checkout.script('ecs_logs.sh', ['db', 'prod'], appliedEnvironment('prod'));
    expect(service.code).toBe(1);
    expect(service.stderr).toContain("unknown service 'db' (one of: api, worker, image-gen)");
    const flag = await checkout.script('ecs_logs.sh', ['api', 'prod', '--tail'], appliedEnvironment('prod'));
    expect(flag.code).toBe(2);
    expect(service.calls.concat(flag.calls)).toEqual([]);
  });
});
