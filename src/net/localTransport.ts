// Solo and hot-seat: the game runs in this page, admitted by the same authority as a room's (over
// an in-memory store); AI seats decide in a Web Worker, played by the one seat scheduler.
import {
  catalog,
  scenarioFor,
  scenarioVersion,
  viewFor,
  publicView,
  type GameState,
  type GameView,
  type Intent,
  type Scenario,
} from '../engine';
import type { AiClient } from '../ai/client';
import type { ModelSettings } from '../ai/talk/model';
import type { TalkReading } from '../ai/talk/respond';
import { talkWithModel } from '../ai/talk/withModel';
import { DEFAULT_PERSONA, type Persona } from '../ai/persona';
import { SeatDriver, type Seating, type Stage, type Table } from '../ai/scheduler';
import type { Decision } from '../ai/words';
import type { LogEntry } from '../machine/gameMachine';
import { replay } from '../machine/replay';
import { GameSession } from '../machine/session';
import { Authority, MemoryStore } from './authority';
import type { AiNote, Progress, SendOptions, SendResult, Transport } from './transport';

export interface LocalSetup {
  scenario: Scenario;
  seed: number;
  /** Delegations played by people at this screen; every other seat is an AI. */
  humans: string[];
  /** Personality and difficulty of each AI seat (default: a standard pragmatist). */
  personas?: Record<string, Persona>;
  /** A language model for the AI's messages (the player's settings), or none: offline only. */
  talkModel?: ModelSettings | null;
}

export class LocalTransport implements Transport {
  readonly scenario: Scenario;
  private session: GameSession;
  private readonly authority: Authority;
  private readonly store: MemoryStore;
  private readonly driver: SeatDriver;
  private listeners = new Set<() => void>();
  private busy = new Set<string>();
  private notes: AiNote[] = [];
  private disposed = false;
  private nextId = 1;
  /** The last round the AI plays by itself when no seat is a person's (null: people are playing). */
  private playThrough: number | null = null;

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
    this.store = new MemoryStore(this.session.log.length);
    this.authority = new Authority(() => this.session, this.store, {
      started: () => true,
      playedByAi: (d) => !this.setup.humans.includes(d),
      closed: () => this.disposed,
    });
    const game = () => this.session;
    const table: Table = {
      get state() {
        return game().state;
      },
      get done() {
        return game().done;
      },
      send: (i) => this.authority.apply(i, null),
    };
    this.driver = new SeatDriver({
      table,
      seats: () => this.aiSeats(),
      decide: (view, d, stage, stream, seating) => this.ask(view, d, stage, stream, seating),
      mayAct: () => !this.disposed && !this.session.done && !this.waiting,
      onDecision: (d, decision, accepted) => {
        if (!accepted || decision.intent.type === 'negotiation.ready' || decision.intent.type === 'talk.say') return;
        this.notes.push({
          round: this.session.state.round,
          delegation: d,
          text: decision.reason,
          sealed: decision.intent.type === 'commit.submit',
        });
      },
    });
    queueMicrotask(() => void this.driver.drive());
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
    return seat === null ? publicView(this.session.state) : viewFor(this.session.state, seat, this.scenario);
  }

  /** The scenario as one seat (or the public, null) may read it: the rule a room applies. */
  scenarioFor(seat: string | null): Scenario {
    // The same object while nothing it shows changed, so the screen's parts keyed on it stay put.
    const key = `${seat ?? ''}|${scenarioVersion(this.session.state)}`;
    if (this.seatScenario?.key !== key)
      this.seatScenario = {
        key,
        scenario: scenarioFor(this.scenario, this.session.state, seat === null ? { kind: 'public' } : { kind: 'delegation', id: seat }),
      };
    return this.seatScenario.scenario;
  }
  private seatScenario: { key: string; scenario: Scenario } | null = null;

  /** An intent of a person at this screen: admitted as a room admits a seat's (the seat must be a person's). */
  send(intent: Intent, opts: SendOptions = {}): Promise<SendResult> {
    // Whoever is at this screen may act for any seat; the authority refuses the seats the AI plays.
    const role = catalog(this.scenario).delegation.has(intent.actor)
      ? ({ kind: 'seat', delegation: intent.actor } as const)
      : ({ kind: 'lobby' } as const);
    const ack = this.authority.receive(role, undefined, {
      id: opts.id ?? `local-${this.nextId++}`,
      version: opts.version ?? this.store.version,
      intent,
    });
    if (ack.ok) void this.driver.drive();
    return Promise.resolve(ack.ok ? { ok: true } : { ok: false, reason: ack.reason });
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
    void this.driver.drive();
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
    void this.driver.drive();
  }

  private persona(d: string): Persona {
    return this.setup.personas?.[d] ?? DEFAULT_PERSONA;
  }

  private async ask(view: GameView, d: string, stage: Stage, stream: number, seating: Seating): Promise<Decision[]> {
    this.busy.add(d);
    this.changed();
    try {
      const ask = (readings: TalkReading[] = []) =>
        this.ai.decide({ delegation: d, view, stream, persona: this.persona(d), stage, seating, ...(readings.length ? { readings } : {}) });
      const model = this.setup.talkModel;
      if (stage === 'talk' && model) return await talkWithModel(model, this.scenario, view, d, ask);
      return await ask();
    } finally {
      this.busy.delete(d);
      this.changed();
    }
  }
}

/** What the AI seats said, read back from the event log (after a resume): sealed secrets stay out. */
export function notesFromLog(log: readonly LogEntry[], humans: readonly string[]): AiNote[] {
  const out: AiNote[] = [];
  for (const e of log) {
    if (humans.includes(e.actor) || e.intent.type === 'negotiation.ready' || e.intent.type === 'talk.say') continue;
    const i = e.intent as Intent & { reason?: string; note?: string };
    // Only the public reason: a sealed commit's secret reason is a field of its own.
    const text = i.type === 'package.propose' ? i.note : i.reason;
    if (!text) continue;
    out.push({ round: e.round, delegation: e.actor, text, sealed: i.type === 'commit.submit' });
  }
  return out;
}
