import type { ComponentType } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import type { CurrentUser } from '@genonaut/contracts';
import { PageLoader } from '@/components/page-loader';
import { paths, safeRedirect } from '@/config/paths';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useCurrentUser } from '../api/get-current-user';
import { AuthLayout } from './auth-layout';

export interface AuthFormProps {
  /** Where to go after signing in, carried over to the other form's link; absent for the dashboard. */
  redirectTo?: string;
  onSuccess: (user: CurrentUser) => void;
}

/**
 * A sign-in or sign-up page: visitors who are signed in already go straight on to `?redirectTo`
 * (or the dashboard), as does everyone the form signs in.
 */
export function AuthPage({ title, form: Form }: { title: string; form: ComponentType<AuthFormProps> }) {
  useDocumentTitle(title);
  const [searchParams] = useSearchParams();
  const redirectTo = safeRedirect(searchParams.get('redirectTo'));
  const navigate = useNavigate();
  const me = useCurrentUser();
  if (me.isPending) return <PageLoader />;
  if (me.data) return <Navigate to={redirectTo} replace />;
  return (
    <AuthLayout title={title}>
      <Form
        redirectTo={redirectTo === paths.dashboard.href() ? undefined : redirectTo}
        onSuccess={() => void navigate(redirectTo, { replace: true })}
      />
    </AuthLayout>
  );
}
