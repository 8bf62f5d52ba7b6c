import { formatBytes, formatNumber } from './format';
import { fail, ok, type Result } from './result';

/**
 * What a file must stay within before it is parsed at all. A hostile or broken file is refused
 * from a cheap scan of its bytes, so it can neither freeze the page nor fill the memory.
 */
export interface ImportLimits {
  /** The largest file read, in bytes. */
  maxFileBytes: number;
  /** A zip (xlsx, ods): the largest total of its entries unpacked, in bytes. */
  maxUnpackedBytes: number;
  /** A zip: how many times larger than packed an entry may unpack (ordinary sheets: 5–50). */
  maxPackRatio: number;
  /** Columns in a sheet or a CSV line. */
  maxColumns: number;
  /** The longest line of a CSV file, in bytes. */
  maxLineBytes: number;
  /** The longest cell, in characters (Excel's own limit is 32,767). */
  maxCellChars: number;
  /** An extract with fewer cases than this share of the workspace's asks before cases are marked as gone. */
  shrinkShare: number;
}

export const DEFAULT_IMPORT_LIMITS: Readonly<ImportLimits> = {
  maxFileBytes: 200_000_000,
  maxUnpackedBytes: 1_000_000_000,
  maxPackRatio: 200,
  maxColumns: 1_000,
  maxLineBytes: 1_000_000,
  maxCellChars: 32_767,
  shrinkShare: 0.1,
};

/** Entries unpacking to less than this are never refused for their ratio: a page of blanks packs 1,000 to 1. */
export const RATIO_FLOOR_BYTES = 10_000_000;

/** A byte count as the messages show it: "52 MB", "1 MB", "1,5 kB". */
export const bytesText = (bytes: number): string => formatBytes(bytes).replace(/,0(?=\u00a0)/, '');

/** A file larger than the limit, refused before its bytes are read (the page checks `File.size` with this too). */
export function tooLarge(size: number, limits: ImportLimits): string | undefined {
  return size > limits.maxFileBytes
    ? `Filen fylder ${bytesText(size)}; grænsen er ${bytesText(limits.maxFileBytes)}. Er det et rigtigt udtræk, kan grænsen hæves under Indstillinger → Grænser for importfiler.`
    : undefined;
}

interface LimitField {
  key: keyof ImportLimits;
  label: string;
  /** Shown and typed in this unit: bytes are asked in MB, the share in per cent. */
  unit: 'MB' | 'antal' | '%';
  min: number;
  max: number;
}

/** The limits the Indstillinger page shows, in the order it shows them. */
export const LIMIT_FIELDS: readonly LimitField[] = [
  { key: 'maxFileBytes', label: 'Største fil', unit: 'MB', min: 1, max: 2_000 },
  { key: 'maxUnpackedBytes', label: 'Største udpakkede indhold af et regneark (xlsx, ods)', unit: 'MB', min: 1, max: 4_000 },
  { key: 'maxPackRatio', label: 'Største pakningsforhold for en del af et regneark', unit: 'antal', min: 10, max: 1_000 },
  { key: 'maxColumns', label: 'Flest kolonner', unit: 'antal', min: 10, max: 16_384 },
  { key: 'maxLineBytes', label: 'Længste linje i en CSV-fil', unit: 'MB', min: 0.01, max: 100 },
  { key: 'maxCellChars', label: 'Flest tegn i en celle', unit: 'antal', min: 100, max: 32_767 },
  { key: 'shrinkShare', label: 'Spørg før sager markeres som væk, når udtrækket har færre sager end', unit: '%', min: 0, max: 100 },
];

const SCALE: Record<LimitField['unit'], number> = { MB: 1_000_000, antal: 1, '%': 0.01 };

/** A limit as typed on the page ("1,5" MB, "10" %). */
export const limitShown = (field: LimitField, limits: ImportLimits): string => formatNumber(limits[field.key] / SCALE[field.unit], field.unit === 'MB' ? 2 : 0).replace(/(,\d*?)0+$/, '$1').replace(/,$/, '');

/** Reads the typed limits; every value within its field's bounds, or a Danish message naming the field. */
export function parseLimits(typed: Readonly<Record<keyof ImportLimits, string>>): Result<ImportLimits> {
  const limits = { ...DEFAULT_IMPORT_LIMITS };
  for (const field of LIMIT_FIELDS) {
    const text = typed[field.key].trim().replace(/\./g, '').replace(',', '.');
    const value = Number(text);
    if (text === '' || !Number.isFinite(value) || value < field.min || value > field.max) {
      return fail(`${field.label}: skriv et tal fra ${formatNumber(field.min, field.min < 1 ? 2 : 0)} til ${formatNumber(field.max)}${field.unit === 'antal' ? '' : ` ${field.unit}`}.`);
    }
    limits[field.key] = field.unit === 'antal' ? Math.round(value) : Math.round(value * SCALE[field.unit] * 1000) / 1000;
  }
  return ok(limits);
}

/** Stored limits, each missing or odd one replaced by its default (a setting saved by an older version). */
export function limitsOf(stored: unknown): ImportLimits {
  const limits = { ...DEFAULT_IMPORT_LIMITS };
  if (stored && typeof stored === 'object') {
    for (const field of LIMIT_FIELDS) {
      const value = (stored as Record<string, unknown>)[field.key];
      if (typeof value === 'number' && Number.isFinite(value) && value >= 0) limits[field.key] = value;
    }
  }
  return limits;
}

/**
 * The question asked before an extract with far fewer cases than the workspace marks the rest as
 * no longer present (a header-only file, a filtered or half-saved extract); undefined when there is
 * nothing to ask. `share` is the setting: fewer than this share of the workspace's cases asks.
 */
export function shrinkQuestion(held: number, inFile: number, gone: number, share: number): string | undefined {
  if (gone === 0 || held === 0 || inFile >= held * share) return undefined;
  const file = inFile === 0 ? 'Udtrækket har ingen sager (kun overskrifter eller tomme rækker)' : `Udtrækket har kun ${formatNumber(inFile)} ${inFile === 1 ? 'sag' : 'sager'}`;
  return `${file}, men arbejdsområdet har ${formatNumber(held)}. Importeres det, markeres ${formatNumber(gone)} ${gone === 1 ? 'sag' : 'sager'} som "Ikke længere i udtrækket". Importér kun, hvis udtrækket er fuldstændigt.`;
}

/** Thrown inside the import's transaction, so nothing is written, when `shrinkQuestion` has a question and it was not answered. */
export class ShrinkNotConfirmed extends Error {
  override name = 'ShrinkNotConfirmed';
}
