// Plain HTTP: the built game (dist/), /healthz, and nothing else. Files are served from the
// build folder only; any other path falls back to the game's page.
import { createReadStream, existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import QRCode from 'qrcode';

/** The longest text a QR code is drawn for (a team link is about 100 characters). */
const MAX_QR_TEXT = 400;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.map': 'application/json',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
};

export interface HttpOptions {
  /** The built game; when absent, a page says how to build it. */
  distDir: string | null;
  health: (gc: boolean) => object | null;
}

export function httpHandler(opts: HttpOptions) {
  return (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/healthz') {
      const h = opts.health(url.searchParams.has('gc'));
      res.writeHead(h ? 200 : 503, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify(h ?? { ok: false, status: 'starting' }));
      return;
    }
    if (url.pathname === '/qr.svg') {
      // QR codes are drawn here, so the page does not ship a QR library.
      const text = url.searchParams.get('text') ?? '';
      if (!text || text.length > MAX_QR_TEXT) {
        res.writeHead(400, { 'content-type': 'text/plain' }).end('a text of 1 to 400 characters');
        return;
      }
      void QRCode.toString(text, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }).then(
        (svg) => {
          res.writeHead(200, { 'content-type': 'image/svg+xml', 'cache-control': 'private, max-age=86400', 'x-content-type-options': 'nosniff' });
          res.end(svg);
        },
        () => res.writeHead(500).end(),
      );
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    const dist = opts.distDir;
    if (!dist || !existsSync(join(dist, 'index.html'))) {
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Interlock server: the game is not built. Run `npm run build` (npm start does it for you).\n');
      return;
    }
    let file = normalize(join(dist, decodeURIComponent(url.pathname)));
    if (!file.startsWith(dist + sep) && file !== dist) file = join(dist, 'index.html');
    if (!existsSync(file) || statSync(file).isDirectory()) file = join(dist, 'index.html');
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    // Hashed assets never change; the page itself is always asked for again.
    const cache = file.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache';
    res.writeHead(200, { 'content-type': type, 'cache-control': cache, 'x-content-type-options': 'nosniff' });
    if (req.method === 'HEAD') return void res.end();
    createReadStream(file).pipe(res);
  };
}
