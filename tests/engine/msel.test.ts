// docs/rules.md §10, the events list (MSEL): hold, release, reschedule, cancel, fire early once,
// add during play; changes are all made or none; the plan is the White Cell's secret.
import { describe, expect, it } from 'vitest';
import { mselRows, publicView, viewFor, type Intent } from '../../src/engine';
import { GameSession } from '../../src/machine/session';
import { replay } from '../../src/machine/replay';
import { SCENARIO, playRound, send } from './fixtures';

type Change = Extract<Intent, { type: 'facilitator.msel' }>['changes'][number];
const msel = (...changes: Change[]): Intent => ({ type: 'facilitator.msel', actor: 'facilitator', changes });
const fired = (g: GameSession, id: string) => g.state.firedInjects.includes(id);
const NEW_EVENT: Extract<Change, { kind: 'add' }>['event'] = {
  id: 'cable-cut',
  title: 'Undersea cable cut',
  text: 'A data cable in the Gulf is cut; nobody claims it.',
  audience: ['gulf'],
  effects: { tension: 3 },
  round: 2,
  expected: 'The Gulf asks for an inquiry.',
  notes: 'Watch whether the Gulf tells the others.',
};

describe('§10 the events list', () => {
  it('a held event does not fire on its round; released after it, it fires at the next briefing', () => {
    const g = GameSession.start(SCENARIO, 2);
    send(g, msel({ kind: 'hold', inject: 'tanker-seized' }));
    playRound(g);
    expect(g.state.round).toBe(2);
    expect(fired(g, 'tanker-seized')).toBe(false);
    expect(mselRows(SCENARIO, g.state).find((r) => r.inject.id === 'tanker-seized')?.status).toBe('held');
    send(g, msel({ kind: 'release', inject: 'tanker-seized' }));
    expect(fired(g, 'tanker-seized')).toBe(false);
    playRound(g);
    expect(g.state.round).toBe(3);
    expect(fired(g, 'tanker-seized')).toBe(true);
  });

  it('a rescheduled event fires on its new round; a cancelled one never, and cannot be fired', () => {
    const g = GameSession.start(SCENARIO, 2);
    send(g, msel({ kind: 'reschedule', inject: 'tanker-seized', round: 3 }, { kind: 'cancel', inject: 'intercepted-transfers' }));
    playRound(g);
    expect(fired(g, 'tanker-seized')).toBe(false);
    expect(g.send({ type: 'facilitator.inject', actor: 'facilitator', inject: 'intercepted-transfers' })).toEqual({
      ok: false,
      reason: expect.stringMatching(/cancelled/),
    });
    playRound(g);
    expect(g.state.round).toBe(3);
    expect(fired(g, 'tanker-seized')).toBe(true);
    expect(fired(g, 'intercepted-transfers')).toBe(false);
  });

  it('an event added during play fires on its round, to its recipients only, with its effect', () => {
    const g = GameSession.start(SCENARIO, 2);
    send(g, msel({ kind: 'add', event: { ...NEW_EVENT, audience: ['gulf'] } }));
    const row = mselRows(SCENARIO, g.state).find((r) => r.inject.id === 'cable-cut');
    expect(row).toMatchObject({ added: true, status: 'pending', inject: { expected: NEW_EVENT.expected, notes: NEW_EVENT.notes } });
    playRound(g);
    expect(fired(g, 'cable-cut')).toBe(true);
    const line = (v: { events: Array<{ text: string }> }) => v.events.some((e) => e.text.startsWith('Undersea cable cut'));
    expect(line(viewFor(g.state, 'gulf'))).toBe(true);
    expect(line(viewFor(g.state, 'iran'))).toBe(false);
    expect(line(publicView(g.state))).toBe(false);
  });

  it('the plan is secret: no delegation or projector view carries it, and its line is the White Cell’s', () => {
    const g = GameSession.start(SCENARIO, 2);
    send(g, msel({ kind: 'hold', inject: 'tanker-seized' }, { kind: 'add', event: { ...NEW_EVENT, round: 3 } }));
    expect(g.state.msel).toBeDefined();
    for (const v of [viewFor(g.state, 'iran'), viewFor(g.state, 'gulf'), publicView(g.state)]) {
      expect(v.msel).toBeUndefined();
      expect(JSON.stringify(v)).not.toContain('cable');
    }
    expect(g.state.events.at(-1)).toMatchObject({ kind: 'msel', audience: 'secret' });
  });

  it('an event fired early fires once, not again on its (new) round', () => {
    const g = GameSession.start(SCENARIO, 2);
    send(g, msel({ kind: 'add', event: NEW_EVENT }));
    send(g, { type: 'facilitator.inject', actor: 'facilitator', inject: 'cable-cut' });
    const before = g.state.events.filter((e) => e.text.startsWith('Undersea cable cut')).length;
    playRound(g);
    expect(g.state.events.filter((e) => e.text.startsWith('Undersea cable cut')).length).toBe(before);
    expect(g.send({ type: 'facilitator.inject', actor: 'facilitator', inject: 'cable-cut' })).toMatchObject({ ok: false });
  });

  it('changes are made together or not at all; a bad one is named', () => {
    const g = GameSession.start(SCENARIO, 2);
    const r = g.send(msel({ kind: 'hold', inject: 'tanker-seized' }, { kind: 'reschedule', inject: 'donor-conference', round: 1 }));
    expect(r).toEqual({ ok: false, reason: expect.stringMatching(/^change 2: round 1 is not a later round/) });
    expect(g.state.msel).toBeUndefined();
    expect(g.send(msel({ kind: 'add', event: { ...NEW_EVENT, id: 'tanker-seized' } }))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/already has "tanker-seized"/),
    });
    expect(g.send(msel({ kind: 'add', event: { ...NEW_EVENT, audience: ['atlantis'] } }))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/unknown delegation/),
    });
    expect(g.send(msel({ kind: 'add', event: { ...NEW_EVENT, effects: { tension: 500 } } }))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/out of bounds/),
    });
    expect(g.send(msel({ kind: 'cancel', inject: 'nothing-such' }))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/no event/),
    });
    expect(g.log).toHaveLength(0);
  });

  it('replay reproduces a game whose events list was changed', () => {
    const g = GameSession.start(SCENARIO, 4);
    send(g, msel({ kind: 'add', event: NEW_EVENT }, { kind: 'hold', inject: 'tanker-seized' }));
    playRound(g);
    send(g, msel({ kind: 'release', inject: 'tanker-seized' }));
    playRound(g);
    expect(replay(SCENARIO, 4, g.log).hash).toBe(g.hash());
  });
});
