import { useId } from 'react';
import { Link as RouterLink } from 'react-router';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { TagRef } from '@genonaut/contracts';
import { paths } from '@/config/paths';

/** A titled section of tags, each a chip linking to its tag page, or `empty` when there are none. */
export function TagChipSection({
  title,
  tags,
  empty,
  chipTestId,
  testId,
  emptyTestId,
}: {
  title: string;
  tags: readonly TagRef[];
  empty: string;
  chipTestId: string;
  testId?: string;
  emptyTestId?: string;
}) {
  const titleId = useId();
  return (
    <Stack spacing={1} component="section" aria-labelledby={titleId} data-testid={testId}>
      <Typography id={titleId} variant="h3" component="h2">
        {title}
      </Typography>
      {tags.length === 0 ? (
        <Typography color="text.secondary" data-testid={emptyTestId}>
          {empty}
        </Typography>
      ) : (
        <Stack
          component="ul"
          direction="row"
          sx={{ flexWrap: 'wrap', gap: 1, m: 0, p: 0, listStyle: 'none' }}
        >
          {tags.map((tag) => (
            <li key={tag.id}>
              <Chip
                label={tag.name}
                component={RouterLink}
                to={paths.tag.href(tag.slug)}
                clickable
                data-testid={chipTestId}
              />
            </li>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
