import { useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import type { CreatedToken } from '@genonaut/contracts';
import { CopyStatus } from '@/components/copy-status';
import { useClipboard } from '@/hooks/use-clipboard';
import { formErrors } from '@/lib/form-errors';
import { useCreateApiToken } from '../api/create-api-token';

/** The new secret, shown this once: the API keeps only its hash. */
function TokenSecret({ token }: { token: CreatedToken }) {
  const { copied, copy } = useClipboard();
  return (
    <Stack spacing={2}>
      <Alert severity="warning" data-testid="token-warning">
        Copy this token now. It will not be shown again; if you lose it, revoke it and create another.
      </Alert>
      <TextField
        label={`Token “${token.name}”`}
        value={token.token}
        fullWidth
        slotProps={{
          htmlInput: { readOnly: true, 'data-testid': 'token-secret', spellCheck: false },
        }}
        onFocus={(event) => event.target.select()}
      />
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Button
          variant="contained"
          startIcon={<ContentCopyIcon />}
          onClick={() => void copy(token.token)}
          data-testid="token-copy"
        >
          Copy token
        </Button>
        <CopyStatus result={copied} what="token" testId="token-copied" />
      </Stack>
      <Typography variant="body2" color="text.secondary">
        Send it as <code>Authorization: Bearer &lt;token&gt;</code> with your API requests.
      </Typography>
    </Stack>
  );
}

/** Names a new token, then shows its secret once with a copy button. */
export function CreateTokenDialog({ onClose }: { onClose: () => void }) {
  const [name, setName] = useState('');
  const [checked, setChecked] = useState<string | null>(null);
  const create = useCreateApiToken();
  const server = formErrors(create.error, ['name']);
  const message = checked ?? server.fields.name;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return setChecked('is required');
    if (name.trim().length > 100) return setChecked('must be at most 100 characters');
    create.mutate({ name: name.trim() });
  };

  return (
    <Dialog
      open
      onClose={onClose}
      aria-labelledby="create-token-title"
      fullWidth
      maxWidth="sm"
      data-testid="create-token-dialog"
    >
      <DialogTitle id="create-token-title">
        {create.data ? 'Your new API token' : 'Create an API token'}
      </DialogTitle>
      {create.data ? (
        <>
          <DialogContent>
            <TokenSecret token={create.data} />
          </DialogContent>
          <DialogActions>
            <Button onClick={onClose} data-testid="token-done">
              Done
            </Button>
          </DialogActions>
        </>
      ) : (
        <form onSubmit={submit} noValidate>
          <DialogContent>
            <Stack spacing={2}>
              <Typography color="text.secondary">
                A token acts as you in scripts and tools. Name it after where you will use it.
              </Typography>
              <TextField
                label="Name"
                autoFocus
                required
                fullWidth
                value={name}
                onChange={(event) => {
                  setName(event.target.value);
                  setChecked(null);
                }}
                error={message !== undefined && message !== null}
                helperText={message}
                slotProps={{ htmlInput: { 'data-testid': 'token-name', maxLength: 100 } }}
              />
              {server.form && (
                <Alert severity="error" data-testid="token-create-error">
                  {server.form}
                </Alert>
              )}
            </Stack>
          </DialogContent>
          <DialogActions>
            <Button onClick={onClose}>Cancel</Button>
            <Button
              type="submit"
              variant="contained"
              disabled={create.isPending}
              data-testid="token-create-submit"
            >
              Create token
            </Button>
          </DialogActions>
        </form>
      )}
    </Dialog>
  );
}
