import { useCallback, useSyncExternalStore } from 'react';

// Same-tab writes do not fire 'storage', so writers announce themselves with this event too.
const LOCAL_EVENT = 'genonaut-local-storage';

function read<T>(key: string, fallback: T): T {
  try {
    const raw = window.localStorage.getItem(key);
    return raw === null ? fallback : (JSON.parse(raw) as T);
  } catch {
    // Private mode or a hand-edited value: behave as if nothing was stored.
    return fallback;
  }
}

/** A JSON value in localStorage, shared live between every component (and tab) that uses the key. */
export function useLocalStorage<T>(key: string, fallback: T): [T, (value: T) => void] {
  const subscribe = useCallback((onChange: () => void) => {
    window.addEventListener('storage', onChange);
    window.addEventListener(LOCAL_EVENT, onChange);
    return () => {
      window.removeEventListener('storage', onChange);
      window.removeEventListener(LOCAL_EVENT, onChange);
    };
  }, []);
  // The snapshot is the raw string, which compares by value, so unchanged storage never re-renders.
  const raw = useSyncExternalStore(subscribe, () => window.localStorage.getItem(key));
  const value = raw === null ? fallback : read(key, fallback);
  const setValue = useCallback(
    (next: T) => {
      try {
        window.localStorage.setItem(key, JSON.stringify(next));
      } catch {
        // Storage full or disabled: the value simply is not remembered.
      }
      window.dispatchEvent(new Event(LOCAL_EVENT));
    },
    [key],
  );
  return [value, setValue];
}
