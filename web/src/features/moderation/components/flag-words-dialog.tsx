import { useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { ErrorState } from '@/components/state-message';
import { errorMessage } from '@/lib/api-error';
import { useFlagWords } from '../api/get-flag-words';
import { useUpdateFlagWords } from '../api/update-flag-words';

/** Typed text → words as the API takes them: lower case, split on spaces and commas. */
export const parseWords = (text: string) =>
  text
    .toLowerCase()
    .split(/[\s,]+/)
    .filter((w) => w.length > 0 && w.length <= 100);

function WordsEditor({ initial, onClose }: { initial: string[]; onClose: () => void }) {
  const [words, setWords] = useState(initial);
  const [draft, setDraft] = useState('');
  const save = useUpdateFlagWords();
  const add = (event: FormEvent) => {
    event.preventDefault();
    const added = parseWords(draft);
    if (added.length === 0) return;
    setWords((current) => [...new Set([...current, ...added])].sort());
    setDraft('');
  };
  return (
    <>
      <DialogContent>
        <Stack spacing={2}>
          <DialogContentText>
            Titles and prompts are checked against these words (whole words, plurals included). Existing
            content is checked again by the next rescan.
          </DialogContentText>
          <Stack component="form" direction="row" spacing={1} onSubmit={add}>
            <TextField
              label="Add words"
              size="small"
              value={draft}
              onChange={(e) => setDraft(e.target.value)}
              helperText="Separate several with spaces or commas"
              sx={{ flex: 1 }}
              slotProps={{ htmlInput: { 'data-testid': 'flag-word-input' } }}
            />
            <Button type="submit" variant="outlined" data-testid="flag-word-add">
              Add
            </Button>
          </Stack>
          <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 0.5 }} data-testid="flag-word-chips">
            {words.map((word) => (
              <Chip
                key={word}
                label={word}
                onDelete={() => setWords((current) => current.filter((w) => w !== word))}
                data-testid="flag-word-chip"
              />
            ))}
          </Stack>
          {save.isError && (
            <Alert severity="error" data-testid="flag-words-error">
              The list was not saved: {errorMessage(save.error)}
            </Alert>
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={save.isPending}>
          Cancel
        </Button>
        <Button
          variant="contained"
          onClick={() => save.mutate(words, { onSuccess: onClose })}
          loading={save.isPending}
          data-testid="flag-words-save"
        >
          Save {words.length} words
        </Button>
      </DialogActions>
    </>
  );
}

/** The flag-word list as chips: add, remove, then save the whole list. */
export function FlagWordsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const words = useFlagWords(open);
  return (
    <Dialog
      open={open}
      onClose={onClose}
      fullWidth
      maxWidth="sm"
      aria-labelledby="flag-words-title"
      data-testid="flag-words-dialog"
    >
      <DialogTitle id="flag-words-title">Flag words</DialogTitle>
      {words.isPending && (
        <DialogContent>
          <Skeleton variant="rounded" height={120} data-testid="flag-words-loading" />
        </DialogContent>
      )}
      {words.isError && (
        <DialogContent>
          <ErrorState
            error={words.error}
            onRetry={() => void words.refetch()}
            testId="flag-words-load-error"
          />
        </DialogContent>
      )}
      {/* Keyed by the loaded list so reopening starts from what is saved. */}
      {words.data && open && (
        <WordsEditor key={words.data.words.join(',')} initial={words.data.words} onClose={onClose} />
      )}
    </Dialog>
  );
}
