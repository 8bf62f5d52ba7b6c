import type { SampleRecord } from '../domain/records';
import { caseReason, protocolLines } from '../domain/sampling/describe';
import { extensionsOf, outOfScopeOf } from '../domain/sampling/draw';
import { writeWorkbook } from './xlsx-write';

/** A sample's case list and its protocol as an .xlsx file: what goes to the reviewers and into the file. */
export function sampleWorkbook(sample: SampleRecord, demo: boolean): Uint8Array {
  const { protocol } = sample;
  const strata = new Map(protocol.strata.map((s) => [s.key, s]));
  const out = new Set(outOfScopeOf(sample));
  const exchange = protocol.design.kind === 'exchange';
  const header = ['Sagsnr', 'Enhed', 'Gruppe', 'Sagsbehandler', 'Stratum', 'Inklusionssandsynlighed', 'Erstatning for', 'Uden for målgruppen', ...(exchange ? ['Gennemgås af'] : []), 'Hvorfor med'];
  const rows = sample.cases.map((c) => [
    c.caseNumber, c.unit, c.group, c.caseworker, c.stratum, c.probability, c.replaces ?? null, out.has(c.caseNumber) ? 'Ja' : 'Nej',
    ...(exchange ? [c.reviewedBy ?? null] : []), caseReason(c, strata.get(c.stratum), protocol.design, protocol.nestedIn),
  ]);
  return writeWorkbook([
    { name: 'Stikprøve', filter: true, widths: [16, 26, 14, 22, 30, 12, 16, 10, ...(exchange ? [26] : []), 70], rows: [header, ...rows] },
    {
      name: 'Protokol',
      widths: [34, 80],
      rows: [
        ...protocolLines(protocol, extensionsOf(sample), out.size),
        [],
        ['Stratum', 'Sager i stratum (N_h)', 'Udtrukket (n_h)', 'Hele stratum taget'],
        ...protocol.strata.map((s) => [s.key, s.population, s.drawn, s.takenWhole ? 'Ja' : 'Nej']),
      ],
    },
  ], `Stikprøve: ${protocol.round}`, { demo });
}
