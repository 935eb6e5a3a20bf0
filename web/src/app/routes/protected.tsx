import { Navigate, Outlet, useLocation } from 'react-router';
import { ErrorState } from '@/components/state-message';
import { PageLoader } from '@/components/page-loader';
import { paths } from '@/config/paths';
import { useCurrentUser } from '@/features/auth/api/get-current-user';

/** Pages that need a signed-in user send everyone else to the login, which sends them back here. */
export function Component() {
  const location = useLocation();
  const me = useCurrentUser();
  if (me.isPending) return <PageLoader />;
  if (me.isError) return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) return <Navigate to={paths.login.href(location.pathname + location.search)} replace />;
  return <Outlet />;
}
