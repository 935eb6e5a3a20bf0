import type { ReactNode } from 'react';
import type { TextHighlight } from '@genonaut/contracts';
import Box from '@mui/material/Box';

/** The text with each flagged occurrence marked (the API located them, so plurals and case match). */
export function HighlightedText({
  text,
  highlights,
  testId,
}: {
  text: string;
  highlights: TextHighlight[];
  testId: string;
}) {
  const parts: ReactNode[] = [];
  let at = 0;
  for (const [n, h] of [...highlights].sort((a, b) => a.index - b.index).entries()) {
    if (h.index < at) continue;
    if (h.index > at) parts.push(text.slice(at, h.index));
    parts.push(
      <Box
        component="mark"
        key={n}
        title={`Flag word: ${h.word}`}
        sx={{ bgcolor: 'warning.light', color: 'warning.contrastText', borderRadius: 0.5, px: 0.25 }}
        data-testid="highlight"
      >
        {text.slice(h.index, h.index + h.length)}
      </Box>,
    );
    at = h.index + h.length;
  }
  if (at < text.length) parts.push(text.slice(at));
  return (
    <Box component="span" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid={testId}>
      {parts}
    </Box>
  );
}
