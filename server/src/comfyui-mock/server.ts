// The ComfyUI stand-in: the HTTP API and /ws event stream the worker uses, a FIFO queue that runs one
// prompt at a time taking steps × stepMs, real PNG outputs, and fault switches for reliability tests.
// Everything is served under `basePath` (MOCK_BASE_PATH), as the seed deploys it behind a load balancer.
import websocket from '@fastify/websocket';
import Fastify, { type FastifyInstance } from 'fastify';
import { loadCheckpoints, loadLoras } from '../db/seeds/catalogue';
import { Executor } from './executor';
import { faultRoutes, installFaultHooks } from './fault-routes';
import { definedOnly, FaultSwitch, noFaults, type MockFaults } from './faults';
import { ImageStore } from './image-store';
import type { ExtraInputs } from './node-classes';
import { PromptQueue } from './prompt-queue';
import { comfyRoutes } from './routes';
import { WsHub } from './ws-hub';

export { objectInfo } from './node-classes';
export type { MockFaults } from './faults';

export interface ComfyMockOptions {
  /** Path prefix of every route, /ws included (e.g. '/image-gen'). */
  basePath?: string;
  /** Model files the server offers; default the shipped catalogue. */
  checkpoints?: string[];
  loras?: string[];
  logger?: boolean;
  /** Time of one sampler step in ms (MOCK_STEP_MS); default 50. */
  stepMs?: number;
  /** Faults active from the start; DELETE /mock/faults returns to these. */
  faults?: Partial<MockFaults>;
  /** Where SaveImage writes; default a temporary directory removed on close. */
  outputDir?: string;
  /** Random source of failureRate, for reproducible tests. */
  random?: () => number;
  /** Required inputs this server adds to standard node classes (a newer or customised ComfyUI). */
  extraInputs?: ExtraInputs;
}

/** The programmatic side of the fault switches, for tests that hold the instance. */
export interface ComfyMockControl {
  faults(): MockFaults;
  setFaults(patch: Partial<MockFaults>): MockFaults;
  resetFaults(): MockFaults;
  /** Prompts pending plus the one running. */
  queueRemaining(): number;
  /** The most prompts it has held at once (pending plus running), to check a client's concurrency. */
  peakQueueRemaining(): number;
}

// A Fastify instance is thenable, so a decoration would vanish from the type of `await buildComfyMock()`;
// the control is looked up by instance instead.
const controls = new WeakMap<FastifyInstance, ComfyMockControl>();

/** The fault switches and queue of a mock built by buildComfyMock. */
export function comfyMockControl(app: FastifyInstance): ComfyMockControl {
  const control = controls.get(app);
  if (!control) throw new Error('not a ComfyUI mock built by buildComfyMock');
  return control;
}

const defaultStepMs = 50;

export async function buildComfyMock(options: ComfyMockOptions = {}): Promise<FastifyInstance> {
  const basePath = options.basePath ?? '';
  const lists = {
    checkpoints: options.checkpoints ?? loadCheckpoints().map((c) => c.filename),
    loras: options.loras ?? loadLoras().map((l) => l.filename),
  };
  // ComfyUI accepts prompt JSON whatever the content type (fetch sends text/plain by default).
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: 50 * 1024 * 1024 });
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => {
    const text = body.toString();
    if (text.trim() === '') return done(null, undefined);
    try {
      done(null, JSON.parse(text));
    } catch (error) {
      done(
        Object.assign(error instanceof Error ? error : new Error(String(error)), { statusCode: 400 }),
        undefined,
      );
    }
  });

  const hub = new WsHub();
  const faults = new FaultSwitch(
    { ...noFaults, ...definedOnly(options.faults ?? {}) },
    options.random,
    (now, before) => {
      if (now.refuseConnections && !before.refuseConnections) hub.dropAll();
    },
  );
  const queue = new PromptQueue(() =>
    hub.send('status', { status: { exec_info: { queue_remaining: queue.remaining() } } }),
  );
  const store = await ImageStore.open(options.outputDir);
  const executor = new Executor({
    queue,
    hub,
    store,
    faults,
    stepMs: options.stepMs ?? defaultStepMs,
    onCrash: (error) => app.log.error({ err: error }, 'comfyui mock: a run crashed'),
  });

  // Stop running before the sockets close (the plugin's default preClose just closes them), so the last
  // run is recorded and its final messages still go out.
  await app.register(websocket, {
    preClose: async () => {
      await executor.stop();
      for (const client of app.websocketServer.clients) client.close();
    },
  });
  installFaultHooks(app, faults, basePath);
  const parts = {
    queue,
    hub,
    executor,
    store,
    faults,
    lists,
    extraInputs: options.extraInputs ?? {},
    startedAt: Date.now(),
  };
  await app.register(
    async (mock) => {
      await mock.register(comfyRoutes(parts));
      await mock.register(faultRoutes(faults));
    },
    { prefix: basePath },
  );

  const control: ComfyMockControl = {
    faults: () => faults.get(),
    setFaults: (patch) => faults.set(patch),
    resetFaults: () => faults.reset(),
    queueRemaining: () => queue.remaining(),
    peakQueueRemaining: () => queue.peakRemaining(),
  };
  app.addHook('onClose', async () => {
    hub.dropAll();
    await store.close();
  });
  executor.start();
  controls.set(app, control);
  return app;
}
