// `npm start`: the one server of Interlock. Serves the built game and the rooms on one port.
import { readFileSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { parseScenario } from '../engine';
import { startServer } from './app';

const root = process.env.INTERLOCK_ROOT ?? process.cwd();
const port = Number(process.env.PORT ?? 8080);
const dataDir = process.env.INTERLOCK_DATA ?? join(root, 'data');
const scenarioFile = process.env.INTERLOCK_SCENARIO ?? join(root, 'assets', 'scenarios', 'ceasefire-2026.json');

const parsed = parseScenario(JSON.parse(readFileSync(scenarioFile, 'utf8')));
if (!parsed.ok) {
  process.stderr.write(`The scenario ${scenarioFile} is refused:\n${parsed.problems.map((p) => `  ${p.path}: ${p.message}`).join('\n')}\n`);
  process.exit(2);
}

const server = await startServer({
  port,
  host: process.env.HOST ?? '0.0.0.0',
  dbFile: join(dataDir, 'interlock.sqlite'),
  distDir: join(root, 'dist'),
  scenario: parsed.scenario,
  aiWorkerFile: new URL('./aiWorker.mjs', import.meta.url),
});

const lan = Object.values(networkInterfaces())
  .flat()
  .filter((a) => a && a.family === 'IPv4' && !a.internal)
  .map((a) => `http://${a?.address}:${server.port}`);
const { restored, failed, ms } = server.restored;
process.stdout.write(`Interlock is running at http://127.0.0.1:${server.port}${lan.length ? `  (on this network: ${lan.join(', ')})` : ''}\n`);
process.stdout.write(`Data: ${dataDir}  ·  rooms restored: ${restored} in ${ms.toFixed(0)} ms${failed.length ? `  ·  not restored: ${failed.map((f) => `${f.code} (${f.error})`).join('; ')}` : ''}\n`);

const stop = () => {
  void server.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
