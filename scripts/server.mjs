#!/usr/bin/env node
// `npm start`: builds the game if its sources are newer than dist/ (or dist/ is missing),
// bundles the server and its AI thread with esbuild, then starts it on one port (PORT).
// Options: --no-client-build (serve dist/ as it is), --build-only. Source maps are built only
// with INTERLOCK_SOURCEMAPS=1 (and served only then).
import { spawnSync } from 'node:child_process';
import { build } from 'esbuild';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { precompress } from './precompress.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));

function newest(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let t = 0;
  for (const name of readdirSync(path)) t = Math.max(t, newest(join(path, name)));
  return t;
}

const built = join(root, 'dist', 'index.html');
const sources = Math.max(
  ...['src', 'assets', 'index.html', 'map.html', 'vite.config.ts', 'package.json'].map((p) => newest(join(root, p))),
);
if (!args.has('--no-client-build') && (!existsSync(built) || statSync(built).mtimeMs < sources)) {
  process.stdout.write('Building the game (vite build)…\n');
  // In a child process, so the server does not keep the build's memory.
  const maps = process.env.INTERLOCK_SOURCEMAPS === '1' ? 'true' : 'false';
  const r = spawnSync(
    process.execPath,
    [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'error', '--sourcemap', maps],
    { cwd: root, stdio: 'inherit' },
  );
  if (r.status !== 0) process.exit(r.status ?? 1);
}
// Brotli and gzip copies of the build, made once here rather than on every request.
if (existsSync(built)) precompress(join(root, 'dist'));

// INTERLOCK_BUNDLE_DIR: somewhere else for the bundle (worktrees that share one node_modules
// would otherwise build over each other's server).
const outdir = process.env.INTERLOCK_BUNDLE_DIR ?? join(root, 'node_modules', '.cache', 'interlock-server');
// The bundle is made again only when a source changed (a restart after a crash is quicker).
const bundled = Math.min(...['main.mjs', 'aiWorker.mjs', 'pgWorker.mjs'].map((f) => newest(join(outdir, f)) || 0));
const serverSources = Math.max(newest(join(root, 'src')), newest(join(root, 'package.json')));
if (!bundled || bundled < serverSources)
  await build({
    entryPoints: {
      main: join(root, 'src', 'server', 'main.ts'),
      aiWorker: join(root, 'src', 'server', 'aiWorker.ts'),
      // The thread that holds the PostgreSQL connection of cluster mode (src/server/cluster/pgSync.ts).
      pgWorker: join(root, 'src', 'server', 'cluster', 'pgWorker.ts'),
    },
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
if (args.has('--build-only')) process.exit(0);
process.env.INTERLOCK_ROOT ??= root;
await import(pathToFileURL(join(outdir, 'main.mjs')).href);
