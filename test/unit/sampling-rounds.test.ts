import Dexie from 'dexie';
import * as XLSX from 'xlsx';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadDemo } from '../../src/app/demo';
import { drawCopenhagen, drawRound, extendSample, listRounds, loadFrame, redrawSample, replaceOutOfScope, type SamplingFrame } from '../../src/app/sampling';
import { runScreening, storeScreening } from '../../src/app/screening';
import type { SampleSelection } from '../../src/domain/records';
import { openWorkspaceDb, type WorkspaceDb } from '../../src/db/workspace-db';
import { DEMO_REFERENCE_ANCHOR, DEMO_SEED } from '../../src/domain/demo/config';
import { CATALOG_VERSION } from '../../src/domain/rules/catalog';
import { extensionsOf, outOfScopeOf } from '../../src/domain/sampling/draw';
import { quarter } from '../../src/domain/sampling/frame';
import { sha256Hex } from '../../src/io/sha256';
import { sampleWorkbook } from '../../src/io/sample-workbook';

// The small demo kommune: 1,000 cases in two units and Døgnvagten, 2016–2025.
const q4 = quarter(2025, 4);
const active = (c: { openedAt: string | null; closedAt: string | null }) => (c.openedAt == null || c.openedAt <= '2025-12-31') && (c.closedAt == null || c.closedAt >= '2025-10-01');
const inQuarter: SampleSelection = { filter: { period: { from: q4.from, to: q4.to } }, excludeClosed: false, reviewedWithinMonths: null, asOf: q4.to, parentSampleId: null };
let db: WorkspaceDb;
let frame: SamplingFrame;

beforeAll(async () => {
  for (const name of await Dexie.getDatabaseNames()) await Dexie.delete(name);
  db = await openWorkspaceDb('sampling');
  await loadDemo(db, { preset: 'small', seed: DEMO_SEED, anchor: DEMO_REFERENCE_ANCHOR, importId: 'I-1', importedAt: '2026-11-27T08:00:00.000Z', by: 'Test Fiktiv' });
}, 60_000);

beforeEach(async () => {
  await db.rounds.clear();
  await db.samples.clear();
  frame = await loadFrame(db);
});

describe('the sampling frame', () => {
  it('holds every case, with no risk bands before a screening and with them after one', async () => {
    expect(frame.cases).toHaveLength(1_000);
    expect(frame.riskScreening).toBeNull();
    expect(frame.cases.some((c) => c.risk)).toBe(false);
    await storeScreening(db, await runScreening(db, { id: 'S-1', asOf: '2025-12-31', createdAt: '2026-11-27T09:00:00.000Z', purpose: 'user', by: 'Test Fiktiv' }), 'Test Fiktiv');
    const screened = await loadFrame(db);
    expect(screened.riskScreening).toEqual({ id: 'S-1', asOf: '2025-12-31' });
    const bands = new Set(screened.cases.map((c) => c.risk));
    expect([...bands].sort()).toEqual(['høj', 'lav', 'mellem']);
    await db.screenings.clear();
    await db.screeningResults.clear();
    await db.settings.delete('chosenScreeningId');
  }, 60_000);
});

describe('the Copenhagen preset for 4th quarter 2025', () => {
  it('creates four rounds: 3 per caseworker, 20 per unit + 5 from Døgnvagten, 60 of those and 30 of those', async () => {
    const made = await drawCopenhagen(db, frame, { quarter: q4, seed: 2026, drawnBy: 'Områdechef Fiktiv', excludeClosed: false, reviewedWithinMonths: null }, { by: 'Test Fiktiv', at: '2026-01-05T09:00:00.000Z' });
    const [l1, l2, l3, l4] = made.map((m) => m.sample);
    const population = frame.cases.filter(active);
    const caseworkers = new Set(population.map((c) => c.caseworker));
    expect(new Set(population.map((c) => c.unit))).toEqual(new Set(['Børnefamilieenhed Nord', 'Børnefamilieenhed Syd', 'Døgnvagten']));
    expect(l1!.cases).toHaveLength([...caseworkers].reduce((n, cw) => n + Math.min(3, population.filter((c) => c.caseworker === cw).length), 0));
    expect(l2!.cases).toHaveLength(20 + 20 + 5);
    // Level 3 asks for 60, but the small kommune's level 2 holds 45: all are taken, and flagged.
    expect(l3!.cases).toHaveLength(45);
    expect(l3!.protocol.strata).toEqual([{ key: 'alle', population: 45, drawn: 45, takenWhole: true, short: true }]);
    expect(l4!.cases).toHaveLength(30);
    const set = (s: typeof l1) => new Set(s!.cases.map((c) => c.caseNumber));
    for (const c of set(l4)) expect(set(l3).has(c)).toBe(true);
    for (const c of set(l3)) expect(set(l2).has(c)).toBe(true);
    expect(made.map((m) => m.round.level)).toEqual([1, 2, 3, 4]);
    expect(new Set(made.map((m) => m.round.series)).size).toBe(1);
    expect(l3!.protocol.nestedIn).toBe('Niveau 2: 20 sager pr. enhed og 5 fra Døgnvagten – 4. kvartal 2025');
    expect(await listRounds(db)).toHaveLength(4);
  });

  it('stores the protocol: who, when, seed, filter, N and n per stratum, probabilities and the SHA-256 of the sorted keys', async () => {
    const [, level2] = await drawCopenhagen(db, frame, { quarter: q4, seed: 77, drawnBy: 'Jurist Opdigtet', excludeClosed: false, reviewedWithinMonths: null }, { by: 'Test Fiktiv', at: '2026-01-05T09:00:00.000Z' });
    const { protocol, cases } = level2!.sample;
    // Each level draws from the preset's seed plus its level: 77 + 2.
    const keys = frame.cases.filter(active).map((c) => c.caseNumber).sort();
    expect(protocol).toMatchObject({ drawnBy: 'Jurist Opdigtet', drawnAt: '2026-01-05T09:00:00.000Z', seed: 79, population: keys.length, filter: 'Sager aktive 01-10-2025–31-12-2025', appVersion: 'test', exclusions: [] });
    expect(protocol.ruleSetVersion).toMatch(new RegExp(`^${CATALOG_VERSION.replace('.', '\\.')}\\+[0-9a-f]{8}$`));
    expect(protocol.populationSha256).toBe(await sha256Hex(new TextEncoder().encode(keys.join('\n'))));
    const dv = protocol.strata.find((s) => s.key === 'Døgnvagten')!;
    expect(dv.drawn).toBe(5);
    for (const c of cases.filter((c) => c.stratum === 'Døgnvagten')) expect(c.probability).toBe(5 / dv.population);
  });

  it('draws the same cases again with the same seed', async () => {
    const made = await drawCopenhagen(db, frame, { quarter: q4, seed: 2026, drawnBy: 'AB', excludeClosed: false, reviewedWithinMonths: null }, { by: 'Test Fiktiv' });
    for (const { sample } of made) {
      const again = await redrawSample(db, await loadFrame(db), sample.id);
      expect(again).toEqual({ sampleId: sample.id, sameCases: true, cases: sample.cases.length, today: { population: sample.protocol.population, sameKeys: true, sameStrata: true } });
    }
  });
});

describe('one round at a time', () => {
  const draw = (overrides: Partial<Parameters<typeof drawRound>[2]> = {}, at?: string) => drawRound(db, frame, {
    round: 'Ankestyrelsen-lignende', level: null, period: null, design: { kind: 'simple', n: 30 }, seed: 5, selection: inQuarter, drawnBy: 'AB', ...overrides,
  }, { by: 'Test Fiktiv', at: at });

  it('extends a sample with the same seed, keeping every case drawn before', async () => {
    const { sample } = await draw();
    const extended = await extendSample(db, frame, sample.id, 40, { by: 'Test Fiktiv', at: '2026-02-01T10:00:00.000Z' });
    expect(extended.cases).toHaveLength(40);
    expect(extended.cases.slice(0, 30).map((c) => c.caseNumber)).toEqual(sample.cases.map((c) => c.caseNumber));
    expect(extended.cases[0]!.probability).toBe(40 / sample.protocol.population);
    expect(extensionsOf(extended)).toEqual([{ at: '2026-02-01T10:00:00.000Z', design: { kind: 'simple', n: 40 } }]);
    expect((await redrawSample(db, frame, sample.id)).sameCases).toBe(true);
    await expect(extendSample(db, frame, sample.id, 40, { by: 'Test Fiktiv' })).rejects.toThrow('Skriv et helt tal større end 40.');
  });

  it('replaces a case out of scope with the next in the same order, and draws that again too', async () => {
    const { sample } = await draw();
    const gone = sample.cases[3]!.caseNumber;
    const { sample: updated, replacement } = await replaceOutOfScope(db, frame, sample.id, gone, { by: 'Test Fiktiv' });
    expect(replacement).toMatchObject({ replacement: true, replaces: gone });
    expect(updated.cases).toHaveLength(31);
    expect(outOfScopeOf(updated)).toEqual([gone]);
    expect((await redrawSample(db, frame, sample.id)).sameCases).toBe(true);
    await expect(replaceOutOfScope(db, frame, sample.id, gone, { by: 'Test Fiktiv' })).rejects.toThrow('allerede markeret');
  });

  it('leaves out cases in a round drawn within the last months, counting them in the protocol', async () => {
    const first = await draw({}, '2026-01-05T09:00:00.000Z');
    const second = await draw({ selection: { ...inQuarter, reviewedWithinMonths: 6 }, seed: 6 }, '2026-01-06T09:00:00.000Z');
    const before = new Set(first.sample.cases.map((c) => c.caseNumber));
    expect(second.sample.cases.some((c) => before.has(c.caseNumber))).toBe(false);
    expect(second.sample.protocol.exclusions).toEqual([{ reason: 'Med i et tilsyn inden for 6 måneder', count: 30 }]);
    expect(second.sample.protocol.population).toBe(first.sample.protocol.population - 30);
    // Drawn again later, the second round's own cases do not exclude themselves.
    expect((await redrawSample(db, frame, second.sample.id)).sameCases).toBe(true);
  });

  it('draws again from the population it stored, and says when today\u2019s data differ', async () => {
    const { sample } = await draw();
    const fewer: SamplingFrame = { ...frame, cases: frame.cases.filter((c) => c.caseNumber !== sample.cases[0]!.caseNumber) };
    expect((await redrawSample(db, fewer, sample.id))).toMatchObject({ sameCases: true, today: { population: sample.protocol.population - 1, sameKeys: false, sameStrata: false } });
    // The stored population still holds the case: extending works, and keeps it.
    const extended = await extendSample(db, fewer, sample.id, 31, { by: 'Test Fiktiv' });
    expect(extended.cases.map((c) => c.caseNumber)).toContain(sample.cases[0]!.caseNumber);
  });

  it('a case moved to another caseworker by a re-import changes nothing in a sample stratified by caseworker', async () => {
    const { sample } = await draw({ design: { kind: 'stratified', by: 'caseworker', perStratum: 2 } });
    const drawn = new Set(sample.cases.map((c) => c.caseNumber));
    const moved = frame.cases.find((c) => !drawn.has(c.caseNumber) && active(c))!;
    const other = frame.cases.find((c) => c.caseworker !== moved.caseworker)!.caseworker;
    const reimported: SamplingFrame = { ...frame, cases: frame.cases.map((c) => (c === moved ? { ...c, caseworker: other } : c)) };
    const redraw = await redrawSample(db, reimported, sample.id);
    expect(redraw).toMatchObject({ sameCases: true, today: { sameKeys: true, sameStrata: false } });
    const { sample: updated } = await replaceOutOfScope(db, reimported, sample.id, sample.cases[0]!.caseNumber, { by: 'Test Fiktiv' });
    expect(updated.cases.slice(0, sample.cases.length)).toEqual(sample.cases);
    expect(updated.cases).toHaveLength(sample.cases.length + 1);
  });

  it('a later sample that left out an earlier one\u2019s cases draws the same after the earlier one is extended', async () => {
    const first = await draw({}, '2026-01-05T09:00:00.000Z');
    const second = await draw({ selection: { ...inQuarter, reviewedWithinMonths: 6 }, seed: 6 }, '2026-01-06T09:00:00.000Z');
    await extendSample(db, frame, first.sample.id, 45, { by: 'Test Fiktiv' });
    expect((await redrawSample(db, frame, second.sample.id)).sameCases).toBe(true);
    expect((await extendSample(db, frame, second.sample.id, 35, { by: 'Test Fiktiv' })).cases).toHaveLength(35);
  });

  it('a nested sample keeps its cases when its parent gets a replacement, and its probabilities are over both draws', async () => {
    const [, level2, level3] = await drawCopenhagen(db, frame, { quarter: q4, seed: 12, drawnBy: 'AB', excludeClosed: false, reviewedWithinMonths: null }, { by: 'Test Fiktiv' });
    const parent = new Map(level2!.sample.cases.map((c) => [c.caseNumber, c.probability]));
    // Level 3 takes all 45 of level 2 in the small kommune: conditional p = 1, so the product is the parent's.
    for (const c of level3!.sample.cases) expect(c.probability).toBe(parent.get(c.caseNumber));
    await replaceOutOfScope(db, frame, level2!.sample.id, level2!.sample.cases[0]!.caseNumber, { by: 'Test Fiktiv' });
    expect((await redrawSample(db, frame, level3!.sample.id)).sameCases).toBe(true);
  });

  it('refuses without a name, an empty population, and a risk design before any screening, in Danish', async () => {
    await expect(draw({ drawnBy: ' ' })).rejects.toThrow('Skriv, hvem der trækker stikprøven');
    await expect(draw({ selection: { ...inQuarter, filter: { units: ['Findes ikke'] } } })).rejects.toThrow('får ingen sager');
    await expect(draw({ design: { kind: 'risk', fractions: { høj: 0.5, mellem: 0.2, lav: 0.05 }, minimum: 5 } })).rejects.toThrow('Kør en screening først');
    expect(await db.samples.count()).toBe(0);
  });
});

describe('the sample list as xlsx', () => {
  it('has every case with its stratum, probability and reason, and the protocol with its hash; text cells guarded', async () => {
    const { sample } = await drawRound(db, frame, { round: '=HYPERLINK("x")', level: null, period: null, design: { kind: 'stratified', by: 'unit', perStratum: 4 }, seed: 9, selection: inQuarter, drawnBy: 'AB' }, { by: 'Test Fiktiv' });
    const book = XLSX.read(sampleWorkbook(sample, true));
    expect(book.SheetNames).toEqual(['Stikprøve', 'Protokol']);
    const rows = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets['Stikprøve']!, { header: 1 });
    expect(rows[0]).toEqual(['DEMO – alle data er fiktive. Ingen rigtige personer.']);
    expect(rows[1]).toEqual(['Sagsnr', 'Enhed', 'Gruppe', 'Sagsbehandler', 'Stratum', 'Inklusionssandsynlighed', 'Erstatning for', 'Uden for målgruppen', 'Hvorfor med']);
    expect(rows.slice(2).map((r) => r[0])).toEqual(sample.cases.map((c) => c.caseNumber));
    const first = rows[2]!;
    const stratum = sample.protocol.strata.find((s) => s.key === first[4])!;
    expect(first[5]).toBe(4 / stratum.population);
    expect(first[8]).toBe(`Tilfældigt udtrukket: 4 af ${stratum.population} i ${stratum.key}; sandsynlighed ${(400 / stratum.population).toFixed(1).replace('.', ',')}\u00a0%`);
    const protocol = new Map(XLSX.utils.sheet_to_json<string[]>(book.Sheets.Protokol!, { header: 1 }).map((r) => [r[0], r[1]]));
    expect(protocol.get('Runde')).toBe('\'=HYPERLINK("x")');
    expect(protocol.get('Frø')).toBe('9');
    expect(protocol.get('SHA-256 af populationens sagsnumre')).toBe(sample.protocol.populationSha256);
  });
});

describe('the Samples page\u2019s form', () => {
  it('turns choices into a design and a selection, as data', async () => {
    const { requestFor, periodChoices } = await import('../../src/app/sample-form');
    const base = { kind: 'simple', period: 'Q2025-4', units: [], groups: [], n: 20, by: 'unit', perStratum: 20, atLeastOne: true, parentSampleId: '', safetyPlanOn: '2017-12-31', exchangeGroups: ['Børn'], perGroup: 2, excludeClosed: true, reviewedWithinMonths: 6 } as const;
    expect(requestFor({ ...base, units: ['Nord'] }, '2026-11-27')).toEqual({
      design: { kind: 'simple', n: 20 }, period: { from: '2025-10-01', to: '2025-12-31' }, name: 'Simpel tilfældig stikprøve – 4. kvartal 2025',
      selection: { filter: { period: { from: '2025-10-01', to: '2025-12-31' }, units: ['Nord'] }, excludeClosed: true, reviewedWithinMonths: 6, asOf: '2025-12-31', parentSampleId: null },
    });
    // All active safety plans on 31-12-2017: a census of that filter, whatever period is chosen.
    expect(requestFor({ ...base, kind: 'safetyPlans', reviewedWithinMonths: 0 }, '2026-11-27')).toMatchObject({
      design: { kind: 'targeted' }, name: 'Sikkerhedsplaner pr. 31-12-2017',
      selection: { filter: { safetyPlanOn: '2017-12-31' }, reviewedWithinMonths: null, asOf: '2017-12-31' },
    });
    // Risk-based over a year: at least 20 per unit.
    expect(requestFor({ ...base, kind: 'risk', period: 'Y2025' }, '2026-11-27').design).toMatchObject({ kind: 'risk', perUnit: 20 });
    expect(requestFor({ ...base, kind: 'perCaseworker', perStratum: 1 }, '2026-11-27').design).toEqual({ kind: 'stratified', by: 'caseworker', perStratum: 1 });
    expect(requestFor({ ...base, kind: 'nested', parentSampleId: 'P-1', n: 60 }, '2026-11-27')).toMatchObject({ design: { kind: 'simple', n: 60 }, selection: { parentSampleId: 'P-1' } });
    expect(periodChoices(quarter(2025, 1)).map((p) => p.label)).toEqual([
      '1. kvartal 2025', '4. kvartal 2024', '3. kvartal 2024', '2. kvartal 2024', '1. kvartal 2024', '4. kvartal 2023', '3. kvartal 2023', '2. kvartal 2023',
      'Hele 2025', 'Hele 2024', 'Hele 2023', 'Alle sager (ingen periode)',
    ]);
  });

  it('shows the four Copenhagen levels before drawing exactly as they are then drawn', async () => {
    const { previewCopenhagen } = await import('../../src/app/sampling');
    const options = { quarter: q4, seed: 31, excludeClosed: true, reviewedWithinMonths: null };
    const preview = previewCopenhagen(frame, options, [], '2026-01-05T09:00:00.000Z');
    const made = await drawCopenhagen(db, frame, { ...options, drawnBy: 'AB' }, { by: 'Test Fiktiv', at: '2026-01-05T09:00:00.000Z' });
    expect(made.map((m) => m.sample.cases.map((c) => c.caseNumber))).toEqual(preview.levels.map((l) => l.draw.cases.map((c) => c.caseNumber)));
    expect(made[0]!.sample.protocol.exclusions).toEqual(preview.population.exclusions);
  });

  it('draws a risk-based sample from the bands of the screening the pages use, and says which screening', async () => {
    await storeScreening(db, await runScreening(db, { id: 'S-2', asOf: '2025-12-31', createdAt: '2026-11-27T09:00:00.000Z', purpose: 'user', by: 'Test Fiktiv' }), 'Test Fiktiv');
    const screened = await loadFrame(db);
    const { requestFor } = await import('../../src/app/sample-form');
    const request = requestFor({ kind: 'risk', period: 'Q2025-4', units: [], groups: [], n: 0, by: 'unit', perStratum: 0, atLeastOne: false, parentSampleId: '', safetyPlanOn: '', exchangeGroups: [], perGroup: 0, excludeClosed: false, reviewedWithinMonths: 0 }, '2026-11-27');
    const { sample } = await drawRound(db, screened, { round: 'Risiko', level: null, period: request.period, design: request.design, seed: 1, selection: request.selection, drawnBy: 'AB' }, { by: 'Test Fiktiv' });
    expect(sample.protocol.riskScreening).toEqual({ id: 'S-2', asOf: '2025-12-31' });
    const perUnit = new Map<string, number>();
    for (const c of sample.cases) perUnit.set(c.unit, (perUnit.get(c.unit) ?? 0) + 1);
    // A quarter: at least 5 per unit (20 a year); each unit here has far more active cases than that.
    for (const n of perUnit.values()) expect(n).toBeGreaterThanOrEqual(5);
    const high = sample.protocol.strata.filter((s) => s.key.endsWith(' · høj'));
    for (const s of high) expect(s.drawn).toBeGreaterThanOrEqual(Math.min(s.population, Math.ceil(s.population / 2)));
    await db.screenings.clear();
    await db.screeningResults.clear();
    await db.settings.delete('chosenScreeningId');
  }, 60_000);
});
