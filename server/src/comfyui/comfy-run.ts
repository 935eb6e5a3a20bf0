// Runs one prompt on one ComfyUI server and follows it to the end: progress from the /ws event stream,
// and /history/<prompt_id> polled as well: often when the socket cannot be opened or drops, and now and
// then while it is open, because ComfyUI sends a prompt's events only to the client id that submitted it
// (a worker taking over a run may not hear them). A resumed job (its worker died) first asks the history
// whether the prompt already finished before submitting again.
import WebSocket from 'ws';
import type { ComfyWsMessage, OutputImage, Workflow } from '@genonaut/contracts';
import { outputImages, type ComfyClient } from './comfy-client';
import {
  BackendExecutionError,
  BackendInterruptedError,
  BackendTimeoutError,
} from '../image-backends/backend-errors';
import type { RunOptions } from '../image-backends/image-backend';

export interface PromptRunOptions extends RunOptions {
  /** Our id on ComfyUI's event stream; its events for our prompts come to this socket. */
  clientId: string;
  /** How often to poll /history when the socket is down. */
  pollMs?: number;
  /** How often to poll /history while the socket is open (a safety net for events that never come). */
  historyPollMs?: number;
}

export interface PromptResult {
  promptId: string;
  images: OutputImage[];
}

type Outcome = { kind: 'done' } | { kind: 'error'; error: Error };

function openSocket(url: string, ms: number): Promise<WebSocket | null> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url);
    const timer = setTimeout(() => {
      socket.terminate();
      resolve(null);
    }, ms);
    socket.once('open', () => {
      clearTimeout(timer);
      resolve(socket);
    });
    socket.once('error', () => {
      clearTimeout(timer);
      resolve(null);
    });
  });
}

async function submitOrResume(
  client: ComfyClient,
  workflow: Workflow,
  options: PromptRunOptions,
): Promise<{ promptId: string; finished: boolean }> {
  const previous = options.resumeRunId;
  if (previous) {
    const entry = await client.history(previous);
    if (entry?.status.completed) return { promptId: previous, finished: true };
    const queue = await client.queue();
    const known = [...queue.queue_running, ...queue.queue_pending].some((item) => item[1] === previous);
    if (known) return { promptId: previous, finished: false };
  }
  const promptId = await client.submit(workflow, options.clientId);
  await options.onSubmitted?.(promptId);
  return { promptId, finished: false };
}

export async function runPrompt(
  client: ComfyClient,
  workflow: Workflow,
  options: PromptRunOptions,
): Promise<PromptResult> {
  const pollMs = options.pollMs ?? 500;
  const historyPollMs = options.historyPollMs ?? 5_000;
  const deadline = Date.now() + options.timeoutMs;
  // Open the event stream before submitting so no early event is missed.
  let socket = await openSocket(client.wsUrl(options.clientId), 3_000);
  let outcome: Outcome | null = null;
  let promptId = '';
  const wake: (() => void)[] = [];
  const settle = (value: Outcome) => {
    outcome ??= value;
    wake.splice(0).forEach((w) => w());
  };

  const onMessage = (raw: WebSocket.RawData, isBinary: boolean) => {
    if (isBinary) return; // preview images
    let message: ComfyWsMessage;
    try {
      message = JSON.parse(
        Buffer.isBuffer(raw) ? raw.toString('utf8') : Buffer.concat(raw as Buffer[]).toString('utf8'),
      ) as ComfyWsMessage;
    } catch {
      return;
    }
    if (!('prompt_id' in message.data) || message.data.prompt_id !== promptId) return;
    switch (message.type) {
      case 'progress':
        if (message.data.max > 0) options.onProgress?.(message.data.value / message.data.max);
        break;
      case 'execution_success':
        settle({ kind: 'done' });
        break;
      case 'executing':
        if (message.data.node === null) settle({ kind: 'done' });
        break;
      case 'execution_error':
        settle({
          kind: 'error',
          error: new BackendExecutionError(
            `${message.data.exception_type}: ${message.data.exception_message}`,
          ),
        });
        break;
      case 'execution_interrupted':
        settle({ kind: 'error', error: new BackendInterruptedError() });
        break;
      case 'status':
      case 'execution_start':
      case 'execution_cached':
      case 'executed':
        break;
    }
  };
  socket?.on('message', onMessage);
  // A dropped socket is not an error: polling the history takes over.
  socket?.on('close', () => {
    socket = null;
  });
  socket?.on('error', () => {});

  try {
    const submitted = await submitOrResume(client, workflow, options);
    promptId = submitted.promptId;
    if (submitted.finished) settle({ kind: 'done' });
    let lastPoll = Date.now();
    while (!outcome) {
      if (Date.now() > deadline) throw new BackendTimeoutError(promptId, options.timeoutMs);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, socket ? Math.min(historyPollMs, Math.max(pollMs, 1_000)) : pollMs);
        wake.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
      if (outcome) break;
      if (await options.isCancelled?.()) settle({ kind: 'error', error: new BackendInterruptedError() });
      else if (!socket || Date.now() - lastPoll >= historyPollMs) {
        lastPoll = Date.now();
        const entry = await client.history(promptId);
        if (entry?.status.completed) settle({ kind: 'done' });
        else if (entry?.status.status_str === 'error')
          settle({ kind: 'error', error: historyError(entry.status.messages) });
      }
    }
    // Assigned in callbacks, so the compiler cannot see it is set by now.
    const final = outcome as Outcome | null;
    if (final?.kind === 'error') throw final.error;
    const entry = await client.history(promptId);
    if (!entry) throw new BackendExecutionError('The prompt finished but the server has no history of it');
    if (entry.status.status_str === 'error') throw historyError(entry.status.messages);
    return { promptId, images: outputImages(entry) };
  } finally {
    socket?.removeAllListeners();
    socket?.terminate();
  }
}

function historyError(messages: [string, Record<string, unknown>][]): Error {
  const failure = messages.find(([type]) => type === 'execution_error' || type === 'execution_interrupted');
  if (failure?.[0] === 'execution_interrupted') return new BackendInterruptedError();
  const detail = failure?.[1];
  return new BackendExecutionError(
    typeof detail?.exception_message === 'string'
      ? `${typeof detail.exception_type === 'string' ? detail.exception_type : 'Error'}: ${detail.exception_message}`
      : 'The prompt failed',
  );
}
