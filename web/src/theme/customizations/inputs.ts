import type { Components, Theme } from '@mui/material/styles';
import { paletteOf } from '../primitives';

export const inputsCustomizations: Components<Theme> = {
  MuiButton: { defaultProps: { disableElevation: true } },
  MuiTextField: { defaultProps: { size: 'small' } },
  MuiSelect: { defaultProps: { size: 'small' } },
  MuiAutocomplete: { defaultProps: { size: 'small' } },
  MuiToggleButtonGroup: { defaultProps: { size: 'small' } },
  MuiIconButton: {
    styleOverrides: {
      // A visible focus ring: the app must be usable from the keyboard.
      root: ({ theme }) => ({
        '&.Mui-focusVisible': { outline: `2px solid ${paletteOf(theme).primary.main}`, outlineOffset: 2 },
      }),
    },
  },
};
