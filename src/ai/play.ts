// The round cycle driven by the engine's own functions (no machine), for the expert's simulated
// futures and the benchmark's reference table. The AI seats are played by the one scheduler.
import { catalog, checkIntent, endGame, allCommitted, allReady, applyIntent, bridgeComplete, ceasefireExpired, enterPhase, frameworkAgreed, nextRound, openCommit, openNegotiation, resolveRound, roundLimitReached, startBriefing, truceCollapsed, NEXT_PHASE, type GameState, type Intent, type Scenario } from '../engine/core';
import { playSteps, type Decider, type Table } from './scheduler';

/** The round cycle driven by the engine's functions directly (no machine): the expert's simulated futures, and the benchmark's reference (src/cli/directTable.ts). */
export class SimTable implements Table {
  /** Rounds resolved: the unit of the expert's search budget. */
  resolved = 0;

  constructor(
    private readonly scenario: Scenario,
    public state: GameState,
  ) {}

  get done(): boolean {
    return this.state.step === 'ended';
  }

  send(intent: Intent): { ok: true } | { ok: false; reason: string } {
    const reason = checkIntent(this.scenario, this.state, intent);
    if (reason !== null) return { ok: false, reason };
    if (intent.type === 'step.close') {
      if (this.state.step === 'negotiation') this.state = openCommit(this.state);
      else this.resolve();
      return { ok: true };
    }
    this.state = applyIntent(this.scenario, this.state, intent);
    if (this.state.step === 'negotiation' && allReady(this.state)) this.state = openCommit(this.state);
    else if (this.state.step === 'commit' && allCommitted(this.state)) this.resolve();
    return { ok: true };
  }

  private resolve() {
    const sc = this.scenario;
    this.resolved += 1;
    let s = resolveRound(sc, this.state);
    const phase = s.phase;
    const next = NEXT_PHASE[phase];
    // The machine's own words for each ending, so this cycle reaches the machine's state hashes.
    if (truceCollapsed(s)) s = endGame(s, 'unraveling', 'The truce collapsed into renewed conflict.');
    else if (phase === 'C' && bridgeComplete(sc, s))
      s = endGame(s, 'consolidation', 'Phase C is complete: the settlement holds as a durable compact.');
    else if (roundLimitReached(sc, s))
      s = endGame(s, 'drift', 'The round limit passed without a settlement: the lull holds, incidents keep rising.');
    else {
      const advance = phase === 'ceasefire' ? frameworkAgreed(s) || ceasefireExpired(sc, s) : bridgeComplete(sc, s);
      s = nextRound(sc, s);
      if (advance && next) s = enterPhase(sc, s, next);
      s = openNegotiation(startBriefing(sc, s));
    }
    this.state = s;
  }
}

/** Plays whole rounds with every seat decided by `decide`, until `rounds` more are resolved or the game ends. */
export function playRounds(scenario: Scenario, table: SimTable, decide: Decider, rounds: number) {
  const target = table.resolved + rounds;
  playSteps({ table, seats: catalog(scenario).delegationIds }, decide, rounds * 4 + 4, () => table.resolved < target);
}
