import type { WorkspaceDb } from '../db/workspace-db';
import type { Stamp } from '../domain/audit';
import { DEMO_SEED } from '../domain/demo/config';
import { recordAnswer, type ReviewAnswer } from '../domain/review/answers';
import { findingsOf } from '../domain/review/results';
import { activeQuestions, BUILT_IN_TEMPLATES, type Answer } from '../domain/review/templates';
import { createRandom } from '../domain/random';
import { addMonths } from '../domain/calendar';
import { defaultQuarter } from '../domain/sampling/frame';
import type { IsoDate } from '../domain/types';
import { addAction, focusAreaFromFindings, setActionStatus } from './improvement';
import { setUpRound } from './review';
import { drawCopenhagen, loadFrame } from './sampling';

/**
 * The demo kommune's review work, so a trainer finds every page full: the Copenhagen rounds for
 * the last whole quarter before its anchor, level 2 set up with three fictitious reviewers and two
 * thirds of its cases answered, and an improvement plan made from the findings, its deadlines
 * counted from the anchor. Seeded: the same every time for the same anchor.
 */

/** Reviewers whose names no demo caseworker has ("Demo" is in none of theirs). */
export const DEMO_REVIEWERS = ['Leder Demo Fiktiv', 'Jurist Demo Opdigtet', 'Områdechef Demo Påfund'];

/** The share answered Ja per question of the placement template, in its order; the rest Nej, a few not relevant. */
const YES_RATES = [0.8, 0.85, 0.75, 0.7, 0.6, 0.65, 0.9, 0.7, 0.8, 0.9, 0.75];
const REMARKS = ['Ikke dokumenteret i journalen.', 'Fremgår ikke af akterne.', 'Sket for sent; se notat.', 'Mangler begrundelse.'];

/** `stamp` is who loads the demo and when the work is recorded; `anchor` the day the demo was made for (`DemoRequest.anchor`), by default the day of the stamp. */
export async function loadDemoReviews(db: WorkspaceDb, stamp: Required<Stamp>, anchor: IsoDate = stamp.at.slice(0, 10)): Promise<void> {
  const { at } = stamp;
  const frame = await loadFrame(db);
  const quarter = defaultQuarter(frame.cases, anchor);
  const made = await drawCopenhagen(db, frame, { quarter, seed: DEMO_SEED, drawnBy: 'Områdechef Demo Påfund', excludeClosed: false, reviewedWithinMonths: null }, stamp);
  const level2 = made.find((m) => m.round.level === 2)!;
  const round = await setUpRound(db, level2.round.id, 'anbringelse', DEMO_REVIEWERS, stamp);
  const assigned = new Map(round.review!.assignments);
  const template = BUILT_IN_TEMPLATES.find((t) => t.id === 'anbringelse')!;
  const questions = activeQuestions(template);
  const random = createRandom(DEMO_SEED);
  const cases = [...level2.sample.cases].sort((a, b) => (a.caseNumber < b.caseNumber ? -1 : 1)).filter((_, i) => i % 3 !== 2);
  const answers: ReviewAnswer[] = [];
  for (const c of cases) {
    questions.forEach((q, i) => {
      const draw = random.float();
      const answer: Answer = draw < 0.05 ? 'notRelevant' : draw < 0.05 + (1 - 0.05) * YES_RATES[i]! ? (q.id === 'boernesamtale' && random.chance(0.15) ? 'exception' : 'yes') : 'no';
      const comment = answer === 'no' ? random.pick(REMARKS) : answer === 'exception' ? 'Barnet ønskede ikke samtale; begrundet i journalen.' : '';
      answers.push(recordAnswer(undefined, { roundId: round.id, caseNumber: c.caseNumber, questionId: q.id, answer, comment }, assigned.get(c.caseNumber) ?? DEMO_REVIEWERS[0]!, at, 'app')!);
    });
  }
  await db.reviews.bulkPut(answers);
  // The question with the most findings becomes a focus area with two actions.
  const findings = findingsOf(answers, questions, new Map(level2.sample.cases.map((c) => [c.caseNumber, c.unit])));
  const worst = questions.map((q) => ({ q, n: findings.filter((f) => f.questionId === q.id) })).sort((a, b) => b.n.length - a.n.length)[0]!;
  const area = await focusAreaFromFindings(db, worst.q.text, template.id, worst.q.id, worst.n, { id: round.id, name: round.name }, stamp);
  const first = await addAction(db, { focusArea: area.id, text: 'Tjekliste gennemgås på teammøde', owner: 'Afdelingsleder Demo Fiktiv', deadline: addMonths(anchor, 1) }, stamp);
  await addAction(db, { focusArea: area.id, text: 'Stikprøve af 10 nye sager efter tre måneder', owner: 'Områdechef Demo Påfund', deadline: addMonths(anchor, 4) }, stamp);
  await setActionStatus(db, first.id, 'inProgress', stamp);
}
