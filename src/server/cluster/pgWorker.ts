// The thread behind pgSync.ts: one PostgreSQL connection that runs each query the main thread
// posts, answers on the port, then wakes the main thread waiting on the shared flag.
import pg from 'pg';
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';

interface Job {
  id: number;
  sql: string;
  params: unknown[];
}

const { url, flag: buffer, port } = workerData as { url: string; flag: SharedArrayBuffer; port: MessagePort };
const flag = new Int32Array(buffer);
let client: pg.Client | null = null;

async function connection(): Promise<pg.Client> {
  if (client) return client;
  const c = new pg.Client({ connectionString: url, application_name: 'interlock-log' });
  // A dropped connection is opened again by the next query.
  c.on('error', () => {
    if (client === c) client = null;
  });
  await c.connect();
  client = c;
  return c;
}

parentPort?.on('message', (job: Job) => {
  void (async () => {
    try {
      const c = await connection();
      const r = await c.query(job.sql, job.params);
      port.postMessage({ id: job.id, ok: true, rows: r.rows, rowCount: r.rowCount ?? 0 });
    } catch (err) {
      const e = err as Error & { code?: string };
      port.postMessage({ id: job.id, ok: false, message: e.message, code: e.code ?? null });
    }
    Atomics.store(flag, 0, 1);
    Atomics.notify(flag, 0);
  })();
});
