// Cluster mode (README, "Several processes"): three server processes over one PostgreSQL, behind
// a round-robin balancer with no stickiness. A game is played with clients on different
// processes; the process that owns the room is killed (-9) while two teams keep writing; another
// process takes the room over from the shared log: nothing acknowledged is lost, nothing is applied
// twice, the teams keep their seats, the clock keeps its deadline. A fourth process then takes new
// rooms and no old room moves.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClusterNode } from '../../src/cli/clusterNode';
import { TcpBalancer } from '../../src/cli/tcpBalancer';
import { startTempPostgres, type TempPostgres } from '../../src/cli/tempPostgres';
import type { LogFile } from '../../src/machine/replay';
import { replay } from '../../src/machine/replay';
import { client, defaultScenario, msgId, root, type TestClient } from './helpers';

/** The AI seats answer at once here, as in the other server tests (the rooms' pace is the White Cell's tests' subject). */
const INSTANT = { INTERLOCK_AI_PACE: 'instant' };

let pgs: TempPostgres | null = null;
let why: string | null = null;
const nodes: ClusterNode[] = [];
let lb: TcpBalancer | null = null;
let db: pg.Client | null = null;
const clients: TestClient[] = [];
/** A client through the balancer, closed after the test whatever happens. */
async function through(url: string, opts?: Parameters<typeof client>[1]): Promise<TestClient> {
  const c = await client(url, opts);
  clients.push(c);
  return c;
}

beforeAll(async () => {
  try {
    pgs = await startTempPostgres();
  } catch (err) {
    // CI installs PostgreSQL (.ci/run); only a machine without it skips, and says so loudly.
    why = (err as Error).message;
    process.stderr.write(`\n!!!!!! tests/server/cluster.test.ts SKIPPED: PostgreSQL cannot be started here: ${why}\n\n`);
    return;
  }
  // Bundled once, so three processes starting together do not build it at the same time.
  execFileSync(process.execPath, [join(root, 'scripts', 'server.mjs'), '--build-only', '--no-client-build'], { cwd: root });
  const url = pgs.url;
  nodes.push(...(await Promise.all([0, 1, 2].map(() => new ClusterNode(root, url, INSTANT).start()))));
  lb = await new TcpBalancer(nodes.map((n) => n.port)).listen();
  db = new pg.Client(url);
  await db.connect();
}, 60_000);

afterAll(async () => {
  for (const c of clients) c.close();
  await db?.end();
  await lb?.close();
  await Promise.all(nodes.map((n) => n.kill9()));
  pgs?.stop();
}, 30_000);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const ownerOf = async (code: string) =>
  (await db!.query<{ owner: string }>('SELECT owner FROM rooms WHERE code = $1', [code])).rows[0]?.owner;
const syncs = (c: TestClient) => c.received.filter((m) => m.event === 'sync').length;

/** Sends chat lines one after another until `until`, each resent with its id until it is acknowledged. */
async function writeLines(c: TestClient, who: string, until: () => boolean) {
  const acked: Array<{ text: string; at: number }> = [];
  const sent: string[] = [];
  for (let n = 0; !until(); n++) {
    const id = msgId();
    const text = `${who} line ${n}`;
    sent.push(text);
    const giveUp = Date.now() + 20_000;
    while (Date.now() < giveUp) {
      const r = await c.call('chat.send', { id, to: 'all', text }, 2500).catch(() => null);
      if (r?.ok) {
        acked.push({ text, at: Date.now() });
        break;
      }
      // No answer, or not in the room again yet (a reconnection): the same id again.
      await sleep(150);
    }
    // A fast typist, yet within a seat's allowance (10 messages a second): the writer must not use up
    // the allowance its seat needs to resync after the failover.
    await sleep(150);
  }
  return { acked, sent };
}

describe('cluster mode: three processes, one PostgreSQL', () => {
  it('a room survives kill -9 of its owner: nothing acknowledged lost or applied twice, seats and clocks kept', async (ctx) => {
    if (why || !lb || !db) return ctx.skip();
    const url = lb.url;
    const opts = { reconnection: true, resyncOnGap: true };
    const fac = await through(url, opts);
    const created = await fac.call<{ code: string; key: string }>('room.create', { name: 'Ms Adeyemi', seed: 21 });
    if (!created.ok) throw new Error(created.reason);
    const { code, key } = created;
    const facJoin = { code, as: { kind: 'facilitator', key }, name: 'Ms Adeyemi' };
    expect(await fac.call('room.join', facJoin)).toMatchObject({ ok: true });
    fac.rejoinOnReconnect(() => facJoin);

    const teams: Record<string, TestClient> = {};
    for (const d of ['iran', 'usa', 'gulf']) {
      const c = await through(url, opts);
      await c.call('room.join', { code, as: { kind: 'lobby' }, name: d });
      const claim = await c.call<{ token: string }>('seat.claim', { delegation: d, name: `team ${d}` });
      if (!claim.ok) throw new Error(claim.reason);
      c.rejoinOnReconnect(() => ({ code, as: { kind: 'seat', token: claim.token }, name: `team ${d}` }));
      teams[d] = c;
    }
    // Round robin: the four clients are on all three processes, so most reach the room through another.
    expect([...lb.counts.values()].filter((n) => n > 0).length).toBe(3);

    await fac.call('room.action', { id: msgId(), action: { kind: 'clock', step: 'commit', minutes: 30 } });
    expect(await fac.call('room.action', { id: msgId(), action: { kind: 'start' } })).toEqual({ ok: true });
    for (const d of ['iran', 'usa', 'gulf']) {
      const c = teams[d]!;
      await c.until((x) => x.room?.started === true, 10_000, `${d} sees the start`);
      expect(await c.call('intent', { id: msgId(), version: c.version, intent: { type: 'negotiation.ready', actor: d } })).toEqual({
        ok: true,
      });
    }
    await fac.until((c) => c.view?.step === 'commit', 15_000, 'commit step');
    const iran = teams.iran!;
    await iran.until((c) => c.view?.step === 'commit', 10_000, 'iran in the commit step');
    expect(
      await iran.call('intent', {
        id: msgId(),
        version: iran.version,
        intent: { type: 'commit.submit', actor: 'iran', commit: { moves: [], defect: [] } },
      }),
    ).toEqual({ ok: true });
    await fac.until((c) => c.room?.clock?.step === 'commit', 5000, 'the commit clock');
    const clockBefore = fac.room?.clock;
    const before = await fac.call<{ log: { log: LogFile } }>('log.download', {});
    if (!before.ok) throw new Error(before.reason);

    // Two teams write without pause; the owner of the room is killed in the middle of it.
    const ownerId = await ownerOf(code);
    const killed = nodes.find((n) => n.id === ownerId);
    if (!killed) throw new Error(`the owner ${ownerId} is not one of the three processes`);
    let killedAt = 0;
    const stopAt = () => killedAt > 0 && Date.now() > killedAt + 6000;
    const writing = Promise.all([writeLines(teams.usa!, 'usa', stopAt), writeLines(teams.gulf!, 'gulf', stopAt)]);
    await sleep(1000);
    const syncsBefore = new Map(Object.values(teams).map((c) => [c, syncs(c)]));
    // Round robin put at most two of the four clients on the killed process; the others reach the
    // room through a survivor, which hands them to the room's next owner without a reconnection.
    const dropped = new Set<TestClient>();
    for (const c of [fac, ...Object.values(teams)]) c.socket.on('disconnect', () => dropped.add(c));
    await killed.kill9();
    killedAt = Date.now();
    const written = await writing;

    // Serving again: the first line acknowledged after the kill.
    const firstAfter = Math.min(...written.flatMap((w) => w.acked.filter((a) => a.at > killedAt).map((a) => a.at)));
    process.stdout.write(`cluster failover: room ${code} serves again ${firstAfter - killedAt} ms after kill -9 of its owner\n`);
    expect(firstAfter - killedAt).toBeLessThan(8000);
    const newOwner = await ownerOf(code);
    expect(newOwner).not.toBe(killed.id);
    expect(nodes.filter((n) => n.alive).map((n) => n.id)).toContain(newOwner);

    // Everyone is back in the room with no action on their part, in the same seat.
    for (const c of [fac, ...Object.values(teams)]) await c.until((x) => x.socket.connected && x.room !== null, 15_000, 'reconnected');
    expect(dropped.size, 'clients whose connection was closed by the failover').toBeLessThanOrEqual(2);
    for (const [d, c] of Object.entries(teams)) {
      if (c.received.length && syncs(c) > (syncsBefore.get(c) ?? 0)) expect(c.sync?.role).toEqual({ kind: 'seat', delegation: d });
      expect(await c.call('room.sync', {})).toEqual({ ok: true });
      await c.until((x) => x.sync?.role.kind === 'seat', 5000, 'a seat');
      expect(c.sync?.role).toEqual({ kind: 'seat', delegation: d });
    }

    const after = await fac.call<{ log: { log: LogFile; transcript: { chat: Array<{ text: string }> } } }>('log.download', {});
    if (!after.ok) throw new Error(after.reason);
    // Nothing acknowledged lost, nothing applied twice: every acknowledged line once, no line twice.
    const count = new Map<string, number>();
    for (const l of after.log.transcript.chat) count.set(l.text, (count.get(l.text) ?? 0) + 1);
    const acked = written.flatMap((w) => w.acked.map((a) => a.text));
    expect(acked.length).toBeGreaterThan(10);
    for (const t of acked) expect(count.get(t), t).toBe(1);
    for (const [t, n] of count) expect(n, t).toBe(1);
    // The game's log goes on from where it was, and a full replay gives the state the new owner holds.
    const a = before.log.log.entries;
    const b = after.log.log.entries;
    expect(b.slice(0, a.length)).toEqual(a);
    expect(replay(defaultScenario(), 21, b).hash).toBe(after.log.log.final.hash);
    // The clock kept its deadline (an absolute time in the log), and iran's sealed commit is in.
    await fac.until((c) => c.room?.clock?.step === 'commit', 5000, 'the clock again');
    expect(fac.room?.clock?.endsAt).toBe(clockBefore?.endsAt);
    expect(iran.view?.delegations.iran?.committed).toBe(true);
    // And the game goes on, from a client of another process.
    const usa = teams.usa!;
    expect(
      await usa.call('intent', {
        id: msgId(),
        version: usa.version,
        intent: { type: 'commit.submit', actor: 'usa', commit: { moves: [], defect: [] } },
      }),
    ).toEqual({ ok: true });

    // A fourth process takes new rooms; the rooms that were there stay where they are.
    const owners = new Map(
      (await db.query<{ code: string; owner: string }>('SELECT code, owner FROM rooms')).rows.map((r) => [r.code, r.owner]),
    );
    const fourth = await new ClusterNode(root, pgs!.url, INSTANT).start();
    nodes.push(fourth);
    lb.backends.push(fourth.port);
    await sleep(1500);
    const made: string[] = [];
    for (let i = 0; i < 6; i++) {
      const c = await through(url);
      const r = await c.call<{ code: string }>('room.create', { name: `teacher ${i}`, seed: 30 + i });
      if (!r.ok) throw new Error(r.reason);
      made.push(r.code);
      c.close();
    }
    // New rooms go where the fewest are: the new process (no room yet) takes its share at once.
    const madeOwners: Array<string | undefined> = [];
    for (const m of made) madeOwners.push(await ownerOf(m));
    expect(madeOwners.filter((o) => o === fourth.id).length).toBeGreaterThanOrEqual(2);
    expect(madeOwners).not.toContain(killed.id);
    for (const [c, o] of owners) expect(await ownerOf(c)).toBe(o);
  }, 90_000);
});
