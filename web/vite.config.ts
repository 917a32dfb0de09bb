import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

// The dashboard: built into web/dist, served by `segmenta serve` on the API's port. `vite --config
// web/vite.config.ts` proxies /v1 to a running `segmenta serve` for development.
export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  // echarts-for-react imports tslib without declaring it; npm nests tslib under echarts instead of hoisting
  // it, so point at that copy (adding tslib to devDependencies would make this alias unnecessary).
  resolve: {
    alias: {
      tslib: fileURLToPath(
        new URL('../node_modules/echarts/node_modules/tslib/tslib.es6.js', import.meta.url),
      ),
    },
  },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  server: { proxy: { '/v1': 'http://127.0.0.1:3000', '/health': 'http://127.0.0.1:3000' } },
});
