import { useState, type FormEvent } from 'react';
import { Link as RouterLink } from 'react-router';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { CurrentUser } from '@genonaut/contracts';
import { paths } from '@/config/paths';
import { useLogin } from '../api/login';
import { formErrors } from './form-errors';

const FIELDS = ['login', 'password'] as const;

export function LoginForm({
  redirectTo,
  onSuccess,
}: {
  redirectTo?: string;
  onSuccess: (user: CurrentUser) => void;
}) {
  const [values, setValues] = useState({ login: '', password: '' });
  const mutation = useLogin();
  const errors = formErrors(mutation.error, FIELDS);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate(values, { onSuccess: ({ user }) => onSuccess(user) });
  };

  return (
    <Stack
      component="form"
      spacing={2}
      noValidate
      onSubmit={submit}
      aria-label="Sign in"
      data-testid="login-form"
    >
      {errors.form && (
        <Alert severity="error" data-testid="login-error">
          {errors.form}
        </Alert>
      )}
      <TextField
        label="Username or email"
        name="login"
        autoComplete="username"
        autoFocus
        required
        value={values.login}
        onChange={(event) => setValues({ ...values, login: event.target.value })}
        error={Boolean(errors.fields.login)}
        helperText={errors.fields.login}
      />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        value={values.password}
        onChange={(event) => setValues({ ...values, password: event.target.value })}
        error={Boolean(errors.fields.password)}
        helperText={errors.fields.password}
      />
      <Button type="submit" variant="contained" size="large" loading={mutation.isPending}>
        Sign in
      </Button>
      <Typography variant="body2">
        New here?{' '}
        <Link component={RouterLink} to={paths.register.href(redirectTo)}>
          Create an account
        </Link>
      </Typography>
    </Stack>
  );
}
