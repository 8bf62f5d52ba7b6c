/** Drives bench-dist/floor.html (see bench/floor.ts) in a fresh Chromium profile for one file. */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch, newProfileDir, removeProfileDir } from '../test/e2e/browser.ts';

export const FLOOR_FILE = resolve('bench-dist/floor.html');

export interface FloorResult {
  parseMs: number;
  putMs: number;
  rows: number;
  stored: number;
}

/** Fastest of 3 parses and of 2 bulkPuts, each bulkPut into a fresh database. */
export async function runFloor(file: string): Promise<FloorResult> {
  const profile = newProfileDir();
  const context = await launch(profile);
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(pathToFileURL(FLOOR_FILE).href);
    await page.setInputFiles('#file', file);
    const kind = file.endsWith('.csv') ? 'csv' : 'xlsx';
    const parsed = (await page.evaluate(`window.floor.parse('${kind}', 3)`)) as { ms: number; rows: number };
    const put = (await page.evaluate('window.floor.bulkPut(2)')) as { ms: number; stored: number };
    return { parseMs: parsed.ms, putMs: put.ms, rows: parsed.rows, stored: put.stored };
  } finally {
    await context.close();
    removeProfileDir(profile);
  }
}
