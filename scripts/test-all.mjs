// `npm test`: type checks, unit tests, the build, and the end-to-end tests against the built file
// (in Chromium, then the smoke suite in Firefox ESR).
// Ends with one line "N passed, N failed" over all of them (the type check and the build count
// as one test each) and exits non-zero if anything failed.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { ensureChromium } from './ensure-chromium.mjs';
import { ensureFirefox } from './ensure-firefox.mjs';

let passed = 0;
let failed = 0;
const failures = [];

function step(name, command, args) {
  console.log(`\n=== ${name}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' } });
  return result.status === 0;
}

function check(name, ok) {
  if (ok) passed += 1;
  else (failed += 1), failures.push(name);
}

function vitest(name, args, report) {
  rmSync(report, { force: true });
  const ok = step(name, 'npx', ['vitest', 'run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]);
  try {
    const counts = JSON.parse(readFileSync(report, 'utf8'));
    passed += counts.numPassedTests;
    failed += counts.numFailedTests;
    if (counts.numTotalTests === 0) check(`${name}: no tests found`, false);
    if (counts.numFailedTests > 0) failures.push(`${name}: ${counts.numFailedTests} failed`);
    if (!ok && counts.numFailedTests === 0) check(`${name}: runner failed`, false);
  } catch {
    check(`${name}: no report`, false);
  }
}

mkdirSync('test-results', { recursive: true });
check('type check (svelte-check)', step('Type check', 'npx', ['svelte-check', '--tsconfig', './tsconfig.json', '--fail-on-warnings']));
vitest('Unit tests', [], 'test-results/unit.json');
const built = step('Build', 'npm', ['run', '--silent', 'build']);
check('build', built);
if (!built) check('end-to-end tests: not run, the build failed', false);
else if (!ensureChromium()) check('end-to-end tests: not run, Chromium is missing', false);
else vitest('End-to-end tests', ['--config', 'vitest.e2e.config.ts'], 'test-results/e2e.json');
if (!built) check('Firefox smoke tests: not run, the build failed', false);
else if (!ensureFirefox()) check('Firefox smoke tests: not run, Firefox ESR is missing', false);
else vitest('Firefox smoke tests', ['--config', 'vitest.e2e-firefox.config.ts'], 'test-results/e2e-firefox.json');

if (failures.length) console.log(`\nFailed:\n  ${failures.join('\n  ')}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
