// Solo and hot-seat: the game runs in this page; AI seats decide in a Web Worker.
import { catalog, decisionView, viewFor, publicView, type GameState, type GameView, type Intent, type Scenario } from '../engine';
import type { AiClient } from '../ai/client';
import { DEFAULT_TEMPERAMENT, type Decision, type Temperament } from '../ai/baseline';
import type { LogEntry } from '../machine/gameMachine';
import { replay } from '../machine/replay';
import { GameSession } from '../machine/session';
import type { AiNote, Progress, SendResult, Transport } from './transport';

export interface LocalSetup {
  scenario: Scenario;
  seed: number;
  /** Delegations played by people at this screen; every other seat is an AI. */
  humans: string[];
  temperaments?: Record<string, Temperament>;
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

  private temper(d: string): Temperament {
    return this.setup.temperaments?.[d] ?? DEFAULT_TEMPERAMENT;
  }

  /** Lets every AI seat act on the current step; runs again when something changed meanwhile. */
  private async drive(): Promise<void> {
    if (this.driving) {
      this.again = true;
      return;
    }
    this.driving = true;
    try {
      do {
        this.again = false;
        await this.aiTurn();
      } while (this.again && !this.disposed);
    } finally {
      this.driving = false;
    }
  }

  private async ask(d: string, request: Parameters<AiClient['decide']>[0]): Promise<Decision[]> {
    this.busy.add(d);
    this.changed();
    try {
      return await this.ai.decide(request);
    } finally {
      this.busy.delete(d);
      this.changed();
    }
  }

  private take(d: string, decisions: Decision[]) {
    for (const decision of decisions) {
      if (this.disposed) return;
      const r = this.session.send(decision.intent);
      if (!r.ok || decision.intent.type === 'negotiation.ready') continue;
      const sealed = decision.intent.type === 'commit.submit';
      this.notes.push({ round: this.session.state.round, delegation: d, text: decision.reason, sealed });
    }
  }

  private async aiTurn() {
    if (this.disposed || this.session.done) return;
    const s = this.session.state;
    if (s.paused) return;
    const key = `${s.round}`;
    if (s.step === 'negotiation') {
      for (const d of this.aiSeats()) {
        // After a resume the state says what was done: a ready seat, or one that proposed, is past this.
        const done = s.delegations[d]?.ready || s.packages.some((p) => p.proposer === d && p.round === s.round);
        if (this.proposedIn.get(d) === s.round || done) continue;
        this.proposedIn.set(d, s.round);
        const view = decisionView(this.session.state, d);
        this.take(d, await this.ask(d, { kind: 'negotiate', delegation: d, view, temperament: this.temper(d), pass: 0 }));
      }
      for (const d of this.aiSeats()) {
        const st = this.session.state;
        if (st.step !== 'negotiation') return;
        const pending = st.packages.some((p) => p.status === 'proposed' && p.parties.includes(d) && !p.accepted.includes(d));
        if (pending) {
          const view = decisionView(st, d);
          this.take(d, await this.ask(d, { kind: 'negotiate', delegation: d, view, temperament: this.temper(d), pass: 1 }));
        }
      }
      for (const d of this.aiSeats()) {
        const st = this.session.state;
        if (st.step !== 'negotiation' || this.readyIn.get(d) === key || st.delegations[d]?.ready) continue;
        this.readyIn.set(d, key);
        const view = decisionView(st, d);
        this.take(d, await this.ask(d, { kind: 'negotiate', delegation: d, view, temperament: this.temper(d), pass: 2 }));
      }
    } else if (s.step === 'commit') {
      for (const d of this.aiSeats()) {
        const st = this.session.state;
        if (st.step !== 'commit' || st.delegations[d]?.committed) continue;
        const view = decisionView(st, d);
        this.take(d, await this.ask(d, { kind: 'commit', delegation: d, view, temperament: this.temper(d) }));
      }
    }
  }
}
