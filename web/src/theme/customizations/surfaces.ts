import type { Components, Theme } from '@mui/material/styles';
import { paletteOf } from '../primitives';

export const surfacesCustomizations: Components<Theme> = {
  MuiPaper: { defaultProps: { elevation: 0 } },
  MuiCard: {
    defaultProps: { variant: 'outlined' },
    styleOverrides: { root: { height: '100%', display: 'flex', flexDirection: 'column' } },
  },
  MuiAppBar: {
    defaultProps: { elevation: 0, color: 'inherit' },
    styleOverrides: {
      root: ({ theme }) => ({
        borderBottom: `1px solid ${paletteOf(theme).divider}`,
        backgroundColor: paletteOf(theme).background.paper,
      }),
    },
  },
};
