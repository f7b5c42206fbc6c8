// npm run bench:room [-- --rooms N] [--json]
// The room server under load, on loopback (issue #5 targets): an intent reaches every client of
// its room with p95 ≤ 50 ms (50 rooms × 8 clients); server memory ≤ 2 MB per room; after a
// kill -9, every room restored in ≤ 2 s. The server runs as its own process (what npm start runs).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';
import { intFlag, parseArgs } from './args';

const { flags } = parseArgs(process.argv.slice(2));
const ROOMS = intFlag(flags, 'rooms', 50);
const ROUNDS = intFlag(flags, 'intents', 20);
const json = flags.json === true;
const root = process.cwd();
const SEATS = ['iran', 'usa', 'gulf', 'israel', 'eu', 'iaea'];
const say = (s: string) => !json && process.stdout.write(`${s}\n`);

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => resolve(p));
    });
  });

const data = mkdtempSync(join(tmpdir(), 'interlock-bench-'));
const port = await freePort();
const url = `http://127.0.0.1:${port}`;
let proc: ChildProcess | null = null;

function startServer(): Promise<{ ms: number; restoredMs: number }> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...(process.env.BENCH_PROF ? ['--cpu-prof', '--cpu-prof-dir=' + process.env.BENCH_PROF] : []), '--expose-gc', join(root, 'scripts', 'server.mjs'), '--no-client-build'], {
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', INTERLOCK_DATA: data },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    proc = child;
    let out = '';
    child.stdout.on('data', (b: Buffer) => {
      out += b.toString();
      const m = /rooms restored: \d+ in (\d+) ms/.exec(out);
      if (m) resolve({ ms: performance.now() - t0, restoredMs: Number(m[1]) });
    });
    child.on('exit', (code) => reject(new Error(`server exited ${code}`)));
  });
}

function kill9(): Promise<void> {
  return new Promise((resolve) => {
    if (!proc || proc.exitCode !== null) return resolve();
    proc.removeAllListeners('exit');
    proc.once('exit', () => resolve());
    // When profiling, the server stops gracefully so it can write its profile.
    proc.kill(process.env.BENCH_PROF ? 'SIGTERM' : 'SIGKILL');
  });
}

type Ack = { ok: boolean; reason?: string; code?: string; key?: string; token?: string };

class Client {
  socket: Socket;
  version = 0;
  paused = false;
  waiters: Array<{ min: number; done: (t: number) => void }> = [];
  constructor() {
    this.socket = io(url, { transports: ['websocket'], forceNew: true, reconnection: true });
    const seen = (m: { version: number }) => {
      if (m.version <= this.version) return;
      this.version = m.version;
      const now = performance.now();
      this.waiters = this.waiters.filter((w) => (m.version >= w.min ? (w.done(now), false) : true));
    };
    this.socket.on('sync', seen);
    this.socket.on('update', seen);
  }
  ready() {
    return new Promise<void>((r) => (this.socket.connected ? r() : this.socket.once('connect', () => r())));
  }
  call(event: string, data: unknown): Promise<Ack> {
    return this.socket.timeout(20_000).emitWithAck(event, data) as Promise<Ack>;
  }
  /** Resolves with the time the client saw a version at least `min`. */
  reach(min: number): Promise<number> {
    if (this.version >= min) return Promise.resolve(performance.now());
    return new Promise((done) => this.waiters.push({ min, done }));
  }
}

let ids = 0;
const id = () => `bench-${process.pid}-${++ids}`;
const health = async (gc = false) => (await (await fetch(`${url}/healthz${gc ? '?gc=1' : ''}`)).json()) as { heapUsedMB: number; rssMB: number; rooms: number };
const pct = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))] ?? 0;
const r2 = (v: number) => Math.round(v * 10) / 10;

await startServer();
await health(true);
const base = await health(true);

// 50 rooms: a facilitator, six teams and a projector each (8 clients).
interface BenchRoom { code: string; fac: Client; clients: Client[] }
const rooms: BenchRoom[] = [];
for (let r = 0; r < ROOMS; r++) {
  const fac = new Client();
  await fac.ready();
  const created = await fac.call('room.create', { name: 'Bench', seed: r + 1 });
  if (!created.ok || !created.code || !created.key) throw new Error(`room.create: ${created.reason}`);
  const code = created.code;
  await fac.call('room.join', { code, as: { kind: 'facilitator', key: created.key }, name: 'Bench' });
  const clients = [fac];
  for (const d of SEATS) {
    const c = new Client();
    await c.ready();
    await c.call('room.join', { code, as: { kind: 'lobby' }, name: d });
    const claim = await c.call('seat.claim', { delegation: d, name: `team ${d}` });
    if (!claim.ok) throw new Error(`claim: ${claim.reason}`);
    clients.push(c);
  }
  const projector = new Client();
  await projector.ready();
  await projector.call('room.join', { code, as: { kind: 'projector' } });
  clients.push(projector);
  await fac.call('room.action', { id: id(), action: { kind: 'start' } });
  rooms.push({ code, fac, clients });
}
await new Promise((r) => setTimeout(r, 500));

// Fan-out: the facilitator pauses or resumes (an intent that changes every view), timed from
// the send until all 8 clients of the room hold the new version. Steady: every room sends at
// random moments, about one intent a second each (≈ 50 intents/s on the server, far above a
// classroom's pace). Burst: all rooms send at the same instant (the worst case).
async function fanoutOnce(room: BenchRoom): Promise<number> {
  const before = Math.max(...room.clients.map((c) => c.version));
  const t0 = performance.now();
  const reached = Promise.all(room.clients.map((c) => c.reach(before + 1)));
  const ack = await room.fac.call('intent', { id: id(), version: room.fac.version, intent: { type: room.fac.paused ? 'facilitator.resume' : 'facilitator.pause', actor: 'facilitator' } });
  if (!ack.ok) throw new Error(`intent: ${ack.reason}`);
  room.fac.paused = !room.fac.paused;
  const times = await reached;
  return Math.max(...times) - t0;
}
const steady: number[] = [];
const steadyEnd = performance.now() + 1000 * Math.max(5, ROUNDS / 2);
await Promise.all(
  rooms.map(async (room) => {
    while (performance.now() < steadyEnd) {
      await new Promise((r) => setTimeout(r, Math.random() * 2000));
      steady.push(await fanoutOnce(room));
    }
  }),
);
const fanout: number[] = [];
for (let k = 0; k < ROUNDS; k++) fanout.push(...(await Promise.all(rooms.map((room) => fanoutOnce(room)))));
say(`fan-out, ${ROOMS} rooms × 8 clients, steady (${steady.length} intents, ≈ ${Math.round(steady.length / Math.max(5, ROUNDS / 2))}/s): median ${r2(pct(steady, 0.5))} ms, p95 ${r2(pct(steady, 0.95))} ms (target p95 ≤ 50 ms)`);
say(`fan-out, burst (all ${ROOMS} rooms at the same instant, ${fanout.length} intents): median ${r2(pct(fanout, 0.5))} ms, p95 ${r2(pct(fanout, 0.95))} ms`);
const load = await health(true);
const perRoomMB = (load.heapUsedMB - base.heapUsedMB) / ROOMS;
const perRoomRssMB = (load.rssMB - base.rssMB) / ROOMS;
say(`server memory: heap ${base.heapUsedMB} → ${load.heapUsedMB} MB = ${r2(perRoomMB * 1024)} KB per room with 8 clients (rss ${r2(perRoomRssMB * 1024)} KB per room) (target ≤ 2 MB)`);

// Longer games: the AI plays every seat of every room for a few rounds, then memory again.
for (const room of rooms) for (const d of SEATS) await room.fac.call('room.action', { id: id(), action: { kind: 'seatMode', delegation: d, mode: 'ai' } });
await Promise.all(rooms.map((room) => room.fac.call('intent', { id: id(), version: room.fac.version, intent: { type: 'facilitator.resume', actor: 'facilitator' } })));
const tPlay = performance.now();
const played = () => Promise.all(rooms.map(async (room) => room.fac.version));
while (performance.now() - tPlay < 20_000) {
  await new Promise((r) => setTimeout(r, 1000));
  const versions = await played();
  if (Math.min(...versions) > 150) break;
}
for (const room of rooms) await room.fac.call('intent', { id: id(), version: room.fac.version, intent: { type: 'facilitator.pause', actor: 'facilitator' } }).catch(() => null);
await new Promise((r) => setTimeout(r, 500));
const later = await health(true);
const laterPerRoom = (later.heapUsedMB - base.heapUsedMB) / ROOMS;
const events = rooms.reduce((a, r) => a + r.fac.version, 0);
say(`after the AI played on (${Math.round(events / ROOMS)} events per room on average): ${r2(laterPerRoom * 1024)} KB per room`);

// kill -9 and restart: the server restores every room from SQLite; clients come back.
await kill9();
const restart = await startServer();
const back = await health();
say(`restart after kill -9: ${back.rooms} rooms restored from SQLite in ${restart.restoredMs} ms (target ≤ 2 s); process start to listening ${Math.round(restart.ms)} ms`);
say(`load average during the run: ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);

const result = {
  rooms: ROOMS,
  clientsPerRoom: 8,
  fanout: {
    steady: { samples: steady.length, medianMs: r2(pct(steady, 0.5)), p95Ms: r2(pct(steady, 0.95)) },
    burst: { samples: fanout.length, medianMs: r2(pct(fanout, 0.5)), p95Ms: r2(pct(fanout, 0.95)) },
  },
  memory: { kbPerRoomAt8Clients: r2(perRoomMB * 1024), kbPerRoomAfterPlay: r2(laterPerRoom * 1024) },
  restart: { restoredRooms: back.rooms, restoreMs: restart.restoredMs, startToListeningMs: Math.round(restart.ms) },
  loadavg: loadavg(),
};
if (json) process.stdout.write(`${JSON.stringify(result)}\n`);
for (const room of rooms) for (const c of room.clients) c.socket.close();
await kill9();
rmSync(data, { recursive: true, force: true });
process.exit(0);
