import { Link as RouterLink } from 'react-router';
import Breadcrumbs from '@mui/material/Breadcrumbs';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { TagDetail } from '@genonaut/contracts';
import { TagChipSection } from '@/components/tag-chip-section';
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

export function TagRelations({ tag }: { tag: TagDetail }) {
  return (
    <Stack direction={{ xs: 'column', sm: 'row' }} spacing={3}>
      <TagChipSection
        title={tag.parents.length === 1 ? 'Parent' : 'Parents'}
        tags={tag.parents}
        empty="A top-level tag."
        chipTestId="tag-link"
        testId="tag-parents"
      />
      <TagChipSection
        title="Children"
        tags={tag.children}
        empty="No tags below this one."
        chipTestId="tag-link"
        testId="tag-children"
      />
    </Stack>
  );
}
