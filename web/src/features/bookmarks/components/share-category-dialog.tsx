import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import type { BookmarkCategory } from '@genonaut/contracts';
import { CopyStatus } from '@/components/copy-status';
import { MutationError } from '@/components/mutation-error';
import { paths } from '@/config/paths';
import { useClipboard } from '@/hooks/use-clipboard';
import { useUpdateCategory } from '../api/update-category';

/** Absolute, because the link is meant to be pasted elsewhere. */
export const shareLinkOf = (token: string) =>
  new URL(paths.sharedCategory.href(token), window.location.origin).toString();

/** The public switch and, while public, the link to copy (and a way to replace a leaked one). */
export function ShareCategoryDialog({
  category,
  onClose,
}: {
  category: BookmarkCategory;
  onClose: () => void;
}) {
  const update = useUpdateCategory();
  const { copied, copy: copyText, reset } = useClipboard();
  const link = category.shareToken ? shareLinkOf(category.shareToken) : null;

  const change = (body: { isPublic?: boolean; rotateShareToken?: boolean }) => {
    reset();
    update.mutate({ id: category.id, body });
  };
  const copy = async () => {
    if (link) await copyText(link);
  };

  return (
    <Dialog
      open
      onClose={onClose}
      aria-labelledby="share-category-title"
      fullWidth
      maxWidth="sm"
      data-testid="share-dialog"
    >
      <DialogTitle id="share-category-title">Share “{category.name}”</DialogTitle>
      <DialogContent>
        <Stack spacing={2}>
          <FormControlLabel
            control={
              <Switch
                checked={category.isPublic}
                onChange={(event) => change({ isPublic: event.target.checked })}
                disabled={update.isPending}
                slotProps={{ input: { 'data-testid': 'share-switch' } as object }}
              />
            }
            label="Public: anyone with the link can see its public images"
          />
          {link ? (
            <>
              <TextField
                label="Share link"
                value={link}
                slotProps={{ htmlInput: { readOnly: true, 'data-testid': 'share-link' } }}
                onFocus={(event) => event.target.select()}
              />
              <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
                <Button variant="contained" onClick={() => void copy()} data-testid="share-copy">
                  Copy link
                </Button>
                <Button
                  onClick={() => change({ rotateShareToken: true })}
                  disabled={update.isPending}
                  data-testid="share-rotate"
                >
                  New link
                </Button>
                <CopyStatus result={copied} what="link" testId="share-copied" />
              </Stack>
              <DialogContentText>
                Private images and your notes are never shown. “New link” stops the old one.
              </DialogContentText>
            </>
          ) : (
            <DialogContentText data-testid="share-private">Only you can see this category.</DialogContentText>
          )}
          <MutationError error={update.error} message="Sharing was not changed" testId="share-error" />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} data-testid="share-close">
          Done
        </Button>
      </DialogActions>
    </Dialog>
  );
}
