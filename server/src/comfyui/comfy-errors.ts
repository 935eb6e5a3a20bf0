// ComfyUI's refusal of a workflow, made readable for the job's error message.
import type { PromptValidationError } from '@genonaut/contracts';

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
