import type { Workflow } from '@genonaut/contracts';
import { describe, expect, it } from 'vitest';
import { exampleWorkflow } from './example-workflow';
import { samplerNames } from './node-classes';
import { validatePrompt } from './validate-prompt';

const lists = { checkpoints: ['a.safetensors', 'b.safetensors'], loras: ['style.safetensors'] };
const valid = () => exampleWorkflow({ checkpoint: 'a.safetensors', lora: 'style.safetensors' });

function withInput(
  node: string,
  name: string,
  value: Workflow[string]['inputs'][string] | undefined,
): Workflow {
  const prompt = valid();
  const inputs = prompt[node]?.inputs ?? {};
  if (value === undefined) delete inputs[name];
  else inputs[name] = value;
  return prompt;
}

function nodeErrors(prompt: unknown) {
  const result = validatePrompt(prompt, lists);
  if (result.ok) throw new Error('expected the prompt to fail validation');
  return result;
}

describe('validatePrompt', () => {
  it('accepts the example graph, runs its SaveImage and coerces values like Python', () => {
    const prompt = withInput('3', 'steps', '4');
    const result = validatePrompt(prompt, lists);
    expect(result).toMatchObject({ ok: true, outputs: ['9'], nodeErrors: {} });
    if (result.ok) expect(result.prompt['3']?.inputs.steps).toBe(4);
    // The caller's graph is left as it was sent.
    expect(prompt['3']?.inputs.steps).toBe('4');
  });

  it('reports a missing required input on its node, with the output that depends on it', () => {
    const result = nodeErrors(withInput('3', 'steps', undefined));
    expect(result.error).toEqual({
      type: 'prompt_outputs_failed_validation',
      message: 'Prompt outputs failed validation',
      details: '',
      extra_info: {},
    });
    expect(result.nodeErrors).toEqual({
      '3': {
        errors: [
          {
            type: 'required_input_missing',
            message: 'Required input is missing',
            details: 'steps',
            extra_info: { input_name: 'steps' },
          },
        ],
        dependent_outputs: ['9'],
        class_type: 'KSampler',
      },
    });
  });

  it('lists the choices of a short list and only the length of a long one', () => {
    const ckpt = nodeErrors(withInput('4', 'ckpt_name', 'x.safetensors')).nodeErrors['4']?.errors[0];
    expect(ckpt).toMatchObject({
      type: 'value_not_in_list',
      message: 'Value not in list',
      details: "ckpt_name: 'x.safetensors' not in ['a.safetensors', 'b.safetensors']",
      extra_info: { input_name: 'ckpt_name', received_value: 'x.safetensors' },
    });
    const sampler = nodeErrors(withInput('3', 'sampler_name', 'euler_a')).nodeErrors['3']?.errors[0];
    expect(sampler?.details).toBe(`sampler_name: 'euler_a' not in (list of length ${samplerNames.length})`);
    expect(sampler?.extra_info?.input_config).toBeNull();
  });

  it('checks numeric ranges with Python number formatting', () => {
    expect(nodeErrors(withInput('3', 'steps', 0)).nodeErrors['3']?.errors[0]).toMatchObject({
      type: 'value_smaller_than_min',
      message: 'Value 0 smaller than min of 1',
      details: 'steps',
    });
    expect(nodeErrors(withInput('3', 'cfg', 101)).nodeErrors['3']?.errors[0]?.message).toBe(
      'Value 101.0 bigger than max of 100.0',
    );
    expect(nodeErrors(withInput('5', 'width', 8)).nodeErrors['5']?.errors[0]?.message).toBe(
      'Value 8 smaller than min of 16',
    );
    expect(nodeErrors(withInput('3', 'seed', 'abc')).nodeErrors['3']?.errors[0]).toMatchObject({
      type: 'invalid_input_type',
      message: 'Failed to convert an input value to a INT value',
      details: "seed, abc, invalid literal for int() with base 10: 'abc'",
    });
  });

  it('checks links: shape, type, and the node and slot they point at', () => {
    expect(nodeErrors(withInput('3', 'positive', ['5', 0])).nodeErrors['3']?.errors[0]).toMatchObject({
      type: 'return_type_mismatch',
      details: 'positive, received_type(LATENT) mismatch input_type(CONDITIONING)',
    });
    // A link to a missing node raises inside the linking node's validation (KeyError), as in ComfyUI.
    expect(nodeErrors(withInput('8', 'samples', ['99', 0])).nodeErrors['8']?.errors[0]).toMatchObject({
      type: 'exception_during_inner_validation',
      details: "'99'",
      extra_info: { exception_type: 'KeyError', input_name: 'images', linked_node: ['8', 0] },
    });
    expect(nodeErrors(withInput('8', 'vae', ['4', 5])).nodeErrors['8']?.errors[0]?.details).toBe(
      'tuple index out of range',
    );
    const prompt = valid();
    (prompt['8']?.inputs as Record<string, unknown>).samples = ['3'];
    expect(nodeErrors(prompt).nodeErrors['8']?.errors[0]?.type).toBe('bad_linked_input');
  });

  it('reports a cycle instead of recursing forever', () => {
    const result = nodeErrors(withInput('10', 'model', ['10', 0]));
    expect(result.nodeErrors['10']?.errors[0]?.extra_info?.exception_type).toBe('RecursionError');
  });

  it('refuses unknown classes, nodes without a class and graphs without an output', () => {
    const unknown = valid();
    if (unknown['3']) unknown['3'].class_type = 'FancySampler';
    expect(nodeErrors(unknown)).toEqual({
      ok: false,
      error: {
        type: 'invalid_prompt',
        message: 'Cannot execute because node FancySampler does not exist.',
        details: "Node ID '#3'",
        extra_info: {},
      },
      nodeErrors: {},
    });
    expect(nodeErrors({ '1': { inputs: {} } }).error.message).toBe(
      'Cannot execute because a node is missing the class_type property.',
    );
    const noOutput = valid();
    delete noOutput['9'];
    expect(nodeErrors(noOutput).error.type).toBe('prompt_no_outputs');
  });

  it('runs the outputs that validate and reports the others', () => {
    const prompt = valid();
    prompt['11'] = { class_type: 'SaveImage', inputs: { filename_prefix: 'broken' } };
    const result = validatePrompt(prompt, lists);
    expect(result).toMatchObject({ ok: true, outputs: ['9'] });
    expect(result.nodeErrors['11']?.errors[0]?.type).toBe('required_input_missing');
  });
});
