import { describe, expect, it } from 'vitest';
import { mergeAvailability, type Availability } from './model-availability';

const reports = (entries: Record<string, string[]>) =>
  new Map(Object.entries(entries).map(([server, files]) => [server, new Set(files)]));

describe('mergeAvailability', () => {
  it('takes each answering server’s list as the truth about that server', () => {
    const previous: Availability = new Map([
      ['a.safetensors', ['one', 'two']],
      ['b.safetensors', ['one']],
    ]);
    const next = mergeAvailability(
      previous,
      reports({ one: ['b.safetensors', 'new.safetensors'], two: ['a.safetensors'] }),
      ['one', 'two'],
    );
    expect(Object.fromEntries(next)).toEqual({
      'a.safetensors': ['two'],
      'b.safetensors': ['one'],
      'new.safetensors': ['one'],
    });
  });

  it('keeps the last known files of a configured server that did not answer', () => {
    const previous: Availability = new Map([
      ['a.safetensors', ['one', 'two']],
      ['b.safetensors', ['two']],
    ]);
    const next = mergeAvailability(previous, reports({ one: [] }), ['one', 'two']);
    expect(Object.fromEntries(next)).toEqual({ 'a.safetensors': ['two'], 'b.safetensors': ['two'] });
  });

  it('forgets a server that is no longer configured, and lists servers in configuration order', () => {
    const previous: Availability = new Map([['a.safetensors', ['gone', 'two']]]);
    const next = mergeAvailability(previous, reports({ two: ['a.safetensors'], one: ['a.safetensors'] }), [
      'one',
      'two',
    ]);
    expect(next.get('a.safetensors')).toEqual(['one', 'two']);
  });

  it('changes nothing when no server answered', () => {
    const previous: Availability = new Map([
      ['a.safetensors', ['one']],
      ['b.safetensors', []],
    ]);
    expect(mergeAvailability(previous, new Map(), ['one'])).toEqual(previous);
  });
});
