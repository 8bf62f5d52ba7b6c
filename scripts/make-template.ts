// Writes public/skabelon.xlsx from the same field definitions the importer uses.
import { writeFileSync } from 'node:fs';
import { templateWorkbook } from '../src/io/template.ts';

const path = new URL('../public/skabelon.xlsx', import.meta.url);
writeFileSync(path, templateWorkbook());
console.log(`Wrote ${path.pathname}`);
