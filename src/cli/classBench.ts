// npm run bench:class [-- --tables N] [--samples N] [--json]
// The class dashboard under load (issue #15 target): a change at any table reaches the teacher's
// dashboard within 1 s (p95), with 10 tables of 8 clients each (six students at their seats, a
// projector and a lobby). The server runs as its own process (what npm start runs).
import { performance } from 'node:perf_hooks';
import { intFlag, parseArgs } from './args';
import { BenchClient, BenchServer, freePort, pct, r2 } from './benchServer';

const { flags } = parseArgs(process.argv.slice(2));
const TABLES = intFlag(flags, 'tables', 10);
const SAMPLES = intFlag(flags, 'samples', 60);
const json = flags.json === true;
const say = (s: string) => !json && process.stdout.write(`${s}\n`);

interface Summary {
  code: string;
  paused: boolean;
  started: boolean;
}

const server = new BenchServer(await freePort(), process.cwd());
await server.start();
try {
  const teacher = new BenchClient(server.url);
  await teacher.ready();
  const roster = Array.from({ length: TABLES * 6 }, (_, i) => `Student ${i + 1}`).join('\n');
  const made = (await teacher.call('class.create', {
    title: 'Bench class',
    roster,
    preset: 'lesson45',
    tables: TABLES,
    persona: { personality: 'pragmatist', difficulty: 'novice' },
  })) as { ok: boolean; reason?: string; id: string; key: string; links: Array<{ token: string; student: { table: string } }> };
  if (!made.ok) throw new Error(`class.create: ${made.reason}`);
  const auth = { id: made.id, key: made.key };

  // Eight clients a table: its six students by their links, a projector and a lobby.
  const clients: BenchClient[] = [];
  for (const l of made.links) {
    const c = new BenchClient(server.url);
    await c.ready();
    const r = await c.call('room.join', { code: l.student.table, as: { kind: 'seat', token: l.token }, name: 'student' });
    if (!r.ok) throw new Error(`join: ${r.reason}`);
    clients.push(c);
  }
  const codes = [...new Set(made.links.map((l) => l.student.table))];
  for (const code of codes)
    for (const kind of ['projector', 'lobby'] as const) {
      const c = new BenchClient(server.url);
      await c.ready();
      await c.call('room.join', { code, as: { kind }, name: kind });
      clients.push(c);
    }

  // The dashboard: what it shows of each table, and who waits for a table to show a state.
  const shown = new Map<string, Summary>();
  const waiting: Array<{ code: string; paused: boolean; done: (t: number) => void }> = [];
  teacher.socket.on('class.update', (m: { tables: Summary[] }) => {
    const now = performance.now();
    for (const t of m.tables) shown.set(t.code, t);
    for (let i = waiting.length - 1; i >= 0; i--) {
      const w = waiting[i]!;
      if (shown.get(w.code)?.paused === w.paused) {
        waiting.splice(i, 1);
        w.done(now);
      }
    }
  });
  const watch = (await teacher.call('class.watch', auth)) as { ok: boolean; overview: { tables: Summary[] } };
  for (const t of watch.overview.tables) shown.set(t.code, t);
  // Another device of the teacher sends the commands, so the dashboard only hears of them by the push.
  const remote = new BenchClient(server.url);
  await remote.ready();
  let n = 0;
  await remote.call('class.command', { ...auth, msgId: `bench-start-${process.pid}`, table: null, command: { kind: 'start' } });
  await new Promise((r) => setTimeout(r, 1000));

  const toggle = async (code: string): Promise<number> => {
    const paused = !(shown.get(code)?.paused ?? false);
    const t0 = performance.now();
    const seen = new Promise<number>((done) => waiting.push({ code, paused, done }));
    const r = await remote.call('class.command', {
      ...auth,
      msgId: `bench-${process.pid}-${++n}`,
      table: code,
      command: { kind: paused ? 'pause' : 'resume' },
    });
    if (!r.ok) throw new Error(`command: ${r.reason}`);
    return (await seen) - t0;
  };

  // One table at a time, at random, every 100–300 ms; then every table at the same instant.
  const single: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    single.push(await toggle(codes[Math.floor(Math.random() * codes.length)]!));
    await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
  }
  const burst: number[] = [];
  for (let i = 0; i < 5; i++) {
    burst.push(...(await Promise.all(codes.map((c) => toggle(c)))));
    await new Promise((r) => setTimeout(r, 300));
  }
  const result = {
    tables: codes.length,
    clients: clients.length + 2,
    single: { samples: single.length, p50: r2(pct(single, 0.5)), p95: r2(pct(single, 0.95)), max: r2(Math.max(...single)) },
    burst: { samples: burst.length, p50: r2(pct(burst, 0.5)), p95: r2(pct(burst, 0.95)), max: r2(Math.max(...burst)) },
    targetMs: 1000,
  };
  const pass = result.single.p95 <= 1000 && result.burst.p95 <= 1000;
  if (json) process.stdout.write(`${JSON.stringify({ ...result, pass })}\n`);
  say(`Class dashboard: ${result.tables} tables, ${result.clients} clients`);
  say(
    `  one table changes:   p50 ${result.single.p50} ms, p95 ${result.single.p95} ms, max ${result.single.max} ms (${result.single.samples} samples)`,
  );
  say(
    `  all tables at once:  p50 ${result.burst.p50} ms, p95 ${result.burst.p95} ms, max ${result.burst.max} ms (${result.burst.samples} samples)`,
  );
  say(`  target p95 ≤ 1000 ms: ${pass ? 'met' : 'NOT met'}`);
  for (const c of [...clients, teacher, remote]) c.socket.close();
  process.exitCode = pass ? 0 : 1;
} finally {
  await server.dispose();
}
