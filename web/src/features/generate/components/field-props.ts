import type { FieldErrors, FormValues } from '../utils/form-values';

/** What every section of the form receives: the values, the errors to show and a way to change them. */
export interface FieldsProps {
  values: FormValues;
  errors: FieldErrors;
  change: (patch: Partial<FormValues>) => void;
}
