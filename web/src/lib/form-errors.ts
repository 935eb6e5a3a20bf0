import { isApiError } from '@/lib/api-error';

/**
 * Splits a failed form submission into messages per field (the API's `details`, shown under the
 * inputs) and one message for the form (a wrong password, a rate limit, an outage).
 */
export function formErrors(
  error: unknown,
  fields: readonly string[],
): { fields: Record<string, string>; form: string | null } {
  if (!error) return { fields: {}, form: null };
  if (!isApiError(error)) return { fields: {}, form: 'Something went wrong; please retry' };
  const byField = error.fieldErrors();
  const known = Object.fromEntries(Object.entries(byField).filter(([name]) => fields.includes(name)));
  const unplaced = Object.keys(byField).some((name) => !fields.includes(name));
  const form = Object.keys(known).length === 0 || unplaced ? error.message : null;
  return { fields: known, form };
}
