// Serves the built single file on localhost. Used by `npm start` and the http:// end-to-end test.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { join } from 'node:path';

export const OUTPUT_FILE = 'tilsynsbaenk.html';

/** Starts a server for dist/ on 127.0.0.1; resolves with its URL and a stop function. */
export function serveDist(distDir, port = 0) {
  const server = createServer(async (request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (path !== '/' && path !== `/${OUTPUT_FILE}`) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Ikke fundet');
      return;
    }
    try {
      const html = await readFile(join(distDir, OUTPUT_FILE));
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(html);
    } catch {
      response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end('Byg appen først: npm run build');
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const { port: actual } = server.address();
      resolve({ url: `http://127.0.0.1:${actual}/${OUTPUT_FILE}`, stop: () => new Promise((done) => server.close(done)) });
    });
  });
}
