// A generated request as app.inject options, and as the line a failure prints.
import type { InjectOptions } from 'fastify';
import { someIp } from '../auth-helpers';
import { sendable } from './fuzz-callers';
import type { MultipartBody } from './multipart-arbitrary';
import { asText } from './schema-arbitrary';

export interface FuzzRequest {
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  headers: Record<string, unknown>;
  body:
    | { kind: 'none' }
    | { kind: 'json'; value: unknown }
    | { kind: 'raw'; text: string }
    | { kind: 'multipart'; form: MultipartBody };
}

export function toInject(
  route: string,
  method: string,
  request: FuzzRequest,
  callerHeaders: Record<string, string>,
): InjectOptions {
  let url = route.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = request.path[name];
    const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? 'undefined');
    // An empty segment would address another route (/content/ is the gallery), not this one.
    // A lone surrogate cannot be percent-encoded as UTF-8; a client would send U+FFFD instead.
    return encodeURIComponent(text === '' ? ' ' : text.replace(/[\ud800-\udfff]/gu, '\ufffd'));
  });
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(request.query)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) search.append(name, asText(v));
  }
  if ([...search].length > 0) url += `?${search.toString()}`;
  const headers: Record<string, string> = { ...callerHeaders };
  for (const [name, value] of Object.entries(request.headers))
    if (value !== undefined) headers[name.toLowerCase()] = sendable(asText(value));
  const options: InjectOptions = { method: method.toUpperCase(), url, remoteAddress: someIp(), headers };
  const { body } = request;
  if (body.kind === 'json' || body.kind === 'raw') {
    options.payload = body.kind === 'json' ? (JSON.stringify(body.value) ?? 'null') : body.text;
    headers['content-type'] = 'application/json';
  } else if (body.kind === 'multipart') {
    options.payload = body.form.payload;
    headers['content-type'] = body.form.contentType;
  }
  return options;
}

export const describeRequest = (options: InjectOptions) => {
  const headers = { ...(options.headers as Record<string, string>) };
  if (headers.cookie) headers.cookie = headers.cookie.slice(0, 80);
  const payload = options.payload;
  const body = Buffer.isBuffer(payload)
    ? payload.toString('latin1')
    : typeof payload === 'string'
      ? payload
      : '';
  return JSON.stringify({ method: options.method, url: options.url, headers, body: body.slice(0, 500) });
};
