// The small interface the generation pipeline uses to talk to an image server. ComfyUI is the engine we
// ship (comfyui/comfy-backend.ts); another one (the seed names AUTOMATIC1111) goes beside it by
// implementing this interface, without touching the pipeline, the scheduler or the API.

/** Everything an engine needs to make a job's images; engines map it to their own request format. */
export interface ImageRequest {
  jobId: number;
  prompt: string;
  negativePrompt: string;
  checkpoint: string;
  loras: { name: string; strengthModel: number; strengthClip: number }[];
  width: number;
  height: number;
  batchSize: number;
  /** Resolved (never -1); image i of the batch uses seed + i. */
  seed: number;
  steps: number;
  cfg: number;
  sampler: string;
  scheduler: string;
  denoise: number;
}

export interface RunOptions {
  /** A run id from an earlier attempt of the same job on this backend, to resume instead of resubmitting. */
  resumeRunId?: string | null;
  /** Called once the server accepted the request, so the job records the run id before waiting. */
  onSubmitted?: (runId: string) => Promise<void>;
  /** Fractions in [0, 1], in any order; the caller keeps them monotone and throttles them. */
  onProgress?: (fraction: number) => void;
  /** Polled while waiting; true ends the run with BackendInterruptedError. */
  isCancelled?: () => Promise<boolean>;
  timeoutMs: number;
}

/** One finished image, fetched on demand (no shared disk between the server and the worker). */
export interface OutputImage {
  name: string;
  fetch(): Promise<Buffer>;
}

export interface RunResult {
  runId: string;
  images: OutputImage[];
}

export interface ImageBackend {
  /** The configured name (COMFYUI_URLS `name=url`), unique among the backends. */
  readonly name: string;
  /** Which engine speaks here, e.g. `comfyui`. */
  readonly engine: string;
  readonly url: string;
  /** Requests queued or running on the server; throws BackendUnavailableError when it cannot be reached. */
  load(): Promise<number>;
  /** Runs one request to the end. Errors are the classes of backend-errors.ts. */
  run(request: ImageRequest, options: RunOptions): Promise<RunResult>;
  /** Frees the server from a run nobody wants any more: drops it from the queue or interrupts it. */
  abandon(runId: string): Promise<void>;
  /** The model files the server has, by file name. */
  models(): Promise<{ checkpoints: string[]; loras: string[] }>;
}
