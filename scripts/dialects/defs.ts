// The extract dialects of the mapping test set (issue 14, point 6): headers and values as
// different Danish case systems and hand-made sheets spell them. Fictitious systems, not copies
// of any real export format. The last two were written after the matcher was done and are
// reported untuned.
import { col, dayOnly, dmy, dmyTime, dotted, dottedKl, excelDate, extra, iso, isoTime, number, slashed, text, words, yesNo } from './cells';
import type { Dialect } from './write';

const JN = yesNo('J', 'N');
const JaNej = yesNo('Ja', 'Nej');

/** A DUBU-like wide CSV from Windows Excel: semicolons, Windows-1252, "(J/N)" and § in the headers. */
const dubu: Dialect = {
  name: 'dubu-bred-1252', file: 'csv-1252', delimiter: ';',
  sheets: [{
    name: 'dubu', shape: 'wide', columns: [
      col('Sagsnummer', 'cases.caseNumber', text),
      col('Barnets CPR-nr.', 'cases.cpr', text),
      col('Organisatorisk enhed', 'cases.unit', text),
      col('Sagsbehandler (initialer)', 'cases.caseworker', text),
      extra('Sagstype', () => 'Børnesag'),
      col('Sag oprettet', 'cases.openedAt', dmy),
      col('Sag afsluttet', 'cases.closedAt', dmy),
      col('Dato for kendskab til barnets behov', 'cases.awareAt', dmy),
      col('Underretning modtaget (dato og tid)', 'notifications.receivedAt', dmyTime),
      col('Underretter er fagperson (J/N)', 'notifications.fromProfessional', JN),
      col('Underretning vurderet (inden 24 timer)', 'notifications.assessedAt', dmyTime),
      col('Kvittering til underretter sendt', 'notifications.acknowledgedAt', dmy),
      col('Resultat af underretning', 'notifications.outcome', words({
        investigation: 'Børnefaglig undersøgelse iværksat (§ 50)', preventive: 'Forebyggende indsats (§ 11, stk. 3)',
        existingCase: 'Indgår i eksisterende sag', none: 'Ingen videre handling',
      })),
      col('Stillingtagen til forebyggende foranstaltninger (J/N)', 'notifications.preventiveConsidered', JN),
      col('BFU påbegyndt (§ 50)', 'investigations.startedAt', dmy),
      col('BFU afsluttet (§ 50)', 'investigations.completedAt', dmy),
      col('Foreløbig vurdering (dato)', 'investigations.interimAssessmentAt', dmy),
      col('Foranstaltning ID', 'measures.measureId', text),
      col('Foranstaltningstype', 'measures.kind', words({
        placement: 'Anbringelse (§ 52, stk. 3, nr. 7)', preventive: 'Familiebehandling (§ 52, stk. 3, nr. 3)',
        safetyPlan: 'Sikkerhedsplan', youthSanction: 'Ungdomssanktion', other: 'Andet',
      })),
      col('Paragraf (SEL/BL)', 'measures.paragraph', text),
      col('Samtykke (J/N)', 'measures.consent', JN),
      col('Foranstaltning iværksat', 'measures.startDate', dmy),
      col('Foranstaltning ophørt', 'measures.endDate', dmy),
      col('Afgørelse truffet (dato)', 'measures.decisionDate', dmy),
      col('Børnesamtale afholdt (§ 48)', 'measures.childConversationAt', dmy),
      col('Handleplan udarbejdet (§ 140)', 'actionPlans.date', dmy),
      col('Seneste opfølgning', 'followUps.date', dmy),
      col('Seneste tilsynsbesøg', 'supervisionVisits.date', dmy),
      extra('Kommune', () => 'Demokommune'),
    ],
  }],
};

/** A Nexus-like wide xlsx: "Område - felt" headers, real date cells, Ja/Nej. */
const nexus: Dialect = {
  name: 'nexus-bred', file: 'xlsx',
  sheets: [{
    name: 'Rapport', shape: 'wide', columns: [
      col('Sags-ID', 'cases.caseNumber', text),
      col('Borgers CPR', 'cases.cpr', text),
      col('Fødselsdato', 'cases.birthDate', excelDate),
      col('Ansvarlig organisation', 'cases.unit', text),
      col('Ansvarlig medarbejder', 'cases.caseworker', text),
      col('Målgruppe', 'cases.group', text),
      col('Sag oprettet dato', 'cases.openedAt', excelDate),
      extra('Forløbsstatus', (r) => (r?.closedAt ? 'Afsluttet' : 'Aktiv')),
      col('Underretning - modtaget', 'notifications.receivedAt', excelDate),
      col('Underretning - fra fagperson', 'notifications.fromProfessional', JaNej),
      col('Underretning - vurderet', 'notifications.assessedAt', excelDate),
      col('Underretning - kvittering udsendt', 'notifications.acknowledgedAt', excelDate),
      col('Underretning - udfald', 'notifications.outcome', words({
        investigation: 'Videre til børnefaglig undersøgelse', preventive: 'Iværksat forebyggende indsats efter § 32',
        existingCase: 'Kendt sag - indgår i igangværende forløb', none: 'Ingen yderligere handling',
      })),
      col('Børnefaglig undersøgelse - opstart', 'investigations.startedAt', excelDate),
      col('Børnefaglig undersøgelse - afslutning', 'investigations.completedAt', excelDate),
      col('Børnefaglig undersøgelse - peger på anbringelse', 'investigations.recommendsPlacement', JaNej),
      col('Indsats - ID', 'measures.measureId', text),
      col('Indsats - kategori', 'measures.kind', words({
        placement: 'Anbringelse i plejefamilie', preventive: 'Støttende indsats (BL § 32)',
        safetyPlan: 'Sikkerhedsplan', youthSanction: 'Ungdomssanktion', other: 'Anden indsats',
      })),
      col('Indsats - startdato', 'measures.startDate', excelDate),
      col('Indsats - slutdato', 'measures.endDate', excelDate),
      col('Indsats - akut', 'measures.urgent', JaNej),
      col('Indsats - bisidder vejledt', 'measures.supporterOffered', JaNej),
      col('Indsats - ledelsesgodkendt', 'measures.managementApproved', JaNej),
      col('Barnets plan - dato', 'actionPlans.date', excelDate),
      col('Barnets plan - journaliseret', 'actionPlans.filed', JaNej),
      col('Opfølgning - dato', 'followUps.date', excelDate),
      col('Opfølgning - kadence (mdr.)', 'followUps.cadenceMonths', number),
      col('Tilsyn - dato', 'supervisionVisits.date', excelDate),
      col('Tilsyn - barnet talt med alene', 'supervisionVisits.childSeenAlone', JaNej),
    ],
  }],
};

/** A KMD-like long xlsx: one sheet per register, UPPER_CASE headers with _JN suffixes, ISO dates. */
const kmd: Dialect = {
  name: 'kmd-lang', file: 'xlsx',
  sheets: [
    { name: 'SAG', shape: 'cases', columns: [
      col('SAGSNR', 'cases.caseNumber', text), col('CPRNR', 'cases.cpr', text), col('ENHED_NAVN', 'cases.unit', text),
      col('SAGSBEHANDLER_NAVN', 'cases.caseworker', text), col('GRUPPE', 'cases.group', text), col('OPRETTET_DATO', 'cases.openedAt', iso),
      col('LUKKET_DATO', 'cases.closedAt', iso), col('OPMAERKSOM_DATO', 'cases.awareAt', iso),
    ] },
    { name: 'UNDERRETNING', shape: 'notifications', columns: [
      col('SAGSNR', 'notifications.caseNumber', text), col('MODTAGET_TIDSPUNKT', 'notifications.receivedAt', isoTime),
      col('FAGPERSON_JN', 'notifications.fromProfessional', JN), col('VURDERET_TIDSPUNKT', 'notifications.assessedAt', isoTime),
      col('KVITTERET_DATO', 'notifications.acknowledgedAt', iso),
      col('UDFALD_TEKST', 'notifications.outcome', words({ investigation: 'BØRNEFAGLIG UNDERSØGELSE', preventive: 'FOREBYGGENDE FORANSTALTNING', existingCase: 'EKSISTERENDE SAG', none: 'INGEN' })),
      col('STILLINGTAGEN_JN', 'notifications.preventiveConsidered', JN),
    ] },
    { name: 'BFU', shape: 'investigations', columns: [
      col('SAGSNR', 'investigations.caseNumber', text), col('START_DATO', 'investigations.startedAt', iso), col('SLUT_DATO', 'investigations.completedAt', iso),
      col('FORELOEBIG_VURDERING_DATO', 'investigations.interimAssessmentAt', iso), col('ANBRINGELSE_JN', 'investigations.recommendsPlacement', JN),
    ] },
    { name: 'YDELSE', shape: 'measures', columns: [
      col('SAGSNR', 'measures.caseNumber', text), col('YDELSE_ID', 'measures.measureId', text),
      col('YDELSE_TYPE', 'measures.kind', words({ placement: 'ANBRINGELSE', preventive: 'FOREBYGGENDE', safetyPlan: 'SIKKERHEDSPLAN', youthSanction: 'UNGDOMSSANKTION', other: 'ANDET' })),
      col('PARAGRAF', 'measures.paragraph', text), col('SAMTYKKE_JN', 'measures.consent', JN), col('AKUT_JN', 'measures.urgent', JN),
      col('BEVILLING_FRA', 'measures.startDate', iso), col('BEVILLING_TIL', 'measures.endDate', iso), col('AFGOERELSE_DATO', 'measures.decisionDate', iso),
      col('BOERNESAMTALE_DATO', 'measures.childConversationAt', iso), col('SAMTALE_FRAVALGT_JN', 'measures.conversationWaived', JN),
      col('BISIDDER_JN', 'measures.supporterOffered', JN), col('FORAELDRE_VEJLEDT_JN', 'measures.parentsInformed', JN),
      col('ANBRINGELSESSTED_BEGRUNDET_JN', 'measures.placementChoiceJustified', JN), col('SAMVAER_JN', 'measures.contactDecided', JN),
      col('PLAN_SENDT_JN', 'measures.planSharedWithPlacement', JN), col('LEDELSE_GODKENDT_JN', 'measures.managementApproved', JN),
      col('PLAN_NOEDVENDIG_JN', 'measures.planNeeded', JN),
    ] },
    { name: 'HANDLEPLAN', shape: 'actionPlans', columns: [
      col('SAGSNR', 'actionPlans.caseNumber', text), col('PLAN_DATO', 'actionPlans.date', iso), col('YDELSE_ID', 'actionPlans.measureId', text),
      col('JOURNALISERET_JN', 'actionPlans.filed', JN),
    ] },
    { name: 'OPFOELGNING', shape: 'followUps', columns: [
      col('SAGSNR', 'followUps.caseNumber', text), col('YDELSE_ID', 'followUps.measureId', text), col('OPFOELGNING_DATO', 'followUps.date', iso),
      col('KADENCE_MDR', 'followUps.cadenceMonths', number),
    ] },
    { name: 'TILSYN', shape: 'supervisionVisits', columns: [
      col('SAGSNR', 'supervisionVisits.caseNumber', text), col('TILSYN_DATO', 'supervisionVisits.date', iso), col('BARN_ALENE_JN', 'supervisionVisits.childSeenAlone', JN),
    ] },
  ],
};

/** A team's own overview sheet, typed by hand: short headers, dates as text with dots, ja/nej in lower case. */
const team: Dialect = {
  name: 'team-ark', file: 'xlsx',
  sheets: [{
    name: 'Overblik', shape: 'wide', columns: [
      col('Sag', 'cases.caseNumber', text),
      col('Team', 'cases.unit', text),
      col('Rådgiver', 'cases.caseworker', text),
      col('Barn født', 'cases.birthDate', dotted),
      col('Kendskab', 'cases.awareAt', dotted),
      col('Underretning indgået', 'notifications.receivedAt', dotted, dayOnly),
      col('Fagperson?', 'notifications.fromProfessional', yesNo('ja', 'nej')),
      col('Hvad førte underretningen til', 'notifications.outcome', words({ investigation: 'Undersøgelse', preventive: 'Forebyggende', existingCase: 'Kendt sag', none: 'Intet' })),
      col('BFU start', 'investigations.startedAt', dotted),
      col('BFU slut', 'investigations.completedAt', dotted),
      col('Foranstaltning', 'measures.kind', words({ placement: 'Plejefamilie', preventive: 'Familiebehandling', safetyPlan: 'Sikkerhedsplan', youthSanction: 'Ungdomssanktion', other: 'Andet' })),
      col('Foranstaltning start', 'measures.startDate', dotted),
      col('Foranstaltning slut', 'measures.endDate', dotted),
      col('Samtykke', 'measures.consent', yesNo('ja', 'nej')),
      col('Handleplan', 'actionPlans.date', dotted),
      col('Opfølgning', 'followUps.date', dotted),
      col('Tilsyn', 'supervisionVisits.date', dotted),
      col('Alene med barnet', 'supervisionVisits.childSeenAlone', yesNo('ja', 'nej')),
      extra('Note', () => null),
    ],
  }],
};

// ---------------------------------------------------------------------------------------------
// Written after the matcher was done; their figures are reported as they came out.

const JaNejVedIkke = yesNo('Ja', 'Nej', 'Ved ikke');

/** A Momentum/CSC-like long xlsx: one sheet per register with long names, brackets and "Dato for". */
const momentum: Dialect = {
  name: 'momentum-lang', file: 'xlsx', untuned: true,
  sheets: [
    { name: 'Sagsoversigt', shape: 'cases', columns: [
      col('Sags ID', 'cases.caseNumber', text), col('CPR', 'cases.cpr', text), col('Afdeling', 'cases.unit', text), col('Rådgiver navn', 'cases.caseworker', text),
      col('Oprettelsesdato', 'cases.openedAt', excelDate), col('Lukkedato', 'cases.closedAt', excelDate), col('Dato for opmærksomhed', 'cases.awareAt', excelDate),
      col('Sagsgruppe', 'cases.group', text),
    ] },
    { name: 'Underretninger 2016-2025', shape: 'notifications', columns: [
      col('Sags ID', 'notifications.caseNumber', text), col('Modtaget (dato/tid)', 'notifications.receivedAt', isoTime),
      col('Underretter fagperson', 'notifications.fromProfessional', JaNejVedIkke), col('Vurderet (dato/tid)', 'notifications.assessedAt', isoTime),
      col('Kvitteret (dato)', 'notifications.acknowledgedAt', excelDate),
      col('Beslutning', 'notifications.outcome', words({ investigation: '§ 50-undersøgelse', preventive: 'Tidlig forebyggende indsats', existingCase: 'Allerede kendt sag', none: 'Henlagt' })),
      col('Forebyggende overvejet', 'notifications.preventiveConsidered', JaNejVedIkke),
    ] },
    { name: 'Undersøgelser (§ 50)', shape: 'investigations', columns: [
      col('Sags ID', 'investigations.caseNumber', text), col('Startdato', 'investigations.startedAt', excelDate), col('Slutdato', 'investigations.completedAt', excelDate),
      col('Foreløbig vurdering', 'investigations.interimAssessmentAt', excelDate), col('Anbefaling: anbringelse (J/N)', 'investigations.recommendsPlacement', JN),
    ] },
    { name: 'Foranstaltninger', shape: 'measures', columns: [
      col('Sags ID', 'measures.caseNumber', text), col('Foranstaltning nr.', 'measures.measureId', text),
      col('Art', 'measures.kind', words({ placement: 'Døgnanbringelse', preventive: 'Forebyggende', safetyPlan: 'Sikkerhedsplan', youthSanction: 'Ungdomssanktion', other: 'Øvrige' })),
      col('Hjemmel', 'measures.paragraph', text), col('Med samtykke', 'measures.consent', JaNej), col('Akut iværksat', 'measures.urgent', JaNej),
      col('Startdato', 'measures.startDate', excelDate), col('Slutdato', 'measures.endDate', excelDate), col('Afgørelsesdato', 'measures.decisionDate', excelDate),
      col('Dato for børnesamtale', 'measures.childConversationAt', excelDate), col('Børnesamtale fravalgt', 'measures.conversationWaived', JaNej),
      col('Vejledt om bisidder', 'measures.supporterOffered', JaNej), col('Forældre vejledt om rettigheder', 'measures.parentsInformed', JaNej),
      col('Anbringelsessted begrundet', 'measures.placementChoiceJustified', JaNej), col('Samværsafgørelse', 'measures.contactDecided', JaNej),
      col('Handleplan udleveret til anbringelsessted', 'measures.planSharedWithPlacement', JaNej), col('Godkendt af leder', 'measures.managementApproved', JaNej),
      col('Behov for handleplan', 'measures.planNeeded', JaNej),
    ] },
    { name: 'Handleplaner', shape: 'actionPlans', columns: [
      col('Sags ID', 'actionPlans.caseNumber', text), col('Dato for handleplan', 'actionPlans.date', excelDate), col('Foranstaltning nr.', 'actionPlans.measureId', text),
      col('Journaliseret (J/N)', 'actionPlans.filed', JN),
    ] },
    { name: 'Opfølgninger', shape: 'followUps', columns: [
      col('Sags ID', 'followUps.caseNumber', text), col('Foranstaltning nr.', 'followUps.measureId', text), col('Opfølgningsdato', 'followUps.date', excelDate),
      col('Næste opfølgning (mdr.)', 'followUps.cadenceMonths', number),
    ] },
    { name: 'Tilsynsbesøg', shape: 'supervisionVisits', columns: [
      col('Sags ID', 'supervisionVisits.caseNumber', text), col('Besøgsdato', 'supervisionVisits.date', excelDate), col('Barnet set alene', 'supervisionVisits.childSeenAlone', JaNej),
    ] },
  ],
};

/** A hand-made control sheet saved as UTF-8 CSV with commas: one row per event slot, slashed dates, "-" for unknown. */
const controlSheet: Dialect = {
  name: 'kontrolark-utf8', file: 'csv-utf8', delimiter: ',', untuned: true,
  sheets: [{
    name: 'kontrolark', shape: 'wide', columns: [
      col('Journalnr.', 'cases.caseNumber', text),
      col('Fødselsdato (dd/mm/åååå)', 'cases.birthDate', slashed),
      col('Enhed/team', 'cases.unit', text),
      col('Ansvarlig rådgiver', 'cases.caseworker', text),
      col('Seneste underretning', 'notifications.receivedAt', slashed, dayOnly),
      col('Underretning fra fagperson (ja/nej)', 'notifications.fromProfessional', yesNo('Ja', 'Nej', '-')),
      col('Udfald af seneste underretning', 'notifications.outcome', words({ investigation: 'Undersøgelse (§ 20)', preventive: 'Forebyggende (BL § 30)', existingCase: 'Eksisterende sag', none: 'Ingen yderligere' }, '-')),
      col('Undersøgelse påbegyndt', 'investigations.startedAt', slashed),
      col('Undersøgelse færdig', 'investigations.completedAt', slashed),
      col('Type af foranstaltning', 'measures.kind', words({ placement: 'Anbringelse', preventive: 'Støtte i hjemmet', safetyPlan: 'Sikkerhedsplan', youthSanction: 'Ungdomssanktion', other: 'Anden' }, '-')),
      col('Bevilget fra', 'measures.startDate', slashed),
      col('Bevilget til', 'measures.endDate', slashed),
      col('Samtale med barn (dato)', 'measures.childConversationAt', slashed),
      col('Barnets plan', 'actionPlans.date', slashed),
      col('Seneste opfølgning (dato)', 'followUps.date', slashed),
      col('Seneste tilsyn (dato)', 'supervisionVisits.date', slashed),
      col('Talt med barnet alene', 'supervisionVisits.childSeenAlone', yesNo('Ja', 'Nej', '-')),
      extra('Bemærkninger', () => null),
    ],
  }],
};

// ---------------------------------------------------------------------------------------------
// Written later still, by a helper acting as the unseen-extract tester without reading the
// matcher's vocabulary first; their untuned figures are in the README.

const JA_NEJ = yesNo('JA', 'NEJ');
const JaNejDot = yesNo('Ja.', 'Nej.');
/** "X" for yes and blank otherwise: the file cannot tell no from unknown, nor can its twin. */
const crossed = yesNo('X', null);
const yesOrUnknown = (v: unknown) => (v === true ? true : null);

/** An Acadre/Sbsys-like wide CSV: UTF-8 with BOM, commas, long spoken headers, JA/NEJ. */
const acadre: Dialect = {
  name: 'acadre-bred-bom', file: 'csv-utf8-bom', delimiter: ',', untuned: true,
  sheets: [{
    name: 'acadre', shape: 'wide', columns: [
      col('Sagens nummer', 'cases.caseNumber', text),
      col('Barnets fødselsdag', 'cases.birthDate', dmy),
      col('Myndighedsteam', 'cases.unit', text),
      col('Ansvarlig medarbejder', 'cases.caseworker', text),
      col('Sagen åbnet', 'cases.openedAt', dmy),
      col('Sagen lukket', 'cases.closedAt', dmy),
      extra('Sagsstatus', (r) => (r?.closedAt ? 'Lukket' : 'Åben')),
      col('Underretning indgået dato', 'notifications.receivedAt', dmy, dayOnly),
      col('Underretter er professionel', 'notifications.fromProfessional', JA_NEJ),
      col('Vurdering inden 24 timer (dato)', 'notifications.assessedAt', dmy, dayOnly),
      col('Modtagelse kvitteret', 'notifications.acknowledgedAt', dmy),
      col('Udfald af underretning', 'notifications.outcome', words({
        investigation: 'Overgået til § 50', preventive: 'Rådgivning/forebyggende',
        existingCase: 'Behandles i allerede åben sag', none: 'Sagen lukket uden foranstaltning',
      })),
      col('Opstart § 50-undersøgelse', 'investigations.startedAt', dmy),
      col('Undersøgelse færdig', 'investigations.completedAt', dmy),
      col('Indsatstype', 'measures.kind', words({
        placement: 'Anbringelse uden for hjemmet', preventive: 'Forebyggende foranstaltning',
        safetyPlan: 'Sikkerhedsplan', youthSanction: 'Ungdomssanktion', other: 'Øvrig indsats',
      })),
      col('Lovgrundlag', 'measures.paragraph', text),
      col('Indsats bevilget', 'measures.startDate', dmy),
      col('Indsats ophørt', 'measures.endDate', dmy),
      col('Akut indsats', 'measures.urgent', JA_NEJ),
      col('Handleplan udarbejdet', 'actionPlans.date', dmy),
      col('Seneste opfølgning', 'followUps.date', dmy),
      col('Seneste tilsynsbesøg', 'supervisionVisits.date', dmy),
      col('Talt med barnet alene?', 'supervisionVisits.childSeenAlone', JA_NEJ),
      extra('Oprettet af', () => 'Systembruger'),
    ],
  }],
};

/** A hand-kept multi-sheet workbook: one sheet per register, dotted text dates, X/blank and "Ja."/"Nej.". */
const workbook: Dialect = {
  name: 'sagsark-flere-faner', file: 'xlsx', untuned: true,
  sheets: [
    { name: 'Oversigt over sager', shape: 'cases', columns: [
      col('Sagsnr.', 'cases.caseNumber', text), col('Personnummer', 'cases.cpr', text), col('Team', 'cases.unit', text),
      col('Sagsbehandler', 'cases.caseworker', text), col('Sagskategori', 'cases.group', text),
      col('Startdato for sag', 'cases.openedAt', dotted), col('Slutdato for sag', 'cases.closedAt', dotted),
      col('Bekymring kendt fra', 'cases.awareAt', dotted),
    ] },
    { name: 'Underretninger 2025', shape: 'notifications', columns: [
      col('Sagsnr.', 'notifications.caseNumber', text), col('Modtaget', 'notifications.receivedAt', dottedKl),
      col('Fra fagperson', 'notifications.fromProfessional', crossed, yesOrUnknown),
      col('Vurderet', 'notifications.assessedAt', dottedKl), col('Kvittering sendt', 'notifications.acknowledgedAt', dotted),
      col('Resultat', 'notifications.outcome', words({
        investigation: 'Børnefaglig undersøgelse opstartet', preventive: 'Tidlig indsats/forebyggende',
        existingCase: 'Verserende sag', none: 'Sagen lukket uden foranstaltning',
      })),
      col('Forebyggende tilbud overvejet', 'notifications.preventiveConsidered', JaNejDot),
    ] },
    { name: 'Undersøgelser', shape: 'investigations', columns: [
      col('Sagsnr.', 'investigations.caseNumber', text), col('Påbegyndt', 'investigations.startedAt', dotted),
      col('Afsluttet', 'investigations.completedAt', dotted), col('Foreløbig vurdering foreligger', 'investigations.interimAssessmentAt', dotted),
      col('Anbefaler anbringelse', 'investigations.recommendsPlacement', JaNejDot),
    ] },
    { name: 'Indsatser', shape: 'measures', columns: [
      col('Sagsnr.', 'measures.caseNumber', text), col('Indsatsnr.', 'measures.measureId', text),
      col('Indsats', 'measures.kind', words({
        placement: 'Anbringelse på døgninstitution', preventive: 'Familiebehandling', safetyPlan: 'Sikkerhedsplan',
        youthSanction: 'Ungdomssanktion', other: 'Andet',
      })),
      col('Bevillingsparagraf', 'measures.paragraph', text), col('Samtykke fra forældre', 'measures.consent', crossed, yesOrUnknown),
      col('Fra dato', 'measures.startDate', dotted), col('Til dato', 'measures.endDate', dotted),
      col('Afgørelse', 'measures.decisionDate', dotted), col('Samtale med barnet', 'measures.childConversationAt', dotted),
      col('Ledergodkendt', 'measures.managementApproved', JA_NEJ),
    ] },
    { name: 'Handleplaner', shape: 'actionPlans', columns: [
      col('Sagsnr.', 'actionPlans.caseNumber', text), col('Udarbejdet', 'actionPlans.date', dotted), col('Indsatsnr.', 'actionPlans.measureId', text),
    ] },
    { name: 'Opfølgning', shape: 'followUps', columns: [
      col('Sagsnr.', 'followUps.caseNumber', text), col('Indsatsnr.', 'followUps.measureId', text),
      col('Opfølgning foretaget', 'followUps.date', dotted), col('Interval (måneder)', 'followUps.cadenceMonths', number),
    ] },
    { name: 'Tilsyn', shape: 'supervisionVisits', columns: [
      col('Sagsnr.', 'supervisionVisits.caseNumber', text), col('Besøg', 'supervisionVisits.date', dotted),
      col('Barnet set uden forældre', 'supervisionVisits.childSeenAlone', JaNejDot),
    ] },
  ],
};

export const DIALECTS: readonly Dialect[] = [dubu, nexus, kmd, team, momentum, controlSheet, acadre, workbook];

