// POST /prompt validation, following ComfyUI's execution.py (validate_prompt / validate_inputs) step by
// step: the same error types, messages and details, the same attribution of errors to nodes, the same
// quirks (the top-level `details` lists only the output nodes' own errors, so it is often empty), and the
// same coercion of INT/FLOAT/STRING values, written back into the graph as ComfyUI does.
import type { ComfyError, NodeError, Workflow } from '@genonaut/contracts';
import {
  inputsOf,
  nodeClass,
  type ClassInputs,
  type ExtraInputs,
  type InputConfig,
  type ModelLists,
} from './node-classes';
import { pyFloat, pyRepr, pyStr } from './python-text';
import { asPyException, coerce, PyException, pyTypeName } from './python-values';

export type ValidationResult =
  | { ok: true; prompt: Workflow; outputs: string[]; nodeErrors: Record<string, NodeError> }
  | { ok: false; error: ComfyError; nodeErrors: Record<string, NodeError> };

interface Verdict {
  valid: boolean;
  errors: ComfyError[];
}

type Node = { class_type: string; inputs: Record<string, unknown> };

const comfyError = (
  type: string,
  message: string,
  details: string,
  extra_info: Record<string, unknown> = {},
) => ({
  type,
  message,
  details,
  extra_info,
});

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function validatePrompt(raw: unknown, lists: ModelLists, extra: ExtraInputs = {}): ValidationResult {
  if (!isRecord(raw)) {
    return fail(
      comfyError('invalid_prompt', 'Cannot execute because the prompt is not an object.', pyRepr(raw)),
    );
  }
  // ComfyUI converts input values in place; work on a copy so the caller's object stays as it was sent.
  const prompt = structuredClone(raw);
  const outputs: string[] = [];
  for (const [id, node] of Object.entries(prompt)) {
    if (!isRecord(node) || typeof node.class_type !== 'string') {
      const message = 'Cannot execute because a node is missing the class_type property.';
      return fail(comfyError('invalid_prompt', message, `Node ID '#${id}'`));
    }
    const cls = nodeClass(node.class_type);
    if (!cls) {
      const message = `Cannot execute because node ${node.class_type} does not exist.`;
      return fail(comfyError('invalid_prompt', message, `Node ID '#${id}'`));
    }
    if (!isRecord(node.inputs)) node.inputs = {};
    if (cls.outputNode) outputs.push(id);
  }
  if (outputs.length === 0) return fail(comfyError('prompt_no_outputs', 'Prompt has no outputs', ''));

  const nodes = prompt as Record<string, Node>;
  const validated = new Map<string, Verdict>();
  const validator = new InputValidator(nodes, lists, validated, extra);
  const good: string[] = [];
  const failed: { output: string; reasons: ComfyError[] }[] = [];
  const nodeErrors: Record<string, NodeError> = {};
  for (const output of outputs) {
    let verdict: Verdict;
    try {
      verdict = validator.validate(output);
    } catch (error) {
      const ex = asPyException(error);
      const reasons = [
        comfyError('exception_during_validation', 'Exception when validating node', ex.message, {
          exception_type: ex.pyType,
          traceback: [],
        }),
      ];
      verdict = { valid: false, errors: reasons };
      validated.set(output, verdict);
    }
    if (verdict.valid) {
      good.push(output);
      continue;
    }
    failed.push({ output, reasons: verdict.errors });
    for (const [nodeId, result] of validated) {
      // Nodes downstream of an error are invalid without errors of their own; ComfyUI leaves them out.
      if (result.valid || result.errors.length === 0) continue;
      nodeErrors[nodeId] ??= {
        errors: result.errors,
        dependent_outputs: [],
        class_type: nodes[nodeId]?.class_type ?? '',
      };
      nodeErrors[nodeId].dependent_outputs.push(output);
    }
  }
  if (good.length === 0) {
    const details = failed.flatMap((f) => f.reasons.map((r) => `${r.message}: ${r.details}`)).join('\n');
    return fail(
      comfyError('prompt_outputs_failed_validation', 'Prompt outputs failed validation', details),
      nodeErrors,
    );
  }
  return { ok: true, prompt: prompt as Workflow, outputs: good, nodeErrors };
}

function fail(error: ComfyError, nodeErrors: Record<string, NodeError> = {}): ValidationResult {
  return { ok: false, error, nodeErrors };
}

class InputValidator {
  private readonly inProgress = new Set<string>();

  constructor(
    private readonly prompt: Record<string, Node>,
    private readonly lists: ModelLists,
    private readonly validated: Map<string, Verdict>,
    private readonly extra: ExtraInputs,
  ) {}

  validate(id: string): Verdict {
    const cached = this.validated.get(id);
    if (cached) return cached;
    if (this.inProgress.has(id)) {
      // A cycle: Python recurses until it hits its recursion limit.
      throw new PyException(
        'RecursionError',
        'maximum recursion depth exceeded while calling a Python object',
      );
    }
    this.inProgress.add(id);
    try {
      return this.validateNode(id);
    } finally {
      this.inProgress.delete(id);
    }
  }

  private validateNode(id: string): Verdict {
    const node = this.prompt[id];
    const cls = node && nodeClass(node.class_type);
    if (!node || !cls) throw new PyException('KeyError', pyRepr(id));
    const classInputs: ClassInputs = inputsOf(node.class_type, cls, this.lists, this.extra);
    const errors: ComfyError[] = [];
    let valid = true;
    for (const [name, info] of Object.entries(classInputs.required)) {
      if (!Object.hasOwn(node.inputs, name)) {
        errors.push(
          comfyError('required_input_missing', 'Required input is missing', name, { input_name: name }),
        );
        continue;
      }
      const value = node.inputs[name];
      if (Array.isArray(value)) {
        const outcome = this.checkLink(name, info, value);
        if (outcome === 'upstream-invalid') valid = false;
        else if (outcome) errors.push(outcome);
        continue;
      }
      const error = this.checkValue(node, name, info, value);
      if (error) errors.push(error);
    }
    // A cycle back to this node has already filed its exception here; keep it rather than hide it (Python
    // overwrites it and answers 400 without saying which node is wrong).
    const filed = this.validated.get(id)?.errors ?? [];
    const verdict = { valid: valid && errors.length === 0, errors: [...filed, ...errors] };
    this.validated.set(id, verdict);
    return verdict;
  }

  /** A linked input: [node id, output index] of the right type, whose node validates in turn. */
  private checkLink(
    name: string,
    info: InputConfig,
    link: unknown[],
  ): ComfyError | 'upstream-invalid' | undefined {
    const inputConfig = [info[0], info[1] ?? {}];
    if (link.length !== 2) {
      return comfyError(
        'bad_linked_input',
        'Bad linked input, must be a length-2 list of [node_id, slot_index]',
        name,
        {
          input_name: name,
          input_config: inputConfig,
          received_value: link,
        },
      );
    }
    const [sourceId, slot] = link;
    // Outside ComfyUI's try block: a missing node or slot raises, and the caller reports the exception.
    const source = typeof sourceId === 'string' ? this.prompt[sourceId] : undefined;
    const sourceClass = source && nodeClass(source.class_type);
    if (!sourceClass) throw new PyException('KeyError', pyRepr(sourceId));
    const returnTypes = sourceClass.output;
    if (typeof slot !== 'number' || !Number.isInteger(slot)) {
      throw new PyException('TypeError', `tuple indices must be integers or slices, not ${pyTypeName(slot)}`);
    }
    const receivedType = returnTypes[slot < 0 ? returnTypes.length + slot : slot];
    if (receivedType === undefined) throw new PyException('IndexError', 'tuple index out of range');
    if (receivedType !== info[0]) {
      const details = `${name}, received_type(${receivedType}) mismatch input_type(${pyStr(info[0])})`;
      return comfyError('return_type_mismatch', 'Return type mismatch between linked nodes', details, {
        input_name: name,
        input_config: inputConfig,
        received_type: receivedType,
        linked_node: link,
      });
    }
    try {
      return this.validate(sourceId as string).valid ? undefined : 'upstream-invalid';
    } catch (error) {
      const ex = asPyException(error);
      // ComfyUI files the failure under the linked node, described by this input.
      this.validated.set(sourceId as string, {
        valid: false,
        errors: [
          comfyError(
            'exception_during_inner_validation',
            'Exception when validating inner node',
            ex.message,
            {
              input_name: name,
              input_config: inputConfig,
              exception_message: ex.message,
              exception_type: ex.pyType,
              traceback: [],
              linked_node: link,
            },
          ),
        ],
      });
      return 'upstream-invalid';
    }
  }

  /** A widget value: coerced to its type, then checked against min/max or the list of choices. */
  private checkValue(node: Node, name: string, info: InputConfig, raw: unknown): ComfyError | undefined {
    const [type, options = {}] = info;
    const inputConfig = [type, options];
    let value: unknown = raw;
    try {
      value = coerce(type, raw);
      node.inputs[name] = value;
    } catch (error) {
      const ex = asPyException(error);
      return comfyError(
        'invalid_input_type',
        `Failed to convert an input value to a ${pyStr(type)} value`,
        `${name}, ${pyStr(raw)}, ${ex.message}`,
        { input_name: name, input_config: inputConfig, received_value: raw, exception_message: ex.message },
      );
    }
    const show = (n: number) => (type === 'FLOAT' ? pyFloat(n) : String(n));
    const extra = { input_name: name, input_config: inputConfig, received_value: value };
    if (typeof value === 'number' && options.min !== undefined && value < options.min) {
      return comfyError(
        'value_smaller_than_min',
        `Value ${show(value)} smaller than min of ${show(options.min)}`,
        name,
        extra,
      );
    }
    if (typeof value === 'number' && options.max !== undefined && value > options.max) {
      return comfyError(
        'value_bigger_than_max',
        `Value ${show(value)} bigger than max of ${show(options.max)}`,
        name,
        extra,
      );
    }
    if (Array.isArray(type) && !type.some((choice) => choice === value)) {
      // Long lists (a server's model files) are summarised, as ComfyUI does.
      const long = type.length > 20;
      const listInfo = long ? `(list of length ${type.length})` : pyRepr(type);
      return comfyError(
        'value_not_in_list',
        'Value not in list',
        `${name}: '${pyStr(value)}' not in ${listInfo}`,
        {
          input_name: name,
          input_config: long ? null : inputConfig,
          received_value: value,
        },
      );
    }
    return undefined;
  }
}
