// Writes the demo kommune as files in three export dialects, for tests, demos and the benchmark:
//   npm run fixtures [-- --preset small|default|national] [--seed N] [--out dir]
// The same preset and seed always give byte-identical files.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEMO_PRESETS, DEMO_SEED, type DemoPreset } from '../src/domain/demo/config.ts';
import { generateDemo } from '../src/domain/demo/generate.ts';
import { formatBytes } from '../src/domain/format.ts';
import { DEMO_DIALECTS } from '../src/io/demo-files.ts';

const { values } = parseArgs({
  options: {
    preset: { type: 'string', default: 'default' },
    seed: { type: 'string', default: String(DEMO_SEED) },
    out: { type: 'string', default: 'fixtures' },
  },
});

const preset = values.preset as DemoPreset;
const seed = Number(values.seed);
if (!(preset in DEMO_PRESETS)) {
  console.error(`Unknown preset "${values.preset}": use ${Object.keys(DEMO_PRESETS).join(', ')}.`);
  process.exit(1);
}
if (!Number.isSafeInteger(seed)) {
  console.error(`The seed must be a whole number, not "${values.seed}".`);
  process.exit(1);
}

const started = performance.now();
const data = generateDemo({ ...DEMO_PRESETS[preset], seed });
console.log(`Demokommune "${preset}", seed ${seed}: ${data.cases.length} cases generated in ${((performance.now() - started) / 1000).toFixed(1)} s`);

const out = resolve(values.out);
mkdirSync(out, { recursive: true });
for (const dialect of DEMO_DIALECTS) {
  const bytes = dialect.write(data);
  const path = join(out, `demokommune-${preset}-${seed}-${dialect.suffix}`);
  writeFileSync(path, bytes);
  console.log(`${path}  ${formatBytes(bytes.length)} (${bytes.length} bytes)`);
}
