import { caseForRules } from '../db/case-codec';
import { eachStoredCase } from '../db/case-store';
import type { RoundRecord, SampleRecord, SampleRecordCase, SampleSelection } from '../domain/records';
import type { WorkspaceDb } from '../db/workspace-db';
import { ruleSetVersion } from '../domain/rules/settings';
import { designSize, drawStrata, stratify, withSize, type Design, type Draw, type SampleCase, type SampledCase, type SampleEvent, type Strata, outOfScopeOf } from '../domain/sampling/draw';
import { describeFilter, filterPopulation, frameCase, riskBand, type FrameCase, type Period, type Quarter, type RiskFacts } from '../domain/sampling/frame';
import { copenhagenPlans, drawPlans, OUT_OF_HOURS, planSeed } from '../domain/sampling/presets';
import { applyExclusions, populationKeyText, type SampleProtocol } from '../domain/sampling/protocol';
import type { IsoDate } from '../domain/types';
import { sha256Hex } from '../io/sha256';
import { appendAudit } from '../db/audit-log';
import type { AuditDetails, Stamp } from '../domain/audit';
import { stampAt } from './audit';
import { chosenScreening, loadScreening, screeningSettings } from './screening';

/**
 * Samples in the workspace: the frame they are drawn from, drawing and storing them with their
 * protocol, drawing again with the same seed, extending, and replacing cases out of scope.
 */

export interface SamplingFrame {
  cases: FrameCase[];
  /** The screening the pages use (the user's latest or chosen), where the risk bands come from; null before any. */
  riskScreening: { id: string; asOf: IsoDate } | null;
}

/** Every case of the workspace as the sampler sees it, with risk bands from the screening the pages use. */
export async function loadFrame(db: WorkspaceDb): Promise<SamplingFrame> {
  const chosen = await chosenScreening(db);
  const screening = chosen && (await loadScreening(db, chosen.id));
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
        // A case the screening has not seen (imported after it) has no band: it is a stratum of its own.
        screening?.cases.has(bundle.caseNumber) ? riskBand(bundle, facts.get(bundle.caseNumber) ?? none, screening.record.asOf) : undefined);
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
    const out = new Set(outOfScopeOf(s));
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
    const out = new Set(outOfScopeOf(parent));
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
export function previewSample(frame: SamplingFrame, selection: SampleSelection, design: Design, seed: number, samples: readonly SampleRecord[], before: string) {
  if (design.kind === 'risk' && !frame.riskScreening) throw new Error('Risikobåndene kommer fra den seneste screening. Kør en screening først.');
  const population = populationOf(frame, selection, samples, before);
  const strata = stratify(population.cases, design);
  return { population, strata, draw: drawStrata(strata, design, seed) };
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
const keysOf = (strata: Strata) => [...strata.values()].flat();
const sha256OfKeys = (keys: readonly string[]) => sha256Hex(new TextEncoder().encode(populationKeyText(keys.map((caseNumber) => ({ caseNumber })))));

/** The sample drawn again from what it stores: its population, design, seed and events. */
function replay(sample: Pick<SampleRecord, 'population' | 'protocol' | 'parentProbabilities'>, events: readonly SampleEvent[]): Draw {
  const draw = drawStrata(new Map(sample.population), sample.protocol.design, sample.protocol.seed, events);
  // A nested sample's case is in it if it was in the parent and then drawn from it.
  const parent = sample.parentProbabilities && new Map(sample.parentProbabilities);
  if (parent) for (const c of draw.cases) c.probability *= parent.get(c.caseNumber) ?? 1;
  return draw;
}

/** Cases with the facts they had when drawn; a case new to the sample gets today's. */
function withFacts(cases: readonly SampledCase[], known: readonly SampleRecordCase[], frame: SamplingFrame): SampleRecordCase[] {
  const before = new Map(known.map((c) => [c.caseNumber, c]));
  const now = new Map(frame.cases.map((c) => [c.caseNumber, c]));
  return cases.map((c) => {
    const f = before.get(c.caseNumber) ?? now.get(c.caseNumber);
    return { ...c, unit: f?.unit ?? 'ukendt', group: f?.group ?? null, caseworker: f?.caseworker ?? 'ukendt' };
  });
}

async function makeSample(db: WorkspaceDb, frame: SamplingFrame, request: DrawRequest, samples: readonly SampleRecord[], at: string, series: string | null) {
  if (!request.drawnBy.trim()) throw new Error('Skriv, hvem der trækker stikprøven: navnet står i protokollen.');
  const { population, strata } = previewSample(frame, request.selection, request.design, request.seed, samples, at);
  const parent = request.selection.parentSampleId ? samples.find((s) => s.id === request.selection.parentSampleId) : undefined;
  const draft = { population: [...strata], protocol: { design: request.design, seed: request.seed }, parentProbabilities: parent ? parent.cases.map((c): [string, number] => [c.caseNumber, c.probability]) : null };
  const draw = replay(draft as Pick<SampleRecord, 'population' | 'protocol' | 'parentProbabilities'>, []);
  if (draw.cases.length === 0) throw new Error(`Stikprøven «${request.round}» får ingen sager: ingen sager opfylder filteret. Ret filteret eller perioden.`);
  const keys = keysOf(strata);
  const round: RoundRecord = { id: crypto.randomUUID(), name: request.round, level: request.level, period: request.period, createdAt: at, sampleId: crypto.randomUUID(), series };
  const protocol: SampleProtocol = {
    drawnBy: request.drawnBy.trim(), drawnAt: at, round: request.round, design: request.design, seed: request.seed, filter: population.filter,
    population: keys.length, strata: draw.strata, exclusions: population.exclusions, populationSha256: await sha256OfKeys(keys),
    appVersion: APP_VERSION, ruleSetVersion: ruleSetVersion(await screeningSettings(db)),
    riskScreening: request.design.kind === 'risk' ? frame.riskScreening : null, nestedIn: parent?.protocol.round ?? null,
  };
  const sample: SampleRecord = {
    id: round.sampleId, roundId: round.id, createdAt: at, protocol, selection: request.selection, population: draft.population,
    parentProbabilities: draft.parentProbabilities, events: [], cases: withFacts(draw.cases, [], frame),
  };
  return { round, sample };
}

async function store(db: WorkspaceDb, made: { round: RoundRecord; sample: SampleRecord }[], by: string): Promise<void> {
  await db.transaction('rw', [db.rounds, db.samples, db.auditLog], async () => {
    for (const { round, sample } of made) {
      await db.rounds.add(round);
      await db.samples.add(sample);
      const { protocol } = sample;
      await appendAudit(db, {
        at: sample.createdAt, by, action: 'sample.drawn',
        details: { round: round.name, cases: sample.cases.length, population: protocol.population, seed: protocol.seed, drawnBy: protocol.drawnBy },
      });
    }
  });
}

/** Draws one sample and stores it with its round and protocol. */
export async function drawRound(db: WorkspaceDb, frame: SamplingFrame, request: DrawRequest, stamp: Stamp) {
  const made = await makeSample(db, frame, request, await db.samples.toArray(), stampAt(stamp), null);
  await store(db, [made], stamp.by);
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

/** The four levels the preset would draw, for the page to show before anything is stored, with what the user should know. */
export function previewCopenhagen(frame: SamplingFrame, options: CopenhagenOptions, samples: readonly SampleRecord[], now: string) {
  const population = populationOf(frame, copenhagenSelection(options, null), samples, now);
  const plans = copenhagenPlans(options.quarter.months.length);
  const draws = drawPlans(population.cases, plans, options.seed);
  const warnings = population.cases.some((c) => c.unit === OUT_OF_HOURS) ? [] : [`Ingen aktive sager i en enhed, der hedder ${OUT_OF_HOURS}: alle enheder får 20 sager på niveau 2.`];
  return { population, warnings, levels: plans.map((plan) => ({ plan, draw: draws.get(plan.level)! })) };
}

/**
 * The Copenhagen preset: the quarter's four rounds in one transaction. Level 1 and 2 from the
 * cases active in the quarter; level 3 from level 2's sample, level 4 from level 3's.
 */
export async function drawCopenhagen(db: WorkspaceDb, frame: SamplingFrame, options: CopenhagenOptions & { drawnBy: string }, stamp: Stamp) {
  const at = stampAt(stamp);
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
  await store(db, made, stamp.by);
  return made;
}

export interface Redraw {
  sampleId: string;
  /** Drawn again from its stored population, design, seed and events: the same cases, in the same order. */
  sameCases: boolean;
  cases: number;
  /** Today's data under the same filter: how many cases, and whether they are the same and in the same strata. */
  today: { population: number; sameKeys: boolean; sameStrata: boolean };
}

const sameDraw = (a: readonly SampledCase[], b: readonly SampledCase[]) => {
  const key = (list: readonly SampledCase[]) => JSON.stringify(list.map((c) => [c.caseNumber, c.stratum, c.replacement, c.replaces ?? null, c.reviewedBy ?? null]));
  return key(a) === key(b);
};

/** "Træk igen med samme frø": the sample drawn again, compared with the stored one, and today's population compared with the one drawn from. */
export async function redrawSample(db: WorkspaceDb, frame: SamplingFrame, sampleId: string): Promise<Redraw> {
  const sample = await db.samples.get(sampleId);
  if (!sample) throw new Error('Stikprøven findes ikke længere.');
  const draw = replay(sample, sample.events);
  const samples = await db.samples.toArray();
  let today: Redraw['today'] = { population: 0, sameKeys: false, sameStrata: false };
  try {
    const strata = stratify(populationOf(frame, sample.selection, samples, sample.createdAt).cases, sample.protocol.design);
    const keys = keysOf(strata);
    today = { population: keys.length, sameKeys: (await sha256OfKeys(keys)) === sample.protocol.populationSha256, sameStrata: JSON.stringify([...strata]) === JSON.stringify(sample.population) };
  } catch {
    // The sample it was drawn from is gone: today's population cannot be formed.
  }
  return { sampleId, sameCases: sameDraw(draw.cases, sample.cases), cases: draw.cases.length, today };
}

const currentDesign = (sample: SampleRecord): Design =>
  sample.events.reduce<Design>((design, e) => (e.kind === 'extend' ? e.design : design), sample.protocol.design);

async function addEvent(db: WorkspaceDb, frame: SamplingFrame, sample: SampleRecord, event: SampleEvent & { at: string }, by: string, audit: AuditDetails): Promise<SampleRecord> {
  const events = [...sample.events, event];
  const draw = replay(sample, events);
  const updated: SampleRecord = { ...sample, events, cases: withFacts(draw.cases, sample.cases, frame), protocol: { ...sample.protocol, strata: draw.strata } };
  await db.transaction('rw', [db.samples, db.auditLog], async () => {
    await db.samples.put(updated);
    const replacement: AuditDetails = event.kind === 'outOfScope' ? { replacement: updated.cases.find((c) => c.replaces === event.caseNumber)?.caseNumber ?? null } : {};
    await appendAudit(db, { at: event.at, by, action: `sample.${event.kind}`, details: { round: sample.protocol.round, ...audit, ...replacement, cases: updated.cases.length } });
  });
  return updated;
}

/** Extends a sample to `size` (n, or n per stratum) with the same seed: every case drawn before stays. */
export async function extendSample(db: WorkspaceDb, frame: SamplingFrame, sampleId: string, size: number, stamp: Stamp): Promise<SampleRecord> {
  const sample = await db.samples.get(sampleId);
  if (!sample) throw new Error('Stikprøven findes ikke længere.');
  const design = currentDesign(sample);
  const before = designSize(design);
  if (before === null) throw new Error('Denne type stikprøve har ingen størrelse at udvide.');
  if (!(Number.isInteger(size) && size > before)) throw new Error(`Skriv et helt tal større end ${before}.`);
  return addEvent(db, frame, sample, { kind: 'extend', design: withSize(design, size), at: stampAt(stamp) }, stamp.by, { from: before, to: size });
}

/** Marks a case out of scope and draws its replacement: the next case of its stratum in the same seeded order. */
export async function replaceOutOfScope(db: WorkspaceDb, frame: SamplingFrame, sampleId: string, caseNumber: string, stamp: Stamp): Promise<{ sample: SampleRecord; replacement: SampleRecordCase | undefined }> {
  const sample = await db.samples.get(sampleId);
  if (!sample) throw new Error('Stikprøven findes ikke længere.');
  if (outOfScopeOf(sample).includes(caseNumber)) throw new Error(`Sag ${caseNumber} er allerede markeret som uden for målgruppen.`);
  if (!sample.cases.some((c) => c.caseNumber === caseNumber)) throw new Error(`Sag ${caseNumber} er ikke i stikprøven.`);
  const updated = await addEvent(db, frame, sample, { kind: 'outOfScope', caseNumber, at: stampAt(stamp) }, stamp.by, { caseNumber });
  const replacement = updated.cases.find((c) => c.replaces === caseNumber);
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
