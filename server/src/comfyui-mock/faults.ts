// Fault switches, so tests can make the mock behave like a ComfyUI that fails, is slow, drops its
// WebSocket or is down. Set them when building the mock or at run time through POST /mock/faults.

export interface MockFaults {
  /** Chance (0–1) that a run ends with `execution_error` half-way through sampling. */
  failureRate: number;
  /** The next n runs fail like failureRate, deterministically; counts down. */
  failNext: number;
  /** Multiplies the time of every sampler step (0.5 = twice as fast, 10 = ten times slower). */
  slowFactor: number;
  /** Every HTTP answer (except /mock/*) waits this long first: a slow or overloaded server. */
  responseDelayMs: number;
  /** Every WebSocket connection is dropped shortly after each `execution_start`. */
  dropSockets: boolean;
  /** Every HTTP request and WebSocket upgrade (except /mock/*) has its socket destroyed: the server looks down. */
  refuseConnections: boolean;
  /** The next n HTTP requests (except /mock/* and /ws) answer 500 as aiohttp does when a handler crashes. */
  serverErrorNext: number;
  /** Validate as if the server had no model files: every prompt fails with `value_not_in_list`. */
  validationFailure: boolean;
}

export const noFaults: MockFaults = {
  failureRate: 0,
  failNext: 0,
  slowFactor: 1,
  responseDelayMs: 0,
  dropSockets: false,
  refuseConnections: false,
  serverErrorNext: 0,
  validationFailure: false,
};

type Check = (value: unknown) => string | undefined;

const number =
  (min: number, max: number, integer = false): Check =>
  (value) =>
    typeof value === 'number' &&
    Number.isFinite(value) &&
    value >= min &&
    value <= max &&
    (!integer || Number.isInteger(value))
      ? undefined
      : `must be ${integer ? 'a whole number' : 'a number'} from ${min} to ${max}`;

const boolean: Check = (value) => (typeof value === 'boolean' ? undefined : 'must be true or false');

const checks: Record<keyof MockFaults, Check> = {
  failureRate: number(0, 1),
  failNext: number(0, 1_000_000, true),
  slowFactor: number(0, 10_000),
  responseDelayMs: number(0, 600_000, true),
  dropSockets: boolean,
  refuseConnections: boolean,
  serverErrorNext: number(0, 1_000_000, true),
  validationFailure: boolean,
};

/** Checks a partial update; returns one message per bad or unknown field. */
export function checkFaultPatch(patch: unknown): string[] {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch))
    return ['body must be a JSON object'];
  return Object.entries(patch).flatMap(([key, value]) => {
    if (!Object.hasOwn(checks, key))
      return [`${key}: unknown fault (known: ${Object.keys(checks).join(', ')})`];
    const problem = checks[key as keyof MockFaults](value);
    return problem ? [`${key}: ${problem}`] : [];
  });
}

/** Drops keys set to undefined, so `{ slowFactor: undefined }` leaves the switch as it is. */
export function definedOnly(patch: Partial<MockFaults>): Partial<MockFaults> {
  return Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
}

/** The current switches, and the decisions that consume them. */
export class FaultSwitch {
  private current: MockFaults;

  constructor(
    private readonly initial: MockFaults,
    private readonly random: () => number = Math.random,
    private readonly onChange: (faults: MockFaults, previous: MockFaults) => void = () => {},
  ) {
    this.current = { ...initial };
  }

  get(): MockFaults {
    return { ...this.current };
  }

  /** Applies a patch already accepted by checkFaultPatch (or typed by the caller). */
  set(patch: Partial<MockFaults>): MockFaults {
    const previous = this.current;
    this.current = { ...this.current, ...definedOnly(patch) };
    this.onChange(this.get(), previous);
    return this.get();
  }

  reset(): MockFaults {
    return this.set(this.initial);
  }

  /** Whether the run starting now should fail; failNext is used up before failureRate is tried. */
  takeRunFailure(): boolean {
    if (this.current.failNext > 0) {
      this.current = { ...this.current, failNext: this.current.failNext - 1 };
      return true;
    }
    return this.current.failureRate > 0 && this.random() < this.current.failureRate;
  }

  takeServerError(): boolean {
    if (this.current.serverErrorNext <= 0) return false;
    this.current = { ...this.current, serverErrorNext: this.current.serverErrorNext - 1 };
    return true;
  }
}
