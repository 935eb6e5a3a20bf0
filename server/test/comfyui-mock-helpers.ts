// Shared by the ComfyUI mock tests: a mock listening on a real port, a /ws client that records every
// message, and small HTTP helpers for its API.
import type { FastifyInstance } from 'fastify';
import type { HistoryResponse, PromptResponse } from '@genonaut/contracts';
import { expect } from 'vitest';
import WebSocket from 'ws';
import { exampleWorkflow, type ExampleWorkflowOptions } from '../src/comfyui-mock/example-workflow';
import { buildComfyMock, type ComfyMockOptions } from '../src/comfyui-mock/server';
import { loadCheckpoints, loadLoras } from '../src/db/seeds/catalogue';

export interface WsMessage {
  type: string;
  data: Record<string, unknown>;
}

export interface Mock {
  app: FastifyInstance;
  url: string;
}

export const checkpoint = loadCheckpoints()[0]?.filename ?? '';
export const lora = loadLoras()[0]?.filename ?? '';
export const workflow = (options: Partial<ExampleWorkflowOptions> = {}) =>
  exampleWorkflow({ checkpoint, lora, ...options });

export async function startMock(options: ComfyMockOptions = {}): Promise<Mock> {
  const app = await buildComfyMock({ stepMs: 5, ...options });
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  return { app, url: `${address}${options.basePath ?? ''}` };
}

/** A /ws client that records every message and can wait for one. */
export class WsClient {
  readonly messages: WsMessage[] = [];
  readonly closed: Promise<number>;
  private readonly socket: WebSocket;
  private waiters: (() => void)[] = [];

  private constructor(url: string) {
    this.socket = new WebSocket(url);
    this.socket.on('message', (raw: Buffer) => {
      this.messages.push(JSON.parse(raw.toString()) as WsMessage);
      for (const wake of this.waiters) wake();
    });
    this.closed = new Promise((resolve) => this.socket.on('close', (code) => resolve(code)));
  }

  static async connect(mock: Mock, clientId: string): Promise<WsClient> {
    const client = new WsClient(`${mock.url.replace('http', 'ws')}/ws?clientId=${clientId}`);
    await client.next((m) => m.type === 'status');
    return client;
  }

  async next(match: (m: WsMessage) => boolean, timeoutMs = 5_000): Promise<WsMessage> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.messages.find(match);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no matching message; got ${this.types().join(', ')}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 50);
      });
      this.waiters = [];
    }
  }

  /** Waits for the `executing` with node null that ends a prompt. */
  finished(promptId: string): Promise<WsMessage> {
    return this.next((m) => m.type === 'executing' && m.data.node === null && m.data.prompt_id === promptId);
  }

  types(): string[] {
    return this.messages.map((m) => m.type);
  }

  close(): void {
    this.socket.close();
  }
}

export async function post(mock: Mock, path: string, body: unknown): Promise<Response> {
  return fetch(`${mock.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

export async function submit(mock: Mock, prompt: unknown, clientId?: string): Promise<PromptResponse> {
  const response = await post(mock, '/prompt', { prompt, client_id: clientId });
  expect(response.status).toBe(200);
  return (await response.json()) as PromptResponse;
}

export async function getJson<T>(mock: Mock, path: string): Promise<T> {
  const response = await fetch(`${mock.url}${path}`);
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

export const query = (params: Record<string, string> | undefined) => new URLSearchParams(params).toString();

export async function historyOf(mock: Mock, promptId: string) {
  const body = await getJson<HistoryResponse>(mock, `/history/${promptId}`);
  const entry = body[promptId];
  if (!entry) throw new Error(`no history for ${promptId}`);
  return entry;
}

/** Waits until the history has an entry for `promptId` (for runs watched without a socket). */
export async function settled(mock: Mock, promptId: string): Promise<void> {
  await expect.poll(async () => Object.keys(await getJson(mock, `/history/${promptId}`)).length).toBe(1);
}
