// The subset of ComfyUI's HTTP and WebSocket API that Genonaut speaks, shared by the client (worker) and
// the mock server. Shapes follow ComfyUI's own (snake_case, as ComfyUI sends them).
import { Type, type Static } from 'typebox';

/** A link to another node's output: [nodeId, outputIndex]. */
export const NodeLink = Type.Tuple([Type.String(), Type.Integer({ minimum: 0 })]);
export type NodeLink = Static<typeof NodeLink>;

export const WorkflowNode = Type.Object({
  class_type: Type.String(),
  inputs: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number(), Type.Boolean(), NodeLink])),
  _meta: Type.Optional(Type.Object({ title: Type.Optional(Type.String()) })),
});
export type WorkflowNode = Static<typeof WorkflowNode>;

/** ComfyUI's "API format" workflow: node id → node. */
export const Workflow = Type.Record(Type.String(), WorkflowNode);
export type Workflow = Static<typeof Workflow>;

export const PromptRequest = Type.Object({
  prompt: Workflow,
  client_id: Type.Optional(Type.String()),
  prompt_id: Type.Optional(Type.String()),
  extra_data: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
});
export type PromptRequest = Static<typeof PromptRequest>;

export const PromptResponse = Type.Object({
  prompt_id: Type.String(),
  number: Type.Integer(),
  node_errors: Type.Record(Type.String(), Type.Unknown()),
});
export type PromptResponse = Static<typeof PromptResponse>;

export const ComfyError = Type.Object({
  type: Type.String(),
  message: Type.String(),
  details: Type.String(),
  extra_info: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
});
export type ComfyError = Static<typeof ComfyError>;

export const NodeError = Type.Object({
  errors: Type.Array(ComfyError),
  dependent_outputs: Type.Array(Type.String()),
  class_type: Type.String(),
});
export type NodeError = Static<typeof NodeError>;

/** HTTP 400 from POST /prompt when the graph does not validate. */
export const PromptValidationError = Type.Object({
  error: ComfyError,
  node_errors: Type.Record(Type.String(), NodeError),
});
export type PromptValidationError = Static<typeof PromptValidationError>;

export const OutputImage = Type.Object({
  filename: Type.String(),
  subfolder: Type.String(),
  type: Type.String({ description: 'output | temp | input' }),
});
export type OutputImage = Static<typeof OutputImage>;

export const HistoryEntry = Type.Object({
  prompt: Type.Array(Type.Unknown(), {
    description: '[number, prompt_id, workflow, extra_data, outputs_to_execute]',
  }),
  outputs: Type.Record(Type.String(), Type.Object({ images: Type.Optional(Type.Array(OutputImage)) })),
  status: Type.Object({
    status_str: Type.Union([Type.Literal('success'), Type.Literal('error')]),
    completed: Type.Boolean(),
    messages: Type.Array(Type.Tuple([Type.String(), Type.Record(Type.String(), Type.Unknown())])),
  }),
});
export type HistoryEntry = Static<typeof HistoryEntry>;

/** GET /history/:id answers { [prompt_id]: HistoryEntry } (empty object while unknown or running). */
export const HistoryResponse = Type.Record(Type.String(), HistoryEntry);
export type HistoryResponse = Static<typeof HistoryResponse>;

/** GET /queue: running and pending items as [number, prompt_id, workflow, extra_data, outputs]. */
export const QueueResponse = Type.Object({
  queue_running: Type.Array(Type.Array(Type.Unknown())),
  queue_pending: Type.Array(Type.Array(Type.Unknown())),
});
export type QueueResponse = Static<typeof QueueResponse>;

/** POST /queue: remove pending prompts or clear the queue. */
export const QueueAction = Type.Object({
  delete: Type.Optional(Type.Array(Type.String())),
  clear: Type.Optional(Type.Boolean()),
});
export type QueueAction = Static<typeof QueueAction>;

/** Messages on /ws?clientId= (the subset Genonaut uses). */
export type ComfyWsMessage =
  | { type: 'status'; data: { status: { exec_info: { queue_remaining: number } }; sid?: string } }
  | { type: 'execution_start'; data: { prompt_id: string; timestamp?: number } }
  | { type: 'execution_cached'; data: { prompt_id: string; nodes: string[] } }
  | { type: 'executing'; data: { prompt_id: string; node: string | null; display_node?: string } }
  | { type: 'progress'; data: { prompt_id: string; node: string; value: number; max: number } }
  | { type: 'executed'; data: { prompt_id: string; node: string; output: { images?: OutputImage[] } } }
  | { type: 'execution_success'; data: { prompt_id: string; timestamp?: number } }
  | {
      type: 'execution_error';
      data: {
        prompt_id: string;
        node_id: string;
        node_type: string;
        exception_message: string;
        exception_type: string;
      };
    }
  | { type: 'execution_interrupted'; data: { prompt_id: string; node_id: string; node_type: string } };
