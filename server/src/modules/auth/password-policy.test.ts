import { describe, expect, it } from 'vitest';
import { passwordWeakness } from './password-policy';

describe('passwordWeakness', () => {
  it.each([
    ['short', 'must be at least 10 characters'],
    ['password123', 'is one of the most common passwords'],
    ['aaaaaaaaaaaa', 'needs more different characters'],
    ['mynameisalice99', 'must not contain your username'],
  ])('refuses %s', (password, reason) => {
    expect(passwordWeakness(password, 'Alice')).toBe(reason);
  });

  it('accepts a reasonable password', () => {
    expect(passwordWeakness('violet kite over harbour', 'alice')).toBeNull();
  });
});
