import { useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import type { CurrentUser, UpdateMeBody } from '@genonaut/contracts';
import { formErrors } from '@/lib/form-errors';
import { useUpdateMe } from '../api/update-me';
import { SettingsSection } from './settings-section';

const FIELDS = ['displayName', 'email'] as const;
type Field = (typeof FIELDS)[number];

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
  const [values, setValues] = useState({ displayName: user.displayName ?? '', email: user.email });
  const [checked, setChecked] = useState<Partial<Record<Field, string>>>({});
  const update = useUpdateMe(onUserChange);
  const server = formErrors(update.error, FIELDS);

  const changes: UpdateMeBody = {};
  const displayName = values.displayName.trim() || null;
  if (displayName !== user.displayName) changes.displayName = displayName;
  if (values.email.trim() !== user.email) changes.email = values.email.trim();
  const dirty = Object.keys(changes).length > 0;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const errors = validate(values);
    setChecked(errors);
    if (Object.keys(errors).length > 0 || !dirty) return;
    update.mutate(changes);
  };
  const field = (name: Field) => {
    const message = checked[name] ?? server.fields[name];
    return {
      name,
      value: values[name],
      onChange: (event: { target: { value: string } }) => {
        setValues({ ...values, [name]: event.target.value });
        setChecked({ ...checked, [name]: undefined });
        if (update.isSuccess || update.isError) update.reset();
      },
      error: message !== undefined,
      helperText: message,
      slotProps: { htmlInput: { 'data-testid': `profile-${name}` } },
    };
  };

  return (
    <SettingsSection
      id="profile"
      title="Profile"
      description="How others see you, and where we can reach you."
    >
      <Stack component="form" spacing={2} noValidate onSubmit={submit} sx={{ maxWidth: 480 }}>
        <TextField label="Username" value={user.username} disabled helperText="Usernames cannot change" />
        <TextField label="Display name" autoComplete="nickname" {...field('displayName')} />
        <TextField label="Email" type="email" autoComplete="email" required {...field('email')} />
        {server.form && (
          <Alert severity="error" data-testid="profile-error">
            {server.form}
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
