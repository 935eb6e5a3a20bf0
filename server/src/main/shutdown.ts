// Graceful stop on SIGINT/SIGTERM: closers run in reverse order of registration (last started, first
// stopped), each at most once; a second signal exits at once.
type Closer = () => Promise<unknown>;

const closers: Closer[] = [];
let installed = false;
let stopping = false;

export function onShutdown(closer: Closer): void {
  closers.push(closer);
  if (installed) return;
  installed = true;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopping) process.exit(130);
      stopping = true;
      void shutdown().then(() => process.exit(0));
    });
  }
}

export async function shutdown(): Promise<void> {
  while (closers.length > 0) {
    const close = closers.pop();
    try {
      await close?.();
    } catch (error) {
      console.error('while stopping:', error instanceof Error ? error.message : error);
    }
  }
}
