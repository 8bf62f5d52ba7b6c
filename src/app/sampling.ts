import { caseForRules } from '../db/case-codec';
import { eachStoredCase } from '../db/case-snapshot';
import type { RoundRecord, SampleRecord, SampleRecordCase, SampleSelection } from '../db/records';
import type { WorkspaceDb } from '../db/workspace-db';
import { ruleSetVersion } from '../domain/rules/settings';
import { designSize, realiseSample, withSize, type Design, type Draw, type SampleCase, type SampledCase } from '../domain/sampling/draw';
import { describeFilter, filterPopulation, frameCase, riskBand, type FrameCase, type Period, type Quarter, type RiskFacts } from '../domain/sampling/frame';
import { copenhagenPlans, drawPlans, planSeed } from '../domain/sampling/presets';
import { applyExclusions, populationKeyText, type SampleProtocol } from '../domain/sampling/protocol';
import type { IsoDate } from '../domain/types';
import { sha256Hex } from '../io/sha256';
import { loadScreening, screeningSettings } from './screening';

/**
 * Samples in the workspace: the frame they are drawn from, drawing and storing them with their
 * protocol, drawing again with the same seed, extending, and replacing cases out of scope.
 */

export interface SamplingFrame {
  cases: FrameCase[];
  /** The latest complete screening, where the risk bands come from; null before any. */
  riskScreening: { id: string; asOf: IsoDate } | null;
}

/** Every case of the workspace as the sampler sees it, with risk bands from the latest screening. */
export async function loadFrame(db: WorkspaceDb): Promise<SamplingFrame> {
  const latest = await db.screenings.orderBy('createdAt').reverse().filter((r) => r.complete !== false).first();
  const screening = latest && (await loadScreening(db, latest.id));
  const facts = new Map<string, RiskFacts>();
  if (screening) {
    const { results } = screening;
    for (let i = 0; i < results.length; i++) {
      const status = results.status(i);
      if (status !== 'breached' && status !== 'unknown') continue;
      const caseNumber = results.caseNumber(i);
      const f = facts.get(caseNumber) ?? { breached: false, unknown: false };
      f[status] = true;
      facts.set(caseNumber, f);
    }
  }
  const none: RiskFacts = { breached: false, unknown: false };
  const cases: FrameCase[] = [];
  await eachStoredCase(db, (page) => {
    for (const stored of page) {
      const bundle = caseForRules(stored);
      // Stored cases leave empty fields out (case-codec.ts); the frame has them all.
      const c = frameCase({ ...bundle, group: bundle.group ?? null, openedAt: bundle.openedAt ?? null, closedAt: bundle.closedAt ?? null },
        screening && riskBand(bundle, facts.get(bundle.caseNumber) ?? none, screening.record.asOf));
      cases.push(c);
    }
  });
  return { cases, riskScreening: screening ? { id: screening.record.id, asOf: screening.record.asOf } : null };
}

/** When each case was last taken into a round: the draw date of the samples created before `before`. */
function lastInRound(samples: readonly SampleRecord[], before: string): Map<string, IsoDate> {
  const last = new Map<string, IsoDate>();
  for (const s of samples) {
    if (s.createdAt >= before) continue;
    const day = s.createdAt.slice(0, 10);
    const out = new Set(s.outOfScope);
    for (const c of s.cases) if (!out.has(c.caseNumber) && (last.get(c.caseNumber) ?? '') < day) last.set(c.caseNumber, day);
  }
  return last;
}

export interface Population {
  cases: SampleCase[];
  exclusions: { reason: string; count: number }[];
  filter: string;
}

/**
 * The population a selection gives: a nested sample's is its parent's cases still in scope;
 * otherwise the frame filtered, less the exclusions. `before`: only rounds drawn before this
 * moment count as earlier reviews, so drawing a sample again does not exclude its own cases.
 */
export function populationOf(frame: SamplingFrame, selection: SampleSelection, samples: readonly SampleRecord[], before: string): Population {
  if (selection.parentSampleId) {
    const parent = samples.find((s) => s.id === selection.parentSampleId);
    if (!parent) throw new Error('Den stikprøve, der trækkes fra, findes ikke længere.');
    const out = new Set(parent.outOfScope);
    const risk = new Map(frame.cases.map((c) => [c.caseNumber, c.risk]));
    const cases = parent.cases.filter((c) => !out.has(c.caseNumber)).map((c) => ({ caseNumber: c.caseNumber, unit: c.unit, group: c.group, caseworker: c.caseworker, ...(risk.get(c.caseNumber) && { risk: risk.get(c.caseNumber) }) }));
    return { cases, exclusions: [], filter: `Sagerne i stikprøven «${parent.protocol.round}»` };
  }
  const { kept, exclusions } = applyExclusions(filterPopulation(frame.cases, selection.filter), {
    asOf: selection.asOf, excludeClosed: selection.excludeClosed,
    ...(selection.reviewedWithinMonths !== null && { reviewedWithinMonths: selection.reviewedWithinMonths, lastReviewed: lastInRound(samples, before) }),
  });
  return { cases: kept, exclusions, filter: describeFilter(selection.filter) };
}

/** The sample a request gives, before it is stored: what the Samples page shows while the user chooses. */
export function previewSample(frame: SamplingFrame, selection: SampleSelection, design: Design, seed: number, samples: readonly SampleRecord[], before: string, outOfScope: readonly string[] = []) {
  if (design.kind === 'risk' && !frame.riskScreening) throw new Error('Risikobåndene kommer fra den seneste screening. Kør en screening først.');
  const population = populationOf(frame, selection, samples, before);
  const { draw, cases } = realiseSample(population.cases, design, seed, outOfScope);
  return { population, draw, cases };
}

export interface DrawRequest {
  round: string;
  level: number | null;
  period: Period | null;
  design: Design;
  seed: number;
  selection: SampleSelection;
  drawnBy: string;
}

const APP_VERSION = typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : 'ukendt';
const sha256OfPopulation = (cases: readonly SampleCase[]) => sha256Hex(new TextEncoder().encode(populationKeyText(cases)));

function withFacts(cases: readonly SampledCase[], population: readonly SampleCase[]): SampleRecordCase[] {
  const facts = new Map(population.map((c) => [c.caseNumber, c]));
  return cases.map((c) => {
    const f = facts.get(c.caseNumber)!;
    return { ...c, unit: f.unit, group: f.group, caseworker: f.caseworker };
  });
}

async function makeSample(db: WorkspaceDb, frame: SamplingFrame, request: DrawRequest, samples: readonly SampleRecord[], at: string, series: string | null) {
  if (!request.drawnBy.trim()) throw new Error('Skriv, hvem der trækker stikprøven: navnet står i protokollen.');
  const { population, draw, cases } = previewSample(frame, request.selection, request.design, request.seed, samples, at);
  if (cases.length === 0) throw new Error(`Stikprøven «${request.round}» får ingen sager: ingen sager opfylder filteret. Ret filteret eller perioden.`);
  const parent = request.selection.parentSampleId ? samples.find((s) => s.id === request.selection.parentSampleId) : undefined;
  const round: RoundRecord = { id: crypto.randomUUID(), name: request.round, level: request.level, period: request.period, createdAt: at, sampleId: crypto.randomUUID(), series };
  const protocol: SampleProtocol = {
    drawnBy: request.drawnBy.trim(), drawnAt: at, round: request.round, design: request.design, seed: request.seed, filter: population.filter,
    population: population.cases.length, strata: draw.strata, exclusions: population.exclusions, populationSha256: await sha256OfPopulation(population.cases),
    appVersion: APP_VERSION, ruleSetVersion: ruleSetVersion(await screeningSettings(db)),
    riskScreening: request.design.kind === 'risk' ? frame.riskScreening : null, nestedIn: parent?.protocol.round ?? null,
  };
  const sample: SampleRecord = { id: round.sampleId, roundId: round.id, createdAt: at, protocol, selection: request.selection, cases: withFacts(cases, population.cases), outOfScope: [], history: [] };
  return { round, sample };
}

async function store(db: WorkspaceDb, made: { round: RoundRecord; sample: SampleRecord }[], action: string): Promise<void> {
  await db.transaction('rw', [db.rounds, db.samples, db.auditLog], async () => {
    for (const { round, sample } of made) {
      await db.rounds.add(round);
      await db.samples.add(sample);
      await db.auditLog.add({ at: sample.createdAt, action, round: round.name, cases: sample.cases.length, seed: sample.protocol.seed });
    }
  });
}

/** Draws one sample and stores it with its round and protocol. */
export async function drawRound(db: WorkspaceDb, frame: SamplingFrame, request: DrawRequest, at = new Date().toISOString()) {
  const made = await makeSample(db, frame, request, await db.samples.toArray(), at, null);
  await store(db, [made], 'sample.drawn');
  return made;
}

export interface CopenhagenOptions {
  quarter: Quarter;
  seed: number;
  excludeClosed: boolean;
  reviewedWithinMonths: number | null;
}

const copenhagenSelection = (options: CopenhagenOptions, parentSampleId: string | null): SampleSelection => ({
  filter: { period: { from: options.quarter.from, to: options.quarter.to } }, excludeClosed: options.excludeClosed,
  reviewedWithinMonths: options.reviewedWithinMonths, asOf: options.quarter.to, parentSampleId,
});

/** The four levels the preset would draw, for the page to show before anything is stored. */
export function previewCopenhagen(frame: SamplingFrame, options: CopenhagenOptions, samples: readonly SampleRecord[], now: string) {
  const population = populationOf(frame, copenhagenSelection(options, null), samples, now);
  const plans = copenhagenPlans(options.quarter.months.length);
  const draws = drawPlans(population.cases, plans, options.seed);
  return { population, levels: plans.map((plan) => ({ plan, draw: draws.get(plan.level)! })) };
}

/**
 * The Copenhagen preset: the quarter's four rounds in one transaction. Level 1 and 2 from the
 * cases active in the quarter; level 3 from level 2's sample, level 4 from level 3's.
 */
export async function drawCopenhagen(db: WorkspaceDb, frame: SamplingFrame, options: CopenhagenOptions & { drawnBy: string }, at = new Date().toISOString()) {
  const samples = await db.samples.toArray();
  const series = crypto.randomUUID();
  const made: { round: RoundRecord; sample: SampleRecord }[] = [];
  for (const plan of copenhagenPlans(options.quarter.months.length)) {
    const parent = plan.nestedIn === undefined ? null : made[plan.nestedIn - 1]!.sample.id;
    made.push(await makeSample(db, frame, {
      round: `${plan.name} – ${options.quarter.label}`, level: plan.level, period: { from: options.quarter.from, to: options.quarter.to },
      design: plan.design, seed: planSeed(options.seed, plan.level), selection: copenhagenSelection(options, parent), drawnBy: options.drawnBy,
    }, [...samples, ...made.map((m) => m.sample)], at, series));
  }
  await store(db, made, 'sample.drawn');
  return made;
}

export interface Redraw {
  /** The same cases, replacements included, in the same order. */
  sameCases: boolean;
  /** The population's SHA-256 is the protocol's. */
  samePopulation: boolean;
  population: number;
  cases: SampledCase[];
}

/** "Træk igen med samme frø": the sample drawn again from today's data, compared with the stored one. */
export async function redrawSample(db: WorkspaceDb, frame: SamplingFrame, sampleId: string): Promise<Redraw> {
  const sample = await db.samples.get(sampleId);
  if (!sample) throw new Error('Stikprøven findes ikke længere.');
  const { population, cases } = previewSample(frame, sample.selection, sample.protocol.design, sample.protocol.seed, await db.samples.toArray(), sample.createdAt, sample.outOfScope);
  const key = (list: readonly SampledCase[]) => JSON.stringify(list.map((c) => [c.caseNumber, c.stratum, c.replacement, c.replaces ?? null]));
  return {
    sameCases: key(cases) === key(sample.cases), samePopulation: (await sha256OfPopulation(population.cases)) === sample.protocol.populationSha256,
    population: population.cases.length, cases,
  };
}

async function redrawInto(db: WorkspaceDb, frame: SamplingFrame, sample: SampleRecord, design: Design, outOfScope: string[]): Promise<{ draw: Draw; cases: SampleRecordCase[] }> {
  const samples = await db.samples.toArray();
  const { population, draw, cases } = previewSample(frame, sample.selection, design, sample.protocol.seed, samples, sample.createdAt, outOfScope);
  const hash = await sha256OfPopulation(population.cases);
  if (hash !== sample.protocol.populationSha256) {
    throw new Error(`Populationen er ændret siden stikprøven blev trukket (${population.cases.length} sager nu, ${sample.protocol.population} dengang). Træk en ny stikprøve i stedet.`);
  }
  return { draw, cases: withFacts(cases, population.cases) };
}

/** Extends a sample to `size` (n, or n per stratum) with the same seed: every case drawn before stays. */
export async function extendSample(db: WorkspaceDb, frame: SamplingFrame, sampleId: string, size: number, at = new Date().toISOString()): Promise<SampleRecord> {
  const sample = await db.samples.get(sampleId);
  if (!sample) throw new Error('Stikprøven findes ikke længere.');
  const before = designSize(sample.protocol.design);
  if (before === null) throw new Error('Denne type stikprøve har ingen størrelse at udvide.');
  if (!(Number.isInteger(size) && size > before)) throw new Error(`Skriv et helt tal større end ${before}.`);
  const design = withSize(sample.protocol.design, size);
  const { draw, cases } = await redrawInto(db, frame, sample, design, sample.outOfScope);
  const now = new Set(cases.map((c) => c.caseNumber));
  if (!sample.cases.every((c) => now.has(c.caseNumber))) throw new Error('Med den størrelse ville fordelingen flytte sager mellem strata, så nogle allerede trukne sager faldt ud. Vælg en anden størrelse.');
  const extended: SampleRecord = {
    ...sample, cases, history: [...sample.history, { at, design: sample.protocol.design, cases: sample.cases.length }],
    protocol: { ...sample.protocol, design, strata: draw.strata },
  };
  await db.transaction('rw', [db.samples, db.auditLog], async () => {
    await db.samples.put(extended);
    await db.auditLog.add({ at, action: 'sample.extended', round: sample.protocol.round, from: sample.cases.length, to: cases.length });
  });
  return extended;
}

/** Marks a case out of scope and draws its replacement: the next case of its stratum in the same seeded order. */
export async function replaceOutOfScope(db: WorkspaceDb, frame: SamplingFrame, sampleId: string, caseNumber: string, at = new Date().toISOString()): Promise<{ sample: SampleRecord; replacement: SampleRecordCase | undefined }> {
  const sample = await db.samples.get(sampleId);
  if (!sample) throw new Error('Stikprøven findes ikke længere.');
  if (sample.outOfScope.includes(caseNumber)) throw new Error(`Sag ${caseNumber} er allerede markeret som uden for målgruppen.`);
  if (!sample.cases.some((c) => c.caseNumber === caseNumber)) throw new Error(`Sag ${caseNumber} er ikke i stikprøven.`);
  const outOfScope = [...sample.outOfScope, caseNumber];
  const { cases } = await redrawInto(db, frame, sample, sample.protocol.design, outOfScope);
  const replacement = cases.find((c) => c.replaces === caseNumber);
  const updated: SampleRecord = { ...sample, cases, outOfScope };
  await db.transaction('rw', [db.samples, db.auditLog], async () => {
    await db.samples.put(updated);
    await db.auditLog.add({ at, action: 'sample.outOfScope', round: sample.protocol.round, caseNumber, replacement: replacement?.caseNumber ?? null });
  });
  return { sample: updated, replacement };
}

/** Rounds with their samples, newest first. */
export async function listRounds(db: WorkspaceDb): Promise<{ round: RoundRecord; sample: SampleRecord }[]> {
  const [rounds, samples] = await Promise.all([db.rounds.toArray(), db.samples.toArray()]);
  const byId = new Map(samples.map((s) => [s.id, s]));
  return rounds
    .filter((r) => byId.has(r.sampleId))
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : (a.level ?? 0) - (b.level ?? 0)))
    .map((round) => ({ round, sample: byId.get(round.sampleId)! }));
}
