// Browser tests: the built game served by Vite's preview server, driven in Debian's Chromium
// with playwright-core (no downloaded browsers). Fails loudly when Chromium is missing.
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { build, preview, type PreviewServer } from 'vite';

import { CHROMIUM, CHROMIUM_ARGS, requireChromium } from '../../scripts/chromium.mjs';

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
