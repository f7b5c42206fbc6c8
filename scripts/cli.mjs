#!/usr/bin/env node
// Runs a command-line tool of src/cli: bundles it once with esbuild (so it runs as compiled
// code, like the game in the browser) into node_modules/.cache, then runs it.
// Usage: node scripts/cli.mjs NAME [args...]
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const name = process.argv[2];
const entry = name && join(root, 'src', 'cli', `${name}.ts`);
if (!entry || !existsSync(entry)) {
  process.stderr.write(`usage: node scripts/cli.mjs <sim|dominance|replay|bench|scenarioCheck|talk> [args]\n`);
  process.exit(1);
}
// INTERLOCK_BUNDLE_DIR (as for the server): worktrees sharing one node_modules build apart.
const outfile = join(
  process.env.INTERLOCK_BUNDLE_DIR ? join(process.env.INTERLOCK_BUNDLE_DIR, 'cli') : join(root, 'node_modules', '.cache', 'interlock-cli'),
  `${name}.mjs`,
);
await build({
  entryPoints: [entry],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
process.argv.splice(2, 1);
await import(pathToFileURL(outfile).href);
