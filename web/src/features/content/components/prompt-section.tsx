import { useState } from 'react';
import IconButton from '@mui/material/IconButton';
import Paper from '@mui/material/Paper';
import Snackbar from '@mui/material/Snackbar';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';

function PromptText({
  label,
  text,
  testId,
  onCopy,
}: {
  label: string;
  text: string | null;
  testId: string;
  onCopy: (label: string, text: string) => void;
}) {
  const present = text !== null && text.trim() !== '';
  return (
    <Stack spacing={0.5} component="section" aria-label={label}>
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between' }}>
        <Typography variant="h3" component="h2">
          {label}
        </Typography>
        {present && (
          <Tooltip title={`Copy ${label.toLowerCase()}`}>
            <IconButton
              aria-label={`Copy ${label.toLowerCase()}`}
              onClick={() => onCopy(label, text)}
              data-testid={`copy-${testId}`}
            >
              <ContentCopyIcon fontSize="small" />
            </IconButton>
          </Tooltip>
        )}
      </Stack>
      <Paper variant="outlined" sx={{ p: 1.5 }}>
        <Typography
          data-testid={testId}
          color={present ? 'text.primary' : 'text.secondary'}
          sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
        >
          {present ? text : 'None'}
        </Typography>
      </Paper>
    </Stack>
  );
}

/** The prompt and negative prompt, each with a copy button and a short confirmation. */
export function PromptSection({ prompt, negativePrompt }: { prompt: string; negativePrompt: string | null }) {
  const [message, setMessage] = useState<string | null>(null);
  const copy = (label: string, text: string) => {
    navigator.clipboard.writeText(text).then(
      () => setMessage(`${label} copied`),
      () => setMessage(`Could not copy the ${label.toLowerCase()}; select it and copy by hand`),
    );
  };
  return (
    <Stack spacing={2}>
      <PromptText label="Prompt" text={prompt} testId="content-prompt" onCopy={copy} />
      <PromptText
        label="Negative prompt"
        text={negativePrompt}
        testId="content-negative-prompt"
        onCopy={copy}
      />
      <Snackbar
        open={message !== null}
        autoHideDuration={3000}
        onClose={() => setMessage(null)}
        message={message}
        data-testid="copy-message"
      />
    </Stack>
  );
}
