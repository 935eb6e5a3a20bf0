import { Link as RouterLink } from 'react-router';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { TagMatchControls } from '@/components/tag-match-controls';
import { paths } from '@/config/paths';
import { galleryQueryFor, MAX_GALLERY_TAGS, type TagsState } from '../hooks/use-tags-params';
import type { TagGraph } from '../utils/tag-graph';

type Selection = Pick<TagsState, 'tags' | 'tagMatch' | 'expandTags'>;

/** The ticked tags, how they combine, and the way to the gallery showing their images. */
export function TagsSelectionBar({
  value,
  graph,
  onChange,
}: {
  value: Selection;
  graph: TagGraph | undefined;
  onChange: (change: Partial<Selection>) => void;
}) {
  const { tags } = value;
  const tooMany = tags.length > MAX_GALLERY_TAGS;
  return (
    <Paper
      variant="outlined"
      component="section"
      aria-label="Selected tags"
      data-testid="tags-selection-bar"
      sx={{ position: 'sticky', bottom: 0, p: 1.5, zIndex: 1 }}
    >
      <Stack spacing={1}>
        <Stack direction="row" sx={{ alignItems: 'center', flexWrap: 'wrap', gap: 1 }}>
          <Typography sx={{ fontWeight: 600 }} data-testid="tags-selected-count">
            {tags.length} selected
          </Typography>
          {tags.map((slug) => (
            <Chip
              key={slug}
              label={graph?.bySlug.get(slug)?.name ?? slug}
              onDelete={() => onChange({ tags: tags.filter((tag) => tag !== slug) })}
              data-testid="selected-tag-chip"
            />
          ))}
        </Stack>
        <Stack direction="row" sx={{ alignItems: 'center', flexWrap: 'wrap', gap: 1 }}>
          <TagMatchControls value={value} onChange={onChange} showMatch={tags.length > 1} />
          <Stack direction="row" spacing={1} sx={{ ml: 'auto' }}>
            <Button onClick={() => onChange({ tags: [] })} data-testid="clear-tag-selection">
              Clear
            </Button>
            <Button
              variant="contained"
              component={RouterLink}
              to={paths.gallery.href(galleryQueryFor(value))}
              disabled={tooMany}
              data-testid="show-in-gallery"
            >
              Show in gallery
            </Button>
          </Stack>
        </Stack>
        {tooMany && (
          <Typography variant="body2" color="error" role="alert">
            The gallery filters by at most {MAX_GALLERY_TAGS} tags; untick {tags.length - MAX_GALLERY_TAGS}.
          </Typography>
        )}
      </Stack>
    </Paper>
  );
}
