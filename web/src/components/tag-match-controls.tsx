import FormControlLabel from '@mui/material/FormControlLabel';
import Switch from '@mui/material/Switch';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';

export interface TagMatch {
  tagMatch: 'all' | 'any';
  expandTags: boolean;
}

/**
 * How several tags combine (all or any, offered when `showMatch`) and whether their sub-tags count;
 * laid out by the caller's row.
 */
export function TagMatchControls({
  value,
  onChange,
  showMatch = true,
}: {
  value: TagMatch;
  onChange: (change: Partial<TagMatch>) => void;
  showMatch?: boolean;
}) {
  return (
    <>
      {showMatch && (
        <ToggleButtonGroup
          exclusive
          value={value.tagMatch}
          onChange={(_event, tagMatch: TagMatch['tagMatch'] | null) => tagMatch && onChange({ tagMatch })}
          aria-label="Match tags"
        >
          <ToggleButton value="all">All tags</ToggleButton>
          <ToggleButton value="any">Any tag</ToggleButton>
        </ToggleButtonGroup>
      )}
      <FormControlLabel
        control={
          <Switch
            checked={value.expandTags}
            onChange={(event) => onChange({ expandTags: event.target.checked })}
          />
        }
        label="Include sub-tags"
      />
    </>
  );
}
