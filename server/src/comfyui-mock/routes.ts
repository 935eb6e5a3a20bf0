// ComfyUI's HTTP API and /ws as server.py serves them: the same paths, answers and status codes,
// including the empty 200 answers of the POST actions and `{}` for an unknown history id.
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import type { FastifyInstance } from 'fastify';
import type { Executor } from './executor';
import type { FaultSwitch } from './faults';
import type { ImageStore } from './image-store';
import { nodeClass, nodeInfo, objectInfo, type ExtraInputs, type ModelLists } from './node-classes';
import type { PromptQueue } from './prompt-queue';
import { pyStr } from './python-text';
import { validatePrompt } from './validate-prompt';
import type { WsHub } from './ws-hub';

export interface MockParts {
  queue: PromptQueue;
  hub: WsHub;
  executor: Executor;
  store: ImageStore;
  faults: FaultSwitch;
  lists: ModelLists;
  extraInputs: ExtraInputs;
  startedAt: number;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const idList = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** A non-negative integer query parameter; undefined when absent, null when malformed. */
function intParam(raw: string | undefined): number | undefined | null {
  if (raw === undefined) return undefined;
  return /^-?\d+$/.test(raw) ? Number(raw) : null;
}

export function comfyRoutes(parts: MockParts) {
  const { queue, hub, executor, store, faults } = parts;
  // With the validationFailure fault the server behaves as if it had no model files at all.
  const lists = (): ModelLists =>
    faults.get().validationFailure ? { checkpoints: [], loras: [] } : parts.lists;
  const queueInfo = () => ({ exec_info: { queue_remaining: queue.remaining() } });

  return async (mock: FastifyInstance) => {
    mock.get('/health', async () => ({ status: 'ok' }));

    mock.get('/system_stats', async () => ({
      system: {
        os: 'posix',
        ram_total: os.totalmem(),
        ram_free: os.freemem(),
        comfyui_version: 'genonaut-mock',
        python_version: 'n/a',
        pytorch_version: 'n/a',
        embedded_python: false,
        argv: ['main.py'],
        uptime_seconds: Math.round((Date.now() - parts.startedAt) / 1000),
      },
      devices: [{ name: 'mock', type: 'cpu', index: 0, vram_total: 0, vram_free: 0 }],
    }));

    mock.get('/object_info', async () => objectInfo(lists(), parts.extraInputs));
    mock.get<{ Params: { nodeClass: string } }>('/object_info/:nodeClass', async (request) => {
      const name = request.params.nodeClass;
      const cls = nodeClass(name);
      return cls ? { [name]: nodeInfo(name, cls, lists(), parts.extraInputs) } : {};
    });

    mock.get('/prompt', async () => queueInfo());

    mock.post('/prompt', async (request, reply) => {
      const body: unknown = request.body;
      if (!isRecord(body) || !('prompt' in body)) {
        const error = {
          type: 'no_prompt',
          message: 'No prompt provided',
          details: 'No prompt provided',
          extra_info: {},
        };
        return reply.status(400).send({ error, node_errors: {} });
      }
      const number = queue.number(body.number, body.front);
      const promptId =
        body.prompt_id === undefined || body.prompt_id === null ? randomUUID() : pyStr(body.prompt_id);
      const result = validatePrompt(body.prompt, lists(), parts.extraInputs);
      if (!result.ok) return reply.status(400).send({ error: result.error, node_errors: result.nodeErrors });
      const extraData: Record<string, unknown> = isRecord(body.extra_data) ? { ...body.extra_data } : {};
      if ('client_id' in body) extraData.client_id = body.client_id;
      queue.put([number, promptId, result.prompt, extraData, result.outputs]);
      return { prompt_id: promptId, number, node_errors: result.nodeErrors };
    });

    mock.get('/queue', async () => queue.snapshot());

    mock.post('/queue', async (request, reply) => {
      const body = isRecord(request.body) ? request.body : {};
      if (body.clear === true) queue.clearPending();
      if ('delete' in body) queue.deletePending(idList(body.delete));
      return reply.status(200).send();
    });

    mock.post('/interrupt', async (request, reply) => {
      const body = isRecord(request.body) ? request.body : {};
      executor.interrupt(typeof body.prompt_id === 'string' && body.prompt_id ? body.prompt_id : undefined);
      return reply.status(200).send();
    });

    mock.get<{ Querystring: { max_items?: string; offset?: string } }>('/history', async (request, reply) => {
      const maxItems = intParam(request.query.max_items);
      const offset = intParam(request.query.offset);
      if (maxItems === null || offset === null)
        return reply.status(400).send('max_items and offset must be integers');
      return queue.listHistory(maxItems, offset ?? -1);
    });

    mock.get<{ Params: { promptId: string } }>('/history/:promptId', async (request) =>
      queue.historyOf(request.params.promptId),
    );

    mock.post('/history', async (request, reply) => {
      const body = isRecord(request.body) ? request.body : {};
      if (body.clear === true) queue.clearHistory();
      if ('delete' in body) queue.deleteHistory(idList(body.delete));
      return reply.status(200).send();
    });

    mock.get<{ Querystring: { filename?: string; subfolder?: string; type?: string } }>(
      '/view',
      async (request, reply) => {
        const result = await store.view(request.query);
        if (result.status !== 200) return reply.status(result.status).send();
        return reply
          .type('image/png')
          .header('content-disposition', `filename="${result.filename}"`)
          .send(result.bytes);
      },
    );

    mock.get<{ Querystring: { clientId?: string } }>('/ws', { websocket: true }, (socket, request) => {
      const sid = hub.add(socket, request.query.clientId);
      hub.send('status', { status: queueInfo(), sid }, sid);
      // server.py tells a client that reconnects during its own run which node is executing.
      const node = executor.executingNodeFor(sid);
      if (node !== null) hub.send('executing', { node }, sid);
    });
  };
}
