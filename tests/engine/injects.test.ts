// §10: a scheduled inject fires once, whether on its round or pulled forward by the facilitator.
import { describe, expect, it } from 'vitest';
import { applyIntent, checkIntent, type Intent } from '../../src/engine';
import { fireScheduledInjects } from '../../src/engine/injects';
import { gameAt, SCENARIO } from './fixtures';

const protests: Intent = { type: 'facilitator.inject', actor: 'facilitator', inject: 'hardline-protests-tehran' };
const skirmish: Intent = { type: 'facilitator.inject', actor: 'facilitator', inject: 'border-skirmish' };
const titled = (s: { events: Array<{ text: string }> }, title: string) => s.events.filter((e) => e.text.startsWith(title)).length;

describe('§10 a scheduled inject fires once', () => {
  it('fired early in round 4, the round-5 inject does not fire again on its schedule', () => {
    const s = gameAt(SCENARIO, 'B', 4);
    const early = applyIntent(SCENARIO, s, protests);
    expect(titled(early, 'Hard-line protests in Tehran')).toBe(1);
    const next = structuredClone(early);
    next.round = 5;
    fireScheduledInjects(SCENARIO, next);
    expect(titled(next, 'Hard-line protests in Tehran')).toBe(1);
    expect(next.tension).toBe(early.tension);
  });

  it('a scheduled inject already fired cannot be fired again; an on-demand one can', () => {
    const s = gameAt(SCENARIO, 'B', 4);
    const once = applyIntent(SCENARIO, s, protests);
    expect(checkIntent(SCENARIO, once, protests)).toMatch(/already fired/);
    const first = applyIntent(SCENARIO, once, skirmish);
    expect(checkIntent(SCENARIO, first, skirmish)).toBeNull();
  });

  it('a scheduled inject not fired early still fires on its round', () => {
    const s = gameAt(SCENARIO, 'B', 5);
    fireScheduledInjects(SCENARIO, s);
    expect(titled(s, 'Hard-line protests in Tehran')).toBe(1);
  });
});

describe('§9 a private inject and the public figures', () => {
  it('everyone reads that an event not made public moved tension; only its recipients read what it was', async () => {
    const { publicView, viewFor } = await import('../../src/engine');
    const { GameSession } = await import('../../src/machine/session');
    const g = GameSession.start(SCENARIO, 3);
    const before = g.state.tension;
    const r = g.send({
      type: 'facilitator.inject',
      actor: 'facilitator',
      inject: {
        title: 'Secret talks in Muscat',
        text: 'Oman hosts a quiet meeting.',
        audience: ['iran', 'gulf'],
        effects: { tension: -3, fronts: { hormuz: -4 } },
      },
    });
    expect(r).toEqual({ ok: true });
    expect(g.state.tension).toBe(before - 3);
    const wall = publicView(g.state);
    const line = wall.events.at(-1);
    expect(line?.audience).toBe('all');
    expect(line?.text).toMatch(/^An event not made public moved public figures: tension -3; .*Hormuz.* front -4\.$/);
    expect(JSON.stringify(wall)).not.toContain('Muscat');
    // The change of tension has a cause the wall can read.
    expect(wall.changes.filter((c) => c.figure === 'tension').at(-1)).toMatchObject({ delta: -3, cause: 'An event not made public' });
    expect(viewFor(g.state, 'iran').events.some((e) => e.text.startsWith('Secret talks in Muscat'))).toBe(true);
    expect(viewFor(g.state, 'usa').events.some((e) => e.text.startsWith('Secret talks in Muscat'))).toBe(false);
  });
});
