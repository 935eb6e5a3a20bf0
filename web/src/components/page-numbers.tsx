import Pagination from '@mui/material/Pagination';

/** Numbered page buttons, centred under a list; nothing when everything fits on one page. */
export function PageNumbers({
  count,
  page,
  onPage,
  label,
  testId,
}: {
  count: number;
  page: number;
  onPage: (page: number) => void;
  label: string;
  testId?: string;
}) {
  if (count <= 1) return null;
  return (
    <Pagination
      count={count}
      page={Math.min(page, count)}
      onChange={(_event, value) => onPage(value)}
      aria-label={label}
      sx={{ alignSelf: 'center' }}
      data-testid={testId}
    />
  );
}
