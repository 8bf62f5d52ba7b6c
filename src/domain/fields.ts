import type { EventTableName, MeasureKind, NotificationOutcome, TableName } from './types';

/** How a source cell becomes a typed value (parsers in src/io/values.ts). */
export type FieldType = 'string' | 'date' | 'datetime' | 'bool' | 'months' | 'cpr' | 'measureKind' | 'outcome';

export interface FieldDef {
  table: TableName;
  field: string;
  /** The column header in the workbench's own template (DATA.md). */
  header: string;
  type: FieldType;
  /** A row without it cannot be used. */
  required?: boolean;
  /** Other spellings seen in case-system extracts; matched case-, space-, punctuation- and æøå-insensitively. */
  synonyms: readonly string[];
  /** Shown in the template's instructions and the mapping screen. */
  note?: string;
  /** What the field holds, in a sentence of Danish (from DATA.md): the header matcher reads it too. */
  description: string;
}

export interface TableDef {
  name: TableName;
  /** Sheet name in the template, and the Danish name shown to users. */
  sheet: string;
  /** Other sheet names that mean this table. */
  sheetSynonyms: readonly string[];
  /** Words that qualify a header in a wide sheet ("Underretning modtaget"). */
  prefixes: readonly string[];
  /**
   * The event's date: it names the event in its id, and in a wide row an event is created only
   * when one of `createdBy` (by default this field) has a value (DATA.md): a case without an
   * investigation has its investigation columns empty, and that is not an error.
   */
  presenceField?: string;
  /** For a table whose own date may be missing: the dates any one of which shows the event exists. */
  createdBy?: readonly string[];
}

/** The fields whose value in a wide row means the table's event is there. */
export const creatingFields = (table: TableDef): readonly string[] => table.createdBy ?? (table.presenceField ? [table.presenceField] : []);

export const TABLES: readonly TableDef[] = [
  { name: 'cases', sheet: 'Sager', sheetSynonyms: ['sag', 'cases', 'børnesager'], prefixes: ['sag'] },
  { name: 'notifications', sheet: 'Underretninger', sheetSynonyms: ['underretning'], prefixes: ['underretning', 'underretningen'], presenceField: 'receivedAt' },
  { name: 'investigations', sheet: 'Undersøgelser', sheetSynonyms: ['undersøgelse', 'børnefaglige undersøgelser', 'bfu', '§ 50', '§ 20'], prefixes: ['undersøgelse', 'undersøgelsen', 'bfu', 'børnefaglig undersøgelse'], presenceField: 'startedAt', createdBy: ['startedAt', 'completedAt', 'interimAssessmentAt'] },
  { name: 'measures', sheet: 'Foranstaltninger', sheetSynonyms: ['foranstaltning', 'indsatser', 'indsats', 'ydelser'], prefixes: ['foranstaltning', 'foranstaltningen', 'indsats', 'indsatsen'], presenceField: 'startDate' },
  { name: 'actionPlans', sheet: 'Handleplaner', sheetSynonyms: ['handleplan', 'barnets plan', 'planer', 'plan'], prefixes: ['handleplan', 'handleplanen', 'plan', 'barnets plan'], presenceField: 'date' },
  { name: 'followUps', sheet: 'Opfølgninger', sheetSynonyms: ['opfølgning', 'opfoelgning'], prefixes: ['opfølgning', 'opfølgningen'], presenceField: 'date' },
  { name: 'supervisionVisits', sheet: 'Tilsynsbesøg', sheetSynonyms: ['tilsyn', 'personrettet tilsyn', 'tilsynsbesoeg'], prefixes: ['tilsyn', 'tilsynsbesøg', 'tilsynsbesøget'], presenceField: 'date' },
];

const caseKey = (table: EventTableName): FieldDef => ({
  table, field: 'caseNumber', header: 'Sagsnr', type: 'string', required: true, description: 'Sagens nummer, som hændelsen hører til',
  synonyms: ['sagsnummer', 'sags nr', 'sag nr', 'sagsid', 'sags id', 'sag id'],
});

export const FIELDS: readonly FieldDef[] = [
  { table: 'cases', field: 'caseNumber', header: 'Sagsnr', type: 'string', required: true, description: 'Sagens nummer i sagssystemet, nøglen alt andet knyttes til', synonyms: ['sagsnummer', 'sags nr', 'sag nr', 'sagsid', 'sags id', 'sag id', 'journalnummer', 'journalnr'], note: 'Nøglen, alt andet knyttes til. Skal være unik.' },
  { table: 'cases', field: 'cpr', header: 'CPR-nr', type: 'cpr', description: 'Barnets personnummer', synonyms: ['cpr', 'cprnummer', 'cpr nummer', 'personnummer', 'barnets cpr', 'cpr barn'], note: 'Maskeres til ddmmåå-xxxx ved import, medmindre arbejdsområdet skal beholde fulde numre.' },
  { table: 'cases', field: 'birthDate', header: 'Fødselsdato', type: 'date', description: 'Barnets fødselsdato', synonyms: ['født', 'fødselsdag', 'barnets fødselsdato'] },
  { table: 'cases', field: 'unit', header: 'Enhed', type: 'string', required: true, description: 'Den enhed eller det team i kommunen, der har sagen', synonyms: ['team', 'afdeling', 'børnefamilieenhed', 'organisation', 'org enhed', 'organisatorisk enhed'] },
  { table: 'cases', field: 'group', header: 'Gruppe', type: 'string', description: 'Faggruppe eller gruppering af sagen, fx børn, unge, handicap', synonyms: ['faggruppe', 'undergruppe', 'gruppering'] },
  { table: 'cases', field: 'caseworker', header: 'Sagsbehandler', type: 'string', required: true, description: 'Navn eller initialer på den sagsbehandler eller rådgiver, der har sagen', synonyms: ['sagsbeh', 'rådgiver', 'socialrådgiver', 'ansvarlig sagsbehandler', 'sagsansvarlig', 'medarbejder', 'initialer'] },
  { table: 'cases', field: 'openedAt', header: 'Oprettet', type: 'date', description: 'Dato sagen blev oprettet', synonyms: ['oprettelsesdato', 'sag oprettet', 'startdato sag', 'åbnet'] },
  { table: 'cases', field: 'closedAt', header: 'Lukket', type: 'date', description: 'Dato sagen blev lukket eller afsluttet', synonyms: ['lukkedato', 'sag lukket', 'afsluttet sag', 'slutdato sag'] },
  { table: 'cases', field: 'awareAt', header: 'Opmærksom dato', type: 'date', description: 'Dato kommunen blev opmærksom på, at barnet kan have behov for særlig støtte', synonyms: ['opmærksomhedsdato', 'kendskabsdato', 'dato for kendskab', 'opmærksom'], note: 'Hvornår kommunen blev opmærksom på, at barnet kan have brug for støtte.' },

  caseKey('notifications'),
  { table: 'notifications', field: 'receivedAt', header: 'Modtaget', type: 'datetime', required: true, description: 'Dato og tid underretningen blev modtaget', synonyms: ['modtaget dato', 'modtagelsesdato', 'dato modtaget', 'underretningsdato', 'underretning dato', 'dato for underretning'] },
  { table: 'notifications', field: 'fromProfessional', header: 'Fra fagperson', type: 'bool', description: 'Om underretningen kom fra en fagperson med skærpet underretningspligt', synonyms: ['fagperson', 'fra fagperson ja nej', 'underretter er fagperson', 'professionel'] },
  { table: 'notifications', field: 'assessedAt', header: 'Vurderet', type: 'datetime', description: 'Dato og tid underretningen blev vurderet, inden for 24 timer', synonyms: ['vurderet dato', 'vurdering', 'vurderet inden 24 timer', 'dato for vurdering'] },
  { table: 'notifications', field: 'acknowledgedAt', header: 'Kvitteret', type: 'date', description: 'Dato kvittering for modtagelse blev sendt til fagpersonen', synonyms: ['kvittering', 'kvitteringsdato', 'kvittering sendt', 'dato for kvittering'] },
  { table: 'notifications', field: 'outcome', header: 'Udfald', type: 'outcome', description: 'Hvad underretningen førte til: undersøgelse, forebyggende indsats, eksisterende sag eller ingen', synonyms: ['resultat', 'beslutning', 'udfald af underretning'] },
  { table: 'notifications', field: 'preventiveConsidered', header: 'Stillingtagen dokumenteret', type: 'bool', description: 'Om der er taget aktiv stilling til forebyggende indsats', synonyms: ['stillingtagen', 'stillingtagen til forebyggende', 'forebyggende overvejet'] },

  caseKey('investigations'),
  { table: 'investigations', field: 'startedAt', header: 'Påbegyndt', type: 'date', description: 'Dato den børnefaglige undersøgelse blev påbegyndt', synonyms: ['startdato', 'start', 'igangsat', 'påbegyndt dato'], note: 'Tomt: sagens opmærksomhedsdato eller første underretning bruges.' },
  { table: 'investigations', field: 'completedAt', header: 'Afsluttet', type: 'date', description: 'Dato den børnefaglige undersøgelse blev afsluttet', synonyms: ['slutdato', 'afsluttet dato', 'færdig', 'afslutningsdato'] },
  { table: 'investigations', field: 'interimAssessmentAt', header: 'Foreløbig vurdering', type: 'date', description: 'Dato for foreløbig vurdering, når undersøgelsen trækker ud over fristen', synonyms: ['foreløbig vurdering dato'] },
  { table: 'investigations', field: 'recommendsPlacement', header: 'Peger på anbringelse', type: 'bool', description: 'Om undersøgelsen peger på anbringelse uden for hjemmet', synonyms: ['anbefaler anbringelse', 'konklusion anbringelse'] },

  caseKey('measures'),
  { table: 'measures', field: 'measureId', header: 'Foranstaltnings-id', type: 'string', description: 'Foranstaltningens eller indsatsens id i sagssystemet', synonyms: ['foranstaltningsid', 'foranstaltning id', 'indsats id', 'indsatsid', 'ydelses id', 'ydelsesid'], note: 'Dannes af Sagsnr og rækkenummer, hvis tomt.' },
  { table: 'measures', field: 'kind', header: 'Type', type: 'measureKind', description: 'Foranstaltningens art: anbringelse, forebyggende, sikkerhedsplan, ungdomssanktion eller andet', synonyms: ['foranstaltningstype', 'indsatstype', 'art', 'kategori'], note: 'anbringelse, forebyggende, sikkerhedsplan, ungdomssanktion eller andet.' },
  { table: 'measures', field: 'paragraph', header: 'Paragraf', type: 'string', description: 'Lovgrundlaget for foranstaltningen, paragraf i serviceloven eller barnets lov', synonyms: ['lovgrundlag', 'hjemmel', 'paragraf sel', 'paragraf bl'] },
  { table: 'measures', field: 'consent', header: 'Samtykke', type: 'bool', description: 'Om anbringelsen sker med samtykke fra forældrene', synonyms: ['med samtykke', 'frivillig'] },
  { table: 'measures', field: 'urgent', header: 'Akut', type: 'bool', description: 'Om foranstaltningen blev iværksat akut', synonyms: ['akut anbringelse', 'akut iværksat', 'foreløbig afgørelse'] },
  { table: 'measures', field: 'startDate', header: 'Iværksat', type: 'date', required: true, description: 'Dato foranstaltningen blev iværksat eller startede', synonyms: ['startdato', 'start', 'iværksat dato', 'iværksættelsesdato', 'fra dato', 'bevilget fra'] },
  { table: 'measures', field: 'endDate', header: 'Ophørt', type: 'date', description: 'Dato foranstaltningen ophørte', synonyms: ['slutdato', 'ophørsdato', 'til dato', 'bevilget til', 'ophør'] },
  { table: 'measures', field: 'decisionDate', header: 'Afgørelse', type: 'date', description: 'Dato for afgørelsen om foranstaltningen', synonyms: ['afgørelsesdato', 'dato for afgørelse', 'bevillingsdato'] },
  { table: 'measures', field: 'childConversationAt', header: 'Børnesamtale', type: 'date', description: 'Dato for samtalen med barnet før afgørelsen', synonyms: ['børnesamtale dato', 'samtale med barnet', 'dato for børnesamtale'] },
  { table: 'measures', field: 'conversationWaived', header: 'Samtale fravalgt med begrundelse', type: 'bool', description: 'Om børnesamtalen blev fravalgt med en begrundelse', synonyms: ['samtale fravalgt', 'børnesamtale fravalgt', 'begrundelse for ingen samtale'] },
  { table: 'measures', field: 'supporterOffered', header: 'Bisidder vejledt', type: 'bool', description: 'Om barnet er vejledt om retten til en bisidder', synonyms: ['bisidder', 'vejledt om bisidder', 'tilbudt bisidder'] },
  { table: 'measures', field: 'parentsInformed', header: 'Forældre vejledt', type: 'bool', description: 'Om forældrene er vejledt om deres rettigheder', synonyms: ['forældre vejledt om rettigheder', 'vejledning forældre', 'forældre informeret'] },
  { table: 'measures', field: 'placementChoiceJustified', header: 'Valg af anbringelsessted begrundet', type: 'bool', description: 'Om valget af anbringelsessted er begrundet', synonyms: ['anbringelsessted begrundet', 'begrundelse anbringelsessted'] },
  { table: 'measures', field: 'contactDecided', header: 'Samvær afgjort', type: 'bool', description: 'Om der er truffet afgørelse om samvær', synonyms: ['samvær', 'samværsafgørelse', 'ramme for samvær'] },
  { table: 'measures', field: 'planSharedWithPlacement', header: 'Plan sendt til anbringelsessted', type: 'bool', description: 'Om handleplanen er sendt til anbringelsesstedet', synonyms: ['plan delt med anbringelsessted', 'handleplan sendt til anbringelsessted'] },
  { table: 'measures', field: 'managementApproved', header: 'Godkendt af ledelse', type: 'bool', description: 'Om ledelsen har godkendt, fx en sikkerhedsplan', synonyms: ['ledelsesgodkendt', 'godkendt', 'ledelsesgodkendelse'] },
  { table: 'measures', field: 'planNeeded', header: 'Plan nødvendig', type: 'bool', description: 'Om kommunen har vurderet, at der er behov for en handleplan', synonyms: ['behov for plan', 'plan påkrævet'] },

  caseKey('actionPlans'),
  { table: 'actionPlans', field: 'date', header: 'Dato', type: 'date', required: true, description: 'Dato handleplanen eller barnets plan blev udarbejdet', synonyms: ['plandato', 'handleplansdato', 'udarbejdet', 'dato for plan'] },
  { table: 'actionPlans', field: 'measureId', header: 'Foranstaltnings-id', type: 'string', description: 'Den foranstaltning handleplanen hører til', synonyms: ['foranstaltningsid', 'foranstaltning id', 'indsats id', 'indsatsid'] },
  { table: 'actionPlans', field: 'filed', header: 'Journaliseret', type: 'bool', description: 'Om handleplanen er journaliseret i sagssystemet', synonyms: ['journaliseret i sagssystemet', 'arkiveret'] },

  caseKey('followUps'),
  { table: 'followUps', field: 'measureId', header: 'Foranstaltnings-id', type: 'string', description: 'Den foranstaltning opfølgningen hører til', synonyms: ['foranstaltningsid', 'foranstaltning id', 'indsats id', 'indsatsid'] },
  { table: 'followUps', field: 'date', header: 'Dato', type: 'date', required: true, description: 'Dato for opfølgning på foranstaltningen', synonyms: ['opfølgningsdato', 'dato for opfølgning'] },
  { table: 'followUps', field: 'cadenceMonths', header: 'Kadence (måneder)', type: 'months', description: 'Antal måneder til næste opfølgning', synonyms: ['kadence', 'opfølgningskadence', 'interval måneder', 'næste opfølgning om måneder'] },

  caseKey('supervisionVisits'),
  { table: 'supervisionVisits', field: 'date', header: 'Dato', type: 'date', required: true, description: 'Dato for det personrettede tilsynsbesøg', synonyms: ['tilsynsdato', 'besøgsdato', 'dato for tilsyn'] },
  { table: 'supervisionVisits', field: 'childSeenAlone', header: 'Samtale med barnet alene', type: 'bool', description: 'Om der var samtale med barnet alene under tilsynet', synonyms: ['barnet set alene', 'samtale alene', 'talt med barnet alene'] },
];

/** Enum values by their Danish spellings (matched like headers). */
export const MEASURE_KIND_SYNONYMS: Readonly<Record<MeasureKind, readonly string[]>> = {
  placement: ['anbringelse', 'anbragt', 'anbringelse uden for hjemmet', 'døgnanbringelse'],
  preventive: ['forebyggende', 'forebyggende foranstaltning', 'forebyggende indsats', 'støtte', 'hjemmebaseret'],
  safetyPlan: ['sikkerhedsplan'],
  youthSanction: ['ungdomssanktion', 'ungdomssanktionen'],
  other: ['andet', 'anden'],
};

export const OUTCOME_SYNONYMS: Readonly<Record<NotificationOutcome, readonly string[]>> = {
  investigation: ['undersøgelse', 'børnefaglig undersøgelse', 'bfu', '§ 50', '§ 20'],
  preventive: ['forebyggende', 'forebyggende indsats', '§ 11 stk 3', '§ 30'],
  existingCase: ['eksisterende sag', 'kendt sag', 'indgår i eksisterende sag'],
  none: ['ingen', 'ingen foranstaltning', 'ingen videre', 'henlagt'],
};

export const fieldKey = (def: Pick<FieldDef, 'table' | 'field'>) => `${def.table}.${def.field}`;
export const fieldByKey: ReadonlyMap<string, FieldDef> = new Map(FIELDS.map((def) => [fieldKey(def), def]));
export const tableDef = (name: TableName): TableDef => TABLES.find((t) => t.name === name)!;
export const fieldsOf = (table: TableName) => FIELDS.filter((f) => f.table === table);
