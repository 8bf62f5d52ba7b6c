/**
 * One import through the built app's UI in a fresh Chromium profile, as a user does it: storage
 * notice, new workspace, Import, pick the file, accept the suggested mapping, "Importér", report.
 */
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { acknowledgeStorageNotice, createWorkspace, FILE_URL, launch, newProfileDir, removeProfileDir, Watch } from '../test/e2e/browser.ts';
import { backupAndRestore, type BackupResult } from './backup-run.ts';
import { LONGTASK_SCRIPT, longTasks, pageNow, startHeapSampler } from './probes.ts';
import { installReader, READ_RECORD, STORED_SCREENING } from './stored.ts';

const TIMEOUT = 5 * 60_000;

type Parts = { stored: number; transform: number; merge: number; write: number };

export interface AppResult {
  ok: boolean;
  problem?: string;
  rowsRead: number;
  casesStored: number;
  rejected: number;
  issues: number;
  events: Record<string, number>;
  readMs: number;
  transformMs: number;
  writeMs: number;
  /** From setInputFiles to the mapping screen (file → bytes → worker read → preview). */
  pickMs: number;
  /** From the click on "Importér" to the report on screen. */
  wallMs: number;
  /** From the report on screen to "Sagerne er screenet": the screening the import starts by itself, at the extract's date. */
  autoScreenMs: number;
  heapPage: number;
  heapWorker: number;
  heapSamples: number;
  heapMaxGapMs: number;
  longest: { max: number; over200: number; count: number };
  longestWhilePicking: { max: number; over200: number; count: number };
  /** Sager: from the click on the menu to the list on screen, and a sort by case number. */
  caseListMs: number;
  sortMs: number;
  longestInCaseList: { max: number; over200: number; count: number };
  /** Screening at 31-12-2025: time in the worker (screen + store) and from the click to the result on screen. */
  screenMs: number;
  screenStoreMs: number;
  /** The first screening's time in the worker in parts (ScreeningRecord.timings.parts). */
  screenParts?: { own: number; helper: number; join: number; summary: number };
  screenWallMs: number;
  screenResults: number;
  longestInScreening: { max: number; over200: number; count: number };
  /** Overblik after that screening: from the click on the menu until every chart is drawn. */
  overviewMs: number;
  longestInOverview: { max: number; over200: number; count: number };
  /** IndexedDB use of the profile (navigator.storage.estimate), one workspace in it. */
  bytesAfterImport: number;
  bytesAfterScreenings: number;
  bytesAfterReimport: number;
  /** Ten screenings at ten month ends: how many stay stored (the rest pruned), and their time in the worker. */
  screenings: { run: number; kept: number; screenMs: number[] };
  /** The weekly re-import of the same cases with 5 % changed (CSV only). */
  reimport?: { readMs: number; transformMs: number; writeMs: number; wallMs: number; changed: number; unchanged: number; added: number; parts?: Parts };
  /** The first import's transaction in parts (ImportTimings.parts). */
  parts?: Parts;
  /** Backup of the workspace as it is at the end (cases, imports and their files, the kept screenings) and its restore as a new workspace. */
  backup?: BackupResult;
  errors: string[];
}

/** Asks `read` every 250 ms until it gives something (waitForFunction would take the pending promise itself for an answer). */
async function until<T>(read: () => Promise<T | null>): Promise<T> {
  const deadline = performance.now() + TIMEOUT;
  for (;;) {
    const value = await read();
    if (value !== null) return value;
    if (performance.now() > deadline) throw new Error(`nothing after ${TIMEOUT / 1000} s`);
    await new Promise((next) => setTimeout(next, 250));
  }
}

const storageUsed = (page: Page): Promise<number> => page.evaluate('navigator.storage.estimate().then((e) => e.usage)');

/** Runs a screening through the page, as a user does, and reads its timings from the stored record. */
async function screening(page: Page, asOf = '2025-12-31') {
  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Screening', exact: true }).click();
  await page.getByLabel('Skæringsdato').fill(asOf);
  const at = await pageNow(page);
  const started = performance.now();
  await page.getByRole('button', { name: 'Kør screening' }).click();
  await page.getByRole('heading', { name: `Screening pr. ${asOf.split('-').reverse().join('-')}` }).waitFor({ timeout: TIMEOUT });
  await page.locator('table.counts tbody tr').first().waitFor({ timeout: TIMEOUT });
  const wallMs = performance.now() - started;
  // The worker stores the results after the page has shown them: wait for the stored record.
  type Stored = { kept: number; timings: { screenMs: number; storeMs: number; parts?: AppResult['screenParts'] }; results: number };
  const stored = await until(() => page.evaluate(`(${STORED_SCREENING})(${JSON.stringify(asOf)})`) as Promise<Stored | null>);
  return { wallMs, ...stored.timings, kept: stored.kept, results: stored.results, longest: await longTasks(page, at, await pageNow(page)) };
}

/** Overblik after a screening: from the click on the menu until its figures are made (in the worker, from the stored results) and every chart is drawn. */
async function overview(page: Page) {
  const at = await pageNow(page);
  const started = performance.now();
  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Overblik', exact: true }).click();
  await page.locator('.dashboard[data-ready="true"] #rule-chart-canvas[data-drawn]').waitFor({ timeout: TIMEOUT });
  await page.locator('#heat-map-table').waitFor({ timeout: TIMEOUT });
  const overviewMs = performance.now() - started;
  return { overviewMs, longest: await longTasks(page, at, await pageNow(page)) };
}

/** Ten screenings, at the month ends of 2025 from January: what storing them leaves on disk. */
async function tenScreenings(page: Page) {
  const screenMs: number[] = [];
  let kept = 0;
  for (let month = 1; month <= 10; month++) {
    const asOf = new Date(Date.UTC(2025, month, 0)).toISOString().slice(0, 10);
    const run = await screening(page, asOf);
    screenMs.push(run.screenMs);
    kept = run.kept;
  }
  return { run: 10, kept, screenMs };
}

/** Opens the case list after the import and sorts it: the page must stay usable at 100,000 cases. */
async function caseList(page: Page) {
  const at = await pageNow(page);
  const started = performance.now();
  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Sager', exact: true }).click();
  await page.getByTestId('case-count').waitFor({ timeout: TIMEOUT });
  const caseListMs = performance.now() - started;
  const firstCase = page.locator('.virtual-table tbody tr:not(.spacer) td').first();
  const before = await firstCase.innerText();
  const sortStarted = performance.now();
  await page.getByRole('button', { name: 'Sagsnr' }).click();
  await page.waitForFunction((text) => document.querySelector('.virtual-table tbody tr:not(.spacer) td')?.textContent !== text, before, { timeout: TIMEOUT });
  const sortMs = performance.now() - sortStarted;
  return { caseListMs, sortMs, longest: await longTasks(page, at, await pageNow(page)) };
}

interface StoredImport {
  imports: number;
  cases: number;
  record?: {
    timings: { readMs: number; transformMs: number; writeMs: number; parts?: Parts }; counts: { rowsRead: number; rowsRejected: number; events: Record<string, number> }; issues: unknown[];
    diff: { added: string[]; changed: unknown[]; unchanged: number };
  };
}

async function importFile(page: Page, file: string) {
  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Import', exact: true }).click();
  await page.locator('#import-file').waitFor({ state: 'attached' });
  const button = page.getByRole('button', { name: 'Importér', exact: true });
  const reportOrError = page.locator('#report-title, .alert-error').first();

  const pickAt = await pageNow(page);
  const pickStarted = performance.now();
  await page.setInputFiles('#import-file', file);
  await button.or(page.locator('.alert-error')).first().waitFor({ timeout: TIMEOUT });
  const pickMs = performance.now() - pickStarted;
  if (!(await button.isVisible()) || (await button.isDisabled())) {
    return { pickAt, pickMs, problem: `no mapping screen or mapping problems: ${await page.locator('.alert-error').allInnerTexts()}` };
  }

  const clickAt = await pageNow(page);
  const started = performance.now();
  await button.click();
  await reportOrError.waitFor({ timeout: TIMEOUT });
  const wallMs = performance.now() - started;
  const doneAt = await pageNow(page);
  // The import screens the cases by itself; what follows is measured once it is done.
  await page.getByText(/^Sagerne er screenet pr\./).or(page.locator('.alert-error')).first().waitFor({ timeout: TIMEOUT });
  const autoScreenMs = performance.now() - started - wallMs;
  const failed = (await page.locator('.alert-error').count()) > 0;
  return { pickAt, pickMs, clickAt, wallMs, autoScreenMs, doneAt, problem: failed ? (await page.locator('.alert-error').allInnerTexts()).join(' ') : undefined };
}

/** Imports `file` through the page; on a workspace that has cases, as the weekly re-import. */
async function reimport(page: Page, file: string, expectedRows: number): Promise<AppResult['reimport'] & { problem?: string }> {
  const run = await importFile(page, file);
  const stored = (await page.evaluate(READ_RECORD)) as StoredImport;
  const r = stored.record!;
  const problem = run.problem ?? (stored.cases !== expectedRows ? `after the re-import ${stored.cases} cases, expected ${expectedRows}` : undefined);
  return { ...r.timings, wallMs: run.wallMs ?? NaN, changed: r.diff.changed.length, unchanged: r.diff.unchanged, added: r.diff.added.length, problem };
}

/**
 * `passphrase`: the workspace is created locked (its data encrypted); `screenings: false` leaves out
 * the ten further screenings (the locked run, to keep the benchmark's time down); `backup: false`
 * leaves out the backup and its restore.
 */
export async function runApp(file: string, expectedRows: number, weekly?: string, options: { passphrase?: string; screenings?: boolean; backup?: boolean } = {}): Promise<AppResult> {
  const profile = newProfileDir();
  const context = await launch(profile);
  try {
    const watch = new Watch(context);
    const page = context.pages()[0] ?? (await context.newPage());
    await page.addInitScript(LONGTASK_SCRIPT);
    await page.goto(FILE_URL);
    await acknowledgeStorageNotice(page);
    await createWorkspace(page, 'Benchmark', options.passphrase ? { passphrase: options.passphrase } : {});
    await installReader(page, options.passphrase);
    const sampler = await startHeapSampler(context, page);
    const run = await importFile(page, file);
    const heap = await sampler.stop();
    const stored = (await page.evaluate(READ_RECORD)) as StoredImport;
    const record = stored.record;
    const bytesAfterImport = await storageUsed(page);
    const longest = await longTasks(page, run.pickAt, run.doneAt ?? (await pageNow(page)));
    const longestWhilePicking = await longTasks(page, run.pickAt, run.clickAt ?? run.pickAt);
    const list = run.problem ? undefined : await caseList(page);
    const screened = run.problem ? undefined : await screening(page);
    const dashboard = run.problem ? undefined : await overview(page);
    const screenings = run.problem || options.screenings === false ? { run: 0, kept: screened?.kept ?? 0, screenMs: [] } : await tenScreenings(page);
    const bytesAfterScreenings = await storageUsed(page);
    const again = run.problem || !weekly ? undefined : await reimport(page, weekly, expectedRows);
    const bytesAfterReimport = await storageUsed(page);
    let problem = run.problem ?? again?.problem;
    let backup: BackupResult | undefined;
    if (!problem && options.backup !== false) {
      try {
        backup = await backupAndRestore(page, 'Benchmark');
        if (backup.casesRestored.replace(/\D/g, '') !== String(expectedRows)) problem = `restored ${backup.casesRestored}, expected ${expectedRows} cases`;
      } catch (error) {
        problem = `backup/restore: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
      }
    }
    if (!problem && (stored.imports !== 1 || !record)) problem = `expected one import record, found ${stored.imports}`;
    if (!problem && stored.cases !== expectedRows) problem = `stored ${stored.cases} cases, expected ${expectedRows}`;
    const foreign = watch.foreignRequests(FILE_URL).filter((url) => url !== pathToFileURL(file).href);
    return {
      ok: !problem,
      problem,
      rowsRead: record?.counts.rowsRead ?? 0,
      casesStored: stored.cases,
      rejected: record?.counts.rowsRejected ?? 0,
      issues: record?.issues.length ?? 0,
      events: record?.counts.events ?? {},
      readMs: record?.timings.readMs ?? NaN,
      transformMs: record?.timings.transformMs ?? NaN,
      writeMs: record?.timings.writeMs ?? NaN,
      parts: record?.timings.parts,
      pickMs: run.pickMs,
      wallMs: run.wallMs ?? NaN,
      autoScreenMs: run.autoScreenMs ?? NaN,
      heapPage: heap.page,
      heapWorker: heap.worker,
      heapSamples: heap.samples,
      heapMaxGapMs: heap.maxGapMs,
      longest,
      longestWhilePicking,
      caseListMs: list?.caseListMs ?? NaN,
      sortMs: list?.sortMs ?? NaN,
      longestInCaseList: list?.longest ?? { max: NaN, over200: 0, count: 0 },
      screenMs: screened?.screenMs ?? NaN,
      screenStoreMs: screened?.storeMs ?? NaN,
      screenParts: screened?.parts,
      screenWallMs: screened?.wallMs ?? NaN,
      screenResults: screened?.results ?? 0,
      longestInScreening: screened?.longest ?? { max: NaN, over200: 0, count: 0 },
      overviewMs: dashboard?.overviewMs ?? NaN,
      longestInOverview: dashboard?.longest ?? { max: NaN, over200: 0, count: 0 },
      bytesAfterImport,
      bytesAfterScreenings,
      bytesAfterReimport,
      screenings,
      reimport: again,
      backup,
      errors: [...watch.errors, ...foreign.map((url) => `request: ${url}`)],
    };
  } finally {
    await context.close();
    removeProfileDir(profile);
  }
}
