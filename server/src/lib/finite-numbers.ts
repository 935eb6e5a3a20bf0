// Ajv's type coercion turns "1e400" or "Infinity" into Infinity and then skips minimum/maximum (those
// keywords only test finite numbers), so such a value passes validation and would reach SQL as a 500.
// This finds them so a route can answer 400 the way the validator should have.
import type { FieldError } from '@genonaut/contracts';

/** Fields of `value` (one level deep, as params and query strings are) holding a non-finite number. */
export function nonFiniteFields(value: unknown, context: 'params' | 'query'): FieldError[] {
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => typeof v === 'number' && !Number.isFinite(v))
    .map(([name]) => ({ field: `${context}.${name}`, message: 'must be a finite number' }));
}
