import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { WorkspaceService } from '../../src/app/workspaces';
import { CatalogDb } from '../../src/db/catalog';
import { DEFAULT_IMPORT_LIMITS, LIMIT_FIELDS, limitShown, limitsOf, parseLimits, type ImportLimits } from '../../src/domain/import-limits';

const typedOf = (limits: ImportLimits) => Object.fromEntries(LIMIT_FIELDS.map((f) => [f.key, limitShown(f, limits)])) as Record<keyof ImportLimits, string>;

describe('import limits as typed on Indstillinger', () => {
  it('shows the defaults in MB, counts and per cent', () => {
    expect(typedOf(DEFAULT_IMPORT_LIMITS)).toEqual({
      maxFileBytes: '200', maxUnpackedBytes: '1.000', maxPackRatio: '200', maxColumns: '1.000', maxLineBytes: '1', maxCellChars: '32.767', shrinkShare: '10',
    });
  });

  it('reads what it shows back to the same limits, and a changed one in its unit', () => {
    expect(parseLimits(typedOf(DEFAULT_IMPORT_LIMITS))).toEqual({ ok: true, value: DEFAULT_IMPORT_LIMITS });
    const typed = { ...typedOf(DEFAULT_IMPORT_LIMITS), maxLineBytes: '2,5', maxColumns: '2.000', shrinkShare: '25' };
    expect(parseLimits(typed)).toEqual({ ok: true, value: { ...DEFAULT_IMPORT_LIMITS, maxLineBytes: 2_500_000, maxColumns: 2_000, shrinkShare: 0.25 } });
  });

  it('refuses a value outside its bounds, naming the field', () => {
    expect(parseLimits({ ...typedOf(DEFAULT_IMPORT_LIMITS), maxCellChars: '40.000' })).toEqual({ ok: false, message: 'Flest tegn i en celle: skriv et tal fra 100 til 32.767.' });
    expect(parseLimits({ ...typedOf(DEFAULT_IMPORT_LIMITS), maxFileBytes: 'mange' })).toEqual({ ok: false, message: 'Største fil: skriv et tal fra 1 til 2.000 MB.' });
  });

  it('falls back to the default for a missing or odd stored value', () => {
    expect(limitsOf({ maxColumns: 50, maxLineBytes: 'x' })).toEqual({ ...DEFAULT_IMPORT_LIMITS, maxColumns: 50 });
    expect(limitsOf(undefined)).toEqual(DEFAULT_IMPORT_LIMITS);
  });
});

describe('import limits in the catalogue', () => {
  let catalog: CatalogDb | undefined;
  afterEach(() => catalog?.close());

  it('are the defaults until saved, then what was saved', async () => {
    for (const name of await Dexie.getDatabaseNames()) await Dexie.delete(name);
    catalog = new CatalogDb();
    const service = new WorkspaceService(catalog, () => 'Test Fiktiv');
    expect(await service.importLimits()).toEqual(DEFAULT_IMPORT_LIMITS);
    await service.setImportLimits({ ...DEFAULT_IMPORT_LIMITS, maxColumns: 300 });
    expect((await service.importLimits()).maxColumns).toBe(300);
  });
});
