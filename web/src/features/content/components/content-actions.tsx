import { useState, type ReactNode } from 'react';
import { Link as RouterLink } from 'react-router';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import AutoAwesomeIcon from '@mui/icons-material/AutoAwesome';
import DeleteOutlinedIcon from '@mui/icons-material/DeleteOutlined';
import DownloadIcon from '@mui/icons-material/Download';
import type { ContentDetail } from '@genonaut/contracts';
import { paths } from '@/config/paths';
import { useRecordInteraction } from '../api/record-interaction';
import { DeleteContentDialog } from './delete-content-dialog';

/** `image/png` → `png`; the download's file name should open in the right program. */
function extension(mimeType: string | null): string {
  const sub = mimeType?.split('/')[1]?.split('+')[0];
  return sub === 'jpeg' ? 'jpg' : (sub ?? 'img');
}

function fileSizeLabel(bytes: number | null): string {
  if (bytes === null) return '';
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** The generate page reads `from` and fills its form with this item's settings. */
export function generateAgainHref(id: number): string {
  return `${paths.generate.href()}?${new URLSearchParams({ from: String(id) }).toString()}`;
}

export function ContentActions({
  item,
  signedIn,
  canDelete,
  bookmark,
}: {
  item: ContentDetail;
  signedIn: boolean;
  canDelete: boolean;
  /** The bookmark button, from the bookmarks feature (the route composes the two). */
  bookmark?: ReactNode;
}) {
  const [deleting, setDeleting] = useState(false);
  const { mutate: record } = useRecordInteraction();
  const size = fileSizeLabel(item.fileSize);

  return (
    <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1 }} data-testid="content-actions">
      {bookmark}
      <Button
        variant="contained"
        component={RouterLink}
        to={generateAgainHref(item.id)}
        startIcon={<AutoAwesomeIcon />}
        data-testid="generate-again"
      >
        Generate again with these settings
      </Button>
      {item.image && (
        <Button
          variant="outlined"
          component="a"
          href={item.image.url}
          download={`genonaut-${item.id}.${extension(item.mimeType)}`}
          startIcon={<DownloadIcon />}
          // Downloads are attributed signals; the API refuses them from anonymous visitors.
          onClick={() => signedIn && record({ id: item.id, type: 'download' })}
          data-testid="download-original"
        >
          Download original{size && ` (${size})`}
        </Button>
      )}
      {canDelete && (
        <>
          <Button
            variant="outlined"
            color="error"
            startIcon={<DeleteOutlinedIcon />}
            onClick={() => setDeleting(true)}
            data-testid="delete-content"
          >
            Delete
          </Button>
          <DeleteContentDialog
            id={item.id}
            title={item.title}
            open={deleting}
            onClose={() => setDeleting(false)}
          />
        </>
      )}
    </Stack>
  );
}
