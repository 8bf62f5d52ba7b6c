/** The canonical case data of DATA.md. Every import maps onto these; every rule reads only these. */

/** A calendar date, `YYYY-MM-DD`, with no time zone. */
export type IsoDate = string;
/** A date, or a date with a local time: `YYYY-MM-DD` or `YYYY-MM-DDTHH:mm`. */
export type IsoDateTime = string;

export type MeasureKind = 'placement' | 'preventive' | 'safetyPlan' | 'youthSanction' | 'other';
export type NotificationOutcome = 'investigation' | 'preventive' | 'existingCase' | 'none';

/** `null` means the extract did not say (unknown), never "no". */
export interface Case {
  caseNumber: string;
  cpr: string | null;
  birthDate: IsoDate | null;
  unit: string;
  group: string | null;
  caseworker: string;
  openedAt: IsoDate | null;
  closedAt: IsoDate | null;
  awareAt: IsoDate | null;
}

interface CaseEvent {
  /** Stable within an import: the case number, the table and the source row. */
  id: string;
  caseNumber: string;
}

export interface Notification extends CaseEvent {
  receivedAt: IsoDateTime;
  fromProfessional: boolean | null;
  assessedAt: IsoDateTime | null;
  acknowledgedAt: IsoDate | null;
  outcome: NotificationOutcome | null;
  preventiveConsidered: boolean | null;
}

export interface Investigation extends CaseEvent {
  startedAt: IsoDate | null;
  completedAt: IsoDate | null;
  interimAssessmentAt: IsoDate | null;
  recommendsPlacement: boolean | null;
}

export interface Measure extends CaseEvent {
  measureId: string;
  kind: MeasureKind | null;
  paragraph: string | null;
  consent: boolean | null;
  urgent: boolean | null;
  startDate: IsoDate;
  endDate: IsoDate | null;
  decisionDate: IsoDate | null;
  childConversationAt: IsoDate | null;
  conversationWaived: boolean | null;
  supporterOffered: boolean | null;
  parentsInformed: boolean | null;
  placementChoiceJustified: boolean | null;
  contactDecided: boolean | null;
  planSharedWithPlacement: boolean | null;
  managementApproved: boolean | null;
  planNeeded: boolean | null;
}

export interface ActionPlan extends CaseEvent {
  date: IsoDate;
  measureId: string | null;
  filed: boolean | null;
}

export interface FollowUp extends CaseEvent {
  measureId: string | null;
  date: IsoDate;
  cadenceMonths: number | null;
}

export interface SupervisionVisit extends CaseEvent {
  date: IsoDate;
  childSeenAlone: boolean | null;
}

export interface CaseData {
  cases: Case[];
  notifications: Notification[];
  investigations: Investigation[];
  measures: Measure[];
  actionPlans: ActionPlan[];
  followUps: FollowUp[];
  supervisionVisits: SupervisionVisit[];
}

export type TableName = keyof CaseData;
export type EventTableName = Exclude<TableName, 'cases'>;

/** All events of one case, by table. */
export type CaseEvents = { [T in EventTableName]: CaseData[T] };

/** A case with its events: how cases are stored and how rules read them, one case at a time. */
export interface CaseBundle extends Case {
  events: CaseEvents;
}

export const EVENT_TABLES: readonly EventTableName[] = ['notifications', 'investigations', 'measures', 'actionPlans', 'followUps', 'supervisionVisits'];

export const emptyEvents = (): CaseEvents => ({
  notifications: [], investigations: [], measures: [], actionPlans: [], followUps: [], supervisionVisits: [],
});

/** Groups flat tables into one bundle per case; events of unknown cases are left out. */
export function bundleCases(data: CaseData): CaseBundle[] {
  const bundles = new Map<string, CaseBundle>(data.cases.map((c) => [c.caseNumber, { ...c, events: emptyEvents() }]));
  for (const table of EVENT_TABLES) {
    for (const event of data[table]) {
      const events = bundles.get(event.caseNumber)?.events;
      if (events) (events[table] as (typeof event)[]).push(event);
    }
  }
  return [...bundles.values()];
}
