import { useState, type FormEvent } from 'react';
import Button from '@mui/material/Button';
import Pagination from '@mui/material/Pagination';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import type { Pagination as PageInfo } from '@genonaut/contracts';
import { numberedPageCount } from '@/lib/page-count';

/** Numbered pages plus "go to page"; numbers stop where the API's page numbers stop (400). */
export function GalleryPager({
  page,
  pageSize,
  info,
  onPage,
}: {
  page: number;
  pageSize: number;
  info: PageInfo;
  onPage: (page: number) => void;
}) {
  const count = numberedPageCount(info, page, pageSize);
  const [target, setTarget] = useState('');
  const wanted = Number(target);
  const valid = Number.isInteger(wanted) && wanted >= 1 && wanted <= count;

  const go = (event: FormEvent) => {
    event.preventDefault();
    if (!valid) return;
    onPage(wanted);
    setTarget('');
  };

  return (
    <Stack
      direction={{ xs: 'column', sm: 'row' }}
      spacing={2}
      sx={{ alignItems: 'center', justifyContent: 'center', py: 2 }}
      data-testid="gallery-pager"
    >
      <Pagination
        count={count}
        page={Math.min(page, count)}
        onChange={(_event, value) => onPage(value)}
        siblingCount={1}
        aria-label="Gallery pages"
      />
      <Stack component="form" direction="row" spacing={1} onSubmit={go} aria-label="Go to page">
        <TextField
          label="Go to page"
          value={target}
          onChange={(event) => setTarget(event.target.value)}
          error={target !== '' && !valid}
          slotProps={{ htmlInput: { inputMode: 'numeric', 'data-testid': 'go-to-page' } }}
          sx={{ width: 120 }}
        />
        <Button type="submit" variant="outlined" disabled={!valid}>
          Go
        </Button>
      </Stack>
    </Stack>
  );
}
