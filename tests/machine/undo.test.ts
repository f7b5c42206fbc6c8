// docs/rules.md §10, Undo: the White Cell takes back a ruling, reveal or inject until its round
// resolves; the game is as if the act had never been made, later intents still apply, the undo is
// a line of its own, and replay reproduces it.
import { describe, expect, it } from 'vitest';
import { facilitatorView, hashValue, publicView, stateHash, viewFor, type GameState, type Intent } from '../../src/engine';
import { buildHotWash } from '../../src/report/hotWash';
import { GameSession } from '../../src/machine/session';
import { replay } from '../../src/machine/replay';
import { buildTimeline } from '../../src/report/timeline';
import { SCENARIO, playRound, restoredWith, send, stand } from '../engine/fixtures';

const VIOLATION: Intent = {
  type: 'facilitator.override',
  actor: 'facilitator',
  override: { kind: 'verification', move: 'iran-halt-enrichment', result: 'violation' },
  reason: 'inspectors saw the cascade run',
};
const undo = (seq: number, reason?: string): Intent => ({
  type: 'facilitator.undo',
  actor: 'facilitator',
  seq,
  ...(reason ? { reason } : {}),
});
const LATER: Intent[] = [
  { type: 'talk.say', actor: 'usa', to: ['iran'], text: 'We saw the ruling.' },
  { type: 'negotiation.ready', actor: 'gulf' },
];

/** A game in round 1 with Iran's halt in force and verified (so a violation can be ruled). */
function withHalt(): GameSession {
  const base = GameSession.start(SCENARIO, 7);
  const s = restoredWith(SCENARIO, base, (g) => stand(SCENARIO, g, 'iran-halt-enrichment', { round: 1, verified: true }));
  base.stop();
  return s;
}

/** The state without its last event line (the undo's own line), to compare with a game that never had the act. */
const withoutLastLine = (g: GameState) => ({ ...g, events: g.events.slice(0, -1) });

describe('§10 undo of a White Cell act', () => {
  it('an undone violation ruling leaves the game as if it had never been ruled, later intents kept', () => {
    const ruled = withHalt();
    const never = withHalt();
    send(ruled, VIOLATION);
    expect(ruled.state.tension).toBeGreaterThan(never.state.tension);
    expect(ruled.state.standing.some((st) => st.move === 'iran-halt-enrichment')).toBe(false);
    for (const i of LATER) {
      send(ruled, i);
      send(never, i);
    }
    const seq = ruled.log.findIndex((e) => e.intent.type === 'facilitator.override') + 1;
    send(ruled, undo(seq, 'wrong cascade'));
    expect(hashValue(withoutLastLine(ruled.state))).toBe(hashValue(never.state));
    const line = ruled.state.events.at(-1);
    expect(line?.kind).toBe('undo');
    expect(line?.text).toMatch(/^The White Cell undid: White Cell ruling: .* in violation\. .*Why undone: wrong cascade$/);
    expect(line?.audience).toBe('all');
    // The undo is in the log as the White Cell's own intent.
    expect(ruled.log.at(-1)?.intent).toMatchObject({ type: 'facilitator.undo', actor: 'facilitator', seq });
  });

  it('an act is undone once, and not after its round resolves', () => {
    const g = withHalt();
    send(g, VIOLATION);
    send(g, undo(1));
    expect(g.send(undo(1))).toEqual({ ok: false, reason: expect.stringMatching(/already undone/) });
    send(g, VIOLATION);
    playRound(g);
    const r = g.send(undo(3));
    expect(r).toEqual({ ok: false, reason: expect.stringMatching(/round 1, which has resolved/) });
  });

  it('only rulings, reveals and injects are undone; a bad number is refused with a reason', () => {
    const g = withHalt();
    send(g, LATER[0] as Intent);
    expect(g.send(undo(1))).toEqual({ ok: false, reason: expect.stringMatching(/not a White Cell ruling, reveal or inject/) });
    expect(g.send(undo(99))).toEqual({ ok: false, reason: expect.stringMatching(/no entry #99/) });
    expect(g.log).toHaveLength(1);
  });

  it('an undone reveal is withdrawn, and its undo line reaches only the reveal’s reader', () => {
    const g = GameSession.start(SCENARIO, 3);
    send(g, { type: 'facilitator.reveal', actor: 'facilitator', what: 'objectives', whose: 'usa', to: 'iran', reason: 'test' });
    expect(g.state.revealed.objectives).toEqual([{ to: 'iran', whose: 'usa' }]);
    send(g, undo(1, 'shown to the wrong team'));
    expect(g.state.revealed.objectives).toEqual([]);
    expect(g.state.events.at(-1)).toMatchObject({ kind: 'undo', audience: ['iran'] });
  });

  it('a scheduled inject fired early and undone fires on its round after all', () => {
    const g = GameSession.start(SCENARIO, 5);
    send(g, { type: 'facilitator.inject', actor: 'facilitator', inject: 'tanker-seized' });
    expect(g.state.firedInjects).toContain('tanker-seized');
    send(g, undo(1));
    expect(g.state.firedInjects).not.toContain('tanker-seized');
    playRound(g);
    expect(g.state.round).toBe(2);
    expect(g.state.firedInjects).toContain('tanker-seized');
  });

  it('an undo in the commit step never reopens the negotiation; later acts can still be undone', () => {
    const g = withHalt();
    send(g, VIOLATION);
    send(g, { type: 'step.close', actor: 'facilitator' });
    send(g, { type: 'facilitator.reveal', actor: 'facilitator', what: 'defections', to: 'all' });
    send(g, undo(1));
    expect(g.state.step).toBe('commit');
    expect(g.state.revealed.defections).toEqual(['all']);
    send(g, undo(3));
    expect(g.state.revealed.defections).toEqual([]);
  });

  it('a later intent the undo drops is said: the White Cell’s line names it and why, its delegation is told', () => {
    // The violation took Iran's halt out of force, so Iran committed it again; undone, the halt
    // stands again and the commit no longer holds.
    const base = GameSession.start(SCENARIO, 7);
    const g = restoredWith(SCENARIO, base, (s) => {
      s.phase = 'A';
      s.framework = { adopted: true, round: 1 };
      stand(SCENARIO, s, 'iran-halt-enrichment', { round: 1, verified: true });
    });
    base.stop();
    send(g, VIOLATION);
    send(g, { type: 'step.close', actor: 'facilitator' });
    send(g, { type: 'commit.submit', actor: 'iran', commit: { moves: ['iran-halt-enrichment'], defect: [] } });
    expect(g.state.delegations['iran']?.committed).toBe(true);
    send(g, undo(1, 'wrong cascade'));
    expect(g.state.delegations['iran']?.committed).toBe(false);
    const lines = g.state.events.slice(-3);
    expect(lines[0]).toMatchObject({ kind: 'undo', audience: 'all' });
    expect(lines[1]).toMatchObject({ kind: 'undo', audience: 'secret' });
    expect(lines[1]?.text).toMatch(
      /^The White Cell's undo of entry #1 dropped entry #3, the commit \(Halt .*\) by Iran: it no longer held without the undone act \(.+\)\./,
    );
    expect(lines[2]).toMatchObject({ kind: 'undo', audience: ['iran'] });
    expect(lines[2]?.text).toMatch(/your commit \(Halt .*\) no longer held without it: it was dropped/);
    // The team's line names neither the undone act nor the engine's reason.
    expect(lines[2]?.text).not.toMatch(/violation|cascade|entry #/);
    // Nobody else reads either line; the White Cell's debrief lists the drop as its own act.
    expect(publicView(g.state).events.some((e) => /dropped/.test(e.text))).toBe(false);
    expect(viewFor(g.state, 'usa').events.some((e) => /dropped/.test(e.text))).toBe(false);
    const wash = buildHotWash(SCENARIO, facilitatorView(g.state));
    expect(wash.whiteCell.map((c) => c.text)).toContainEqual(
      expect.stringMatching(/undo of entry #1 dropped entry #3, the commit .* by Iran/),
    );
  });

  it('replay and the debrief timeline reproduce a game with undos, hash for hash', () => {
    const fresh = GameSession.start(SCENARIO, 11);
    send(fresh, { type: 'facilitator.inject', actor: 'facilitator', inject: 'border-skirmish' });
    send(fresh, { type: 'talk.say', actor: 'usa', to: ['iran'], text: 'Noted.' });
    send(fresh, undo(1, 'fired by mistake'));
    send(fresh, { type: 'facilitator.reveal', actor: 'facilitator', what: 'defections', to: 'iran' });
    playRound(fresh);
    const r = replay(SCENARIO, 11, fresh.log);
    expect(r.hash).toBe(fresh.hash());
    expect(buildTimeline(SCENARIO, 11, fresh.log).hash).toBe(stateHash(fresh.state));
  });
});
