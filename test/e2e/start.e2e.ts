import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

describe('npm start', () => {
  it('builds, serves the app on localhost and prints the demo URL and the file to copy to the share', async () => {
    const child = spawn('node', ['scripts/start.mjs'], { env: { ...process.env, PORT: '0' } });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    try {
      await expect.poll(() => output, { timeout: 60_000, interval: 200 }).toMatch(/Stop med Ctrl\+C/);
      const url = /Tilsynsbænken kører på (http:\/\/127\.0\.0\.1:\d+\/tilsynsbaenk\.html)#\/demo$/m.exec(output)?.[1];
      const file = /Filen, der skal lægges på fællesdrevet: (\S+tilsynsbaenk\.html)/.exec(output)?.[1];
      expect(url).toBeDefined();
      expect(file && existsSync(file)).toBe(true);
      const response = await fetch(url!);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('<title>Tilsynsbænken</title>');
      expect((await fetch(url!.replace('tilsynsbaenk.html', 'package.json'))).status).toBe(404);
    } finally {
      child.kill();
    }
  });
});
