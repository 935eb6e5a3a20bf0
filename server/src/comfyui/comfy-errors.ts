// What can go wrong talking to an image server, classified for the job's retry policy.
import type { PromptValidationError } from '@genonaut/contracts';

/** The server refused the workflow (HTTP 400): retrying cannot help. */
export class ComfyValidationError extends Error {
  constructor(
    readonly body: PromptValidationError | undefined,
    message: string,
  ) {
    super(message);
    this.name = 'ComfyValidationError';
  }
}

/** Connection refused, reset, timed out or a 5xx: worth retrying. */
export class ComfyUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ComfyUnavailableError';
  }
}

/** The prompt ran and failed on the server (execution_error). */
export class ComfyExecutionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ComfyExecutionError';
  }
}

/** The prompt was interrupted (a cancel). */
export class ComfyInterruptedError extends Error {
  constructor() {
    super('The prompt was interrupted');
    this.name = 'ComfyInterruptedError';
  }
}

/** ComfyUI's node_errors as one readable line, e.g. `KSampler (6): Value not in list: sampler_name: …`. */
export function describeValidationError(body: PromptValidationError | undefined): string {
  if (!body) return 'The image server refused the workflow';
  const nodes = Object.entries(body.node_errors ?? {}).flatMap(([id, node]) =>
    node.errors.map(
      (e) => `${node.class_type} (${id}): ${e.details ? `${e.message}: ${e.details}` : e.message}`,
    ),
  );
  const head = body.error?.message ?? 'The image server refused the workflow';
  return nodes.length > 0
    ? `${head}: ${nodes.join('; ')}`
    : body.error?.details
      ? `${head}: ${body.error.details}`
      : head;
}
