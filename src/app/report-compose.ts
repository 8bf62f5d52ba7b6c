import type { WorkspaceDb } from '../db/workspace-db';
import { rollUp, tally, emptyCounts, addCounts, type ScreeningCompliance } from '../domain/report/compliance';
import { composeReport, type ComposeRequest, type RoundPart, type ScreeningPart } from '../domain/report/compose';
import type { Report } from '../domain/report/snapshot';
import { findingsOf } from '../domain/review/results';
import { quarterOf } from '../domain/rules/summary';
import { ruleName } from '../domain/rules/labels';
import { protocolLines } from '../domain/sampling/describe';
import { extensionsOf, outOfScopeOf } from '../domain/sampling/draw';
import { compareDanish } from '../domain/format';
import { complianceOfRound, complianceOfScreening } from './compliance';
import { loadPlan } from './improvement';
import { heatMapThresholds } from './overview';
import { answersOf, templateOf } from './review';
import { listRounds } from './sampling';
import type { LoadedScreening } from './screening';

/**
 * Makes a report's snapshot from the workspace as it is now: the chosen screening's compliance
 * per rule × unit × quarter, each chosen round's per question and unit, its protocol and
 * findings, and the improvement plan. The snapshot is then stored and never made again.
 */

export interface ReportRequest extends Omit<ComposeRequest, 'appVersion' | 'thresholds'> {
  screeningId: string | null;
  roundIds: string[];
}

/** What can go into a report: the screening's units and quarters, and the rounds set up for review. */
export interface ReportChoices {
  units: string[];
  quarters: string[];
  rounds: { id: string; name: string; level: number | null; quarter: string | null; answers: number }[];
}

const roundQuarter = (round: { period: { from: string } | null; createdAt: string }) => quarterOf(round.period?.from ?? round.createdAt.slice(0, 10));

export async function reportChoices(db: WorkspaceDb, screening: LoadedScreening | null): Promise<ReportChoices> {
  const compliance = screening ? complianceOfScreening(screening) : null;
  const entries = (await listRounds(db)).filter((e) => e.round.review);
  const rounds = await Promise.all(entries.map(async (e) => ({
    id: e.round.id, name: e.round.name, level: e.round.level, quarter: e.round.period || e.round.createdAt ? roundQuarter(e.round) : null,
    answers: (await answersOf(db, e.round.id)).filter((a) => a.answer !== null).length,
  })));
  const units = new Set(compliance?.units ?? []);
  for (const e of entries) for (const c of e.sample.cases) units.add(c.unit);
  const quarters = new Set([...(compliance?.quarters ?? []), ...rounds.flatMap((r) => (r.quarter ? [r.quarter] : []))]);
  return { units: [...units].sort(compareDanish), quarters: [...quarters].filter((q) => /^\d{4} K\d$/.test(q)).sort(), rounds };
}

function screeningPart(screening: LoadedScreening, compliance: ScreeningCompliance, quarters: readonly string[], units: readonly string[]): ScreeningPart {
  const wanted = (unit: string | null) => units.length === 0 || (unit !== null && units.includes(unit));
  const cells = rollUp(compliance, ['rule', 'unit', 'quarter'])
    .filter((c) => c.quarter !== null && quarters.includes(c.quarter) && wanted(c.unit))
    .map((c) => ({ ...c, ruleId: c.ruleId!, unit: c.unit!, quarter: c.quarter!, n: c.n }));
  // The chosen units and quarters together (and per unit): their counts summed, then rated as the aggregation rates them.
  const summed = (ruleId: string, unit?: string) => {
    const counts = emptyCounts();
    for (const c of cells) if (c.ruleId === ruleId && (unit === undefined || c.unit === unit)) addCounts(counts, c);
    return tally(counts, 'census');
  };
  const totals = compliance.rules.map((ruleId) => ({ ruleId, ...summed(ruleId) }));
  const unitNames = [...new Set(cells.map((c) => c.unit))];
  const unitTotals = compliance.rules.flatMap((ruleId) => unitNames.map((unit) => ({ ruleId, unit, ...summed(ruleId, unit) })));
  const { record } = screening;
  return {
    record: { id: record.id, asOf: record.asOf, ruleSetVersion: record.ruleSetVersion, caseCount: record.caseCount },
    cells, totals, unitTotals,
    ruleNames: new Map(compliance.rules.map((id) => [id, ruleName(id, record.settings)])),
  };
}

async function roundPart(db: WorkspaceDb, entry: Awaited<ReturnType<typeof listRounds>>[number]): Promise<RoundPart> {
  const { round, sample } = entry;
  const [compliance, template, answers] = await Promise.all([complianceOfRound(db, entry), templateOf(db, round), answersOf(db, round.id)]);
  const out = outOfScopeOf(sample);
  const units = new Map(sample.cases.map((c) => [c.caseNumber, c.unit]));
  const text = new Map(template.questions.map((q) => [q.id, q.text]));
  return {
    round: { id: round.id, name: round.name, level: round.level, quarter: roundQuarter(round) },
    method: compliance.overall[0]?.method ?? 'wilson',
    protocol: protocolLines(sample.protocol, extensionsOf(sample), out.length),
    strata: sample.protocol.strata.map((s) => ({ key: s.key, population: s.population, drawn: s.drawn, takenWhole: s.takenWhole })),
    questions: compliance.overall.map((q) => ({
      id: q.questionId, text: q.text, ruleId: q.ruleId, overall: q,
      byUnit: compliance.byUnit.filter((u) => u.questionId === q.questionId && u.unit !== null).map((u) => ({ ...u, unit: u.unit! })),
    })),
    findings: findingsOf(answers, template.questions, units).map((f) => ({
      caseNumber: f.caseNumber, question: text.get(f.questionId) ?? f.questionId, unit: f.unit, comment: f.comment, reviewer: f.reviewer,
    })),
  };
}

export async function composeStoredReport(db: WorkspaceDb, screening: LoadedScreening | null, request: ReportRequest, appVersion: string): Promise<Report> {
  const screeningData = screening ? screeningPart(screening, complianceOfScreening(screening), request.quarters, request.units) : null;
  const entries = (await listRounds(db)).filter((e) => request.roundIds.includes(e.round.id));
  if (entries.length !== request.roundIds.length) throw new Error('En af de valgte runder findes ikke længere.');
  const rounds = await Promise.all(entries.map((e) => roundPart(db, e)));
  const [plan, thresholds] = await Promise.all([loadPlan(db), heatMapThresholds(db)]);
  const { screeningId: _s, roundIds: _r, ...compose } = request;
  return composeReport({ ...compose, appVersion, thresholds }, screeningData, rounds, plan);
}
