import type { ReactNode } from 'react';
import { Link as RouterLink, useLocation } from 'react-router';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import { paths } from '@/config/paths';

/** Each section is its own URL, so a link or a reload opens the same tab. */
const SECTIONS = [
  { id: 'profile', label: 'Profile', href: paths.settingsProfile.href() },
  { id: 'password', label: 'Password', href: paths.settingsPassword.href() },
  { id: 'tokens', label: 'API tokens', href: paths.settingsTokens.href() },
  { id: 'appearance', label: 'Appearance', href: paths.settingsAppearance.href() },
  { id: 'notifications', label: 'Notifications', href: paths.notificationSettings.href() },
  { id: 'sidebar', label: 'Sidebar', href: paths.settingsSidebar.href() },
] as const;

/** The settings heading and tabs above the section the URL names. */
export function SettingsLayout({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  const active = SECTIONS.find((section) => pathname.replace(/\/$/, '') === section.href);
  return (
    <Stack spacing={2} data-testid="settings-page">
      <Typography variant="h1">Settings</Typography>
      <Tabs
        value={active?.href ?? false}
        variant="scrollable"
        scrollButtons="auto"
        allowScrollButtonsMobile
        aria-label="Settings sections"
        sx={{ borderBottom: 1, borderColor: 'divider' }}
      >
        {SECTIONS.map((section) => (
          <Tab
            key={section.id}
            label={section.label}
            value={section.href}
            component={RouterLink}
            to={section.href}
            data-testid={`settings-tab-${section.id}`}
          />
        ))}
      </Tabs>
      {children}
    </Stack>
  );
}
