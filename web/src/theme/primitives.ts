// Design tokens of the one theme: palette per colour scheme, type scale, shape. Component families
// take their look from these in ./customizations, so pages need little `sx`.
import type { Theme, ThemeOptions } from '@mui/material/styles';

export const brand = {
  main: '#5b4bdb',
  light: '#8a7ef0',
  dark: '#3a2ca8',
  contrastText: '#ffffff',
};

export const colorSchemes: ThemeOptions['colorSchemes'] = {
  light: {
    palette: {
      primary: brand,
      secondary: { main: '#0f8b8d' },
      background: { default: '#f6f6fa', paper: '#ffffff' },
      divider: 'rgba(20, 20, 40, 0.12)',
    },
  },
  dark: {
    palette: {
      primary: { ...brand, main: '#9d93ff', contrastText: '#141225' },
      secondary: { main: '#4fd1c5' },
      background: { default: '#0f0f17', paper: '#181824' },
      divider: 'rgba(255, 255, 255, 0.12)',
    },
  },
};

export const typography: ThemeOptions['typography'] = {
  fontFamily: 'Inter, "Segoe UI", Roboto, system-ui, -apple-system, sans-serif',
  h1: { fontSize: '1.75rem', fontWeight: 600 },
  h2: { fontSize: '1.4rem', fontWeight: 600 },
  h3: { fontSize: '1.15rem', fontWeight: 600 },
  button: { textTransform: 'none', fontWeight: 600 },
};

export const shape: ThemeOptions['shape'] = { borderRadius: 10 };

/**
 * The palette as CSS variables, so a style written once follows the active colour scheme. Reading
 * `theme.palette` in a style override freezes the light scheme's values (a white app bar in dark mode).
 */
export const paletteOf = (theme: Theme) => (theme.vars ?? theme).palette;
