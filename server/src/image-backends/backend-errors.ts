// What can go wrong on an image server, classified for the job's retry policy. Every engine throws these.

/** The server refused the request (e.g. ComfyUI's HTTP 400 with node_errors): retrying cannot help. */
export class BackendRejectedError extends Error {
  constructor(
    message: string,
    /** The server's own description of the refusal, for logs. */
    readonly detail?: unknown,
  ) {
    super(message);
    this.name = 'BackendRejectedError';
  }
}

/** Connection refused, reset, timed out or a 5xx: worth retrying. */
export class BackendUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackendUnavailableError';
  }
}

/** The request ran and failed on the server. */
export class BackendExecutionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackendExecutionError';
  }
}

/** The run was interrupted (a cancel). */
export class BackendInterruptedError extends Error {
  constructor() {
    super('The run was interrupted');
    this.name = 'BackendInterruptedError';
  }
}

/** The run did not finish within the job's time budget. */
export class BackendTimeoutError extends Error {
  constructor(
    readonly runId: string,
    ms: number,
  ) {
    super(`The image server did not finish within ${Math.round(ms / 1000)} s`);
    this.name = 'BackendTimeoutError';
  }
}
