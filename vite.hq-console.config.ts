import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

/**
 * The HQ console: a second small React app (src-hq/console) built from the renderer's parts into
 * out/hq-console, which HQ serves at / (its CSP comes with the response, so no meta tag here).
 */
export default defineConfig({
  root: resolve(__dirname, 'src-hq/console'),
  base: '/',
  resolve: { alias: { '@core': resolve(__dirname, 'src-main/core') } },
  plugins: [react()],
  build: {
    outDir: resolve(__dirname, 'out/hq-console'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
})
