// Browser tests: the built game served by Vite's preview server, driven in Debian's Chromium
// with playwright-core (no downloaded browsers). Fails loudly when Chromium is missing.
import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { build, preview, type PreviewServer } from 'vite';

import { CHROMIUM, CHROMIUM_ARGS, requireChromium } from '../../scripts/chromium.mjs';
import { freePort, ServerProcess } from '../server/process';

export { CHROMIUM, requireChromium };
const root = join(import.meta.dirname, '..', '..');

const built = new Map<string, Promise<void>>();
/**
 * Builds the game once per test process into `outDir` (dist/ by default). Test files run in
 * parallel processes: each one that serves the game gives its own folder, so builds never collide.
 */
export function buildOnce(outDir = join(root, 'dist')): Promise<void> {
  let b = built.get(outDir);
  if (!b) {
    b = build({ root, logLevel: 'error', build: { outDir, emptyOutDir: true } }).then(() => undefined);
    built.set(outDir, b);
  }
  return b;
}

export async function serve(outDir = join(root, 'dist')): Promise<{ url: string; close: () => Promise<void> }> {
  await buildOnce(outDir);
  const server: PreviewServer = await preview({
    root,
    logLevel: 'error',
    build: { outDir },
    preview: { port: 0, host: '127.0.0.1', strictPort: false },
  });
  const address = server.httpServer.address() as AddressInfo;
  return { url: `http://127.0.0.1:${address.port}/`, close: () => server.close() };
}

export async function launch(): Promise<Browser> {
  requireChromium();
  return chromium.launch({
    executablePath: CHROMIUM,
    // WebGL drawn in software, so the map renders in headless Chromium.
    args: [...CHROMIUM_ARGS, '--enable-unsafe-swiftshader', '--use-angle=swiftshader'],
  });
}

export interface GamePages {
  /** A new page of the game in a browser context of its own; its console errors go to `errors`. */
  open(o?: { size?: { width: number; height: number }; downloads?: boolean; init?: () => void }): Promise<Page>;
  readonly errors: string[];
}

/** For one test file: the game served (built into `outDir`) and Chromium, started before its tests and closed after. */
export function gamePages(outDir?: string): GamePages {
  let browser: Browser | undefined;
  let server: { url: string; close: () => Promise<void> } | undefined;
  const errors: string[] = [];
  beforeAll(async () => {
    server = await serve(outDir);
    browser = await launch();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    errors,
    async open({ size = { width: 1280, height: 720 }, downloads = false, init } = {}) {
      if (!browser || !server) throw new Error('the game is not served yet (open pages inside tests)');
      const context = await browser.newContext({ viewport: size, acceptDownloads: downloads });
      if (init) await context.addInitScript(init);
      const page = await context.newPage();
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(server.url);
      return page;
    },
  };
}

export interface ServerPages {
  /** Errors thrown in any page opened here (and, with `csp`, Content-Security-Policy refusals). */
  readonly errors: string[];
  /** The real server of this file (a test may kill and restart it). */
  readonly srv: ServerProcess;
  /** A page in a browser context of its own, at `url` (the server's address by default; null: none). */
  open(o?: { url?: string | null; size?: { width: number; height: number }; downloads?: boolean; csp?: boolean }): Promise<Page>;
}

/** For one test file: the game built, the real server (rooms, classes) on a data folder of its own, and Chromium. */
export function serverPages(name: string): ServerPages {
  let browser: Browser | undefined;
  let srv: ServerProcess | undefined;
  const errors: string[] = [];
  beforeAll(async () => {
    await buildOnce();
    srv = new ServerProcess(await freePort(), mkdtempSync(join(tmpdir(), `interlock-${name}-`)));
    await srv.start();
    browser = await launch();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await srv?.kill9();
  });
  const started = () => {
    if (!browser || !srv) throw new Error('the server is not started yet (open pages inside tests)');
    return { browser, srv };
  };
  return {
    errors,
    get srv() {
      return started().srv;
    },
    async open({ url, size = { width: 1366, height: 768 }, downloads = false, csp = false } = {}) {
      const { browser, srv } = started();
      const page = await (await browser.newContext({ viewport: size, acceptDownloads: downloads })).newPage();
      page.on('pageerror', (e) => errors.push(String(e)));
      if (csp)
        page.on('console', (m) => {
          if (/Content Security Policy/i.test(m.text())) errors.push(m.text());
        });
      if (url !== null) await page.goto(url ?? srv.url);
      return page;
    },
  };
}
