// Which image servers have each model file, and how one sync changes that.

/** Model file name → names of the servers that have it, in configuration order. */
export type Availability = Map<string, string[]>;

/**
 * The availability after a sync. A server that answered replaces what was known of it with the files it
 * listed. A configured server that did not answer keeps its last known files: a server restarting during
 * a sync must not make its models unavailable until the next one (and when no server answers at all,
 * nothing changes). A server no longer configured is forgotten.
 */
export function mergeAvailability(
  previous: Availability,
  reports: ReadonlyMap<string, ReadonlySet<string>>,
  configured: readonly string[],
): Availability {
  const files = new Set([...previous.keys(), ...[...reports.values()].flatMap((listed) => [...listed])]);
  const next: Availability = new Map();
  for (const file of files) {
    const before = previous.get(file) ?? [];
    next.set(
      file,
      configured.filter((server) => {
        const listed = reports.get(server);
        return listed ? listed.has(file) : before.includes(server);
      }),
    );
  }
  return next;
}
