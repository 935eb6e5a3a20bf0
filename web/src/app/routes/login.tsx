import { AuthPage } from '@/features/auth/components/auth-page';
import { LoginForm } from '@/features/auth/components/login-form';

export function Component() {
  return <AuthPage title="Sign in" form={LoginForm} />;
}
