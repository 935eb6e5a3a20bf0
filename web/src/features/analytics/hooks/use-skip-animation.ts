import useMediaQuery from '@mui/material/useMediaQuery';

/** Charts stand still for people who ask for less motion (and so for stable screenshots). */
export function useSkipAnimation(): boolean {
  return useMediaQuery('(prefers-reduced-motion: reduce)');
}
