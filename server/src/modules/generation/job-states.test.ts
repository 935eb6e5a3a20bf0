import { describe, expect, it } from 'vitest';
import { allowedTransitions, sourcesFor } from './job-states';

describe('job state machine', () => {
  it('allows exactly the transitions of the specification', () => {
    expect(sourcesFor('running').sort()).toEqual(['queued', 'running']);
    expect(sourcesFor('cancelled').sort()).toEqual(['queued', 'running']);
    expect(sourcesFor('completed')).toEqual(['running']);
    expect(sourcesFor('failed')).toEqual(['running']);
    expect(sourcesFor('queued').sort()).toEqual(['cancelled', 'failed']);
    expect(allowedTransitions.completed).toEqual([]);
  });
});
