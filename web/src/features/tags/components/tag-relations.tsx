import { Link as RouterLink } from 'react-router';
import Breadcrumbs from '@mui/material/Breadcrumbs';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { TagDetail, TagRef } from '@genonaut/contracts';
import { paths } from '@/config/paths';

/** Routes beyond this many are summarised; a tag deep in a busy hierarchy can have dozens. */
const SHOWN_PATHS = 5;

/** Every route from the top down to the tag, one breadcrumb trail each. */
export function TagAncestorPaths({ tag }: { tag: TagDetail }) {
  const routes =
    tag.ancestorPaths.length > 0 ? tag.ancestorPaths : [[{ id: tag.id, slug: tag.slug, name: tag.name }]];
  const extra = routes.length - SHOWN_PATHS;
  return (
    <Stack spacing={0.5} data-testid="tag-ancestor-paths">
      {routes.slice(0, SHOWN_PATHS).map((route) => (
        <Breadcrumbs
          key={route.map((step) => step.id).join('/')}
          aria-label={`Path to ${tag.name}`}
          data-testid="tag-ancestor-path"
        >
          <Link component={RouterLink} to={paths.tags.href()} underline="hover" color="inherit">
            Tags
          </Link>
          {route.slice(0, -1).map((step) => (
            <Link
              key={step.id}
              component={RouterLink}
              to={paths.tag.href(step.slug)}
              underline="hover"
              color="inherit"
            >
              {step.name}
            </Link>
          ))}
          <Typography color="text.primary" aria-current="page">
            {tag.name}
          </Typography>
        </Breadcrumbs>
      ))}
      {extra > 0 && (
        <Typography variant="body2" color="text.secondary">
          and {extra} more {extra === 1 ? 'path' : 'paths'}
        </Typography>
      )}
    </Stack>
  );
}

function TagLinks({
  title,
  tags,
  empty,
  testId,
}: {
  title: string;
  tags: TagRef[];
  empty: string;
  testId: string;
}) {
  return (
    <Stack spacing={1} component="section" aria-label={title} data-testid={testId}>
      <Typography variant="h3" component="h2">
        {title}
      </Typography>
      {tags.length === 0 ? (
        <Typography color="text.secondary">{empty}</Typography>
      ) : (
        <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1 }}>
          {tags.map((related) => (
            <Chip
              key={related.id}
              label={related.name}
              component={RouterLink}
              to={paths.tag.href(related.slug)}
              clickable
              data-testid="tag-link"
            />
          ))}
        </Stack>
      )}
    </Stack>
  );
}

export function TagRelations({ tag }: { tag: TagDetail }) {
  return (
    <Stack direction={{ xs: 'column', sm: 'row' }} spacing={3}>
      <TagLinks
        title={tag.parents.length === 1 ? 'Parent' : 'Parents'}
        tags={tag.parents}
        empty="A top-level tag."
        testId="tag-parents"
      />
      <TagLinks title="Children" tags={tag.children} empty="No tags below this one." testId="tag-children" />
    </Stack>
  );
}
