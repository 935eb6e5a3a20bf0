import TextField from '@mui/material/TextField';
import { paths } from '@/config/paths';
import { useLogin } from '../api/login';
import { AuthForm, useAuthFields } from './auth-form';
import type { AuthFormProps } from './auth-page';

const FIELDS = ['login', 'password'] as const;

export function LoginForm({ redirectTo, onSuccess }: AuthFormProps) {
  const mutation = useLogin();
  const { values, field, formError } = useAuthFields(FIELDS, mutation.error);

  return (
    <AuthForm
      label="Sign in"
      testId="login"
      onSubmit={() => mutation.mutate(values, { onSuccess: ({ user }) => onSuccess(user) })}
      error={formError}
      submitLabel="Sign in"
      pending={mutation.isPending}
      switchPrompt="New here?"
      switchLabel="Create an account"
      switchTo={paths.register.href(redirectTo)}
    >
      <TextField label="Username or email" autoComplete="username" autoFocus required {...field('login')} />
      <TextField
        label="Password"
        type="password"
        autoComplete="current-password"
        required
        {...field('password')}
      />
    </AuthForm>
  );
}
