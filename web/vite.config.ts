import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// `@/…` is web/src, so imports read the same from every depth of the feature folders.
const src = decodeURIComponent(new URL('./src', import.meta.url).pathname);

// The dev server forwards the API and its WebSocket to a running `npm start` (port 8001). The Host
// header is kept (no changeOrigin) so the API's same-origin check sees the browser's own origin.
export default defineConfig({
  plugins: [react()],
  resolve: { alias: { '@': src } },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: 'http://localhost:8001', ws: true },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
});
