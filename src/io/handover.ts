import * as XLSX from 'xlsx';
import type { RoundRecord, SampleRecord } from '../domain/records';
import { formatDateTime } from '../domain/format';
import { fnv1a } from '../domain/hash';
import type { HandoverChange, HandoverProblem, HandoverReading, ReviewAnswer } from '../domain/review/answers';
import { ANSWERS, answerLabel, answersFor, commentRequiredFor, describeCommentRequired, isDescriptive, missingComment, type Answer, type Question, type QuestionTemplate } from '../domain/review/templates';
import { protocolLines } from '../domain/sampling/describe';
import { extensionsOf, outOfScopeOf } from '../domain/sampling/draw';
import { uniqueSheetName, writeWorkbook, type OutCell, type OutSheet } from './xlsx-write';

/**
 * The handover workbook (overdragelsesark): a round for reviewers who work in Excel, and reading
 * it back. Each reviewer's sheet has a row per case and an answer and a comment column per
 * question; hidden keys (round, case, question ids, a checksum) let the answers come back to the
 * right place, and tell when someone has edited what they should not.
 */

const KEY = { round: 'runde', checksum: 'kontrolsum', case: 'sag', reviewer: 'gennemgaaer:', answer: 'svar:', comment: 'bemaerkning:', exported: 'eksporteret:' } as const;
const INSTRUCTIONS = 'Vejledning';
const PROTOCOL = 'Protokol';
const FIXED = 5;

/** Ties a row's keys together: editing the round, the case or the question columns breaks it. */
export const rowChecksum = (roundId: string, caseNumber: string, questionIds: readonly string[]) => fnv1a(`${roundId}\n${caseNumber}\n${questionIds.join(',')}`).toString(16).padStart(8, '0');

export interface HandoverInput {
  round: RoundRecord;
  sample: SampleRecord;
  questions: readonly Question[];
  /** The template's own rule for comments; each question may say otherwise. */
  template: Pick<QuestionTemplate, 'commentRequired'>;
  answers: readonly ReviewAnswer[];
  /** Reviewer of each case. */
  assignments: ReadonlyMap<string, string>;
  exportedAt: string;
  demo: boolean;
}

export function handoverWorkbook(input: HandoverInput): Uint8Array {
  const { round, sample, questions, exportedAt } = input;
  const ids = questions.map((q) => q.id);
  const byCase = new Map<string, Map<string, ReviewAnswer>>();
  for (const a of input.answers) byCase.set(a.caseNumber, (byCase.get(a.caseNumber) ?? new Map()).set(a.questionId, a));
  const out = new Set(outOfScopeOf(sample));
  const reviewers = [...new Set(input.assignments.values())].sort((a, b) => a.localeCompare(b, 'da'));
  const used = new Set([INSTRUCTIONS.toLocaleLowerCase('da'), PROTOCOL.toLocaleLowerCase('da')]);
  const values = ANSWERS.map((a) => a.label);
  const required = questions.map((q) => commentRequiredFor(input.template, q));
  const commentHeader = (i: number) => `${i + 1}. Bemærkning${required[i]!.length ? ` (skal udfyldes ved ${describeCommentRequired(required[i]!)})` : ''}`;
  // A descriptive question has no lawful exception: its columns get a shorter list.
  const listsOf = (rows: number) => {
    const groups = new Map<string, number[]>();
    questions.forEach((q, i) => {
      const labels = answersFor(q).map((a) => a.label).join('\n');
      groups.set(labels, [...(groups.get(labels) ?? []), FIXED + 2 * i]);
    });
    return [...groups].map(([labels, columns]) => ({ columns, fromRow: 2, toRow: Math.max(2, rows + 1), values: labels.split('\n') }));
  };
  const sheets: OutSheet[] = reviewers.map((reviewer) => {
    const cases = sample.cases.filter((c) => !out.has(c.caseNumber) && input.assignments.get(c.caseNumber) === reviewer)
      .sort((a, b) => (a.caseNumber < b.caseNumber ? -1 : a.caseNumber > b.caseNumber ? 1 : 0));
    const header: OutCell[] = ['Runde-id', 'Kontrolsum', 'Sagsnr', 'Enhed', 'Sagsbehandler', ...questions.flatMap((q, i) => [`${i + 1}. ${q.text}`, commentHeader(i)])];
    const keys: OutCell[] = [KEY.round, KEY.checksum, KEY.case, `${KEY.reviewer}${reviewer}`, `${KEY.exported}${exportedAt}`, ...ids.flatMap((id) => [`${KEY.answer}${id}`, `${KEY.comment}${id}`])];
    const rows = cases.map((c): OutCell[] => [
      round.id, rowChecksum(round.id, c.caseNumber, ids), c.caseNumber, c.unit, c.caseworker,
      ...ids.flatMap((id) => {
        const a = byCase.get(c.caseNumber)?.get(id);
        return [a?.answer ? answerLabel(a.answer) : null, a?.comment || null];
      }),
    ]);
    return {
      name: uniqueSheetName(reviewer, used), rows: [header, keys, ...rows], hiddenRows: [1], hiddenColumns: [0, 1],
      widths: [12, 10, 16, 24, 20, ...questions.flatMap(() => [22, 28])], freeze: { rows: 2, columns: 3 },
      lists: listsOf(rows.length),
    };
  });
  return writeWorkbook([
    {
      name: INSTRUCTIONS, widths: [28, 90],
      rows: [
        ['Overdragelsesark', round.name],
        ['Eksporteret', formatDateTime(new Date(exportedAt))],
        [],
        ['Sådan udfylder du arket', ''],
        ['1.', 'Find dit navn på fanerne nederst. Hver række er en sag, du skal gennemgå.'],
        ['2.', `Vælg svaret i rullelisten under hvert spørgsmål: ${values.join(', ')}.${questions.some(isDescriptive) ? ' Et beskrivende spørgsmål (fx om undersøgelsen peger på anbringelse) har ikke «Ja – lovlig undtagelse» og tæller ikke med i overholdelsen.' : ''}`],
        ['3.', `Skriv en bemærkning i kolonnen ved siden af, når svaret kræver det: bemærkningskolonnens overskrift siger, ved hvilke svar (i dette spørgeskema ${describeCommentRequired(input.template.commentRequired ?? [])}). Et svar uden den bemærkning, det kræver, læses ikke ind.`],
        ['4.', 'Ret ikke i Sagsnr, og slet eller flyt ikke rækker eller kolonner: skjulte nøgler fører svarene tilbage til den rigtige sag.'],
        ['5.', 'Gem filen og send den tilbage. Den læses ind under Tilsyn → runden → Læs overdragelsesark ind; du ser, hvad der ændres, før noget gemmes.'],
      ],
    },
    { name: PROTOCOL, widths: [34, 80], rows: protocolLines(sample.protocol, extensionsOf(sample), out.size) },
    ...sheets,
  ], `Overdragelsesark: ${round.name}`, { demo: input.demo });
}

/** The answer a cell gives to a question: null when empty, undefined when it is none the question offers. */
const answerFromText = (text: string, question: Question): Answer | null | undefined => {
  const t = text.trim().toLocaleLowerCase('da').replace(/\s*[–-]\s*/g, ' – ');
  if (!t) return null;
  return answersFor(question).find((a) => a.label.toLocaleLowerCase('da') === t || a.key.toLocaleLowerCase('da') === t)?.value;
};

/** A cell's text as the reviewer wrote it: the apostrophe the export put before a leading =, +, -, @ is not part of it. */
const cellText = (value: unknown) => (value == null ? '' : String(value).replace(/^'(?=[=+\-@\t\r])/, ''));

/** Reads a filled-in handover workbook against the round as it is now; changes nothing. */
export function readHandover(bytes: Uint8Array, input: Omit<HandoverInput, 'exportedAt' | 'demo'>): HandoverReading {
  let book: XLSX.WorkBook;
  const notXlsx = { changes: [], problems: [{ sheet: '', row: null, message: 'Filen kan ikke læses som et Excel-ark (.xlsx).' }], unchanged: 0 };
  // An .xlsx file is a zip archive; anything else (a csv, a renamed file) is not a handover workbook.
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) return notXlsx;
  try {
    book = XLSX.read(bytes, { type: 'array', dense: false });
  } catch {
    return notXlsx;
  }
  const problems: HandoverProblem[] = [];
  const changes: HandoverChange[] = [];
  let unchanged = 0;
  const inSample = new Map(input.sample.cases.filter((c) => !outOfScopeOf(input.sample).includes(c.caseNumber)).map((c) => [c.caseNumber, c]));
  const questions = new Map(input.questions.map((q) => [q.id, q]));
  const current = new Map(input.answers.map((a) => [`${a.caseNumber}|${a.questionId}`, a]));
  const seen = new Set<string>();
  const readFor = new Set<string>();
  let roundSheets = 0;
  for (const name of book.SheetNames) {
    if (name === INSTRUCTIONS || name === PROTOCOL) continue;
    const rows = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets[name]!, { header: 1, blankrows: true, defval: null });
    const keyRow = rows.findIndex((r, i) => i < 5 && cellText(r[0]) === KEY.round);
    if (keyRow < 0) {
      problems.push({ sheet: name, row: null, message: `Arket «${name}» har ikke de skjulte nøgler og er ikke læst. Brug arket, som det blev eksporteret.` });
      continue;
    }
    roundSheets += 1;
    const keys = rows[keyRow]!.map(cellText);
    const col = (key: string) => keys.indexOf(key);
    const exportedAt = keys.find((k) => k.startsWith(KEY.exported))?.slice(KEY.exported.length) ?? '';
    const sheetReviewer = keys.find((k) => k.startsWith(KEY.reviewer))?.slice(KEY.reviewer.length);
    const ids = keys.filter((k) => k.startsWith(KEY.answer)).map((k) => k.slice(KEY.answer.length));
    const unknownQuestion = ids.find((id) => !questions.has(id));
    if (col(KEY.case) < 0 || col(KEY.checksum) < 0 || unknownQuestion !== undefined) {
      problems.push({ sheet: name, row: keyRow + 1, message: `Arkets nøglerække er ændret${unknownQuestion ? ` (spørgsmålet «${unknownQuestion}» findes ikke i runden)` : ''}; arket er ikke læst.` });
      continue;
    }
    if (sheetReviewer) readFor.add(sheetReviewer);
    for (let r = keyRow + 1; r < rows.length; r++) {
      const row = rows[r]!;
      const line = r + 1;
      if (row.every((v) => cellText(v).trim() === '')) continue;
      const roundId = cellText(row[col(KEY.round)]);
      const caseNumber = cellText(row[col(KEY.case)]).trim();
      if (roundId !== input.round.id) {
        problems.push({ sheet: name, row: line, message: `Række ${line} (sag ${caseNumber || 'uden nummer'}) hører til en anden runde og er ikke læst.` });
        continue;
      }
      if (cellText(row[col(KEY.checksum)]) !== rowChecksum(roundId, caseNumber, ids)) {
        problems.push({ sheet: name, row: line, message: `Række ${line}: nøglerne er ændret (sagsnummer eller skjulte kolonner), så rækken kan ikke føres sikkert tilbage og er ikke læst.` });
        continue;
      }
      const sampled = inSample.get(caseNumber);
      if (!sampled) {
        problems.push({ sheet: name, row: line, message: `Række ${line}: sag ${caseNumber} er ikke (længere) med i runden og er ikke læst.` });
        continue;
      }
      if (seen.has(caseNumber)) {
        problems.push({ sheet: name, row: line, message: `Række ${line}: sag ${caseNumber} står der to gange; kun den første er læst.` });
        continue;
      }
      seen.add(caseNumber);
      // The answers are the sheet's reviewer's, whoever has the case now.
      const reviewer = sheetReviewer ?? input.assignments.get(caseNumber) ?? name;
      for (const id of ids) {
        const text = cellText(row[col(`${KEY.answer}${id}`)]);
        const comment = cellText(row[col(`${KEY.comment}${id}`)]).trim();
        const question = questions.get(id)!;
        const answer = answerFromText(text, question);
        if (answer === undefined) {
          const letter = XLSX.utils.encode_col(col(`${KEY.answer}${id}`));
          problems.push({ sheet: name, row: line, column: letter, message: `Række ${line}, kolonne ${letter} (${question.text}): «${text.trim()}» er ikke et gyldigt svar. Brug ${answersFor(question).map((a) => a.label).join(', ')}.` });
          continue;
        }
        const now = current.get(`${caseNumber}|${id}`);
        if (answer === null && now?.answer != null) {
          // An emptied cell never erases an answer: say so, so nobody believes it was withdrawn.
          problems.push({ sheet: name, row: line, column: XLSX.utils.encode_col(col(`${KEY.answer}${id}`)), message: `Række ${line} (${question.text}): svaret er tomt i arket, men «${answerLabel(now.answer)}» i appen. Et svar slettes ikke ved indlæsning; ret det i appen.` });
          if (comment === now.comment) continue;
        }
        if (answer === null && !comment && !now) continue;
        const resolved = answer ?? now?.answer ?? null;
        if (resolved === (now?.answer ?? null) && comment === (now?.comment ?? '')) {
          if (now) unchanged += 1;
          continue;
        }
        // An answer without the comment its question requires is not read: the reviewer writes it first.
        const demand = missingComment(commentRequiredFor(input.template, question), resolved, comment);
        if (demand) {
          const letter = XLSX.utils.encode_col(col(`${KEY.comment}${id}`));
          problems.push({ sheet: name, row: line, column: letter, message: `Række ${line}, kolonne ${letter} (${question.text}): ${demand} Bemærkningen er tom, så svaret er ikke læst ind; skriv den i arket og læs det ind igen.` });
          continue;
        }
        // Changed in the app after the export, and the sheet says something else: the user decides.
        const kind = now && exportedAt && now.at > exportedAt ? 'conflict' : !now || now.answer == null ? 'new' : 'changed';
        changes.push({ caseNumber, questionId: id, reviewer, answer: resolved, comment, kind, current: now ? { answer: now.answer, comment: now.comment, at: now.at } : null });
      }
    }
  }
  if (roundSheets === 0 && problems.length === 0) problems.push({ sheet: '', row: null, message: 'Filen har ingen ark fra et overdragelsesark.' });
  // A case of a reviewer whose sheet was read, but in no row: its row was deleted.
  for (const caseNumber of [...inSample.keys()].sort()) {
    if (!seen.has(caseNumber) && readFor.has(input.assignments.get(caseNumber) ?? '')) {
      problems.push({ sheet: input.assignments.get(caseNumber)!, row: null, message: `Sag ${caseNumber} mangler i arket (rækken er måske slettet); dens svar er ikke læst.` });
    }
  }
  return { changes, problems, unchanged };
}
