import { Link as RouterLink } from 'react-router';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import LockOutlinedIcon from '@mui/icons-material/LockOutlined';
import type { ContentDetail } from '@genonaut/contracts';
import { paths } from '@/config/paths';

const SOURCE_LABEL: Record<ContentDetail['source'], string> = {
  regular: 'Regular',
  auto: 'Auto',
};

/** Title, creator, date, source and privacy: what the item is and where it came from. */
export function ContentHeader({ item }: { item: ContentDetail }) {
  return (
    <Stack spacing={1}>
      <Typography variant="h1" data-testid="content-title" sx={{ overflowWrap: 'anywhere' }}>
        {item.title}
      </Typography>
      <Typography color="text.secondary">
        by{' '}
        <Typography component="span" color="text.primary" data-testid="content-creator">
          {item.creator.displayName ?? item.creator.username}
        </Typography>{' '}
        ·{' '}
        <time dateTime={item.createdAt} data-testid="content-date">
          {new Date(item.createdAt).toLocaleString()}
        </time>
      </Typography>
      <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1 }}>
        <Chip
          label={`Source: ${SOURCE_LABEL[item.source]}`}
          variant="outlined"
          data-testid="content-source"
          data-source={item.source}
        />
        {item.isPrivate && (
          <Chip
            icon={<LockOutlinedIcon />}
            label="Private"
            variant="outlined"
            data-testid="content-private"
          />
        )}
      </Stack>
    </Stack>
  );
}

export function ContentTags({ tags }: { tags: ContentDetail['tags'] }) {
  return (
    <Stack spacing={1} component="section" aria-labelledby="content-tags-title">
      <Typography id="content-tags-title" variant="h3" component="h2">
        Tags
      </Typography>
      {tags.length === 0 ? (
        <Typography color="text.secondary" data-testid="content-no-tags">
          No tags
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
                data-testid="content-tag"
              />
            </li>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
