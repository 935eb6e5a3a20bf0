import type { ErrorCode, ErrorResponse, FieldError } from '@genonaut/contracts';

/** Codes the API sends, plus the ones the client makes up when no answer of that shape arrived. */
export type ClientErrorCode = ErrorCode | 'network_error' | 'bad_response';

/** A failed API call, carrying the API's `{ error: { code, message, details } }` answer. */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly status: number,
    readonly code: ClientErrorCode,
    message: string,
    readonly details: FieldError[] = [],
  ) {
    super(message);
  }

  /**
   * Field messages keyed by the field's own name (`body.username` → `username`), so a form can show
   * each message under its input. The first message per field wins: it is usually the most basic rule.
   */
  fieldErrors(): Record<string, string> {
    const byField: Record<string, string> = {};
    for (const detail of this.details) {
      const name = detail.field.replace(/^(body|query|params)\.?/, '') || detail.field;
      byField[name] ??= detail.message;
    }
    return byField;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

function isErrorResponse(body: unknown): body is ErrorResponse {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const { error } = body;
  return typeof error === 'object' && error !== null && 'code' in error && 'message' in error;
}

/** Builds the ApiError for a non-2xx answer, whatever its body turned out to be. */
export async function apiErrorFrom(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // A proxy's HTML error page or an empty body: fall through to the generic message.
  }
  if (isErrorResponse(body)) {
    return new ApiError(response.status, body.error.code, body.error.message, body.error.details ?? []);
  }
  return new ApiError(response.status, 'bad_response', `The server answered ${response.status}`);
}

/** A message fit to show a person for any error a query or mutation can throw. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return 'Something went wrong';
}
