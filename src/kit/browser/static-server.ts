import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize } from 'node:path';
import { lookup } from 'mrmime';
import { sitePathOf } from '../../site-address.ts';

/**
 * Serves the freshly built site on loopback so the browser prints pages with their CSS, fonts and images;
 * `extraFiles` adds files from elsewhere (site path → file path), such as the Paged.js script. A site built
 * under a base path (`/kit-qpv/`) is served at its paths with and without it. Files may
 * be kept by the browser for the session: a script it has seen is not compiled again for every page.
 */
export async function serveDirectory(root: string, extraFiles: Record<string, string> = {}, base = '/'): Promise<{ origin: string; close: () => Promise<void> }> {
  const server: Server = createServer((request, response) => {
    let pathname: string;
    try {
      const requested = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
      pathname = sitePathOf(requested, base) ?? requested;
    } catch {
      response.writeHead(400).end();
      return;
    }
    let file = extraFiles[pathname] ?? normalize(join(root, pathname));
    if (!extraFiles[pathname] && !file.startsWith(root)) {
      response.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': lookup(file) ?? 'application/octet-stream', 'cache-control': 'max-age=600' });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
