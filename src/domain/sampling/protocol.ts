import { addMonths } from '../calendar';
import type { IsoDate } from '../types';
import type { Design, Draw, SampleCase } from './draw';

/**
 * The sample protocol (stikprøveprotokol, SAMPLING.md "Documented"): everything needed to defend
 * a sample and to draw it again, stored with it and printed in every export.
 */
export interface SampleProtocol {
  drawnBy: string;
  drawnAt: string;
  round: string;
  design: Design;
  seed: number;
  /** The population filter in words, e.g. "Aktive sager i Enhed Nord, 1. kvartal 2026". */
  filter: string;
  population: number;
  strata: Draw['strata'];
  exclusions: { reason: string; count: number }[];
  /** SHA-256 of `populationKeyText` of the population drawn from. */
  populationSha256: string;
  appVersion: string;
  ruleSetVersion: string | null;
  /** The screening the risk bands came from, when the design uses them. */
  riskScreening: { id: string; asOf: IsoDate } | null;
  /** The round whose sample this one is drawn from (nested design). */
  nestedIn: string | null;
}

/** The text whose SHA-256 identifies a population: its case numbers, sorted, one a line. */
export const populationKeyText = (population: readonly Pick<SampleCase, 'caseNumber'>[]): string =>
  population.map((c) => c.caseNumber).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).join('\n');

export interface ExclusionOptions {
  /** Leave out cases reviewed within this many months before `asOf` (in any round); `lastReviewed` says when each case last was. */
  reviewedWithinMonths?: number;
  lastReviewed?: ReadonlyMap<string, IsoDate>;
  /** Leave out cases closed on or before `asOf`. */
  excludeClosed?: boolean;
  asOf: IsoDate;
}

/** Removes the cases the options exclude, counting each reason (a case counts once, for its first reason). */
export function applyExclusions<T extends SampleCase & { closedAt?: IsoDate | null }>(population: readonly T[], options: ExclusionOptions): { kept: T[]; exclusions: { reason: string; count: number }[] } {
  const since = options.reviewedWithinMonths === undefined ? undefined : addMonths(options.asOf, -options.reviewedWithinMonths);
  const CLOSED = 'Lukket';
  const RECENT = `Med i et tilsyn inden for ${options.reviewedWithinMonths} måneder`;
  // Every exclusion asked for is counted, also when it removed nothing: the protocol shows it was applied.
  const counts = new Map<string, number>([...(options.excludeClosed ? [[CLOSED, 0] as const] : []), ...(since !== undefined ? [[RECENT, 0] as const] : [])]);
  const kept = population.filter((c) => {
    let reason: string | undefined;
    const reviewed = options.lastReviewed?.get(c.caseNumber);
    if (options.excludeClosed && c.closedAt != null && c.closedAt <= options.asOf) reason = CLOSED;
    else if (since !== undefined && reviewed !== undefined && reviewed > since) reason = RECENT;
    if (reason) counts.set(reason, (counts.get(reason) ?? 0) + 1);
    return reason === undefined;
  });
  return { kept, exclusions: [...counts].map(([reason, count]) => ({ reason, count })) };
}
