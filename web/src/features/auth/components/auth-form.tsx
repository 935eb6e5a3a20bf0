import { useState, type ChangeEvent, type FormEvent, type ReactNode } from 'react';
import { Link as RouterLink } from 'react-router';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { formErrors } from '@/lib/form-errors';

/**
 * The text fields of a sign-in or sign-up form: their values, and for each the props of its
 * TextField, with the API's message for that field under it.
 */
export function useAuthFields<const F extends string>(names: readonly F[], error: unknown) {
  const [values, setValues] = useState(
    () => Object.fromEntries(names.map((name) => [name, ''])) as Record<F, string>,
  );
  const errors = formErrors(error, names);
  const field = (name: F) => ({
    name,
    value: values[name],
    onChange: (event: ChangeEvent<HTMLInputElement>) => setValues({ ...values, [name]: event.target.value }),
    error: Boolean(errors.fields[name]),
    helperText: errors.fields[name],
  });
  return { values, field, formError: errors.form };
}

/**
 * The frame both auth forms share: the form-wide error, the fields, the submit button and the link
 * to the other form.
 */
export function AuthForm({
  label,
  testId,
  onSubmit,
  error,
  submitLabel,
  pending,
  switchPrompt,
  switchLabel,
  switchTo,
  children,
}: {
  label: string;
  testId: string;
  onSubmit: () => void;
  error: string | null;
  submitLabel: string;
  pending: boolean;
  switchPrompt: string;
  switchLabel: string;
  switchTo: string;
  children: ReactNode;
}) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <Stack
      component="form"
      spacing={2}
      noValidate
      onSubmit={submit}
      aria-label={label}
      data-testid={`${testId}-form`}
    >
      {error && (
        <Alert severity="error" data-testid={`${testId}-error`}>
          {error}
        </Alert>
      )}
      {children}
      <Button type="submit" variant="contained" size="large" loading={pending}>
        {submitLabel}
      </Button>
      <Typography variant="body2">
        {switchPrompt}{' '}
        <Link component={RouterLink} to={switchTo}>
          {switchLabel}
        </Link>
      </Typography>
    </Stack>
  );
}
