import { useState } from 'react';
import { Link as RouterLink, useNavigate } from 'react-router';
import type { FlaggedItemDetail } from '@genonaut/contracts';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import { QueryStates } from '@/components/query-states';
import { paths } from '@/config/paths';
import { useFlaggedItem } from '../api/get-flagged-item';
import { useReviewFlaggedItem } from '../api/review-flagged-item';
import { formatRisk, riskColor } from '../utils/risk';
import { HighlightedText } from './highlighted-text';
import { ReviewActions } from './review-actions';
import { RiskBreakdown } from './risk-breakdown';

function Review({ item }: { item: FlaggedItemDetail }) {
  const navigate = useNavigate();
  const review = useReviewFlaggedItem(item.id);
  const [notes, setNotes] = useState(item.notes ?? '');
  const image = item.content.thumbnails.large ?? item.content.image;
  const decide = (decision: 'approve' | 'remove') =>
    review.mutate(
      { decision, ...(notes.trim() ? { notes: notes.trim() } : {}) },
      {
        onSuccess: (result) => {
          if (result.status === 'removed') void navigate(paths.adminFlaggedContent.href(), { replace: true });
        },
      },
    );
  return (
    <Stack
      direction={{ xs: 'column', md: 'row' }}
      spacing={3}
      data-testid="flagged-item"
      data-status={item.status}
    >
      <Box sx={{ flex: '0 1 420px', minWidth: 0 }}>
        {image ? (
          <Box
            component="img"
            src={image.url}
            alt={item.content.title}
            sx={{ width: '100%', height: 'auto', borderRadius: 1, display: 'block' }}
            data-testid="flagged-image"
          />
        ) : (
          <Paper variant="outlined" sx={{ p: 4, textAlign: 'center' }}>
            No image
          </Paper>
        )}
        <Link
          component={RouterLink}
          to={paths.contentItem.href(item.contentId)}
          sx={{ display: 'inline-block', mt: 1 }}
        >
          Open the item page
        </Link>
      </Box>
      <Stack spacing={2} sx={{ flex: 1, minWidth: 0 }}>
        <Stack direction="row" sx={{ gap: 1, flexWrap: 'wrap', alignItems: 'center' }}>
          <Chip
            label={`Risk ${formatRisk(item.riskScore)}`}
            color={riskColor(item.riskScore)}
            data-testid="item-risk"
          />
          <Chip
            label={item.status}
            color={item.status === 'approved' ? 'success' : 'default'}
            variant="outlined"
            data-testid="item-status"
          />
          {item.hiddenFromOthers && <Chip label="Hidden from other users" color="error" variant="outlined" />}
        </Stack>
        <Typography variant="body2" color="text.secondary">
          by {item.content.creator.displayName ?? item.content.creator.username} · {item.content.source} ·
          flagged <time dateTime={item.createdAt}>{new Date(item.createdAt).toLocaleString()}</time>
        </Typography>
        <div>
          <Typography variant="overline" component="h2">
            Title
          </Typography>
          <Typography variant="h2" component="p">
            <HighlightedText text={item.title} highlights={item.titleHighlights} testId="flagged-title" />
          </Typography>
        </div>
        <div>
          <Typography variant="overline" component="h2">
            Prompt
          </Typography>
          <Typography>
            {item.prompt ? (
              <HighlightedText
                text={item.prompt}
                highlights={item.promptHighlights}
                testId="flagged-prompt"
              />
            ) : (
              <em>No prompt</em>
            )}
          </Typography>
        </div>
        <RiskBreakdown item={item} />
        <TextField
          label="Notes"
          multiline
          minRows={2}
          value={notes}
          onChange={(e) => setNotes(e.target.value)}
          slotProps={{ htmlInput: { maxLength: 2000, 'data-testid': 'review-notes' } }}
        />
        {item.status === 'approved' && (
          <Alert severity="success" data-testid="approved-note">
            Approved{item.reviewedAt ? ` on ${new Date(item.reviewedAt).toLocaleString()}` : ''}: visible to
            everyone it is shared with.
          </Alert>
        )}
        <ReviewActions
          testIdPrefix="review"
          count={1}
          pending={review.isPending}
          approving={review.isPending && review.variables.decision === 'approve'}
          approveDisabled={item.status === 'approved'}
          error={review.error}
          errorMessage="The review was not saved"
          onApprove={() => decide('approve')}
          onRemove={() => decide('remove')}
          onResetError={() => review.reset()}
        />
      </Stack>
    </Stack>
  );
}

/** One flagged item: the image, its text with the flag words marked, the risk's parts, approve or remove. */
export function FlaggedItemPage({ id }: { id: number }) {
  const item = useFlaggedItem(id);
  return (
    <Stack spacing={2} data-testid="flagged-item-page">
      <Button
        component={RouterLink}
        to={paths.adminFlaggedContent.href()}
        startIcon={<ArrowBackIcon />}
        sx={{ alignSelf: 'flex-start' }}
        data-testid="back-to-queue"
      >
        Flagged content
      </Button>
      <QueryStates
        query={item}
        loading={
          <Skeleton
            variant="rounded"
            height={320}
            aria-label="Loading the flagged item"
            data-testid="flagged-item-loading"
          />
        }
        errorTestId="flagged-item-error"
      >
        {(data) => <Review key={data.id} item={data} />}
      </QueryStates>
    </Stack>
  );
}
