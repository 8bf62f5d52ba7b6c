import { formatDateTime } from '../domain/format';
import type { Report, ReportCell } from '../domain/report/snapshot';
import { columnSource, intervalText, METHOD_LABEL, percentNumber, periodText, ruleParagraphs } from '../domain/report/layout';
import { ACTION_STATUS_LABEL } from '../domain/review/plan';
import { uniqueSheetName, writeWorkbook, type OutCell, type OutSheet } from './xlsx-write';

/**
 * The committee workbook (lovoverholdelsesrapport) of a stored report. The compliance sheet has a
 * row per rule and question and three columns per unit × quarter × source (the screening, or a
 * round's level): the rate in percent, n, and the 95 % interval. Then the method, a sheet per
 * sample protocol, the findings and the improvement plan. Made only from the snapshot, so the
 * same report gives the same workbook whenever it is downloaded.
 */

/** The rows above the compliance table's headings. */
export const COMPLIANCE_INTRO_ROWS = 5;
/** The heading rows: unit, quarter, source, then the three sub-columns' names. */
export const COMPLIANCE_HEADING_ROWS = 4;
/** Type, id, text and paragraphs, then the three columns of all units together. */
export const COMPLIANCE_LEAD_COLUMNS = 7;
export const SUB_COLUMNS = ['Andel (%)', 'n', '95 %-interval'] as const;

const triple = (cell: ReportCell | null, method: Report['rows'][number]['method']): OutCell[] =>
  cell ? [percentNumber(cell.rate), cell.counted, intervalText(cell, method)] : [null, null, null];

function complianceSheet(report: Report): OutSheet {
  const intro: OutCell[][] = [
    [`Lovoverholdelsesrapport: ${report.title}`],
    ['Kommune', report.kommune],
    ['Periode', periodText(report.quarters)],
    ['Lavet', `${formatDateTime(new Date(report.createdAt))} af ${report.createdBy}`],
    [],
  ];
  const lead = (a: string, b: string, c: string, d: string) => [a, b, c, d, 'Alle valgte enheder', null, null];
  const headings: OutCell[][] = [
    [...lead('', '', '', ''), ...report.columns.flatMap((c) => [c.unit, null, null])],
    [...lead('', '', '', ''), ...report.columns.flatMap((c) => [c.quarter, null, null])],
    [...lead('', '', '', ''), ...report.columns.flatMap((c) => [columnSource(c), null, null])],
    ['Type', 'Id', 'Regel / spørgsmål', 'Lovgrundlag', ...SUB_COLUMNS, ...report.columns.flatMap(() => [...SUB_COLUMNS])],
  ];
  const rows = report.rows.map((row) => [
    row.kind === 'rule' ? 'Regel' : 'Spørgsmål', row.id, row.label, row.legalRef, ...triple(row.total, row.method),
    ...row.cells.flatMap((cell) => triple(cell, row.method)),
  ]);
  return {
    name: 'Lovoverholdelse',
    rows: [...intro, ...headings, ...rows],
    widths: [10, 18, 50, 30, ...Array.from({ length: 3 * (report.columns.length + 1) }, (_, i) => [9, 6, 13][i % 3]!)],
    freeze: { rows: COMPLIANCE_INTRO_ROWS + COMPLIANCE_HEADING_ROWS, columns: 3 },
  };
}

function methodSheet(report: Report): OutSheet {
  const rules = report.rows.filter((r) => r.kind === 'rule').map((r) => r.id);
  return {
    name: 'Metode',
    widths: [24, 60, 30, 30],
    rows: [
      ...report.method,
      [],
      ['Kilde', 'Metode'],
      ...(report.screening ? [['Screening', METHOD_LABEL.census]] : []),
      ...report.rounds.map((r) => [r.name, METHOD_LABEL[r.method]]),
      [],
      ['Regel', 'Navn', 'Serviceloven (før 01-01-2024)', 'Barnets Lov (fra 01-01-2024)'],
      ...ruleParagraphs(rules),
    ],
  };
}

function protocolSheets(report: Report, used: Set<string>): OutSheet[] {
  return report.rounds.map((round) => ({
    name: uniqueSheetName(`Protokol ${round.level === null ? round.name : `niveau ${round.level}`}`, used),
    widths: [34, 80, 14, 14],
    rows: [
      ...round.protocol,
      [],
      ['Stratum', 'Sager i stratum (N_h)', 'Udtrukket (n_h)', 'Hele stratum taget'],
      ...round.strata.map((s) => [s.key, s.population, s.drawn, s.takenWhole ? 'Ja' : 'Nej']),
    ],
  }));
}

export function reportWorkbook(report: Report): Uint8Array {
  const used = new Set(['lovoverholdelse', 'metode', 'fund', 'udviklingsplan']);
  return writeWorkbook([
    complianceSheet(report),
    methodSheet(report),
    ...protocolSheets(report, used),
    {
      name: 'Fund', widths: [30, 16, 50, 26, 60, 22],
      rows: [['Runde', 'Sagsnr', 'Spørgsmål', 'Enhed', 'Bemærkning', 'Gennemgåer'], ...report.findings.map((f) => [f.round, f.caseNumber, f.question, f.unit, f.comment, f.reviewer])],
    },
    {
      name: 'Udviklingsplan', widths: [36, 50, 22, 12, 14, 12],
      rows: [
        ['Fokusområde', 'Handling', 'Ansvarlig', 'Frist', 'Status', 'Overskredet'],
        ...report.plan.map((p) => [p.area, p.action, p.owner, { date: p.deadline }, ACTION_STATUS_LABEL[p.status], p.overdue ? 'Ja' : 'Nej']),
      ],
    },
  ], `Lovoverholdelsesrapport: ${report.title}`, { demo: report.demo });
}
