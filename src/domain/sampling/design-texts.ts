import type { EstimateMethod } from '../review/results';
import type { Design } from './draw';

/**
 * Every sampling design of SAMPLING.md in plain Danish, for Metode og hjælp: a `Record` over the
 * design kinds of `Design` (draw.ts), so a new kind does not compile without its text. The
 * sub-sample (nested) is not a kind of its own: any design drawn from an earlier round's sample.
 */
export interface DesignText {
  name: string;
  /** What it does. */
  text: string;
  /** Where the design comes from in practice. */
  usedFor: string;
}

export const DESIGN_TEXTS: Record<Design['kind'] | 'nested', DesignText> = {
  simple: {
    name: 'Simpel tilfældig stikprøve',
    text: 'n sager trækkes tilfældigt uden tilbagelægning fra de sager, der opfylder filteret. Alle sager har samme chance for at komme med.',
    usedFor: 'Ankestyrelsens praksisundersøgelser.',
  },
  stratified: {
    name: 'Stratificeret med fast antal pr. stratum',
    text: 'Sagerne deles i strata (enhed, sagsbehandler, gruppe eller foranstaltningstype), og der trækkes et fast antal i hvert. Et stratum med færre sager end ønsket tages helt med og markeres. Resultatet vægtes med stratummets størrelse.',
    usedFor: 'Ledelsestilsyn niveau 2: 20 sager pr. enhed og 5 fra Døgnvagten. Med 1 sag pr. sagsbehandler: det månedlige driftstilsyn (niveau 1).',
  },
  proportional: {
    name: 'Stratificeret, proportional fordeling',
    text: 'Et samlet antal sager fordeles på strata i forhold til deres størrelse (største rest ved afrunding), om ønsket mindst 1 pr. stratum med sager.',
    usedFor: 'Temperaturmålinger på tværs af enheder.',
  },
  risk: {
    name: 'Risikostratificeret',
    text: 'Sagerne deles i risikobånd ud fra den seneste screening (høj: et overskredet krav, en løbende sikkerhedsplan eller en anbringelse uden samtykke; mellem: en løbende anbringelse eller et krav, screeningen ikke kunne afgøre; lav: resten). Der trækkes en større andel af høj risiko end af lav, og resultatet vægtes tilbage med båndenes størrelse.',
    usedFor: 'Risikobaseret ledelsestilsyn med mindst 20 sager pr. enhed om året.',
  },
  targeted: {
    name: 'Målrettet udvælgelse (totaltælling af et filter)',
    text: 'Alle sager, der opfylder et filter, gennemgås, f.eks. alle løbende sikkerhedsplaner på en dato. Det er ikke en stikprøve: resultatet gælder kun de udvalgte sager og må ikke overføres til andre sager.',
    usedFor: 'Gennemgang af alle sager med sikkerhedsplan.',
  },
  exchange: {
    name: 'Krydsgennemgang mellem enheder',
    text: 'Enhederne parres tilfældigt, så ingen enhed gennemgår sig selv, og hver enhed gennemgår et fast antal sager fra hver gruppe i en anden enhed. Formålet er læring; der er for få sager pr. enhed til en sikker procentsats.',
    usedFor: 'Ledelsestilsyn på tværs af enheder.',
  },
  nested: {
    name: 'Delstikprøve af en tidligere runde',
    text: 'Populationen er en tidligere rundes stikprøve, og der trækkes n sager af den (simpelt eller stratificeret). Hver sags samlede udvælgelsessandsynlighed er produktet af de to træk, og resultatet vægtes med den.',
    usedFor: 'Ledelsestilsyn niveau 3 (60 sager fra niveau 2) og niveau 4 (30 fra niveau 3).',
  },
};

/** How a round's rate and interval are computed (review/results.ts `methodFor`). */
export const ESTIMATE_TEXTS: Record<EstimateMethod, string> = {
  wilson: 'Simpel stikprøve: andelen af overholdte blandt de gennemgåede sager med Wilsons 95 %-interval.',
  stratified: 'Stratificeret stikprøve: hvert stratums andel vægtes med stratummets andel af populationen (Σ W_h·p_h), og usikkerheden beregnes for hvert stratum med korrektion for endelig population.',
  weighted: 'Delstikprøve: hver sag vægtes med 1 divideret med dens samlede udvælgelsessandsynlighed, og intervallet bygger på den vægtede andels varians.',
  census: 'Målrettet udvælgelse: andelen gælder præcis de udvalgte sager, uden stikprøveusikkerhed, og overføres ikke til andre sager.',
};
