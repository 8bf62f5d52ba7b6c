import Dexie from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';
import { loadDemo } from '../../src/app/demo';
import { loadScreening, runScreening, storeScreening, subjectsOf } from '../../src/app/screening';
import { caseForRules, encodeCase } from '../../src/db/case-codec';
import { openWorkspaceDb } from '../../src/db/workspace-db';
import { DEMO_PRESETS, DEMO_REFERENCE_ANCHOR, DEMO_SEED } from '../../src/domain/demo/config';
import { generateDemo } from '../../src/domain/demo/generate';
import { screenCases, screenTable } from '../../src/domain/rules/evaluate';
import { DEFAULT_SETTINGS } from '../../src/domain/rules/settings';
import { summariseByRule } from '../../src/domain/rules/summary';
import { bundleCases, EVENT_TABLES } from '../../src/domain/types';

const cases = bundleCases(generateDemo({ ...DEMO_PRESETS.small, seed: DEMO_SEED }));
const ctx = { asOf: '2025-06-30', settings: DEFAULT_SETTINGS, importedTables: new Set(EVENT_TABLES), explain: true };

beforeEach(async () => {
  for (const name of await Dexie.getDatabaseNames()) await Dexie.delete(name);
});

describe('screening stored cases', () => {
  it('gives the same results for a case as stored (empty fields left out) as for the full case', () => {
    const stored = cases.map((c) => caseForRules(encodeCase(c)));
    expect(screenCases(stored, ctx)).toEqual(screenCases(cases, ctx));
  });

  it('screens a workspace, stores every result in chunks, and reads the same screening back', async () => {
    const db = await openWorkspaceDb('screen');
    await loadDemo(db, { preset: 'small', seed: DEMO_SEED, anchor: DEMO_REFERENCE_ANCHOR, importId: 'I-1', importedAt: '2026-11-27T08:00:00.000Z', by: 'Test Fiktiv' });
    const run = await runScreening(db, { id: 'S-1', asOf: '2025-06-30', createdAt: '2026-11-27T09:00:00.000Z', purpose: 'user', by: 'Test Fiktiv' });
    expect(await db.screenings.count()).toBe(0);
    await storeScreening(db, run, 'Test Fiktiv');
    const expected = screenCases(cases, { ...ctx, explain: false });
    expect(run.record.caseCount).toBe(1_000);
    expect(run.record.summary).toEqual(summariseByRule(screenTable(cases, { ...ctx, explain: false })));
    // Read from the stored columns, result for result what the rules give on the generated cases.
    const order = (r: { caseNumber: string; ruleId: string; subject: string }[]) => [...r].sort((a, b) => a.caseNumber.localeCompare(b.caseNumber) || a.ruleId.localeCompare(b.ruleId) || a.subject.localeCompare(b.subject));
    expect(order(run.results.all())).toEqual(order(expected));
    expect(await db.screenings.get('S-1')).toMatchObject({ asOf: '2025-06-30', complete: true, purpose: 'user', dataRevision: 1, importedTables: expect.arrayContaining(['measures', 'followUps']), ruleSetVersion: expect.stringMatching(/^\d{4}\.\d+\+[0-9a-f]{8}$/) });

    const loaded = (await loadScreening(db, 'S-1'))!;
    expect(loaded.results.all()).toEqual(run.results.all());
    const breached = subjectsOf(loaded, { ruleId: 'BFU_4M', status: 'breached', limit: 5 });
    expect(breached.total).toBe(expected.filter((r) => r.ruleId === 'BFU_4M' && r.status === 'breached').length);
    expect(breached.results.map((r) => r.daysLate)).toEqual([...breached.results.map((r) => r.daysLate)].sort((a, b) => (b ?? 0) - (a ?? 0)));
    db.close();
  }, 60_000);

  it('with a helper screening the second half through a port, gives the same screening as alone, under the rules the screening read', async () => {
    const { runScreeningPart } = await import('../../src/app/screening');
    const db = await openWorkspaceDb('screen');
    // 4,000 cases are two chunks: one for each worker.
    await loadDemo(db, { preset: 'default', seed: DEMO_SEED, anchor: DEMO_REFERENCE_ANCHOR, importId: 'I-1', importedAt: '2026-11-27T08:00:00.000Z', by: 'Test Fiktiv' });
    expect(await db.caseChunks.count()).toBe(2);
    const request = { id: 'S-3', asOf: '2025-06-30', createdAt: '2026-11-27T09:00:00.000Z', purpose: 'user' as const, by: 'Test Fiktiv' };
    const alone = await runScreening(db, request);
    const channel = new MessageChannel();
    const steps: number[] = [];
    const [shared] = await Promise.all([runScreening(db, request, (_stage, done, total) => steps.push(done / total), channel.port1), runScreeningPart(db, channel.port2)]);
    const sorted = (r: typeof alone) => r.results.all().sort((a, b) => a.caseNumber.localeCompare(b.caseNumber) || a.ruleId.localeCompare(b.ruleId) || a.subject.localeCompare(b.subject));
    expect(sorted(shared)).toEqual(sorted(alone));
    expect(shared.record.summary).toEqual(alone.record.summary);
    expect(shared.cases).toEqual(alone.cases);
    expect(steps.at(-1)).toBe(1);
    expect(steps.some((step) => step > 0 && step < 1)).toBe(true);

    // Settings changed after the screening began: the helper screens with the rules the screening read, not the new ones.
    const { saveScreeningSettings } = await import('../../src/app/screening');
    const late = new MessageChannel();
    const running = runScreening(db, request, undefined, late.port1);
    await saveScreeningSettings(db, { ...DEFAULT_SETTINGS, enabled: { ...DEFAULT_SETTINGS.enabled, UND_24T: false } }, { by: 'Test Fiktiv' });
    const [consistent] = await Promise.all([running, runScreeningPart(db, late.port2)]);
    expect(sorted(consistent)).toEqual(sorted(alone));
    db.close();
  }, 60_000);

  it('refuses to read back a screening whose results were never stored whole', async () => {
    const db = await openWorkspaceDb('screen');
    await db.screenings.add({ id: 'S-2', asOf: '2025-06-30', createdAt: '2026-11-27T09:00:00.000Z', ruleSetVersion: 'x', settings: DEFAULT_SETTINGS, caseCount: 0, summary: [], timings: { screenMs: 0, storeMs: 0 }, complete: false });
    await expect(loadScreening(db, 'S-2')).rejects.toThrow('Screeningen blev ikke gemt færdig');
    db.close();
  });
});
