import type { FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useChangePassword } from '../api/change-password';
import { useFormFields } from '../hooks/use-form-fields';
import { SettingsSection } from './settings-section';

const MIN_LENGTH = 10;
type Field = 'currentPassword' | 'newPassword' | 'confirmPassword';
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
  const change = useChangePassword();
  const { values, setValues, check, field, formError } = useFormFields(EMPTY, change, validate);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!check()) return;
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      // Passwords do not linger in the form once they have done their job.
      { onSuccess: () => setValues(EMPTY) },
    );
  };
  const input = (name: Field, label: string, autoComplete: string, hint?: string) => {
    const props = field(name);
    return (
      <TextField
        label={label}
        type="password"
        autoComplete={autoComplete}
        required
        {...props}
        helperText={props.helperText ?? hint}
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
        {input('currentPassword', 'Current password', 'current-password')}
        {input('newPassword', 'New password', 'new-password', `At least ${MIN_LENGTH} characters`)}
        {input('confirmPassword', 'Repeat the new password', 'new-password')}
        {formError && (
          <Alert severity="error" data-testid="password-error">
            {formError}
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
