// The ComfyUI stand-in. This first part answers what health checks and the model sync read (system
// stats and the model lists of /object_info); the prompt queue, history, /view and the WebSocket event
// stream are the generation pipeline's part of the mock.
import Fastify, { type FastifyInstance } from 'fastify';
import { loadCheckpoints, loadLoras } from '../db/seeds/catalogue';

export interface ComfyMockOptions {
  basePath?: string;
  checkpoints?: string[];
  loras?: string[];
  logger?: boolean;
}

export function objectInfo(checkpoints: string[], loras: string[]) {
  return {
    CheckpointLoaderSimple: {
      input: { required: { ckpt_name: [checkpoints] } },
      output: ['MODEL', 'CLIP', 'VAE'],
      name: 'CheckpointLoaderSimple',
      category: 'loaders',
    },
    LoraLoader: {
      input: {
        required: {
          model: ['MODEL'],
          clip: ['CLIP'],
          lora_name: [loras],
          strength_model: ['FLOAT', { default: 1, min: -100, max: 100, step: 0.01 }],
          strength_clip: ['FLOAT', { default: 1, min: -100, max: 100, step: 0.01 }],
        },
      },
      output: ['MODEL', 'CLIP'],
      name: 'LoraLoader',
      category: 'loaders',
    },
  };
}

export async function buildComfyMock(options: ComfyMockOptions = {}): Promise<FastifyInstance> {
  const checkpoints = options.checkpoints ?? loadCheckpoints().map((c) => c.filename);
  const loras = options.loras ?? loadLoras().map((l) => l.filename);
  const info = objectInfo(checkpoints, loras);
  const app = Fastify({ logger: options.logger ?? false });
  const started = Date.now();

  await app.register(
    (mock, _opts, done) => {
      mock.get('/health', () => ({ status: 'ok' }));
      mock.get('/system_stats', () => ({
        system: {
          os: 'posix',
          comfyui_version: 'genonaut-mock',
          python_version: 'n/a',
          embedded_python: false,
          uptime_seconds: Math.round((Date.now() - started) / 1000),
        },
        devices: [{ name: 'mock', type: 'cpu', index: 0, vram_total: 0, vram_free: 0 }],
      }));
      mock.get('/object_info', () => info);
      mock.get<{ Params: { nodeClass: string } }>('/object_info/:nodeClass', (request, reply) => {
        const node = info[request.params.nodeClass as keyof typeof info];
        return node ? { [request.params.nodeClass]: node } : reply.status(200).send({});
      });
      done();
    },
    { prefix: options.basePath ?? '' },
  );
  return app;
}
