// Writes the demo kommune as files in three export dialects, for tests, demos and the benchmark:
//   npm run fixtures [-- --preset small|default|national] [--seed N] [--anchor ÅÅÅÅ-MM-DD] [--out dir]
// The anchor is the day the kommune is made for (default: today); its extract is from a few days
// before. The same preset, seed and anchor always give byte-identical files, named by all three.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { dayNumber, fromDayNumber } from '../src/domain/calendar.ts';
import { DEMO_PRESETS, DEMO_SEED, demoPeriod, type DemoPreset } from '../src/domain/demo/config.ts';
import { generateDemo } from '../src/domain/demo/generate.ts';
import { formatBytes, formatDate } from '../src/domain/format.ts';
import { DEMO_DIALECTS } from '../src/io/demo-files.ts';

/** Today's date where the script runs, as the app would take it. */
function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

const { values } = parseArgs({
  options: {
    preset: { type: 'string', default: 'default' },
    seed: { type: 'string', default: String(DEMO_SEED) },
    anchor: { type: 'string', default: today() },
    out: { type: 'string', default: 'fixtures' },
  },
});

const preset = values.preset as DemoPreset;
const seed = Number(values.seed);
const anchor = values.anchor;
if (!(preset in DEMO_PRESETS)) {
  console.error(`Unknown preset "${values.preset}": use ${Object.keys(DEMO_PRESETS).join(', ')}.`);
  process.exit(1);
}
if (!Number.isSafeInteger(seed)) {
  console.error(`The seed must be a whole number, not "${values.seed}".`);
  process.exit(1);
}
// A calendar date written ÅÅÅÅ-MM-DD: 2026-02-30 reads as a day number, but not back as itself.
if (!/^\d{4}-\d{2}-\d{2}$/.test(anchor) || fromDayNumber(dayNumber(anchor)) !== anchor) {
  console.error(`Ankerdatoen "${anchor}" er ikke en gyldig dato. Skriv den som ÅÅÅÅ-MM-DD, fx 2026-11-30.`);
  process.exit(1);
}

const started = performance.now();
const data = generateDemo({ ...DEMO_PRESETS[preset], seed, anchor });
const { from, to } = demoPeriod(anchor);
console.log(`Demokommune "${preset}", seed ${seed}, anchor ${anchor} (extract ${formatDate(to)}, history from ${formatDate(from)}): ${data.cases.length} cases generated in ${((performance.now() - started) / 1000).toFixed(1)} s`);

const out = resolve(values.out);
mkdirSync(out, { recursive: true });
for (const dialect of DEMO_DIALECTS) {
  const bytes = dialect.write(data);
  const path = join(out, `demokommune-${preset}-${seed}-${anchor}-${dialect.suffix}`);
  writeFileSync(path, bytes);
  console.log(`${path}  ${formatBytes(bytes.length)} (${bytes.length} bytes)`);
}
