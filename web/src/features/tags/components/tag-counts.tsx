import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { Pagination, TagDetail } from '@genonaut/contracts';

function Count({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <Stack>
      <Typography variant="h3" component="p" data-testid={testId}>
        {value}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {label}
      </Typography>
    </Stack>
  );
}

/**
 * Direct images are counted live (what you may see), with sub-tags comes from the content query's
 * total, and the public split from the daily statistics, which say when they were taken.
 */
export function TagCounts({
  tag,
  withDescendants,
}: {
  tag: TagDetail;
  withDescendants: Pagination | undefined;
}) {
  const { counts } = tag;
  const total = withDescendants?.totalCount;
  return (
    <Stack spacing={1} component="section" aria-label="Counts">
      <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 3 }}>
        <Count
          label="images tagged directly"
          value={`${counts.visible.toLocaleString()}${counts.visibleIsCapped ? '+' : ''}`}
          testId="tag-count-direct"
        />
        <Count
          label="including sub-tags"
          value={
            total === undefined
              ? '…'
              : `${withDescendants?.totalCountIsEstimate ? 'about ' : ''}${total.toLocaleString()}`
          }
          testId="tag-count-with-descendants"
        />
        <Count label="public images" value={counts.all.toLocaleString()} testId="tag-count-public" />
      </Stack>
      <Typography variant="body2" color="text.secondary" data-testid="tag-count-sources">
        Public: {counts.regular.toLocaleString()} made by people, {counts.auto.toLocaleString()} made
        automatically
        {counts.updatedAt ? ` (as of ${new Date(counts.updatedAt).toLocaleDateString()})` : ''}.
      </Typography>
    </Stack>
  );
}
