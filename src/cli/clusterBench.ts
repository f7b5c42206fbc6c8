// npm run bench:room -- --cluster [--rooms N] [--json]
// Cluster mode under load (issue #14 targets), on loopback: a throwaway PostgreSQL, three server
// processes behind a round-robin balancer (no stickiness), 150 rooms × 8 clients spread over all
// three. Prints: intent → all clients of the room p95 (target ≤ 50 ms steady); kill -9 of the
// process with the most rooms → time until each of its rooms serves intents again from another
// (target ≤ 5 s), acknowledged messages lost (target 0) and applied twice (target 0); a fourth
// process added → how many new rooms it takes, and how many old rooms moved (target 0).
import { execFileSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { intFlag } from './args';
import { BenchClient, msgId as id, pct, r2, SEATS } from './benchServer';
import { ClusterNode, cpuMs, machineCpuMs } from './clusterNode';
import { TcpBalancer } from './tcpBalancer';
import { startTempPostgres } from './tempPostgres';

/** The AI seats answer at once here, as in the other server tests (the rooms' pace is the White Cell's tests' subject). */
const INSTANT = { INTERLOCK_AI_PACE: 'instant' };

interface ClusterRoom {
  code: string;
  fac: BenchClient;
  clients: BenchClient[];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** When a client last lost its connection, got it back, and was in its room again (the failover's stages). */
const stages = new WeakMap<BenchClient, { dropped: number; reconnected: number; joined: number; synced: number }>();

/** Joins again after every reconnection, with the page's reconnection delays (roomTransport.ts). */
function rejoining(c: BenchClient, join: unknown) {
  c.socket.io.reconnectionDelay(500);
  c.socket.io.reconnectionDelayMax(3000);
  const st = { dropped: 0, reconnected: 0, joined: 0, synced: 0 };
  stages.set(c, st);
  // A client handed to its room's new owner keeps its connection: the new owner's picture is the sign.
  c.socket.on('sync', () => (st.synced = performance.now()));
  c.socket.on('disconnect', () => (st.dropped = performance.now()));
  c.socket.io.on('reconnect', () => {
    st.reconnected = performance.now();
    void c
      // With the scenario it holds, as the page joins again (roomTransport.ts).
      .call('room.join', { ...(join as object), ...(c.scenarioKey ? { scenarioKey: c.scenarioKey } : {}) }, 8000)
      .then((r) => {
        if (r.ok) st.joined = performance.now();
        else if (process.env.BENCH_DEBUG) process.stderr.write(`join refused: ${r.reason}\n`);
      })
      .catch(() => null);
  });
}

/** A call that is sent again (same message) when the connection dropped before its answer. */
async function must(c: BenchClient, event: string, data: unknown) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await c.call(event, data);
    } catch (err) {
      if (attempt >= 3) throw err;
      await c.ready();
    }
  }
}

async function clusterRoom(url: string, seed: number): Promise<ClusterRoom> {
  const fac = new BenchClient(url);
  await fac.ready();
  const created = await must(fac, 'room.create', { name: 'Bench', seed });
  if (!created.ok || !created.code || !created.key) throw new Error(`room.create: ${created.reason}`);
  const code = created.code;
  const facJoin = { code, as: { kind: 'facilitator', key: created.key }, name: 'Bench' };
  await must(fac, 'room.join', facJoin);
  rejoining(fac, facJoin);
  const clients = [fac];
  for (const d of SEATS) {
    const c = new BenchClient(url);
    await c.ready();
    await must(c, 'room.join', { code, as: { kind: 'lobby' }, name: d });
    const claim = await must(c, 'seat.claim', { delegation: d, name: `team ${d}` });
    if (!claim.ok || !claim.token) throw new Error(`claim: ${claim.reason}`);
    rejoining(c, { code, as: { kind: 'seat', token: claim.token }, name: `team ${d}` });
    clients.push(c);
  }
  const projector = new BenchClient(url);
  await projector.ready();
  const projJoin = { code, as: { kind: 'projector' } };
  await must(projector, 'room.join', projJoin);
  rejoining(projector, projJoin);
  clients.push(projector);
  await must(fac, 'room.action', { id: id(), action: { kind: 'start' } });
  return { code, fac, clients };
}

/** The facilitator pauses or resumes; timed from the send until every client of the room holds the new version. */
async function fanout(room: ClusterRoom): Promise<number> {
  const before = Math.max(...room.clients.map((c) => c.version));
  const t0 = performance.now();
  const reached = Promise.all(room.clients.map((c) => c.reach(before + 1)));
  const ack = await room.fac.call('intent', {
    id: id(),
    version: room.fac.version,
    intent: { type: room.fac.paused ? 'facilitator.resume' : 'facilitator.pause', actor: 'facilitator' },
  });
  if (!ack.ok) throw new Error(`intent: ${ack.reason}`);
  room.fac.paused = !room.fac.paused;
  return Math.max(...(await reached)) - t0;
}

/** Sends one chat line, again with the same id until it is acknowledged; the time it was. */
async function sendOnce(c: BenchClient, text: string, giveUpAt: number): Promise<number | null> {
  const msg = { id: id(), to: 'all', text };
  while (performance.now() < giveUpAt) {
    const r = await c.call('chat.send', msg, 2500).catch((e: Error) => ({ ok: false, reason: e.message }));
    if (r?.ok) return performance.now();
    if (process.env.BENCH_DEBUG) process.stderr.write(`chat refused: ${r.reason}\n`);
    await sleep(150);
  }
  return null;
}

export async function clusterBench(flags: Record<string, string | true>) {
  const ROOMS = intFlag(flags, 'rooms', 150);
  const json = flags.json === true;
  const say = (s: string) => !json && process.stdout.write(`${s}\n`);
  const root = process.cwd();
  execFileSync(process.execPath, [join(root, 'scripts', 'server.mjs'), '--build-only', '--no-client-build'], { cwd: root });
  // BENCH_PG_STATS=1: the statements PostgreSQL ran during the steady phase, with their counts and times.
  const pgStats = !!process.env.BENCH_PG_STATS;
  const pgs = await startTempPostgres({ statements: pgStats });
  const nodes: ClusterNode[] = [];
  let lb: TcpBalancer | null = null;
  const db = new pg.Client(pgs.url);
  try {
    nodes.push(...(await Promise.all([0, 1, 2].map(() => new ClusterNode(root, pgs.url, INSTANT).start()))));
    lb = await new TcpBalancer(nodes.map((n) => n.port)).listen();
    await db.connect();
    if (pgStats) await db.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
    const owners = async () =>
      new Map(
        (await db.query<{ code: string; owner: string }>('SELECT code, owner FROM rooms WHERE NOT closed')).rows.map((r) => [
          r.code,
          r.owner,
        ]),
      );
    say(`cluster: PostgreSQL ${pgs.port}, 3 processes (${nodes.map((n) => n.port).join(', ')}) behind a round-robin balancer`);

    const rooms: ClusterRoom[] = [];
    const t0 = performance.now();
    for (let r = 0; r < ROOMS; r += 10)
      rooms.push(...(await Promise.all(Array.from({ length: Math.min(10, ROOMS - r) }, (_, k) => clusterRoom(lb!.url, r + k + 1)))));
    const spread = await Promise.all(nodes.map((n) => n.health()));
    say(
      `${ROOMS} rooms × 8 clients set up in ${Math.round((performance.now() - t0) / 1000)} s; rooms per process: ${spread.map((h) => h.rooms).join(' / ')}; connections per process: ${[...lb.counts.values()].join(' / ')}`,
    );
    await sleep(1000);

    // Steady: every room sends at random moments, about one intent every second.
    const steady: number[] = [];
    // Where the machine's time goes meanwhile: CPU of the server processes, of PostgreSQL, of this one (the clients).
    const pgPids = pgs.pids();
    const cpu0 = { nodes: nodes.map((n) => cpuMs(n.pid)), pg: pgPids.map(cpuMs), bench: process.cpuUsage(), machine: machineCpuMs() };
    if (pgStats) await db.query('SELECT pg_stat_statements_reset()');
    const steadyStart = performance.now();
    const steadyEnd = performance.now() + 12_000;
    await Promise.all(
      rooms.map(async (room) => {
        while (performance.now() < steadyEnd) {
          await sleep(Math.random() * 2000);
          steady.push(await fanout(room));
        }
      }),
    );
    const wall = performance.now() - steadyStart;
    const nodeCpu = nodes.map((n, i) => cpuMs(n.pid) - (cpu0.nodes[i] ?? 0));
    // Backends opened during the run are counted from 0.
    const pgCpu = pgs.pids().reduce((sum, pid) => sum + cpuMs(pid) - (cpu0.pg[pgPids.indexOf(pid)] ?? 0), 0);
    const b = process.cpuUsage(cpu0.bench);
    const benchCpu = (b.user + b.system) / 1000;
    const perIntent = (ms: number) => r2(ms / Math.max(1, steady.length));
    // Is the machine the limit? Its cores' busy share during the phase, and how much of it was this run's.
    const m1 = machineCpuMs();
    const machineBusy = m1.busy - cpu0.machine.busy;
    const machineAll = machineBusy + m1.idle - cpu0.machine.idle;
    const ours = nodeCpu.reduce((a, x) => a + x, 0) + pgCpu + benchCpu;
    const cpu = {
      wallMs: Math.round(wall),
      processesMs: nodeCpu,
      postgresMs: Math.round(pgCpu),
      clientsMs: Math.round(benchCpu),
      perIntentMs: { processes: perIntent(nodeCpu.reduce((a, x) => a + x, 0)), postgres: perIntent(pgCpu), clients: perIntent(benchCpu) },
      machine: {
        cores: cpus().length,
        busyPct: Math.round((100 * machineBusy) / Math.max(1, machineAll)),
        thisRunPct: Math.round((100 * ours) / Math.max(1, machineAll)),
      },
    };
    say(
      `CPU during the steady ${Math.round(wall / 1000)} s: server processes ${nodeCpu.join(' / ')} ms (${cpu.perIntentMs.processes} ms per intent), PostgreSQL ${cpu.postgresMs} ms (${cpu.perIntentMs.postgres}), the clients in this process ${cpu.clientsMs} ms (${cpu.perIntentMs.clients}); load average ${loadavg()
        .map((x) => x.toFixed(2))
        .join(' ')}`,
    );
    say(
      `the machine's ${cpu.machine.cores} cores during the steady phase: ${cpu.machine.busyPct}% busy, ${cpu.machine.thisRunPct}% of them this run's (server processes, PostgreSQL, clients and balancer); the rest is other work on the machine`,
    );
    say(
      `fan-out, 3 processes, ${ROOMS} rooms × 8 clients spread over them, steady (${steady.length} intents, ≈ ${Math.round(steady.length / 12)}/s): median ${r2(pct(steady, 0.5))} ms, p95 ${r2(pct(steady, 0.95))} ms (target p95 ≤ 50 ms)`,
    );
    if (pgStats) {
      const top = await db.query<{ calls: string; ms: number; query: string }>(
        `SELECT calls, round(total_exec_time::numeric, 1)::float AS ms, left(regexp_replace(query, '\\s+', ' ', 'g'), 90) AS query
         FROM pg_stat_statements ORDER BY calls DESC LIMIT 12`,
      );
      say(`PostgreSQL statements during the steady phase (${steady.length} intents):`);
      for (const r of top.rows) say(`  ${r.calls} calls, ${r.ms} ms: ${r.query}`);
    }
    if (flags['steady-only'] === true) {
      if (json)
        process.stdout.write(
          `${JSON.stringify({ rooms: ROOMS, processes: 3, fanout: { samples: steady.length, medianMs: r2(pct(steady, 0.5)), p95Ms: r2(pct(steady, 0.95)) }, cpu })}\n`,
        );
      for (const room of rooms) for (const c of room.clients) c.socket.close();
      return;
    }

    // Failover: kill -9 of the process with the most rooms while each of its rooms keeps writing.
    const before = await owners();
    const counts = nodes.map((n) => [...before.values()].filter((o) => o === n.id).length);
    const victim = nodes[counts.indexOf(Math.max(...counts))]!;
    const hit = rooms.filter((r) => before.get(r.code) === victim.id);
    const killAt = { t: 0 };
    const writers = hit.map(async (room) => {
      const acked: Array<{ text: string; at: number }> = [];
      let firstAfter: number | null = null;
      // Writes until the room answered again after the kill (or 60 s passed).
      for (let n = 0; killAt.t === 0 || (firstAfter === null && performance.now() < killAt.t + 60_000); n++) {
        const text = `bench line ${n}`;
        const at = await sendOnce(room.fac, text, performance.now() + 60_000);
        if (at !== null) {
          acked.push({ text, at });
          if (killAt.t > 0 && firstAfter === null && at > killAt.t) firstAfter = at;
        }
        await sleep(100);
      }
      return { room, acked, firstAfter };
    });
    await sleep(1500);
    await victim.kill9();
    killAt.t = performance.now();
    const killWall = Date.now();
    const written = await Promise.all(writers);
    const serving = written.map((w) => (w.firstAfter ?? Infinity) - killAt.t);
    // Where each facilitator's wait went: its connection dropped, came back, it was in its room again.
    const stage = (k: 'dropped' | 'reconnected' | 'joined' | 'synced') =>
      hit.map((r) => stages.get(r.fac)?.[k] ?? 0).flatMap((t) => (t > killAt.t ? [t - killAt.t] : []));
    const dropped = stage('dropped');
    const reconnected = stage('reconnected');
    const joined = stage('joined');
    const synced = stage('synced');
    say(
      `failover stages of the ${hit.length} facilitators (ms after the kill, median / max): connection dropped ${dropped.length}: ${r2(pct(dropped, 0.5))} / ${r2(Math.max(0, ...dropped))}; reconnected ${reconnected.length}: ${r2(pct(reconnected, 0.5))} / ${r2(Math.max(0, ...reconnected))}; in the room again ${joined.length}: ${r2(pct(joined, 0.5))} / ${r2(Math.max(0, ...joined))}; the room's picture again (reconnected or handed over) ${synced.length}: ${r2(pct(synced, 0.5))} / ${r2(Math.max(0, ...synced))}`,
    );
    let lost = 0;
    let twice = 0;
    let acked = 0;
    let unread = 0;
    for (const w of written) {
      // The room's transcript, once its facilitator is in the room again.
      let chat: string[] | null = null;
      for (let attempt = 0; attempt < 40 && chat === null; attempt++) {
        const r = (await must(w.room.fac, 'log.download', {})) as unknown as {
          ok: boolean;
          log?: { transcript?: { chat?: Array<{ text: string }> } };
        };
        if (r.ok) chat = (r.log?.transcript?.chat ?? []).map((l) => l.text);
        else await sleep(500);
      }
      if (chat === null) {
        unread++;
        continue;
      }
      const count = new Map<string, number>();
      for (const t of chat) count.set(t, (count.get(t) ?? 0) + 1);
      for (const a of w.acked) if (!count.has(a.text)) lost++;
      for (const n of count.values()) if (n > 1) twice++;
      acked += w.acked.length;
    }
    const after = await owners();
    // What the survivors said of their takeovers (each line: how many rooms, the claim's and the restore's time).
    for (const n of nodes)
      for (const line of n.output.split('\n').filter((l) => l.includes('took over')))
        say(
          `  process ${n.id}: ${line.replace('Interlock: ', '').replace(/\(at ([^)]+)\)/, (_, iso: string) => `(${Date.parse(iso) - killWall} ms after the kill)`)}`,
        );
    say(
      `failover: kill -9 of the process holding ${hit.length} rooms; each serves intents again from another after: median ${r2(pct(serving, 0.5))} ms, p95 ${r2(pct(serving, 0.95))} ms, max ${r2(Math.max(...serving))} ms (target ≤ 5000 ms); now held by ${new Set(hit.map((r) => after.get(r.code))).size} processes`,
    );
    say(
      `failover: ${acked} messages acknowledged in those rooms around the kill: ${lost} lost, ${twice} applied twice (target 0 and 0)${unread ? `; ${unread} rooms' logs could not be read` : ''}`,
    );

    // A fourth process: new rooms go to it; no room that exists moves.
    const fourth = await new ClusterNode(root, pgs.url, INSTANT).start();
    nodes.push(fourth);
    lb.backends.push(fourth.port);
    await sleep(2000);
    const made: string[] = [];
    for (let i = 0; i < 20; i++) {
      const c = new BenchClient(lb.url);
      await c.ready();
      const r = await c.call('room.create', { name: 'Bench', seed: 1000 + i });
      if (r.ok && r.code) made.push(r.code);
      c.socket.close();
    }
    const final = await owners();
    const moved = [...after].filter(([code, o]) => final.get(code) !== o).length;
    const toFourth = made.filter((c) => final.get(c) === fourth.id).length;
    say(`a fourth process added: it took ${toFourth} of ${made.length} new rooms; rooms that moved: ${moved} of ${after.size} (target 0)`);
    say(
      `load average during the run: ${loadavg()
        .map((x) => x.toFixed(2))
        .join(' ')}`,
    );
    if (json)
      process.stdout.write(
        `${JSON.stringify({
          rooms: ROOMS,
          processes: 3,
          fanout: { samples: steady.length, medianMs: r2(pct(steady, 0.5)), p95Ms: r2(pct(steady, 0.95)) },
          cpu,
          failover: { rooms: hit.length, p95Ms: r2(pct(serving, 0.95)), maxMs: r2(Math.max(...serving)), acked, lost, twice },
          fourth: { newRooms: made.length, toFourth, moved },
        })}\n`,
      );
    for (const room of rooms) for (const c of room.clients) c.socket.close();
  } catch (err) {
    // What the processes said, to see why.
    for (const n of nodes) process.stderr.write(`--- process ${n.id} (port ${n.port}):\n${n.output.slice(-3000)}\n`);
    throw err;
  } finally {
    await db.end().catch(() => undefined);
    await lb?.close();
    // When profiling, the survivors stop gracefully so they write their profiles.
    await Promise.all(nodes.map((n) => (process.env.BENCH_PROF ? n.stop() : n.kill9())));
    pgs.stop();
  }
}
