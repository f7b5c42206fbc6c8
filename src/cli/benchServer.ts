// What the room benchmarks share: the real server as its own process (what npm start runs), on a
// free loopback port, and socket.io clients that note when they first hold each version. Each
// client can come from its own loopback address (127.0.x.y), as each laptop of a class does.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';

export const HEALTH_KEY = `bench-health-${process.pid}-key`;

export const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => resolve(p));
    });
  });

export const pct = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))] ?? 0;
export const r2 = (v: number) => Math.round(v * 10) / 10;

let ids = 0;
export const msgId = () => `bench-${process.pid}-${++ids}`;

let lastAddress = 1;
let addressBlock = 0;
/** A loopback address of its own (127.0.0.2, 127.0.0.3, …): one laptop. */
export function nextAddress(): string {
  lastAddress += 1;
  return `127.${addressBlock}.${(lastAddress >> 8) & 255}.${lastAddress & 255 || 1}`;
}

/** Draws the next addresses from 127.<block>.x.y (a thread of the benchmark has its own block). */
export function useAddressBlock(block: number) {
  addressBlock = block;
  lastAddress = 1;
}

/** Stops a child process (kill -9 by default) and resolves once it has exited. */
export function stopProcess(p: ChildProcess | null, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
  return new Promise((resolve) => {
    if (!p || p.exitCode !== null) return resolve();
    p.removeAllListeners('exit');
    p.once('exit', () => resolve());
    p.kill(signal);
  });
}

export class BenchServer {
  readonly data = mkdtempSync(join(tmpdir(), 'interlock-bench-'));
  private proc: ChildProcess | null = null;
  constructor(
    readonly port: number,
    private readonly root: string,
  ) {}

  get url() {
    return `http://127.0.0.1:${this.port}`;
  }

  start(): Promise<{ ms: number; restoredMs: number }> {
    const t0 = performance.now();
    return new Promise((resolve, reject) => {
      const prof = process.env.BENCH_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROF}`] : [];
      const child = spawn(process.execPath, [...prof, '--expose-gc', join(this.root, 'scripts', 'server.mjs'), '--no-client-build'], {
        env: {
          INTERLOCK_AI_PACE: 'instant',
          ...process.env,
          PORT: String(this.port),
          HOST: '127.0.0.1',
          INTERLOCK_DATA: this.data,
          INTERLOCK_HEALTH_KEY: HEALTH_KEY,
        },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      this.proc = child;
      let out = '';
      child.stdout.on('data', (b: Buffer) => {
        out += b.toString();
        const m = /rooms restored: \d+ in (\d+) ms/.exec(out);
        if (m) resolve({ ms: performance.now() - t0, restoredMs: Number(m[1]) });
      });
      child.on('exit', (code) => reject(new Error(`server exited ${code}`)));
    });
  }

  /** CPU seconds the server process used so far (Linux /proc; 0 elsewhere): what an attack costs it, whatever else runs on the machine. */
  cpuSeconds(): number {
    try {
      const fields = readFileSync(`/proc/${this.proc?.pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      return (Number(fields[11]) + Number(fields[12])) / 100;
    } catch {
      return 0;
    }
  }

  async health(gc = false) {
    const r = await fetch(`${this.url}/healthz?key=${HEALTH_KEY}${gc ? '&gc=1' : ''}`);
    return (await r.json()) as { heapUsedMB: number; rssMB: number; rooms: number };
  }

  kill9(): Promise<void> {
    // When profiling, the server stops gracefully so it can write its profile.
    return stopProcess(this.proc, process.env.BENCH_PROF ? 'SIGTERM' : 'SIGKILL');
  }

  async dispose() {
    await this.kill9();
    rmSync(this.data, { recursive: true, force: true });
  }
}

export type BenchAck = { ok: boolean; reason?: string; code?: string; key?: string; token?: string };

export class BenchClient {
  socket: Socket;
  version = 0;
  /** The scenario this client holds (sent back when it joins again, as the page does). */
  scenarioKey = '';
  paused = false;
  waiters: Array<{ min: number; done: (t: number) => void }> = [];
  /** Waiting for a text in what the server sends this client (the facilitator's view of the ground truth). */
  textWaiters: Array<{ text: string; done: (t: number) => void }> = [];
  constructor(url: string, address: string = nextAddress(), opts: { reconnection?: boolean } = {}) {
    this.socket = io(url, {
      transports: ['websocket'],
      forceNew: true,
      reconnection: opts.reconnection ?? true,
      localAddress: address,
    } as Parameters<typeof io>[1]);
    const seen = (m: { version: number }) => {
      if (m.version <= this.version) return;
      this.version = m.version;
      const now = performance.now();
      this.waiters = this.waiters.filter((w) => (m.version >= w.min ? (w.done(now), false) : true));
    };
    this.socket.on('sync', seen);
    this.socket.on('update', seen);
    const holds = (m: { scenarioKey?: string }) => {
      if (m.scenarioKey) this.scenarioKey = m.scenarioKey;
    };
    this.socket.on('sync', holds);
    this.socket.on('update', holds);
    this.socket.on('update', (m: unknown) => {
      if (this.textWaiters.length === 0) return;
      const now = performance.now();
      const body = JSON.stringify(m);
      this.textWaiters = this.textWaiters.filter((w) => (body.includes(w.text) ? (w.done(now), false) : true));
    });
  }
  /** Resolves with the time a message from the server first carried `text`. */
  sees(text: string): Promise<number> {
    return new Promise((done) => this.textWaiters.push({ text, done }));
  }
  ready() {
    return new Promise<void>((r) => (this.socket.connected ? r() : this.socket.once('connect', () => r())));
  }
  call(event: string, data: unknown, timeoutMs = 20_000): Promise<BenchAck> {
    return this.socket.timeout(timeoutMs).emitWithAck(event, data) as Promise<BenchAck>;
  }
  /** Resolves with the time the client saw a version at least `min`. */
  reach(min: number): Promise<number> {
    if (this.version >= min) return Promise.resolve(performance.now());
    return new Promise((done) => this.waiters.push({ min, done }));
  }
}

export const SEATS = ['iran', 'usa', 'gulf', 'israel', 'eu', 'iaea'];

export interface BenchRoom {
  code: string;
  fac: BenchClient;
  clients: BenchClient[];
  tokens: Record<string, string>;
}

/** A started room: a facilitator, six teams and a projector (8 clients), each its own laptop. */
export async function benchRoom(url: string, seed: number): Promise<BenchRoom> {
  const fac = new BenchClient(url);
  await fac.ready();
  const created = await fac.call('room.create', { name: 'Bench', seed });
  if (!created.ok || !created.code || !created.key) throw new Error(`room.create: ${created.reason}`);
  const code = created.code;
  await fac.call('room.join', { code, as: { kind: 'facilitator', key: created.key }, name: 'Bench' });
  const clients = [fac];
  const tokens: Record<string, string> = {};
  for (const d of SEATS) {
    const c = new BenchClient(url);
    await c.ready();
    await c.call('room.join', { code, as: { kind: 'lobby' }, name: d });
    const claim = await c.call('seat.claim', { delegation: d, name: `team ${d}` });
    if (!claim.ok || !claim.token) throw new Error(`claim: ${claim.reason}`);
    tokens[d] = claim.token;
    clients.push(c);
  }
  const projector = new BenchClient(url);
  await projector.ready();
  await projector.call('room.join', { code, as: { kind: 'projector' } });
  clients.push(projector);
  await fac.call('room.action', { id: msgId(), action: { kind: 'start' } });
  return { code, fac, clients, tokens };
}

let truthSeq = 0;

/**
 * The console's ground truth (issue #17's target: within 1 s, p95): a team writes privately to
 * another delegation (a change of the engine's state only its parties and the White Cell may
 * read), timed from the send until the facilitator's page has the view that holds it.
 */
export async function truthOnce(room: BenchRoom): Promise<number> {
  const k = truthSeq++;
  const from = 1 + (k % SEATS.length);
  const seat = room.clients[from] as BenchClient;
  const actor = SEATS[from - 1] as string;
  const to = SEATS[(from + (k % (SEATS.length - 1))) % SEATS.length] as string;
  const text = `truth probe ${k} ${Math.random().toString(36).slice(2, 8)}`;
  const t0 = performance.now();
  const seen = room.fac.sees(text);
  const ack = await seat.call('intent', { id: msgId(), version: seat.version, intent: { type: 'talk.say', actor, to: [to], text } });
  if (!ack.ok) {
    room.fac.textWaiters = room.fac.textWaiters.filter((w) => w.text !== text);
    throw new Error(`talk.say: ${ack.reason}`);
  }
  return (await seen) - t0;
}

/**
 * The facilitator pauses or resumes (an intent that changes every view), timed from the send
 * until all clients of the room hold the new version.
 */
export async function fanoutOnce(room: BenchRoom): Promise<number> {
  const before = Math.max(...room.clients.map((c) => c.version));
  const t0 = performance.now();
  const reached = Promise.all(room.clients.map((c) => c.reach(before + 1)));
  const ack = await room.fac.call('intent', {
    id: msgId(),
    version: room.fac.version,
    intent: { type: room.fac.paused ? 'facilitator.resume' : 'facilitator.pause', actor: 'facilitator' },
  });
  if (!ack.ok) throw new Error(`intent: ${ack.reason}`);
  room.fac.paused = !room.fac.paused;
  const times = await reached;
  return Math.max(...times) - t0;
}
