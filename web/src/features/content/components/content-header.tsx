import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import LockOutlinedIcon from '@mui/icons-material/LockOutlined';
import type { ContentDetail } from '@genonaut/contracts';
import { TagChipSection } from '@/components/tag-chip-section';

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
    <TagChipSection
      title="Tags"
      tags={tags}
      empty="No tags"
      chipTestId="content-tag"
      emptyTestId="content-no-tags"
    />
  );
}
