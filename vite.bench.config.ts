import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { viteSingleFile } from 'vite-plugin-singlefile';

/** Builds bench/floor.html into one file, bench-dist/floor.html, for `npm run bench`. */
export default defineConfig({
  root: fileURLToPath(new URL('./bench', import.meta.url)),
  plugins: [viteSingleFile({ removeViteModuleLoader: true })],
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('./bench-dist', import.meta.url)),
    emptyOutDir: true,
    copyPublicDir: false,
    target: 'es2022',
    reportCompressedSize: false,
    rollupOptions: { input: fileURLToPath(new URL('./bench/floor.html', import.meta.url)) },
  },
});
