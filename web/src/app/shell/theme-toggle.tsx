import IconButton from '@mui/material/IconButton';
import Tooltip from '@mui/material/Tooltip';
import DarkModeIcon from '@mui/icons-material/DarkModeOutlined';
import LightModeIcon from '@mui/icons-material/LightModeOutlined';
import { useCurrentUser, useSetCurrentUser } from '@/features/auth/api/get-current-user';
import { useThemeMode } from '@/features/settings/hooks/use-theme-mode';

/**
 * Flips between light and dark. The same setting as the settings page's Appearance: kept in this
 * browser at once and, for a signed-in user, saved with the account.
 */
export function ThemeToggle() {
  const user = useCurrentUser().data ?? null;
  const { resolved, choose } = useThemeMode({ user, onUserChange: useSetCurrentUser() });
  const next = resolved === 'dark' ? 'light' : 'dark';
  const label = `Switch to ${next} theme`;
  return (
    <Tooltip title={label}>
      <IconButton color="inherit" aria-label={label} data-testid="theme-toggle" onClick={() => choose(next)}>
        {resolved === 'dark' ? <LightModeIcon /> : <DarkModeIcon />}
      </IconButton>
    </Tooltip>
  );
}
