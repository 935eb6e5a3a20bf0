import { Link as RouterLink } from 'react-router';
import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import Skeleton from '@mui/material/Skeleton';
import DownloadIcon from '@mui/icons-material/Download';
import type { GenerationJob } from '@genonaut/contracts';
import { paths } from '@/config/paths';
import { apiUrl } from '@/lib/api-client';
import { isActive } from '../utils/job-event';

const gridSx = {
  display: 'grid',
  gap: 1,
  gridTemplateColumns: 'repeat(auto-fill, minmax(min(104px, 45%), 1fr))',
} as const;

/**
 * The job's images, each linking to its item page with a download button; while the job runs, one
 * placeholder per image of the batch.
 */
export function JobImages({ job }: { job: GenerationJob }) {
  if (job.contentIds.length === 0) {
    if (!isActive(job.status)) return null;
    return (
      <Box sx={gridSx} aria-hidden data-testid={`job-placeholders-${job.id}`}>
        {Array.from({ length: job.batchSize }, (_, index) => (
          <Skeleton key={index} variant="rounded" sx={{ aspectRatio: '1', height: 'auto' }} />
        ))}
      </Box>
    );
  }
  return (
    <Box
      component="ul"
      sx={{ ...gridSx, listStyle: 'none', p: 0, m: 0 }}
      aria-label={`Images of job ${job.id}`}
    >
      {job.contentIds.map((id, index) => (
        <Box component="li" key={id} sx={{ position: 'relative' }}>
          <Box
            component={RouterLink}
            to={paths.contentItem.href(id)}
            sx={{
              display: 'block',
              aspectRatio: '1',
              borderRadius: 2,
              overflow: 'hidden',
              bgcolor: 'action.hover',
            }}
          >
            <Box
              component="img"
              src={apiUrl(`/content/${id}/image`, { size: 'small' })}
              alt={`Image ${index + 1} of job ${job.id}`}
              loading="lazy"
              data-testid="job-image"
              sx={{ width: '100%', height: '100%', objectFit: 'cover', display: 'block' }}
            />
          </Box>
          <IconButton
            component="a"
            href={apiUrl(`/content/${id}/image`)}
            download
            aria-label={`Download image ${index + 1} of job ${job.id}`}
            size="small"
            data-testid="job-image-download"
            sx={{
              position: 'absolute',
              right: 4,
              bottom: 4,
              bgcolor: 'background.paper',
              '&:hover': { bgcolor: 'background.paper' },
            }}
          >
            <DownloadIcon fontSize="small" />
          </IconButton>
        </Box>
      ))}
    </Box>
  );
}
