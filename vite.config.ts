import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer is served from dist/renderer by the web host (http) and loaded from file:// by
// Electron: base './' keeps every asset path relative so both work.
export default defineConfig({
  root: '.',
  base: './',
  plugins: [react()],
  build: {
    outDir: 'dist/renderer',
    emptyOutDir: true,
    // Fonts and icons must ship as files, never fetched from a CDN (the desk works offline).
    assetsInlineLimit: 0,
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
  },
});
