// AI pacing in rooms: AI seats never finish a step faster than people can follow. Their last word
// on a step (ready, the sealed commit) waits for the step's clock, or the facilitator's pace, or
// the default pace of a step without a clock; the facilitator closing a step sends it at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/app';
import { DEFAULT_PACE_MS } from '../../src/server/roomAi';
import { msgId, roomWith, testServer } from './helpers';

let server: RunningServer;
let now = Date.UTC(2026, 0, 12, 9, 0, 0);
const MIN = 60_000;
const settle = (ms = 400) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  server = await testServer({ now: () => now, tickMs: 20, aiPace: 'room' });
}, 60_000);
afterAll(async () => {
  await server?.close();
});

describe('AI pacing in a room', () => {
  it('one human and five AI seats: the round never resolves before its clocks run out', async () => {
    const { fac, code, teams } = await roomWith(server.url, ['iran']);
    const room = server.rooms.get(code)!;
    const act = (action: unknown) => fac.call('room.action', { id: msgId(), action });
    await act({ kind: 'clock', step: 'negotiation', minutes: 2 });
    await act({ kind: 'clock', step: 'commit', minutes: 1 });
    const startedAt = now;
    expect(await act({ kind: 'start' })).toEqual({ ok: true });
    const iran = teams.iran!.client;
    await iran.until((c) => c.room?.clock?.step === 'negotiation', 5000, 'negotiation clock');
    // The human is ready at once; the five AI seats have proposed and answered, but are not ready.
    expect(await iran.call('intent', { id: msgId(), version: iran.version, intent: { type: 'negotiation.ready', actor: 'iran' } })).toEqual(
      {
        ok: true,
      },
    );
    await settle(1500);
    expect(room.state.step).toBe('negotiation');
    expect(server.rooms.holding(room).length).toBe(5);
    // At the clock's end the AI seats' readiness goes in and the commit step opens.
    now += 2 * MIN + 1;
    await iran.until((c) => c.view?.step === 'commit', 10_000, 'commit step');
    const commitOpened = now;
    await iran.until(() => server.rooms.holding(room).length === 5, 10_000, 'AI commits held');
    expect(room.state.step).toBe('commit');
    expect(Object.values(room.state.delegations).filter((d) => d.committed).length).toBe(0);
    now += MIN + 1;
    await iran.until((c) => (c.view?.round ?? 1) >= 2, 10_000, 'round 2');
    expect(now - startedAt).toBeGreaterThanOrEqual(3 * MIN);
    expect(now - commitOpened).toBeGreaterThanOrEqual(MIN);
    // Each AI seat committed in round 1; Iran, late, was committed for by the AI, which the commit says.
    const round1 = room.session.log.filter((e) => e.round === 1 && e.intent.type === 'commit.submit');
    expect(round1.map((e) => e.actor).sort()).toEqual(['eu', 'gulf', 'iaea', 'iran', 'israel', 'usa']);
    expect(round1.find((e) => e.actor === 'iran')?.intent).toMatchObject({ by: 'the AI (the clock ran out)' });
    fac.close();
    iran.close();
  });

  it('a room with no team and no clocks does not race: each step waits the default pace, and closing it sends the AI in', async () => {
    const { fac, code } = await roomWith(server.url, []);
    const room = server.rooms.get(code)!;
    const act = (action: unknown) => fac.call('room.action', { id: msgId(), action });
    await act({ kind: 'clock', step: 'negotiation', minutes: null });
    await act({ kind: 'clock', step: 'commit', minutes: null });
    expect(await act({ kind: 'start' })).toEqual({ ok: true });
    await settle(1500);
    expect(room.state.round).toBe(1);
    expect(room.state.step).toBe('negotiation');
    now += DEFAULT_PACE_MS + 1;
    await fac.until((c) => c.view?.step === 'commit', 10_000, 'commit step');
    await fac.until(() => server.rooms.holding(room).length === 6, 10_000, 'AI commits held');
    // The facilitator closes the commit step: every AI seat's commit is in, none is lost.
    expect(await fac.call('intent', { id: msgId(), version: fac.version, intent: { type: 'step.close', actor: 'facilitator' } })).toEqual({
      ok: true,
    });
    await fac.until((c) => c.view?.round === 2, 10_000, 'round 2');
    const commits = room.session.log.filter((e) => e.round === 1 && e.intent.type === 'commit.submit');
    expect(commits.length).toBe(6);
    fac.close();
  });

  it('the facilitator sets a pace: the AI finishes a step after that many seconds, never before', async () => {
    const { fac, code } = await roomWith(server.url, []);
    const room = server.rooms.get(code)!;
    const act = (action: unknown) => fac.call('room.action', { id: msgId(), action });
    expect(await act({ kind: 'pace', seconds: 2 })).toMatchObject({ ok: false });
    expect(await act({ kind: 'pace', seconds: 20 })).toEqual({ ok: true });
    await fac.until((c) => c.room?.pace === 20, 5000, 'pace shown');
    expect(await act({ kind: 'start' })).toEqual({ ok: true });
    await settle(1000);
    expect(room.state.step).toBe('negotiation');
    now += 20_000 + 1;
    await fac.until((c) => c.view?.step === 'commit', 10_000, 'commit step');
    fac.close();
  });
});
