// A small pool of worker threads for the AI seats of every room. Requests queue in arrival
// order; each room asks one decision at a time, so rooms take turns and none waits for long.
import { Worker } from 'node:worker_threads';
import type { Scenario } from '../engine';
import type { AiAsk } from '../ai/protocol';
import type { Decision } from '../ai/words';

export interface WorkerRequest {
  id: number;
  scenarioKey: string;
  scenario?: Scenario;
  request: AiAsk;
}
export type WorkerReply = { id: number; decisions: Decision[] } | { id: number; error: string };

interface Job {
  scenarioKey: string;
  scenario: Scenario;
  request: AiAsk;
  resolve: (d: Decision[]) => void;
  reject: (e: Error) => void;
}

interface Thread {
  worker: Worker;
  known: Set<string>;
  job: (Job & { id: number; timer: NodeJS.Timeout }) | null;
  born: number;
}

export interface AiPoolOptions {
  /** The bundled worker script (built by scripts/server.mjs or the tests' helper). */
  workerFile: string | URL;
  threads: number;
  /** A decision that takes longer is abandoned (the seat then does nothing this time). */
  timeoutMs?: number;
}

export class AiPool {
  private threads: Thread[] = [];
  private queue: Job[] = [];
  private nextId = 1;
  private closed = false;

  constructor(private readonly opts: AiPoolOptions) {
    for (let i = 0; i < Math.max(1, opts.threads); i++) this.threads.push(this.spawn());
  }

  private spawn(): Thread {
    const t: Thread = { worker: new Worker(this.opts.workerFile), known: new Set(), job: null, born: Date.now() };
    t.worker.on('message', (r: WorkerReply) => {
      const job = t.job;
      if (!job || job.id !== r.id) return;
      clearTimeout(job.timer);
      t.job = null;
      if ('error' in r) job.reject(new Error(r.error));
      else job.resolve(r.decisions);
      this.pump();
    });
    t.worker.on('error', (err) => this.lose(t, err));
    t.worker.on('exit', () => this.lose(t, new Error('the AI thread stopped')));
    t.worker.unref();
    return t;
  }

  /** A thread that failed is replaced; its job is refused, the queue goes on. */
  private lose(t: Thread, err: Error) {
    const i = this.threads.indexOf(t);
    if (i < 0) return;
    if (t.job) {
      clearTimeout(t.job.timer);
      t.job.reject(err);
      t.job = null;
    }
    void t.worker.terminate();
    if (this.closed) return;
    // A thread that dies at once (a broken bundle) is not respawned in a tight loop.
    const young = Date.now() - t.born < 1000;
    if (young) {
      this.threads.splice(i, 1);
      setTimeout(() => {
        if (this.closed) return;
        this.threads.push(this.spawn());
        this.pump();
      }, 1000).unref();
      return;
    }
    this.threads[i] = this.spawn();
    this.pump();
  }

  decide(scenarioKey: string, scenario: Scenario, request: AiAsk): Promise<Decision[]> {
    if (this.closed) return Promise.reject(new Error('the AI pool is closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ scenarioKey, scenario, request, resolve, reject });
      this.pump();
    });
  }

  get pending(): number {
    return this.queue.length + this.threads.filter((t) => t.job).length;
  }

  private pump() {
    for (const t of this.threads) {
      if (t.job) continue;
      const job = this.queue.shift();
      if (!job) return;
      const id = this.nextId++;
      const timer = setTimeout(() => this.lose(t, new Error('the AI took too long')), this.opts.timeoutMs ?? 10_000);
      t.job = { ...job, id, timer };
      const msg: WorkerRequest = { id, scenarioKey: job.scenarioKey, request: job.request };
      if (!t.known.has(job.scenarioKey)) {
        msg.scenario = job.scenario;
        t.known.add(job.scenarioKey);
      }
      t.worker.postMessage(msg);
    }
  }

  async close() {
    this.closed = true;
    for (const job of this.queue) job.reject(new Error('the AI pool is closed'));
    this.queue = [];
    await Promise.all(
      this.threads.map((t) => {
        if (t.job) {
          clearTimeout(t.job.timer);
          t.job.reject(new Error('the AI pool is closed'));
        }
        return t.worker.terminate();
      }),
    );
  }
}
