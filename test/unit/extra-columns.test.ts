import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SourceCell } from '../../src/domain/source';
import { sampleColumns, suggestColumns } from '../../src/io/mapping';
import { readSourceFile } from '../../src/io/read-file';
import { DIALECT_DIR, listDialects } from '../../scripts/dialects/measure';

/**
 * Precision first (issue 14, point 1): real extracts carry columns that are no field of ours. Put
 * beside a full set of true columns, or where the field each resembles is missing, none of them
 * may be matched sure to a field; unsure (the user checks) or none is fine.
 */
const DATES: SourceCell[] = ['03-02-2024', '17.05.2024', '2024-08-30', '11-11-2024', '02-01-2025'];
const YES_NO: SourceCell[] = ['J', 'N', 'N', 'J', 'N'];
const TEXT: SourceCell[] = ['Se journal', 'Afventer', 'Ikke relevant', 'Drøftet med leder', 'Se notat'];
const NAMES: SourceCell[] = ['Hanne Jensen', 'Peter Hansen', 'Mette Larsen', 'Ole Nielsen', 'Susanne Berg'];
const NUMBERS: SourceCell[] = [12500, 3400, 870, 22000, 5600];
const PLACES: SourceCell[] = ['Aarhus', 'Odense', 'Vejle', 'Horsens', 'Skanderborg'];

const EXTRA: [string, SourceCell[]][] = [
  ['Klage modtaget', DATES], ['Ankestyrelsen afgørelse', TEXT], ['Samvær med far', TEXT], ['Samværsaftale', YES_NO],
  ['Sagsbehandlers telefon', ['86 12 34 56', '87 65 43 21', '86 11 22 33', '89 40 10 10', '86 99 88 77']],
  ['Skole', PLACES], ['Skolens navn', ['Vestre Skole', 'Åby Skole', 'Rosenvængets Skole', 'Bakkeskolen', 'Skjoldhøjskolen']],
  ['Forældremyndighed', ['Fælles', 'Mor', 'Far', 'Fælles', 'Mor']], ['Mors navn', NAMES], ['Fars adresse', ['Vestergade 1', 'Nørregade 12', 'Søndergade 3', 'Østergade 40', 'Bakken 2']],
  ['Journalnotat seneste', DATES], ['Bevilget beløb', NUMBERS], ['Udgift pr. måned', NUMBERS], ['Leverandør', ['Opholdsstedet Lyngly', 'Familiehuset', 'Privat plejefamilie', 'Opholdsstedet Lyngly', 'Familiehuset']],
  ['Anbringelsessted navn', ['Opholdsstedet Lyngly', 'Solsikken', 'Plejefamilien Holm', 'Solsikken', 'Bøgely']],
  ['Tolk nødvendig', YES_NO], ['Sprog', ['Dansk', 'Arabisk', 'Dansk', 'Somali', 'Dansk']], ['Statsborgerskab', ['Dansk', 'Syrisk', 'Dansk', 'Dansk', 'Polsk']],
  ['Kommune (betalings)', PLACES], ['Handlekommune', PLACES], ['Opholdskommune', PLACES], ['Netværksmøde dato', DATES], ['Børnesamtale note', TEXT],
  ['Sidste login', DATES], ['Oprettet af', NAMES], ['Ændret dato', DATES], ['Dokumenter antal', [3, 17, 42, 8, 1]], ['Status på sag', ['Åben', 'Lukket', 'Åben', 'Åben', 'Verserende']],
  ['Paragraf', ['§ 52, stk. 3, nr. 7', '§ 50', '§ 11', '§ 52, stk. 3, nr. 3', '§ 76']], ['Klagefrist', DATES], ['Partshøring sendt', DATES], ['Aktindsigt anmodet', DATES],
  ['Statsforvaltning', TEXT], ['Psykolog tilknyttet', YES_NO], ['PPR-udtalelse modtaget', DATES], ['Sundhedsplejerske', NAMES], ['Diagnose', ['ADHD', 'Autisme', 'Ingen', 'Angst', 'ADHD']],
  ['Medicin', YES_NO], ['Misbrug i familien', YES_NO], ['Børnehus inddraget', YES_NO], ['Politianmeldelse', DATES], ['Sagsbehandler skiftet', DATES],
  ['Underretters telefon', ['20 30 40 50', '30 40 50 60', '40 50 60 70', '50 60 70 80', '60 70 80 90']], ['Foranstaltning udgift', NUMBERS], ['Indsats leverandør', TEXT],
  ['Handleplan revideret af', NAMES], ['Tilsyn udført af', NAMES], ['Antal underretninger', [1, 4, 2, 7, 3]], ['Barnets skole', PLACES], ['Barnets læge', NAMES],
];

/** The two wide dialects that spell every register: their headers and sampled values. */
const WIDE = listDialects().filter((d) => d.name === 'dubu-bred-1252' || d.name === 'nexus-bred').map((truth) => {
  const d = truth as typeof truth & { file: string };
  const read = readSourceFile(new Uint8Array(readFileSync(join(DIALECT_DIR, d.file))), d.file);
  if (!read.ok) throw new Error(read.message);
  const sheet = read.value.sheets[0]!;
  return { name: d.name, headers: sheet.headers, samples: sampleColumns(sheet), truth: d.sheets[0]!.columns };
});

/** Each extra column matched, with its position last among the dialect's columns. */
function extraMatch(headers: string[], samples: SourceCell[][], extra: [string, SourceCell[]]) {
  const all = suggestColumns([...headers, extra[0]], 'wide', [...samples, extra[1]]);
  return all[all.length - 1]!;
}

describe('columns that are no field of ours', () => {
  it('holds at least 40 of them', () => {
    expect(new Set(EXTRA.map(([h]) => h)).size).toBeGreaterThanOrEqual(40);
    expect(WIDE).toHaveLength(2);
  });

  const cases = WIDE.flatMap((d) => EXTRA.map((extra) => ({ dialect: d, extra, label: `${d.name}: ${extra[0]}` })));

  it('are never matched sure beside a full set of true columns, nor where the field they resemble is missing', () => {
    const sure: string[] = [];
    for (const { dialect, extra, label } of cases) {
      const full = extraMatch(dialect.headers, dialect.samples, extra);
      if (full.confidence === 'sure') sure.push(`${label} → ${full.target} (alle kolonner)`);
      // The field it would resemble: its best target when the sheet had nothing else.
      const alone = suggestColumns([extra[0]], 'wide', [extra[1]])[0]!.target ?? full.target;
      const keep = dialect.truth.map((c, at) => (c.target === alone ? -1 : at)).filter((at) => at >= 0);
      const without = extraMatch(keep.map((at) => dialect.headers[at]!), keep.map((at) => dialect.samples[at]!), extra);
      if (without.confidence === 'sure') sure.push(`${label} → ${without.target} (uden ${alone})`);
    }
    console.log(`Ekstra kolonner sikre: ${sure.length} af ${cases.length * 2}\n${sure.join('\n')}`);
    expect(sure).toEqual([]);
  }, 60_000);
});

describe('words a header may add without lowering a sure match', () => {
  const suggest = (header: string, role: 'measures' | 'followUps' | 'notifications' | 'cases') =>
    suggestColumns([header], role, [DATES]).map((c) => [c.target, c.confidence ?? null])[0]!;

  it('keeps filler such as "truffet" and "registreret" sure, and a compound\'s first part', () => {
    expect(suggest('Afgørelse truffet (dato)', 'measures')).toEqual(['measures.decisionDate', 'sure']);
    expect(suggest('Opfølgning registreret', 'followUps')).toEqual(['followUps.date', 'sure']);
    expect(suggestColumns(['Myndighedsteam'], 'cases').map((c) => c.confidence)).toEqual(['sure']);
  });

  it('leaves a word the field does not explain unsure: "Klage modtaget" is not the notification\'s receipt', () => {
    expect(suggest('Klage modtaget', 'notifications')).toEqual(['notifications.receivedAt', 'unsure']);
    expect(suggest('Modtaget', 'notifications')[0]).toBe('notifications.receivedAt');
  });
});
