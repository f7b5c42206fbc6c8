// Kill -9 and start again: the server process restores every room from its SQLite log, with no
// accepted intent lost, and clients reconnect by themselves.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LogFile } from '../../src/machine/replay';
import { replay } from '../../src/machine/replay';
import { client, defaultScenario, msgId, type TestClient } from './helpers';
import { freePort, ServerProcess } from './process';

const data = mkdtempSync(join(tmpdir(), 'interlock-data-'));
let srv: ServerProcess;
const start = async () => ({ line: await srv.start() });
const kill9 = () => srv.kill9();

beforeAll(async () => {
  srv = new ServerProcess(await freePort(), data);
}, 30_000);
afterAll(async () => {
  await srv?.kill9();
});

const url = () => srv.url;

describe('kill -9 and restart', () => {
  it('restores every room from its log, nothing accepted is lost, and clients reconnect by themselves', async () => {
    const first = await start();
    expect(first.line).toMatch(/running at http:\/\/127\.0\.0\.1:\d+/);
    const fac = await client(url(), { reconnection: true });
    const created = await fac.call<{ code: string; key: string }>('room.create', { name: 'Mr Okafor', seed: 11 });
    if (!created.ok) throw new Error(created.reason);
    const { code, key } = created;
    const facJoin = { code, as: { kind: 'facilitator', key }, name: 'Mr Okafor' };
    await fac.call('room.join', facJoin);
    fac.rejoinOnReconnect(() => facJoin);
    // A second room, so "every room" means more than one.
    const other = await fac.call<{ code: string; key: string }>('room.create', { name: 'Mr Okafor', seed: 12 });
    expect(other.ok).toBe(true);

    const teams: Record<string, TestClient> = {};
    const tokens: Record<string, string> = {};
    for (const d of ['iran', 'usa', 'gulf']) {
      const c = await client(url(), { reconnection: true });
      await c.call('room.join', { code, as: { kind: 'lobby' }, name: d });
      const claim = await c.call<{ token: string }>('seat.claim', { delegation: d, name: `team ${d}` });
      if (!claim.ok) throw new Error(claim.reason);
      tokens[d] = claim.token;
      c.rejoinOnReconnect(() => ({ code, as: { kind: 'seat', token: tokens[d] }, name: `team ${d}` }));
      teams[d] = c;
    }
    await fac.call('room.action', { id: msgId(), action: { kind: 'clock', step: 'commit', minutes: 30 } });
    await fac.call('room.action', { id: msgId(), action: { kind: 'start' } });
    await teams.usa!.call('chat.send', { id: msgId(), to: ['iran'], text: 'shall we talk?' });
    // Play: every team declares ready; the commit step opens with its clock.
    for (const d of ['iran', 'usa', 'gulf']) {
      const c = teams[d]!;
      await c.until((x) => x.room?.started === true);
      expect(await c.call('intent', { id: msgId(), version: c.version, intent: { type: 'negotiation.ready', actor: d } })).toEqual({
        ok: true,
      });
    }
    await fac.until((c) => c.view?.step === 'commit', 15_000, 'commit step');
    const iran = teams.iran!;
    await iran.until((c) => c.view?.step === 'commit');
    expect(
      await iran.call('intent', {
        id: msgId(),
        version: iran.version,
        intent: { type: 'commit.submit', actor: 'iran', commit: { moves: [], defect: [] } },
      }),
    ).toEqual({ ok: true });
    const clockBefore = fac.room?.clock;
    expect(clockBefore?.step).toBe('commit');
    const before = await fac.call<{ log: { log: LogFile } }>('log.download', {});
    if (!before.ok) throw new Error(before.reason);
    // The second room is played by the AI into round 3 (past a snapshot), then paused.
    if (!other.ok) throw new Error(other.reason);
    const fac2 = await client(url());
    await fac2.call('room.join', { code: other.code, as: { kind: 'facilitator', key: other.key } });
    await fac2.call('room.action', { id: msgId(), action: { kind: 'start' } });
    await fac2.until((c) => (c.view?.round ?? 0) >= 3 && c.view?.step === 'negotiation', 30_000, 'room 2 in round 3');
    expect(
      await fac2.call('intent', { id: msgId(), version: fac2.version, intent: { type: 'facilitator.pause', actor: 'facilitator' } }),
    ).toEqual({ ok: true });
    const before2 = await fac2.call<{ log: { log: LogFile } }>('log.download', {});
    if (!before2.ok) throw new Error(before2.reason);
    fac2.close();

    await kill9();
    for (const c of [fac, ...Object.values(teams)]) await c.until((x) => !x.socket.connected, 5000, 'disconnect');
    const t0 = performance.now();
    const second = await start();
    expect(second.line).toMatch(/rooms restored: 2/);

    // Everyone is back in the room with no action on their part.
    const syncs = (c: TestClient) => c.received.filter((m) => m.event === 'sync').length;
    for (const c of [fac, ...Object.values(teams)])
      await c.until((x) => x.socket.connected && syncs(x) >= 2, 15_000, 'reconnect and resync');
    process.stdout.write(`restart to every client resynced: ${(performance.now() - t0).toFixed(0)} ms\n`);
    const after = await fac.call<{ log: { log: LogFile } }>('log.download', {});
    if (!after.ok) throw new Error(after.reason);
    const a = before.log.log.entries;
    const b = after.log.log.entries;
    expect(b.length).toBeGreaterThanOrEqual(a.length);
    expect(b.slice(0, a.length)).toEqual(a);
    expect(after.log.log.seed).toBe(11);
    // The restored state (the machine's snapshot plus the log after it) is the state a full replay gives.
    expect(replay(defaultScenario(), 11, b).hash).toBe(after.log.log.final.hash);
    // The state goes on from where it was: iran's sealed commit is in, the clock kept its deadline.
    expect(iran.view?.delegations.iran?.committed).toBe(true);
    expect(fac.room?.clock?.endsAt).toBe(clockBefore?.endsAt);
    expect(teams.iran!.sync?.messages.map((l) => l.text)).toContain('shall we talk?');
    // The AI-played room comes back from its snapshot and the log after it, identical.
    const fac3 = await client(url());
    await fac3.call('room.join', { code: other.code, as: { kind: 'facilitator', key: other.key } });
    const after2 = await fac3.call<{ log: { log: LogFile } }>('log.download', {});
    if (!after2.ok) throw new Error(after2.reason);
    expect(after2.log.log.final).toEqual(before2.log.log.final);
    expect(replay(defaultScenario(), 12, after2.log.log.entries).hash).toBe(after2.log.log.final.hash);
    fac3.close();
    // And the game goes on.
    const usa = teams.usa!;
    expect(
      await usa.call('intent', {
        id: msgId(),
        version: usa.version,
        intent: { type: 'commit.submit', actor: 'usa', commit: { moves: [], defect: [] } },
      }),
    ).toEqual({ ok: true });
    for (const c of [fac, ...Object.values(teams)]) c.close();
  }, 90_000);
});
