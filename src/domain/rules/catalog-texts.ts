import type { RuleId } from './types';

/**
 * The rule catalog's words for Metode og hjælp (RULES.md "The rules"): which subjects a rule
 * concerns (its scope) and how its deadline or condition is worked out, in plain Danish. Beside
 * `RULES` (catalog.ts) rather than in it so the catalog's rows stay one line each; a `Record` over
 * every rule id, so a new rule does not compile without its text.
 *
 * `{key}` stands for the rule's parameter `key` (catalog.ts `params`): the page puts in the
 * workspace's value with its unit ("4 måneder"), so a changed setting changes the text, and a test
 * checks that every parameter is named in its rule's text and nothing else is.
 */
export interface RuleText {
  /** The subjects the rule is evaluated for, and what happens outside them. */
  scope: string;
  /** The deadline or condition: the date arithmetic in words. */
  condition: string;
}

export const RULE_TEXTS: Record<RuleId, RuleText> = {
  UND_24T: {
    scope: 'Hver underretning.',
    condition: 'Underretningen skal være vurderet senest {hours} efter modtagelsen. Er kun datoen kendt (ikke klokkeslættet), er vurderingen rettidig, hvis den er sket samme eller næste kalenderdag, og begrundelsen siger «kun dato». Med en lokal standard under 24 timer giver kun en dato resultatet ukendt.',
  },
  UND_KVIT: {
    scope: 'Underretninger fra en fagperson (feltet er ja). Nej giver ikke relevant, et tomt felt giver ukendt.',
    condition: 'Fagpersonen skal have kvittering senest {workingDays} efter modtagelsesdagen. Modtagelsesdagen tæller ikke med, og kun hverdage tæller (se «Hverdage» nedenfor).',
  },
  UND_STILLING: {
    scope: 'Underretninger, hvis udfald er «ingen» eller «forebyggende». Et tomt udfald giver ukendt.',
    condition: 'Der skal være taget stilling til en forebyggende indsats (feltet er ja).',
  },
  BFU_4M: {
    scope: 'Hver børnefaglig undersøgelse.',
    condition: 'Undersøgelsen skal være afsluttet senest {months} efter, at den begyndte. Begyndelsen er datoen for påbegyndt; mangler den, sagens opmærksomhedsdato; mangler også den, den første underretnings modtagelsesdato. Begrundelsen siger, hvilken dato der er brugt.',
  },
  BFU_FORELOEBIG: {
    scope: 'Undersøgelser, hvis frist efter reglen om 4 måneder er overskredet. Er den ukendt, er denne også ukendt; er den overholdt eller afventer den, er denne ikke relevant.',
    condition: 'Der skal foreligge en foreløbig vurdering senest {toleranceDays} efter undersøgelsens frist.',
  },
  BFU_FOER_ANBR: {
    scope: 'Anbringelser, der ikke er akutte (akut er ikke ja).',
    condition: 'En børnefaglig undersøgelse af sagen skal være afsluttet senest på afgørelsesdatoen (mangler den, startdatoen).',
  },
  PLAN_RETTIDIG: {
    scope: 'Anbringelser og forebyggende foranstaltninger.',
    condition: 'En handleplan eller barnets plan for sagen (knyttet til foranstaltningen eller til ingen) skal være dateret senest på fristen. Serviceloven: fristen er afgørelsesdatoen (mangler den, startdatoen); ved en akut anbringelse startdatoen + {urgentMonths}. Barnets Lov: anbringelse uden samtykke: afgørelsesdatoen (ellers startdatoen); med samtykke: afgørelsesdatoen + {consentMonths} (tomt samtykke giver ukendt); forebyggende støtte: kun når en plan er påkrævet, afgørelsesdatoen + {preventiveMonths} (nej giver ikke relevant, tomt giver ukendt). Ingen plan til fristen: overskredet, hvis der findes en senere plan eller fristen er passeret, ellers afventer.',
  },
  PLAN_JOURNAL: {
    scope: 'Hver handleplan.',
    condition: 'Planen skal være journaliseret (feltet er ja).',
  },
  PLAN_DELT: {
    scope: 'Anbringelser.',
    condition: 'De relevante dele af planen skal være givet til anbringelsesstedet (feltet er ja).',
  },
  SAMTALE_FOER_AFG: {
    scope: 'Foranstaltninger med en afgørelsesdato. Uden afgørelsesdato: ikke relevant.',
    condition: 'Børnesamtalen holdt senest på afgørelsesdatoen giver overholdt. Ellers giver en dokumenteret begrundelse for at undlade samtalen «overholdt (undtagelse)». Ellers (nej eller tomt) er kravet overskredet med afgørelsesdatoen som frist: en samtale, der hverken er dokumenteret eller begrundet fravalgt, tæller som manglende overholdelse, som i Ankestyrelsens Børnesagsbarometer.',
  },
  BISIDDER: {
    scope: 'Foranstaltninger med en afgørelsesdato.',
    condition: 'Barnet skal være vejledt om retten til en bisidder (feltet er ja).',
  },
  FORAELDRE_VEJL: {
    scope: 'Anbringelser.',
    condition: 'Forældrene skal være vejledt om deres rettigheder (feltet er ja): ved anbringelse uden samtykke efter reglerne om tvang, ved anbringelse med samtykke som informeret samtykke.',
  },
  ANBR_STED: {
    scope: 'Anbringelser.',
    condition: 'Valget af anbringelsessted skal være begrundet (feltet er ja).',
  },
  SAMVAER: {
    scope: 'Anbringelser.',
    condition: 'Samværet skal være afgjort, eller rammen for det fastlagt (feltet er ja).',
  },
  OPF_FOERSTE: {
    scope: 'Anbringelser og forebyggende foranstaltninger. En foranstaltning, der sluttede før fristen, er ikke relevant.',
    condition: 'Den første opfølgning (for sagen, knyttet til foranstaltningen eller til ingen, dateret på eller efter starten) skal ligge senest på fristen. Serviceloven: startdatoen + {months}. Barnets Lov: det tidligste af startdatoen + {months} og afslutningen af en børnefaglig undersøgelse, der var begyndt senest på startdatoen og blev afsluttet efter den. Ingen opfølgning endnu: overskredet efter fristen, ellers afventer.',
  },
  OPF_LOEBENDE: {
    scope: 'Anbringelser og forebyggende foranstaltninger med mindst én opfølgning. Uden opfølgning: ikke relevant (se første opfølgning).',
    condition: 'Der må højst gå et interval mellem to opfølgninger, og højst et interval fra den sidste opfølgning til skæringsdatoen (eller foranstaltningens afslutning, hvis den er tidligere). Serviceloven: {selMonths}. Barnets Lov: den kadence, der blev fastsat ved den første opfølgning; er ingen fastsat, kommunens standard på {defaultCadenceMonths}, og begrundelsen siger «kommunens standard». Kravet citeres efter den lov, der gjaldt, da opfølgningen skulle ske.',
  },
  TILSYN_2X: {
    scope: 'Anbringelser.',
    condition: 'Perioden er de 12 måneder op til skæringsdatoen (en indstilling kan vælge det seneste hele kalenderår). Den anbragte del af perioden går fra det seneste af starten og periodens første dag til det tidligste af afslutningen og skæringsdatoen. Har barnet været anbragt 12 måneder af den, kræves 2 tilsynsbesøg; mindst 6 måneder, 1 besøg; ellers er kravet ikke relevant. Overholdt, når sagens besøg i den anbragte del mindst er så mange. Fristen i fristoversigten er 6 måneder efter det seneste besøg (eller efter starten).',
  },
  TILSYN_SAMTALE: {
    scope: 'Hvert tilsynsbesøg.',
    condition: 'Barnet skal være talt med alene ved besøget (feltet er ja).',
  },
  SIKPLAN_GODKENDT: {
    scope: 'Sikkerhedsplaner.',
    condition: 'Overskredet, hvis ledelsen ikke har godkendt planen (nej), eller afgørelsen er truffet efter startdatoen. Ellers ukendt, hvis et af de to felter er tomt, og ellers overholdt.',
  },
  SIKPLAN_VARIGHED: {
    scope: 'Sikkerhedsplaner.',
    condition: 'Fristen er startdatoen + {maxMonths}. Afsluttet senest på fristen: overholdt. Afsluttet senere, eller stadig aktiv efter fristen: overskredet. Stadig aktiv før fristen: afventer.',
  },
};
