import { formatDate, formatNumber, joinDanish } from '../format';
import type { Report, ReportCell, ReportColumn } from './snapshot';
import type { EstimateMethod } from '../review/results';
import { RULES } from '../rules/catalog';

/**
 * How a stored report reads, the same on the page, in print and in the workbook: the words of
 * its methods, its period, its intervals and its column headings.
 */

export const METHOD_LABEL: Record<EstimateMethod, string> = {
  census: 'Totaltælling',
  wilson: 'Simpel tilfældig stikprøve (Wilson)',
  stratified: 'Stratificeret stikprøve',
  weighted: 'Delstikprøve (vægtet)',
};

/** "2024 K1, 2024 K2 og 2024 K3". */
export const periodText = (quarters: readonly string[]): string => joinDanish([...quarters]);

/** A share as percent with one decimal, e.g. 0.8318 → 83.2 (a number, so a sheet can still sort it). */
export const percentNumber = (share: number | null | undefined): number | null => (share === null || share === undefined ? null : Math.round(share * 1000) / 10);

/** The interval as text, "72,1–85,3"; a census says it has no sampling error. */
export function intervalText(cell: ReportCell | null, method: EstimateMethod): string {
  if (!cell || cell.rate === null) return '';
  if (!cell.ci) return method === 'census' ? 'totaltælling' : '';
  return `${formatNumber(cell.ci.low * 100, 1)}–${formatNumber(cell.ci.high * 100, 1)}`;
}

/** "Screening" or "Niveau 2"; a round without a level by its name. */
export const columnSource = (column: ReportColumn): string => (column.level === null ? column.source : `Niveau ${column.level}`);

/**
 * The method note of a report: census or sample, the interval, the regime and where the numbers
 * came from, in plain Danish. Written into the report when it is made, so it never drifts.
 */
export function methodNote(report: Pick<Report, 'screening' | 'rounds' | 'quarters' | 'units'>): [string, string][] {
  const lines: [string, string][] = [
    ['Periode', periodText(report.quarters)],
    ['Enheder', report.units.length ? joinDanish(report.units) : 'Alle enheder'],
  ];
  if (report.screening) {
    lines.push(
      ['Screening', `Alle sager i udtrækket screenet pr. ${formatDate(report.screening.asOf)} (${formatNumber(report.screening.caseCount)} sager, regelsæt ${report.screening.ruleSetVersion}).`],
      ['Totaltælling', 'En screening af alle sager er en totaltælling: andelen er ikke et skøn, og der er ingen stikprøveusikkerhed. Intervallet ved screeningens andele (Wilsons 95 %-interval) viser, hvor meget en andel af så mange sager kan svinge af tilfældige grunde fra kvartal til kvartal, så små enheder ikke læses for skarpt. Et resultat hører til kvartalet for dets frist, eller for den dato, der udløste det, når der ikke er en frist.'],
    );
  }
  for (const round of report.rounds) {
    lines.push([round.name, `${METHOD_LABEL[round.method]}${round.quarter ? `, ${round.quarter}` : ''}. Se arket med rundens stikprøveprotokol.`]);
  }
  lines.push(
    ['Andel', 'Overholdt (også med lovlig undtagelse) af overholdt og overskredet. Afventer, ikke relevant og ukendt tæller ikke med; n er antallet, der tæller med.'],
    ['Interval', '95 %-konfidensinterval. Simpel tilfældig stikprøve: Wilsons interval. Stratificeret stikprøve: den stratificerede estimator Σ W_h·p_h med dens varians. Delstikprøve: vægtet med inklusionssandsynlighederne. Tal pr. enhed: Wilsons interval for enhedens gennemgåede sager.'],
    ['Regime', 'Serviceloven (SEL) for forløb udløst før 01-01-2024, Barnets Lov (BL) fra 01-01-2024. Reglernes paragraffer efter begge love står i tabellen nedenfor.'],
    ['Personoplysninger', 'Rapporten indeholder ingen CPR-numre.'],
  );
  return lines;
}

/** The rules of the report with their paragraphs under both regimes, from the rule catalog. */
export function ruleParagraphs(ruleIds: readonly string[]): [string, string, string, string][] {
  return ruleIds.flatMap((id) => {
    const rule = RULES.find((r) => r.id === id);
    return rule ? [[rule.id, rule.name, rule.legalRef.SEL, rule.legalRef.BL] as [string, string, string, string]] : [];
  });
}
