// Streams rows into one table with PostgreSQL COPY (text format) on a connection of its own. Rows are
// joined into ~1 MB chunks before they are written, and a write waits for 'drain' when the socket is
// full, so generating faster than PostgreSQL ingests never buffers the whole table in memory.
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Writable } from 'node:stream';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';

const CHUNK_CHARS = 1 << 20;

/** A value in COPY's text format: `\N` for null, and backslash, tab and line breaks escaped. */
export function copyValue(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value !== 'string') return String(value);
  return /[\\\t\n\r]/.test(value)
    ? value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r')
    : value;
}

export class CopyWriter {
  private readonly stream: Writable;
  private chunk = '';
  count = 0;

  constructor(client: PoolClient, table: string, columns: readonly string[]) {
    this.stream = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
  }

  /** One row of already-escaped values (see copyValue). Await it: it waits while the socket is full. */
  async row(values: string): Promise<void> {
    this.chunk += values;
    this.chunk += '\n';
    this.count += 1;
    if (this.chunk.length >= CHUNK_CHARS) await this.flush();
  }

  /** Many rows at once: awaits only when a full chunk meets a full socket. */
  async rows(lines: readonly string[]): Promise<void> {
    for (const line of lines) {
      this.chunk += line;
      this.chunk += '\n';
      if (this.chunk.length >= CHUNK_CHARS) await this.flush();
    }
    this.count += lines.length;
  }

  private async flush(): Promise<void> {
    if (this.chunk.length === 0) return;
    const ok = this.stream.write(this.chunk);
    this.chunk = '';
    if (!ok) await once(this.stream, 'drain');
  }

  async end(): Promise<number> {
    await this.flush();
    this.stream.end();
    await finished(this.stream);
    return this.count;
  }
}
