import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { logExport } from '../../src/app/audit';
import { setKeepImportFiles, runImport } from '../../src/app/import-run';
import { saveProfile } from '../../src/app/import-service';
import { addAction, addFocusArea, setActionStatus } from '../../src/app/improvement';
import { applyHandover, listTemplates, saveAnswer, saveTemplate, setUpRound } from '../../src/app/review';
import { drawRound, extendSample, loadFrame, replaceOutOfScope } from '../../src/app/sampling';
import { deleteScreening, runScreening, saveScreeningSettings, setKeepScreenings, storeScreening } from '../../src/app/screening';
import { deleteImportFile } from '../../src/app/storage-report';
import { WorkspaceService } from '../../src/app/workspaces';
import { sha256Text } from '../../src/db/audit-log';
import { CatalogDb } from '../../src/db/catalog';
import { openWorkspaceDb, type WorkspaceDb } from '../../src/db/workspace-db';
import { verifyChain, type Stamp } from '../../src/domain/audit';
import { DEFAULT_SETTINGS } from '../../src/domain/rules/settings';
import type { SourceWorkbook } from '../../src/domain/source';
import { suggestMapping } from '../../src/io/mapping';

/** Every use case that changes a workspace logs who did it (the name given for the session), what and how many. */

const BY = 'Bo Opdigtet';
let minute = 0;
/** Who and a time a minute later each call, so the entries' times are known. */
const stamp = (): Required<Stamp> => ({ by: BY, at: `2026-03-01T09:${String(++minute).padStart(2, '0')}:00.000Z` });

let db: WorkspaceDb;
beforeEach(async () => {
  for (const name of await Dexie.getDatabaseNames()) await Dexie.delete(name);
  db = await openWorkspaceDb('services');
  minute = 0;
});
afterEach(() => db.close());

const last = async () => (await db.auditLog.orderBy('seq').last())!;

const HEADERS = ['Sagsnr', 'Enhed', 'Sagsbehandler', 'Undersøgelse påbegyndt', 'Undersøgelse afsluttet'];
// S-1 breaches two rules at 30-06-2024: completed 2 days after its deadline 01-06-2024 (BFU_4M), and with no
// interim assessment by 08-06-2024 (BFU_FORELOEBIG); the others started 01-05-2024 and are not yet due.
const ROWS = [['S-1', 'Nord', 'AB', '01-02-2024', '03-06-2024'], ['S-2', 'Syd', 'CD', '01-05-2024', null], ['S-3', 'Nord', 'AB', '01-05-2024', null], ['S-4', 'Syd', 'CD', '01-05-2024', null]];
const workbook: SourceWorkbook = { format: 'csv', sheets: [{ name: 'x', headers: HEADERS, emptyRows: 0, rows: ROWS.map((cells, i) => ({ number: i + 2, cells })) }] };

describe('each use case logs who did what', () => {
  it('imports, screenings, settings, samples, answers, plans, deletions and exports, in one whole chain', async () => {
    await runImport(db, workbook, { importId: 'I-1', importedAt: '2026-03-01T09:00:00.000Z', fileName: 'udtraek.csv', size: 1, sha256: 'x', readMs: 0, mapping: suggestMapping(workbook), keepFullCpr: false, source: new Uint8Array([1, 2]), by: BY });
    expect(await last()).toMatchObject({
      seq: 1, at: '2026-03-01T09:00:00.000Z', by: BY, action: 'import',
      details: { fileName: 'udtraek.csv', extractDate: '2026-03-01', rowsRead: 4, cases: 4, added: 4, changed: 0, noLongerPresent: 0, errors: 0, warnings: 0 },
    });

    const run = await runScreening(db, { id: 'S-1', asOf: '2024-06-30', createdAt: '2026-03-01T09:00:30.000Z', purpose: 'user', by: BY });
    await storeScreening(db, run, BY);
    expect(await last()).toMatchObject({ by: BY, action: 'screening', details: { asOf: '2024-06-30', purpose: 'user', cases: 4, breached: 2 } });

    // Settings: old → new, and nothing when nothing changes.
    await saveScreeningSettings(db, { ...DEFAULT_SETTINGS, enabled: { UND_24T: false } }, stamp());
    expect(await last()).toMatchObject({ by: BY, action: 'settings.screening', details: { changes: [{ field: 'enabled.UND_24T', from: null, to: false }] } });
    await setKeepScreenings(db, 3, stamp());
    expect(await last()).toMatchObject({ by: BY, action: 'settings.keepScreenings', details: { from: 5, to: 3 } });
    const lines = await db.auditLog.count();
    await setKeepScreenings(db, 3, stamp());
    expect(await db.auditLog.count()).toBe(lines);
    await saveProfile(db, 'DUBU-udtræk', workbook, suggestMapping(workbook), stamp());
    expect(await last()).toMatchObject({ by: BY, action: 'profile.saved', details: { name: 'DUBU-udtræk', replaced: false, sheets: 1 } });

    // A sample, extended, and a case out of scope replaced.
    const frame = await loadFrame(db);
    const { round, sample } = await drawRound(db, frame, {
      round: 'Runde 1', level: null, period: null, design: { kind: 'simple', n: 2 }, seed: 1,
      selection: { filter: {}, excludeClosed: false, reviewedWithinMonths: null, asOf: '2024-06-30', parentSampleId: null }, drawnBy: 'Anne Fiktiv',
    }, stamp());
    expect(await last()).toMatchObject({ by: BY, action: 'sample.drawn', details: { round: 'Runde 1', cases: 2, population: 4, seed: 1, drawnBy: 'Anne Fiktiv' } });
    await extendSample(db, frame, sample.id, 3, stamp());
    expect(await last()).toMatchObject({ by: BY, action: 'sample.extend', details: { round: 'Runde 1', from: 2, to: 3, cases: 3 } });
    const gone = sample.cases[0]!.caseNumber;
    const { replacement } = await replaceOutOfScope(db, frame, sample.id, gone, stamp());
    expect(await last()).toMatchObject({ by: BY, action: 'sample.outOfScope', details: { round: 'Runde 1', caseNumber: gone, replacement: replacement!.caseNumber, cases: 4 } });

    // Review: template, round, an answer changed twice and its comment, then a handover.
    const template = (await listTemplates(db)).find((t) => t.id === 'ledelsestilsyn')!;
    await saveTemplate(db, template, stamp());
    expect(await last()).toMatchObject({ by: BY, action: 'template.saved', details: { template: template.name, questions: template.questions.length } });
    await setUpRound(db, round.id, 'ledelsestilsyn', ['Anne Fiktiv', 'Cecilie Prøve'], stamp());
    expect(await last()).toMatchObject({ by: BY, action: 'round.setUp', details: { round: 'Runde 1', reviewers: ['Anne Fiktiv', 'Cecilie Prøve'], unassignable: 0 } });
    const key = { roundId: round.id, caseNumber: replacement!.caseNumber, questionId: 'plan' };
    await saveAnswer(db, { ...key, answer: 'no' }, 'Anne Fiktiv', stamp());
    expect(await last()).toMatchObject({ by: BY, action: 'answer.saved', details: { round: 'Runde 1', caseNumber: key.caseNumber, question: 'plan', reviewer: 'Anne Fiktiv', from: null, to: 'no', source: 'app' } });
    await saveAnswer(db, { ...key, answer: 'yes' }, 'Anne Fiktiv', stamp());
    expect((await last()).details).toMatchObject({ from: 'no', to: 'yes' });
    await saveAnswer(db, { ...key, comment: 'Set i journalen' }, 'Anne Fiktiv', stamp());
    expect((await last()).details).toEqual({ round: 'Runde 1', caseNumber: key.caseNumber, question: 'plan', reviewer: 'Anne Fiktiv', comment: { from: '', to: 'Set i journalen' }, source: 'app' });
    const applied = await applyHandover(db, round.id, [
      { caseNumber: key.caseNumber, questionId: 'plan', reviewer: 'Anne Fiktiv', answer: 'exception', comment: 'Begrundet', kind: 'changed', current: null },
    ], stamp());
    expect(applied).toBe(1);
    expect(await last()).toMatchObject({
      by: BY, action: 'handover.applied',
      details: { round: 'Runde 1', answers: 1, changes: [{ caseNumber: key.caseNumber, question: 'plan', reviewer: 'Anne Fiktiv', from: 'yes', to: 'exception', comment: { from: 'Set i journalen', to: 'Begrundet' } }] },
    });

    // The improvement plan.
    const area = await addFocusArea(db, { title: 'Handleplaner', questions: [], rules: [], from: null }, stamp());
    const action = await addAction(db, { focusArea: area.id, text: 'Tjekliste', owner: 'Leder A', deadline: '2026-06-30' }, stamp());
    await setActionStatus(db, action.id, 'done', stamp());
    expect(await last()).toMatchObject({ by: BY, action: 'plan.status', details: { text: 'Tjekliste', from: 'notStarted', to: 'done' } });

    // Deletions and settings that let go of data.
    await deleteScreening(db, 'S-1', stamp());
    expect(await last()).toMatchObject({ by: BY, action: 'screening.deleted', details: { asOf: '2024-06-30', createdAt: '2026-03-01T09:00:30.000Z', cases: 4 } });
    await deleteImportFile(db, 'I-1', stamp());
    expect(await last()).toMatchObject({ by: BY, action: 'import.fileDeleted', details: { fileName: 'udtraek.csv', importedAt: '2026-03-01T09:00:00.000Z' } });
    await setKeepImportFiles(db, false, stamp());
    expect(await last()).toMatchObject({ by: BY, action: 'settings.keepImportFiles', details: { from: true, to: false } });

    // An export, recorded after the page handed the file over.
    await logExport(db, 'plan', { rows: 1 }, stamp());
    const exported = await last();
    expect(exported).toMatchObject({ by: BY, action: 'export', details: { kind: 'plan', rows: 1 } });
    expect(exported.at).toBe(`2026-03-01T09:${String(minute).padStart(2, '0')}:00.000Z`);

    const all = await db.auditLog.toArray();
    expect(all).toHaveLength(exported.seq);
    expect(new Set(all.map((e) => e.by))).toEqual(new Set([BY]));
    expect(verifyChain(all, sha256Text).problems).toEqual([]);
  });
});

describe('this computer\u2019s log of workspaces', () => {
  it('records creation, renaming, a demo reset and deletion with who did it, in its own chain', async () => {
    const catalog = new CatalogDb();
    let n = 0;
    const service = new WorkspaceService(catalog, () => 'Anne Fiktiv', () => new Date('2026-03-02T10:00:00.000Z'), () => `ws-${++n}`);
    await service.create('Varde');
    await service.rename('ws-1', 'Varde Kommune');
    await service.rename('ws-1', 'Varde Kommune');
    await service.createFilled('Demokommune', { isDemo: true }, async () => {});
    await service.refill('ws-2', async () => {});
    await service.remove('ws-1', 'Varde Kommune');
    const { entries, chain } = await service.log();
    expect(entries.map((e) => [e.seq, e.by, e.action, e.details])).toEqual([
      [1, 'Anne Fiktiv', 'workspace.created', { name: 'Varde', demo: false, workspaceId: 'ws-1' }],
      [2, 'Anne Fiktiv', 'workspace.renamed', { name: 'Varde Kommune', from: 'Varde', to: 'Varde Kommune', workspaceId: 'ws-1' }],
      [3, 'Anne Fiktiv', 'workspace.created', { name: 'Demokommune', demo: true, workspaceId: 'ws-2' }],
      [4, 'Anne Fiktiv', 'workspace.demoReset', { name: 'Demokommune', workspaceId: 'ws-3' }],
      [5, 'Anne Fiktiv', 'workspace.deleted', { name: 'Varde Kommune', createdAt: '2026-03-02T10:00:00.000Z', workspaceId: 'ws-1' }],
    ]);
    expect(chain.problems).toEqual([]);
    // The workspace's own log starts with its creation, by the same user.
    const demo = await openWorkspaceDb('ws-3');
    expect(await demo.auditLog.toArray()).toEqual([expect.objectContaining({ seq: 1, by: 'Anne Fiktiv', action: 'workspace.created', details: { name: 'Demokommune' } })]);
    demo.close();
    // Tampering with it is found as in a workspace's log.
    await catalog.log.update(entries[4]!.id!, { details: { name: 'Noget andet' } });
    expect((await service.log()).chain.problems).toEqual([{ kind: 'edited', seq: 5 }]);
    catalog.close();
  });
});
