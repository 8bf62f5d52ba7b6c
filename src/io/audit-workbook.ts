import { describeChain, type AuditEntry, type ChainReport } from '../domain/audit';
import { actionLabel, describeDetails } from '../domain/audit-labels';
import { writeWorkbook, type OutDateTime } from './xlsx-write';

const pad = (n: number) => String(n).padStart(2, '0');

/** An ISO datetime as the user's clock shows it, for a real Excel date and time. */
export function localDateTime(at: string): OutDateTime {
  const d = new Date(at);
  return { dateTime: `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}` };
}

/**
 * The audit log as the Log page shows it, newest first: number, time (a real Excel date and time),
 * user, action and details in Danish, and each entry's checksum; and a sheet that says what the
 * chain was when it was exported, with the last checksum, to compare with the log later.
 */
export function auditWorkbook(entries: readonly AuditEntry[], chain: ChainReport, selection: string, exportedAt: string, demo: boolean): Uint8Array {
  return writeWorkbook([
    {
      name: 'Log', filter: true, freeze: { rows: 1, columns: 0 }, widths: [8, 17, 24, 30, 90, 66],
      rows: [
        ['Nr.', 'Tidspunkt', 'Bruger', 'Handling', 'Detaljer', 'Kontrolsum (SHA-256)'],
        ...entries.map((e) => [e.seq ?? null, localDateTime(e.at), e.by || '(ukendt)', actionLabel(e.action), describeDetails(e), e.hash ?? null]),
      ],
    },
    {
      name: 'Kontrol', widths: [28, 90],
      rows: [
        ['Kontrol af loggen', describeChain(chain)],
        ['Udvalg', selection],
        ['Poster i udvalget', entries.length],
        ['Poster i loggen', chain.entries],
        ['Seneste post', chain.head?.seq ?? null],
        ['Seneste kontrolsum', chain.head?.hash ?? null],
        ['Hentet', localDateTime(exportedAt)],
        ['Sådan bruges kontrolsummen', 'Skriv den seneste kontrolsum ned eller gem dette ark. Findes posten senere med en anden kontrolsum, eller mangler den, er loggen ændret.'],
      ],
    },
  ], 'Log', { demo });
}
