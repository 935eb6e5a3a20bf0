import Stack from '@mui/material/Stack';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import GridViewIcon from '@mui/icons-material/GridView';
import ViewListIcon from '@mui/icons-material/ViewList';
import {
  THUMB_SIZES,
  type GalleryState,
  type GalleryView,
  type PagingMode,
  type ThumbSize,
} from '../hooks/use-gallery-params';

const SIZE_LABELS: Record<ThumbSize, string> = { small: 'S', medium: 'M', large: 'L' };

export function ViewControls({
  state,
  onChange,
}: {
  state: GalleryState;
  onChange: (change: Partial<GalleryState>) => void;
}) {
  return (
    <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1 }}>
      <ToggleButtonGroup
        exclusive
        value={state.view}
        onChange={(_event, view: GalleryView | null) => view && onChange({ view })}
        aria-label="View"
      >
        <ToggleButton value="grid" aria-label="Grid view" data-testid="view-grid">
          <GridViewIcon fontSize="small" />
        </ToggleButton>
        <ToggleButton value="list" aria-label="List view" data-testid="view-list">
          <ViewListIcon fontSize="small" />
        </ToggleButton>
      </ToggleButtonGroup>
      {state.view === 'grid' && (
        <ToggleButtonGroup
          exclusive
          value={state.size}
          onChange={(_event, size: ThumbSize | null) => size && onChange({ size })}
          aria-label="Thumbnail size"
        >
          {THUMB_SIZES.map((size) => (
            <ToggleButton
              key={size}
              value={size}
              aria-label={`${size} thumbnails`}
              data-testid={`size-${size}`}
            >
              {SIZE_LABELS[size]}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
      )}
      <ToggleButtonGroup
        exclusive
        value={state.mode}
        onChange={(_event, mode: PagingMode | null) => mode && onChange({ mode, page: 1 })}
        aria-label="Paging"
      >
        <ToggleButton value="pages" data-testid="mode-pages">
          Pages
        </ToggleButton>
        <ToggleButton value="scroll" data-testid="mode-scroll">
          Scroll
        </ToggleButton>
      </ToggleButtonGroup>
    </Stack>
  );
}
