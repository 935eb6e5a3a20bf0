import type { FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import type { CurrentUser, UpdateMeBody } from '@genonaut/contracts';
import { useUpdateMe } from '../api/update-me';
import { useFormFields } from '../hooks/use-form-fields';
import { SettingsSection } from './settings-section';

type Field = 'displayName' | 'email';

/** Mirrors the API's rules, so the common mistakes are caught before a round trip. */
function validate(values: Record<Field, string>): Partial<Record<Field, string>> {
  const errors: Partial<Record<Field, string>> = {};
  if (values.displayName.trim().length > 100) errors.displayName = 'must be at most 100 characters';
  const email = values.email.trim();
  if (!email) errors.email = 'is required';
  else if (!/^[^\s@]+@[^\s@]+$/.test(email) || email.length > 254) errors.email = 'is not an email address';
  return errors;
}

/** Display name and email; only the fields that changed are sent. */
export function ProfileSection({
  user,
  onUserChange,
}: {
  user: CurrentUser;
  onUserChange: (user: CurrentUser) => void;
}) {
  const update = useUpdateMe(onUserChange);
  const { values, check, field, formError } = useFormFields(
    { displayName: user.displayName ?? '', email: user.email },
    update,
    validate,
  );

  const changes: UpdateMeBody = {};
  const displayName = values.displayName.trim() || null;
  if (displayName !== user.displayName) changes.displayName = displayName;
  if (values.email.trim() !== user.email) changes.email = values.email.trim();
  const dirty = Object.keys(changes).length > 0;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (check() && dirty) update.mutate(changes);
  };
  const input = (name: Field) => ({ htmlInput: { 'data-testid': `profile-${name}` } });

  return (
    <SettingsSection
      id="profile"
      title="Profile"
      description="How others see you, and where we can reach you."
    >
      <Stack component="form" spacing={2} noValidate onSubmit={submit} sx={{ maxWidth: 480 }}>
        <TextField label="Username" value={user.username} disabled helperText="Usernames cannot change" />
        <TextField
          label="Display name"
          autoComplete="nickname"
          {...field('displayName')}
          slotProps={input('displayName')}
        />
        <TextField
          label="Email"
          type="email"
          autoComplete="email"
          required
          {...field('email')}
          slotProps={input('email')}
        />
        {formError && (
          <Alert severity="error" data-testid="profile-error">
            {formError}
          </Alert>
        )}
        {update.isSuccess && (
          <Alert severity="success" data-testid="profile-saved">
            Profile saved
          </Alert>
        )}
        <Stack direction="row">
          <Button
            type="submit"
            variant="contained"
            disabled={!dirty || update.isPending}
            data-testid="profile-save"
          >
            {update.isPending ? 'Saving…' : 'Save profile'}
          </Button>
        </Stack>
      </Stack>
    </SettingsSection>
  );
}
