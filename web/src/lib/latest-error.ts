interface MutationOutcome {
  submittedAt: number;
  error: unknown;
}

/**
 * The error of whichever mutation started last, for one control backed by two endpoints (PUT sets,
 * DELETE removes): a later success of the other one means the old error no longer applies.
 */
export function latestError(first: MutationOutcome, ...others: MutationOutcome[]): unknown {
  return others.reduce((latest, next) => (next.submittedAt > latest.submittedAt ? next : latest), first)
    .error;
}
