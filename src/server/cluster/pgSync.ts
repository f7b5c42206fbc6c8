// PostgreSQL for the rooms' store (pgRoomDb.ts), through a worker thread that holds the
// connection (pgWorker.ts). Reads and rare writes block, as better-sqlite3's do: the main thread
// posts a query and waits on a shared flag (Atomics.wait). The log's writes do not block: they are
// posted, written in group commits, and `onDurable` hears how far the log is durable, so what
// depends on a write (an acknowledgement, a broadcast) is held until then (durability.ts).
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { LogWrite } from './logBatch';
import type { Durable, Job } from './pgWorker';

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
  private readonly durable: MessagePort;
  /** The number of the last log write posted. */
  private lastWrite = 0;
  /** Hears each group commit: durable through a write's number, and the rooms that could not be written. */
  onDurable: ((d: Durable) => void) | null = null;

  constructor(
    url: string,
    workerFile: string | URL,
    /** This process's node id: the log's writes are fenced by it. */
    node: string,
    /** How long one query may block the process before it is given up. */
    private readonly timeoutMs = 5000,
  ) {
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    const notices = new MessageChannel();
    this.durable = notices.port1;
    // The worker answers on port2; the blocked main thread reads port1 synchronously.
    this.worker = new Worker(workerFile, {
      workerData: { url, flag: this.flag.buffer, port: port2, durable: notices.port2, node },
      transferList: [port2, notices.port2],
    });
    this.worker.unref();
    this.durable.on('message', (d: Durable) => this.onDurable?.(d));
    this.durable.unref();
  }

  /** Writes posted in this turn of the event loop, not yet handed to the thread. */
  private writes: Array<{ seq: number; write: LogWrite }> = [];

  /** Posts a write of the log, without waiting; its number (durable once a notice says so). */
  write(w: LogWrite): number {
    const seq = ++this.lastWrite;
    // The writes of one turn (every room a commit released, say) reach the thread as one message.
    if (this.writes.push({ seq, write: w }) === 1) queueMicrotask(() => this.handOver());
    return seq;
  }

  private handOver() {
    if (!this.writes.length) return;
    this.worker.postMessage({ kind: 'writes', writes: this.writes } satisfies Job);
    this.writes = [];
  }

  /** The first query also waits for the thread to start and connect. */
  private started = false;
  private lastId = 0;

  query<T = Record<string, unknown>>(sql: string, params: unknown[] = []): { rows: T[]; rowCount: number } {
    const id = ++this.lastId;
    const timeout = this.started ? this.timeoutMs : Math.max(this.timeoutMs, 30_000);
    const deadline = performance.now() + timeout;
    Atomics.store(this.flag, 0, 0);
    // The thread runs a query after the log writes posted before it.
    this.handOver();
    this.worker.postMessage({ kind: 'query', id, sql, params } satisfies Job);
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
    this.durable.close();
  }
}
