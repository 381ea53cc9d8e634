// Builds the two web apps (visitor at /, staff console at /console) into dist/web.
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const root = resolve(import.meta.dirname, 'web');

export default defineConfig({
  root,
  base: '/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: resolve(import.meta.dirname, 'dist/web'),
    emptyOutDir: true,
    // Visitors must never load anything from another origin: keep every asset a same-origin file.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    rollupOptions: {
      input: {
        visitor: resolve(root, 'visitor/index.html'),
        console: resolve(root, 'console/index.html'),
      },
    },
  },
});
