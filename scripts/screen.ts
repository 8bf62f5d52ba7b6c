// Headless screening (RULES.md "Headless screening"):
//   npm run screen -- <file.csv|xlsx> --as-of ÅÅÅÅ-MM-DD [--mapping profile.json] [--save-mapping profil.json] [--out result.json|result.xlsx] [--allow-empty]
// Without --mapping, the header matcher's sure matches and sure value readings are used, and the
// account says which; --save-mapping writes the mapping used as a profile to edit and give back
// with --mapping (written also when the mapping is refused, so it can be completed).
// Writes the screening JSON to stdout or --out; an .xlsx --out gets the workbook instead. Import
// remarks and a short account go to stderr, so stdout stays pure JSON. Exit code 2 when the input
// is refused (bad arguments, unreadable file, a mapping with problems); 1 on an unexpected error.
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { parseArgs } from 'node:util';
import { parseMappingFile, screenFile } from '../src/app/screen-file.ts';
import { maskCprLike } from '../src/domain/cpr.ts';
import { formatDate } from '../src/domain/format.ts';
import { screeningWorkbook } from '../src/io/screening-workbook.ts';
import type { ImportIssue } from '../src/domain/records.ts';
import type { ImportMapping, MappingProfile } from '../src/domain/mapping.ts';

const USAGE = 'Brug: npm run screen -- <fil.csv|fil.xlsx> --as-of ÅÅÅÅ-MM-DD [--mapping profil.json] [--save-mapping profil.json] [--out resultat.json|resultat.xlsx] [--allow-empty]';
/** How many import remarks are printed; the count says how many there are in all. */
const SHOWN_ISSUES = 5;

function refuse(message: string): never {
  process.stderr.write(`Fejl: ${message}\n`);
  process.exit(2);
}

function parse() {
  try {
    return parseArgs({
      allowPositionals: true,
      options: { 'as-of': { type: 'string' }, mapping: { type: 'string' }, 'save-mapping': { type: 'string' }, out: { type: 'string' }, 'allow-empty': { type: 'boolean' } },
    });
  } catch (error) {
    // parseArgs explains in English; the option it names is quoted in its message.
    const option = /'([^']+)'/.exec(error instanceof Error ? error.message : '')?.[1];
    const code = (error as NodeJS.ErrnoException).code;
    const message = code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? `Ukendt tilvalg ${option ?? ''}.`
      : code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' ? `${option?.split(' ')[0] ?? 'Tilvalget'} skal have en værdi.`
        : 'Kommandolinjen kan ikke forstås.';
    return refuse(`${message}\n${USAGE}`);
  }
}

function readBytes(path: string, what: string): Uint8Array {
  try {
    return new Uint8Array(readFileSync(path));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const shown = maskCprLike(path);
    return refuse(code === 'ENOENT' ? `${what} "${shown}" findes ikke.` : `${what} "${shown}" kan ikke læses (${code ?? String(error)}).`);
  }
}

const issueLine = (issue: ImportIssue) =>
  [`ark "${issue.sheet}"`, issue.row === null ? null : `række ${issue.row}`, issue.column === null ? null : `kolonne "${issue.column}"`, issue.value === null ? null : `værdi "${issue.value}"`]
    .filter(Boolean).join(', ') + `: ${issue.message}`;

function main(): void {
  const { values, positionals } = parse();
  if (positionals.length !== 1) refuse(`${positionals.length === 0 ? 'Angiv den fil, der skal screenes.' : 'Angiv kun én fil.'}\n${USAGE}`);
  const asOf = values['as-of'];
  if (asOf === undefined) refuse(`Angiv skæringsdatoen med --as-of ÅÅÅÅ-MM-DD, fx --as-of 2024-06-30.\n${USAGE}`);
  const out = values.out;
  const outKind = out === undefined ? 'stdout' : extname(out).toLowerCase();
  if (outKind !== 'stdout' && outKind !== '.json' && outKind !== '.xlsx') refuse(`--out skal ende på .json eller .xlsx, ikke "${out}".`);

  let mapping = null;
  if (values.mapping !== undefined) {
    const parsed = parseMappingFile(new TextDecoder().decode(readBytes(values.mapping, 'Kortlægningsfilen')));
    if (!parsed.ok) refuse(`${values.mapping}: ${parsed.message}`);
    mapping = parsed.value;
  }

  const path = positionals[0]!;
  const save = values['save-mapping'];
  const onMapping = save === undefined ? undefined : (used: ImportMapping, signature: string) => {
    const profile: MappingProfile = { id: `profil-${Date.now()}`, name: `Kortlægning af ${maskCprLike(basename(path))}`, signature, mapping: used, createdAt: new Date().toISOString() };
    try {
      writeFileSync(save, `${JSON.stringify(profile, null, 2)}\n`);
    } catch (error) {
      refuse(`Kortlægningen kan ikke gemmes i "${maskCprLike(save)}" (${(error as NodeJS.ErrnoException).code ?? String(error)}).`);
    }
    process.stderr.write(`Kortlægningen er gemt i ${save}; ret den og giv den med --mapping.\n`);
  };
  const screened = screenFile(readBytes(path, 'Filen'), { fileName: basename(path), asOf, mapping, onMapping, allowEmpty: values['allow-empty'] === true });
  if (!screened.ok) refuse(screened.message);
  const report = screened.value;
  for (const note of report.notes) process.stderr.write(`Bemærk: ${note}\n`);

  process.stderr.write(`${mapping ? 'Kortlægningen fra --mapping' : 'Uden --mapping er kun sikre bud brugt'}:\n${report.mappingLines.map((l) => `  ${l}`).join('\n')}\n`);
  for (const line of report.unknownValueLines) process.stderr.write(`${line}.\n`);

  if (report.issues.length) {
    const errors = report.issues.filter((i) => i.severity === 'error').length;
    process.stderr.write(`Importen gav ${report.issues.length} bemærkning${report.issues.length === 1 ? '' : 'er'} (${errors} række${errors === 1 ? '' : 'r'} eller hændelse${errors === 1 ? '' : 'r'} ikke importeret, ${report.issues.length - errors} værdi${report.issues.length - errors === 1 ? '' : 'er'} gemt som ukendt):\n`);
    for (const issue of report.issues.slice(0, SHOWN_ISSUES)) process.stderr.write(`  ${issueLine(issue)}\n`);
    if (report.issues.length > SHOWN_ISSUES) process.stderr.write(`  … og ${report.issues.length - SHOWN_ISSUES} flere.\n`);
  }
  process.stderr.write(`${report.rowsRead} rækker læst, ${report.caseCount} sager screenet pr. ${formatDate(asOf)}: ${report.results.length} resultater (regelsæt ${report.json.ruleSetVersion}).\n`);

  if (outKind === '.xlsx') {
    const { json, results, summaries } = report;
    writeFileSync(out!, screeningWorkbook({ asOf: json.asOf, ruleSetVersion: json.ruleSetVersion, results, summaries }));
  } else {
    const text = `${JSON.stringify(report.json, null, 2)}\n`;
    if (out === undefined) process.stdout.write(text);
    else writeFileSync(out, text);
  }
  if (out !== undefined) process.stderr.write(`Skrevet til ${out}.\n`);
}

main();
