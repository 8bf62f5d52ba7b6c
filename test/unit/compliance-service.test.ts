import Dexie from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';
import { complianceOfScreening, complianceTrendOf } from '../../src/app/compliance';
import { loadDemo } from '../../src/app/demo';
import { runScreening, screeningContext } from '../../src/app/screening';
import { openWorkspaceDb } from '../../src/db/workspace-db';
import { DEMO_PRESETS, DEMO_REFERENCE_ANCHOR, DEMO_SEED } from '../../src/domain/demo/config';
import { generateDemo } from '../../src/domain/demo/generate';
import { rollUp } from '../../src/domain/report/compliance';
import { complianceTrend } from '../../src/domain/report/trend';
import { DEFAULT_SETTINGS } from '../../src/domain/rules/settings';
import { bundleCases, EVENT_TABLES } from '../../src/domain/types';

const cases = bundleCases(generateDemo({ ...DEMO_PRESETS.small, seed: DEMO_SEED }));

beforeEach(async () => {
  for (const name of await Dexie.getDatabaseNames()) await Dexie.delete(name);
});

describe('compliance of a stored workspace', () => {
  it('counts a screening per rule as its summary does, and splits it over the units of its cases', async () => {
    const db = await openWorkspaceDb('compliance');
    await loadDemo(db, { preset: 'small', seed: DEMO_SEED, anchor: DEMO_REFERENCE_ANCHOR, importId: 'I-1', importedAt: '2026-11-27T08:00:00.000Z', by: 'Test Fiktiv' });
    const run = await runScreening(db, { id: 'S-1', asOf: '2025-06-30', createdAt: '2026-11-27T09:00:00.000Z', purpose: 'user', by: 'Test Fiktiv' });
    const compliance = complianceOfScreening(run);
    const byRule = rollUp(compliance, ['rule']);
    expect(byRule.map((r) => [r.ruleId, r.compliant, r.nonCompliant, r.pending, r.unknown, r.notRelevant])).toEqual(
      run.record.summary.filter((s) => s.met + s.metWithException + s.breached + s.pending + s.unknown + s.notApplicable > 0)
        .map((s) => [s.ruleId, s.met + s.metWithException, s.breached, s.pending, s.unknown, s.notApplicable]),
    );
    expect(compliance.units).toEqual([...new Set(cases.map((c) => c.unit))].sort((a, b) => a.localeCompare(b, 'da')));
    const bfuPerUnit = rollUp(compliance, ['unit'], { ruleId: 'BFU_4M' });
    expect(bfuPerUnit.reduce((sum, r) => sum + r.nonCompliant, 0)).toBe(byRule.find((r) => r.ruleId === 'BFU_4M')!.nonCompliant);
    db.close();
  }, 60_000);

  it('screens the stored cases as of each quarter end as the domain does the same cases, with progress up to 1', async () => {
    const db = await openWorkspaceDb('trend');
    await loadDemo(db, { preset: 'small', seed: DEMO_SEED, anchor: DEMO_REFERENCE_ANCHOR, importId: 'I-1', importedAt: '2026-11-27T08:00:00.000Z', by: 'Test Fiktiv' });
    const steps: number[] = [];
    const trend = await complianceTrendOf(db, await screeningContext(db, '2025-08-15', false), 2, (share) => steps.push(share));
    const expected = complianceTrend(cases, ['2025-03-31', '2025-06-30'], (asOf) => ({ asOf, settings: DEFAULT_SETTINGS, importedTables: new Set(EVENT_TABLES) }));
    expect(trend).toEqual(expected);
    expect(trend.quarters.map((q) => q.quarter)).toEqual(['2025 K1', '2025 K2']);
    expect(trend.quarters[1]!.rules.some((t) => t.n > 0)).toBe(true);
    expect(steps.at(-1)).toBe(1);
    expect(steps).toEqual([...steps].sort((a, b) => a - b));
    db.close();
  }, 60_000);
});
