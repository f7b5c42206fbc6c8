// `npm start`: the one server of Interlock. Serves the built game and the rooms on one port.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseScenario } from '../engine';
import { startServer } from './app';
import { createCluster, type Cluster } from './cluster/start';
import { DataFileInUse } from './db';
import { keepRunning, serverSettings } from './settings';

const root = process.env.INTERLOCK_ROOT ?? process.cwd();
const port = Number(process.env.PORT ?? 8080);
const dataDir = process.env.INTERLOCK_DATA ?? join(root, 'data');
const scenarioFile = process.env.INTERLOCK_SCENARIO ?? join(root, 'assets', 'scenarios', 'ceasefire-2026.json');

const parsed = parseScenario(JSON.parse(readFileSync(scenarioFile, 'utf8')));
if (!parsed.ok) {
  process.stderr.write(`The scenario ${scenarioFile} is refused:\n${parsed.problems.map((p) => `  ${p.path}: ${p.message}`).join('\n')}\n`);
  process.exit(2);
}

// Cluster mode: several processes share their rooms through PostgreSQL (README, "Several processes").
const databaseUrl = process.env.INTERLOCK_DATABASE_URL?.trim() || null;
const settings = serverSettings(process.env);
let cluster: Cluster | null = null;
if (databaseUrl)
  cluster = await createCluster({
    databaseUrl,
    nodeUrl: process.env.INTERLOCK_NODE_URL?.trim() || null,
    pgWorkerFile: new URL('./pgWorker.mjs', import.meta.url),
    trustProxy: !!settings.trustProxy,
  }).catch((err: Error) => {
    process.stderr.write(`Interlock cannot start: the cluster database cannot be used: ${err.message}\n`);
    process.exit(1);
  });

const server = await startServer({
  port,
  host: process.env.HOST ?? '0.0.0.0',
  dbFile: join(dataDir, 'interlock.sqlite'),
  distDir: join(root, 'dist'),
  scenario: parsed.scenario,
  aiWorkerFile: new URL('./aiWorker.mjs', import.meta.url),
  ...settings,
  ...(cluster ? { cluster } : {}),
}).catch((err: Error & { code?: string }) => {
  // The usual reasons a server cannot start get one clear line, not a stack trace.
  if (err instanceof DataFileInUse) process.stderr.write(`Interlock cannot start: ${err.message}\n`);
  else if (err.code === 'EADDRINUSE') process.stderr.write(`Interlock cannot start: port ${port} is in use (set PORT to another one)\n`);
  else throw err;
  process.exit(1);
});

keepRunning();

const lan = server.addresses;
const { restored, failed, ms } = server.restored;
process.stdout.write(
  `Interlock is running at http://127.0.0.1:${server.port}${lan.length ? `  (on this network: ${lan.join(', ')})` : ''}\n`,
);
const where = cluster ? `PostgreSQL (cluster mode, this process is node ${cluster.membership.id})` : dataDir;
process.stdout.write(
  `Data: ${where}  ·  rooms restored: ${restored} in ${ms.toFixed(0)} ms${failed.length ? `  ·  not restored: ${failed.map((f) => `${f.code} (${f.error})`).join('; ')}` : ''}\n`,
);

const stop = () => {
  void server.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
