import { useState, type ChangeEvent } from 'react';
import { formErrors } from '@/lib/form-errors';

type Errors<F extends string> = Partial<Record<F, string>>;

/** What the fields need to know of the mutation that saves them. */
interface Saving {
  error: unknown;
  isSuccess: boolean;
  isError: boolean;
  reset: () => void;
}

/**
 * The text fields of a settings form: their values, the browser-side check, and per field the props
 * of its TextField with the first message for it — ours, else the API's. Typing into a field clears
 * its message and the last answer (a stale "saved" or error would describe other values).
 */
export function useFormFields<const F extends string>(
  initial: Record<F, string>,
  saving: Saving,
  validate: (values: Record<F, string>) => Errors<F>,
) {
  const [values, setValues] = useState(initial);
  const [checked, setChecked] = useState<Errors<F>>({});
  const server = formErrors(saving.error, Object.keys(initial));

  /** Runs the check; true when the values may be sent. */
  const check = () => {
    const errors = validate(values);
    setChecked(errors);
    return Object.keys(errors).length === 0;
  };
  const field = (name: F) => {
    const message = checked[name] ?? server.fields[name];
    return {
      name,
      value: values[name],
      onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
        setValues({ ...values, [name]: event.target.value });
        setChecked({ ...checked, [name]: undefined });
        if (saving.isSuccess || saving.isError) saving.reset();
      },
      error: message !== undefined,
      helperText: message,
    };
  };
  return { values, setValues, check, field, formError: server.form };
}
