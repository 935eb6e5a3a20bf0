/** Runs `work` and reports how long it took, failing with `timeout` after `ms`. */
export async function timed<T>(work: () => Promise<T>, ms: number): Promise<{ value: T; latencyMs: number }> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  try {
    const value = await Promise.race([work(), timeout]);
    return { value, latencyMs: Math.round((performance.now() - started) * 10) / 10 };
  } finally {
    clearTimeout(timer);
  }
}
