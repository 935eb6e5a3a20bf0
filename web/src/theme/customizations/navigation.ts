import type { Components, Theme } from '@mui/material/styles';

export const navigationCustomizations: Components<Theme> = {
  MuiDrawer: {
    styleOverrides: { paper: ({ theme }) => ({ borderRight: `1px solid ${theme.palette.divider}` }) },
  },
  MuiListItemButton: {
    styleOverrides: {
      root: ({ theme }) => ({
        borderRadius: theme.shape.borderRadius,
        margin: theme.spacing(0.25, 1),
        '&.active': {
          backgroundColor: theme.palette.action.selected,
          color: theme.palette.primary.main,
        },
      }),
    },
  },
  MuiPagination: { defaultProps: { shape: 'rounded', color: 'primary' } },
};
