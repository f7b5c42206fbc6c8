// Debian's Chromium, as the browser tests and the benchmarks start it: never a downloaded browser,
// and the flags a machine without a network needs (no background connections, no updates, no sync).
import { existsSync } from 'node:fs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Fails loudly, with the one command that fixes it, when Chromium is missing. */
export function requireChromium() {
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium is missing at ${CHROMIUM}. Install it with: apt-get install -y chromium (or set CHROMIUM_PATH).`);
}
