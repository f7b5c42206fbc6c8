// Browser tests: the built game served by Vite's preview server, driven in Debian's Chromium
// with playwright-core (no downloaded browsers). Fails loudly when Chromium is missing.
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const root = join(import.meta.dirname, '..', '..');

export function requireChromium() {
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium is missing at ${CHROMIUM}. Install it with: apt-get install -y chromium (or set CHROMIUM_PATH).`);
}

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
  const server: PreviewServer = await preview({ root, logLevel: 'error', build: { outDir }, preview: { port: 0, host: '127.0.0.1', strictPort: false } });
  const address = server.httpServer.address() as AddressInfo;
  return { url: `http://127.0.0.1:${address.port}/`, close: () => server.close() };
}

export async function launch(): Promise<Browser> {
  requireChromium();
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--enable-unsafe-swiftshader', '--use-angle=swiftshader'],
  });
}
