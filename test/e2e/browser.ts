import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';

export const CHROMIUM = '/usr/bin/chromium';
export const BUILT_FILE = resolve('dist/tilsynsbaenk.html');
export const FILE_URL = pathToFileURL(BUILT_FILE).href;

/** The machine has no network: Chromium must not try to reach Google's services at all. */
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export function requireBuild(): void {
  if (!existsSync(BUILT_FILE)) throw new Error(`${BUILT_FILE} is missing: run "npm run build" first`);
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run "apt-get install -y chromium"`);
}

export function newProfileDir(): string {
  return mkdtempSync(join(tmpdir(), 'tilsynsbaenk-profile-'));
}

export function removeProfileDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** The name every test's session gives when the app asks who is at work (the Log page shows it). */
export const TEST_USER = 'Testbruger Fiktiv';

/**
 * A Chromium with its own profile directory, so data persists between launches on the same dir.
 * Each page's session has already given its user name (`TEST_USER`), as a user does once per
 * session, unless `userName` is null: then the app asks for it.
 */
export async function launch(profileDir: string, options: { userName?: string | null } = {}): Promise<BrowserContext> {
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    locale: 'da-DK',
    viewport: { width: 1280, height: 900 },
  });
  const userName = options.userName === undefined ? TEST_USER : options.userName;
  if (userName !== null) {
    await context.addInitScript((name) => {
      try {
        if (!sessionStorage.getItem('tilsynsbaenk-bruger')) sessionStorage.setItem('tilsynsbaenk-bruger', name);
      } catch {
        // about:blank, before a page is opened, has no storage.
      }
    }, userName);
  }
  return context;
}

/**
 * Records what a page asks the network for and what it reports as an error, so each test can
 * assert that nothing left the machine and nothing went wrong (CSP violations are console errors).
 */
export class Watch {
  readonly requests: string[] = [];
  readonly errors: string[] = [];

  constructor(context: BrowserContext) {
    context.on('request', (request) => this.requests.push(request.url()));
    context.on('page', (page) => this.page(page));
    for (const page of context.pages()) this.page(page);
  }

  private page(page: Page): void {
    page.on('console', (message) => {
      if (message.type() === 'error') this.errors.push(message.text());
    });
    page.on('pageerror', (error) => this.errors.push(`${error.name}: ${error.message}`));
  }

  /** Requests to anything but the page itself, data: and blob: URLs. */
  foreignRequests(pageUrl: string): string[] {
    const page = pageUrl.replace(/#.*$/, '');
    return this.requests.filter((url) => url.replace(/#.*$/, '') !== page && !/^(data|blob):/.test(url));
  }
}

/** Opens the app, creates a workspace through the UI (locked, with a passphrase), and leaves the page on its overview. */
export async function createWorkspace(page: Page, name: string, options: { passphrase?: string } = {}): Promise<void> {
  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Arbejdsområder' }).click();
  await page.getByLabel('Navn på nyt arbejdsområde').fill(name);
  if (options.passphrase) {
    await page.getByLabel('Lås arbejdsområdet med en adgangskode').check();
    await page.getByLabel('Adgangskode', { exact: true }).fill(options.passphrase);
    await page.getByLabel('Gentag adgangskoden').fill(options.passphrase);
  }
  await page.getByRole('button', { name: 'Opret arbejdsområde' }).click();
  await page.getByRole('heading', { name: 'Overblik', level: 1 }).waitFor();
}

export async function acknowledgeStorageNotice(page: Page): Promise<void> {
  await page.getByRole('dialog', { name: 'Sådan gemmer Tilsynsbænken dine data' }).waitFor();
  await page.getByRole('button', { name: 'Jeg har forstået det' }).click();
}

export interface BrowserRun {
  profile: string;
  context: BrowserContext;
  watch: Watch;
  page: Page;
}

/**
 * Registers the hooks every browser test file needs: the built file and Chromium checked, a new
 * profile and browser for each test (or, with `perFile`, one for the whole file), closed and
 * removed after it. The returned object is filled in before each test runs.
 */
export function freshBrowser(options: { perFile?: boolean; userName?: string | null } = {}): BrowserRun {
  const run = {} as BrowserRun;
  const [before, after] = options.perFile ? [beforeAll, afterAll] : [beforeEach, afterEach];
  beforeAll(requireBuild);
  before(async () => {
    run.profile = newProfileDir();
    run.context = await launch(run.profile, { userName: options.userName });
    run.watch = new Watch(run.context);
    run.page = run.context.pages()[0] ?? (await run.context.newPage());
  });
  after(async () => {
    await run.context.close();
    removeProfileDir(run.profile);
  });
  return run;
}

/**
 * A browser for a whole test file with the demo kommune loaded (as `npm start` opens it), that
 * fails the file on any request off the machine and on any console error.
 */
export function demoBrowser(): BrowserRun {
  const run = freshBrowser({ perFile: true });
  beforeAll(async () => {
    await run.page.goto(`${FILE_URL}#/demo`);
    await acknowledgeStorageNotice(run.page);
    await run.page.getByRole('heading', { name: 'Overblik', level: 1 }).waitFor({ timeout: 60_000 });
  });
  afterAll(() => {
    expect(run.watch.foreignRequests(FILE_URL)).toEqual([]);
    expect(run.watch.errors).toEqual([]);
  });
  return run;
}
