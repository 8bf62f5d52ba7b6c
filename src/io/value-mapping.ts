/**
 * Value mapping (issue 14, point 2): how the values of a choice or yes/no column are read. A
 * case system writes its own words ("Ingen videre handling", "Iværksat forebyggende indsats efter
 * § 32", "J"); each distinct value gets a suggested reading with a confidence, the user accepts
 * or changes it, and the accepted readings travel in `ColumnMapping.values` to the transform.
 */
import { fieldByKey, MEASURE_KIND_SYNONYMS, OUTCOME_SYNONYMS, type FieldType } from '../domain/fields';
import { formatNumber } from '../domain/format';
import { valueKey, type ImportMapping, type UnknownValueCount } from '../domain/mapping';
import type { SourceCell, SourceSheet, SourceWorkbook } from '../domain/source';
import { parseCell } from './values';
import { templateValue } from './canonical-sheets';

/** The field types whose values are read through a value mapping. */
export const hasValueReadings = (type: FieldType | undefined): boolean => type === 'bool' || type === 'measureKind' || type === 'outcome';

export interface DistinctValue {
  /** The value as the file first spells it. */
  value: string;
  /** `valueKey(value)`: the key a reading is saved under. */
  key: string;
  count: number;
}

/**
 * How sure a reading is. `known`: the importer reads the value this way by itself (Ja/Nej, the
 * DATA.md spellings); `sure`: the matcher's reading may be accepted without a look; `unsure`: a
 * guess to check; `unknown`: no reading found, so the value is read as "ukendt" unless chosen.
 * A sure or known reading of null means the value itself says "unknown" ("Ved ikke").
 */
export type ValueHow = 'known' | 'sure' | 'unsure' | 'unknown';

export interface ValueSuggestion extends DistinctValue {
  /** A canonical code (see `ColumnMapping.values`) or null for "ukendt". */
  readAs: string | null;
  how: ValueHow;
  /** Other codes the value may mean, best first, for the top of the drop-down. */
  alternatives: string[];
}

const cellText = (cell: SourceCell): string => (typeof cell === 'boolean' ? (cell ? 'SAND' : 'FALSK') : String(cell).trim());

/** The distinct non-empty values of one column with their counts, commonest first (ties: file order). */
export function distinctValues(sheet: Pick<SourceSheet, 'rows'>, column: number): DistinctValue[] {
  const byKey = new Map<string, DistinctValue>();
  for (const row of sheet.rows) {
    const cell = row.cells[column] ?? null;
    const key = valueKey(cell);
    if (key === null) continue;
    const seen = byKey.get(key);
    if (seen) seen.count += 1;
    else byKey.set(key, { value: cellText(cell!), key, count: 1 });
  }
  return [...byKey.values()].sort((a, b) => b.count - a.count);
}

/** The codes a field's values can be read as, with their Danish labels, for the drop-down ("ukendt" is null and not listed). */
export function valueChoices(target: string): { code: string; label: string }[] {
  const def = fieldByKey.get(target);
  switch (def?.type) {
    case 'bool': return [{ code: 'true', label: 'Ja' }, { code: 'false', label: 'Nej' }];
    case 'measureKind': return Object.keys(MEASURE_KIND_SYNONYMS).map((code) => ({ code, label: String(templateValue(def, code)) }));
    case 'outcome': return Object.keys(OUTCOME_SYNONYMS).map((code) => ({ code, label: String(templateValue(def, code)) }));
    default: return [];
  }
}

/** A reading in Danish: "Ja", "forebyggende", "ukendt". */
export function readingLabel(target: string, code: string | null): string {
  return valueChoices(target).find((c) => c.code === code)?.label ?? 'ukendt';
}

/** The typed value a saved reading stands for; undefined when the code does not belong to the field. */
export function readingValue(type: FieldType, code: string | null): unknown {
  if (code === null) return null;
  if (type === 'bool') return code === 'true' ? true : code === 'false' ? false : undefined;
  const codes = type === 'measureKind' ? MEASURE_KIND_SYNONYMS : type === 'outcome' ? OUTCOME_SYNONYMS : {};
  return Object.hasOwn(codes, code) ? code : undefined;
}

// ---------------------------------------------------------------------------------------------
// The matcher

const fold = (text: string) => text.toLocaleLowerCase('da').replace(/æ/g, 'ae').replace(/ø/g, 'oe').replace(/å/g, 'aa').normalize('NFD').replace(/[\u0300-\u036f]/g, '');

/** Words, with "§ 32" kept as one token "§32" so a paragraph is not taken for a count. */
export function valueTokens(text: string): string[] {
  return fold(text).replace(/§+\s*/g, ' §').split(/[^a-z0-9§]+/).filter(Boolean);
}

/** Words that say "unknown" outright; a phrase of them is read as "ukendt", surely. */
const UNKNOWN_PHRASES = ['ukendt', 'ved ikke', 'uoplyst', 'ikke oplyst', 'ikke angivet', 'ikke udfyldt', 'ikke registreret', 'mangler', 'uafklaret', 'ikke relevant', 'na', 'n a', 'ia', 'i a'];
const UNKNOWN_SET = new Set(UNKNOWN_PHRASES);
const UNKNOWN_SIGNS = /^[-–?.\s]+$/;
const NEGATIONS = new Set(['ingen', 'ikke', 'uden', 'intet']);

/** Stems (word beginnings, folded) and paragraph tokens that point to a code. */
type Vocabulary = Record<string, { stems: readonly string[]; paragraphs?: readonly string[] }>;

const OUTCOME_WORDS: Vocabulary = {
  investigation: { stems: ['undersoeg', 'bfu', 'boernefaglig'], paragraphs: ['§50', '§20'] },
  preventive: { stems: ['forebyg', 'tidlig'], paragraphs: ['§11', '§30', '§32'] },
  existingCase: { stems: ['eksisterende', 'kendt', 'verserende', 'igangvaerende', 'allerede', 'aaben', 'aktiv'] },
  none: { stems: ['ingen', 'henlag', 'henlaeg', 'intet', 'afsluttet', 'lukket'] },
};

const MEASURE_WORDS: Vocabulary = {
  placement: {
    stems: ['anbring', 'anbragt', 'plejefamil', 'plejeforaeldr', 'netvaerkspleje', 'opholdssted', 'doegn', 'institution', 'kostskole', 'efterskole'],
    paragraphs: ['§46'],
  },
  preventive: {
    stems: ['forebyg', 'familiebehandl', 'aflastning', 'kontaktperson', 'stoett', 'praktisk', 'paedagogisk', 'hjemmebas', 'konsulent', 'mentor', 'behandling', 'familieraadgiv', 'raadgivning'],
    paragraphs: ['§32', '§11', '§30'],
  },
  safetyPlan: { stems: ['sikkerhedsplan'] },
  youthSanction: { stems: ['ungdomssanktion', 'sanktion'] },
  other: { stems: ['andet', 'anden', 'oevrig', 'diverse'] },
};

const YES_WORDS = new Set(['ja', 'j', 'x', '1', 'sand', 'true', 'yes', 'y']);
const NO_WORDS = new Set(['nej', 'n', '0', 'falsk', 'false', 'no']);

interface Guess { readAs: string | null; how: 'sure' | 'unsure' | 'unknown'; alternatives: string[] }
const NO_GUESS: Guess = { readAs: null, how: 'unknown', alternatives: [] };

function isUnknownWord(tokens: readonly string[], text: string): boolean {
  return UNKNOWN_SIGNS.test(text) || UNKNOWN_SET.has(tokens.join(' '));
}

/** A value that says "unknown" in any field ("-", "?", "Ved ikke", "Uoplyst"): no sign of what the column is. */
export function saysUnknown(cell: SourceCell): boolean {
  if (typeof cell !== 'string') return false;
  const tokens = valueTokens(cell);
  return tokens.length === 0 || isUnknownWord(tokens, cell.trim());
}

/**
 * A choice value: each code scores one per word or paragraph of its vocabulary; a word after
 * "ingen"/"ikke"/"uden" counts for `none` instead (outcomes only: "Ingen undersøgelse"). One code
 * hit is sure; several are unsure, ranked by hits and then by which comes first.
 */
function guessChoice(tokens: readonly string[], vocabulary: Vocabulary, negatedTo: string | null): Guess {
  const hits = new Map<string, { count: number; first: number }>();
  const hit = (code: string, at: number) => {
    const seen = hits.get(code);
    hits.set(code, seen ? { count: seen.count + 1, first: seen.first } : { count: 1, first: at });
  };
  tokens.forEach((token, at) => {
    for (const [code, words] of Object.entries(vocabulary)) {
      const matches = token.startsWith('§') ? words.paragraphs?.includes(token) : words.stems.some((stem) => token.startsWith(stem));
      if (!matches) continue;
      const negated = negatedTo !== null && code !== negatedTo && tokens.slice(Math.max(0, at - 2), at).some((t) => NEGATIONS.has(t));
      hit(negated ? negatedTo! : code, at);
    }
  });
  const ranked = [...hits.entries()].sort((a, b) => b[1].count - a[1].count || a[1].first - b[1].first).map(([code]) => code);
  if (ranked.length === 0) return NO_GUESS;
  return { readAs: ranked[0]!, how: ranked.length === 1 ? 'sure' : 'unsure', alternatives: ranked.slice(1) };
}

/**
 * A yes/no value: a first word Ja/J/X/1/Nej/N/0… decides surely ("Ja, dokumenteret", "Nej –
 * ikke relevant"). "Ikke X" is no, and X then yes, surely when the column has both; either alone
 * is a guess.
 */
function guessBool(tokens: readonly string[], keys: ReadonlySet<string>): Guess {
  const first = tokens[0]!;
  if (YES_WORDS.has(first)) return { readAs: 'true', how: 'sure', alternatives: ['false'] };
  if (NO_WORDS.has(first)) return { readAs: 'false', how: 'sure', alternatives: ['true'] };
  if (NEGATIONS.has(first) && tokens.length > 1) {
    const rest = tokens.slice(1).join(' ');
    return { readAs: 'false', how: keys.has(rest) ? 'sure' : 'unsure', alternatives: ['true'] };
  }
  const phrase = tokens.join(' ');
  if (tokens.some((t) => NEGATIONS.has(t))) return { readAs: 'false', how: 'unsure', alternatives: ['true'] };
  if (keys.has(`ikke ${phrase}`)) return { readAs: 'true', how: 'sure', alternatives: ['false'] };
  return NO_GUESS;
}

/**
 * Suggests a reading of each distinct value of a column mapped to `target` (a choice or yes/no
 * field). Values the importer reads by itself are `known`.
 */
export function suggestValueReadings(target: string, values: readonly (Pick<DistinctValue, 'value' | 'count'> & { key?: string })[]): ValueSuggestion[] {
  const def = fieldByKey.get(target);
  if (!def || !hasValueReadings(def.type)) return [];
  const folded = new Set(values.map((v) => valueTokens(v.value).join(' ')));
  return values.map((v) => {
    const key = v.key ?? valueKey(v.value) ?? '';
    const base = { value: v.value, key, count: v.count };
    const parsed = parseCell(def.type, v.value);
    if (parsed.ok) {
      const readAs = parsed.value === null ? null : String(parsed.value);
      return { ...base, readAs, how: 'known', alternatives: [] };
    }
    const tokens = valueTokens(v.value);
    if (tokens.length === 0 || isUnknownWord(tokens, v.value)) return { ...base, readAs: null, how: 'sure', alternatives: [] };
    const guess = def.type === 'bool' ? guessBool(tokens, folded)
      : guessChoice(tokens, def.type === 'outcome' ? OUTCOME_WORDS : MEASURE_WORDS, def.type === 'outcome' ? 'none' : null);
    return { ...base, ...guess };
  });
}

/** The readings to save when the user accepts the suggestions of the given confidence (known values need none). */
export function acceptedReadings(suggestions: readonly ValueSuggestion[], accept: readonly ValueHow[] = ['sure']): Record<string, string | null> {
  const readings: Record<string, string | null> = {};
  for (const s of suggestions) if (s.how !== 'known' && accept.includes(s.how)) readings[s.key] = s.readAs;
  return readings;
}

/**
 * The import report's lines on values read as "ukendt", one per column, commonest value first:
 * "37 værdier i 'Resultat' læst som ukendt (30 × «Afventer», 7 × «?»)".
 */
export function unknownValueLines(counts: readonly UnknownValueCount[], shownValues = 3): string[] {
  const byColumn = new Map<string, UnknownValueCount[]>();
  for (const c of counts) byColumn.set(`${c.sheet}\u0000${c.column}`, [...(byColumn.get(`${c.sheet}\u0000${c.column}`) ?? []), c]);
  return [...byColumn.values()].map((list) => {
    const sorted = [...list].sort((a, b) => b.count - a.count);
    const total = sorted.reduce((sum, c) => sum + c.count, 0);
    const shown = sorted.slice(0, shownValues).map((c) => `${formatNumber(c.count)} × «${c.value}»`);
    const more = sorted.length > shownValues ? ` og ${formatNumber(sorted.length - shownValues)} andre` : '';
    return `${formatNumber(total)} ${total === 1 ? 'værdi' : 'værdier'} i '${list[0]!.column}' læst som ukendt (${shown.join(', ')}${more})`;
  });
}

/**
 * The mapping with the suggested readings of every choice and yes/no column accepted (by default
 * the sure ones), as the headless command and the dialect test use it. Readings already in the
 * mapping win.
 */
export function withSuggestedReadings(mapping: ImportMapping, workbook: SourceWorkbook, accept: readonly ValueHow[] = ['sure']): ImportMapping {
  return {
    sheets: mapping.sheets.map((sheetMapping) => {
      const sheet = workbook.sheets.find((s) => s.name === sheetMapping.sheet);
      if (!sheet || sheetMapping.role === 'ignore') return sheetMapping;
      return {
        ...sheetMapping,
        columns: sheetMapping.columns.map((column) => {
          if (!column.target || !hasValueReadings(fieldByKey.get(column.target)?.type)) return column;
          const readings = acceptedReadings(suggestValueReadings(column.target, distinctValues(sheet, column.column)), accept);
          const values = { ...readings, ...column.values };
          return Object.keys(values).length ? { ...column, values } : column;
        }),
      };
    }),
  };
}
