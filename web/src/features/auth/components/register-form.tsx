import TextField from '@mui/material/TextField';
import type { RegisterBody } from '@genonaut/contracts';
import { paths } from '@/config/paths';
import { useRegister } from '../api/register';
import { AuthForm, useAuthFields } from './auth-form';
import type { AuthFormProps } from './auth-page';

const FIELDS = ['username', 'email', 'password', 'displayName'] as const;

export function RegisterForm({ redirectTo, onSuccess }: AuthFormProps) {
  const mutation = useRegister();
  const { values, field, formError } = useAuthFields(FIELDS, mutation.error);

  const submit = () => {
    const body: RegisterBody = { username: values.username, email: values.email, password: values.password };
    // An empty display name is "none", which the API expresses by leaving the field out.
    if (values.displayName.trim()) body.displayName = values.displayName.trim();
    mutation.mutate(body, { onSuccess: ({ user }) => onSuccess(user) });
  };
  const password = field('password');

  return (
    <AuthForm
      label="Sign up"
      testId="register"
      onSubmit={submit}
      error={formError}
      submitLabel="Create account"
      pending={mutation.isPending}
      switchPrompt="Already have an account?"
      switchLabel="Sign in"
      switchTo={paths.login.href(redirectTo)}
    >
      <TextField label="Username" autoComplete="username" autoFocus required {...field('username')} />
      <TextField label="Email" type="email" autoComplete="email" required {...field('email')} />
      <TextField
        label="Password"
        type="password"
        autoComplete="new-password"
        required
        {...password}
        helperText={password.helperText ?? 'At least 10 characters'}
      />
      <TextField label="Display name (optional)" autoComplete="nickname" {...field('displayName')} />
    </AuthForm>
  );
}
