/**
 * The header matcher (issue 14, point 1): scores every column against every field's label,
 * synonyms and description, lets the column's values rule fields out (only dates can be a date
 * field …), assigns each field to at most one column, best score first, and says how sure it is.
 * Precision first: a wrong sure match costs more than none, so `sure` needs a high score and a
 * clear lead over the runner-up.
 */
import { FIELDS, fieldKey, TABLES, type FieldDef } from '../domain/fields';
import type { SheetLayout, SheetRole } from '../domain/mapping';
import type { SourceCell } from '../domain/source';
import { compoundHeads, compoundModifiers, descriptionScore, genitiveHead, headerWords, saysOtherThan, isFiller, isWeak, learnWords, phraseScore, stemSimilarity } from './header-words';
import { parseBool, parseCpr, parseDate, parseMonths } from './values';
import { saysUnknown, suggestValueReadings } from './value-mapping';

export interface ColumnCandidate {
  target: string;
  /** 0–1. */
  score: number;
}

export interface ColumnMatch {
  column: number;
  header: string;
  target: string | null;
  /** Absent with an exact spelling of a label or synonym (or no target). */
  confidence?: 'sure' | 'unsure';
  /** The other fields the column may be, best first, for the drop-down. */
  alternatives: ColumnCandidate[];
}

/** At least this, and `SURE_MARGIN` ahead of the runner-up, to be pre-selected without a mark. */
export const SURE_SCORE = 0.85;
export const SURE_MARGIN = 0.15;
/** At least this to be pre-selected, marked "kontrollér". */
export const UNSURE_SCORE = 0.6;
const ALTERNATIVE_SCORE = 0.3;

interface Phrase { tokens: string[]; dateHint: boolean }
interface Target { def: FieldDef; key: string; phrases: Phrase[]; description: string[]; words: Set<string> }

/** Stems that name a table ("underretning", "bfu", "handleplan"), by table. */
export const TABLE_WORDS = new Map<string, string>(TABLES.flatMap((t) => [t.sheet, ...t.sheetSynonyms, ...t.prefixes]
  .map((s) => headerWords(s).tokens).filter((tokens) => tokens.length === 1).map((tokens) => [tokens[0]!, t.name] as const)));

learnWords(FIELDS.flatMap((f) => [f.header, ...f.synonyms, f.description]));
learnWords(TABLES.flatMap((t) => [t.sheet, ...t.sheetSynonyms, ...t.prefixes]));

const targetsByRole = new Map<SheetRole, Target[]>();
function targetsFor(role: SheetRole): Target[] {
  let targets = targetsByRole.get(role);
  if (targets) return targets;
  const defs = role === 'ignore' ? [] : role === 'wide'
    ? FIELDS.filter((f) => f.table === 'cases' || f.field !== 'caseNumber')
    : FIELDS.filter((f) => f.table === role);
  targets = defs.map((def) => {
    const prefixes = TABLES.find((t) => t.name === def.table)!.prefixes;
    const spellings = [def.header, ...def.synonyms];
    const phrases = [...spellings, ...spellings.flatMap((s) => prefixes.map((p) => `${p} ${s}`))].map((s) => headerWords(s));
    return { def, key: fieldKey(def), phrases, description: headerWords(def.description).tokens, words: new Set(phrases.flatMap((p) => p.tokens)) };
  });
  targetsByRole.set(role, targets);
  return targets;
}

/** What a column's sampled values allow. */
interface ValueSigns {
  count: number;
  dates: number;
  textDates: number;
  bools: number;
  months: number;
  cprs: number;
  distinct: number;
  choice: Map<string, number>;
}

const TEXT_DATE = /^\d{1,4}[-./]\d{1,2}[-./]\d{1,4}/;

function valueSigns(samples: readonly SourceCell[] | undefined, role: SheetRole): ValueSigns | null {
  const values = (samples ?? []).filter((v) => v !== null && v !== '' && !saysUnknown(v));
  if (values.length < 3) return null;
  const signs: ValueSigns = { count: values.length, dates: 0, textDates: 0, bools: 0, months: 0, cprs: 0, distinct: 0, choice: new Map() };
  const counts = new Map<string, number>();
  for (const v of values) {
    const date = parseDate(v);
    if (date.ok && date.value !== null) {
      signs.dates += 1;
      if (typeof v === 'string' && TEXT_DATE.test(v.trim())) signs.textDates += 1;
    }
    if (parseMonths(v).ok) signs.months += 1;
    if (parseCpr(v, false).ok) signs.cprs += 1;
    const text = typeof v === 'boolean' ? (v ? 'SAND' : 'FALSK') : String(v).trim();
    counts.set(text, (counts.get(text) ?? 0) + 1);
    if (parseBool(v).ok) signs.bools += 1;
  }
  signs.distinct = counts.size;
  const distinct = [...counts].map(([value, count]) => ({ value, count }));
  const readable = (target: string, accept: (how: string, readAs: string | null) => boolean) =>
    suggestValueReadings(target, distinct).reduce((sum, s) => sum + (accept(s.how, s.readAs) ? s.count : 0), 0);
  // Yes/no words the parser does not know ("Ja, se notat") count when the value matcher is sure of them.
  signs.bools = readable('notifications.fromProfessional', (how) => how === 'known' || how === 'sure');
  if (role === 'wide' || role === 'notifications') signs.choice.set('outcome', readable('notifications.outcome', (how, readAs) => how !== 'unknown' && (readAs !== null || how === 'sure')));
  if (role === 'wide' || role === 'measures') signs.choice.set('measureKind', readable('measures.kind', (how, readAs) => how !== 'unknown' && (readAs !== null || how === 'sure')));
  return signs;
}

const MOSTLY = 0.8;

/** Whether the values allow the field at all. */
function allowed(def: FieldDef, signs: ValueSigns | null): boolean {
  if (!signs) return true;
  const share = (n: number) => n / signs.count;
  const boolLike = share(signs.bools) >= 0.9 && signs.distinct <= 6;
  switch (def.type) {
    case 'date': case 'datetime': return share(signs.dates) >= MOSTLY;
    case 'bool': return share(signs.bools) >= MOSTLY;
    case 'measureKind': case 'outcome': return !boolLike && share(signs.choice.get(def.type) ?? 0) >= MOSTLY && share(signs.textDates) < MOSTLY;
    case 'months': return share(signs.months) >= MOSTLY && share(signs.textDates) < MOSTLY;
    case 'cpr': return share(signs.cprs) >= MOSTLY;
    default: return !boolLike && share(signs.textDates) < MOSTLY && share(signs.cprs) < MOSTLY;
  }
}

/** A column's score for one field, 0–1. */
function score(header: ReturnType<typeof headerWords>, target: Target, signs: ValueSigns | null): number {
  if (!allowed(target.def, signs)) return 0;
  // Dates in the column say "dato" as well as the header could.
  const words = signs && signs.dates / signs.count >= MOSTLY && !header.dateHint ? { ...header, dateHint: true, valueDates: true } : { ...header, valueDates: false };
  // A description is a weaker sign: alone it ranks alternatives but pre-selects nothing.
  const described = descriptionScore(words.tokens, target.description);
  let spelled = 0;
  for (const phrase of target.phrases) {
    // "Underretningsdato" is the notification's date: a column on the notification that does not say date is something else.
    const said = phrase.dateHint && !words.dateHint ? 0.6 : 1;
    // "Sagsnummer" is not "Sag CPR-nummer": a phrase whose own words (not its table's, not "nummer") are all missing is far off.
    const own = phrase.tokens.filter((t) => !isWeak(t) && !TABLE_WORDS.has(t));
    const missed = own.length > 0 && !own.some((t) => words.tokens.some((w) => stemSimilarity(w, t) >= 0.8)) ? 0.5 : 1;
    spelled = Math.max(spelled, said * missed * phraseScore(words.tokens, phrase.tokens));
  }
  let best = Math.max(spelled >= UNSURE_SCORE ? spelled + 0.05 * described : spelled, 0.55 * described);
  // "Underretning sagsnr" is not the case's number: a header naming another table is not this field.
  const tables = words.tokens.filter((w) => TABLE_WORDS.has(w));
  if (tables.length && !tables.some((w) => TABLE_WORDS.get(w) === target.def.table || [...target.words].some((t) => stemSimilarity(t, w) >= 0.85))) best *= 0.6;
  const isDate = target.def.type === 'date' || target.def.type === 'datetime';
  if (words.dateHint && !words.valueDates) best += isDate ? 0.1 : -0.15;
  // Values that read as one choice list confirm that choice.
  const choiceShare = signs && (target.def.type === 'measureKind' || target.def.type === 'outcome') ? (signs.choice.get(target.def.type) ?? 0) / signs.count : 0;
  if (choiceShare >= 0.9) best += 0.15;
  if (words.boolHint) best += target.def.type === 'bool' ? 0.1 : -0.15;
  return Math.min(1, Math.max(0, best));
}

/** Every column's candidates, best first: the drop-down's order. */
export function rankTargets(sheet: SheetLayout, role: SheetRole): ColumnCandidate[][] {
  const targets = targetsFor(role);
  return sheet.headers.map((header, column) => {
    const words = headerWords(header);
    const signs = valueSigns(sheet.samples?.[column], role);
    return targets.map((t) => ({ target: t.key, score: score(words, t, signs) }))
      .filter((c) => c.score > 0)
      .sort((a, b) => b.score - a.score);
  });
}

/**
 * Assigns fields to columns, one to one, highest score first. `exact` columns (an exact spelling
 * of a label or synonym) are taken first. Two equal best claims on one column or one field are
 * refused: the matcher does not guess between them.
 */
export function matchColumns(sheet: SheetLayout, role: SheetRole, exact: readonly (string | null)[]): ColumnMatch[] {
  const ranked = rankTargets(sheet, role);
  const columnTaken = new Map<number, string | null>();
  const fieldTaken = new Set<string>();
  exact.forEach((target, column) => {
    if (target && !fieldTaken.has(target)) { columnTaken.set(column, target); fieldTaken.add(target); }
  });
  const pairs = ranked.flatMap((candidates, column) => candidates.filter((c) => c.score >= UNSURE_SCORE).map((c) => ({ column, ...c })))
    .sort((a, b) => b.score - a.score);
  const blocked = new Set<string>();
  for (const pair of pairs) {
    if (columnTaken.has(pair.column) || fieldTaken.has(pair.target) || blocked.has(pair.target)) continue;
    const rival = pairs.find((p) => p !== pair && Math.abs(p.score - pair.score) < 1e-9 && (p.column === pair.column || p.target === pair.target)
      && !columnTaken.has(p.column) && !fieldTaken.has(p.target) && !blocked.has(p.target));
    if (rival) {
      columnTaken.set(pair.column, null);
      if (rival.target === pair.target) { columnTaken.set(rival.column, null); blocked.add(pair.target); }
      continue;
    }
    columnTaken.set(pair.column, pair.target);
    fieldTaken.add(pair.target);
  }
  return sheet.headers.map((header, column) => {
    const target = columnTaken.get(column) ?? null;
    const candidates = ranked[column]!;
    const alternatives = candidates.filter((c) => c.target !== target && c.score >= ALTERNATIVE_SCORE).slice(0, 5);
    if (!target) return { column, header, target: null, alternatives };
    if (exact[column] === target) return { column, header, target, alternatives };
    const own = candidates.find((c) => c.target === target)!.score;
    // The runner-up: another field for this column, or another column for this field.
    const otherField = candidates.find((c) => c.target !== target)?.score ?? 0;
    const otherColumn = Math.max(0, ...ranked.map((list, c) => (c === column || exact[c] ? 0 : list.find((x) => x.target === target)?.score ?? 0)));
    const margin = own - Math.max(otherField, otherColumn);
    const field = targetsFor(role).find((t) => t.key === target)!;
    const known = field.words;
    const genitive = genitiveHead(header);
    const headsKnown = [...compoundHeads(header), ...(genitive ? [genitive] : [])].every((h) => [...known].some((w) => stemSimilarity(h, w) >= 0.8)) && !saysOtherThan(header);
    // "Klage modtaget" is not the notification's receipt: a word that neither the field's words and
    // description, its table, a compound's last part nor filler explains leaves the match unsure.
    const modifiers = compoundModifiers(header);
    const explained = headerWords(header).tokens.every((w) => isFiller(w) || isWeak(w) || modifiers.includes(w) || TABLE_WORDS.get(w) === field.def.table
      || [...known, ...field.description].some((k) => stemSimilarity(w, k) >= 0.8));
    const confidence = own >= SURE_SCORE && margin >= SURE_MARGIN && headsKnown && explained ? 'sure' : 'unsure';
    return { column, header, target, confidence, alternatives };
  });
}
