import Typography from '@mui/material/Typography';

export function GalleryPage() {
  return <Typography variant="h1">Gallery</Typography>;
}
