import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type HTTPRequest, type Page } from 'puppeteer-core';
import { BUILT_FILE } from '../e2e/browser';

/** Debian's firefox-esr; puppeteer's own browser download is never used. */
export const FIREFOX = '/usr/bin/firefox-esr';

/**
 * Puppeteer's defaults already silence much of Firefox's traffic; these cover the rest (the machine
 * has no internet, and a test browser should not phone home anyway). `strict_origin_policy` goes
 * back to Firefox's own default, which puppeteer turns off: users get a separate origin per file.
 */
const QUIET: Record<string, unknown> = {
  'security.fileuri.strict_origin_policy': true,
  'app.update.enabled': false,
  'app.update.auto': false,
  'app.update.staging.enabled': false,
  'app.normandy.enabled': false,
  'app.shield.optoutstudies.enabled': false,
  'toolkit.telemetry.enabled': false,
  'toolkit.telemetry.unified': false,
  'toolkit.telemetry.archive.enabled': false,
  'toolkit.telemetry.server': 'data:,',
  'toolkit.telemetry.reportingpolicy.firstRun': false,
  'toolkit.coverage.opt-out': true,
  'datareporting.healthreport.uploadEnabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'browser.ping-centre.telemetry': false,
  'browser.newtabpage.activity-stream.feeds.telemetry': false,
  'browser.newtabpage.activity-stream.telemetry': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'network.trr.mode': 5,
  'network.dns.disablePrefetch': true,
  'network.prefetch-next': false,
  'network.predictor.enabled': false,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'browser.safebrowsing.downloads.enabled': false,
  'browser.safebrowsing.downloads.remote.enabled': false,
  'browser.safebrowsing.blockedURIs.enabled': false,
  'browser.safebrowsing.provider.google4.updateURL': '',
  'browser.safebrowsing.provider.google.updateURL': '',
  'browser.safebrowsing.provider.mozilla.updateURL': '',
  'services.settings.server': 'data:,#remote-settings-dummy/v1',
  'extensions.blocklist.enabled': false,
  'extensions.systemAddon.update.enabled': false,
  'extensions.getAddons.cache.enabled': false,
  'media.gmp-manager.updateEnabled': false,
  'browser.region.update.enabled': false,
  'browser.region.network.url': '',
  'browser.search.geoSpecificDefaults': false,
  'browser.topsites.contile.enabled': false,
  'messaging-system.rsexperimentloader.enabled': false,
  'doh-rollout.disable-heuristics': true,
};

/** Where Firefox saves downloads without asking, so a test can read the file it got. */
function downloadPrefs(dir: string): Record<string, unknown> {
  return {
    'browser.download.folderList': 2,
    'browser.download.dir': dir,
    'browser.download.useDownloadDir': true,
    'browser.download.always_ask_before_handling_new_types': false,
    'browser.download.manager.showWhenStarting': false,
    'browser.download.alwaysOpenPanel': false,
  };
}

export function requireFirefox(): void {
  if (!existsSync(BUILT_FILE)) throw new Error(`${BUILT_FILE} is missing: run "npm run build" first`);
  if (!existsSync(FIREFOX)) throw new Error(`${FIREFOX} is missing: run "apt-get install -y firefox-esr"`);
}

export const tempDir = (prefix: string) => mkdtempSync(join(tmpdir(), `tilsynsbaenk-${prefix}-`));
export const removeDir = (dir: string) => rmSync(dir, { recursive: true, force: true });

/**
 * A headless Firefox over WebDriver BiDi on its own profile directory, so what one launch stores
 * the next launch on the same directory finds.
 */
export function launchFirefox(profileDir: string, downloadDir: string): Promise<Browser> {
  return puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    protocol: 'webDriverBiDi',
    headless: true,
    userDataDir: profileDir,
    defaultViewport: { width: 1280, height: 900 },
    extraPrefsFirefox: { ...QUIET, ...downloadPrefs(downloadDir), 'intl.accept_languages': 'da-DK, da' },
  });
}

/** Every URL a page asks for and every error it reports, across launches. */
export class Watch {
  readonly requests: string[] = [];
  readonly errors: string[] = [];

  attach(page: Page): void {
    page.on('request', (request: HTTPRequest) => this.requests.push(request.url()));
    page.on('console', (message) => {
      if (message.type() === 'error') this.errors.push(message.text());
    });
    page.on('pageerror', (error) => this.errors.push(String(error)));
  }

  /** Anything but local files, data: and blob: URLs. */
  foreignRequests(): string[] {
    return this.requests.filter((url) => !/^(file|data|blob):/.test(url));
  }
}
