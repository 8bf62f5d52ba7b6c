import { strFromU8, unzipSync } from 'fflate';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import type { DeadlineItem } from '../../src/domain/rules/deadlines';
import { deadlineWorkbook } from '../../src/io/deadline-workbook';

const item = (caseNumber: string, caseworker: string, deadline: string, daysLeft: number): DeadlineItem => ({
  caseNumber, ruleId: 'BFU_4M', subject: `investigation:${caseNumber}`, deadline, daysLeft, bucket: daysLeft < 0 ? 'overdue' : 'thisWeek',
  unit: 'Nord', caseworker, legalRef: 'Barnets Lov § 20', open: true,
});

describe('the Frister workbook', () => {
  // Made on Monday 25-11-2024: 20-11-2024 is 5 days over, 28-11-2024 in 3 days.
  const bytes = deadlineWorkbook(
    [item('S-1', 'Åse Påfund', '2024-11-20', -5), item('S-2', 'Bent Opdigtet', '2024-11-28', 3), item('S-3', 'Åse Påfund', '2024-11-28', 3)],
    () => 'Børnefaglig undersøgelse afsluttet inden 4 måneder', '2024-11-25', 'Viser åbne sager og overskredne skridt fra de seneste 3 måneder.', false,
  );
  const book = XLSX.read(bytes, { cellNF: true });

  it('has a sheet per caseworker in Danish order, saying which steps it holds', () => {
    expect(book.SheetNames).toEqual(['Bent Opdigtet', 'Åse Påfund']);
    const rows = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets['Åse Påfund']!, { header: 1, raw: false });
    expect(rows[0]).toEqual(['Frister pr. 25-11-2024. Viser åbne sager og overskredne skridt fra de seneste 3 måneder.']);
    expect(rows[1]).toEqual(['Sagsnr', 'Skridt', 'Frist', 'Dage', 'Status', 'Lovgrundlag', 'Enhed']);
    expect(rows.slice(2)).toEqual([
      ['S-1', 'Børnefaglig undersøgelse afsluttet inden 4 måneder', '20-11-2024', '5 dage over', 'Overskredet', 'Barnets Lov § 20', 'Nord'],
      ['S-3', 'Børnefaglig undersøgelse afsluttet inden 4 måneder', '28-11-2024', 'om 3 dage', 'Denne uge', 'Barnets Lov § 20', 'Nord'],
    ]);
  });

  it('writes deadlines as real Excel dates (20-11-2024 is serial 45616) and keeps the header in view', () => {
    expect(book.Sheets['Åse Påfund']!.C3).toMatchObject({ t: 'n', v: 45616, z: 'dd-mm-yyyy' });
    const xml = strFromU8(unzipSync(bytes)['xl/worksheets/sheet2.xml']!);
    expect(xml).toContain('<pane ySplit="2" topLeftCell="A3" activePane="bottomLeft" state="frozen"/>');
  });
});
