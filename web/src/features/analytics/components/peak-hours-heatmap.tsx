// Requests by weekday (rows) and hour of day (columns), UTC, as a table whose cells are shaded by
// volume: readable by screen readers and in tests, and it scrolls sideways on a phone.
import { alpha, useTheme } from '@mui/material/styles';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import type { PeakHours } from '@genonaut/contracts';
import { formatCount } from './format';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const HOURS = Array.from({ length: 24 }, (_, h) => h);

export function PeakHoursHeatmap({ data }: { data: PeakHours }) {
  const theme = useTheme();
  const volume = new Map(data.cells.map((c) => [`${c.weekday}:${c.hour}`, c.requests]));
  const max = Math.max(1, ...data.cells.map((c) => c.requests));
  const cell = { p: 0.25, minWidth: 22, fontSize: 11, textAlign: 'center' } as const;
  return (
    <TableContainer>
      <Table
        size="small"
        padding="none"
        aria-label="Requests by weekday and hour (UTC)"
        data-testid="peak-hours"
      >
        <TableHead>
          <TableRow>
            <TableCell sx={cell}>Day</TableCell>
            {HOURS.map((h) => (
              <TableCell key={h} sx={cell}>
                {h}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {WEEKDAYS.map((day, weekday) => (
            <TableRow key={day}>
              <TableCell component="th" scope="row" sx={{ ...cell, fontWeight: 600 }}>
                {day}
              </TableCell>
              {HOURS.map((hour) => {
                const requests = volume.get(`${weekday}:${hour}`) ?? 0;
                return (
                  <TableCell
                    key={hour}
                    title={`${day} ${hour}:00 UTC: ${formatCount(requests)} requests`}
                    aria-label={`${day} ${hour}:00: ${formatCount(requests)} requests`}
                    data-testid={`peak-${weekday}-${hour}`}
                    sx={{
                      ...cell,
                      height: 22,
                      bgcolor: alpha(
                        theme.palette.primary.main,
                        requests === 0 ? 0 : 0.12 + 0.88 * (requests / max),
                      ),
                    }}
                  />
                );
              })}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
