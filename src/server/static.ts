// The built game (dist/), served by sirv: the brotli or gzip file written at build time when the
// browser accepts it, hashed assets cached for good, the page itself asked for again each time,
// and any unknown page path answered with the game's page. Source maps only when asked for.
import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import sirv from 'sirv';

export interface StaticOptions {
  /** Serves the .map files too (INTERLOCK_SOURCEMAPS=1); by default they are not public. */
  sourceMaps?: boolean;
}

/** Vite names what it builds into assets/ by a hash of the content, so the name never comes back with other content. */
const HASHED = /^\/assets\//;

export type StaticHandler = (req: IncomingMessage, res: ServerResponse, pathname: string) => void;

export function staticFiles(distDir: string, opts: StaticOptions = {}): StaticHandler | null {
  if (!existsSync(join(distDir, 'index.html'))) return null;
  const serve = sirv(distDir, {
    brotli: true,
    gzip: true,
    etag: true,
    single: true,
    dotfiles: false,
    setHeaders: (res, pathname) => {
      res.setHeader('Cache-Control', HASHED.test(pathname) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  const notFound = (res: ServerResponse) => void res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found\n');
  return (req, res, pathname) => {
    if (!opts.sourceMaps && pathname.endsWith('.map')) return notFound(res);
    serve(req, res, () => notFound(res));
  };
}
