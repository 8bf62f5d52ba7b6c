import Dexie from 'dexie';
import { strFromU8, unzipSync } from 'fflate';
import * as XLSX from 'xlsx';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../src/app/demo';
import { answersOf, applyHandover, exportHandover, listTemplates, readHandoverFile, saveAnswer, saveTemplate, setUpRound } from '../../src/app/review';
import { drawRound, loadFrame } from '../../src/app/sampling';
import type { RoundRecord, SampleRecord } from '../../src/domain/records';
import { openWorkspaceDb, type WorkspaceDb } from '../../src/db/workspace-db';
import { DEMO_REFERENCE_ANCHOR, DEMO_SEED } from '../../src/domain/demo/config';
import { retireQuestion, setCommentRequired } from '../../src/domain/review/templates';
import { rowChecksum } from '../../src/io/handover';

let db: WorkspaceDb;
let round: RoundRecord;
let sample: SampleRecord;
const REVIEWERS = ['Leder Fiktiv', 'Jurist Opdigtet'];

beforeAll(async () => {
  for (const name of await Dexie.getDatabaseNames()) await Dexie.delete(name);
  db = await openWorkspaceDb('review');
  await loadDemo(db, { preset: 'small', seed: DEMO_SEED, anchor: DEMO_REFERENCE_ANCHOR, importId: 'I-1', importedAt: '2026-11-27T08:00:00.000Z', by: 'Test Fiktiv' });
  const frame = await loadFrame(db);
  ({ round, sample } = await drawRound(db, frame, {
    round: 'Ledelsestilsyn 4. kvartal 2025', level: 2, period: null, design: { kind: 'simple', n: 10 }, seed: 3,
    selection: { filter: {}, excludeClosed: false, reviewedWithinMonths: null, asOf: '2025-12-31', parentSampleId: null }, drawnBy: 'AB',
  }, { by: 'Test Fiktiv', at: '2026-01-05T09:00:00.000Z' }));
}, 60_000);

describe('setting up a round', () => {
  it('shares the cases evenly between the reviewers, never to a case\u2019s own caseworker', async () => {
    const own = sample.cases[0]!.caseworker;
    round = await setUpRound(db, round.id, 'anbringelse', [...REVIEWERS, own, ' '], { by: 'Test Fiktiv' });
    const assigned = new Map(round.review!.assignments);
    expect(round.review!.reviewers).toEqual([...REVIEWERS, own]);
    expect(assigned.size).toBe(10);
    for (const c of sample.cases) expect(assigned.get(c.caseNumber)).not.toBe(c.caseworker);
    // Without the caseworker, two reviewers get 5 each.
    round = await setUpRound(db, round.id, 'anbringelse', REVIEWERS, { by: 'Test Fiktiv' });
    const loads = REVIEWERS.map((r) => round.review!.assignments.filter(([, who]) => who === r).length);
    expect(loads).toEqual([5, 5]);
    await expect(setUpRound(db, round.id, 'anbringelse', [' '], { by: 'Test Fiktiv' })).rejects.toThrow('Skriv mindst én gennemgåer.');
  });

  it('a template edited in the workspace keeps its ids; a retired question is left out of new sheets', async () => {
    const placement = (await listTemplates(db)).find((t) => t.id === 'anbringelse')!;
    await saveTemplate(db, retireQuestion(placement, 'ungdomssanktion'), { by: 'Test Fiktiv' });
    expect((await listTemplates(db)).find((t) => t.id === 'anbringelse')!.questions.find((q) => q.id === 'ungdomssanktion')!.retired).toBe(true);
  });
});

describe('saving answers', () => {
  it('saves the answer and the comment separately, so a comment saved with a stale view cannot undo an answer', async () => {
    const key = { roundId: round.id, caseNumber: sample.cases[9]!.caseNumber, questionId: 'anbringelsessted' };
    await saveAnswer(db, { ...key, answer: 'no' }, 'Leder Fiktiv', { by: 'Test Fiktiv', at: '2026-01-05T11:00:00.000Z' });
    await saveAnswer(db, { ...key, comment: 'Begrundelsen mangler' }, 'Leder Fiktiv', { by: 'Test Fiktiv', at: '2026-01-05T11:00:01.000Z' });
    const saved = (await answersOf(db, round.id)).find((a) => a.caseNumber === key.caseNumber && a.questionId === key.questionId)!;
    expect(saved).toMatchObject({ answer: 'no', comment: 'Begrundelsen mangler' });
    expect(saved.history.map((h) => [h.from, h.to, h.toComment])).toEqual([[null, 'no', ''], ['no', 'no', 'Begrundelsen mangler']]);
    await db.reviews.delete(saved.id);
  });
});

describe('the handover workbook round trip', () => {
  const at = (minute: number) => `2026-01-06T10:${String(minute).padStart(2, '0')}:00.000Z`;
  let bytes: Uint8Array;
  let filled: Uint8Array;
  const sheetOf = (reviewer: string) => reviewer.slice(0, 31);
  const casesOf = (reviewer: string) => round.review!.assignments.filter(([, r]) => r === reviewer).map(([c]) => c);

  it('exports instructions, the protocol and a sheet per reviewer with drop-downs, a frozen header and hidden keys', async () => {
    // Answered in the app before the export: shown in the sheet.
    await saveAnswer(db, { roundId: round.id, caseNumber: casesOf(REVIEWERS[1]!)[0]!, questionId: 'bisidder', answer: 'yes', comment: '' }, REVIEWERS[1]!, { by: 'Test Fiktiv', at: at(0) });
    bytes = await exportHandover(db, round.id, true, at(1));
    const book = XLSX.read(bytes);
    expect(book.SheetNames).toEqual(['Vejledning', 'Protokol', ...[...REVIEWERS].sort((a, b) => a.localeCompare(b, 'da'))]);
    const rows = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets[REVIEWERS[0]!]!, { header: 1, defval: null });
    // Row 1 is the DEMO line of a demo workspace; then the header, the hidden key row and one row per case.
    expect(rows[1]!.slice(0, 6)).toEqual(['Runde-id', 'Kontrolsum', 'Sagsnr', 'Enhed', 'Sagsbehandler', '1. Er der afholdt børnesamtale, eller er det begrundet, hvorfor den ikke er holdt?']);
    expect(rows[2]!.slice(0, 3)).toEqual(['runde', 'kontrolsum', 'sag']);
    expect(rows[2]).not.toContain('svar:ungdomssanktion');
    expect(rows.slice(3).map((r) => r[2])).toEqual(casesOf(REVIEWERS[0]!).sort());
    const files = unzipSync(bytes);
    // The sheets in order: Vejledning, Protokol, Jurist Opdigtet, Leder Fiktiv. The DEMO line moves everything a row down:
    // header row 2, hidden keys row 3, the 5 cases rows 4–8.
    const xml = strFromU8(files['xl/worksheets/sheet4.xml']!);
    expect(xml).toContain('<pane xSplit="3" ySplit="3" topLeftCell="D4" activePane="bottomRight" state="frozen"/>');
    expect(xml).toMatch(/<dataValidation type="list" allowBlank="1" showErrorMessage="1"[^>]* sqref="F4:F8"><formula1>&quot;Ja,Ja – lovlig undtagelse,Nej,Ikke relevant&quot;<\/formula1>/);
    expect((xml.match(/<dataValidation /g) ?? []).length).toBe(10); // 11 questions, one retired
    expect(xml).toContain('<row r="3" hidden="1"');
    expect(xml).toMatch(/<col min="1" max="1"[^>]*hidden="(1|true)"/);
    const other = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets[REVIEWERS[1]!]!, { header: 1, defval: null });
    expect(other.find((r) => r[2] === casesOf(REVIEWERS[1]!)[0])![5 + 2 * 4]).toBe('Ja');
  });

  it('reads back what the reviewers filled in, and reports a wrong value, an edited key, a deleted row and a case from another round', async () => {
    const book = XLSX.read(bytes);
    const a = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets[REVIEWERS[0]!]!, { header: 1, defval: null });
    const keys = a[2]!.map(String);
    const col = (id: string) => keys.indexOf(`svar:${id}`);
    const [first, second, third, fourth] = a.slice(3);
    first![col('boernesamtale')] = 'Ja';
    first![col('bisidder')] = 'Nej';
    first![col('bisidder') + 1] = 'Ingen vejledning i journalen';
    first![col('samvaer')] = 'n'; // the review form's key letters are accepted too
    first![col('samvaer') + 1] = 'Ingen afgørelse om samvær';
    second![col('anbringelsessted')] = 'Måske';
    second![col('samvaer')] = 'Ja – lovlig undtagelse';
    second![col('samvaer') + 1] = 'Samvær fastlagt ved dom';
    const edited = String(third![2]);
    third![2] = 'DEMO-999999'; // an edited case number
    const foreign = [...first!];
    foreign[0] = 'en-anden-runde';
    foreign[1] = rowChecksum('en-anden-runde', String(first![2]), keys.filter((k) => k.startsWith('svar:')).map((k) => k.slice(5)));
    const rowsA = [...a.slice(0, 3), first!, second!, third!, ...a.slice(7), foreign];
    void fourth; // deleted
    const b = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets[REVIEWERS[1]!]!, { header: 1, defval: null });
    const bFirst = b.slice(3).find((r) => r[2] === casesOf(REVIEWERS[1]!)[0])!;
    const bSecond = b.slice(3).find((r) => r !== bFirst)!;
    bFirst![col('bisidder')] = 'Nej'; // answered Ja in the app before the export
    bFirst![col('bisidder') + 1] = 'Ikke vejledt';
    bSecond![col('bisidder')] = 'Ja'; // answered Nej in the app after the export: a conflict
    await saveAnswer(db, { roundId: round.id, caseNumber: String(bSecond![2]), questionId: 'bisidder', answer: 'no', comment: 'Ændret i appen' }, REVIEWERS[1]!, { by: 'Test Fiktiv', at: at(5) });
    const out = XLSX.utils.book_new();
    for (const name of book.SheetNames) {
      const rows = name === REVIEWERS[0] ? rowsA : name === REVIEWERS[1] ? b : XLSX.utils.sheet_to_json<unknown[]>(book.Sheets[name]!, { header: 1, defval: null });
      XLSX.utils.book_append_sheet(out, XLSX.utils.aoa_to_sheet(rows as unknown[][]), name);
    }
    filled = new Uint8Array(XLSX.write(out, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);

    const reading = await readHandoverFile(db, round.id, filled);
    const order = (x: unknown[], y: unknown[]) => String(x[0]).localeCompare(String(y[0])) || String(x[1]).localeCompare(String(y[1]));
    const changes = reading.changes.map((c) => [c.caseNumber, c.questionId, c.answer, c.comment, c.kind, c.reviewer]).sort(order);
    expect(changes).toEqual(([
      [first![2], 'boernesamtale', 'yes', '', 'new', REVIEWERS[0]],
      [first![2], 'bisidder', 'no', 'Ingen vejledning i journalen', 'new', REVIEWERS[0]],
      [first![2], 'samvaer', 'no', 'Ingen afgørelse om samvær', 'new', REVIEWERS[0]],
      [second![2], 'samvaer', 'exception', 'Samvær fastlagt ved dom', 'new', REVIEWERS[0]],
      [bFirst![2], 'bisidder', 'no', 'Ikke vejledt', 'changed', REVIEWERS[1]],
      [bSecond![2], 'bisidder', 'yes', '', 'conflict', REVIEWERS[1]],
    ] as unknown[][]).sort(order));
    const sheetA = sheetOf(REVIEWERS[0]!);
    expect(reading.problems).toEqual([
      { sheet: sheetA, row: 5, column: 'H', message: 'Række 5, kolonne H (Er valget af anbringelsessted begrundet?): «Måske» er ikke et gyldigt svar. Brug Ja, Ja – lovlig undtagelse, Nej, Ikke relevant.' },
      { sheet: sheetA, row: 6, message: 'Række 6: nøglerne er ændret (sagsnummer eller skjulte kolonner), så rækken kan ikke føres sikkert tilbage og er ikke læst.' },
      { sheet: sheetA, row: 8, message: `Række 8 (sag ${first![2]}) hører til en anden runde og er ikke læst.` },
      { sheet: REVIEWERS[0], row: null, message: `Sag ${edited} mangler i arket (rækken er måske slettet); dens svar er ikke læst.` },
      { sheet: REVIEWERS[0], row: null, message: `Sag ${fourth![2]} mangler i arket (rækken er måske slettet); dens svar er ikke læst.` },
    ].sort((x, y) => (x.row ?? 99) - (y.row ?? 99) || x.message.localeCompare(y.message)));
  });

  it('applies only what the user accepts, logged as from Excel; reading the same workbook again changes nothing', async () => {
    const reading = await readHandoverFile(db, round.id, filled);
    const accepted = reading.changes.filter((c) => c.kind !== 'conflict');
    expect(await applyHandover(db, round.id, accepted, { by: 'Test Fiktiv', at: at(10) })).toBe(5);
    const answers = new Map((await answersOf(db, round.id)).map((x) => [`${x.caseNumber}|${x.questionId}`, x]));
    const conflict = reading.changes.find((c) => c.kind === 'conflict')!;
    expect(answers.get(`${conflict.caseNumber}|bisidder`)).toMatchObject({ answer: 'no', comment: 'Ændret i appen' });
    const changed = reading.changes.find((c) => c.kind === 'changed')!;
    expect(answers.get(`${changed.caseNumber}|bisidder`)!.history.map((h) => [h.source, h.from, h.to])).toEqual([['app', null, 'yes'], ['excel', 'yes', 'no']]);

    const again = await readHandoverFile(db, round.id, filled);
    expect(again.changes.map((c) => c.kind)).toEqual(['conflict']);
    expect(again.unchanged).toBe(5);
    expect(await applyHandover(db, round.id, again.changes.filter((c) => c.kind !== 'conflict'), { by: 'Test Fiktiv', at: at(11) })).toBe(0);
  });

  it('says so, in Danish, when the file is not a handover workbook', async () => {
    expect((await readHandoverFile(db, round.id, new Uint8Array([1, 2, 3]))).problems[0]!.message).toMatch(/^Filen (kan ikke læses|har ingen ark)/);
    const plain = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(plain, XLSX.utils.aoa_to_sheet([['Sagsnr'], ['S-1']]), 'Ark1');
    const reading = await readHandoverFile(db, round.id, new Uint8Array(XLSX.write(plain, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer));
    expect(reading.problems).toEqual([{ sheet: 'Ark1', row: null, message: 'Arket «Ark1» har ikke de skjulte nøgler og er ikke læst. Brug arket, som det blev eksporteret.' }]);
  });

  it('a comment starting with a dash comes back as written; an emptied answer is reported, never erased; retiring a question after the export does not spoil the sheet', async () => {
    const mine = casesOf(REVIEWERS[0]!).sort();
    await saveAnswer(db, { roundId: round.id, caseNumber: mine[1]!, questionId: 'samvaer', answer: 'no', comment: '- ingen afgørelse om samvær' }, REVIEWERS[0]!, { by: 'Test Fiktiv', at: at(20) });
    const sheet = await exportHandover(db, round.id, false, at(21));
    const placement = (await listTemplates(db)).find((t) => t.id === 'anbringelse')!;
    await saveTemplate(db, retireQuestion(placement, 'kvittering'), { by: 'Test Fiktiv' });
    const book = XLSX.read(sheet);
    const rows = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets[REVIEWERS[0]!]!, { header: 1, defval: null });
    const keys = rows[1]!.map(String);
    const row = rows.find((r) => r[2] === mine[1])!;
    // SheetJS wrote the guard apostrophe into the text; a reviewer's Excel shows it as typed.
    expect(row[keys.indexOf('bemaerkning:samvaer')]).toBe("'- ingen afgørelse om samvær");
    row[keys.indexOf('svar:samvaer')] = null;
    const out = XLSX.utils.book_new();
    for (const name of book.SheetNames) XLSX.utils.book_append_sheet(out, name === REVIEWERS[0] ? XLSX.utils.aoa_to_sheet(rows as unknown[][]) : book.Sheets[name]!, name);
    const reading = await readHandoverFile(db, round.id, new Uint8Array(XLSX.write(out, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer));
    expect(reading.changes.filter((c) => c.caseNumber === mine[1])).toEqual([]);
    expect(reading.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^Række \d+ \(Er der truffet afgørelse om samvær, eller er rammen for samvær fastlagt\?\): svaret er tomt i arket, men «Nej» i appen\. Et svar slettes ikke ved indlæsning; ret det i appen\.$/),
    ]);
  });
  it('reports an answer that lacks the comment its template requires, with sheet, row and column, and does not read it; a descriptive question needs none and has no lawful exception', async () => {
    const sheet = await exportHandover(db, round.id, false, at(30));
    const book = XLSX.read(sheet);
    const rows = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets[REVIEWERS[0]!]!, { header: 1, defval: null });
    const keys = rows[1]!.map(String);
    const col = (id: string) => keys.indexOf(`svar:${id}`);
    const letter = (c: number) => XLSX.utils.encode_col(c);
    // The workbook says which answers need a comment, and offers a descriptive question no lawful exception.
    expect(rows[0]![col('foraeldre') + 1]).toMatch(/^\d+\. Bemærkning \(skal udfyldes ved Nej og Ja – lovlig undtagelse\)$/);
    expect(rows[0]![col('undersoegelse') + 1]).toMatch(/^\d+\. Bemærkning$/);
    const xml = strFromU8(unzipSync(sheet)['xl/worksheets/sheet4.xml']!);
    expect(xml).toContain(`sqref="${letter(col('undersoegelse'))}3:${letter(col('undersoegelse'))}7"><formula1>&quot;Ja,Nej,Ikke relevant&quot;</formula1>`);

    const [one, two, three] = [rows[2]!, rows[3]!, rows[4]!];
    one[col('foraeldre')] = 'Nej'; // no comment
    one[col('undersoegelse')] = 'Nej'; // descriptive: no comment needed
    two[col('foraeldre')] = 'Ja – lovlig undtagelse';
    two[col('foraeldre') + 1] = '   '; // blank is no comment
    three[col('foraeldre')] = 'Nej';
    three[col('foraeldre') + 1] = 'Ikke vejledt om samtykke';
    three[col('undersoegelse')] = 'Ja – lovlig undtagelse';
    const out = XLSX.utils.book_new();
    for (const name of book.SheetNames) XLSX.utils.book_append_sheet(out, name === REVIEWERS[0] ? XLSX.utils.aoa_to_sheet(rows as unknown[][]) : book.Sheets[name]!, name);
    const filledIn = new Uint8Array(XLSX.write(out, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);

    const reading = await readHandoverFile(db, round.id, filledIn);
    const comment = letter(col('foraeldre') + 1);
    const text = 'Er forældrene vejledt om informeret samtykke og om §§ 72–73 (BL §§ 140–142)?';
    expect(reading.problems).toEqual([
      { sheet: REVIEWERS[0], row: 3, column: comment, message: `Række 3, kolonne ${comment} (${text}): Svaret «Nej» kræver en bemærkning. Bemærkningen er tom, så svaret er ikke læst ind; skriv den i arket og læs det ind igen.` },
      { sheet: REVIEWERS[0], row: 4, column: comment, message: `Række 4, kolonne ${comment} (${text}): Svaret «Ja – lovlig undtagelse» kræver en bemærkning. Bemærkningen er tom, så svaret er ikke læst ind; skriv den i arket og læs det ind igen.` },
      { sheet: REVIEWERS[0], row: 5, column: letter(col('undersoegelse')), message: 'Række 5, kolonne ' + letter(col('undersoegelse')) + ' (Peger den børnefaglige undersøgelse på anbringelse?): «Ja – lovlig undtagelse» er ikke et gyldigt svar. Brug Ja, Nej, Ikke relevant.' },
    ]);
    expect(reading.changes.map((c) => [c.caseNumber, c.questionId, c.answer, c.comment])).toEqual([
      [one[2], 'undersoegelse', 'no', ''],
      [three[2], 'foraeldre', 'no', 'Ikke vejledt om samtykke'],
    ]);

    // A template that asks for no comments reads the same rows.
    const placement = (await listTemplates(db)).find((t) => t.id === 'anbringelse')!;
    await saveTemplate(db, setCommentRequired(placement, []), { by: 'Test Fiktiv' });
    const lenient = await readHandoverFile(db, round.id, filledIn);
    expect(lenient.problems.map((p) => p.row)).toEqual([5]);
    expect(lenient.changes.map((c) => [c.caseNumber, c.questionId, c.answer])).toEqual([
      [one[2], 'foraeldre', 'no'], [one[2], 'undersoegelse', 'no'], [two[2], 'foraeldre', 'exception'], [three[2], 'foraeldre', 'no'],
    ]);
    await saveTemplate(db, placement, { by: 'Test Fiktiv' });
  });
});
