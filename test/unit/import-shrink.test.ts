/**
 * A header-only or near-empty extract asks before it marks the workspace's cases as no longer
 * present: unanswered, the import throws inside its transaction and nothing is written.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runImport } from '../../src/app/import-run';
import { allCases } from '../../src/db/case-store';
import { openWorkspaceDb, type WorkspaceDb } from '../../src/db/workspace-db';
import { ShrinkNotConfirmed, shrinkQuestion } from '../../src/domain/import-limits';
import type { SourceWorkbook } from '../../src/domain/source';
import { suggestMapping } from '../../src/io/mapping';

const HEADERS = ['Sagsnr', 'Enhed', 'Sagsbehandler'];
const extract = (count: number): SourceWorkbook => ({
  format: 'csv',
  sheets: [{ name: 'x', headers: HEADERS, emptyRows: 0, rows: Array.from({ length: count }, (_, i) => ({ number: i + 2, cells: [`S-${i + 1}`, 'Nord', 'AB'] })) }],
});

let db: WorkspaceDb;
let n = 0;
beforeEach(async () => {
  for (const name of await Dexie.getDatabaseNames()) await Dexie.delete(name);
  db = await openWorkspaceDb('shrink');
});
afterEach(() => db.close());

const importOf = (workbook: SourceWorkbook, options: { confirmedShrink?: boolean; shrinkShare?: number } = {}) =>
  runImport(db, workbook, { importId: `I-${++n}`, importedAt: '2026-03-01T09:00:00.000Z', fileName: 'udtraek.csv', size: 1, sha256: 'x', readMs: 0, mapping: suggestMapping(workbook), keepFullCpr: false, by: 'Bo Opdigtet', ...options });
const missing = async () => (await allCases(db)).filter((c) => c.missingSince !== null).length;

describe('an extract with far fewer cases than the workspace', () => {
  beforeEach(async () => {
    await importOf(extract(50));
  });

  it('asks before a header-only extract marks all 50 cases, and writes nothing unanswered', async () => {
    const imports = await db.imports.count();
    const error = await importOf(extract(0)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ShrinkNotConfirmed);
    expect((error as Error).message).toBe('Udtrækket har ingen sager (kun overskrifter eller tomme rækker), men arbejdsområdet har 50. Importeres det, markeres 50 sager som "Ikke længere i udtrækket". Importér kun, hvis udtrækket er fuldstændigt.');
    expect(await db.imports.count()).toBe(imports);
    expect(await missing()).toBe(0);
  });

  it('marks them when the user has said yes', async () => {
    const record = await importOf(extract(0), { confirmedShrink: true });
    expect(record.diff.noLongerPresent).toHaveLength(50);
    expect(await missing()).toBe(50);
  });

  it('asks below the share (4 of 50 < 10 %) and not at it (5 of 50)', async () => {
    await expect(importOf(extract(4))).rejects.toThrow('Udtrækket har kun 4 sager, men arbejdsområdet har 50. Importeres det, markeres 46 sager');
    const record = await importOf(extract(5));
    expect(record.diff.noLongerPresent).toHaveLength(45);
  });

  it('uses the share from the settings', async () => {
    await expect(importOf(extract(20), { shrinkShare: 0.5 })).rejects.toBeInstanceOf(ShrinkNotConfirmed);
    expect((await importOf(extract(20), { shrinkShare: 0.4 })).diff.noLongerPresent).toHaveLength(30);
  });
});

describe('shrinkQuestion', () => {
  it('asks nothing of a first import, or when no case would be marked', () => {
    expect(shrinkQuestion(0, 0, 0, 0.1)).toBeUndefined();
    expect(shrinkQuestion(50, 1, 0, 0.1)).toBeUndefined();
    expect(shrinkQuestion(50, 1, 49, 0.1)).toBe('Udtrækket har kun 1 sag, men arbejdsområdet har 50. Importeres det, markeres 49 sager som "Ikke længere i udtrækket". Importér kun, hvis udtrækket er fuldstændigt.');
  });
});

describe('the headless command and a header-only extract', () => {
  const dir = mkdtempSync(join(tmpdir(), 'shrink-'));
  const file = join(dir, 'kun-overskrifter.csv');
  writeFileSync(file, 'Sagsnr;Enhed;Sagsbehandler\n');
  const cli = (...extra: string[]) => spawnSync('npx', ['tsx', 'scripts/screen.ts', file, '--as-of', '2024-06-30', ...extra], { cwd: resolve(__dirname, '../..'), encoding: 'utf8' });

  it('refuses it without --allow-empty, saying why and what to add', () => {
    const run = cli();
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('Fejl: "kun-overskrifter.csv": Udtrækket har ingen sager (kun overskrifter eller tomme rækker). Det er sandsynligvis et afbrudt eller forkert udtræk. Skal det alligevel screenes, så angiv --allow-empty.\n');
  }, 60_000);

  it('screens it with --allow-empty: no results', () => {
    const run = cli('--allow-empty');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).results).toEqual([]);
  }, 60_000);
});

describe('the headless command and a file mixing UTF-8 and Windows-1252', () => {
  it('names the lines it read as Windows-1252 on stderr', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mixed-'));
    const file = join(dir, 'blandet.csv');
    const utf8 = (text: string) => Buffer.from(text, 'utf8');
    writeFileSync(file, Buffer.concat([utf8('Sagsnr;Enhed;Sagsbehandler\nS-1;Nord;Søren Ærø\n'), Buffer.from('S-2;Syd;Åse Øberg\n', 'latin1')]));
    const run = spawnSync('npx', ['tsx', 'scripts/screen.ts', file, '--as-of', '2024-06-30'], { cwd: resolve(__dirname, '../..'), encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('Bemærk: Linje 3 er ikke skrevet i UTF-8 som resten af filen og er læst som Windows-1252. Kontrollér navne med æ, ø og å på den linje.\n');
  }, 60_000);
});
