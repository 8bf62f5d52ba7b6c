import { dayNumber, fromDayNumber } from '../calendar';
import type { IsoDate } from '../types';
import { NONE } from './case-columns';
import { STATUSES, type Regime, type RuleResult, type RuleStatus } from './types';

/**
 * Rule results held as columns: typed arrays for the numbers and dates, small string tables for
 * what repeats (rule, case, paragraph). A screening of 100,000 cases has about a million results;
 * as objects they cost seconds of garbage collection and of IndexedDB cloning, as columns a few
 * typed arrays. `at(i)` gives the result back as a `RuleResult`, the same as the engine made it.
 */

const REGIMES: readonly (Regime | null)[] = [null, 'SEL', 'BL'];
const STATUS_INDEX = Object.fromEntries(STATUSES.map((s, i) => [s, i])) as Record<RuleStatus, number>;

/** Strings that repeat, numbered in order of first use. */
class StringTable {
  readonly values: string[];
  private readonly index = new Map<string, number>();
  constructor(values: readonly string[] = []) {
    this.values = [...values];
    this.values.forEach((v, i) => this.index.set(v, i));
  }
  private last: string | undefined;
  private lastId = -1;
  /** Results come a case and a rule at a time, so the value asked for is mostly the one before. */
  id(value: string): number {
    if (value === this.last) return this.lastId;
    let i = this.index.get(value);
    if (i === undefined) {
      i = this.values.length;
      this.values.push(value);
      this.index.set(value, i);
    }
    this.last = value;
    return (this.lastId = i);
  }
}

const COLUMNS = {
  rule: Uint16Array, caseIndex: Uint32Array, kind: Uint8Array, status: Uint8Array, regime: Uint8Array, legalRef: Uint16Array,
  missing: Uint16Array, deadline: Int32Array, doneAt: Int32Array, daysLate: Int32Array, trigger: Int32Array,
} as const;
type ColumnName = keyof typeof COLUMNS;
type Columns = { [K in ColumnName]: InstanceType<(typeof COLUMNS)[K]> };

/** What IndexedDB keeps of a table: structured-clonable, typed arrays cut to length. */
export interface StoredResultTable {
  length: number;
  columns: Columns;
  /** The event ids as one JSON array: cloning one string is far cheaper than cloning a million. */
  eventIds: string;
  ruleIds: string[];
  caseNumbers: string[];
  kinds: string[];
  legalRefs: string[];
  /** Lists of `table.field`, joined by commas; id 0 is "nothing missing". */
  missing: string[];
  basis: [number, string][];
}

const day = (date: IsoDate | null) => (date == null ? NONE : dayNumber(date));
const date = (day: number) => (day === NONE ? null : fromDayNumber(day));

export class ResultTable {
  private size = 0;
  private columns: Columns;
  private eventIds: string[] = [];
  /** Appended event ids still as JSON, read on first use: the page's first answer needs none. */
  private pendingIds: { start: number; json: string }[] = [];
  readonly ruleIds: StringTable;
  readonly caseNumbers: StringTable;
  readonly kinds: StringTable;
  readonly legalRefs: StringTable;
  private readonly missingLists: StringTable;
  /** Only explained results have a sentence; a large screening leaves them out. */
  private readonly basis = new Map<number, string>();

  constructor(stored?: StoredResultTable) {
    this.columns = stored?.columns ?? ResultTable.allocate(1024);
    this.size = stored?.length ?? 0;
    this.eventIds = stored ? (JSON.parse(stored.eventIds) as string[]) : [];
    this.ruleIds = new StringTable(stored?.ruleIds);
    this.caseNumbers = new StringTable(stored?.caseNumbers);
    this.kinds = new StringTable(stored?.kinds);
    this.legalRefs = new StringTable(stored?.legalRefs);
    this.missingLists = new StringTable(stored?.missing ?? ['']);
    for (const [i, text] of stored?.basis ?? []) this.basis.set(i, text);
  }

  static of(results: Iterable<RuleResult>): ResultTable {
    const table = new ResultTable();
    for (const r of results) table.push(r);
    return table;
  }

  private static allocate(capacity: number): Columns {
    return Object.fromEntries(Object.entries(COLUMNS).map(([name, Type]) => [name, new Type(capacity)])) as unknown as Columns;
  }

  get length(): number {
    return this.size;
  }

  /**
   * Adds one result, its repeating strings given by their numbers in this table's string tables
   * (the engine numbers them once per rule and case), its status by its index in STATUSES, its
   * dates as day numbers and its regime as 0 (none), 1 (SEL) or 2 (BL); NONE for no date or days
   * late. `kind` and `eventId` make the subject `kind:eventId`, so no subject string is built for
   * a result nobody looks at. `missing` is a list of `table.field` keys joined by commas.
   */
  add(
    rule: number, caseIndex: number, kind: number, eventId: string, status: number, deadline: number, doneAt: number,
    daysLate: number, trigger: number, regime: number, legalRef: number, basis: string, missing: string | undefined,
  ): void {
    if (this.size === this.columns.rule.length) this.grow();
    const i = this.size++;
    const c = this.columns;
    c.rule[i] = rule;
    c.caseIndex[i] = caseIndex;
    c.kind[i] = kind;
    this.eventIds[i] = eventId;
    c.status[i] = status;
    c.deadline[i] = deadline;
    c.doneAt[i] = doneAt;
    c.daysLate[i] = daysLate;
    c.trigger[i] = trigger;
    c.regime[i] = regime;
    c.legalRef[i] = legalRef;
    c.missing[i] = missing ? this.missingLists.id(missing) : 0;
    if (basis) this.basis.set(i, basis);
  }

  push(r: RuleResult): void {
    const colon = r.subject.indexOf(':');
    this.add(
      this.ruleIds.id(r.ruleId), this.caseNumbers.id(r.caseNumber), this.kinds.id(colon < 0 ? '' : r.subject.slice(0, colon)), colon < 0 ? r.subject : r.subject.slice(colon + 1),
      STATUS_INDEX[r.status], day(r.deadline), day(r.doneAt), r.daysLate ?? NONE, day(r.trigger), REGIMES.indexOf(r.regime ?? null), this.legalRefs.id(r.legalRef), r.basis,
      r.missing?.join(','),
    );
  }

  private grow(): void {
    const bigger = ResultTable.allocate(Math.max(1024, this.columns.rule.length * 2));
    for (const name of Object.keys(COLUMNS) as ColumnName[]) bigger[name].set(this.columns[name] as never);
    this.columns = bigger;
  }

  /** Adds another table's results after these (a share screened by another worker). */
  append(other: StoredResultTable): void {
    const remap = (from: readonly string[], to: StringTable) => from.map((value) => to.id(value));
    const maps: Partial<Record<ColumnName, number[]>> = {
      rule: remap(other.ruleIds, this.ruleIds), caseIndex: remap(other.caseNumbers, this.caseNumbers), kind: remap(other.kinds, this.kinds),
      legalRef: remap(other.legalRefs, this.legalRefs), missing: remap(other.missing, this.missingLists),
    };
    while (this.columns.rule.length < this.size + other.length) this.grow();
    for (const name of Object.keys(COLUMNS) as ColumnName[]) {
      const from = other.columns[name];
      const to = this.columns[name];
      const map = maps[name];
      // Shares screened with the same rules number their strings alike: then a plain copy will do.
      const offset = map?.length ? map[0]! : 0;
      if (!map || map.every((id, i) => id === offset + i)) {
        to.set(from.subarray(0, other.length) as never, this.size);
        if (offset) for (let i = 0; i < other.length; i++) to[this.size + i]! += offset;
      } else {
        for (let i = 0; i < other.length; i++) to[this.size + i] = map[from[i]!]!;
      }
    }
    this.pendingIds.push({ start: this.size, json: other.eventIds });
    for (const [i, text] of other.basis) this.basis.set(this.size + i, text);
    this.size += other.length;
  }

  /** The typed arrays of `toStored()`, to hand to another thread without copying them. */
  static transferables(stored: StoredResultTable): ArrayBuffer[] {
    return Object.values(stored.columns).map((column) => column.buffer as ArrayBuffer);
  }

  private ids(): string[] {
    for (const { start, json } of this.pendingIds) (JSON.parse(json) as string[]).forEach((id, i) => (this.eventIds[start + i] = id));
    this.pendingIds = [];
    return this.eventIds;
  }

  ruleId(i: number): string {
    return this.ruleIds.values[this.columns.rule[i]!]!;
  }
  caseNumber(i: number): string {
    return this.caseNumbers.values[this.columns.caseIndex[i]!]!;
  }
  status(i: number): RuleStatus {
    return STATUSES[this.columns.status[i]!]!;
  }
  subject(i: number): string {
    const kind = this.kinds.values[this.columns.kind[i]!]!;
    const id = this.ids()[i]!;
    return kind ? `${kind}:${id}` : id;
  }
  deadline(i: number): IsoDate | null {
    return date(this.columns.deadline[i]!);
  }
  doneAt(i: number): IsoDate | null {
    return date(this.columns.doneAt[i]!);
  }
  daysLate(i: number): number | null {
    const late = this.columns.daysLate[i]!;
    return late === NONE ? null : late;
  }
  trigger(i: number): IsoDate | null {
    return date(this.columns.trigger[i]!);
  }
  legalRef(i: number): string {
    return this.legalRefs.values[this.columns.legalRef[i]!]!;
  }
  missing(i: number): string[] | undefined {
    const id = this.columns.missing[i]!;
    return id === 0 ? undefined : this.missingLists.values[id]!.split(',');
  }

  at(i: number): RuleResult {
    const result: RuleResult = {
      ruleId: this.ruleId(i), caseNumber: this.caseNumber(i), subject: this.subject(i), status: this.status(i), deadline: this.deadline(i),
      doneAt: this.doneAt(i), daysLate: this.daysLate(i), regime: REGIMES[this.columns.regime[i]!]!, legalRef: this.legalRef(i),
      basis: this.basis.get(i) ?? '', trigger: this.trigger(i),
    };
    const missing = this.missing(i);
    if (missing) result.missing = missing;
    return result;
  }

  all(): RuleResult[] {
    return Array.from({ length: this.size }, (_, i) => this.at(i));
  }

  /** The indexes of the results that pass `keep`, in order. */
  where(keep: (i: number) => boolean): number[] {
    const found: number[] = [];
    for (let i = 0; i < this.size; i++) if (keep(i)) found.push(i);
    return found;
  }

  /** The index of a rule id in this table, or -1: lets a scan compare numbers instead of strings. */
  ruleIndex(ruleId: string): number {
    return this.ruleIds.values.indexOf(ruleId);
  }
  ruleIndexAt(i: number): number {
    return this.columns.rule[i]!;
  }
  statusIndexAt(i: number): number {
    return this.columns.status[i]!;
  }
  /** The deadline and trigger as day numbers (NONE: none): an aggregate over a million results makes no date strings. */
  deadlineDayAt(i: number): number {
    return this.columns.deadline[i]!;
  }
  triggerDayAt(i: number): number {
    return this.columns.trigger[i]!;
  }
  caseIndexAt(i: number): number {
    return this.columns.caseIndex[i]!;
  }

  toStored(): StoredResultTable {
    const columns = Object.fromEntries((Object.keys(COLUMNS) as ColumnName[]).map((name) => [name, this.columns[name].slice(0, this.size)])) as unknown as Columns;
    return {
      length: this.size, columns, eventIds: JSON.stringify(this.ids().slice(0, this.size)), ruleIds: this.ruleIds.values, caseNumbers: this.caseNumbers.values,
      kinds: this.kinds.values, legalRefs: this.legalRefs.values, missing: this.missingLists.values, basis: [...this.basis],
    };
  }
}
