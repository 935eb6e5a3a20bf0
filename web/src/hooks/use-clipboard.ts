import { useCallback, useState } from 'react';

export type CopyResult = 'yes' | 'failed' | null;

/** Copies text and remembers how that went, for a "Copied" or "select it instead" message. */
export function useClipboard() {
  const [copied, setCopied] = useState<CopyResult>(null);
  const copy = useCallback(async (text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied('yes');
    } catch {
      // Clipboard access can be refused (insecure origin, permissions); the text stays selectable.
      setCopied('failed');
    }
  }, []);
  const reset = useCallback(() => setCopied(null), []);
  return { copied, copy, reset };
}
