// npm run bench:room [-- --rooms N] [--json]   (-- --cluster: the cluster benchmark, clusterBench.ts)
// The room server under load, on loopback (issue #5 targets): an intent reaches every client of
// its room with p95 ≤ 50 ms (50 rooms × 8 clients); server memory ≤ 2 MB per room; after a
// kill -9, every room restored in ≤ 2 s. The server runs as its own process (what npm start runs).
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { intFlag, parseArgs } from './args';
import { BenchServer, benchRoom, fanoutOnce, freePort, msgId as id, pct, r2, SEATS, truthOnce, type BenchRoom } from './benchServer';

const { flags } = parseArgs(process.argv.slice(2));
// Cluster mode (several processes over PostgreSQL) has a benchmark of its own.
if (flags.cluster === true) {
  const { clusterBench } = await import('./clusterBench');
  await clusterBench(flags);
  process.exit(0);
}
const ROOMS = intFlag(flags, 'rooms', 50);
const ROUNDS = intFlag(flags, 'intents', 20);
const json = flags.json === true;
const say = (s: string) => !json && process.stdout.write(`${s}\n`);

const server = new BenchServer(await freePort(), process.cwd());
const startServer = () => server.start();
const kill9 = () => server.kill9();
const health = (gc = false) => server.health(gc);

await startServer();
await health(true);
const base = await health(true);

// 50 rooms: a facilitator, six teams and a projector each (8 clients, each its own laptop).
const rooms: BenchRoom[] = [];
for (let r = 0; r < ROOMS; r++) rooms.push(await benchRoom(server.url, r + 1));
await new Promise((r) => setTimeout(r, 500));

// Fan-out: the facilitator pauses or resumes (an intent that changes every view), timed from
// the send until all 8 clients of the room hold the new version. Steady: every room sends at
// random moments, about one intent a second each (≈ 50 intents/s on the server, far above a
// classroom's pace). Burst: all rooms send at the same instant (the worst case).
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
say(
  `fan-out, ${ROOMS} rooms × 8 clients, steady (${steady.length} intents, ≈ ${Math.round(steady.length / Math.max(5, ROUNDS / 2))}/s): median ${r2(pct(steady, 0.5))} ms, p95 ${r2(pct(steady, 0.95))} ms (target p95 ≤ 50 ms)`,
);
say(
  `fan-out, burst (all ${ROOMS} rooms at the same instant, ${fanout.length} intents): median ${r2(pct(fanout, 0.5))} ms, p95 ${r2(pct(fanout, 0.95))} ms`,
);

// The console's ground truth: a team's private message reaches the facilitator's view (issue
// #17: within 1 s of the engine's change, p95), with every room sending at once, five a room.
for (const room of rooms)
  if (room.fac.paused) {
    await room.fac.call('intent', { id: id(), version: room.fac.version, intent: { type: 'facilitator.resume', actor: 'facilitator' } });
    room.fac.paused = false;
  }
await new Promise((r) => setTimeout(r, 300));
const truth: number[] = [];
for (let k = 0; k < 5; k++) truth.push(...(await Promise.all(rooms.map((room) => truthOnce(room)))));
say(
  `console ground truth, a team's private message to the facilitator's view, all ${ROOMS} rooms at once (${truth.length} changes): median ${r2(pct(truth, 0.5))} ms, p95 ${r2(pct(truth, 0.95))} ms (target p95 ≤ 1000 ms)`,
);
const load = await health(true);
const perRoomMB = (load.heapUsedMB - base.heapUsedMB) / ROOMS;
const perRoomRssMB = (load.rssMB - base.rssMB) / ROOMS;
say(
  `server memory: heap ${base.heapUsedMB} → ${load.heapUsedMB} MB = ${r2(perRoomMB * 1024)} KB per room with 8 clients (rss ${r2(perRoomRssMB * 1024)} KB per room) (target ≤ 2 MB)`,
);

// Longer games: the AI plays every seat of every room for a few rounds, then memory again.
for (const room of rooms)
  for (const d of SEATS) await room.fac.call('room.action', { id: id(), action: { kind: 'seatMode', delegation: d, mode: 'ai' } });
await Promise.all(
  rooms.map((room) =>
    room.fac.call('intent', { id: id(), version: room.fac.version, intent: { type: 'facilitator.resume', actor: 'facilitator' } }),
  ),
);
const tPlay = performance.now();
const played = () => Promise.all(rooms.map(async (room) => room.fac.version));
while (performance.now() - tPlay < 20_000) {
  await new Promise((r) => setTimeout(r, 1000));
  const versions = await played();
  if (Math.min(...versions) > 150) break;
}
for (const room of rooms)
  await room.fac
    .call('intent', { id: id(), version: room.fac.version, intent: { type: 'facilitator.pause', actor: 'facilitator' } })
    .catch(() => null);
await new Promise((r) => setTimeout(r, 500));
const later = await health(true);
const laterPerRoom = (later.heapUsedMB - base.heapUsedMB) / ROOMS;
const events = rooms.reduce((a, r) => a + r.fac.version, 0);
say(`after the AI played on (${Math.round(events / ROOMS)} events per room on average): ${r2(laterPerRoom * 1024)} KB per room`);

// kill -9 and restart: the server restores every room from SQLite; clients come back.
await kill9();
const restart = await startServer();
const back = await health();
say(
  `restart after kill -9: ${back.rooms} rooms restored from SQLite in ${restart.restoredMs} ms (target ≤ 2 s); process start to listening ${Math.round(restart.ms)} ms`,
);
say(
  `load average during the run: ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`,
);

const result = {
  rooms: ROOMS,
  clientsPerRoom: 8,
  fanout: {
    steady: { samples: steady.length, medianMs: r2(pct(steady, 0.5)), p95Ms: r2(pct(steady, 0.95)) },
    burst: { samples: fanout.length, medianMs: r2(pct(fanout, 0.5)), p95Ms: r2(pct(fanout, 0.95)) },
  },
  consoleTruth: { samples: truth.length, medianMs: r2(pct(truth, 0.5)), p95Ms: r2(pct(truth, 0.95)) },
  memory: { kbPerRoomAt8Clients: r2(perRoomMB * 1024), kbPerRoomAfterPlay: r2(laterPerRoom * 1024) },
  restart: { restoredRooms: back.rooms, restoreMs: restart.restoredMs, startToListeningMs: Math.round(restart.ms) },
  loadavg: loadavg(),
};
if (json) process.stdout.write(`${JSON.stringify(result)}\n`);
for (const room of rooms) for (const c of room.clients) c.socket.close();
await server.dispose();
process.exit(0);
