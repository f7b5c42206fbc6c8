// No secret field ever reaches a client that should not see it: every message each seat, the
// projector and the facilitator receive during a game is recorded and checked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GameView, Scenario } from '../../src/engine';
import type { SyncMessage, UpdateMessage } from '../../src/net/protocol';
import type { RunningServer } from '../../src/server/app';
import { client, msgId, roomWith, testServer, type TestClient } from './helpers';

let server: RunningServer;
beforeAll(async () => {
  server = await testServer();
}, 60_000);
afterAll(async () => {
  await server?.close();
});

type Seen = { views: GameView[]; scenarios: Scenario[]; notes: number };
function collect(c: TestClient): Seen {
  const out: Seen = { views: [], scenarios: [], notes: 0 };
  out.views = c.views;
  for (const m of c.received) {
    const d = m.data as Partial<SyncMessage & UpdateMessage>;
    // The scenario sent with the final view (the debrief) carries every objective.
    const final = d.view?.outcome != null || d.patch?.set.outcome != null;
    if (d.scenario && !final) out.scenarios.push(d.scenario);
    out.notes += d.notes?.length ?? 0;
  }
  return out;
}

/** The checks for a delegation's (or the public) messages while the game runs. */
function checkViews(seen: Seen, me: string | null, revealedIncidents: number[]) {
  let checked = 0;
  for (const v of seen.views) {
    if (v.outcome !== null) continue;
    checked++;
    expect(v.seed).toBe(0);
    expect(v.rng).toBe(0);
    // Proxy funding is secret, but a patron sees the networks it funds (docs/rules.md §9).
    const patronOf: Record<string, string> = { hezbollah: 'iran', houthis: 'iran', 'iraqi-militias': 'iran' };
    for (const n of Object.keys(v.funding)) expect(patronOf[n]).toBe(me);
    for (const [id, d] of Object.entries(v.delegations)) if (id !== me) expect(d.commit).toBeNull();
    for (const q of v.quietDefections) expect(q.delegation).toBe(me);
    for (const inc of v.incidents) if (!revealedIncidents.includes(inc.id)) expect(inc.sponsor).toBe('hidden');
    for (const e of v.events)
      expect(e.audience === 'all' || (me !== null && Array.isArray(e.audience) && e.audience.includes(me))).toBe(true);
    for (const p of v.packages)
      expect((me !== null && p.parties.includes(me)) || ['accepted', 'fulfilled', 'broken'].includes(p.status)).toBe(true);
  }
  for (const sc of seen.scenarios) {
    expect(sc.injects).toEqual([]);
    for (const d of sc.delegations) if (d.id !== me) expect(d.secretObjectives).toEqual([]);
    // Another delegation's doctrine (its priorities, risk appetite, red lines) is its own.
    for (const d of sc.delegations) if (d.id !== me) expect(d.doctrine).toBeUndefined();
  }
  expect(seen.notes).toBe(0);
  return checked;
}

describe('secrets', () => {
  it('never reach a client that may not see them, over a whole game', async () => {
    const seats = ['iran', 'gulf', 'usa'];
    const { fac, code, teams } = await roomWith(server.url, seats, 3);
    const projector = await client(server.url);
    await projector.call('room.join', { code, as: { kind: 'projector' } });
    // The teams watch their seats while the AI plays them, so the game runs at full speed.
    for (const d of seats) await fac.call('room.action', { id: msgId(), action: { kind: 'seatMode', delegation: d, mode: 'ai' } });
    await fac.call('room.action', { id: msgId(), action: { kind: 'start' } });
    const room = server.rooms.get(code)!;
    await fac.until(() => room.state.round >= 4 || room.state.outcome !== null, 60_000, 'round 4');
    // Reveal one incident to Iran alone (if any happened): only Iran may then see its sponsor.
    const inc = room.state.incidents[0];
    if (inc && room.state.outcome === null) {
      expect(
        await fac.call('intent', {
          id: msgId(),
          version: fac.version,
          intent: { type: 'facilitator.reveal', actor: 'facilitator', what: 'incident', incident: inc.id, to: 'iran' },
        }),
      ).toEqual({ ok: true });
    }
    await fac.until(() => room.state.outcome !== null, 120_000, 'the end of the game');
    await new Promise((r) => setTimeout(r, 200));

    const s = room.state;
    const secretTexts = s.events.filter((e) => e.audience === 'secret').map((e) => e.text);
    for (const d of seats) {
      const seen = collect(teams[d]!.client);
      const checked = checkViews(seen, d, inc ? (d === 'iran' ? [inc.id] : []) : []);
      expect(checked).toBeGreaterThan(10);
      // Text-level: no secret event, no other delegation's objective, in anything sent before the end.
      const before = teams[d]!.client.received.filter((m) => {
        const data = m.data as Partial<SyncMessage & UpdateMessage>;
        return (data.view?.outcome ?? data.patch?.set.outcome ?? null) === null;
      });
      const json = JSON.stringify(before);
      for (const t of secretTexts) expect(json).not.toContain(t);
      const own = new Set(room.scenario.delegations.find((x) => x.id === d)?.secretObjectives.map((o) => o.text));
      for (const other of room.scenario.delegations.filter((x) => x.id !== d))
        for (const o of other.secretObjectives) if (!own.has(o.text)) expect(json).not.toContain(o.text);
      if (inc && d !== 'iran') {
        // The revealed sponsor of that incident reached nobody but Iran.
        for (const v of seen.views)
          if (v.outcome === null) expect(v.incidents.find((i) => i.id === inc.id)?.sponsor ?? 'hidden').toBe('hidden');
      }
    }
    const pub = collect(projector);
    expect(checkViews(pub, null, [])).toBeGreaterThan(10);
    // The facilitator sees everything but the seed and the generator.
    const facSeen = collect(fac);
    for (const v of facSeen.views) {
      expect(v.seed).toBe(0);
      expect(v.rng).toBe(0);
    }
    expect(facSeen.views.some((v) => v.events.some((e) => e.audience === 'secret')) || secretTexts.length === 0).toBe(true);
    // At the end, the debrief shows every secret to everyone.
    const last = collect(teams.gulf!.client).views.at(-1);
    expect(last?.outcome).not.toBeNull();
    expect(last?.incidents.every((i) => i.sponsor !== 'hidden')).toBe(true);
    for (const c of [fac, projector, ...seats.map((d) => teams[d]!.client)]) c.close();
  }, 180_000);
});
