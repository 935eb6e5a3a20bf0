import { useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { formErrors } from '@/lib/form-errors';
import { useChangePassword } from '../api/change-password';
import { SettingsSection } from './settings-section';

const MIN_LENGTH = 10;
const FIELDS = ['currentPassword', 'newPassword', 'confirmPassword'] as const;
type Field = (typeof FIELDS)[number];
const EMPTY: Record<Field, string> = { currentPassword: '', newPassword: '', confirmPassword: '' };

function validate(values: Record<Field, string>): Partial<Record<Field, string>> {
  const errors: Partial<Record<Field, string>> = {};
  if (!values.currentPassword) errors.currentPassword = 'is required';
  if (values.newPassword.length < MIN_LENGTH)
    errors.newPassword = `must be at least ${MIN_LENGTH} characters`;
  if (values.confirmPassword !== values.newPassword)
    errors.confirmPassword = 'does not match the new password';
  return errors;
}

/** Current, new and repeated password; the API checks the current one and the new one's strength. */
export function PasswordSection() {
  const [values, setValues] = useState(EMPTY);
  const [checked, setChecked] = useState<Partial<Record<Field, string>>>({});
  const change = useChangePassword();
  const server = formErrors(change.error, FIELDS);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const errors = validate(values);
    setChecked(errors);
    if (Object.keys(errors).length > 0) return;
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      // Passwords do not linger in the form once they have done their job.
      { onSuccess: () => setValues(EMPTY) },
    );
  };
  const field = (name: Field, label: string, autoComplete: string, hint?: string) => {
    const message = checked[name] ?? server.fields[name];
    return (
      <TextField
        label={label}
        type="password"
        autoComplete={autoComplete}
        required
        name={name}
        value={values[name]}
        onChange={(event) => {
          setValues({ ...values, [name]: event.target.value });
          setChecked({ ...checked, [name]: undefined });
          if (change.isSuccess || change.isError) change.reset();
        }}
        error={message !== undefined}
        helperText={message ?? hint}
        slotProps={{ htmlInput: { 'data-testid': `password-${name}` } }}
      />
    );
  };

  return (
    <SettingsSection
      id="password"
      title="Password"
      description="Changing it signs you out everywhere else; this browser stays signed in."
    >
      <Stack component="form" spacing={2} noValidate onSubmit={submit} sx={{ maxWidth: 480 }}>
        {field('currentPassword', 'Current password', 'current-password')}
        {field('newPassword', 'New password', 'new-password', `At least ${MIN_LENGTH} characters`)}
        {field('confirmPassword', 'Repeat the new password', 'new-password')}
        {server.form && (
          <Alert severity="error" data-testid="password-error">
            {server.form}
          </Alert>
        )}
        {change.isSuccess && (
          <Alert severity="success" data-testid="password-changed">
            Password changed. Your other sessions have been signed out.
          </Alert>
        )}
        <Stack direction="row">
          <Button type="submit" variant="contained" disabled={change.isPending} data-testid="password-save">
            {change.isPending ? 'Changing…' : 'Change password'}
          </Button>
        </Stack>
      </Stack>
    </SettingsSection>
  );
}
