import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Typography from '@mui/material/Typography';
import type { CurrentUser } from '@genonaut/contracts';
import { MutationError } from '@/components/mutation-error';
import { useThemeMode } from '../hooks/use-theme-mode';
import { THEME_MODES, type ThemeMode } from '../utils/preferences';
import { SettingsSection } from './settings-section';

const LABELS: Record<ThemeMode, string> = {
  light: 'Light',
  dark: 'Dark',
  system: 'Same as this device',
};

/** The theme; the same setting as the app bar's toggle, saved with the account. */
export function AppearanceSection({
  user,
  onUserChange,
}: {
  user: CurrentUser;
  onUserChange: (user: CurrentUser) => void;
}) {
  const theme = useThemeMode({ user, onUserChange });
  return (
    <SettingsSection
      id="appearance"
      title="Appearance"
      description="Your choice is saved with your account, so your other browsers follow it."
    >
      <FormLabel id="theme-mode-label">Theme</FormLabel>
      <RadioGroup
        aria-labelledby="theme-mode-label"
        value={theme.mode}
        onChange={(event) => theme.choose(event.target.value as ThemeMode)}
        data-testid="theme-mode"
      >
        {THEME_MODES.map((mode) => (
          <FormControlLabel
            key={mode}
            value={mode}
            label={LABELS[mode]}
            control={<Radio slotProps={{ input: { 'data-testid': `theme-mode-${mode}` } as object }} />}
          />
        ))}
      </RadioGroup>
      <Typography variant="body2" color="text.secondary" data-testid="theme-resolved">
        Showing the {theme.resolved} theme.
      </Typography>
      <MutationError error={theme.error} message="Saved in this browser only" testId="appearance-error" />
    </SettingsSection>
  );
}
