import { formatCount, formatDate, formatPercent, joinDanish } from './format';
import { DEFAULT_THRESHOLDS, type Thresholds } from './report/thresholds';
import { danishHolidays, type HolidayOptions } from './holidays';
import { BARNETS_LOV_FROM, RULES, type ParamDef } from './rules/catalog';
import { RULE_TEXTS } from './rules/catalog-texts';
import { STATUS_LABEL } from './rules/labels';
import type { RuleId, RuleStatus, ScreeningSettings, SubjectKind } from './rules/types';
import { DESIGN_TEXTS, ESTIMATE_TEXTS } from './sampling/design-texts';
import { describeDesign, describeMargin } from './sampling/describe';
import { copenhagenPlans, PRESETS } from './sampling/presets';

/**
 * Metode og hjælp, generated from the rule catalog, the settings and the sampling designs, so the
 * text cannot drift from the code that screens and samples. Pure: the page renders what this
 * gives; the committee note is plain text to paste.
 */

const SUBJECT_LABEL: Record<SubjectKind, string> = {
  notification: 'underretning',
  investigation: 'børnefaglig undersøgelse',
  measure: 'foranstaltning',
  actionPlan: 'handleplan',
  supervisionVisit: 'tilsynsbesøg',
};

const UNIT_WORDS: Record<ParamDef['unit'], [string, string]> = {
  timer: ['time', 'timer'],
  hverdage: ['hverdag', 'hverdage'],
  måneder: ['måned', 'måneder'],
  dage: ['dag', 'dage'],
};

/** `4, 'måneder'` → "4 måneder"; `1, 'måneder'` → "1 måned". */
export const formatParam = (value: number, unit: ParamDef['unit']): string => formatCount(value, ...UNIT_WORDS[unit]);

export interface RuleMethod {
  id: RuleId;
  name: string;
  localStandard: boolean;
  /** Switched on in this workspace's settings. */
  enabled: boolean;
  subject: string;
  sel: string;
  bl: string;
  scope: string;
  /** The deadline or condition with this workspace's parameter values put in. */
  condition: string;
  params: { label: string; value: string; law: string; changed: boolean }[];
  /** The workspace's local standards derived from this rule, by name with their values. */
  localStandards: { name: string; params: string }[];
}

/** `{key}` in a rule's text → the parameter's value with its unit. An unknown key is a bug in the catalog text. */
export function fillParams(text: string, defs: readonly ParamDef[], values: Readonly<Record<string, number>>): string {
  return text.replace(/\{(\w+)\}/g, (_, key: string) => {
    const def = defs.find((d) => d.key === key);
    if (!def) throw new RangeError(`no parameter "${key}" in the rule's catalog entry`);
    return formatParam(values[key] ?? def.law, def.unit);
  });
}

/** Every rule of the catalog, in its order, with the workspace's settings. */
export function ruleMethods(settings: ScreeningSettings): RuleMethod[] {
  return RULES.map((rule) => {
    const values = { ...Object.fromEntries(rule.params.map((p) => [p.key, p.law])), ...settings.params[rule.id] };
    const text = RULE_TEXTS[rule.id];
    return {
      id: rule.id,
      name: rule.name,
      localStandard: rule.localStandard === true,
      enabled: settings.enabled[rule.id] !== false,
      subject: SUBJECT_LABEL[rule.subject],
      sel: rule.legalRef.SEL,
      bl: rule.legalRef.BL,
      scope: text.scope,
      condition: fillParams(text.condition, rule.params, values),
      params: rule.params.map((p) => ({ label: p.label, value: formatParam(values[p.key]!, p.unit), law: formatParam(p.law, p.unit), changed: values[p.key] !== p.law })),
      localStandards: settings.localStandards.filter((s) => s.baseRuleId === rule.id).map((s) => ({
        name: s.name,
        params: rule.params.map((p) => `${p.label}: ${formatParam(s.params[p.key] ?? values[p.key]!, p.unit)}`).join('; '),
      })),
    };
  });
}

/** What each status means and how it counts in the rate (RULES.md "Results"). */
const STATUS_TEXT: Record<RuleStatus, string> = {
  met: 'gjort inden fristen, eller betingelsen er opfyldt. Tæller som overholdt.',
  metWithException: 'ikke gjort, men en lovlig undtagelse er dokumenteret (f.eks. en begrundet undladt børnesamtale). Tæller som overholdt og vises for sig, som i Børnesagsbarometeret.',
  breached: 'ikke gjort til tiden, gjort for sent, eller betingelsen er ikke opfyldt. Tæller som ikke overholdt.',
  pending: 'ikke gjort endnu, og fristen er efter skæringsdatoen. Tæller ikke med; vises i Frister med dage tilbage.',
  notApplicable: 'kravet gælder ikke denne sag. Tæller ikke med.',
  unknown: 'et felt, kravet skal bruge, er tomt. Tæller ikke med og vises som datakvalitet.',
};

export interface MethodSection {
  id: string;
  title: string;
  paragraphs: string[];
  items?: string[];
}

/** The holidays of a year with store bededag (2023), the optional ones as the workspace has them. */
function holidayNames(options: HolidayOptions): string[] {
  return danishHolidays(2023, options).map((h) => (h.name === 'store bededag' ? 'store bededag (til og med 2023)' : h.name));
}

/** The sections on law, results, dates, intervals, the heat map and comparisons. */
/** `thresholds`: the heat map's bands in whole percent (the workspace's setting, report/thresholds.ts). */
export function generalSections(settings: ScreeningSettings, thresholds: Thresholds = DEFAULT_THRESHOLDS): MethodSection[] {
  const from = formatDate(BARNETS_LOV_FROM);
  const pct = (percent: number) => formatPercent(percent / 100, 0);
  return [
    {
      id: 'lovgrundlag', title: 'Serviceloven og Barnets Lov',
      paragraphs: [
        `Børnedelen af Serviceloven gjaldt til og med dagen før ${from}; Barnets Lov gælder fra ${from}. Hvert krav vurderes efter den lov, der gjaldt på den dato, der udløste kravet: underretningens modtagelse, undersøgelsens begyndelse, foranstaltningens afgørelse (eller start). Hvert resultat viser loven og paragraffen.`,
        'Løbende pligter (løbende opfølgning og personrettet tilsyn) citeres efter den lov, der gjaldt, da pligten skulle opfyldes; en anbringelse fra 2020 citerer derfor Barnets Lov for sine besøg i 2025.',
      ],
    },
    {
      id: 'resultater', title: 'Resultater og procentsatser',
      paragraphs: [
        'Hvert krav vurderes for hver sag, det gælder (hver underretning, undersøgelse, foranstaltning, plan eller hvert besøg), på skæringsdatoen. Overholdelsesprocenten er overholdt ÷ (overholdt + ikke overholdt).',
        'Mangler en hel tabel i udtrækket (f.eks. handleplaner), bliver kravet ukendt, ikke overskredet: fravær af data er ikke bevis for, at noget ikke er gjort.',
      ],
      items: (Object.keys(STATUS_TEXT) as RuleStatus[]).map((s) => `${STATUS_LABEL[s]}: ${STATUS_TEXT[s]}`),
    },
    {
      id: 'datoer', title: 'Sådan regnes fristerne',
      paragraphs: [
        `Måneder: fristen er datoen det antal kalendermåneder senere; findes dagen ikke i måneden, bruges månedens sidste dag (${formatDate('2023-10-31')} + 4 måneder = ${formatDate('2024-02-29')}). Fristdagen selv er rettidig.`,
        'Timer: 24 timer fra modtagelsen. Kendes kun datoen, er det rettidigt samme eller næste kalenderdag («kun dato»).',
        `Hverdage: mandag til fredag, der ikke er helligdage. Modtagelsesdagen tæller ikke med: 6 hverdage efter mandag ${formatDate('2024-03-04')} er tirsdag ${formatDate('2024-03-12')}. Helligdage i dette arbejdsområde: ${joinDanish(holidayNames(settings.holidays))}. Grundlovsdag, juleaftensdag og nytårsaftensdag er valgfrie (Indstillinger → Regler i screeningen).`,
        'Alle datoer er danske kalenderdatoer. Et tomt felt, som en frist skal regnes fra, giver resultatet ukendt; der regnes aldrig på en tom dato.',
      ],
    },
    {
      id: 'interval', title: 'Totaltælling og interval',
      paragraphs: [
        'En screening gennemgår alle sager i udtrækket: det er en totaltælling, og procentsatsen har ingen stikprøveusikkerhed. Det 95 %-interval, der vises ved den (Wilson), siger, hvor meget satsen kunne svinge af tilfældige grunde fra én periode til den næste med samme praksis, og er det, en sammenligning bruger.',
        'En stikprøve gennemgår kun nogle sager. Procentsatsen er et skøn over alle sagerne, og 95 %-intervallet er det område, den sande sats med 95 % sikkerhed ligger i. Jo færre sager, jo bredere interval: ' + describeMargin([{ population: 812, drawn: 20 }], { kind: 'simple', n: 20 }) + '.',
      ],
      items: (Object.keys(ESTIMATE_TEXTS) as (keyof typeof ESTIMATE_TEXTS)[]).map((k) => ESTIMATE_TEXTS[k]),
    },
    {
      id: 'varmekort', title: 'Sådan læses varmekortet',
      paragraphs: [
        'Varmekortet på Overblik viser overholdelsen for hvert krav (række) og hver enhed (kolonne) i den valgte screening. Hver celle viser procentsatsen og n, antallet af sager, der tæller med, og åbner sagerne bag. En celle med få sager kan skifte farve af tilfældige grunde: se n og intervallet, før der konkluderes.',
        'Farven står aldrig alene: hver celle har også et tegn, og rød er skraveret, så kortet kan læses i gråtoner og af farveblinde. Grænserne sættes under Indstillinger.',
      ],
      items: [
        `Grøn (✓): ${pct(thresholds.green)} eller mere.`,
        `Gul (!): fra ${pct(thresholds.yellow)} til under ${pct(thresholds.green)}.`,
        `Rød (✕): under ${pct(thresholds.yellow)}.`,
        'Grå (–): ingen sager at beregne en procentsats på.',
      ],
    },
    {
      id: 'sammenligning', title: 'Sammenligning af to perioder',
      paragraphs: [
        'Sammenlign viser ændringen i procentpoint fra den første til den anden screening eller runde med et 95 %-interval for ændringen (Newcombes metode, bygget af de to satsers egne intervaller, så en vægtet stikprøve bidrager med sin egen usikkerhed). Indeholder intervallet ikke 0, står der «Signifikant ændring»: ændringen er større, end tilfældet kan forklare. Ellers står der «Ingen sikker ændring».',
      ],
    },
  ];
}

export interface DesignMethod {
  name: string;
  text: string;
  usedFor: string;
}

/** Every design, and the ready-made presets as the Stikprøver page offers them. */
export function designMethods(): { designs: DesignMethod[]; presets: { name: string; text: string }[] } {
  return {
    designs: Object.values(DESIGN_TEXTS),
    presets: [
      ...copenhagenPlans().map((p) => ({ name: `Københavnermodellen, ${p.name}`, text: describeDesign(p.design) })),
      { name: 'Risikobaseret ledelsestilsyn', text: describeDesign(PRESETS.riskBased) },
      { name: 'Alle løbende sikkerhedsplaner', text: describeDesign(PRESETS.safetyPlans) },
      { name: 'Ankestyrelsens praksisundersøgelse', text: describeDesign(PRESETS.ankestyrelsen) },
      { name: 'Krydsgennemgang', text: describeDesign(PRESETS.exchange) },
    ],
  };
}

export interface NoteInput {
  workspace: string;
  /** The screening the numbers come from; null: none yet. */
  asOf: string | null;
  settings: ScreeningSettings;
}

/** A method paragraph a leader can paste into a committee note. */
export function committeeNote({ workspace, asOf, settings }: NoteInput): string {
  const rules = ruleMethods(settings).filter((r) => r.enabled);
  const legal = rules.filter((r) => !r.localStandard).length;
  const local = rules.length - legal + settings.localStandards.length;
  const from = formatDate(BARNETS_LOV_FROM);
  return [
    `Metode. Tallene for ${workspace} er opgjort med Tilsynsbænken${asOf ? ` ved en screening pr. ${formatDate(asOf)}` : ''}. Screeningen gennemgår alle sager i kommunens udtræk (en totaltælling) mod ${formatCount(legal, 'lovkrav', 'lovkrav')} fra Serviceloven og Barnets Lov${local ? ` og ${formatCount(local, 'lokal standard', 'lokale standarder')}, som er kommunens egne mål og ikke lovkrav` : ''}. Hvert krav vurderes efter den lov, der gjaldt på den dato, der udløste det (Barnets Lov fra ${from}).`,
    'En overholdelsesprocent er andelen af overholdte krav blandt de sager, hvor kravet kunne vurderes. Krav, hvis frist endnu ikke er udløbet, og sager med manglende oplysninger tæller ikke med, men oplyses for sig.',
    'Tal fra ledelsestilsynets stikprøver er skøn og angives med et 95 %-konfidensinterval, beregnet efter stikprøvens design; en målrettet udvælgelse gælder kun de udvalgte sager. En ændring mellem to perioder kaldes signifikant, når 95 %-intervallet for forskellen ikke indeholder 0.',
  ].join('\n\n');
}
