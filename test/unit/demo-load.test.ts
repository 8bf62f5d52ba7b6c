import Dexie from 'dexie';
import * as XLSX from 'xlsx';
import { beforeEach, describe, expect, it } from 'vitest';
import { loadDemo } from '../../src/app/demo';
import { openWorkspaceDb } from '../../src/db/workspace-db';
import { DEMO_PRESETS, DEMO_SEED } from '../../src/domain/demo/config';
import { generateDemo } from '../../src/domain/demo/generate';
import { bundleCases } from '../../src/domain/types';
import { DEMO_MARK, writeWorkbook } from '../../src/io/xlsx-write';
import { allCases } from '../../src/db/case-store';

beforeEach(async () => {
  for (const name of await Dexie.getDatabaseNames()) await Dexie.delete(name);
});

describe('loading the demo kommune into a workspace', () => {
  it('stores exactly the generated kommune, through the importer, with no issues', async () => {
    const db = await openWorkspaceDb('demo');
    const record = await loadDemo(db, { preset: 'small', seed: DEMO_SEED, anchor: '2026-11-30', importId: 'I-1', importedAt: '2026-11-30T08:00:00.000Z', by: 'Test Fiktiv' });
    // The name says the extract's date: three days before the anchor.
    expect(record.fileName).toBe(`Demodata (small, frø ${DEMO_SEED}, udtræk 27-11-2026)`);
    expect(record.issues).toEqual([]);
    const stored = (await allCases(db)).map(({ revision: _r, missingSince: _m, ...c }) => c);
    const expected = bundleCases(generateDemo({ ...DEMO_PRESETS.small, seed: DEMO_SEED, anchor: '2026-11-30' }));
    expect(stored).toHaveLength(1_000);
    expect(stored).toEqual(expect.arrayContaining(expected));
    db.close();
  }, 30_000);
});

describe('exports from a demo workspace', () => {
  it('start every sheet with the DEMO line and say DEMO in the title', () => {
    const bytes = writeWorkbook([{ name: 'Fejl og advarsler', rows: [['Ark', 'Række'], ['Sager', 2]] }], 'Valideringsrapport', { demo: true });
    const workbook = XLSX.read(bytes, { type: 'array' });
    expect(XLSX.utils.sheet_to_json(workbook.Sheets['Fejl og advarsler']!, { header: 1 })).toEqual([[DEMO_MARK], ['Ark', 'Række'], ['Sager', 2]]);
    expect(workbook.Props?.Title).toBe('DEMO – Valideringsrapport');
  });

  it('carry no DEMO line from a real workspace', () => {
    const workbook = XLSX.read(writeWorkbook([{ name: 'Ark', rows: [['Sagsnr']] }], 'Rapport'), { type: 'array' });
    expect(XLSX.utils.sheet_to_json(workbook.Sheets.Ark!, { header: 1 })).toEqual([['Sagsnr']]);
  });
});
