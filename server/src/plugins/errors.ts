// One mapping from anything thrown to SPEC §3's error body. Nothing internal (stacks, SQL) leaves here.
import type { FastifyError, FastifyInstance, RouteOptions } from 'fastify';
import fp from 'fastify-plugin';
import { ErrorResponse, type ErrorCode, type FieldError } from '@genonaut/contracts';
import { DomainError, httpStatusOf } from '../errors';
import { nonFiniteFields } from '../lib/finite-numbers';
import { isRedisUnavailableError } from '../lib/redis';
import { safeMethods } from './security';

interface PgError {
  code?: string;
  constraint?: string;
}

const isPgError = (e: unknown): e is PgError & Error =>
  e instanceof Error &&
  typeof (e as PgError).code === 'string' &&
  /^[0-9A-Z]{5}$/.test((e as PgError).code ?? '');

function body(code: ErrorCode, message: string, details?: FieldError[]): ErrorResponse {
  return { error: details && details.length > 0 ? { code, message, details } : { code, message } };
}

/** Ajv's instancePath (`/pageSize`) plus the validation context (`querystring`) → `query.pageSize`. */
function fieldErrors(error: FastifyError): FieldError[] {
  const context = (error.validationContext ?? 'body').replace('querystring', 'query');
  return (error.validation ?? []).map((v) => {
    const missing = (v.params as { missingProperty?: string } | undefined)?.missingProperty;
    const path = [v.instancePath.replace(/^\//, '').replace(/\//g, '.'), missing].filter(Boolean).join('.');
    return { field: path ? `${context}.${path}` : context, message: v.message ?? 'is invalid' };
  });
}

function mapPgError(error: PgError): { status: number; code: ErrorCode; message: string } | null {
  switch (error.code) {
    case '57014':
      return {
        status: 504,
        code: 'query_timeout',
        message: 'The query took too long; narrow the filters and retry',
      };
    case '23505':
      return { status: 409, code: 'conflict', message: 'This already exists' };
    case '23503':
      return {
        status: 409,
        code: 'conflict',
        message: 'A referenced record does not exist or is still in use',
      };
    case '23514':
      return { status: 409, code: 'conflict', message: 'The change breaks a data rule' };
    // Values PostgreSQL cannot store or read (a NUL byte, a lone UTF-16 surrogate in JSON, a number out of
    // range): bad input that got past the schema, so the caller hears about it as such.
    case '22P05':
    case '22021':
    case '22P02':
    case '22003':
    case '22001':
      return {
        status: 400,
        code: 'validation_failed',
        message:
          'The request holds a value that cannot be stored (a NUL character, invalid text, or a number out of range)',
      };
    case '57P01':
    case '57P03':
    case '08000':
    case '08003':
    case '08006':
      return {
        status: 503,
        code: 'dependency_unavailable',
        message: 'The database is unavailable, try again shortly',
      };
    case undefined:
    default:
      return null;
  }
}

const connectionErrors = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE']);

/**
 * Answers the framework (not the handler) gives: on every API route an invalid or revoked Bearer token
 * (401) and the general rate limit (429); the same-origin check on a cookie request that changes
 * something (403); body size and media type where a body is read; URI length where a path has
 * parameters. Declared on each route they can reach, so the OpenAPI document lists every status a
 * client can see.
 */
function declareFrameworkAnswers(route: RouteOptions): void {
  if (!route.url.startsWith('/api/') || !route.schema?.response) return;
  const response = route.schema.response as Record<string, unknown>;
  const changes = [route.method].flat().some((method) => !safeMethods.has(method));
  const statuses = [
    401,
    429,
    ...(changes ? [403] : []),
    ...(route.schema.body ? [413, 415] : []),
    ...(route.schema.params ? [414] : []),
  ];
  for (const status of statuses) if (!(String(status) in response)) response[status] = ErrorResponse;
}

export const errorsPlugin = fp((app: FastifyInstance, _opts, done) => {
  app.addHook('onRoute', declareFrameworkAnswers);

  app.setErrorHandler((error: unknown, request, reply) => {
    if (error instanceof DomainError) {
      if (error.retryAfterSeconds !== undefined)
        void reply.header('retry-after', String(error.retryAfterSeconds));
      return reply.status(httpStatusOf[error.code]).send(body(error.code, error.message, error.details));
    }
    const fastifyError = error as FastifyError;
    if (fastifyError.validation) {
      const details = fieldErrors(fastifyError);
      const summary = details.map((d) => `${d.field} ${d.message}`).join('; ');
      return reply.status(400).send(body('validation_failed', `Invalid request: ${summary}`, details));
    }
    if (isPgError(error)) {
      const mapped = mapPgError(error);
      if (mapped) {
        if (mapped.status >= 500) request.log.warn({ err: error }, 'database error');
        return reply.status(mapped.status).send(body(mapped.code, mapped.message));
      }
    }
    if (isRedisUnavailableError(error)) {
      request.log.warn({ err: error }, 'Redis unavailable');
      return reply
        .status(503)
        .send(body('dependency_unavailable', 'Redis is unavailable, try again shortly'));
    }
    const code = (error as { code?: string }).code;
    if (code && connectionErrors.has(code)) {
      request.log.warn({ err: error }, 'dependency connection error');
      return reply
        .status(503)
        .send(body('dependency_unavailable', 'A dependency is unavailable, try again shortly'));
    }
    const status = fastifyError.statusCode;
    if (status === 413)
      return reply.status(413).send(body('payload_too_large', 'The request body is too large'));
    if (status === 414) return reply.status(414).send(body('validation_failed', 'The address is too long'));
    if (status === 415) {
      return reply
        .status(415)
        .send(body('unsupported_media_type', 'Send JSON (application/json) or multipart/form-data'));
    }
    if (status === 429) return reply.status(429).send(body('rate_limited', 'Too many requests, slow down'));
    if (status && status >= 400 && status < 500) {
      return reply.status(400).send(body('validation_failed', fastifyError.message));
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send(body('internal', 'Something went wrong on our side'));
  });

  // Ajv lets `1e400` through as Infinity (see lib/finite-numbers.ts): refuse it for every route before it
  // reaches SQL, the way the validator should have.
  app.addHook('preHandler', (request, _reply, done) => {
    const details = [
      ...nonFiniteFields(request.params, 'params'),
      ...nonFiniteFields(request.query, 'query'),
    ];
    if (details.length === 0) return done();
    const summary = details.map((d) => `${d.field} ${d.message}`).join('; ');
    done(new DomainError('validation_failed', `Invalid request: ${summary}`, details));
  });

  app.setNotFoundHandler((request, reply) =>
    reply
      .status(404)
      .send(body('not_found', `No route ${request.method} ${request.url.split('?')[0] ?? ''}`)),
  );
  done();
});
