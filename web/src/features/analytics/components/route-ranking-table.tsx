import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Tooltip from '@mui/material/Tooltip';
import type { RouteStats } from '@genonaut/contracts';
import { METHODS, type TrendRoute } from '../hooks/use-analytics-params';
import { formatCount, formatMs, formatPercent } from './format';

const SCORE_HELP =
  'Cache priority: requests × p95 in seconds, × 1 for GET/HEAD and × 0.1 for writes. High: frequent and slow at the tail.';

export function RouteRankingTable({
  items,
  selected,
  onSelect,
}: {
  items: RouteStats[];
  selected: TrendRoute | null;
  onSelect: (route: TrendRoute) => void;
}) {
  return (
    <TableContainer>
      <Table size="small" aria-label="Routes ranked by cache priority" data-testid="route-ranking">
        <TableHead>
          <TableRow>
            <TableCell>Route</TableCell>
            <TableCell align="right">Requests</TableCell>
            <TableCell align="right">p50</TableCell>
            <TableCell align="right">p95</TableCell>
            <TableCell align="right">p99</TableCell>
            <TableCell align="right">5xx rate</TableCell>
            <TableCell align="right">Users</TableCell>
            <TableCell align="right">
              <Tooltip title={SCORE_HELP}>
                <span>Score</span>
              </Tooltip>
            </TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {items.map((r) => {
            const isSelected = selected?.route === r.route && selected.method === r.method;
            const method = METHODS.find((m) => m === r.method);
            return (
              <TableRow
                key={`${r.method} ${r.route}`}
                selected={isSelected}
                data-testid="route-row"
                data-route={`${r.method} ${r.route}`}
              >
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  <Chip label={r.method} size="small" variant="outlined" sx={{ mr: 1 }} />
                  <Button
                    size="small"
                    disabled={!method}
                    onClick={() => method && onSelect({ route: r.route, method })}
                    aria-pressed={isSelected}
                    aria-label={`Show the trend of ${r.method} ${r.route}`}
                    sx={{ textTransform: 'none', fontFamily: 'monospace' }}
                  >
                    {r.route}
                  </Button>
                </TableCell>
                <TableCell align="right">{formatCount(r.requests)}</TableCell>
                <TableCell align="right">{formatMs(r.p50Ms)}</TableCell>
                <TableCell align="right">{formatMs(r.p95Ms)}</TableCell>
                <TableCell align="right">{formatMs(r.p99Ms)}</TableCell>
                <TableCell align="right">{formatPercent(r.errorRate)}</TableCell>
                <TableCell align="right">{formatCount(r.uniqueUsers)}</TableCell>
                <TableCell align="right" data-testid="route-score">
                  {r.cacheScore.toLocaleString('en-US')}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
