// Plain HTTP: the built game (dist/), /healthz, /qr.svg, and nothing else. Every request target
// is checked before use (a malformed one gets 400), and a failure while answering one request is
// logged and answered with 500: no request can stop the server and the rooms in it.
import type { IncomingMessage, ServerResponse } from 'node:http';
import QRCode from 'qrcode';
import { withSecurityHeaders } from './headers';
import { Allowances, clientAddress, DEFAULT_LIMITS, type BucketRule } from './limits';
import { staticFiles, type StaticOptions } from './static';

/** The longest text a QR code is drawn for (a team link is about 100 characters). */
const MAX_QR_TEXT = 400;

export interface HttpOptions extends StaticOptions {
  /** The built game; when absent, a page says how to build it. */
  distDir: string | null;
  /** Rooms, uptime and memory, for whoever holds the health key; null while starting. */
  health: (gc: boolean) => object | null;
  /** INTERLOCK_HEALTH_KEY: `/healthz?key=…` adds the details; without it, only the status. */
  healthKey?: string | null;
  qrRate?: BucketRule;
  trustProxy?: boolean;
}

/** The path of a request target, decoded, or null when the target is malformed. */
export function requestPath(target: string | undefined): { pathname: string; query: URLSearchParams } | null {
  // Only origin-form targets ("/path?query"); "//host" would be read as another host.
  if (!target || target[0] !== '/' || target[1] === '/') return null;
  try {
    const url = new URL(target, 'http://localhost');
    const pathname = decodeURIComponent(url.pathname);
    if (pathname.includes('\0')) return null;
    return { pathname, query: url.searchParams };
  } catch {
    return null;
  }
}

function plain(res: ServerResponse, status: number, text: string, extra: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...extra }).end(text);
}

export function httpHandler(opts: HttpOptions) {
  const files = opts.distDir ? staticFiles(opts.distDir, opts) : null;
  const qrAllowance = new Allowances(opts.qrRate ?? DEFAULT_LIMITS.qr);

  const answer = (req: IncomingMessage, res: ServerResponse) => {
    const target = requestPath(req.url);
    if (!target) return plain(res, 400, 'a malformed request path\n');
    const { pathname, query } = target;
    if (req.method !== 'GET' && req.method !== 'HEAD') return plain(res, 405, 'only GET and HEAD\n', { allow: 'GET, HEAD' });
    if (pathname === '/healthz') {
      const details = !!opts.healthKey && query.get('key') === opts.healthKey;
      const h = opts.health(details && query.has('gc'));
      res.writeHead(h ? 200 : 503, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      // Memory and room counts help an attacker time an attack: they are the operator's.
      return res.end(
        JSON.stringify(h ? (details ? { ok: true, status: 'ok', ...h } : { ok: true, status: 'ok' }) : { ok: false, status: 'starting' }),
      );
    }
    if (pathname === '/qr.svg') {
      // QR codes are drawn here, so the page does not ship a QR library.
      if (!qrAllowance.take(clientAddress(req.socket.remoteAddress, req.headers['x-forwarded-for'], !!opts.trustProxy)))
        return plain(res, 429, 'too many QR codes: wait a little\n', { 'retry-after': '5' });
      const text = query.get('text') ?? '';
      if (!text || text.length > MAX_QR_TEXT) return plain(res, 400, 'a text of 1 to 400 characters\n');
      void QRCode.toString(text, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }).then(
        (svg) => {
          res.writeHead(200, { 'content-type': 'image/svg+xml', 'cache-control': 'private, max-age=86400' });
          res.end(req.method === 'HEAD' ? undefined : svg);
        },
        () => plain(res, 500, 'the QR code could not be drawn\n'),
      );
      return;
    }
    if (!files) return plain(res, 200, 'Interlock server: the game is not built. Run `npm run build` (npm start does it for you).\n');
    files(req, res, pathname);
  };

  return (req: IncomingMessage, res: ServerResponse) => {
    withSecurityHeaders(res);
    try {
      answer(req, res);
    } catch (err) {
      console.error(`HTTP ${req.method} ${JSON.stringify(req.url)} failed:`, err);
      if (!res.headersSent) plain(res, 500, 'the server failed to answer this request\n');
      else res.destroy();
    }
  };
}
