import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { PageLoader } from '@/components/page-loader';
import { paths, safeRedirect } from '@/config/paths';
import { useCurrentUser } from '@/features/auth/api/get-current-user';
import { AuthLayout } from '@/features/auth/components/auth-layout';
import { LoginForm } from '@/features/auth/components/login-form';
import { useDocumentTitle } from '@/hooks/use-document-title';

export function Component() {
  useDocumentTitle('Sign in');
  const [searchParams] = useSearchParams();
  const redirectTo = safeRedirect(searchParams.get('redirectTo'));
  const navigate = useNavigate();
  const me = useCurrentUser();
  if (me.isPending) return <PageLoader />;
  if (me.data) return <Navigate to={redirectTo} replace />;
  return (
    <AuthLayout title="Sign in">
      <LoginForm
        redirectTo={redirectTo === paths.dashboard.href() ? undefined : redirectTo}
        onSuccess={() => void navigate(redirectTo, { replace: true })}
      />
    </AuthLayout>
  );
}
