// Builds the two web apps (visitor at /, staff console at /console) into dist/web.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';

const root = resolve(import.meta.dirname, 'web');

/** Havre serves polling and WebSocket only; engine.io-client's WebTransport code would be dead weight. */
const withoutWebTransport: Plugin = {
  name: 'havre-without-webtransport',
  enforce: 'pre',
  resolveId(source, importer) {
    if (source === './webtransport.js' && importer?.includes('engine.io-client')) {
      return resolve(root, 'ui/no-webtransport.js');
    }
    return null;
  },
};

const outDir = resolve(import.meta.dirname, 'dist/web');

/**
 * Every asset also as `.br` and `.gz`, compressed once at build time at the highest levels, so that Havre
 * serves the smallest bytes a browser accepts without compressing on each request (@fastify/static's
 * `preCompressed`). A phone on a weak 3G link gets the page's scripts and styles in about a third of the bytes.
 */
const precompressed: Plugin = {
  name: 'havre-precompressed',
  apply: 'build',
  closeBundle() {
    const assets = join(outDir, 'assets');
    for (const name of readdirSync(assets)) {
      if (!/\.(js|css|svg)$/.test(name)) continue;
      const body = readFileSync(join(assets, name));
      writeFileSync(
        join(assets, `${name}.br`),
        brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY } }),
      );
      writeFileSync(join(assets, `${name}.gz`), gzipSync(body, { level: 9 }));
    }
  },
};

export default defineConfig({
  root,
  base: '/',
  plugins: [withoutWebTransport, precompressed],
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir,
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
