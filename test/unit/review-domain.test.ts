import { describe, expect, it } from 'vitest';
import type { RuleStatus } from '../../src/domain/rules/types';
import { recordAnswer, type ReviewAnswer } from '../../src/domain/review/answers';
import { disagreements, findingsOf, questionResult, roundResults, type ReviewedCase } from '../../src/domain/review/results';
import {
  activeQuestions, addQuestion, answersFor, BUILT_IN_TEMPLATES, commentChoiceOf, commentRequiredFor, describeCommentRequired, missingComment, moveQuestion, retireQuestion, rewordQuestion,
  setCommentRequired, setQuestionKind, type Answer, type Question, type QuestionTemplate,
} from '../../src/domain/review/templates';

describe('question templates', () => {
  const placement = BUILT_IN_TEMPLATES.find((t) => t.id === 'anbringelse')!;

  it('the placement oversigtsskema has its eleven questions, each linked rule a rule of the catalog', async () => {
    const { RULES } = await import('../../src/domain/rules/catalog');
    expect(placement.questions).toHaveLength(11);
    for (const t of BUILT_IN_TEMPLATES) for (const q of t.questions) if (q.ruleId) expect(RULES.map((r) => r.id)).toContain(q.ruleId);
    expect(new Set(placement.questions.map((q) => q.id)).size).toBe(11);
  });

  it('adds, rewords, reorders and retires a question, keeping every id', () => {
    let t = addQuestion(placement, 'Er barnets egne ønsker beskrevet?');
    expect(t.questions.at(-1)).toEqual({ id: 'er-barnets-egne-oensker', text: 'Er barnets egne ønsker beskrevet?' });
    t = addQuestion(t, 'Er barnets egne ønsker beskrevet?');
    expect(t.questions.at(-1)!.id).toBe('er-barnets-egne-oensker-2');
    t = rewordQuestion(t, 'bisidder', 'Er barnet vejledt om bisidder?');
    expect(t.questions.find((q) => q.id === 'bisidder')).toEqual({ id: 'bisidder', text: 'Er barnet vejledt om bisidder?', ruleId: 'BISIDDER' });
    t = moveQuestion(t, 'anbringelsessted', -1);
    expect(t.questions.slice(0, 2).map((q) => q.id)).toEqual(['anbringelsessted', 'boernesamtale']);
    expect(moveQuestion(t, 'anbringelsessted', -1)).toBe(t);
    t = retireQuestion(t, 'ungdomssanktion');
    expect(activeQuestions(t).map((q) => q.id)).not.toContain('ungdomssanktion');
    expect(t.questions.map((q) => q.id)).toContain('ungdomssanktion');
    expect(() => addQuestion(t, '  ')).toThrow('Skriv spørgsmålets tekst.');
  });
});

describe('descriptive questions and the comments a template requires', () => {
  const placement = BUILT_IN_TEMPLATES.find((t) => t.id === 'anbringelse')!;
  /** A template as stored before questions had a kind and templates a comment rule. */
  const old: QuestionTemplate = { id: 'egen', name: 'Eget skema', builtIn: false, questions: [{ id: 'a', text: 'Er planen journaliseret?' }, { id: 'b', text: 'Peger undersøgelsen på anbringelse?' }] };

  it('the placement template asks "Peger … på anbringelse?" as a descriptive question, and every built-in template wants a comment at Nej and Ja – lovlig undtagelse', () => {
    expect(placement.questions.filter((q) => q.kind === 'descriptive').map((q) => q.id)).toEqual(['undersoegelse']);
    for (const t of BUILT_IN_TEMPLATES) expect([...t.commentRequired!].sort()).toEqual(['exception', 'no']);
    expect(answersFor(placement.questions.find((q) => q.id === 'undersoegelse')!).map((a) => a.label)).toEqual(['Ja', 'Nej', 'Ikke relevant']);
    expect(answersFor(placement.questions[0]!)).toHaveLength(4);
  });

  it('a stored template without the marks reads as before: compliance questions, no comment required', () => {
    expect(old.questions.map((q) => q.kind ?? 'compliance')).toEqual(['compliance', 'compliance']);
    expect(commentRequiredFor(old, old.questions[0]!)).toEqual([]);
    expect(roundResults(old.questions, [{ caseNumber: 'S-1', stratum: 'alle', probability: 1, unit: 'X' }], () => 'no', { kind: 'targeted' }, [], false).descriptive).toEqual([]);
  });

  // Which answers need a comment: the question's own choice, else the template's; a descriptive question only its own.
  const cases: [string, QuestionTemplate['commentRequired'], Partial<Question>, Answer[]][] = [
    ['template says Nej and undtagelse', ['exception', 'no'], {}, ['exception', 'no']],
    ['template says nothing (stored before)', undefined, {}, []],
    ['question says only Nej', ['exception', 'no'], { commentRequired: ['no'] }, ['no']],
    ['question says never', ['exception', 'no'], { commentRequired: [] }, []],
    ['descriptive question, template says Nej', ['no'], { kind: 'descriptive' }, []],
    ['descriptive question that asks for one itself', ['no'], { kind: 'descriptive', commentRequired: ['no'] }, ['no']],
  ];
  it.each(cases)('%s', (_, templateRule, question, expected) => {
    expect(commentRequiredFor({ commentRequired: templateRule }, { id: 'q', text: 'q', ...question })).toEqual(expected);
  });

  const demands: [Answer | null, string, string | null][] = [
    ['no', '', 'Svaret «Nej» kræver en bemærkning.'],
    ['no', '   ', 'Svaret «Nej» kræver en bemærkning.'],
    ['exception', '', 'Svaret «Ja – lovlig undtagelse» kræver en bemærkning.'],
    ['no', 'Ikke journaliseret', null],
    ['yes', '', null],
    [null, '', null],
  ];
  it.each(demands)('answer %s with comment «%s»: %s', (answer, comment, expected) => {
    expect(missingComment(['exception', 'no'], answer, comment)).toBe(expected);
  });

  it('the editor sets a question\u2019s kind, and the comment rule of the template or of one question; the answers stay', () => {
    let t = setQuestionKind(old, 'b', 'descriptive');
    expect(t.questions[1]).toEqual({ id: 'b', text: 'Peger undersøgelsen på anbringelse?', kind: 'descriptive' });
    t = setCommentRequired(t, ['no', 'exception']);
    expect(t.commentRequired).toEqual(['exception', 'no']);
    t = setCommentRequired(t, ['no'], 'a');
    expect(t.questions[0]).toEqual({ id: 'a', text: 'Er planen journaliseret?', commentRequired: ['no'] });
    t = setCommentRequired(t, undefined, 'a');
    expect(t.questions[0]).toEqual({ id: 'a', text: 'Er planen journaliseret?' });
    expect(addQuestion(t, 'Er barnet anbragt?', undefined, 'descriptive').questions.at(-1)).toEqual({ id: 'er-barnet-anbragt', text: 'Er barnet anbragt?', kind: 'descriptive' });
    expect([commentChoiceOf(['no', 'exception']), commentChoiceOf([]), commentChoiceOf(['yes', 'exception'])]).toEqual(['no+exception', 'none', 'exception+yes']);
    expect(describeCommentRequired(['exception', 'no'])).toBe('Nej og Ja – lovlig undtagelse');
  });

  it('leaves a descriptive question out of the compliance rates, the findings, the units and the disagreements, and counts its answers', () => {
    // Five cases, a simple random sample. "plan" (compliance): Ja, undtagelse, Nej, Ja, ikke relevant → 3 compliant of 4 counted = 75 %.
    // Wilson for 3 of 4 at 95 %, z² = 3.841459: (6 + 3.841459 ∓ 1.959964·√(3.841459 + 3)) / (2·7.841459) = (9.841459 ∓ 5.126518) / 15.682918 = [0.30064, 0.95441].
    // "undersoegelse" (descriptive): Nej, Nej, Ja, Nej, no answer → counted only. Were it compliance it would be 1 of 4 = 25 % with three findings.
    const questions = placement.questions.filter((q) => q.id === 'plan' || q.id === 'undersoegelse');
    const rows: [string, string, Answer | null, Answer | null][] = [
      ['A', 'Nord', 'yes', 'no'], ['B', 'Nord', 'exception', 'no'], ['C', 'Syd', 'no', 'yes'], ['D', 'Syd', 'yes', 'no'], ['E', 'Syd', 'notRelevant', null],
    ];
    const sampled: ReviewedCase[] = rows.map(([caseNumber, unit]) => ({ caseNumber, stratum: 'alle', probability: 5 / 50, unit }));
    const given = new Map(rows.flatMap(([c, , plan, investigation]) => [[`${c}|plan`, plan], [`${c}|undersoegelse`, investigation]] as [string, Answer | null][]));
    const results = roundResults(questions, sampled, (c, q) => given.get(`${c}|${q}`), { kind: 'simple', n: 5 }, [], false);

    expect(results.compliance.map((r) => r.question.id)).toEqual(['plan']);
    const plan = results.compliance[0]!;
    expect(plan.result).toMatchObject({ rate: 0.75, method: 'wilson', counts: { yes: 2, exception: 1, no: 1, notRelevant: 1, unanswered: 0 } });
    expect(plan.result.ci!.low).toBeCloseTo(0.30064, 4);
    expect(plan.result.ci!.high).toBeCloseTo(0.95441, 4);
    expect(plan.units.map((u) => [u.unit, u.compliant, u.counted])).toEqual([['Nord', 2, 2], ['Syd', 1, 2]]);
    expect(results.descriptive).toEqual([{ question: questions.find((q) => q.id === 'undersoegelse'), counts: { yes: 1, exception: 0, no: 3, notRelevant: 0, unanswered: 1 } }]);

    const answers = [...given].filter(([, a]) => a !== null).map(([key, a]): ReviewAnswer => {
      const [caseNumber, questionId] = key.split('|') as [string, string];
      return { id: `R|${key}`, roundId: 'R', caseNumber, questionId, answer: a, comment: '', reviewer: 'L', at: 't', history: [] };
    });
    expect(findingsOf(answers, questions, new Map(rows.map(([c, u]) => [c, u]))).map((f) => [f.caseNumber, f.questionId])).toEqual([['C', 'plan']]);
    // The screening met BFU_FOER_ANBR in A: a descriptive "Nej" says nothing against it.
    const statuses = new Map([['A', new Map<string, RuleStatus[]>([['BFU_FOER_ANBR', ['met']], ['PLAN_RETTIDIG', ['breached']]])]]);
    expect(disagreements(answers, questions, statuses)).toEqual([{ caseNumber: 'A', questionId: 'plan', ruleId: 'PLAN_RETTIDIG', answer: 'yes', screening: 'breached' }]);
    // The same answers with the question as a compliance question (it comes first in the template): a rate of 25 %, three more findings.
    const asCompliance = questions.map((q) => ({ ...q, kind: 'compliance' as const }));
    expect(roundResults(asCompliance, sampled, (c, q) => given.get(`${c}|${q}`), { kind: 'simple', n: 5 }, [], false).compliance.map((r) => r.result.rate)).toEqual([0.25, 0.75]);
    expect(findingsOf(answers, asCompliance, new Map())).toHaveLength(4);
  });
});

describe('answers', () => {
  it('logs every change: who, when, old → new, from the app or Excel; an unchanged answer is no change', () => {
    const input = { roundId: 'R', caseNumber: 'S-1', questionId: 'bisidder', answer: 'yes' as Answer, comment: '' };
    const first = recordAnswer(undefined, input, 'Leder A', '2026-01-05T10:00:00.000Z', 'app')!;
    expect(first).toEqual({
      id: 'R|S-1|bisidder', roundId: 'R', caseNumber: 'S-1', questionId: 'bisidder', answer: 'yes', comment: '', reviewer: 'Leder A', at: '2026-01-05T10:00:00.000Z',
      history: [{ at: '2026-01-05T10:00:00.000Z', by: 'Leder A', source: 'app', from: null, to: 'yes', fromComment: '', toComment: '' }],
    });
    expect(recordAnswer(first, { ...input, comment: '  ' }, 'Leder A', '2026-01-05T10:01:00.000Z', 'app')).toBeUndefined();
    const second = recordAnswer(first, { ...input, answer: 'no', comment: 'Ikke journaliseret' }, 'Jurist B', '2026-01-06T09:00:00.000Z', 'excel')!;
    expect(second.history.map((h) => [h.by, h.source, h.from, h.to, h.toComment])).toEqual([['Leder A', 'app', null, 'yes', ''], ['Jurist B', 'excel', 'yes', 'no', 'Ikke journaliseret']]);
  });
});

const answersOf = (list: [string, Answer | null][]) => new Map(list);

describe('rates weighted for the design', () => {
  it('a stratified sample: the stratified estimator, hand-computed', () => {
    // Nord: N = 100, 10 reviewed, 8 Ja, 2 Nej. Syd: N = 50, 10 reviewed, 5 Ja (one of them "lovlig undtagelse"), 5 Nej.
    // p = 100/150·0.8 + 50/150·0.5 = 0.7.
    // v = (2/3)²·(1 − 10/100)·0.8·0.2/9 + (1/3)²·(1 − 10/50)·0.5·0.5/9 = 0.0071111 + 0.0024691 = 0.0095802.
    // Effective size p(1−p)/v = 0.21/0.0095802 = 21.920; Wilson with x = 0.7·21.920 = 15.344:
    // (2x + z² ± z·√(z² + 4x(n−x)/n)) / (2(n + z²)) = (34.530 ∓ 9.246) / 51.523 = [0.49072, 0.84963].
    const cases: ReviewedCase[] = [
      ...Array.from({ length: 10 }, (_, i) => ({ caseNumber: `N-${i}`, stratum: 'Nord', probability: 0.1, unit: 'Nord' })),
      ...Array.from({ length: 10 }, (_, i) => ({ caseNumber: `S-${i}`, stratum: 'Syd', probability: 0.2, unit: 'Syd' })),
    ];
    const answers = answersOf([
      ...cases.slice(0, 10).map((c, i): [string, Answer] => [c.caseNumber, i < 8 ? 'yes' : 'no']),
      ...cases.slice(10).map((c, i): [string, Answer] => [c.caseNumber, i === 0 ? 'exception' : i < 5 ? 'yes' : 'no']),
    ]);
    const strata = [{ key: 'Nord', population: 100, drawn: 10, takenWhole: false, short: false }, { key: 'Syd', population: 50, drawn: 10, takenWhole: false, short: false }];
    const result = questionResult('q', cases, answers, { kind: 'stratified', by: 'unit', perStratum: 10 }, strata, false);
    expect(result.method).toBe('stratified');
    expect(result.counts).toEqual({ yes: 12, exception: 1, no: 7, notRelevant: 0, unanswered: 0 });
    expect(result.rate).toBeCloseTo(0.7, 12);
    expect(result.ci!.low).toBeCloseTo(0.49072, 4);
    expect(result.ci!.high).toBeCloseTo(0.84963, 4);
    expect(result.strataWithoutAnswers).toBe(0);
  });

  it('never gives an interval of a single point: all Ja, or one case per stratum', () => {
    const cases: ReviewedCase[] = Array.from({ length: 20 }, (_, i) => ({ caseNumber: `C-${i}`, stratum: `SB ${i}`, probability: 1 / 30, unit: 'X' }));
    const strata = cases.map((c) => ({ key: c.stratum, population: 30, drawn: 1, takenWhole: false, short: false }));
    const allYes = questionResult('q', cases, answersOf(cases.map((c) => [c.caseNumber, 'yes'])), { kind: 'stratified', by: 'caseworker', perStratum: 1 }, strata, false);
    // The design's variance is 0 (one case per stratum); the 20 counted cases' Wilson: 20 of 20 → [0.83887, 1].
    expect(allYes.rate).toBe(1);
    expect(allYes.ci!.low).toBeCloseTo(0.83887, 4);
    const half = questionResult('q', cases, answersOf(cases.map((c, i) => [c.caseNumber, i % 2 ? 'yes' : 'no'])), { kind: 'stratified', by: 'caseworker', perStratum: 1 }, strata, false);
    expect(half.ci!.high - half.ci!.low).toBeGreaterThan(0.3);
  });

  it('says how many strata have no answers yet: the estimate leaves them out', () => {
    const cases: ReviewedCase[] = [{ caseNumber: 'A', stratum: 'Nord', probability: 0.1, unit: 'Nord' }, { caseNumber: 'B', stratum: 'Syd', probability: 0.1, unit: 'Syd' }];
    const strata = [{ key: 'Nord', population: 10, drawn: 1, takenWhole: false, short: false }, { key: 'Syd', population: 10, drawn: 1, takenWhole: false, short: false }];
    expect(questionResult('q', cases, answersOf([['A', 'no']]), { kind: 'stratified', by: 'unit', perStratum: 1 }, strata, false)).toMatchObject({ rate: 0, strataWithoutAnswers: 1 });
  });

  it('leaves "Ikke relevant" and unanswered out of the rate, and counts them', () => {
    const cases: ReviewedCase[] = ['A', 'B', 'C', 'D'].map((n) => ({ caseNumber: n, stratum: 'alle', probability: 0.1, unit: 'X' }));
    const result = questionResult('q', cases, answersOf([['A', 'yes'], ['B', 'no'], ['C', 'notRelevant']]), { kind: 'simple', n: 4 }, [], false);
    // Wilson for 1 of 2 at 95 %: (2 + 3.8415 ± 1.96·√(3.8415 + 2)) / (2·5.8415) = [0.0945, 0.9055].
    expect(result).toMatchObject({ rate: 0.5, method: 'wilson', counts: { yes: 1, no: 1, notRelevant: 1, unanswered: 1 } });
    expect(result.ci!.low).toBeCloseTo(0.0945, 4);
  });

  it('a targeted selection is a census of its filter: a rate, no interval', () => {
    const cases: ReviewedCase[] = ['A', 'B', 'C'].map((n) => ({ caseNumber: n, stratum: 'alle', probability: 1, unit: 'X' }));
    expect(questionResult('q', cases, answersOf([['A', 'yes'], ['B', 'yes'], ['C', 'no']]), { kind: 'targeted' }, [], false)).toMatchObject({ rate: 2 / 3, ci: null, method: 'census' });
  });

  it('a nested sample weights each case by its inclusion probability over both draws', () => {
    // Two cases from a stratum drawn at 1/10 (weight 10) say Ja; one from a stratum drawn at 1/2 (weight 2) says Nej.
    // Weighted rate = (10 + 10) / (10 + 10 + 2) = 0.90909; the unweighted 2/3 would be wrong.
    const cases: ReviewedCase[] = [
      { caseNumber: 'A', stratum: 'alle', probability: 0.1, unit: 'X' }, { caseNumber: 'B', stratum: 'alle', probability: 0.1, unit: 'X' }, { caseNumber: 'C', stratum: 'alle', probability: 0.5, unit: 'Y' },
    ];
    const result = questionResult('q', cases, answersOf([['A', 'yes'], ['B', 'yes'], ['C', 'no']]), { kind: 'simple', n: 3 }, [], true);
    expect(result.method).toBe('weighted');
    expect(result.rate).toBeCloseTo(20 / 22, 12);
    // v = 3/2 · [2·((1 − 0.90909)·10)² + ((0 − 0.90909)·2)²] / 22² = 3/2 · (2·0.82645 + 3.30579) / 484 = 0.015368;
    // effective size 0.90909·0.09091/0.015368 = 5.3778; Wilson with x = 4.8889: [0.48665, 0.99061].
    expect(result.ci!.low).toBeCloseTo(0.48665, 4);
    expect(result.ci!.high).toBeCloseTo(0.99061, 4);
  });
});

describe('findings and disagreements with the screening', () => {
  const questions = BUILT_IN_TEMPLATES[0]!.questions;
  const answer = (caseNumber: string, questionId: string, a: Answer): ReviewAnswer => ({ id: `R|${caseNumber}|${questionId}`, roundId: 'R', caseNumber, questionId, answer: a, comment: 'x', reviewer: 'L', at: 't', history: [] });

  it('every Nej is a finding, with the rule the question checks', () => {
    const found = findingsOf([answer('S-1', 'bisidder', 'no'), answer('S-2', 'bisidder', 'yes'), answer('S-3', 'samvaer-form', 'no')], questions, new Map([['S-1', 'Nord'], ['S-3', 'Syd']]));
    expect(found.map((f) => [f.caseNumber, f.ruleId, f.unit])).toEqual([['S-1', 'BISIDDER', 'Nord'], ['S-3', null, 'Syd']]);
  });

  it('lists "the answer says yes, the screening says breached" and the reverse', () => {
    const statuses = new Map<string, Map<string, RuleStatus[]>>([
      ['S-1', new Map([['BISIDDER', ['breached']]])],
      ['S-2', new Map([['BISIDDER', ['met', 'metWithException']]])],
      ['S-3', new Map([['BISIDDER', ['met', 'unknown']]])],
    ]);
    const found = disagreements([answer('S-1', 'bisidder', 'yes'), answer('S-2', 'bisidder', 'no'), answer('S-3', 'bisidder', 'no'), answer('S-4', 'bisidder', 'yes')], questions, statuses);
    expect(found).toEqual([
      { caseNumber: 'S-1', questionId: 'bisidder', ruleId: 'BISIDDER', answer: 'yes', screening: 'breached' },
      { caseNumber: 'S-2', questionId: 'bisidder', ruleId: 'BISIDDER', answer: 'no', screening: 'met' },
    ]);
  });
});

describe('per unit', () => {
  it('the share of compliant answers in each unit, with Wilson\u2019s interval', async () => {
    const { resultsByUnit } = await import('../../src/domain/review/results');
    const cases: ReviewedCase[] = [['A', 'Syd'], ['B', 'Nord'], ['C', 'Nord'], ['D', 'Nord'], ['E', 'Syd']].map(([caseNumber, unit]) => ({ caseNumber: caseNumber!, stratum: unit!, probability: 0.5, unit: unit! }));
    const units = resultsByUnit(cases, answersOf([['A', 'no'], ['B', 'yes'], ['C', 'exception'], ['D', 'no'], ['E', 'notRelevant']]));
    expect(units.map((u) => [u.unit, u.compliant, u.counted])).toEqual([['Nord', 2, 3], ['Syd', 0, 1]]);
    // Wilson for 2 of 3: (4 + 3.8415 ± 1.96·√(3.8415 + 8/3)) / (2·6.8415) = [0.2077, 0.9385].
    expect(units[0]!.ci!.low).toBeCloseTo(0.2077, 4);
    expect(units[0]!.ci!.high).toBeCloseTo(0.9385, 4);
  });
});
