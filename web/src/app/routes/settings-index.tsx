import { Navigate } from 'react-router';
import { paths } from '@/config/paths';

/** /settings opens the first tab, with its own URL. */
export function Component() {
  return <Navigate to={paths.settingsProfile.href()} replace />;
}
