// The same round cycle as the machine, driven by calling the engine's functions directly. The
// benchmark compares the two, and a test checks that both reach the same state hash.
import type { Table } from '../ai/autoplay';
import {
  allCommitted,
  allReady,
  applyIntent,
  bridgeComplete,
  ceasefireExpired,
  checkIntent,
  createGame,
  endGame,
  enterPhase,
  frameworkAgreed,
  nextRound,
  openCommit,
  openNegotiation,
  resolveRound,
  roundLimitReached,
  startBriefing,
  truceCollapsed,
  NEXT_PHASE,
  type GameState,
  type Intent,
  type Scenario,
} from '../engine';

export class DirectTable implements Table {
  state: GameState;

  constructor(
    private readonly scenario: Scenario,
    seed: number,
  ) {
    this.state = openNegotiation(startBriefing(scenario, createGame(scenario, seed)));
  }

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
    if (intent.type === 'facilitator.end') {
      this.state = applyIntent(this.scenario, this.state, intent);
      return { ok: true };
    }
    this.state = applyIntent(this.scenario, this.state, intent);
    if (this.state.step === 'negotiation' && allReady(this.state)) this.state = openCommit(this.state);
    else if (this.state.step === 'commit' && allCommitted(this.state)) this.resolve();
    return { ok: true };
  }

  private resolve() {
    const sc = this.scenario;
    let s = resolveRound(sc, this.state);
    const phase = s.phase;
    const next = NEXT_PHASE[phase];
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
