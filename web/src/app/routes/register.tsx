import { AuthPage } from '@/features/auth/components/auth-page';
import { RegisterForm } from '@/features/auth/components/register-form';

export function Component() {
  return <AuthPage title="Create an account" form={RegisterForm} />;
}
