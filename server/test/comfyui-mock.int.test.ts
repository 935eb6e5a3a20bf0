// The ComfyUI mock over real HTTP and a real WebSocket: the event stream of a run in ComfyUI's order,
// history, /view with real PNGs, validation errors and the base path. Queue and faults: the -faults file.
import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import type { HistoryResponse, PromptResponse, PromptValidationError } from '@genonaut/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleExecutionOrder } from '../src/comfyui-mock/example-workflow';
import { comfyMockControl } from '../src/comfyui-mock/server';
import { loadCheckpoints } from '../src/db/seeds/catalogue';
import { paintImage, readPngTextChunks } from '../src/images/render-image';
import {
  checkpoint,
  getJson,
  historyOf,
  post,
  query,
  settled,
  startMock,
  submit,
  workflow,
  WsClient,
  type Mock,
} from './comfyui-mock-helpers';

describe('a run', () => {
  let mock: Mock;
  beforeAll(async () => {
    mock = await startMock();
  });
  afterAll(() => mock.app.close());

  it('streams ComfyUI events in order, records history and serves the PNGs of the batch', async () => {
    const clientId = randomUUID();
    const ws = await WsClient.connect(mock, clientId);
    expect(ws.messages[0]).toEqual({
      type: 'status',
      data: { status: { exec_info: { queue_remaining: 0 } }, sid: clientId },
    });
    const prompt = workflow({ batchSize: 2, steps: 4, seed: 42 });
    const { prompt_id: promptId, number, node_errors } = await submit(mock, prompt, clientId);
    expect(node_errors).toEqual({});
    expect(typeof number).toBe('number');
    await ws.finished(promptId);
    ws.close();

    const executing = exampleExecutionOrder.map(() => 'executing');
    expect(ws.types()).toEqual([
      'status',
      'status', // queued
      'status', // taken from the queue
      'execution_start',
      'execution_cached',
      ...executing.slice(0, 6),
      'progress',
      'progress',
      'progress',
      'progress',
      ...executing.slice(6),
      'executed',
      'execution_success',
      'status',
      'executing',
    ]);
    const nodes = ws.messages.filter((m) => m.type === 'executing').map((m) => m.data.node);
    expect(nodes).toEqual([...exampleExecutionOrder, null]);
    const progress = ws.messages.filter((m) => m.type === 'progress').map((m) => m.data);
    expect(progress).toEqual(
      [1, 2, 3, 4].map((value) => ({ value, max: 4, prompt_id: promptId, node: '3' })),
    );
    expect(ws.messages.filter((m) => m.type === 'status').map((m) => m.data.status)).toEqual(
      [0, 1, 1, 0].map((n) => ({ exec_info: { queue_remaining: n } })),
    );
    const images = [
      { filename: 'job-12_00001_.png', subfolder: 'genonaut', type: 'output' },
      { filename: 'job-12_00002_.png', subfolder: 'genonaut', type: 'output' },
    ];
    expect(ws.messages.find((m) => m.type === 'executed')?.data).toEqual({
      node: '9',
      display_node: '9',
      output: { images },
      prompt_id: promptId,
    });
    expect(ws.messages.find((m) => m.type === 'execution_start')?.data).toEqual({
      prompt_id: promptId,
      timestamp: expect.any(Number),
    });
    expect(ws.messages.find((m) => m.type === 'execution_cached')?.data).toMatchObject({ nodes: [] });

    const entry = await historyOf(mock, promptId);
    expect(entry.outputs).toEqual({ '9': { images } });
    expect(entry.prompt).toEqual([number, promptId, prompt, { client_id: clientId }, ['9']]);
    expect(entry.status.status_str).toBe('success');
    expect(entry.status.completed).toBe(true);
    expect(entry.status.messages.map(([event]) => event)).toEqual([
      'execution_start',
      'execution_cached',
      'execution_success',
    ]);

    const pictures: Buffer[] = [];
    for (const [index, image] of images.entries()) {
      const response = await fetch(`${mock.url}/view?${query(image)}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('image/png');
      const png = Buffer.from(await response.arrayBuffer());
      const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
      expect([info.width, info.height]).toEqual([64, 48]);
      // The picture is the positive prompt's at the sampler's seed plus the batch index.
      const expected = paintImage({
        prompt: 'a lighthouse on a cliff at dusk',
        seed: 42 + index,
        width: 64,
        height: 48,
      });
      expect(data.equals(expected.pixels)).toBe(true);
      const chunks = readPngTextChunks(png);
      expect(JSON.parse(chunks.prompt ?? '')).toEqual(prompt);
      expect(chunks.workflow).toBeDefined();
      pictures.push(data);
    }
    expect(pictures[0]?.equals(pictures[1] ?? Buffer.alloc(0))).toBe(false);
  });

  it('continues the file counter of a prefix and writes the client UI workflow into the PNG', async () => {
    const ui = { nodes: [], links: [], version: 0.4 };
    const response = await post(mock, '/prompt', {
      prompt: workflow({ filenamePrefix: 'genonaut/job-12', steps: 1 }),
      extra_data: { extra_pnginfo: { workflow: ui } },
    });
    const { prompt_id: promptId } = (await response.json()) as PromptResponse;
    await settled(mock, promptId);
    const entry = await historyOf(mock, promptId);
    const image = entry.outputs['9']?.images?.[0];
    expect(image?.filename).toBe('job-12_00003_.png');
    const png = Buffer.from(await (await fetch(`${mock.url}/view?${query(image)}`)).arrayBuffer());
    expect(JSON.parse(readPngTextChunks(png).workflow ?? '')).toEqual(ui);
  });

  it('lists and prunes the history', async () => {
    const all = await getJson<HistoryResponse>(mock, '/history');
    expect(Object.keys(all).length).toBeGreaterThanOrEqual(2);
    const newest = await getJson<HistoryResponse>(mock, '/history?max_items=1');
    expect(Object.keys(newest)).toEqual([Object.keys(all).at(-1)]);
    const [first] = Object.keys(all);
    expect((await post(mock, '/history', { delete: [first] })).status).toBe(200);
    expect(await getJson(mock, `/history/${first}`)).toEqual({});
    await post(mock, '/history', { clear: true });
    expect(await getJson(mock, '/history')).toEqual({});
  });

  it('refuses path traversal and unknown files on /view', async () => {
    const view = async (params: Record<string, string>) =>
      (await fetch(`${mock.url}/view?${query(params)}`)).status;
    expect(await view({ filename: '../secret.png', subfolder: '', type: 'output' })).toBe(400);
    expect(await view({ filename: '/etc/passwd' })).toBe(400);
    expect(await view({ filename: 'job-12_00001_.png', subfolder: '../..', type: 'output' })).toBe(403);
    expect(await view({ filename: 'job-12_00001_.png', subfolder: '/etc' })).toBe(403);
    expect(await view({ filename: 'job-12_00001_.png', subfolder: 'genonaut', type: 'bogus' })).toBe(400);
    expect(await view({ filename: 'nothing_00001_.png', subfolder: 'genonaut' })).toBe(404);
  });

  it('describes every node class it knows on /object_info', async () => {
    const info = await getJson<Record<string, { input: { required: Record<string, unknown[]> } }>>(
      mock,
      '/object_info',
    );
    expect(Object.keys(info)).toEqual(
      expect.arrayContaining(['CheckpointLoaderSimple', 'LoraLoader', 'CLIPTextEncode', 'EmptyLatentImage']),
    );
    expect(Object.keys(info.KSampler?.input.required ?? {})).toContain('sampler_name');
    const one = await getJson<typeof info>(mock, '/object_info/CheckpointLoaderSimple');
    expect(one.CheckpointLoaderSimple?.input.required.ckpt_name?.[0]).toContain(checkpoint);
    expect(await getJson(mock, '/object_info/Nope')).toEqual({});
  });
});

describe('validation over HTTP', () => {
  let mock: Mock;
  beforeAll(async () => {
    mock = await startMock();
  });
  afterAll(() => mock.app.close());

  async function rejected(prompt: unknown): Promise<PromptValidationError> {
    const response = await post(mock, '/prompt', { prompt });
    expect(response.status).toBe(400);
    return (await response.json()) as PromptValidationError;
  }

  it('answers 400 with ComfyUI node_errors for a model file the server does not have', async () => {
    const body = await rejected(workflow({ checkpoint: 'missing.safetensors' }));
    const names = loadCheckpoints().map((c) => `'${c.filename}'`);
    expect(body).toEqual({
      error: {
        type: 'prompt_outputs_failed_validation',
        message: 'Prompt outputs failed validation',
        details: '',
        extra_info: {},
      },
      node_errors: {
        '4': {
          errors: [
            {
              type: 'value_not_in_list',
              message: 'Value not in list',
              details: `ckpt_name: 'missing.safetensors' not in [${names.join(', ')}]`,
              extra_info: {
                input_name: 'ckpt_name',
                input_config: expect.any(Array),
                received_value: 'missing.safetensors',
              },
            },
          ],
          dependent_outputs: ['9'],
          class_type: 'CheckpointLoaderSimple',
        },
      },
    });
  });

  it('names a missing input, a bad link and an unknown class', async () => {
    const missing = workflow();
    delete missing['5']?.inputs.batch_size;
    expect((await rejected(missing)).node_errors['5']?.errors[0]).toMatchObject({
      type: 'required_input_missing',
      details: 'batch_size',
    });
    const badLink = workflow();
    if (badLink['8']) badLink['8'].inputs.vae = ['4', 1];
    expect((await rejected(badLink)).node_errors['8']?.errors[0]).toMatchObject({
      type: 'return_type_mismatch',
      details: 'vae, received_type(CLIP) mismatch input_type(VAE)',
    });
    const unknown = workflow();
    if (unknown['3']) unknown['3'].class_type = 'FancySampler';
    expect(await rejected(unknown)).toMatchObject({
      error: { type: 'invalid_prompt', message: 'Cannot execute because node FancySampler does not exist.' },
      node_errors: {},
    });
    const response = await post(mock, '/prompt', { client_id: 'x' });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { type: 'no_prompt' } });
  });

  it('reads the prompt as JSON whatever the content type, as ComfyUI does', async () => {
    // fetch() with a string body and no headers sends text/plain; ComfyUI parses it anyway.
    const response = await fetch(`${mock.url}/prompt`, {
      method: 'POST',
      body: JSON.stringify({ prompt: workflow({ steps: 1 }) }),
    });
    expect(response.status).toBe(200);
    await settled(mock, ((await response.json()) as PromptResponse).prompt_id);
  });

  it('fails every prompt like a server without models under the validationFailure fault', async () => {
    comfyMockControl(mock.app).setFaults({ validationFailure: true });
    const body = await rejected(workflow());
    expect(body.node_errors['4']?.errors[0]?.details).toBe(`ckpt_name: '${checkpoint}' not in []`);
    comfyMockControl(mock.app).resetFaults();
  });
});

describe('under a base path', () => {
  let mock: Mock;
  beforeAll(async () => {
    mock = await startMock({ basePath: '/image-gen' });
  });
  afterAll(() => mock.app.close());

  it('serves the API, /view and /ws under the prefix only', async () => {
    expect(await getJson(mock, '/health')).toEqual({ status: 'ok' });
    expect((await fetch(`${new URL(mock.url).origin}/health`)).status).toBe(404);
    const clientId = randomUUID();
    const ws = await WsClient.connect(mock, clientId);
    const { prompt_id: promptId } = await submit(mock, workflow({ steps: 2 }), clientId);
    await ws.finished(promptId);
    ws.close();
    const image = (await historyOf(mock, promptId)).outputs['9']?.images?.[0];
    const response = await fetch(`${mock.url}/view?${query(image)}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
  });
});
