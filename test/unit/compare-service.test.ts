import Dexie from 'dexie';
import { beforeAll, describe, expect, it } from 'vitest';
import { compareRounds, compareScreenings } from '../../src/app/compare';
import { complianceOfRound } from '../../src/app/compliance';
import { loadDemo } from '../../src/app/demo';
import { loadDemoReviews } from '../../src/app/demo-reviews';
import { setUpRound } from '../../src/app/review';
import { listRounds } from '../../src/app/sampling';
import { runScreening } from '../../src/app/screening';
import { openWorkspaceDb, type WorkspaceDb } from '../../src/db/workspace-db';
import { DEMO_SEED } from '../../src/domain/demo/config';

let db: WorkspaceDb;
const stamp = { by: 'Test Fiktiv', at: '2027-01-04T08:00:00.000Z' };
beforeAll(async () => {
  for (const name of await Dexie.getDatabaseNames()) await Dexie.delete(name);
  db = await openWorkspaceDb('compare');
  await loadDemo(db, { preset: 'small', seed: DEMO_SEED, anchor: '2026-11-30', importId: 'I-1', importedAt: stamp.at, by: stamp.by });
  await loadDemoReviews(db, stamp, '2026-11-30');
}, 60_000);

describe('Sammenlign on a stored workspace', () => {
  it('compares two screenings with the counts each screening stored, per rule and per unit', async () => {
    const before = await runScreening(db, { id: 'S-1', asOf: '2025-06-30', createdAt: stamp.at, purpose: 'user', by: stamp.by });
    const after = await runScreening(db, { id: 'S-2', asOf: '2025-12-31', createdAt: stamp.at, purpose: 'user', by: stamp.by });
    const rows = compareScreenings(before, after);
    const counted = (summary: typeof before.record.summary, ruleId: string) => {
      const s = summary.find((x) => x.ruleId === ruleId)!;
      return { compliant: s.met + s.metWithException, counted: s.met + s.metWithException + s.breached };
    };
    expect(rows.map((r) => r.ruleId)).toEqual(after.record.summary.map((s) => s.ruleId));
    for (const row of rows) {
      if (!row.change.before || !row.change.after) continue;
      expect(row.change.before, row.ruleId).toMatchObject(counted(before.record.summary, row.ruleId));
      expect(row.change.after, row.ruleId).toMatchObject(counted(after.record.summary, row.ruleId));
      if (row.change.difference !== null) expect(row.change.difference).toBeCloseTo(row.change.after.rate! - row.change.before.rate!, 12);
      // Every unit's counts add up to the rule's.
      const units = row.units.filter((u) => u.change.after);
      expect(units.reduce((sum, u) => sum + u.change.after!.counted, 0), row.ruleId).toBe(row.change.after.counted);
    }
  }, 60_000);

  it('compares two rounds per question with their design estimates, and cannot compare a round with no answers', async () => {
    const rounds = await listRounds(db);
    const level2 = rounds.find((r) => r.round.level === 2)!;
    const level3 = rounds.find((r) => r.round.level === 3)!;
    const same = await compareRounds(db, level2.round.id, level2.round.id);
    const compliance = await complianceOfRound(db, level2);
    expect(same.rows.map((r) => r.questionId)).toEqual(compliance.overall.map((q) => q.questionId));
    expect(same.questions.map(([, text]) => text)).toEqual(compliance.overall.map((q) => q.text));
    for (const row of same.rows.filter((r) => r.change.before?.rate != null)) {
      expect(row.change.difference).toBe(0);
      expect(row.change.verdict).toBe('noClearChange');
      const q = compliance.overall.find((x) => x.questionId === row.questionId)!;
      expect(row.change.before).toEqual({ compliant: q.compliant, counted: q.n, rate: q.rate, ci: q.ci });
    }

    await setUpRound(db, level3.round.id, 'anbringelse', ['Leder Demo Fiktiv'], stamp);
    const empty = await compareRounds(db, level2.round.id, level3.round.id);
    expect(empty.after.name).toBe(level3.round.name);
    expect(empty.rows.length).toBe(same.rows.length);
    expect(new Set(empty.rows.map((r) => r.change.verdict))).toEqual(new Set(['notComparable']));
  }, 60_000);
});
