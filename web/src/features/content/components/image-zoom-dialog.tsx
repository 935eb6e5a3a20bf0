import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Dialog from '@mui/material/Dialog';
import IconButton from '@mui/material/IconButton';
import Toolbar from '@mui/material/Toolbar';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import CloseIcon from '@mui/icons-material/Close';
import FitScreenIcon from '@mui/icons-material/FitScreen';
import ZoomInIcon from '@mui/icons-material/ZoomIn';
import ZoomOutIcon from '@mui/icons-material/ZoomOut';
import type { ImageRef } from '@genonaut/contracts';

/** Zoom steps as factors of the original's pixel size. */
const STEPS = [0.1, 0.25, 0.5, 0.75, 1, 1.5, 2, 3, 4];
const MIN = 0.1;
const MAX = 4;
type Zoom = 'fit' | number;

function ZoomButton({
  label,
  onClick,
  testId,
  disabled,
  children,
}: {
  label: string;
  onClick: () => void;
  testId: string;
  disabled?: boolean;
  children: ReactNode;
}) {
  return (
    <Tooltip title={label}>
      {/* The span lets the tooltip work while the button is disabled. */}
      <span>
        <IconButton
          color="inherit"
          aria-label={label}
          onClick={onClick}
          disabled={disabled}
          data-testid={testId}
        >
          {children}
        </IconButton>
      </span>
    </Tooltip>
  );
}

/**
 * The original, byte for byte, at a chosen zoom. The state lives in here so that every opening starts
 * again at "fit" (the dialog unmounts its content when closed).
 */
function ZoomViewer({ image, title, onClose }: { image: ImageRef; title: string; onClose: () => void }) {
  const [zoom, setZoom] = useState<Zoom>('fit');
  const viewport = useRef<HTMLDivElement>(null);

  // Read at the moment of a click or key press, when the viewport has been laid out.
  const scaleOf = useCallback(
    (current: Zoom) => {
      if (current !== 'fit') return current;
      // "Fit" shows the whole image inside the viewport, never enlarged.
      const box = viewport.current;
      if (!box?.clientWidth || !box.clientHeight) return 1;
      return Math.min(box.clientWidth / image.width, box.clientHeight / image.height, 1);
    },
    [image.width, image.height],
  );
  const zoomIn = useCallback(
    () => setZoom((current) => STEPS.find((step) => step > scaleOf(current) + 1e-6) ?? MAX),
    [scaleOf],
  );
  const zoomOut = useCallback(
    () => setZoom((current) => STEPS.findLast((step) => step < scaleOf(current) - 1e-6) ?? MIN),
    [scaleOf],
  );

  // On the document, so the keys work from the moment the dialog opens, wherever focus is inside it;
  // with Ctrl or Cmd they stay the browser's own page zoom.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key === '+' || event.key === '=') zoomIn();
      else if (event.key === '-') zoomOut();
      else if (event.key === '0') setZoom('fit');
      else return;
      event.preventDefault();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [zoomIn, zoomOut]);

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', height: '100%' }}>
      <AppBar position="static" color="default" elevation={0}>
        <Toolbar variant="dense" sx={{ gap: 0.5 }}>
          <Typography id="zoom-dialog-title" variant="h3" component="h2" noWrap sx={{ flexGrow: 1 }}>
            {title}
          </Typography>
          <ZoomButton
            label="Zoom out"
            onClick={zoomOut}
            testId="zoom-out"
            disabled={zoom !== 'fit' && zoom <= MIN}
          >
            <ZoomOutIcon />
          </ZoomButton>
          <Typography
            aria-live="polite"
            data-testid="zoom-level"
            sx={{ minWidth: '4.5ch', textAlign: 'center' }}
          >
            {zoom === 'fit' ? 'Fit' : `${Math.round(zoom * 100)}%`}
          </Typography>
          <ZoomButton
            label="Zoom in"
            onClick={zoomIn}
            testId="zoom-in"
            disabled={zoom !== 'fit' && zoom >= MAX}
          >
            <ZoomInIcon />
          </ZoomButton>
          <ZoomButton label="Fit to screen" onClick={() => setZoom('fit')} testId="zoom-fit">
            <FitScreenIcon />
          </ZoomButton>
          <ZoomButton label="Close" onClick={onClose} testId="zoom-close">
            <CloseIcon />
          </ZoomButton>
        </Toolbar>
      </AppBar>
      {/* Scrollable, so a zoomed image is panned with the scroll bars, the wheel or the arrow keys. */}
      <Box
        ref={viewport}
        tabIndex={0}
        aria-label="Image, scroll to pan"
        sx={{ flexGrow: 1, overflow: 'auto', display: 'flex', bgcolor: 'background.default', minHeight: 0 }}
      >
        <Box
          component="img"
          src={image.url}
          alt={`${title} (original)`}
          data-testid="zoom-image"
          // margin:auto centres the image yet keeps all of a larger one reachable by scrolling.
          sx={
            zoom === 'fit'
              ? { m: 'auto', maxWidth: '100%', maxHeight: '100%', objectFit: 'contain' }
              : { m: 'auto', width: image.width * zoom, height: image.height * zoom, maxWidth: 'none' }
          }
        />
      </Box>
    </Box>
  );
}

export function ImageZoomDialog({
  open,
  onClose,
  image,
  title,
}: {
  open: boolean;
  onClose: () => void;
  image: ImageRef;
  title: string;
}) {
  // Escape and the close button both end in onClose (MUI's Dialog handles Escape).
  return (
    <Dialog
      fullScreen
      open={open}
      onClose={onClose}
      aria-labelledby="zoom-dialog-title"
      data-testid="zoom-dialog"
    >
      <ZoomViewer image={image} title={title} onClose={onClose} />
    </Dialog>
  );
}
