import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

export const OUTPUT_FILE = 'tilsynsbaenk.html';
export const MAX_BYTES = 3 * 1024 * 1024;
const CSP_PLACEHOLDER = '__CONTENT_SECURITY_POLICY__';

/** The SHA-256 source expressions of every inline element `tag` in `html`, as CSP wants them. */
export function inlineHashes(html: string, tag: 'script' | 'style'): string[] {
  // `<style:header/>` inside inlined code (SheetJS's ODS writer) is not a style element: the tag
  // name must end in white space or `>`.
  const pattern = new RegExp(`<${tag}(?:\\s[^>]*)?>([\\s\\S]*?)</${tag}>`, 'g');
  return [...html.matchAll(pattern)].map(
    (match) => `'sha256-${createHash('sha256').update(match[1] ?? '', 'utf8').digest('base64')}'`,
  );
}

export function contentSecurityPolicy(html: string): string {
  const scripts = inlineHashes(html, 'script');
  const styles = inlineHashes(html, 'style');
  return [
    "default-src 'none'",
    `script-src ${scripts.join(' ') || "'none'"}`,
    `style-src ${styles.join(' ') || "'none'"}`,
    'img-src data: blob:',
    'font-src data:',
    "connect-src 'none'",
    'worker-src blob:',
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/**
 * Runs after vite-plugin-singlefile has inlined everything: writes the hash-only CSP into the
 * page (no 'unsafe-inline', no 'unsafe-eval'), and refuses a build that left
 * any other file behind or grew past the size budget, because the file share gets one file.
 */
export function singleFileWithCsp(): Plugin {
  let outDir = 'dist';
  return {
    name: 'tilsynsbaenk-single-file-csp',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    closeBundle() {
      const files = readdirSync(outDir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
      const htmlFiles = files.filter((e) => e.name.endsWith('.html'));
      if (files.length !== 1 || htmlFiles.length !== 1) {
        throw new Error(`Expected exactly one HTML file in ${outDir}, found: ${files.map((f) => f.name).join(', ')}`);
      }
      const target = join(outDir, OUTPUT_FILE);
      if (htmlFiles[0]!.name !== OUTPUT_FILE) throw new Error(`Expected ${OUTPUT_FILE}, found ${htmlFiles[0]!.name}`);
      const html = readFileSync(target, 'utf8');
      if (!html.includes(CSP_PLACEHOLDER)) throw new Error('index.html lost its CSP placeholder');
      if (/<script\b[^>]*\ssrc=|<link\b[^>]*rel="(?:stylesheet|modulepreload)"/.test(html)) {
        throw new Error('The built page still refers to an external script or stylesheet');
      }
      writeFileSync(target, html.replace(CSP_PLACEHOLDER, contentSecurityPolicy(html)));
      const bytes = statSync(target).size;
      const size = `${(bytes / 1024 / 1024).toFixed(2).replace('.', ',')} MB (${bytes} bytes)`;
      if (bytes > MAX_BYTES) throw new Error(`${OUTPUT_FILE} is ${size}; the budget is 3 MB`);
      console.log(`\n${target}: ${size}, one self-contained file`);
    },
  };
}
