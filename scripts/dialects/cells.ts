// Cell writers for the dialects: how a canonical value looks in one system's extract.
import type { DialectColumn, OutCell } from './write';

type Write = DialectColumn['write'];

const parts = (iso: string) => ({ y: iso.slice(0, 4), m: iso.slice(5, 7), d: iso.slice(8, 10), t: iso.slice(11, 16) });

export const dmy: Write = (v) => (v === null ? null : (({ y, m, d }) => `${d}-${m}-${y}`)(parts(v as string)));
export const dotted: Write = (v) => (v === null ? null : (({ y, m, d }) => `${d}.${m}.${y}`)(parts(v as string)));
export const slashed: Write = (v) => (v === null ? null : (({ y, m, d }) => `${d}/${m}/${y}`)(parts(v as string)));
export const iso: Write = (v) => (v === null ? null : (v as string).slice(0, 10));
export const excelDate: Write = (v) => (v === null ? null : { date: v as string });
export const dmyTime: Write = (v) => (v === null ? null : (({ y, m, d, t }) => (t ? `${d}-${m}-${y} ${t}` : `${d}-${m}-${y}`))(parts(v as string)));
export const dottedKl: Write = (v) => (v === null ? null : (({ y, m, d, t }) => (t ? `${d}.${m}.${y} kl. ${t.replace(':', '.')}` : `${d}.${m}.${y}`))(parts(v as string)));
export const isoTime: Write = (v) => (v === null ? null : (v as string).replace('T', ' '));
export const text: Write = (v) => (v === null ? null : String(v));
export const number: Write = (v) => (v === null ? null : (v as number));

/** A yes/no written with the system's own words; unknown as `unknown` (blank by default). */
export const yesNo = (yes: OutCell, no: OutCell, unknown: OutCell = null): Write => (v) => (v === null ? unknown : v ? yes : no);

/** A choice written with the system's words for each code. */
export const words = (map: Record<string, string>, unknown: OutCell = null): Write => (v) => (v === null ? unknown : map[v as string] ?? `?${String(v)}`);

/** Drops the time of a date-time: a system that keeps only the day. */
export const dayOnly = (v: unknown) => (v as string).slice(0, 10);

/** A column the workbench has no field for, filled from the row's record. */
export const extra = (header: string, fill: (record: Record<string, unknown> | undefined) => OutCell): DialectColumn => ({ header, target: null, write: (_v, r) => fill(r) });

export const col = (header: string, target: string, write: Write, reduce?: (v: unknown) => unknown): DialectColumn => ({ header, target, write, reduce });
