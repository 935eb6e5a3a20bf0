import type { FlaggedItemDetail } from '@genonaut/contracts';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import { formatRisk } from '../utils/risk';

/** The three weighted parts of the risk score (SPEC §9.5) with the counts they come from. */
export function RiskBreakdown({ item }: { item: FlaggedItemDetail }) {
  const rows = [
    [
      `Problem words ${item.problemWords} of ${item.totalWords} (${item.problemPercentage}%) × 0.4`,
      item.riskBreakdown.percentage,
    ],
    [`Occurrences: min(${item.problemWords} / 10, 1) × 30`, item.riskBreakdown.count],
    [`Distinct words: min(${item.flaggedWords.length} / 5, 1) × 30`, item.riskBreakdown.variety],
  ] as const;
  return (
    <Table size="small" aria-label="Risk breakdown" data-testid="risk-breakdown">
      <TableBody>
        {rows.map(([label, value]) => (
          <TableRow key={label}>
            <TableCell>{label}</TableCell>
            <TableCell align="right">{formatRisk(value)}</TableCell>
          </TableRow>
        ))}
        <TableRow>
          <TableCell sx={{ fontWeight: 600 }}>Risk</TableCell>
          <TableCell align="right" sx={{ fontWeight: 600 }} data-testid="risk-total">
            {formatRisk(item.riskScore)}
          </TableCell>
        </TableRow>
      </TableBody>
    </Table>
  );
}
