// Reads what a client sends on /api/v1/ws. Anything else is answered with an error message, not a close:
// one bad frame from a buggy client should not cost it its live updates.
import type { ClientMessage } from '@genonaut/contracts';

/** Per message; a client with more jobs on screen sends several. */
export const MAX_JOB_IDS_PER_MESSAGE = 100;

export type ParsedClientMessage = { ok: true; message: ClientMessage } | { ok: false; error: string };

const isJobId = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value > 0;

export function parseClientMessage(raw: string): ParsedClientMessage {
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return { ok: false, error: 'Messages must be JSON' };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { ok: false, error: 'Messages must be JSON objects with a type' };
  }
  const { type, jobIds } = data as { type?: unknown; jobIds?: unknown };
  switch (type) {
    case 'ping':
      return { ok: true, message: { type: 'ping' } };
    case 'subscribe':
    case 'unsubscribe': {
      if (!Array.isArray(jobIds) || !jobIds.every(isJobId)) {
        return { ok: false, error: `${type}: jobIds must be an array of job ids` };
      }
      if (jobIds.length > MAX_JOB_IDS_PER_MESSAGE) {
        return { ok: false, error: `${type}: at most ${MAX_JOB_IDS_PER_MESSAGE} jobIds per message` };
      }
      return { ok: true, message: { type, jobIds: [...new Set(jobIds)] } };
    }
    default:
      return {
        ok: false,
        error: `Unknown message type ${JSON.stringify(type)?.slice(0, 50) ?? 'undefined'}`,
      };
  }
}
