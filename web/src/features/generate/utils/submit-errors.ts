import { isApiError } from '@/lib/api-error';
import { DEFAULT_VALUES, type FieldErrors, type FieldName } from './form-values';

export interface SubmitErrors {
  fields: FieldErrors;
  /** What cannot be shown on a field: a limit, an outage, or a field the form does not have. */
  alert: { title: string; code: string; message: string } | null;
}

const TITLES: Record<number, string> = {
  400: 'The job was refused',
  429: 'Too many jobs',
  503: 'The job queue is unavailable',
};

/**
 * A failed submission split into messages per field (`body.loras.0.strengthModel` → loras) and one
 * alert for the rest. The API's 400 for an unknown model names the available ones in its message.
 */
export function submitErrors(error: unknown): SubmitErrors {
  if (!error) return { fields: {}, alert: null };
  if (!isApiError(error)) {
    return {
      fields: {},
      alert: { title: TITLES[400]!, code: 'error', message: 'Something went wrong; please retry' },
    };
  }
  const fields: FieldErrors = {};
  let unplaced = false;
  for (const detail of error.details) {
    const name = detail.field.replace(/^body\.?/, '').split('.')[0] ?? '';
    if (name in DEFAULT_VALUES) fields[name as FieldName] ??= detail.message;
    else unplaced = true;
  }
  const placed = Object.keys(fields).length > 0;
  const alert =
    placed && !unplaced
      ? null
      : {
          title: TITLES[error.status] ?? 'Could not queue the job',
          code: error.code,
          message: error.message,
        };
  return { fields, alert };
}
