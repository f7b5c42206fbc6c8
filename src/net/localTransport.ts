// Solo and hot-seat: the game runs in this page; AI seats decide in a Web Worker.
import { catalog, decisionView, seatStream, viewFor, publicView, type GameState, type GameView, type Intent, type Scenario } from '../engine';
import type { AiClient } from '../ai/client';
import { DEFAULT_PERSONA, type Persona } from '../ai/persona';
import { ANSWER_PASSES, hasOffersToAnswer, readyDecision, type Stage } from '../ai/play';
import type { Decision } from '../ai/words';
import type { LogEntry } from '../machine/gameMachine';
import { replay } from '../machine/replay';
import { GameSession } from '../machine/session';
import type { AiNote, Progress, SendResult, Transport } from './transport';

export interface LocalSetup {
  scenario: Scenario;
  seed: number;
  /** Delegations played by people at this screen; every other seat is an AI. */
  humans: string[];
  /** Personality and difficulty of each AI seat (default: a standard pragmatist). */
  personas?: Record<string, Persona>;
}

export class LocalTransport implements Transport {
  readonly scenario: Scenario;
  private session: GameSession;
  private listeners = new Set<() => void>();
  private busy = new Set<string>();
  private notes: AiNote[] = [];
  private driving = false;
  private again = false;
  private disposed = false;
  private proposedIn = new Map<string, number>();
  /** The last round the AI plays by itself when no seat is a person's (null: people are playing). */
  private playThrough: number | null = null;
  private readyIn = new Map<string, string>();

  constructor(
    readonly setup: LocalSetup,
    private readonly ai: AiClient,
    from: GameSession | readonly LogEntry[] = [],
  ) {
    this.scenario = setup.scenario;
    this.session =
      from instanceof GameSession
        ? from
        : from.length
          ? replay(setup.scenario, setup.seed, from).session
          : GameSession.start(setup.scenario, setup.seed);
    this.session.subscribe(() => this.changed());
    this.notes = notesFromLog(this.session.log, setup.humans);
    queueMicrotask(() => void this.drive());
  }

  get state(): GameState {
    return this.session.state;
  }

  get log(): readonly LogEntry[] {
    return this.session.log;
  }

  progress(): Progress {
    const s = this.session.state;
    return { round: s.round, step: s.step, outcome: s.outcome, changes: this.session.log.length };
  }

  hash(): string {
    return this.session.hash();
  }

  get gameSession(): GameSession {
    return this.session;
  }

  view(seat: string | null): GameView {
    return seat === null ? publicView(this.session.state) : viewFor(this.session.state, seat);
  }

  send(intent: Intent): Promise<SendResult> {
    const r = this.session.send(intent);
    if (r.ok) void this.drive();
    return Promise.resolve(r);
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  thinking(): readonly string[] {
    return [...this.busy];
  }

  aiNotes(): readonly AiNote[] {
    return this.notes;
  }

  dispose() {
    this.disposed = true;
    this.listeners.clear();
    this.session.stop();
    this.ai.dispose();
  }

  private changed() {
    for (const l of this.listeners) l();
  }

  private aiSeats(): string[] {
    return catalog(this.scenario).delegationIds.filter((d) => !this.setup.humans.includes(d));
  }

  /** The delegations played by people now. */
  get humans(): readonly string[] {
    return this.setup.humans;
  }

  /**
   * Passes a seat to the AI or back to a person. The AI takes over where the seat stands (it
   * answers open offers, commits if the commit is open); a person takes over from the next
   * decision the AI has not yet made.
   */
  setSeat(delegation: string, by: 'human' | 'ai') {
    const humans = this.setup.humans.filter((d) => d !== delegation);
    if (by === 'human') humans.push(delegation);
    this.setup.humans = catalog(this.scenario).delegationIds.filter((d) => humans.includes(d));
    // With nobody left at the screen, the AI finishes this round, then waits for the next one.
    this.playThrough = this.setup.humans.length === 0 ? this.session.state.round : null;
    this.changed();
    void this.drive();
  }

  /** Every seat is the AI's and it waits at the start of a round (see playNextRound). */
  get waiting(): boolean {
    return this.playThrough !== null && this.session.state.round > this.playThrough && !this.session.done;
  }

  /** When every seat is the AI's: let it play one more round. */
  playNextRound() {
    if (this.playThrough === null) return;
    this.playThrough = this.session.state.round;
    this.changed();
    void this.drive();
  }

  private persona(d: string): Persona {
    return this.setup.personas?.[d] ?? DEFAULT_PERSONA;
  }

  /** Lets every AI seat act on the current step; runs again when something changed meanwhile. */
  private async drive(): Promise<void> {
    if (this.driving) {
      this.again = true;
      return;
    }
    this.driving = true;
    try {
      let moved = false;
      do {
        this.again = false;
        const before = `${this.session.state.round}:${this.session.state.step}`;
        await this.aiTurn();
        // The AI seats' own last ready or commit can move the round on: they act on the new step too.
        moved = `${this.session.state.round}:${this.session.state.step}` !== before;
      } while ((this.again || moved) && !this.disposed && !this.session.done);
    } finally {
      this.driving = false;
    }
  }

  private async ask(d: string, stage: Stage): Promise<Decision[]> {
    this.busy.add(d);
    this.changed();
    try {
      const view = decisionView(this.session.state, d);
      const stream = seatStream(this.session.state, d);
      return await this.ai.decide({ kind: 'decide', delegation: d, view, stream, persona: this.persona(d), stage });
    } finally {
      this.busy.delete(d);
      this.changed();
    }
  }

  private take(d: string, decisions: Decision[]) {
    for (const decision of decisions) {
      if (this.disposed || this.setup.humans.includes(d)) return;
      const r = this.session.send(decision.intent);
      if (!r.ok || decision.intent.type === 'negotiation.ready') continue;
      const sealed = decision.intent.type === 'commit.submit';
      this.notes.push({ round: this.session.state.round, delegation: d, text: decision.reason, sealed });
    }
  }

  private async aiTurn() {
    if (this.disposed || this.session.done || this.waiting) return;
    const s = this.session.state;
    if (s.paused) return;
    const round = s.round;
    const still = (step: string) => !this.disposed && this.session.state.step === step && this.session.state.round === round;
    if (s.step === 'negotiation') {
      for (const d of this.aiSeats()) {
        // After a resume the state says what was done: a ready seat, or one that proposed, is past this.
        const st = this.session.state;
        const done = st.delegations[d]?.ready || st.packages.some((p) => p.proposer === d && p.round === st.round);
        if (!still('negotiation') || this.proposedIn.get(d) === round || done) continue;
        this.proposedIn.set(d, round);
        this.take(d, await this.ask(d, 'propose'));
      }
      for (let pass = 0; pass < ANSWER_PASSES; pass++) {
        let any = false;
        for (const d of this.aiSeats()) {
          if (!still('negotiation') || !hasOffersToAnswer(this.session.state, d)) continue;
          any = true;
          this.take(d, await this.ask(d, 'answer'));
        }
        if (!any) break;
      }
      for (const d of this.aiSeats()) {
        const st = this.session.state;
        if (!still('negotiation') || this.readyIn.get(d) === `${round}` || st.delegations[d]?.ready) continue;
        this.readyIn.set(d, `${round}`);
        if (st.council.founded && st.council.members.includes(d)) this.take(d, await this.ask(d, 'close'));
        if (still('negotiation') && !this.setup.humans.includes(d) && !this.session.state.delegations[d]?.ready)
          this.take(d, [readyDecision(d)]);
      }
    } else if (s.step === 'commit') {
      for (const d of this.aiSeats()) {
        if (!still('commit') || this.session.state.delegations[d]?.committed) continue;
        this.take(d, await this.ask(d, 'commit'));
      }
    }
  }
}

/** What the AI seats said, read back from the event log (after a resume): sealed secrets stay out. */
export function notesFromLog(log: readonly LogEntry[], humans: readonly string[]): AiNote[] {
  const out: AiNote[] = [];
  for (const e of log) {
    if (humans.includes(e.actor) || e.intent.type === 'negotiation.ready') continue;
    const i = e.intent as Intent & { reason?: string; note?: string };
    // Only the public reason: a sealed commit's secret reason is a field of its own.
    const text = i.type === 'package.propose' ? i.note : i.reason;
    if (!text) continue;
    out.push({ round: e.round, delegation: e.actor, text, sealed: i.type === 'commit.submit' });
  }
  return out;
}
