// `npm start`: builds the single file and serves it on localhost.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { OUTPUT_FILE, serveDist } from './serve.mjs';

const build = spawnSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const port = Number(process.env.PORT ?? 4173);
const { url } = await serveDist('dist', port);
// The #/demo address loads the fictitious demo kommune on first visit, so a new user sees something real.
console.log(`
Tilsynsbænken kører på ${url}#/demo
Filen, der skal lægges på fællesdrevet: ${resolve('dist', OUTPUT_FILE)}
Stop med Ctrl+C.`);
