// PostgreSQL queries that block, as better-sqlite3's do: the room's store (pgRoomDb.ts) keeps the
// same synchronous contract as the SQLite one, so an intent is in the shared log before anyone
// hears of it and the one authority path (net/authority.ts) stays as it is. A worker thread holds
// the connection; the main thread posts a query and waits on a shared flag (Atomics.wait).
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';

export class DatabaseError extends Error {
  constructor(
    message: string,
    readonly code: string | null,
  ) {
    super(message);
  }
}

type Reply = { id: number } & (
  { ok: true; rows: Array<Record<string, unknown>>; rowCount: number } | { ok: false; message: string; code: string | null }
);

export class SyncPostgres {
  private readonly flag = new Int32Array(new SharedArrayBuffer(4));
  private readonly worker: Worker;
  private readonly port;

  constructor(
    url: string,
    workerFile: string | URL,
    /** How long one query may block the process before it is given up. */
    private readonly timeoutMs = 5000,
  ) {
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    // The worker answers on port2; the blocked main thread reads port1 synchronously.
    this.worker = new Worker(workerFile, { workerData: { url, flag: this.flag.buffer, port: port2 }, transferList: [port2] });
    this.worker.unref();
  }

  /** The first query also waits for the thread to start and connect. */
  private started = false;
  private lastId = 0;

  query<T = Record<string, unknown>>(sql: string, params: unknown[] = []): { rows: T[]; rowCount: number } {
    const id = ++this.lastId;
    const timeout = this.started ? this.timeoutMs : Math.max(this.timeoutMs, 30_000);
    const deadline = performance.now() + timeout;
    Atomics.store(this.flag, 0, 0);
    this.worker.postMessage({ id, sql, params });
    for (;;) {
      // The worker posts its answer, then wakes us; an answer to a query given up earlier is dropped.
      const m = receiveMessageOnPort(this.port)?.message as Reply | undefined;
      if (m?.id === id) {
        this.started = true;
        if (!m.ok) throw new DatabaseError(m.message, m.code);
        return { rows: m.rows as T[], rowCount: m.rowCount };
      }
      if (m) continue;
      const left = deadline - performance.now();
      if (left <= 0) throw new DatabaseError(`the database did not answer within ${timeout} ms`, null);
      Atomics.wait(this.flag, 0, 0, Math.min(left, 50));
      Atomics.store(this.flag, 0, 0);
    }
  }

  close() {
    void this.worker.terminate();
    this.port.close();
  }
}
