// Typed domain errors: services throw these; the error plugin is the only place that maps them to HTTP.
import type { ErrorCode, FieldError } from '@genonaut/contracts';

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: FieldError[],
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (what: string) => new DomainError('not_found', `${what} not found`);
export const forbidden = (message = 'You are not allowed to do this') =>
  new DomainError('forbidden', message);
export const conflict = (message: string, details?: FieldError[]) =>
  new DomainError('conflict', message, details);
export const invalid = (field: string, message: string) =>
  new DomainError('validation_failed', `${field}: ${message}`, [{ field, message }]);
export const unavailable = (dependency: string) =>
  new DomainError('dependency_unavailable', `${dependency} is unavailable, try again shortly`);

export const httpStatusOf: Record<ErrorCode, number> = {
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
  dependency_unavailable: 503,
  query_timeout: 504,
};
