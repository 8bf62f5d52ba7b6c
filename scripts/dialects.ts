// Writes the mapping test set (issue 14, point 6) to test/fixtures/dialects/: each dialect's
// extract, its canonical twin (the same rows under the template's headers and spellings) and, in
// dialects.json, the true mapping of every dialect. The same fictitious kommune every time:
//   npx tsx scripts/dialects.ts
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_PRESETS, DEMO_REFERENCE_ANCHOR } from '../src/domain/demo/config.ts';
import { generateDemo } from '../src/domain/demo/generate.ts';
import { DIALECTS } from './dialects/defs.ts';
import { DIALECT_DIR } from './dialects/measure.ts';
import { dialectExtension, writeDialect } from './dialects/write.ts';

/** Small enough to commit, large enough for every value of every choice to occur. */
const CASES = 250;
const SEED = 1414;

const data = generateDemo({ ...DEMO_PRESETS.small, seed: SEED, cases: CASES, units: 3, caseworkers: 12, anchor: DEMO_REFERENCE_ANCHOR });
mkdirSync(DIALECT_DIR, { recursive: true });
const index = [];
for (const dialect of DIALECTS) {
  const { file, twin, truth } = writeDialect(dialect, data);
  const name = `${dialect.name}.${dialectExtension(dialect)}`;
  writeFileSync(join(DIALECT_DIR, name), file);
  writeFileSync(join(DIALECT_DIR, `${dialect.name}.kanonisk.xlsx`), twin);
  index.push({ file: name, ...truth });
  console.log(`${name}: ${file.byteLength} bytes`);
}
writeFileSync(join(DIALECT_DIR, 'dialects.json'), `${JSON.stringify({ seed: SEED, cases: CASES, anchor: DEMO_REFERENCE_ANCHOR, dialects: index }, null, 1)}\n`);
