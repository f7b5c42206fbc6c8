// The thread behind pgSync.ts: one PostgreSQL connection for the rooms' log. It runs each query
// the main thread posts (answering on the port, then waking the main thread waiting on the shared
// flag), and writes the log in group commits: the writes posted while one commit is under way go
// together in the next (logBatch.ts), and the main thread hears on a port of its own how far the
// log is durable and which rooms could not be written.
import pg from 'pg';
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { batchStatement, lostRooms, type LogWrite } from './logBatch';

export type Job =
  { kind: 'query'; id: number; sql: string; params: unknown[] } | { kind: 'writes'; writes: Array<{ seq: number; write: LogWrite }> };

/** What the main thread hears after each group commit: durable through `through`; the writes of `lost` rooms (at their epoch) were not made. */
export interface Durable {
  through: number;
  lost: Array<{ code: string; epoch: number; why: string }>;
}

const {
  url,
  flag: buffer,
  port,
  durable,
  node,
} = workerData as {
  url: string;
  flag: SharedArrayBuffer;
  port: MessagePort;
  durable: MessagePort;
  node: string;
};
const flag = new Int32Array(buffer);
let client: Promise<pg.Client> | null = null;

/** The connection, opened once (a commit and a query may ask for it at the same moment). */
function connection(): Promise<pg.Client> {
  if (client) return client;
  const c = new pg.Client({ connectionString: url, application_name: 'interlock-log' });
  const opened = c.connect().then(() => c);
  client = opened;
  // A dropped connection is opened again by the next query.
  const drop = () => {
    if (client === opened) client = null;
  };
  c.on('error', drop);
  opened.catch(drop);
  return opened;
}

/** Writes posted and not yet sent to the database; how many commits are under way. */
let waiting: Array<{ seq: number; write: LogWrite }> = [];
let inFlight = 0;
let scheduled = false;

/** Sends the waiting writes as one statement (one commit). Statements on one connection run in order. */
function commit(): Promise<void> {
  const batch = waiting;
  waiting = [];
  if (!batch.length) return Promise.resolve();
  inFlight++;
  const through = batch[batch.length - 1]!.seq;
  const writes = batch.map((b) => b.write);
  return connection()
    .then((c) => {
      const { sql, params } = batchStatement(node, writes);
      return c.query<{ code: string; epoch: string }>(sql, params);
    })
    .then(
      (r) => {
        const lost = lostRooms(writes, r.rows).map((l) => ({ ...l, why: 'another server took it over' }));
        durable.postMessage({ through, lost } satisfies Durable);
      },
      (err: Error) => {
        const lost = lostRooms(writes, []).map((l) => ({ ...l, why: err.message }));
        durable.postMessage({ through, lost } satisfies Durable);
      },
    )
    .finally(() => {
      inFlight--;
      // What arrived during this commit goes in the next one.
      if (waiting.length && inFlight === 0) void commit();
    });
}

parentPort?.on('message', (job: Job) => {
  if (job.kind === 'writes') {
    waiting.push(...job.writes);
    // Writes posted in the same moment (several rooms' events) wait for each other one turn of the loop.
    if (inFlight === 0 && !scheduled) {
      scheduled = true;
      setImmediate(() => {
        scheduled = false;
        if (inFlight === 0) void commit();
      });
    }
    return;
  }
  void (async () => {
    try {
      // A read or write that blocks the main thread comes after every log write posted before it.
      void commit();
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
