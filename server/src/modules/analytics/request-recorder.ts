// Buffers request records in memory and writes them to the stream in batches (a pipeline of XADDs with
// an approximate MAXLEN, each entry carrying up to batchSize records), so a request never waits for Redis: record() is a push onto an array.
// When Redis is down the batch is dropped and counted: analytics are worth less than the memory or the
// latency it would take to keep them. Memory stays bounded by maxBuffered.
import type { Redis } from 'ioredis';
import { encodeBatch, type RequestRecord } from './request-stream';

export interface RecorderOptions {
  streamKey: string;
  /** MAXLEN ~ of the stream: the newest entries the rollup has not consumed yet are what is kept. */
  maxStreamLength: number;
  batchSize?: number;
  flushIntervalMs?: number;
  maxBuffered?: number;
  /** Told about dropped records at most once per logEveryMs. */
  warn: (message: string) => void;
  logEveryMs?: number;
}

export interface RecorderStats {
  recorded: number;
  written: number;
  dropped: number;
}

export class RequestRecorder {
  private buffer: RequestRecord[] = [];
  private flushing: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private lastWarnAt = 0;
  private droppedSinceWarn = 0;
  readonly stats: RecorderStats = { recorded: 0, written: 0, dropped: 0 };
  private readonly batchSize: number;
  private readonly maxBuffered: number;

  constructor(
    private readonly redis: Redis,
    private readonly options: RecorderOptions,
  ) {
    this.batchSize = options.batchSize ?? 500;
    this.maxBuffered = options.maxBuffered ?? 20_000;
  }

  /** Flushes every flushIntervalMs; the timer does not keep the process alive. */
  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.flush(), this.options.flushIntervalMs ?? 1_000);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** The hot path: no I/O, no await. */
  record(entry: RequestRecord): void {
    this.stats.recorded += 1;
    if (this.buffer.length >= this.maxBuffered) {
      this.drop(1);
      return;
    }
    this.buffer.push(entry);
    if (this.buffer.length >= this.batchSize && !this.flushing) void this.flush();
  }

  /** Writes what is buffered; resolves when that batch (and any flush already running) is done. */
  async flush(): Promise<void> {
    while (this.flushing) await this.flushing;
    if (this.buffer.length === 0) return;
    const batch = this.buffer;
    this.buffer = [];
    this.flushing = this.write(batch).finally(() => {
      this.flushing = null;
    });
    await this.flushing;
  }

  get bufferedCount(): number {
    return this.buffer.length;
  }

  private async write(batch: RequestRecord[]): Promise<void> {
    if (this.redis.status !== 'ready') {
      this.drop(batch.length);
      return;
    }
    const pipeline = this.redis.pipeline();
    const { streamKey, maxStreamLength } = this.options;
    // MAXLEN counts entries; each holds up to batchSize records, so the cap in records is divided by
    // this flush's entry size (approximate, like MAXLEN ~ itself).
    const chunks: RequestRecord[][] = [];
    for (let i = 0; i < batch.length; i += this.batchSize) chunks.push(batch.slice(i, i + this.batchSize));
    for (const chunk of chunks) {
      const maxEntries = Math.max(100, Math.floor(maxStreamLength / chunk.length));
      pipeline.xadd(streamKey, 'MAXLEN', '~', String(maxEntries), '*', ...encodeBatch(chunk));
    }
    try {
      const results = (await pipeline.exec()) ?? [];
      results.forEach(([error], i) => {
        const size = chunks[i]?.length ?? 0;
        if (error === null) this.stats.written += size;
        else this.drop(size);
      });
    } catch {
      this.drop(batch.length);
    }
  }

  private drop(count: number): void {
    this.stats.dropped += count;
    this.droppedSinceWarn += count;
    const now = Date.now();
    if (now - this.lastWarnAt < (this.options.logEveryMs ?? 60_000)) return;
    this.lastWarnAt = now;
    this.options.warn(
      `Request analytics: dropped ${this.droppedSinceWarn} records (Redis unavailable or buffer full); ${this.stats.dropped} since start`,
    );
    this.droppedSinceWarn = 0;
  }
}
