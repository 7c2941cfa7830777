/**
 * A static file server for a built site on 127.0.0.1, mounted under the site's base path. With
 * `hostHeaders` it sends the headers of the site's own `_headers` file, as Netlify or Cloudflare
 * Pages would, so tests run the site under the very policy it ships.
 */
import { createServer, type Server } from 'node:http';
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import type { AddressInfo } from 'node:net';
import { headersFor, parseHeadersFile, type HeaderRule } from '../../src/lib/security/host-files.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
  '.xml': 'application/xml',
};

export interface StaticSite {
  url: string;
  close: () => Promise<void>;
}

export interface ServeOptions {
  /** Send the headers that dir/_headers lists for each path (it must exist). */
  hostHeaders?: boolean;
}

export async function serveStatic(dir: string, base = '/', options: ServeOptions = {}): Promise<StaticSite> {
  const rules: HeaderRule[] = options.hostHeaders ? parseHeadersFile(readFileSync(join(dir, '_headers'), 'utf8')) : [];
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    for (const [name, value] of headersFor(rules, path)) res.setHeader(name, value);
    if (!path.startsWith(base)) {
      res.writeHead(404).end('not under base');
      return;
    }
    let file = normalize(join(dir, path.slice(base.length)));
    if (!file.startsWith(normalize(dir))) {
      res.writeHead(403).end();
      return;
    }
    try {
      if (statSync(file).isDirectory()) file = join(file, 'index.html');
      statSync(file);
    } catch {
      res.writeHead(404, { 'content-type': 'text/html' });
      createReadStream(join(dir, '404.html')).on('error', () => res.end()).pipe(res);
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}
