import { useCallback, useEffect, useState } from 'react';
import { DEFAULT_VALUES, restoreValues, type FormValues } from '../utils/form-values';

const KEY = 'genonaut-generate-form';

function load(): FormValues {
  try {
    const raw = window.localStorage.getItem(KEY);
    return raw === null ? DEFAULT_VALUES : restoreValues(JSON.parse(raw));
  } catch {
    return DEFAULT_VALUES;
  }
}

/** The form's values, remembered in this browser between visits. */
export function useGenerateForm() {
  const [values, setValues] = useState<FormValues>(load);
  useEffect(() => {
    try {
      window.localStorage.setItem(KEY, JSON.stringify(values));
    } catch {
      // Storage full or disabled: the form simply starts fresh next time.
    }
  }, [values]);
  const change = useCallback(
    (patch: Partial<FormValues>) => setValues((current) => ({ ...current, ...patch })),
    [],
  );
  const reset = useCallback(() => setValues(DEFAULT_VALUES), []);
  return { values, change, replace: setValues, reset };
}
