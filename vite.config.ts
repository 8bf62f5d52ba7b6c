import { readFileSync } from 'node:fs';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';
import { viteSingleFile } from 'vite-plugin-singlefile';
import { OUTPUT_FILE, singleFileWithCsp } from './scripts/build-plugins.ts';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

export default defineConfig({
  plugins: [svelte(), viteSingleFile({ outputFileName: OUTPUT_FILE, removeViteModuleLoader: true }), singleFileWithCsp()],
  define: { __APP_VERSION__: JSON.stringify(version) },
  // public/ holds files shipped beside the app (the import template), never inside dist/.
  build: { copyPublicDir: false, target: 'es2022', reportCompressedSize: false },
  // Chromium runs only classic workers from blob: URLs on file:// pages.
  worker: { format: 'iife' },
});
