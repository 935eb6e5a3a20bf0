import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { GenerationFailures } from '@genonaut/contracts';
import { formatCount } from './format';

const when = (iso: string) =>
  new Date(iso).toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }) +
  ' UTC';

export function GenerationFailuresView({ data }: { data: GenerationFailures }) {
  return (
    <Stack spacing={2}>
      <TableContainer>
        <Table
          size="small"
          aria-label="Failures by error code"
          data-testid="failure-groups"
          sx={{ minWidth: 640 }}
        >
          <TableHead>
            <TableRow>
              <TableCell>Error code</TableCell>
              <TableCell align="right">Failures</TableCell>
              <TableCell>Last seen</TableCell>
              <TableCell>Models</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {data.groups.map((g) => (
              <TableRow key={g.errorCode} data-testid="failure-group" data-code={g.errorCode}>
                <TableCell sx={{ fontFamily: 'monospace' }}>{g.errorCode}</TableCell>
                <TableCell align="right">{formatCount(g.count)}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  <time dateTime={g.lastAt}>{when(g.lastAt)}</time>
                </TableCell>
                <TableCell sx={{ wordBreak: 'break-word' }}>{g.checkpoints.join(', ')}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
        Most recent
      </Typography>
      <List dense data-testid="recent-failures">
        {data.recent.map((f, i) => (
          <ListItem key={`${f.at}-${f.jobId ?? i}`} disableGutters data-testid="recent-failure">
            <ListItemText
              primary={`${f.errorCode}${f.errorMessage ? `: ${f.errorMessage}` : ''}`}
              secondary={[
                when(f.at),
                f.jobId !== null ? `job ${f.jobId}` : 'job deleted',
                f.checkpoint,
                f.backend,
              ]
                .filter(Boolean)
                .join(' · ')}
              slotProps={{ primary: { sx: { wordBreak: 'break-word' } } }}
            />
          </ListItem>
        ))}
      </List>
    </Stack>
  );
}
