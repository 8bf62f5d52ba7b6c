import Dexie from 'dexie';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../src/app/demo';
import { DEMO_REVIEWERS, loadDemoReviews } from '../../src/app/demo-reviews';
import { loadPlan } from '../../src/app/improvement';
import { listRounds } from '../../src/app/sampling';
import { openWorkspaceDb, type WorkspaceDb } from '../../src/db/workspace-db';
import { DEMO_SEED } from '../../src/domain/demo/config';

let db: WorkspaceDb;
beforeAll(async () => {
  for (const name of await Dexie.getDatabaseNames()) await Dexie.delete(name);
  db = await openWorkspaceDb('demo-reviews');
  // Recorded on 04-01-2027 for a demo made for Monday 30-11-2026: the work follows the anchor, not the clock.
  await loadDemo(db, { preset: 'small', seed: DEMO_SEED, anchor: '2026-11-30', importId: 'I-1', importedAt: '2027-01-04T08:00:00.000Z', by: 'Test Fiktiv' });
  await loadDemoReviews(db, { by: 'Test Fiktiv', at: '2027-01-04T08:00:00.000Z' }, '2026-11-30');
}, 60_000);

describe('the demo kommune\u2019s review work', () => {
  it('has the Copenhagen rounds of the last whole quarter before its anchor, level 2 set up and two thirds of it answered by three fictitious reviewers, never a case of their own', async () => {
    const rounds = await listRounds(db);
    expect(rounds.map((r) => r.round.name).sort()).toEqual([
      'Niveau 1: 1 sag pr. sagsbehandler pr. måned – 3. kvartal 2026', 'Niveau 2: 20 sager pr. enhed og 5 fra Døgnvagten – 3. kvartal 2026',
      'Niveau 3: 60 sager fra niveau 2 – 3. kvartal 2026', 'Niveau 4: 30 sager fra niveau 3 – 3. kvartal 2026',
    ]);
    const level2 = rounds.find((r) => r.round.level === 2)!;
    expect(level2.round.review).toMatchObject({ templateId: 'anbringelse', reviewers: DEMO_REVIEWERS });
    const answers = await db.reviews.toArray();
    const answered = new Set(answers.map((a) => a.caseNumber));
    // 45 cases in the small kommune's level 2; every third left for the trainee: 30 answered, 11 questions each.
    expect(answered.size).toBe(30);
    expect(answers).toHaveLength(30 * 11);
    const caseworker = new Map(level2.sample.cases.map((c) => [c.caseNumber, c.caseworker]));
    for (const a of answers) expect(a.reviewer).not.toBe(caseworker.get(a.caseNumber));
    expect(new Set(answers.map((a) => a.answer))).toEqual(new Set(['yes', 'no', 'notRelevant', 'exception']));
  });

  it('has an improvement plan from the question with the most findings, with two actions counted from the anchor, one in progress', async () => {
    const { areas, actions } = await loadPlan(db);
    expect(areas).toHaveLength(1);
    expect(areas[0]!.from).toMatchObject({ roundName: 'Niveau 2: 20 sager pr. enhed og 5 fra Døgnvagten – 3. kvartal 2026' });
    expect(areas[0]!.from!.findings).toBeGreaterThan(0);
    // One and four months after the anchor.
    expect(actions.map((a) => [a.deadline, a.status])).toEqual([['2026-12-30', 'inProgress'], ['2027-03-30', 'notStarted']]);
  });
});
