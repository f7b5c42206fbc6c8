// The step clocks: they count down, close the step at zero (the AI commits for late seats if
// the facilitator chose so), freeze while paused, can be extended, and hold days-long deadlines.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/app';
import { msgId, roomWith, testServer } from './helpers';

let server: RunningServer;
let now = Date.UTC(2026, 0, 12, 9, 0, 0);
const MIN = 60_000;

beforeAll(async () => {
  server = await testServer({ now: () => now, tickMs: 20 });
}, 60_000);
afterAll(async () => {
  await server?.close();
});

describe('step clocks', () => {
  it('close each step at zero, pause, extend, and let the AI commit for a late seat', async () => {
    const { fac, code, teams } = await roomWith(server.url, ['iran']);
    const room = server.rooms.get(code)!;
    const act = (action: unknown) => fac.call('room.action', { id: msgId(), action });
    expect(await act({ kind: 'clock', step: 'negotiation', minutes: 5 })).toEqual({ ok: true });
    expect(await act({ kind: 'clock', step: 'commit', minutes: 2 })).toEqual({ ok: true });
    expect(await act({ kind: 'onExpiry', value: 'ai' })).toEqual({ ok: true });
    expect(await act({ kind: 'start' })).toEqual({ ok: true });
    const iran = teams.iran!.client;
    await iran.until((c) => c.room?.clock?.step === 'negotiation', 5000, 'negotiation clock');
    expect(iran.room?.clock?.endsAt).toBe(now + 5 * MIN);

    // Iran says nothing; at zero the negotiation closes.
    now += 5 * MIN + 1;
    await iran.until((c) => c.view?.step === 'commit' && c.room?.clock?.step === 'commit', 5000, 'commit clock');
    expect(iran.room?.clock?.endsAt).toBe(now + 2 * MIN);

    // Paused: the clock freezes with what was left, and nothing closes however long it waits.
    now += MIN;
    expect(
      await fac.call('intent', { id: msgId(), version: fac.version, intent: { type: 'facilitator.pause', actor: 'facilitator' } }),
    ).toEqual({ ok: true });
    await iran.until((c) => c.room?.clock?.endsAt === null, 5000, 'frozen clock');
    expect(iran.room?.clock?.remainingMs).toBe(MIN);
    now += 3 * 24 * 60 * MIN;
    await new Promise((r) => setTimeout(r, 100));
    expect(room.state.step).toBe('commit');
    expect(
      await fac.call('intent', { id: msgId(), version: fac.version, intent: { type: 'facilitator.resume', actor: 'facilitator' } }),
    ).toEqual({ ok: true });
    await iran.until((c) => c.room?.clock?.endsAt === now + MIN, 5000, 'running again');
    // Extended by three minutes.
    expect(await act({ kind: 'extend', minutes: 3 })).toEqual({ ok: true });
    await iran.until((c) => c.room?.clock?.endsAt === now + 4 * MIN, 5000, 'extended');

    // At zero the AI commits for Iran, which did not, and the round is resolved.
    now += 4 * MIN + 1;
    await iran.until((c) => (c.view?.round ?? 1) >= 2, 10_000, 'round 2');
    const commits = room.session.log.filter((e) => e.round === 1 && e.intent.type === 'commit.submit').map((e) => e.actor);
    expect(commits).toContain('iran');
    expect(room.session.log.some((e) => e.round === 1 && e.intent.type === 'step.close' && e.actor === 'system')).toBe(true);

    // With "nothing", a late seat commits nothing.
    expect(await act({ kind: 'onExpiry', value: 'nothing' })).toEqual({ ok: true });
    await iran.until((c) => c.view?.step === 'negotiation' && c.room?.clock?.step === 'negotiation', 5000, 'round 2 negotiation');
    now += 5 * MIN + 1;
    await iran.until((c) => c.view?.step === 'commit', 5000, 'round 2 commit');
    now += 2 * MIN + 1;
    await iran.until((c) => (c.view?.round ?? 2) >= 3, 10_000, 'round 3');
    const round2 = room.session.log.filter((e) => e.round === 2 && e.intent.type === 'commit.submit').map((e) => e.actor);
    expect(round2).not.toContain('iran');
    fac.close();
    iran.close();
  }, 60_000);

  it('with a commit clock only, the round moves on at zero and every client sees it', async () => {
    const { fac, teams } = await roomWith(server.url, ['gulf']);
    // A new room has the default clocks (4 and 1 minutes); the negotiation's is taken away.
    expect(fac.room?.clocks).toEqual({ negotiation: 4, commit: 1 });
    await fac.call('room.action', { id: msgId(), action: { kind: 'clock', step: 'negotiation', minutes: null } });
    await fac.call('room.action', { id: msgId(), action: { kind: 'start' } });
    const gulf = teams.gulf!.client;
    await gulf.until((c) => c.room?.started === true);
    expect(await gulf.call('intent', { id: msgId(), version: gulf.version, intent: { type: 'negotiation.ready', actor: 'gulf' } })).toEqual(
      { ok: true },
    );
    await gulf.until((c) => c.room?.clock?.step === 'commit', 10_000, 'commit clock');
    now += MIN + 1;
    // The negotiation of round 2 has no clock: the clock goes away.
    await gulf.until((c) => c.view?.round === 2 && c.room?.clock === null, 10_000, 'round 2 without a clock');
    await fac.until((c) => c.view?.round === 2, 5000, 'facilitator in round 2');
    fac.close();
    gulf.close();
  });

  it('keeps a deadline days away (a game played between lessons)', async () => {
    const { fac } = await roomWith(server.url, ['usa']);
    await fac.call('room.action', { id: msgId(), action: { kind: 'clock', step: 'negotiation', minutes: 3 * 24 * 60 } });
    await fac.call('room.action', { id: msgId(), action: { kind: 'start' } });
    await fac.until((c) => c.room?.clock !== null && c.room?.clock !== undefined, 5000, 'clock');
    expect(fac.room?.clock?.endsAt).toBe(now + 3 * 24 * 60 * MIN);
    fac.close();
  });
});

describe('idle rooms', () => {
  it('without a team leave memory within hours; with one they stay (a game played over weeks)', async () => {
    const empty = await roomWith(server.url, []);
    const played = await roomWith(server.url, ['iran']);
    now += 90 * MIN;
    await new Promise((r) => setTimeout(r, 100));
    expect(server.rooms.get(empty.code)).toBeDefined();
    now += 45 * MIN;
    await empty.fac.until((c) => !c.socket.connected, 5000, 'the teamless room closed');
    expect(server.rooms.get(empty.code)).toBeUndefined();
    expect(server.rooms.get(played.code)).toBeDefined();
    expect(played.fac.socket.connected).toBe(true);
    played.fac.close();
    played.teams.iran!.client.close();
  });

  it('leave memory after a month without any event (their log stays in the file)', async () => {
    const { fac, code } = await roomWith(server.url, ['iran']);
    expect(server.rooms.get(code)).toBeDefined();
    now += 29 * 24 * 60 * MIN;
    await new Promise((r) => setTimeout(r, 100));
    expect(server.rooms.get(code)).toBeDefined();
    now += 2 * 24 * 60 * MIN;
    await fac.until((c) => !c.socket.connected, 5000, 'the room closed');
    expect(server.rooms.get(code)).toBeUndefined();
  });
});
