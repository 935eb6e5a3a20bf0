import { useState, type ChangeEvent, type FormEvent } from 'react';
import { Link as RouterLink } from 'react-router';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { CurrentUser, RegisterBody } from '@genonaut/contracts';
import { paths } from '@/config/paths';
import { useRegister } from '../api/register';
import { formErrors } from './form-errors';

const FIELDS = ['username', 'email', 'password', 'displayName'] as const;

export function RegisterForm({
  redirectTo,
  onSuccess,
}: {
  redirectTo?: string;
  onSuccess: (user: CurrentUser) => void;
}) {
  const [values, setValues] = useState({ username: '', email: '', password: '', displayName: '' });
  const mutation = useRegister();
  const errors = formErrors(mutation.error, FIELDS);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body: RegisterBody = { username: values.username, email: values.email, password: values.password };
    // An empty display name is "none", which the API expresses by leaving the field out.
    if (values.displayName.trim()) body.displayName = values.displayName.trim();
    mutation.mutate(body, { onSuccess: ({ user }) => onSuccess(user) });
  };

  const field = (name: (typeof FIELDS)[number]) => ({
    name,
    value: values[name],
    onChange: (event: ChangeEvent<HTMLInputElement>) => setValues({ ...values, [name]: event.target.value }),
    error: Boolean(errors.fields[name]),
    helperText: errors.fields[name],
  });

  return (
    <Stack
      component="form"
      spacing={2}
      noValidate
      onSubmit={submit}
      aria-label="Sign up"
      data-testid="register-form"
    >
      {errors.form && (
        <Alert severity="error" data-testid="register-error">
          {errors.form}
        </Alert>
      )}
      <TextField label="Username" autoComplete="username" autoFocus required {...field('username')} />
      <TextField label="Email" type="email" autoComplete="email" required {...field('email')} />
      <TextField
        label="Password"
        type="password"
        autoComplete="new-password"
        required
        {...field('password')}
        helperText={errors.fields.password ?? 'At least 10 characters'}
      />
      <TextField label="Display name (optional)" autoComplete="nickname" {...field('displayName')} />
      <Button type="submit" variant="contained" size="large" loading={mutation.isPending}>
        Create account
      </Button>
      <Typography variant="body2">
        Already have an account?{' '}
        <Link component={RouterLink} to={paths.login.href(redirectTo)}>
          Sign in
        </Link>
      </Typography>
    </Stack>
  );
}
