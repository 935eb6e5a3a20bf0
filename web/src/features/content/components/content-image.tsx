import { useState } from 'react';
import Box from '@mui/material/Box';
import ButtonBase from '@mui/material/ButtonBase';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import ZoomInIcon from '@mui/icons-material/ZoomIn';
import type { ContentDetail } from '@genonaut/contracts';
import { ImageZoomDialog } from './image-zoom-dialog';

/**
 * The large thumbnail (quick to load) as a button that opens the original in the zoom view.
 */
export function ContentImage({ item }: { item: ContentDetail }) {
  const [open, setOpen] = useState(false);
  const shown = item.thumbnails.large ?? item.image;
  if (!shown || !item.image) {
    return (
      <Paper variant="outlined" sx={{ p: 6, textAlign: 'center' }} data-testid="content-no-image">
        <Typography color="text.secondary">This item has no image</Typography>
      </Paper>
    );
  }
  return (
    <>
      <ButtonBase
        focusRipple
        onClick={() => setOpen(true)}
        aria-label={`Open “${item.title}” full size`}
        data-testid="content-image-open"
        sx={{ display: 'block', width: '100%', borderRadius: 2, overflow: 'hidden', position: 'relative' }}
      >
        <Box
          component="img"
          src={shown.url}
          alt={item.title}
          width={shown.width}
          height={shown.height}
          data-testid="content-image"
          sx={{ display: 'block', width: '100%', height: 'auto', maxHeight: '75vh', objectFit: 'contain' }}
        />
        <ZoomInIcon
          aria-hidden
          sx={{
            position: 'absolute',
            right: 8,
            bottom: 8,
            color: 'common.white',
            filter: 'drop-shadow(0 0 2px #000)',
          }}
        />
      </ButtonBase>
      <ImageZoomDialog open={open} onClose={() => setOpen(false)} image={item.image} title={item.title} />
    </>
  );
}
