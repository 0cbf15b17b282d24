import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'
import type { Plugin } from 'vite'

/** The app the renderer's small entry loads once it has started the page's first call (see main.tsx). */
const RENDERER_APP = resolve(__dirname, 'src-renderer/app/start-app.tsx')

/**
 * Lists the app's chunk and every chunk it imports as modulepreload links in the built page, so a cold
 * load fetches them alongside the small entry instead of only once the entry has run and asked.
 */
function preloadRendererApp(): Plugin {
  return {
    name: 'workbench-preload-app',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle, chunk: entry }) {
        if (!bundle || !entry) return []
        const files = new Set<string>()
        const add = (fileName: string) => {
          const chunk = bundle[fileName]
          if (chunk?.type !== 'chunk' || files.has(fileName)) return
          files.add(fileName)
          chunk.imports.forEach(add)
        }
        for (const fileName of entry.dynamicImports) {
          const chunk = bundle[fileName]
          if (chunk?.type === 'chunk' && chunk.facadeModuleId === RENDERER_APP) add(fileName)
        }
        return [...files].map((fileName) => ({
          tag: 'link',
          attrs: { rel: 'modulepreload', crossorigin: true, href: `./${fileName}` },
          injectTo: 'head' as const,
        }))
      },
    },
  }
}

const alias = { '@core': resolve(__dirname, 'src-main/core') }

export default defineConfig({
  main: {
    resolve: { alias },
    build: {
      outDir: 'out/main',
      // Pure-JS dependencies are bundled: resolving and reading kysely's 263 files and zod's 95 one by one
      // cost more start-up time than compiling them as one chunk. Native modules and the big lazy ones
      // (exceljs, playwright-core) stay in node_modules.
      externalizeDeps: {
        exclude: ['zod', 'kysely', 'qrcode', 'papaparse', 'iconv-lite', 'decimal.js', 'uuid'],
      },
      rollupOptions: {
        // Two programs over one core: the Electron shell and the browser host (plain Node).
        input: {
          electron: resolve(__dirname, 'src-main/electron/main.ts'),
          'browser-host': resolve(__dirname, 'src-main/browser-host/main.ts'),
          // Photo decoding and resizing run on this worker thread, off the dispatcher's thread.
          // Packaged, it runs from app.asar.unpacked (electron-builder.yml), with the chunks it requires.
          'photo-worker': resolve(__dirname, 'src-main/core/photos/photo-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: { input: { index: resolve(__dirname, 'src-main/preload/index.ts') } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src-renderer'),
    resolve: { alias },
    // No CSP meta tag: both hosts send the CSP as a response header (browser-host/server.ts, Electron's
    // app:// protocol in electron/app-protocol.ts), where frame-ancestors holds and nothing is logged.
    plugins: [react(), preloadRendererApp()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      // electron-vite leaves the renderer unminified; the page parses and compiles every byte on each load.
      minify: true,
      rollupOptions: { input: { index: resolve(__dirname, 'src-renderer/index.html') } },
      chunkSizeWarningLimit: 2000,
    },
  },
})
