import type { Components, Theme } from '@mui/material/styles';

export const dataDisplayCustomizations: Components<Theme> = {
  MuiChip: { defaultProps: { size: 'small' } },
  MuiSkeleton: { defaultProps: { animation: 'wave' } },
};
