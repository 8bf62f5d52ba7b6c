// The Firefox smoke suite drives Debian's firefox-esr over WebDriver BiDi.
import { ensureDebianBrowser } from './ensure-chromium.mjs';

export const FIREFOX = '/usr/bin/firefox-esr';
export const ensureFirefox = () => ensureDebianBrowser(FIREFOX, 'firefox-esr', 'Firefox smoke');

if (import.meta.url === `file://${process.argv[1]}`) process.exit(ensureFirefox() ? 0 : 1);
