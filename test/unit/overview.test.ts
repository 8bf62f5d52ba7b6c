import Dexie from 'dexie';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../src/app/demo';
import { loadDemoReviews } from '../../src/app/demo-reviews';
import { heatMapThresholds, latestRoundCompliance, overviewFigures, setHeatMapThresholds, trendOfScreening } from '../../src/app/overview';
import { templateOf } from '../../src/app/review';
import { listRounds } from '../../src/app/sampling';
import { runScreening, storeScreening } from '../../src/app/screening';
import { openWorkspaceDb, type WorkspaceDb } from '../../src/db/workspace-db';
import { DEMO_SEED } from '../../src/domain/demo/config';
import { bandOf, bandsText, DEFAULT_THRESHOLDS, readThresholds, thresholdProblem } from '../../src/domain/report/thresholds';
import { roundResults } from '../../src/domain/review/results';
import { outOfScopeOf } from '../../src/domain/sampling/draw';

describe('heat-map thresholds', () => {
  it.each([
    [0.9, 'green'], [0.8999, 'yellow'], [0.75, 'yellow'], [0.7499, 'red'], [0, 'red'], [1, 'green'], [null, 'none'],
  ] as const)('puts %s in %s with the defaults (≥ 90 % green, 75–89 % yellow, < 75 % red)', (rate, band) => {
    expect(bandOf(rate, DEFAULT_THRESHOLDS)).toBe(band);
  });

  it('follows other thresholds', () => {
    expect(bandOf(0.8, { green: 80, yellow: 60 })).toBe('green');
    expect(bandOf(0.6, { green: 80, yellow: 60 })).toBe('yellow');
    expect(bandsText({ green: 80, yellow: 60 })).toBe('grøn ≥ 80 %, gul 60–79 %, rød < 60 %');
  });

  it('refuses yellow at or above green, and anything but whole percents from 0 to 100', () => {
    expect(thresholdProblem({ green: 80, yellow: 80 })).toBe('Grænsen for gul skal være lavere end grænsen for grøn.');
    expect(thresholdProblem({ green: 101, yellow: 50 })).toBe('Grænserne skal være hele procenter mellem 0 og 100.');
    expect(thresholdProblem({ green: 90.5, yellow: 50 })).toBe('Grænserne skal være hele procenter mellem 0 og 100.');
    expect(thresholdProblem({ green: 90, yellow: 75 })).toBeNull();
    expect(readThresholds({ green: 70, yellow: 90 })).toEqual(DEFAULT_THRESHOLDS);
    expect(readThresholds(undefined)).toEqual(DEFAULT_THRESHOLDS);
  });
});

let db: WorkspaceDb;
beforeAll(async () => {
  for (const name of await Dexie.getDatabaseNames()) await Dexie.delete(name);
  db = await openWorkspaceDb('overview');
  await loadDemo(db, { preset: 'small', seed: DEMO_SEED, anchor: '2026-11-30', importId: 'I-1', importedAt: '2027-01-04T08:00:00.000Z', by: 'Test Fiktiv' });
  await loadDemoReviews(db, { by: 'Test Fiktiv', at: '2027-01-04T08:00:00.000Z' }, '2026-11-30');
}, 60_000);

describe('Overblik of a workspace', () => {
  it('keeps the thresholds per workspace and logs a change, old → new, but not a save of the same values', async () => {
    expect(await heatMapThresholds(db)).toEqual({ green: 90, yellow: 75 });
    const before = await db.auditLog.count();
    await setHeatMapThresholds(db, { green: 90, yellow: 75 }, { by: 'Test Fiktiv' });
    expect(await db.auditLog.count()).toBe(before);
    await setHeatMapThresholds(db, { green: 85, yellow: 70 }, { by: 'Test Fiktiv' });
    expect(await heatMapThresholds(db)).toEqual({ green: 85, yellow: 70 });
    expect(await db.auditLog.orderBy('seq').last()).toMatchObject({
      by: 'Test Fiktiv', action: 'settings.heatMapThresholds',
      details: { changes: [{ field: 'green', from: 90, to: 85 }, { field: 'yellow', from: 75, to: 70 }] },
    });
  });

  it('rates the newest answered round per question as the round page does, labelled a sample', async () => {
    const latest = (await latestRoundCompliance(db))!;
    const entry = (await listRounds(db)).find((r) => r.round.id === latest.roundId)!;
    expect(entry.round.level).toBe(2);
    const template = await templateOf(db, entry.round);
    const answers = new Map((await db.reviews.where('roundId').equals(entry.round.id).toArray()).map((a) => [`${a.caseNumber}|${a.questionId}`, a.answer]));
    const out = new Set(outOfScopeOf(entry.sample));
    const expected = roundResults(template.questions.filter((q) => !q.retired), entry.sample.cases.filter((c) => !out.has(c.caseNumber)), (c, q) => answers.get(`${c}|${q}`),
      entry.sample.protocol.design, entry.sample.protocol.strata, entry.sample.parentProbabilities !== null);
    expect(latest.compliance.overall.map((r) => [r.questionId, r.rate, r.ci, r.basis])).toEqual(expected.compliance.map((c) => [c.question.id, c.result.rate, c.result.ci, 'sample']));
  });

  it('gives the figures of a screening, and keeps the trend with it', async () => {
    const run = await runScreening(db, { id: 'S-1', asOf: '2026-11-30', createdAt: '2027-01-04T09:00:00.000Z', purpose: 'user', by: 'Test Fiktiv' });
    await storeScreening(db, run, 'Test Fiktiv');
    const figures = overviewFigures(run);
    // Kept with the record as it is stored: Overblik reads them without the results.
    expect((await db.screenings.get('S-1'))!.figures).toEqual(figures);
    expect(figures).toMatchObject({ screeningId: 'S-1', asOf: '2026-11-30', caseCount: 1_000 });
    const unknownCases = new Set(run.results.where((i) => run.results.status(i) === 'unknown' && run.results.missing(i) !== undefined).map((i) => run.results.caseNumber(i)));
    expect(figures.dataQuality).toEqual({ cases: unknownCases.size, of: 1_000 });
    expect(figures.deadlines.overdue + figures.deadlines.thisWeek + figures.deadlines.next14Days).toBeGreaterThan(0);
    expect(figures.byRuleUnit.filter((r) => r.ruleId === 'BFU_4M').reduce((n, r) => n + r.n, 0)).toBe(figures.byRule.find((r) => r.ruleId === 'BFU_4M')!.n);

    const trend = await trendOfScreening(db, run.record);
    expect(trend.quarters.map((q) => q.asOf)).toEqual(['2025-06-30', '2025-09-30', '2025-12-31', '2026-03-31', '2026-06-30', '2026-09-30']);
    expect((await db.screenings.get('S-1'))!.trend).toEqual(trend);
  }, 60_000);
});
