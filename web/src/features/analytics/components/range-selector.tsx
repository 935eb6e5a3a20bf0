import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import { RANGE_DAYS, type RangeDays } from '../hooks/use-analytics-params';

const LABELS: Record<RangeDays, string> = { 1: '24 h', 7: '7 days', 30: '30 days', 90: '90 days' };

export function RangeSelector({ days, onChange }: { days: RangeDays; onChange: (days: RangeDays) => void }) {
  return (
    <ToggleButtonGroup
      exclusive
      size="small"
      value={days}
      aria-label="Time range"
      data-testid="analytics-range"
      onChange={(_event, next: RangeDays | null) => {
        if (next !== null) onChange(next);
      }}
    >
      {RANGE_DAYS.map((d) => (
        <ToggleButton key={d} value={d} aria-label={`Last ${LABELS[d]}`}>
          {LABELS[d]}
        </ToggleButton>
      ))}
    </ToggleButtonGroup>
  );
}
