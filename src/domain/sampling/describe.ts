import { formatCount, formatDate, formatDateTime, formatNumber, formatPercent, joinDanish } from '../format';
import type { Design, SampledCase, StratumField, StratumPlan } from './draw';
import { designMargin, type AttributePlan } from './plan';
import type { SampleProtocol } from './protocol';

/** Designs, cases and margins in the Danish words of the protocol and the Samples page. */

export const STRATUM_LABEL: Record<StratumField, { one: string; many: string }> = {
  unit: { one: 'enhed', many: 'enheder' },
  group: { one: 'gruppe', many: 'grupper' },
  caseworker: { one: 'sagsbehandler', many: 'sagsbehandlere' },
  risk: { one: 'risikobånd', many: 'risikobånd' },
};

const share = (fraction: number) => formatPercent(fraction, 0);

/** "1 stratum", "2 strata". */
export const formatStrata = (count: number) => formatCount(count, 'stratum', 'strata');

export function describeDesign(design: Design): string {
  switch (design.kind) {
    case 'simple':
      return `Simpel tilfældig stikprøve: ${formatCount(design.n, 'sag', 'sager')}`;
    case 'stratified': {
      const others = Object.entries(design.sizes ?? {}).map(([key, n]) => `${key}: ${n}`);
      return `Stratificeret efter ${STRATUM_LABEL[design.by].one}: ${design.perStratum} pr. ${STRATUM_LABEL[design.by].one}${others.length ? ` (${others.join(', ')})` : ''}`;
    }
    case 'proportional':
      return `Proportional fordeling efter ${STRATUM_LABEL[design.by].one}: ${formatCount(design.n, 'sag', 'sager')} i alt${design.atLeastOne ? ', mindst 1 pr. ' + STRATUM_LABEL[design.by].one : ''}`;
    case 'risk':
      return `Risikostratificeret${design.perUnit === undefined ? '' : ' i hver enhed'}: ${share(design.fractions.høj)} af høj, ${share(design.fractions.mellem)} af mellem og ${share(design.fractions.lav)} af lav risiko, mindst ${design.minimum} pr. bånd${design.perUnit === undefined ? '' : ` og mindst ${design.perUnit} pr. enhed`}`;
    case 'targeted':
      return 'Målrettet: alle sager, der opfylder filteret (totaltælling af filteret)';
    case 'exchange':
      return `Krydsgennemgang: hver enhed gennemgår ${formatCount(design.perGroup, 'sag', 'sager')} fra hver af grupperne ${joinDanish(design.groups)} i en anden enhed (enhederne parres tilfældigt; ved et ulige antal går tre på omgang)`;
  }
}

/** Why a case is in the sample: the sentence shown beside it and written into the export. `nestedIn`: the sample it was drawn from. */
export function caseReason(c: SampledCase, stratum: StratumPlan | undefined, design: Design, nestedIn: string | null = null): string {
  if (design.kind === 'targeted') return 'Opfylder filteret; alle sådanne sager er med';
  const where = stratum && stratum.key !== 'alle' ? ` i ${stratum.key}` : '';
  const from = nestedIn ? ` fra stikprøven «${nestedIn}»` : '';
  const parts = [
    c.replacement
      ? `Erstatning for ${c.replaces ?? 'en sag'} uden for målgruppen: den næste${where} i samme tilfældige rækkefølge`
      : !stratum ? 'Tilfældigt udtrukket'
      : stratum.takenWhole ? `Alle ${formatNumber(stratum.population)} sager${where}${from} er med${stratum.short ? ' (færre end ønsket)' : ''}`
      : `Tilfældigt udtrukket: ${formatNumber(stratum.drawn)} af ${formatNumber(stratum.population)}${where}${from}`,
  ];
  if (nestedIn || !(stratum?.takenWhole ?? false)) parts.push(`${nestedIn ? 'samlet sandsynlighed' : 'sandsynlighed'} ${formatPercent(c.probability)}`);
  if (c.reviewedBy) parts.push(`gennemgås af ${c.reviewedBy}`);
  return parts.join('; ');
}

/** "20 sager af 143 giver ca. ±21 procentpoint": the margin a fixed size gives at 95 %, for a rate of 50 %. */
export function describeMargin(strata: readonly { population: number; drawn: number }[], design: Design): string {
  const drawn = strata.reduce((sum, s) => sum + s.drawn, 0);
  const population = strata.reduce((sum, s) => sum + s.population, 0);
  if (design.kind === 'targeted') return `Totaltælling af ${formatCount(population, 'sag', 'sager')}: ingen stikprøveusikkerhed, men resultatet gælder kun filteret`;
  if (design.kind === 'exchange') return `${formatCount(drawn, 'sag', 'sager')} til læring på tværs; for få pr. enhed til en procentsats med lille usikkerhed`;
  const margin = designMargin(strata);
  if (margin === null) return drawn === 0 ? 'Ingen sager at trække' : 'Ikke alle strata får sager, så der kan ikke beregnes en samlet usikkerhed';
  if (margin === 0) return `Alle ${formatCount(population, 'sag', 'sager')} gennemgås: ingen stikprøveusikkerhed`;
  return `${formatCount(drawn, 'sag', 'sager')} af ${formatNumber(population)} giver ca. ±${formatNumber(Math.round(margin * 100))} procentpoint (95 % sikkerhed, ved en andel omkring 50 %)`;
}

/** The protocol as label–value lines, the same on the page and in the export. */
export function protocolLines(protocol: SampleProtocol, extensions: readonly { at: string; design: Design }[] = [], outOfScope = 0): [string, string][] {
  const drawn = protocol.strata.reduce((sum, s) => sum + s.drawn, 0);
  const lines: [string, string][] = [
    ['Runde', protocol.round],
    ['Trukket af', protocol.drawnBy],
    ['Trukket', formatDateTime(new Date(protocol.drawnAt))],
    ['Design', describeDesign(protocol.design)],
    ['Frø', String(protocol.seed)],
    ['Population', protocol.filter],
    ['Sager i populationen (N)', formatNumber(protocol.population)],
    ['Udtrukne sager (n)', formatNumber(drawn)],
    ['Usikkerhed', describeMargin(protocol.strata, protocol.design)],
  ];
  for (const e of protocol.exclusions) lines.push(['Udeladt', `${e.reason}: ${formatCount(e.count, 'sag', 'sager')}`]);
  if (protocol.exclusions.length === 0 && !protocol.nestedIn) lines.push(['Udeladt', 'Ingen'] as [string, string]);
  if (protocol.nestedIn) lines.push(['Trukket fra', protocol.nestedIn]);
  if (protocol.riskScreening) lines.push(['Risikobånd fra', `Screeningen pr. ${formatDate(protocol.riskScreening.asOf)}`]);
  if (outOfScope > 0) lines.push(['Uden for målgruppen', `${formatCount(outOfScope, 'sag', 'sager')}, erstattet i samme tilfældige rækkefølge`]);
  for (const e of extensions) lines.push(['Udvidet', `${formatDateTime(new Date(e.at))} til ${describeDesign(e.design).replace(/^[^:]+: /, '')} med samme frø`]);
  lines.push(
    ['SHA-256 af populationens sagsnumre', protocol.populationSha256],
    ['Tilsynsbænken version', protocol.appVersion],
    ['Regelsæt', protocol.ruleSetVersion ?? 'ukendt'],
  );
  return lines;
}

const confidenceText = (confidence: number) => formatPercent(confidence, 0).replace('\u00a0', ' ');

/** The planner's answer for a margin: "Du skal bruge 93 sager …". */
export function describeSizeForMargin(n: number, margin: number, confidence: number, population: number): string {
  const of = population === Infinity ? '' : ` (af ${formatCount(population, 'sag', 'sager')})`;
  return `Du skal bruge ${formatCount(n, 'sag', 'sager')}${of} for at kende andelen inden for ±${formatNumber(margin * 100, margin * 100 < 1 ? 1 : 0)} procentpoint med ${confidenceText(confidence)} sikkerhed.`;
}

/** The planner's answer for attribute sampling: how many cases to show the deviation rate is below the tolerable one. */
export function describeAttributePlan(plan: AttributePlan, tolerable: number, expected: number, confidence: number, population: number): string {
  const model = plan.model === 'hypergeometric' ? `hypergeometrisk, N = ${formatNumber(population)}` : 'binomial, ukendt N';
  if (plan.n === null) return `Ingen stikprøve kan vise det: selv med alle sager gennemgået og ${formatCount(expected, 'fejl', 'fejl')} er fejlandelen ikke sikkert under ${formatPercent(tolerable)} (${model}).`;
  return `Gennemgå ${formatCount(plan.n, 'sag', 'sager')}: finder du højst ${formatCount(expected, 'fejl', 'fejl')}, er fejlandelen med ${confidenceText(confidence)} sikkerhed under ${formatPercent(tolerable)} (${model}).`;
}
