// Kill -9 and start again: the server process restores every room from its SQLite log, with no
// accepted intent lost, and clients reconnect by themselves.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LogFile } from '../../src/machine/replay';
import { client, msgId, type TestClient } from './helpers';
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
      expect(await c.call('intent', { id: msgId(), version: c.version, intent: { type: 'negotiation.ready', actor: d } })).toEqual({ ok: true });
    }
    await fac.until((c) => c.view?.step === 'commit', 15_000, 'commit step');
    const iran = teams.iran!;
    await iran.until((c) => c.view?.step === 'commit');
    expect(await iran.call('intent', { id: msgId(), version: iran.version, intent: { type: 'commit.submit', actor: 'iran', commit: { moves: [], defect: [] } } })).toEqual({ ok: true });
    const clockBefore = fac.room?.clock;
    expect(clockBefore?.step).toBe('commit');
    const before = await fac.call<{ log: { log: LogFile } }>('log.download', {});
    if (!before.ok) throw new Error(before.reason);

    await kill9();
    for (const c of [fac, ...Object.values(teams)]) await c.until((x) => !x.socket.connected, 5000, 'disconnect');
    const t0 = performance.now();
    const second = await start();
    expect(second.line).toMatch(/rooms restored: 2/);

    // Everyone is back in the room with no action on their part.
    const syncs = (c: TestClient) => c.received.filter((m) => m.event === 'sync').length;
    for (const c of [fac, ...Object.values(teams)]) await c.until((x) => x.socket.connected && syncs(x) >= 2, 15_000, 'reconnect and resync');
    process.stdout.write(`restart to every client resynced: ${(performance.now() - t0).toFixed(0)} ms\n`);
    const after = await fac.call<{ log: { log: LogFile } }>('log.download', {});
    if (!after.ok) throw new Error(after.reason);
    const a = before.log.log.entries;
    const b = after.log.log.entries;
    expect(b.length).toBeGreaterThanOrEqual(a.length);
    expect(b.slice(0, a.length)).toEqual(a);
    expect(after.log.log.seed).toBe(11);
    // The state goes on from where it was: iran's sealed commit is in, the clock kept its deadline.
    expect(iran.view?.delegations.iran?.committed).toBe(true);
    expect(fac.room?.clock?.endsAt).toBe(clockBefore?.endsAt);
    expect(teams.iran!.sync?.messages.map((l) => l.text)).toContain('shall we talk?');
    // And the game goes on.
    const usa = teams.usa!;
    expect(await usa.call('intent', { id: msgId(), version: usa.version, intent: { type: 'commit.submit', actor: 'usa', commit: { moves: [], defect: [] } } })).toEqual({ ok: true });
    for (const c of [fac, ...Object.values(teams)]) c.close();
  }, 90_000);
});
