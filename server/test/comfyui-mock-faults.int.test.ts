// The ComfyUI mock's queue, interrupt, fault switches and shutdown, over real HTTP and WebSocket.
import { randomUUID } from 'node:crypto';
import type { QueueResponse } from '@genonaut/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { comfyMockControl } from '../src/comfyui-mock/server';
import {
  getJson,
  historyOf,
  post,
  settled,
  startMock,
  submit,
  workflow,
  WsClient,
  type Mock,
} from './comfyui-mock-helpers';

describe('the queue', () => {
  let mock: Mock;
  beforeAll(async () => {
    // Slow steps keep the first prompt running while the test looks at the queue.
    mock = await startMock({ stepMs: 20 });
  });
  afterAll(() => mock.app.close());

  it('lists running and pending prompts, deletes and clears pending ones, and interrupts the running one', async () => {
    const clientId = randomUUID();
    const ws = await WsClient.connect(mock, clientId);
    const running = await submit(mock, workflow({ steps: 500 }), clientId);
    const second = await submit(mock, workflow(), clientId);
    const third = await submit(mock, workflow(), clientId);
    await ws.next((m) => m.type === 'progress');

    const queue = await getJson<QueueResponse>(mock, '/queue');
    expect(queue.queue_running.map((item) => item[1])).toEqual([running.prompt_id]);
    expect(queue.queue_pending.map((item) => item[1])).toEqual([second.prompt_id, third.prompt_id]);
    expect(queue.queue_pending[0]).toEqual([
      second.number,
      second.prompt_id,
      workflow(),
      { client_id: clientId },
      ['9'],
    ]);
    expect(await getJson(mock, '/prompt')).toEqual({ exec_info: { queue_remaining: 3 } });

    expect((await post(mock, '/queue', { delete: [second.prompt_id, running.prompt_id] })).status).toBe(200);
    const afterDelete = await getJson<QueueResponse>(mock, '/queue');
    expect(afterDelete.queue_pending.map((item) => item[1])).toEqual([third.prompt_id]);
    expect(afterDelete.queue_running).toHaveLength(1);
    await post(mock, '/queue', { clear: true });
    expect((await getJson<QueueResponse>(mock, '/queue')).queue_pending).toEqual([]);

    // An interrupt aimed at another prompt leaves the running one alone.
    await post(mock, '/interrupt', { prompt_id: third.prompt_id });
    expect((await getJson<QueueResponse>(mock, '/queue')).queue_running).toHaveLength(1);
    const interrupt = await fetch(`${mock.url}/interrupt`, { method: 'POST' });
    expect(interrupt.status).toBe(200);
    await ws.finished(running.prompt_id);
    ws.close();

    const interrupted = ws.messages.find((m) => m.type === 'execution_interrupted');
    expect(interrupted?.data).toMatchObject({
      prompt_id: running.prompt_id,
      node_id: '3',
      node_type: 'KSampler',
    });
    expect(ws.types()).not.toContain('execution_success');
    const entry = await historyOf(mock, running.prompt_id);
    expect(entry.status).toMatchObject({ status_str: 'error', completed: false });
    expect(entry.status.messages.map(([event]) => event)).toEqual([
      'execution_start',
      'execution_cached',
      'execution_interrupted',
    ]);
    expect(entry.outputs).toEqual({});
    expect(await getJson(mock, `/history/${second.prompt_id}`)).toEqual({});
    expect(await getJson(mock, '/prompt')).toEqual({ exec_info: { queue_remaining: 0 } });
  });
});

describe('fault switches', () => {
  let mock: Mock;
  beforeAll(async () => {
    mock = await startMock();
  });
  afterAll(() => mock.app.close());

  it('fails runs with execution_error and an error history entry at failureRate 1', async () => {
    const set = await post(mock, '/mock/faults', { failureRate: 1 });
    expect(await set.json()).toMatchObject({ failureRate: 1, dropSockets: false });
    const clientId = randomUUID();
    const ws = await WsClient.connect(mock, clientId);
    const { prompt_id: promptId } = await submit(mock, workflow({ steps: 6 }), clientId);
    await ws.finished(promptId);
    ws.close();
    await fetch(`${mock.url}/mock/faults`, { method: 'DELETE' });

    const error = ws.messages.find((m) => m.type === 'execution_error');
    expect(error?.data).toMatchObject({
      prompt_id: promptId,
      node_id: '3',
      node_type: 'KSampler',
      exception_type: 'RuntimeError',
      exception_message: expect.stringContaining('Simulated failure'),
    });
    expect(ws.messages.filter((m) => m.type === 'progress')).toHaveLength(3);
    expect(ws.types()).not.toContain('execution_success');
    const entry = await historyOf(mock, promptId);
    expect(entry.status).toMatchObject({ status_str: 'error', completed: false });
    const [event, data] = entry.status.messages.at(-1) ?? [];
    expect(event).toBe('execution_error');
    expect(data).toMatchObject({ exception_message: expect.stringContaining('Simulated failure') });
  });

  it('fails exactly the next n runs with failNext', async () => {
    comfyMockControl(mock.app).setFaults({ failNext: 1 });
    const failed = await submit(mock, workflow({ steps: 1 }));
    const passed = await submit(mock, workflow({ steps: 1 }));
    await settled(mock, passed.prompt_id);
    expect((await historyOf(mock, failed.prompt_id)).status.status_str).toBe('error');
    expect((await historyOf(mock, passed.prompt_id)).status.status_str).toBe('success');
    expect(comfyMockControl(mock.app).faults().failNext).toBe(0);
  });

  it('drops WebSocket connections after execution_start while the run goes on', async () => {
    await post(mock, '/mock/faults', { dropSockets: true });
    const clientId = randomUUID();
    const ws = await WsClient.connect(mock, clientId);
    const { prompt_id: promptId } = await submit(mock, workflow({ steps: 10 }), clientId);
    expect(await ws.closed).toBe(1006);
    expect(ws.types()).toContain('execution_start');
    expect(ws.types()).not.toContain('execution_success');
    await post(mock, '/mock/faults', { dropSockets: false });
    await settled(mock, promptId);
    expect((await historyOf(mock, promptId)).status.status_str).toBe('success');
  });

  it('looks down while refusing connections, except for the fault switches', async () => {
    comfyMockControl(mock.app).setFaults({ refuseConnections: true });
    await expect(fetch(`${mock.url}/prompt`)).rejects.toThrow();
    const socket = new WebSocket(`${mock.url.replace('http', 'ws')}/ws`);
    await new Promise<void>((resolve) => socket.on('error', () => resolve()));
    expect((await getJson<{ refuseConnections: boolean }>(mock, '/mock/faults')).refuseConnections).toBe(
      true,
    );
    await post(mock, '/mock/faults', { refuseConnections: false });
    expect(await getJson(mock, '/prompt')).toEqual({ exec_info: { queue_remaining: 0 } });
  });

  it('answers 500 to the next n requests, and rejects bad fault values', async () => {
    await post(mock, '/mock/faults', { serverErrorNext: 1 });
    const failed = await fetch(`${mock.url}/prompt`);
    expect(failed.status).toBe(500);
    expect((await fetch(`${mock.url}/prompt`)).status).toBe(200);
    const bad = await post(mock, '/mock/faults', { failureRate: 2, colour: 'red' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { problems: string[] }).problems).toHaveLength(2);
  });

  it('stretches the step time with slowFactor', async () => {
    comfyMockControl(mock.app).setFaults({ slowFactor: 20 });
    const started = Date.now();
    const { prompt_id: promptId } = await submit(mock, workflow({ steps: 3 }));
    await settled(mock, promptId);
    expect(Date.now() - started).toBeGreaterThanOrEqual(3 * 5 * 20);
    comfyMockControl(mock.app).resetFaults();
  });
});

describe('closing', () => {
  it('stops the running prompt at once', async () => {
    const other = await startMock({ stepMs: 50 });
    await submit(other, workflow({ steps: 10_000 }));
    await new Promise((resolve) => setTimeout(resolve, 100));
    // The prompt would run for 500 s: a close that waited for it would end this test at its timeout.
    await other.app.close();
    expect(comfyMockControl(other.app).queueRemaining()).toBe(0);
  });
});
