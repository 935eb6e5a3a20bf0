// The node classes the mock knows, declared the way ComfyUI declares them (INPUT_TYPES, RETURN_TYPES,
// OUTPUT_NODE), so that /object_info and the validator read one table and agree with each other, and a
// client that reads a real server's /object_info finds the same shapes here.
import { samplerNames, schedulerNames } from '@genonaut/contracts/comfy-names';

/** The link types flowing between the mock's nodes. */
export type ComfyType = 'MODEL' | 'CLIP' | 'VAE' | 'CONDITIONING' | 'LATENT' | 'IMAGE';

/** ComfyUI's input declaration: a type name (a link type or INT/FLOAT/STRING/BOOLEAN) or a list of choices. */
export type InputConfig = [type: string | string[], options?: InputOptions];

export interface InputOptions {
  default?: number | string | boolean;
  min?: number;
  max?: number;
  step?: number;
  round?: number;
  multiline?: boolean;
  dynamicPrompts?: boolean;
  control_after_generate?: boolean;
  tooltip?: string;
}

export interface ClassInputs {
  required: Record<string, InputConfig>;
  hidden?: Record<string, string>;
}

/** Model files a server offers; the combo inputs of the loaders list them. */
export interface ModelLists {
  checkpoints: string[];
  loras: string[];
}

export interface NodeClass {
  displayName: string;
  category: string;
  description: string;
  inputs(lists: ModelLists): ClassInputs;
  output: ComfyType[];
  outputNames?: string[];
  outputNode: boolean;
}

// The lists are shared with the web form.
export { samplerNames, schedulerNames };

/** nodes.py MAX_RESOLUTION. */
export const maxResolution = 16384;

const strength = (tooltip: string): InputConfig => [
  'FLOAT',
  { default: 1.0, min: -100.0, max: 100.0, step: 0.01, tooltip },
];

export const nodeClasses: Record<string, NodeClass> = {
  CheckpointLoaderSimple: {
    displayName: 'Load Checkpoint',
    category: 'loaders',
    description: 'Loads a diffusion model checkpoint, diffusion models are used to denoise latents.',
    inputs: ({ checkpoints }) => ({
      required: { ckpt_name: [checkpoints, { tooltip: 'The name of the checkpoint (model) to load.' }] },
    }),
    output: ['MODEL', 'CLIP', 'VAE'],
    outputNode: false,
  },
  LoraLoader: {
    displayName: 'Load LoRA',
    category: 'loaders',
    description:
      'LoRAs are used to modify diffusion and CLIP models, altering the way in which latents are denoised.',
    inputs: ({ loras }) => ({
      required: {
        model: ['MODEL', { tooltip: 'The diffusion model the LoRA will be applied to.' }],
        clip: ['CLIP', { tooltip: 'The CLIP model the LoRA will be applied to.' }],
        lora_name: [loras, { tooltip: 'The name of the LoRA.' }],
        strength_model: strength('How strongly to modify the diffusion model.'),
        strength_clip: strength('How strongly to modify the CLIP model.'),
      },
    }),
    output: ['MODEL', 'CLIP'],
    outputNode: false,
  },
  CLIPTextEncode: {
    displayName: 'CLIP Text Encode (Prompt)',
    category: 'conditioning',
    description:
      'Encodes a text prompt using a CLIP model into an embedding that guides the diffusion model.',
    inputs: () => ({
      required: {
        text: ['STRING', { multiline: true, dynamicPrompts: true, tooltip: 'The text to be encoded.' }],
        clip: ['CLIP', { tooltip: 'The CLIP model used for encoding the text.' }],
      },
    }),
    output: ['CONDITIONING'],
    outputNode: false,
  },
  EmptyLatentImage: {
    displayName: 'Empty Latent Image',
    category: 'latent',
    description: 'Create a new batch of empty latent images to be denoised via sampling.',
    inputs: () => ({
      required: {
        width: ['INT', { default: 512, min: 16, max: maxResolution, step: 8 }],
        height: ['INT', { default: 512, min: 16, max: maxResolution, step: 8 }],
        batch_size: ['INT', { default: 1, min: 1, max: 4096 }],
      },
    }),
    output: ['LATENT'],
    outputNode: false,
  },
  KSampler: {
    displayName: 'KSampler',
    category: 'sampling',
    description: 'Uses the provided model, positive and negative conditioning to denoise the latent image.',
    inputs: () => ({
      required: {
        model: ['MODEL'],
        // ComfyUI's max is 0xffffffffffffffff, which a JS number rounds to 2^64.
        seed: ['INT', { default: 0, min: 0, max: 2 ** 64 - 1, control_after_generate: true }],
        steps: ['INT', { default: 20, min: 1, max: 10000 }],
        cfg: ['FLOAT', { default: 8.0, min: 0.0, max: 100.0, step: 0.1, round: 0.01 }],
        sampler_name: [[...samplerNames]],
        scheduler: [[...schedulerNames]],
        positive: ['CONDITIONING'],
        negative: ['CONDITIONING'],
        latent_image: ['LATENT'],
        denoise: ['FLOAT', { default: 1.0, min: 0.0, max: 1.0, step: 0.01 }],
      },
    }),
    output: ['LATENT'],
    outputNode: false,
  },
  VAEDecode: {
    displayName: 'VAE Decode',
    category: 'latent',
    description: 'Decodes latent images back into pixel space images.',
    inputs: () => ({
      required: {
        samples: ['LATENT', { tooltip: 'The latent to be decoded.' }],
        vae: ['VAE', { tooltip: 'The VAE model used for decoding the latent.' }],
      },
    }),
    output: ['IMAGE'],
    outputNode: false,
  },
  SaveImage: {
    displayName: 'Save Image',
    category: 'image',
    description: 'Saves the input images to your ComfyUI output directory.',
    inputs: () => ({
      required: {
        images: ['IMAGE', { tooltip: 'The images to save.' }],
        filename_prefix: ['STRING', { default: 'ComfyUI', tooltip: 'The prefix for the file to save.' }],
      },
      hidden: { prompt: 'PROMPT', extra_pnginfo: 'EXTRA_PNGINFO' },
    }),
    output: [],
    outputNode: true,
  },
};

export function nodeClass(name: string): NodeClass | undefined {
  return Object.hasOwn(nodeClasses, name) ? nodeClasses[name] : undefined;
}

/**
 * Required inputs a newer or customised server adds to standard classes (class → input → declaration).
 * A workflow written for the standard classes lacks them and is refused, as a real server refuses it.
 */
export type ExtraInputs = Record<string, Record<string, InputConfig>>;

/** A class's inputs on this server: the standard declaration plus the server's extra required ones. */
export function inputsOf(
  name: string,
  node: NodeClass,
  lists: ModelLists,
  extra: ExtraInputs = {},
): ClassInputs {
  const input = node.inputs(lists);
  const added = extra[name];
  return added ? { ...input, required: { ...input.required, ...added } } : input;
}

/** One class as server.py's node_info() describes it. */
export function nodeInfo(name: string, node: NodeClass, lists: ModelLists, extra: ExtraInputs = {}) {
  const input = inputsOf(name, node, lists, extra);
  return {
    input,
    input_order: {
      required: Object.keys(input.required),
      ...(input.hidden ? { hidden: Object.keys(input.hidden) } : {}),
    },
    output: node.output,
    output_is_list: node.output.map(() => false),
    output_name: node.outputNames ?? node.output,
    name,
    display_name: node.displayName,
    description: node.description,
    python_module: 'nodes',
    category: node.category,
    output_node: node.outputNode,
  };
}

/** GET /object_info: every class the mock knows. */
export function objectInfo(
  lists: ModelLists,
  extra: ExtraInputs = {},
): Record<string, ReturnType<typeof nodeInfo>> {
  return Object.fromEntries(
    Object.entries(nodeClasses).map(([name, node]) => [name, nodeInfo(name, node, lists, extra)]),
  );
}
