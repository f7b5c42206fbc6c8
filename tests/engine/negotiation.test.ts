// docs/rules.md §8.1 (a counter and its original are alternatives) and §4 step 2 (lapsed
// proposals and failed motions are reported).
import { describe, expect, it } from 'vitest';
import { applyIntent, checkIntent, openCommit, type GameState, type Intent, type PackageStep } from '../../src/engine';
import { gameAt, SCENARIO } from './fixtures';

function negotiating(): GameState {
  const s = gameAt(SCENARIO, 'A', 2);
  s.step = 'negotiation';
  return s;
}

function play(s: GameState, ...intents: Intent[]): GameState {
  for (const i of intents) {
    expect(checkIntent(SCENARIO, s, i), `${i.type} by ${i.actor}`).toBeNull();
    s = applyIntent(SCENARIO, s, i);
  }
  return s;
}

const HALT: PackageStep[] = [
  { delegation: 'iran', move: 'iran-halt-enrichment' },
  { delegation: 'gulf', move: 'gulf-maritime-restraint' },
];
const HALT_WITH_ACCESS: PackageStep[] = [...HALT, { delegation: 'iran', move: 'iran-short-notice-access' }];
const status = (s: GameState, id: number) => s.packages.find((p) => p.id === id)?.status;
const texts = (s: GameState, kind: string) => s.events.filter((e) => e.kind === kind).map((e) => e.text);

describe('§8.1 a counter keeps the original open until one of the two is agreed', () => {
  const offered = () => play(negotiating(), { type: 'package.propose', actor: 'iran', steps: HALT, window: 2 });
  const countered = () =>
    play(offered(), { type: 'package.counter', actor: 'gulf', package: 1, steps: HALT_WITH_ACCESS, window: 2, reason: 'add access' });

  it('after a counter the original is still open, and the counter names what it answers', () => {
    const s = countered();
    expect(status(s, 1)).toBe('proposed');
    expect(s.packages.find((p) => p.id === 2)).toMatchObject({ status: 'proposed', counterTo: 1, proposer: 'gulf' });
    expect(texts(s, 'package.countered')[0]).toMatch(/#1 stays open/);
  });

  it('a rejected counter leaves the original standing, and the countering side may still accept it', () => {
    let s = play(countered(), { type: 'package.reject', actor: 'iran', package: 2 });
    expect(status(s, 2)).toBe('rejected');
    expect(status(s, 1)).toBe('proposed');
    expect(texts(s, 'package.rejected')[0]).toMatch(/#1 still stands open/);
    s = play(s, { type: 'package.accept', actor: 'gulf', package: 1 });
    expect(status(s, 1)).toBe('accepted');
  });

  it('an agreed counter closes the original as countered', () => {
    const s = play(countered(), { type: 'package.accept', actor: 'iran', package: 2 });
    expect(status(s, 2)).toBe('accepted');
    expect(status(s, 1)).toBe('countered');
    expect(texts(s, 'package.closed').join(' ')).toMatch(/#1 closes: its counter #2 was agreed/);
  });

  it('an agreed original makes an open counter to it lapse', () => {
    const s = play(countered(), { type: 'package.accept', actor: 'gulf', package: 1 });
    expect(status(s, 1)).toBe('accepted');
    expect(status(s, 2)).toBe('expired');
  });
});

describe('§4 when the negotiation closes, lapsed proposals and failed motions are reported', () => {
  it('an unanswered proposal lapses, and its parties are told who did not answer', () => {
    const s = openCommit(SCENARIO, play(negotiating(), { type: 'package.propose', actor: 'iran', steps: HALT, window: 2 }));
    expect(status(s, 1)).toBe('expired');
    const e = s.events.find((x) => x.kind === 'package.expired');
    expect(e?.text).toMatch(/Package #1 lapsed unanswered: Gulf/);
    expect(e?.audience).toEqual(['iran', 'gulf']);
  });

  it('an open motion fails when the negotiation closes, reported to all', () => {
    const s = negotiating();
    s.council = { ...s.council, founded: true, members: ['usa', 'eu', 'gulf'] };
    s.incidents = [
      {
        id: 1,
        round: 1,
        front: 'syria',
        network: null,
        kind: 'rocket',
        severity: 1,
        sponsor: 'iran',
        cancelled: false,
        revealed: false,
        attribution: { named: 'iran', confidence: 80, round: 1, override: false },
      },
    ];
    const penalty = SCENARIO.council.penalties[0]?.id ?? '';
    const moved = play(s, { type: 'council.penalize', actor: 'usa', incident: 1, penalty });
    const closed = openCommit(SCENARIO, moved);
    expect(closed.council.motions[0]?.status).toBe('failed');
    const e = closed.events.find((x) => x.kind === 'motion.failed');
    expect(e?.audience).toBe('all');
    expect(e?.text).toMatch(/Motion #1 .* fails: only 1 of 3 members voted for it/);
  });

  it('a motion voted down by a majority fails at once, reported to all', () => {
    const s = negotiating();
    s.council = { ...s.council, founded: true, members: ['usa', 'eu', 'gulf'] };
    s.incidents = [
      {
        id: 1,
        round: 1,
        front: 'syria',
        network: null,
        kind: 'rocket',
        severity: 1,
        sponsor: 'iran',
        cancelled: false,
        revealed: false,
        attribution: { named: 'iran', confidence: 80, round: 1, override: false },
      },
    ];
    const penalty = SCENARIO.council.penalties[0]?.id ?? '';
    const after = play(
      s,
      { type: 'council.penalize', actor: 'usa', incident: 1, penalty },
      { type: 'council.vote', actor: 'eu', motion: 1, yes: false },
      { type: 'council.vote', actor: 'gulf', motion: 1, yes: false },
    );
    expect(after.council.motions[0]?.status).toBe('failed');
    expect(texts(after, 'motion.failed')[0]).toMatch(/2 of 3 members voted against/);
  });
});
