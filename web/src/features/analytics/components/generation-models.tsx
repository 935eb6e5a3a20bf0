import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { BarChart } from '@mui/x-charts/BarChart';
import type { GenerationModels } from '@genonaut/contracts';
import { useSkipAnimation } from '../hooks/use-skip-animation';
import { ChartFrame } from './chart-section';
import { formatCount, formatMs, formatPercent } from './format';

/** Models without their file extension read better on an axis. */
const shortName = (checkpoint: string) => checkpoint.replace(/\.(safetensors|ckpt|pt)$/, '');

export function GenerationModelsView({ data }: { data: GenerationModels }) {
  const skipAnimation = useSkipAnimation();
  const top = data.items.slice(0, 8);
  return (
    <Stack spacing={2}>
      <ChartFrame label="Completed and failed jobs per model">
        <BarChart
          skipAnimation={skipAnimation}
          layout="horizontal"
          yAxis={[{ scaleType: 'band', data: top.map((m) => shortName(m.checkpoint)), width: 120 }]}
          series={[
            { label: 'Completed', data: top.map((m) => m.successes), stack: 'outcome' },
            { label: 'Failed', data: top.map((m) => m.failures), stack: 'outcome' },
            { label: 'Cancelled', data: top.map((m) => m.cancellations), stack: 'outcome' },
          ]}
        />
      </ChartFrame>
      <TableContainer>
        <Table
          size="small"
          aria-label="Generation per model"
          data-testid="generation-models"
          sx={{ minWidth: 560 }}
        >
          <TableHead>
            <TableRow>
              <TableCell>Model</TableCell>
              <TableCell align="right">Jobs</TableCell>
              <TableCell align="right">Success rate</TableCell>
              <TableCell align="right">p50</TableCell>
              <TableCell align="right">p95</TableCell>
              <TableCell align="right">Images</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {data.items.map((m) => (
              <TableRow key={m.checkpoint} data-testid="model-row" data-model={m.checkpoint}>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{m.checkpoint}</TableCell>
                <TableCell align="right">{formatCount(m.requests)}</TableCell>
                <TableCell align="right">{formatPercent(m.successRate)}</TableCell>
                <TableCell align="right">{formatMs(m.p50DurationMs)}</TableCell>
                <TableCell align="right">{formatMs(m.p95DurationMs)}</TableCell>
                <TableCell align="right">{formatCount(m.images)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
    </Stack>
  );
}
