import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The web app: built into dist/web and served by the Fastify server (see src/server/app.ts). In development
 * `npm run dev` serves it with hot reload and forwards API calls to a server started with `pamong serve`.
 */
const API_TARGET = process.env.PAMONG_API_URL ?? 'http://localhost:3000';

export default defineConfig({
  root: '.',
  plugins: [react()],
  build: {
    outDir: 'dist/web',
    emptyOutDir: true,
    sourcemap: false,
    // ECharts is its own lazy chunk (loaded by the map); everything else stays well under this.
    chunkSizeWarningLimit: 600,
  },
  server: {
    proxy: {
      '/api': { target: API_TARGET, changeOrigin: false },
      // Verification pages of signed directives (/v/<code>); a RegExp so /vite-internal paths are not caught.
      '^/v/': { target: API_TARGET, changeOrigin: false },
      '/open311': { target: API_TARGET, changeOrigin: false },
    },
  },
});
