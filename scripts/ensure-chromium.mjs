// The end-to-end tests drive Debian's browsers; playwright's and puppeteer's own downloads are never used.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM = '/usr/bin/chromium';

/** Installs a Debian browser package when its binary is missing and we are root; otherwise says how. */
export function ensureDebianBrowser(binary, pkg, name) {
  if (existsSync(binary)) return true;
  const install = `apt-get update && apt-get install -y ${pkg}`;
  if (process.getuid?.() === 0) {
    console.log(`${binary} is missing; installing Debian's ${pkg} package …`);
    try {
      execSync(install, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    } catch {
      // reported below
    }
    if (existsSync(binary)) return true;
  }
  console.error(`The ${name} tests need Debian's ${pkg} at ${binary}. Install it with:\n  sudo sh -c '${install}'`);
  return false;
}

export const ensureChromium = () => ensureDebianBrowser(CHROMIUM, 'chromium', 'end-to-end');

if (import.meta.url === `file://${process.argv[1]}`) process.exit(ensureChromium() ? 0 : 1);
