// Answers and recorders for the generate page's endpoints: the model catalogue, jobs (submit, read,
// list, cancel, retry, delete). Install with server.use().
import { http, HttpResponse } from 'msw';
import type {
  Checkpoint,
  CreateJobBody,
  ErrorResponse,
  GenerationJob,
  JobEvent,
  JobPage,
  Lora,
  LoraPage,
} from '@genonaut/contracts';
import { makeJob, makePage } from './fixtures';
import { API, realtime } from './handlers';

export function makeCheckpoint(filename: string, overrides: Partial<Checkpoint> = {}): Checkpoint {
  return {
    filename,
    name: filename.replace(/\.safetensors$/, ''),
    architecture: 'sdxl',
    family: null,
    description: null,
    rating: null,
    tags: [],
    isAvailable: true,
    availableOn: ['local'],
    ...overrides,
  };
}

export function makeLora(filename: string, overrides: Partial<Lora> = {}): Lora {
  return {
    filename,
    name: filename.replace(/\.safetensors$/, ''),
    compatibleArchitectures: ['sdxl'],
    description: null,
    rating: null,
    tags: [],
    triggerWords: [],
    optimalCheckpoints: [],
    recommendedStrength: 0.8,
    isAvailable: true,
    availableOn: ['local'],
    ...overrides,
  };
}

export const checkpoints = [
  makeCheckpoint('sdxl_base.safetensors', { name: 'SDXL Base' }),
  makeCheckpoint('sd15_dream.safetensors', { name: 'Dream 1.5', architecture: 'sd15' }),
  makeCheckpoint('flux_dev.safetensors', { name: 'Flux Dev', architecture: 'flux', isAvailable: false }),
];

/** LoRAs with compatibility flags computed for the asked checkpoint, as the API does. */
export const loras = [
  makeLora('detail_xl.safetensors', { name: 'Detail XL', triggerWords: ['ultra detailed', 'sharp'] }),
  makeLora('anime_15.safetensors', { name: 'Anime 1.5', compatibleArchitectures: ['sd15'] }),
];

const archOf = (filename: string | null) => checkpoints.find((c) => c.filename === filename)?.architecture;

export function catalogueHandlers() {
  return [
    http.get<never, never, { items: Checkpoint[] }>(`${API}/models/checkpoints`, () =>
      HttpResponse.json({ items: checkpoints }),
    ),
    http.get<never, never, LoraPage>(`${API}/models/loras`, ({ request }) => {
      const checkpoint = new URL(request.url).searchParams.get('checkpoint');
      const arch = archOf(checkpoint);
      const items = loras.map((lora) =>
        checkpoint
          ? {
              ...lora,
              isCompatible: arch !== undefined && lora.compatibleArchitectures.includes(arch),
              isOptimal: false,
            }
          : lora,
      );
      return HttpResponse.json(makePage(items));
    }),
  ];
}

/**
 * An in-memory job store behind every job endpoint, recording what was sent. Jobs are answered
 * newest first and paged by id cursor, as the API does.
 */
export function jobStore(initial: GenerationJob[] = []) {
  const jobs = new Map(initial.map((job) => [job.id, job]));
  const submitted: CreateJobBody[] = [];
  const listQueries: URLSearchParams[] = [];
  const calls: string[] = [];
  let nextId = 100;
  const notFound = () =>
    HttpResponse.json<ErrorResponse>(
      { error: { code: 'not_found', message: 'Job not found' } },
      { status: 404 },
    );
  const update = (id: number, patch: Partial<GenerationJob>) => {
    const job = jobs.get(id);
    if (!job) return notFound();
    const next = { ...job, ...patch };
    jobs.set(id, next);
    return HttpResponse.json<GenerationJob>(next);
  };

  const handlers = [
    http.post<never, CreateJobBody, GenerationJob>(`${API}/generation-jobs`, async ({ request }) => {
      const body = await request.json();
      submitted.push(body);
      const job = makeJob(nextId++, {
        status: 'queued',
        progress: 0,
        startedAt: null,
        prompt: body.prompt,
        checkpoint: body.checkpoint,
        batchSize: body.batchSize ?? 1,
        seed: body.seed === undefined || body.seed < 0 ? 1234 : body.seed,
      });
      jobs.set(job.id, job);
      return HttpResponse.json(job, { status: 202 });
    }),
    http.get<never, never, JobPage>(`${API}/generation-jobs`, ({ request }) => {
      const params = new URL(request.url).searchParams;
      listQueries.push(params);
      const statuses = params.get('status')?.split(',');
      const cursor = params.get('cursor');
      const pageSize = Number(params.get('pageSize') ?? '25');
      const matching = [...jobs.values()]
        .filter((job) => !statuses || statuses.includes(job.status))
        .filter((job) => cursor === null || job.id < Number(cursor))
        .sort((a, b) => b.id - a.id);
      const items = matching.slice(0, pageSize);
      const hasNext = matching.length > pageSize;
      return HttpResponse.json({
        items,
        pagination: {
          pageSize,
          hasNext,
          hasPrevious: cursor !== null,
          nextCursor: hasNext ? String(items.at(-1)?.id) : null,
          prevCursor: null,
        },
      });
    }),
    http.get<{ id: string }, never, GenerationJob | ErrorResponse>(
      `${API}/generation-jobs/:id`,
      ({ params }) => {
        const job = jobs.get(Number(params.id));
        return job ? HttpResponse.json(job) : notFound();
      },
    ),
    http.post<{ id: string }, never, GenerationJob | ErrorResponse>(
      `${API}/generation-jobs/:id/cancel`,
      ({ params }) => {
        calls.push(`cancel ${params.id}`);
        return update(Number(params.id), { status: 'cancelled' });
      },
    ),
    http.post<{ id: string }, never, GenerationJob | ErrorResponse>(
      `${API}/generation-jobs/:id/retry`,
      ({ params }) => {
        calls.push(`retry ${params.id}`);
        const job = jobs.get(Number(params.id));
        return update(Number(params.id), {
          status: 'queued',
          progress: 0,
          error: null,
          attempts: (job?.attempts ?? 0) + 1,
        });
      },
    ),
    http.delete<{ id: string }, never, null | ErrorResponse>(`${API}/generation-jobs/:id`, ({ params }) => {
      calls.push(`delete ${params.id}`);
      if (!jobs.delete(Number(params.id))) return notFound();
      return new HttpResponse(null, { status: 204 });
    }),
  ];
  return { handlers, jobs, submitted, listQueries, calls };
}

/** Records the job ids every socket subscribes to. */
export function subscriptions() {
  const subscribed: number[][] = [];
  const handler = realtime.addEventListener('connection', ({ client }) => {
    client.addEventListener('message', (event) => {
      const message = JSON.parse(event.data as string) as { type: string; jobIds?: number[] };
      if (message.type === 'subscribe' && message.jobIds) subscribed.push(message.jobIds);
    });
  });
  return { handler, subscribed, all: () => subscribed.flat() };
}

/** Pushes a job event to every connected socket. */
export function sendJobEvent(event: Omit<JobEvent, 'type'>) {
  const message: JobEvent = { type: 'job', ...event };
  realtime.broadcast(JSON.stringify(message));
}
