import type { SampleSelection } from '../domain/records';
import { STRATUM_LABEL } from '../domain/sampling/describe';
import type { Design, StratumField } from '../domain/sampling/draw';
import { monthsIn, quarter, type Period, type Quarter } from '../domain/sampling/frame';
import { PRESETS, riskBasedDesign } from '../domain/sampling/presets';
import type { IsoDate } from '../domain/types';

/** The Samples page's choices, as data, and the design and selection each gives. */

export type SampleKind = 'copenhagen' | 'ankestyrelsen' | 'simple' | 'stratified' | 'perCaseworker' | 'proportional' | 'nested' | 'risk' | 'safetyPlans' | 'exchange';

export const SAMPLE_KINDS: readonly { kind: SampleKind; label: string; help: string }[] = [
  { kind: 'copenhagen', label: 'Københavnermodellen: kvartalets fire niveauer', help: 'Niveau 1: 1 sag pr. sagsbehandler pr. måned. Niveau 2: 20 sager pr. enhed og 5 fra Døgnvagten. Niveau 3: 60 af niveau 2. Niveau 4: 30 af niveau 3.' },
  { kind: 'risk', label: 'Risikobaseret ledelsestilsyn (mindst 20 pr. enhed om året)', help: 'Flere sager, hvor risikoen er høj: 50 % af høj, 20 % af mellem og 5 % af lav risiko i hver enhed, og mindst 20 sager pr. enhed om året. Risikobåndene kommer fra den screening, siderne viser (den seneste, du har kørt eller valgt).' },
  { kind: 'safetyPlans', label: 'Alle sikkerhedsplaner, der løber på en dato', help: 'Alle sager med en aktiv sikkerhedsplan på datoen: en totaltælling, ikke en stikprøve.' },
  { kind: 'exchange', label: 'Krydsgennemgang mellem enheder', help: 'Enhederne parres tilfældigt (ingen gennemgår sig selv). Hver enhed gennemgår et antal sager fra hver gruppe i den anden enhed.' },
  { kind: 'ankestyrelsen', label: 'Ankestyrelsen-lignende praksisundersøgelse', help: 'En simpel tilfældig stikprøve på 30 sager.' },
  { kind: 'simple', label: 'Simpel tilfældig stikprøve', help: 'Et antal tilfældige sager fra populationen.' },
  { kind: 'stratified', label: 'Fast antal pr. enhed, gruppe eller sagsbehandler', help: 'Samme antal fra hvert stratum; et stratum med færre sager tages helt.' },
  { kind: 'perCaseworker', label: 'Én sag pr. sagsbehandler', help: 'Driftstilsyn: en tilfældig sag (eller flere) for hver sagsbehandler.' },
  { kind: 'proportional', label: 'Proportional fordeling', help: 'Et samlet antal fordelt på strata efter deres størrelse (største rest).' },
  { kind: 'nested', label: 'Delstikprøve af en tidligere stikprøve', help: 'Et antal tilfældige sager fra en stikprøve, der allerede er trukket.' },
];

export const STRATUM_FIELDS: readonly StratumField[] = ['unit', 'group', 'caseworker'];

export interface SampleForm {
  kind: SampleKind;
  /** `''` for all cases, `Q2025-4` for a quarter, `Y2025` for a year. */
  period: string;
  units: readonly string[];
  groups: readonly string[];
  n: number;
  by: StratumField;
  perStratum: number;
  atLeastOne: boolean;
  parentSampleId: string;
  safetyPlanOn: IsoDate;
  exchangeGroups: readonly string[];
  perGroup: number;
  excludeClosed: boolean;
  /** Leave out cases in a round within this many months; 0 for none. */
  reviewedWithinMonths: number;
}

/** Periods to offer: the suggested quarter and the seven before it, and the years they fall in. */
export function periodChoices(suggested: Quarter): { value: string; label: string }[] {
  const quarters: Quarter[] = [];
  let q = suggested;
  for (let i = 0; i < 8; i++) {
    quarters.push(q);
    q = q.quarter === 1 ? quarter(q.year - 1, 4) : quarter(q.year, (q.quarter - 1) as 1 | 2 | 3);
  }
  const years = [...new Set(quarters.map((x) => x.year))];
  return [
    ...quarters.map((x) => ({ value: `Q${x.year}-${x.quarter}`, label: x.label })),
    ...years.map((y) => ({ value: `Y${y}`, label: `Hele ${y}` })),
    { value: '', label: 'Alle sager (ingen periode)' },
  ];
}

export function periodOf(value: string): (Period & { label: string; quarter?: Quarter }) | null {
  const q = /^Q(\d{4})-([1-4])$/.exec(value);
  if (q) {
    const found = quarter(Number(q[1]), Number(q[2]) as 1 | 2 | 3 | 4);
    return { from: found.from, to: found.to, label: found.label, quarter: found };
  }
  const y = /^Y(\d{4})$/.exec(value);
  return y ? { from: `${y[1]}-01-01`, to: `${y[1]}-12-31`, label: y[1]! } : null;
}

export interface FormRequest {
  design: Design;
  selection: SampleSelection;
  period: Period | null;
  name: string;
}

/** The design and selection a form gives (not the Copenhagen preset, which makes four). */
export function requestFor(form: SampleForm, today: IsoDate): FormRequest {
  const period = periodOf(form.period);
  const selection: SampleSelection = {
    filter: {
      ...(period && form.kind !== 'safetyPlans' && { period: { from: period.from, to: period.to } }),
      ...(form.units.length > 0 && { units: [...form.units] }),
      ...(form.groups.length > 0 && form.kind !== 'exchange' && { groups: [...form.groups] }),
      ...(form.kind === 'safetyPlans' && { safetyPlanOn: form.safetyPlanOn }),
    },
    excludeClosed: form.excludeClosed,
    reviewedWithinMonths: form.reviewedWithinMonths > 0 ? form.reviewedWithinMonths : null,
    asOf: form.kind === 'safetyPlans' ? form.safetyPlanOn : (period?.to ?? today),
    parentSampleId: form.kind === 'nested' ? form.parentSampleId || null : null,
  };
  const when = period ? ` – ${period.label}` : '';
  const design = designFor(form, period);
  const name = form.kind === 'safetyPlans' ? `Sikkerhedsplaner pr. ${form.safetyPlanOn.split('-').reverse().join('-')}` : `${SAMPLE_KINDS.find((k) => k.kind === form.kind)!.label}${when}`;
  return { design, selection, period: period && { from: period.from, to: period.to }, name };
}

function designFor(form: SampleForm, period: Period | null): Design {
  switch (form.kind) {
    case 'copenhagen':
      throw new RangeError('the Copenhagen preset makes four rounds: drawCopenhagen');
    case 'ankestyrelsen':
      return { ...PRESETS.ankestyrelsen, n: form.n };
    case 'simple':
    case 'nested':
      return { kind: 'simple', n: form.n };
    case 'stratified':
      return { kind: 'stratified', by: form.by, perStratum: form.perStratum };
    case 'perCaseworker':
      return { kind: 'stratified', by: 'caseworker', perStratum: form.perStratum };
    case 'proportional':
      return { kind: 'proportional', by: form.by, n: form.n, atLeastOne: form.atLeastOne };
    case 'risk':
      return riskBasedDesign(period ? monthsIn(period) : 12);
    case 'safetyPlans':
      return PRESETS.safetyPlans;
    case 'exchange':
      return { kind: 'exchange', groups: [...form.exchangeGroups], perGroup: form.perGroup };
  }
}

export const stratumLabel = (by: StratumField) => STRATUM_LABEL[by].one;
