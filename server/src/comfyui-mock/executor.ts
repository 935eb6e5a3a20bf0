// Runs queued prompts one at a time, emitting what ComfyUI's prompt_worker and PromptExecutor emit, in
// the same order and with the same fields: execution_start, execution_cached, executing per node,
// progress per sampler step, executed for output nodes, execution_success (or execution_error /
// execution_interrupted), then the history entry, a status update and `executing` with node null.
// Nothing is cached between prompts, so execution_cached always lists no nodes.
import type { ComfyWsMessage, Workflow } from '@genonaut/contracts';
import { InterruptedError, NodeExecutionError } from './execution-errors';
import type { FaultSwitch } from './faults';
import type { ImageStore } from './image-store';
import { nodeClass } from './node-classes';
import { runtimes, type MockValue, type NodeInputs, type NodeOutcome, type RunContext } from './node-runtime';
import type { NodeMeta, PromptQueue, QueueItem, RunResult, StatusMessage } from './prompt-queue';
import type { WsHub } from './ws-hub';

export interface ExecutorDeps {
  queue: PromptQueue;
  hub: WsHub;
  store: ImageStore;
  faults: FaultSwitch;
  stepMs: number;
  /** How long after execution_start the dropSockets fault cuts the connections. */
  dropDelayMs?: number;
  onCrash?: (error: unknown) => void;
}

type WsType = ComfyWsMessage['type'];
/** A message's data as the contract types it; ComfyUI adds fields (timestamp, executed, traceback…). */
type ContractData<T extends WsType> = Extract<ComfyWsMessage, { type: T }>['data'];
type WsData<T extends WsType> = ContractData<T> & Record<string, unknown>;

interface Current {
  item: QueueItem;
  abort: AbortController;
  clientId: string | undefined;
  nodeId: string | null;
}

/** Output nodes first-to-last, each after its inputs in input order (ComfyUI's recursive execution). */
export function executionOrder(prompt: Workflow, outputs: string[]): string[] {
  const order: string[] = [];
  const seen = new Set<string>();
  const visit = (id: string) => {
    const node = prompt[id];
    const cls = node && nodeClass(node.class_type);
    if (seen.has(id) || !node || !cls) return;
    seen.add(id);
    for (const name of Object.keys(cls.inputs({ checkpoints: [], loras: [] }).required)) {
      const value = node.inputs[name];
      if (Array.isArray(value) && typeof value[0] === 'string') visit(value[0]);
    }
    order.push(id);
  };
  outputs.forEach(visit);
  return order;
}

function resolveInputs(prompt: Workflow, id: string, values: Map<string, MockValue[]>): NodeInputs {
  const inputs: NodeInputs = {};
  for (const [name, value] of Object.entries(prompt[id]?.inputs ?? {})) {
    if (Array.isArray(value)) {
      const outputs = values.get(value[0]) ?? [];
      inputs[name] = outputs.at(value[1]);
    } else {
      inputs[name] = value;
    }
  }
  return inputs;
}

export class Executor {
  private readonly stopping = new AbortController();
  private current: Current | undefined;
  private loop: Promise<void> | undefined;

  constructor(private readonly deps: ExecutorDeps) {}

  start(): void {
    this.loop ??= this.runLoop();
  }

  /** Interrupts the running prompt and ends the loop once it has been recorded. */
  async stop(): Promise<void> {
    this.stopping.abort();
    this.current?.abort.abort();
    await this.loop;
  }

  /** POST /interrupt: the running prompt, or only `promptId` when one is given and it is the running one. */
  interrupt(promptId?: string): void {
    if (!this.current) return;
    if (promptId !== undefined && this.current.item[1] !== promptId) return;
    this.current.abort.abort();
  }

  /** The node executing for `clientId`, told to a client that reconnects mid-run (server.py does). */
  executingNodeFor(clientId: string): string | null {
    return this.current?.clientId === clientId ? this.current.nodeId : null;
  }

  private async runLoop(): Promise<void> {
    while (!this.stopping.signal.aborted) {
      const item = await this.deps.queue.take(this.stopping.signal);
      if (!item) return;
      try {
        await this.execute(item);
      } catch (error) {
        // A bug in the mock must not stop the queue; record the run as failed and carry on.
        this.deps.onCrash?.(error);
        this.current = undefined;
        const status: RunResult['status'] = { status_str: 'error', completed: false, messages: [] };
        this.deps.queue.taskDone(item, { outputs: {}, meta: {}, status });
      }
    }
  }

  private async execute(item: QueueItem): Promise<void> {
    const { hub, queue, faults } = this.deps;
    const [, promptId, prompt, extraData, outputsToExecute] = item;
    const clientId = typeof extraData.client_id === 'string' ? extraData.client_id : undefined;
    const current: Current = { item, abort: new AbortController(), clientId, nodeId: null };
    this.current = current;
    const messages: StatusMessage[] = [];
    // PromptExecutor.add_message: recorded for the history, sent to the client (or everyone if broadcast).
    const addMessage = <T extends WsType>(
      event: T,
      data: Omit<ContractData<T>, 'timestamp'> & Record<string, unknown>,
      broadcast: boolean,
    ) => {
      const stamped = { ...data, timestamp: Date.now() };
      messages.push([event, stamped]);
      if (clientId !== undefined || broadcast) hub.send(event, stamped, clientId);
    };
    const toClient = <T extends WsType>(event: T, data: WsData<T>) => {
      if (clientId !== undefined) hub.send(event, data, clientId);
    };

    addMessage('execution_start', { prompt_id: promptId }, false);
    if (faults.get().dropSockets) setTimeout(() => hub.dropAll(), this.deps.dropDelayMs ?? 20).unref();
    addMessage('execution_cached', { nodes: [], prompt_id: promptId }, false);

    const order = executionOrder(prompt, outputsToExecute);
    let mustFail = faults.takeRunFailure();
    const hasSampler = order.some((id) => prompt[id]?.class_type === 'KSampler');
    const values = new Map<string, MockValue[]>();
    const executed: string[] = [];
    const outputs: RunResult['outputs'] = {};
    const meta: Record<string, NodeMeta> = {};
    let success = true;

    for (const nodeId of order) {
      const classType = prompt[nodeId]?.class_type ?? '';
      let outcome: NodeOutcome;
      try {
        if (current.abort.signal.aborted) throw new InterruptedError();
        current.nodeId = nodeId;
        toClient('executing', { node: nodeId, display_node: nodeId, prompt_id: promptId });
        const inputs = resolveInputs(prompt, nodeId, values);
        const ctx: RunContext = {
          promptId,
          nodeId,
          prompt,
          extraData,
          store: this.deps.store,
          signal: current.abort.signal,
          stepMs: () => this.deps.stepMs * faults.get().slowFactor,
          progress: (value, max) =>
            hub.send(
              'progress',
              { value, max, prompt_id: promptId, node: nodeId } satisfies WsData<'progress'>,
              clientId,
            ),
        };
        if (mustFail && classType === 'KSampler') {
          ctx.failAfterSteps = Math.floor((typeof inputs.steps === 'number' ? inputs.steps : 0) / 2);
          mustFail = false;
        } else if (mustFail && !hasSampler && outputsToExecute.includes(nodeId)) {
          throw new NodeExecutionError(
            'RuntimeError',
            'Simulated failure: the mock was told to fail this run.',
          );
        }
        const runtime = runtimes[classType];
        if (!runtime) throw new NodeExecutionError('KeyError', `'${classType}'`);
        outcome = await runtime(inputs, ctx);
      } catch (error) {
        success = false;
        const base = { prompt_id: promptId, node_id: nodeId, node_type: classType, executed: [...executed] };
        if (error instanceof InterruptedError) {
          addMessage('execution_interrupted', base, true);
        } else {
          const ex =
            error instanceof NodeExecutionError ? error : new NodeExecutionError('Exception', String(error));
          addMessage(
            'execution_error',
            {
              ...base,
              exception_message: ex.exceptionMessage,
              exception_type: ex.exceptionType,
              traceback: [],
              current_inputs: {},
              current_outputs: [],
            },
            false,
          );
        }
        break;
      }
      values.set(nodeId, outcome.outputs);
      executed.push(nodeId);
      if (outcome.ui) {
        outputs[nodeId] = outcome.ui;
        meta[nodeId] = { node_id: nodeId, display_node: nodeId, parent_node: null, real_node_id: nodeId };
        toClient('executed', { node: nodeId, display_node: nodeId, output: outcome.ui, prompt_id: promptId });
      }
    }
    if (success) addMessage('execution_success', { prompt_id: promptId }, false);

    current.nodeId = null;
    this.current = undefined;
    const status: RunResult['status'] = {
      status_str: success ? 'success' : 'error',
      completed: success,
      messages,
    };
    queue.taskDone(item, { outputs, meta, status });
    toClient('executing', { node: null, prompt_id: promptId });
  }
}
