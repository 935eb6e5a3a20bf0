import { Link as RouterLink } from 'react-router';
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardActionArea from '@mui/material/CardActionArea';
import CardContent from '@mui/material/CardContent';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import ThumbDownIcon from '@mui/icons-material/ThumbDownOutlined';
import type { Recommendation } from '@genonaut/contracts';
import { paths } from '@/config/paths';
import { reasonText } from '../utils/reason-text';

/**
 * One recommendation: its thumbnail and title link to the item (and count as a click), the reasons say
 * why it is here, and "Not for me" dismisses it for good.
 */
export function RecommendationCard({
  recommendation,
  onOpen,
  onDismiss,
  dismissing,
}: {
  recommendation: Recommendation;
  onOpen: () => void;
  onDismiss: () => void;
  dismissing: boolean;
}) {
  const { content } = recommendation;
  const thumb = content.thumbnails.medium ?? content.thumbnails.small ?? content.image;
  return (
    <Card
      component="li"
      variant="outlined"
      data-testid="recommendation-card"
      data-content-id={content.id}
      sx={{ display: 'flex', flexDirection: 'column' }}
    >
      <CardActionArea component={RouterLink} to={paths.contentItem.href(content.id)} onClick={onOpen}>
        <Box sx={{ aspectRatio: '1', bgcolor: 'action.hover', overflow: 'hidden' }}>
          {thumb && (
            <Box
              component="img"
              src={thumb.url}
              alt={content.title}
              loading="lazy"
              sx={{ width: '100%', height: '100%', objectFit: 'cover', display: 'block' }}
            />
          )}
        </Box>
      </CardActionArea>
      <CardContent sx={{ flexGrow: 1, pb: 1 }}>
        <Stack direction="row" spacing={0.5} sx={{ alignItems: 'flex-start' }}>
          <Typography
            variant="subtitle2"
            component="h2"
            noWrap
            title={content.title}
            sx={{ flex: 1, minWidth: 0 }}
            data-testid="recommendation-title"
          >
            {content.title}
          </Typography>
          <Tooltip title="Not for me">
            <span>
              <IconButton
                size="small"
                aria-label={`Not for me: ${content.title}`}
                onClick={onDismiss}
                disabled={dismissing}
                data-testid="recommendation-dismiss"
              >
                <ThumbDownIcon fontSize="small" />
              </IconButton>
            </span>
          </Tooltip>
        </Stack>
        <Stack component="ul" spacing={0.25} sx={{ m: 0, p: 0, listStyle: 'none' }}>
          {recommendation.reasons.map((reason) => (
            <Typography
              key={reasonText(reason)}
              component="li"
              variant="body2"
              color="text.secondary"
              data-testid="recommendation-reason"
            >
              {reasonText(reason)}
            </Typography>
          ))}
        </Stack>
      </CardContent>
    </Card>
  );
}
