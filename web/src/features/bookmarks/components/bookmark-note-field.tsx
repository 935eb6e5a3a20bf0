import { useState } from 'react';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { Bookmark } from '@genonaut/contracts';
import { MutationError } from '@/components/mutation-error';
import { useUpdateBookmark } from '../api/update-bookmark';

const MAX_NOTE = 5000;

/** A note for yourself on the bookmark; an emptied note is cleared. */
export function BookmarkNoteField({ bookmark }: { bookmark: Bookmark }) {
  const [note, setNote] = useState(bookmark.note ?? '');
  const update = useUpdateBookmark();
  const changed = (note.trim() || null) !== bookmark.note;
  return (
    <Stack spacing={1}>
      <TextField
        label="Note (optional)"
        multiline
        minRows={2}
        value={note}
        onChange={(event) => {
          setNote(event.target.value);
          if (update.isSuccess) update.reset();
        }}
        slotProps={{ htmlInput: { 'data-testid': 'bookmark-note', maxLength: MAX_NOTE } }}
      />
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Button
          size="small"
          variant="outlined"
          disabled={!changed || update.isPending}
          onClick={() => update.mutate({ id: bookmark.id, body: { note: note.trim() || null } })}
          data-testid="bookmark-note-save"
        >
          Save note
        </Button>
        {update.isSuccess && !changed && (
          <Typography role="status" variant="body2" color="text.secondary" data-testid="bookmark-note-saved">
            Note saved
          </Typography>
        )}
      </Stack>
      <MutationError error={update.error} message="The note was not saved" testId="bookmark-note-error" />
    </Stack>
  );
}
