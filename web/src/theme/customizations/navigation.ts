import type { Components, Theme } from '@mui/material/styles';
import { paletteOf } from '../primitives';

export const navigationCustomizations: Components<Theme> = {
  MuiDrawer: {
    styleOverrides: { paper: ({ theme }) => ({ borderRight: `1px solid ${paletteOf(theme).divider}` }) },
  },
  MuiListItemButton: {
    styleOverrides: {
      root: ({ theme }) => ({
        borderRadius: theme.shape.borderRadius,
        margin: theme.spacing(0.25, 1),
        '&.active': {
          backgroundColor: paletteOf(theme).action.selected,
          color: paletteOf(theme).primary.main,
        },
      }),
    },
  },
  MuiPagination: { defaultProps: { shape: 'rounded', color: 'primary' } },
};
