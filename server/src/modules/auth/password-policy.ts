// What makes a password too weak, beyond the 10-character minimum the schema enforces.
import { MIN_PASSWORD_LENGTH } from '../../lib/password';

const common = new Set([
  'password123',
  'password1234',
  '1234567890',
  '0123456789',
  'qwertyuiop',
  'iloveyou123',
  'letmein123',
  'welcome123',
  'administrator',
  'passw0rd123',
  'qwerty12345',
  '1q2w3e4r5t',
  'abcdefghij',
  'password12',
  'changeme123',
  'genonaut123',
  'football123',
  'baseball123',
  'monkey1234',
  'dragon1234',
  'sunshine123',
]);

/** The reason a password is refused, or null when it is acceptable. */
export function passwordWeakness(password: string, username?: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `must be at least ${MIN_PASSWORD_LENGTH} characters`;
  const lower = password.toLowerCase();
  if (common.has(lower)) return 'is one of the most common passwords';
  if (new Set(lower).size < 4) return 'needs more different characters';
  if (username && username.length >= 3 && lower.includes(username.toLowerCase()))
    return 'must not contain your username';
  return null;
}
