import { Outlet } from 'react-router';
import { SettingsLayout } from '@/features/settings/components/settings-layout';

/** Settings: one tab per section, each section a child route (notifications come from their feature). */
export function Component() {
  return (
    <SettingsLayout>
      <Outlet />
    </SettingsLayout>
  );
}
