// How a node's run ends early, mirroring ComfyUI's two cases: an exception (reported as
// `execution_error` with its Python type and message) and an interrupt (`execution_interrupted`).

/** An exception a node raises while running; `tips` is the advice ComfyUI appends to some of them. */
export class NodeExecutionError extends Error {
  constructor(
    readonly exceptionType: string,
    message: string,
    readonly tips = '',
  ) {
    super(message);
  }

  /** execution.py reports "{ex}\n{tips}" as exception_message. */
  get exceptionMessage(): string {
    return `${this.message}\n${this.tips}`;
  }
}

/** comfy.model_management.InterruptProcessingException: POST /interrupt, seen at the next check. */
export class InterruptedError extends Error {
  constructor() {
    super('Processing interrupted');
  }
}

/** The message ComfyUI adds to a CUDA out-of-memory error. */
export const outOfMemory = () =>
  new NodeExecutionError(
    'torch.OutOfMemoryError',
    'Allocation on device ',
    'This error means you ran out of memory on your GPU.\n\n' +
      'TIPS: If the workflow worked before you might have accidentally set the batch_size to a large number.',
  );
