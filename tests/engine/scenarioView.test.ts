// Who may read which parts of the scenario (rules: each delegation's secret objectives and its
// doctrine are its own until revealed; the scheduled injects are the facilitator's): one engine
// rule, which the server sends and local play shows.
import { describe, expect, it } from 'vitest';
import {
  applyIntent,
  catalog,
  checkIntent,
  createGame,
  publicView,
  scenarioFor,
  viewFor,
  type Audience,
  type GameState,
} from '../../src/engine';
import { SCENARIO as sc } from './fixtures';

const ids = catalog(sc).delegationIds;
const seat = (id: string): Audience => ({ kind: 'delegation', id });
const text = (x: unknown) => JSON.stringify(x);

/** Every secret text of a delegation: its objectives and its doctrine's weights and red lines. */
function secretsOf(id: string): string[] {
  const d = sc.delegations.find((x) => x.id === id);
  if (!d) throw new Error(id);
  return [...d.secretObjectives.map((o) => o.text), ...(d.doctrine ? d.doctrine.redLines.map((r) => r.text) : [])];
}

describe('dealt objectives (§7)', () => {
  it('deals each delegation two or three objectives of its pool, the same for the same seed', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const g = createGame(sc, seed);
      expect(createGame(sc, seed).objectives).toEqual(g.objectives);
      for (const d of sc.delegations) {
        const dealt = g.objectives[d.id] ?? [];
        expect(dealt.length === 2 || dealt.length === 3).toBe(true);
        expect(new Set(dealt).size).toBe(dealt.length);
        for (const id of dealt) expect(d.secretObjectives.map((o) => o.id)).toContain(id);
      }
    }
  });

  it('deals from the seeded generator: across seeds, every objective of a pool is dealt and none always', () => {
    const counts = new Map<string, number>();
    const games = 60;
    for (let seed = 1; seed <= games; seed++)
      for (const ids of Object.values(createGame(sc, seed).objectives)) for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
    for (const d of sc.delegations)
      for (const o of d.secretObjectives) {
        expect(counts.get(o.id) ?? 0, o.id).toBeGreaterThan(0);
        expect(counts.get(o.id) ?? 0, o.id).toBeLessThan(games);
      }
  });

  it('a seat’s view holds only its own deal; the public none; everyone’s once the game is over', () => {
    const g = createGame(sc, 9);
    for (const me of ids) expect(viewFor(g, me).objectives).toEqual({ [me]: g.objectives[me] });
    expect(publicView(g).objectives).toEqual({});
    expect(viewFor({ ...g, outcome: 'drift' }, 'iran').objectives).toEqual(g.objectives);
  });
});

describe('scenarioFor', () => {
  const s = createGame(sc, 3);

  it('never gives a seat another delegation’s secret objectives or doctrine, and gives it its own', () => {
    expect(sc.delegations.some((d) => d.doctrine)).toBe(true);
    for (const me of ids) {
      const mine = scenarioFor(sc, s, seat(me));
      const body = text(mine);
      for (const other of ids.filter((d) => d !== me)) {
        const theirs = mine.delegations.find((d) => d.id === other);
        expect(theirs?.secretObjectives).toEqual([]);
        expect(theirs?.doctrine).toBeUndefined();
        for (const secret of secretsOf(other)) if (!secretsOf(me).includes(secret)) expect(body).not.toContain(secret);
      }
      // Its own delegation as the scenario has it, with the objectives dealt to it in this game only.
      const own = sc.delegations.find((d) => d.id === me);
      expect(mine.delegations.find((d) => d.id === me)).toEqual({
        ...own,
        secretObjectives: own?.secretObjectives.filter((o) => s.objectives[me]?.includes(o.id)),
      });
      expect(mine.delegations.find((d) => d.id === me)?.secretObjectives.map((o) => o.id)).toEqual(s.objectives[me]);
      expect(mine.injects).toEqual([]);
    }
  });

  it('gives the public no secrets, the facilitator everything', () => {
    const pub = scenarioFor(sc, s, { kind: 'public' });
    expect(pub.delegations.every((d) => d.secretObjectives.length === 0 && d.doctrine === undefined)).toBe(true);
    expect(pub.injects).toEqual([]);
    expect(scenarioFor(sc, s, { kind: 'facilitator' })).toBe(sc);
  });

  it('shows others’ objectives once the facilitator reveals them to that seat, and everything at the end', () => {
    const toIran: GameState = applyIntent(sc, s, { type: 'facilitator.reveal', actor: 'facilitator', what: 'objectives', to: 'iran' });
    expect(scenarioFor(sc, toIran, seat('iran')).delegations.find((d) => d.id === 'usa')?.secretObjectives.length).toBeGreaterThan(0);
    expect(scenarioFor(sc, toIran, seat('gulf')).delegations.find((d) => d.id === 'usa')?.secretObjectives).toEqual([]);
    // A reveal of objectives is not a reveal of doctrine.
    expect(scenarioFor(sc, toIran, seat('iran')).delegations.find((d) => d.id === 'usa')?.doctrine).toBeUndefined();
    const over: GameState = { ...s, outcome: 'drift' };
    const atEnd = scenarioFor(sc, over, seat('gulf')).delegations;
    expect(atEnd.map((d) => d.doctrine)).toEqual(sc.delegations.map((d) => d.doctrine));
    expect(atEnd.map((d) => d.secretObjectives.map((o) => o.id))).toEqual(ids.map((d) => s.objectives[d]));
  });

  it('reveals one delegation’s objectives to one seat, and shows them in that seat’s log (§10)', () => {
    const gulfToUsa: GameState = applyIntent(sc, s, {
      type: 'facilitator.reveal',
      actor: 'facilitator',
      what: 'objectives',
      whose: 'gulf',
      to: 'usa',
    });
    const usa = scenarioFor(sc, gulfToUsa, seat('usa'));
    expect(usa.delegations.find((d) => d.id === 'gulf')?.secretObjectives.map((o) => o.id)).toEqual(s.objectives.gulf);
    expect(usa.delegations.find((d) => d.id === 'israel')?.secretObjectives).toEqual([]);
    expect(scenarioFor(sc, gulfToUsa, seat('iran')).delegations.find((d) => d.id === 'gulf')?.secretObjectives).toEqual([]);
    // The reveal's line names the objectives, so the seat reads them on screen (and after a reload).
    const gulfText = sc.delegations.find((d) => d.id === 'gulf')?.secretObjectives.find((o) => o.id === s.objectives.gulf?.[0])?.text ?? '';
    expect(gulfText).not.toBe('');
    const line = gulfToUsa.events.at(-1);
    expect(line?.audience).toEqual(['usa']);
    expect(line?.text).toContain(gulfText);
    expect(text(viewFor(gulfToUsa, 'usa').events)).toContain(gulfText);
    expect(text(viewFor(gulfToUsa, 'iran').events)).not.toContain(gulfText);
    expect(
      checkIntent(sc, s, { type: 'facilitator.reveal', actor: 'facilitator', what: 'objectives', whose: 'nobody', to: 'usa' }),
    ).toMatch(/unknown delegation/);
  });

  it('the old all-or-nothing reveal still shows every delegation’s objectives', () => {
    const all: GameState = applyIntent(sc, s, { type: 'facilitator.reveal', actor: 'facilitator', what: 'objectives', to: 'usa' });
    const usa = scenarioFor(sc, all, seat('usa'));
    for (const d of ids) expect(usa.delegations.find((x) => x.id === d)?.secretObjectives.map((o) => o.id)).toEqual(s.objectives[d]);
  });
});
