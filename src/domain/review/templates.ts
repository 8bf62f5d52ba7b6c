/**
 * Question templates (spørgeskemaer) for review rounds, as data. A question keeps its id for
 * life: rewording it keeps its answers, retiring it hides it from new reviews but keeps the
 * answers already given, so an old round reads the same years later.
 */

export type Answer = 'yes' | 'exception' | 'no' | 'notRelevant';

/** The answer scale, with the key that gives each answer in the review form. */
export const ANSWERS: readonly { value: Answer; label: string; key: string }[] = [
  { value: 'yes', label: 'Ja', key: 'J' },
  { value: 'exception', label: 'Ja – lovlig undtagelse', key: 'U' },
  { value: 'no', label: 'Nej', key: 'N' },
  { value: 'notRelevant', label: 'Ikke relevant', key: 'I' },
];

export const answerLabel = (answer: Answer) => ANSWERS.find((a) => a.value === answer)!.label;

/**
 * A compliance question asks whether the case was handled as it should be: its answers give a
 * rate of compliance, and each "Nej" is a finding. A descriptive question asks what the case is
 * like ("Peger undersøgelsen på anbringelse?"): its answers are only counted.
 */
export type QuestionKind = 'compliance' | 'descriptive';

export const QUESTION_KIND_LABEL: Record<QuestionKind, string> = { compliance: 'Overholdelse', descriptive: 'Beskrivende' };

export interface Question {
  id: string;
  text: string;
  /** The screening rule the question checks by hand; its result is shown beside the answer. */
  ruleId?: string;
  /** Retired questions are not asked in new reviews; their answers stay. */
  retired?: boolean;
  /** Absent in questions stored before the kind existed: those are compliance questions. */
  kind?: QuestionKind;
  /** The answers that need a comment for this question; absent: as its template says. */
  commentRequired?: Answer[];
}

export interface QuestionTemplate {
  id: string;
  name: string;
  builtIn: boolean;
  questions: Question[];
  /** The answers that need a comment, for every compliance question that does not say otherwise; absent (templates stored before it existed): none. */
  commentRequired?: Answer[];
}

export const isDescriptive = (question: Pick<Question, 'kind'>) => question.kind === 'descriptive';

/** The answers a question offers: a descriptive question has no lawful exception. */
export const answersFor = (question: Pick<Question, 'kind'>) => (isDescriptive(question) ? ANSWERS.filter((a) => a.value !== 'exception') : ANSWERS);

/**
 * The answers that need a comment for a question: its own choice, else its template's. A
 * descriptive question follows only its own: "Nej, undersøgelsen peger ikke på anbringelse"
 * needs no reason.
 */
export function commentRequiredFor(template: Pick<QuestionTemplate, 'commentRequired'>, question: Pick<Question, 'kind' | 'commentRequired'>): readonly Answer[] {
  return question.commentRequired ?? (isDescriptive(question) ? [] : (template.commentRequired ?? []));
}

/** The Danish demand for a missing comment, or null when the answer has what it needs. */
export function missingComment(required: readonly Answer[], answer: Answer | null | undefined, comment: string): string | null {
  return answer != null && required.includes(answer) && !comment.trim() ? `Svaret «${answerLabel(answer)}» kræver en bemærkning.` : null;
}

/** The choices of which answers need a comment, as the template editor offers them. */
export const COMMENT_CHOICES: readonly { key: string; answers: Answer[]; label: string }[] = [
  { key: 'no+exception', answers: ['exception', 'no'], label: 'Ved Nej og Ja – lovlig undtagelse' },
  { key: 'no', answers: ['no'], label: 'Kun ved Nej' },
  { key: 'exception', answers: ['exception'], label: 'Kun ved Ja – lovlig undtagelse' },
  { key: 'none', answers: [], label: 'Aldrig' },
];

/** The editor's choice for a list of answers; a list it has no choice for (stored by hand) shows as its labels. */
export function commentChoiceOf(answers: readonly Answer[]): string {
  const key = [...answers].sort().join('+');
  return COMMENT_CHOICES.find((c) => [...c.answers].sort().join('+') === key)?.key ?? key;
}

const SAID_ORDER: readonly Answer[] = ['no', 'exception', 'yes', 'notRelevant'];

/** "Nej og Ja – lovlig undtagelse", or "ingen". */
export const describeCommentRequired = (answers: readonly Answer[]) =>
  answers.length ? SAID_ORDER.filter((a) => answers.includes(a)).map(answerLabel).join(' og ') : 'ingen';

const BOTH: Answer[] = ['exception', 'no'];

/** The oversigtsskema for placement cases, the general ledelsestilsyn by case step, and an Ankestyrelsen-style review. */
export const BUILT_IN_TEMPLATES: readonly QuestionTemplate[] = [
  {
    id: 'anbringelse',
    name: 'Oversigtsskema for anbringelsessager',
    builtIn: true,
    commentRequired: BOTH,
    questions: [
      { id: 'boernesamtale', text: 'Er der afholdt børnesamtale, eller er det begrundet, hvorfor den ikke er holdt?', ruleId: 'SAMTALE_FOER_AFG' },
      { id: 'anbringelsessted', text: 'Er valget af anbringelsessted begrundet?', ruleId: 'ANBR_STED' },
      { id: 'samvaer', text: 'Er der truffet afgørelse om samvær, eller er rammen for samvær fastlagt?', ruleId: 'SAMVAER' },
      { id: 'samvaer-form', text: 'Fremgår det, om samværet er støttet eller overvåget?' },
      { id: 'bisidder', text: 'Er barnet vejledt om retten til en bisidder?', ruleId: 'BISIDDER' },
      { id: 'foraeldre', text: 'Er forældrene vejledt om informeret samtykke og om §§ 72–73 (BL §§ 140–142)?', ruleId: 'FORAELDRE_VEJL' },
      { id: 'undersoegelse', text: 'Peger den børnefaglige undersøgelse på anbringelse?', ruleId: 'BFU_FOER_ANBR', kind: 'descriptive' },
      { id: 'plan', text: 'Forelå handleplanen / barnets plan før en planlagt anbringelse, og er den journaliseret?', ruleId: 'PLAN_RETTIDIG' },
      { id: 'paragraf-11', text: 'Er det registreret, om der er givet rådgivning efter § 11 eller iværksat en foranstaltning?' },
      { id: 'ungdomssanktion', text: 'Er ungdomssanktionen fulgt op ved faseskift?' },
      { id: 'kvittering', text: 'Er underretningen kvitteret rettidigt?', ruleId: 'UND_KVIT' },
    ],
  },
  {
    id: 'ledelsestilsyn',
    name: 'Ledelsestilsyn efter sagsskridt',
    builtIn: true,
    commentRequired: BOTH,
    questions: [
      { id: 'underretning-24t', text: 'Er underretningen vurderet inden for 24 timer?', ruleId: 'UND_24T' },
      { id: 'underretning-kvittering', text: 'Er der kvitteret til fagpersonen inden 6 hverdage?', ruleId: 'UND_KVIT' },
      { id: 'undersoegelse-frist', text: 'Er den børnefaglige undersøgelse afsluttet inden 4 måneder?', ruleId: 'BFU_4M' },
      { id: 'boernesamtale', text: 'Er der holdt børnesamtale før afgørelsen?', ruleId: 'SAMTALE_FOER_AFG' },
      { id: 'plan', text: 'Er handleplanen / barnets plan udarbejdet rettidigt?', ruleId: 'PLAN_RETTIDIG' },
      { id: 'opfoelgning', text: 'Er foranstaltningen fulgt op rettidigt?', ruleId: 'OPF_LOEBENDE' },
      { id: 'tilsyn', text: 'Er der ført personrettet tilsyn mindst 2 gange årligt?', ruleId: 'TILSYN_2X' },
    ],
  },
  {
    id: 'ankestyrelsen',
    name: 'Praksisundersøgelse (Ankestyrelsen-lignende)',
    builtIn: true,
    commentRequired: BOTH,
    questions: [
      { id: 'undersoegelse', text: 'Er der udarbejdet en børnefaglig undersøgelse, der belyser barnets forhold?', ruleId: 'BFU_4M' },
      { id: 'boernesamtale', text: 'Er der holdt samtale med barnet?', ruleId: 'SAMTALE_FOER_AFG' },
      { id: 'plan', text: 'Er der en handleplan / barnets plan?', ruleId: 'PLAN_RETTIDIG' },
      { id: 'inddragelse', text: 'Er barnet og familien inddraget?' },
      { id: 'opfoelgning', text: 'Er indsatsen fulgt op?', ruleId: 'OPF_LOEBENDE' },
    ],
  },
];

/** The questions a new review asks. */
export const activeQuestions = (template: QuestionTemplate) => template.questions.filter((q) => !q.retired);

/** A new, unique question id from its text: readable in the handover workbook's key row. */
function newId(template: QuestionTemplate, text: string): string {
  const ascii = text.toLocaleLowerCase('da').replace(/æ/g, 'ae').replace(/ø/g, 'oe').replace(/å/g, 'aa');
  const base = ascii.replace(/[^a-z0-9]+/g, '-').slice(0, 24).replace(/^-+|-+$/g, '') || 'spoergsmaal';
  let id = base;
  for (let n = 2; template.questions.some((q) => q.id === id); n++) id = `${base}-${n}`;
  return id;
}

export function addQuestion(template: QuestionTemplate, text: string, ruleId?: string, kind: QuestionKind = 'compliance'): QuestionTemplate {
  const trimmed = text.trim();
  if (!trimmed) throw new Error('Skriv spørgsmålets tekst.');
  const question: Question = { id: newId(template, trimmed), text: trimmed, ...(ruleId && { ruleId }), ...(kind === 'descriptive' && { kind }) };
  return { ...template, questions: [...template.questions, question] };
}

export function rewordQuestion(template: QuestionTemplate, id: string, text: string): QuestionTemplate {
  if (!text.trim()) throw new Error('Skriv spørgsmålets tekst.');
  return { ...template, questions: template.questions.map((q) => (q.id === id ? { ...q, text: text.trim() } : q)) };
}

/** Moves a question one place up (−1) or down (+1). */
export function moveQuestion(template: QuestionTemplate, id: string, by: -1 | 1): QuestionTemplate {
  const questions = [...template.questions];
  const from = questions.findIndex((q) => q.id === id);
  const to = from + by;
  if (from < 0 || to < 0 || to >= questions.length) return template;
  [questions[from], questions[to]] = [questions[to]!, questions[from]!];
  return { ...template, questions };
}

export function retireQuestion(template: QuestionTemplate, id: string, retired = true): QuestionTemplate {
  return { ...template, questions: template.questions.map((q) => (q.id === id ? { ...q, retired } : q)) };
}

/** Makes a question a compliance or a descriptive one; its answers stay. */
export function setQuestionKind(template: QuestionTemplate, id: string, kind: QuestionKind): QuestionTemplate {
  return { ...template, questions: template.questions.map((q) => (q.id === id ? { ...q, kind } : q)) };
}

/** Which answers need a comment: for the whole template, or (`questionId`) for one question; `undefined` for a question: as the template says. */
export function setCommentRequired(template: QuestionTemplate, answers: readonly Answer[] | undefined, questionId?: string): QuestionTemplate {
  const list = answers && ANSWERS.map((a) => a.value).filter((a) => answers.includes(a));
  if (questionId === undefined) return { ...template, commentRequired: list ?? [] };
  return {
    ...template,
    questions: template.questions.map((q) => {
      if (q.id !== questionId) return q;
      const next: Question = { ...q, commentRequired: list };
      if (!list) delete next.commentRequired;
      return next;
    }),
  };
}
