import { describe, expect, it } from 'vitest';
import { nonFiniteFields } from './finite-numbers';

describe('nonFiniteFields', () => {
  it('names the fields holding Infinity or NaN', () => {
    expect(nonFiniteFields({ id: Infinity, limit: 5, q: 'x', n: NaN }, 'query')).toEqual([
      { field: 'query.id', message: 'must be a finite number' },
      { field: 'query.n', message: 'must be a finite number' },
    ]);
  });

  it('accepts finite values and non-objects', () => {
    expect(nonFiniteFields({ id: 1 }, 'params')).toEqual([]);
    expect(nonFiniteFields(undefined, 'params')).toEqual([]);
  });
});
