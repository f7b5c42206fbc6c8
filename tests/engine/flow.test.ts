// The round's flow (docs/rules.md, phases and endings): what follows a resolved round. The
// checks are tried in order (a collapsed truce first, then the compact in Phase C, then the
// round limit, then advancing), and the machine must follow the same table.
import { describe, expect, it } from 'vitest';
import { transition } from 'xstate';
import {
  afterRound,
  closeRound,
  FLOW_GUARDS,
  type FlowGuard,
  type FlowGuards,
  type FlowStep,
  type GameState,
  type PhaseId,
  type Scenario,
} from '../../src/engine';
import { createGameMachine } from '../../src/machine/gameMachine';
import { gameAt, loadScenario, quiet, secure } from './fixtures';

const sc = loadScenario(quiet);
const LIMIT = sc.tunables.roundLimit;

/** A resolved round of `phase` (the state the flow is asked about). */
function resolved(phase: PhaseId, round: number, edit: (s: GameState) => void = () => {}): GameState {
  const s = gameAt(sc, phase, round);
  s.step = 'resolution';
  edit(s);
  return s;
}

/** Secures, on every track the phase names, as many spans as it requires. */
function completeBridge(scenario: Scenario, s: GameState) {
  const spec = scenario.phases.find((p) => p.id === s.phase);
  if (!spec) throw new Error(`no phase ${s.phase}`);
  for (const [track, needed] of Object.entries(spec.requires)) {
    const spans = scenario.interlocks.filter((x) => x.phase === s.phase && x.track === track).slice(0, needed);
    for (const x of spans) secure(scenario, s, x.id);
  }
}

const ends = (outcome: string) => expect.objectContaining({ kind: 'end', outcome });

describe('what follows a resolved round', () => {
  it('a collapsed truce ends the game in unraveling, even with Phase C complete in the last round', () => {
    const s = resolved('C', LIMIT, (g) => {
      completeBridge(sc, g);
      g.tension = 100;
    });
    expect(FLOW_GUARDS.bridgeComplete(sc, s)).toBe(true);
    expect(afterRound(sc, s)).toEqual(ends('unraveling'));
    expect(
      afterRound(
        sc,
        resolved('A', 3, (g) => (g.warTrigger = 'a strike on a nuclear site')),
      ),
    ).toEqual(ends('unraveling'));
  });

  it('a complete Phase C bridge consolidates, in the last round too (before the round limit counts)', () => {
    expect(
      afterRound(
        sc,
        resolved('C', 8, (g) => completeBridge(sc, g)),
      ),
    ).toEqual(ends('consolidation'));
    expect(
      afterRound(
        sc,
        resolved('C', LIMIT, (g) => completeBridge(sc, g)),
      ),
    ).toEqual(ends('consolidation'));
    expect(afterRound(sc, resolved('C', 8))).toEqual({ kind: 'stay' });
  });

  it('the round limit drifts, even when a Phase A or B bridge completes in that round', () => {
    for (const phase of ['A', 'B'] as const) {
      expect(
        afterRound(
          sc,
          resolved(phase, LIMIT, (g) => completeBridge(sc, g)),
        ),
      ).toEqual(ends('drift'));
    }
    expect(afterRound(sc, resolved('ceasefire', LIMIT))).toEqual(ends('drift'));
  });

  it('a complete bridge opens the next phase; an incomplete one keeps the phase', () => {
    expect(
      afterRound(
        sc,
        resolved('A', 4, (g) => completeBridge(sc, g)),
      ),
    ).toEqual({ kind: 'advance', phase: 'B' });
    expect(
      afterRound(
        sc,
        resolved('B', 6, (g) => completeBridge(sc, g)),
      ),
    ).toEqual({ kind: 'advance', phase: 'C' });
    expect(afterRound(sc, resolved('A', 4))).toEqual({ kind: 'stay' });
  });

  it('the ceasefire ends on an agreed framework, or when its rounds run out', () => {
    const early = resolved('ceasefire', 1, (g) => (g.framework = { adopted: true, round: 1 }));
    expect(afterRound(sc, early)).toEqual({ kind: 'advance', phase: 'A' });
    const open = resolved('ceasefire', 1, (g) => (g.framework = { adopted: false, round: null }));
    expect(afterRound(sc, open)).toEqual({ kind: 'stay' });
    const expired = resolved('ceasefire', sc.tunables.ceasefireRounds, (g) => (g.framework = { adopted: false, round: null }));
    expect(afterRound(sc, expired)).toEqual({ kind: 'advance', phase: 'A' });
  });

  it('closeRound opens the next round: in the next phase, with the ceasefire’s missing framework costing tension', () => {
    const expired = resolved('ceasefire', sc.tunables.ceasefireRounds, (g) => (g.framework = { adopted: false, round: null }));
    const next = closeRound(sc, expired);
    expect(next).toMatchObject({ phase: 'A', round: sc.tunables.ceasefireRounds + 1, step: 'negotiation' });
    expect(next.tension).toBe(expired.tension + sc.tunables.noFrameworkTension);
    const stay = closeRound(sc, resolved('A', 4));
    expect(stay).toMatchObject({ phase: 'A', round: 5, step: 'negotiation' });
    const ended = closeRound(sc, resolved('B', LIMIT));
    expect(ended).toMatchObject({ outcome: 'drift', step: 'ended' });
    expect(ended.endReason).toMatch(/round limit/);
  });
});

describe('the machine follows the engine’s round flow', () => {
  const GUARDS = Object.keys(FLOW_GUARDS) as FlowGuard[];
  const STATE: Record<PhaseId, string> = { ceasefire: 'ceasefire', A: 'phaseA', B: 'phaseB', C: 'phaseC' };
  const topOf = (v: unknown) => (typeof v === 'string' ? v : Object.keys(v as object)[0]);
  const expectedTop = (phase: PhaseId, step: FlowStep) =>
    step.kind === 'end' ? step.outcome : step.kind === 'advance' ? STATE[step.phase] : STATE[phase];

  it('for every phase and every combination of the flow’s rules, ends or moves on as afterRound says', () => {
    let checked = 0;
    for (const phase of ['ceasefire', 'A', 'B', 'C'] as const) {
      for (let mask = 0; mask < 1 << GUARDS.length; mask++) {
        const holds = (g: FlowGuard) => (mask & (1 << GUARDS.indexOf(g))) !== 0;
        const guards = Object.fromEntries(GUARDS.map((g) => [g, () => holds(g)])) as unknown as FlowGuards;
        const machine = createGameMachine(sc).provide({ guards: Object.fromEntries(GUARDS.map((g) => [g, () => holds(g)])) });
        const game = gameAt(sc, phase, 3);
        const at = machine.resolveState({ value: { [STATE[phase]]: 'commit' }, context: { game, log: [] } });
        const [next] = transition(machine, at, { type: 'step.close', actor: 'facilitator' });
        const step = afterRound(sc, { ...game, step: 'resolution' }, guards);
        expect(topOf(next.value), `${phase} with ${GUARDS.filter(holds).join(', ') || 'nothing'}`).toBe(expectedTop(phase, step));
        if (step.kind === 'end') expect(next.context.game.endReason).toBe(step.reason);
        else expect(next.context.game.round).toBe(4);
        checked++;
      }
    }
    expect(checked).toBe(4 * 32);
  });
});
