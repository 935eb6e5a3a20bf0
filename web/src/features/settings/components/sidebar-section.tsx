import Checkbox from '@mui/material/Checkbox';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import type { CurrentUser } from '@genonaut/contracts';
import { MutationError } from '@/components/mutation-error';
import { useUpdateMe } from '../api/update-me';
import {
  OPTIONAL_SIDEBAR_SECTIONS,
  sidebarPreferences,
  type SidebarPreferences,
  type SidebarStart,
} from '../utils/preferences';
import { SettingsSection } from './settings-section';

const START_LABELS: Record<SidebarStart, string> = {
  remember: 'As I last left it',
  expanded: 'Always expanded',
  collapsed: 'Always collapsed to icons',
};

/** How the sidebar starts on wide screens and which optional entries it shows; saved at once. */
export function SidebarSection({
  user,
  onUserChange,
}: {
  user: CurrentUser;
  onUserChange: (user: CurrentUser) => void;
}) {
  const update = useUpdateMe(onUserChange);
  // While a change is on its way, the form shows it rather than the older saved value.
  const current = sidebarPreferences(update.isPending ? update.variables.preferences : user.preferences);
  // Preferences merge one level deep, so the sidebar object is always sent whole.
  const save = (next: SidebarPreferences) => update.mutate({ preferences: { sidebar: next } });

  return (
    <SettingsSection id="sidebar" title="Sidebar" description="Saved with your account.">
      <FormControl>
        <FormLabel id="sidebar-start-label">When a page opens on a wide screen</FormLabel>
        <RadioGroup
          aria-labelledby="sidebar-start-label"
          value={current.start}
          onChange={(event) => save({ ...current, start: event.target.value as SidebarStart })}
        >
          {(Object.keys(START_LABELS) as SidebarStart[]).map((start) => (
            <FormControlLabel
              key={start}
              value={start}
              label={START_LABELS[start]}
              control={<Radio slotProps={{ input: { 'data-testid': `sidebar-start-${start}` } as object }} />}
            />
          ))}
        </RadioGroup>
      </FormControl>
      <FormControl component="fieldset">
        <FormLabel component="legend">Show in the sidebar</FormLabel>
        <FormGroup>
          {OPTIONAL_SIDEBAR_SECTIONS.map((section) => (
            <FormControlLabel
              key={section.id}
              label={section.label}
              control={
                <Checkbox
                  checked={!current.hidden.includes(section.id)}
                  onChange={(event) =>
                    save({
                      ...current,
                      hidden: event.target.checked
                        ? current.hidden.filter((id) => id !== section.id)
                        : [...current.hidden, section.id],
                    })
                  }
                  slotProps={{ input: { 'data-testid': `sidebar-show-${section.id}` } as object }}
                />
              }
            />
          ))}
        </FormGroup>
      </FormControl>
      <MutationError error={update.error} message="Not saved" testId="sidebar-error" />
    </SettingsSection>
  );
}
