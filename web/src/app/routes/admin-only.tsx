import { Navigate, Outlet, useLocation } from 'react-router';
import { PageLoader } from '@/components/page-loader';
import { EmptyState, ErrorState } from '@/components/state-message';
import { paths } from '@/config/paths';
import { useCurrentUser } from '@/features/auth/api/get-current-user';

/**
 * Admin pages: visitors go to the login (and come back), signed-in users without the admin role see
 * that the page is not for them. The API refuses them anyway; this only spares them a broken page.
 */
export function Component() {
  const location = useLocation();
  const me = useCurrentUser();
  if (me.isPending) return <PageLoader />;
  if (me.isError) return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) return <Navigate to={paths.login.href(location.pathname + location.search)} replace />;
  if (me.data.role !== 'admin') {
    return (
      <EmptyState title="Administrators only" testId="admin-only">
        This page is for administrators of this Genonaut.
      </EmptyState>
    );
  }
  return <Outlet />;
}
