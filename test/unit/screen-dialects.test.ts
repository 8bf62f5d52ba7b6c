/**
 * The headless command without --mapping (issue 14, point 5), through the real CLI on two of the
 * dialects in test/fixtures/dialects: it uses the sure matches and sure value readings, says which,
 * refuses in Danish when a required field has no sure match, and --save-mapping writes the mapping
 * it would use as a profile that --mapping reads back.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { ScreeningJson } from '../../src/app/screen-file';
import type { MappingProfile } from '../../src/domain/mapping';

const ROOT = resolve(__dirname, '../..');
const DIR = 'test/fixtures/dialects';
const AS_OF = '2025-12-31';

function runCli(args: string[]) {
  const run = spawnSync('npx', ['tsx', 'scripts/screen.ts', ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}
const results = (stdout: string) => (JSON.parse(stdout) as ScreeningJson).results;

describe('npm run screen without --mapping', () => {
  test('screens the DUBU-like CSV with its sure matches and value readings, says which, and screens it as its canonical twin', () => {
    const run = runCli([`${DIR}/dubu-bred-1252.csv`, '--as-of', AS_OF]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('Uden --mapping er kun sikre bud brugt:');
    expect(run.stderr).toContain('"Resultat af underretning" → Underretninger – Udfald (sikker)');
    expect(run.stderr).toContain('«ingen videre handling» læses som ingen');
    expect(run.stderr).toContain('«forebyggende indsats (§ 11, stk. 3)» læses som forebyggende');
    expect(run.stderr).toContain('"Sagsnummer" → Sager – Sagsnr (præcis stavemåde)');
    // An unsure match is left out: no one is there to check it.
    expect(run.stderr).not.toContain('"Børnesamtale afholdt (§ 48)" →');

    const twin = runCli([`${DIR}/dubu-bred-1252.kanonisk.xlsx`, '--as-of', AS_OF]);
    expect(twin.code, twin.stderr).toBe(0);
    expect(run.stderr).not.toContain('"Stillingtagen til forebyggende foranstaltninger (J/N)" →');
    // The twin has what the two unsure columns held; every result of the other rules is the same.
    const others = (r: { ruleId: string }) => r.ruleId !== 'SAMTALE_FOER_AFG' && r.ruleId !== 'UND_STILLING';
    expect(results(run.stdout).filter(others)).toEqual(results(twin.stdout).filter(others));
    expect(results(run.stdout).filter(others).length).toBeGreaterThan(2500);
  }, 60_000);

  test('refuses the Nexus-like sheet, naming the required field and the unsure column; the saved mapping, corrected, is accepted', () => {
    const dir = mkdtempSync(join(tmpdir(), 'screen-dialect-'));
    const saved = join(dir, 'profil.json');
    const refused = runCli([`${DIR}/nexus-bred.xlsx`, '--as-of', AS_OF, '--save-mapping', saved]);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toContain('vælg kolonnen med "Enhed" (Sager)');
    expect(refused.stderr).toContain('kolonnen "Ansvarlig organisation" er et usikkert bud på "Sager – Enhed" og er ikke brugt');
    expect(refused.stderr).toContain(`Kortlægningen er gemt i ${saved}`);

    const profile = JSON.parse(readFileSync(saved, 'utf8')) as MappingProfile;
    const columns = profile.mapping.sheets[0]!.columns;
    expect(columns.find((c) => c.header === 'Ansvarlig organisation')!.target).toBeNull();
    expect(columns.find((c) => c.header === 'Underretning - udfald')).toMatchObject({
      target: 'notifications.outcome',
      values: { 'videre til børnefaglig undersøgelse': 'investigation', 'iværksat forebyggende indsats efter § 32': 'preventive', 'kendt sag - indgår i igangværende forløb': 'existingCase', 'ingen yderligere handling': 'none' },
    });

    columns.find((c) => c.header === 'Ansvarlig organisation')!.target = 'cases.unit';
    writeFileSync(saved, JSON.stringify(profile));
    const accepted = runCli([`${DIR}/nexus-bred.xlsx`, '--as-of', AS_OF, '--mapping', saved]);
    expect(accepted.code, accepted.stderr).toBe(0);
    expect(accepted.stderr).toContain('"Ansvarlig organisation" → Sager – Enhed (fra kortlægningen)');
    expect(accepted.stderr).toContain('«ingen yderligere handling» læses som ingen');
    const outcomes = results(accepted.stdout).filter((r) => r.ruleId === 'UND_STILLING');
    // Without --mapping's value readings every outcome would be unknown; read, investigation and existing case are not applicable.
    expect(outcomes.filter((r) => r.status === 'notApplicable').length).toBeGreaterThan(50);
  }, 60_000);
});
