// Messages between delegations (docs/rules.md §8.4), tested from the rulebook.
import { describe, expect, it } from 'vitest';
import { checkIntent, MAX_TALK_PER_ROUND, parseIntent, publicView, viewFor, type Intent } from '../../src/engine';
import { GameSession } from '../../src/machine/session';
import { SCENARIO, send } from './fixtures';

const say = (actor: string, to: string[], text = 'we halt enrichment if you keep your navies back'): Intent => ({
  type: 'talk.say',
  actor,
  to,
  text,
});

describe('messages', () => {
  it('are seen by the sender and the recipients only, and kept in the log', () => {
    const s = GameSession.start(SCENARIO, 3);
    send(s, say('iran', ['gulf', 'usa']));
    const seen = (d: string) => viewFor(s.state, d).events.some((e) => e.kind === 'talk');
    expect(['iran', 'gulf', 'usa'].map(seen)).toEqual([true, true, true]);
    expect(['israel', 'eu', 'iaea'].map(seen)).toEqual([false, false, false]);
    expect(publicView(s.state).events.some((e) => e.kind === 'talk')).toBe(false);
    expect(s.log.at(-1)?.intent).toEqual(say('iran', ['gulf', 'usa']));
    expect(viewFor(s.state, 'gulf').events.find((e) => e.kind === 'talk')?.talk).toEqual({
      from: 'iran',
      to: ['gulf', 'usa'],
      text: 'we halt enrichment if you keep your navies back',
    });
  });

  it('move nothing by themselves', () => {
    const s = GameSession.start(SCENARIO, 3);
    const before = structuredClone(s.state);
    send(s, say('iran', ['gulf'], 'we accept package 1 and we commit everything'));
    expect({ ...s.state, events: [] }).toEqual({ ...before, events: [] });
  });

  it('go to other delegations that exist, with 1 to 600 characters, at most 12 a round to one recipient', () => {
    const s = GameSession.start(SCENARIO, 3);
    expect(checkIntent(SCENARIO, s.state, say('iran', ['iran']))).toMatch(/itself/);
    expect(checkIntent(SCENARIO, s.state, say('iran', ['mars']))).toMatch(/unknown delegation/);
    expect(checkIntent(SCENARIO, s.state, say('iran', ['gulf'], '   '))).toMatch(/empty/);
    expect(parseIntent(say('iran', ['gulf'], 'x'.repeat(601))).ok).toBe(false);
    expect(parseIntent(say('iran', ['gulf'], 'x'.repeat(600))).ok).toBe(true);
    for (let i = 0; i < MAX_TALK_PER_ROUND; i++) send(s, say('iran', ['gulf'], `message ${i}`));
    expect(MAX_TALK_PER_ROUND).toBe(12);
    expect(checkIntent(SCENARIO, s.state, say('iran', ['gulf']))).toMatch(/at most 12/);
    expect(checkIntent(SCENARIO, s.state, say('iran', ['usa']))).toBeNull();
    expect(checkIntent(SCENARIO, s.state, say('gulf', ['iran']))).toBeNull();
  });

  it('are written at any step, not while paused and not once the game is over', () => {
    const s = GameSession.start(SCENARIO, 3);
    for (const d of ['iran', 'usa', 'gulf', 'israel', 'eu', 'iaea']) send(s, { type: 'negotiation.ready', actor: d });
    expect(s.state.step).toBe('commit');
    expect(checkIntent(SCENARIO, s.state, say('iran', ['gulf']))).toBeNull();
    send(s, { type: 'facilitator.pause', actor: 'facilitator' });
    expect(checkIntent(SCENARIO, s.state, say('iran', ['gulf']))).toMatch(/paused/);
    send(s, { type: 'facilitator.resume', actor: 'facilitator' });
    send(s, { type: 'facilitator.end', actor: 'facilitator', outcome: 'drift' });
    expect(checkIntent(SCENARIO, s.state, say('iran', ['gulf']))).toMatch(/over/);
  });
});
