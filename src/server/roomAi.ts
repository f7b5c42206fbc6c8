// Plays the AI seats of a room (empty seats, or seats the facilitator handed to the AI) by the one
// seat scheduler, as solo play does, each seat with the persona the facilitator chose for it.
// Decisions are made in the AI threads from the seat's own view.
//
// Pacing: in a room the AI never finishes a step faster than people can follow. Its proposals and
// answers go in at once, but its last word on a step (ready, or its sealed commit) is held until
// the step's clock runs out, or until the facilitator's pace has passed (docs/architecture.md);
// otherwise a room with no team in it would play twelve rounds in seconds.
import type { Seating, Stage, Table } from '../ai/scheduler';
import { playSeats, SeatDriver } from '../ai/scheduler';
import type { ModelSettings } from '../ai/talk/model';
import type { TalkReading } from '../ai/talk/respond';
import { talkWithModel } from '../ai/talk/withModel';
import type { Decision } from '../ai/words';
import { checkIntent, type GameView, type Intent } from '../engine';
import type { AiPool } from './aiPool';
import type { Room } from './room';

/** A step with no clock and no pace set: the AI finishes it after this long. */
export const DEFAULT_PACE_MS = 30_000;

/** 'room': AI seats keep the room's pace; 'instant': they act at once (tests and benches only). */
export type AiPace = 'room' | 'instant';

const finishes = (i: Intent) => i.type === 'negotiation.ready' || i.type === 'commit.submit';

export class RoomAi {
  private readonly driver: SeatDriver;
  private readonly table: Table;
  private readonly direct: Table;
  /** The step the room is in (round:step) and when this server first saw it open. */
  private step = '';
  private openedAt = 0;
  /** Each AI seat's last word on the current step, held for the pace. */
  private readonly held = new Map<string, Intent>();

  constructor(
    private readonly room: Room,
    private readonly pool: AiPool,
    private readonly pace: AiPace = 'room',
    /** The language model for the AI's messages now (the room's, else the server's; its key stays here), or none. */
    private readonly talkModel: () => ModelSettings | null = () => null,
  ) {
    this.direct = {
      get state() {
        return room.state;
      },
      get done() {
        return room.session.done;
      },
      send: (i) => room.apply(i, null),
    };
    this.table = {
      get state() {
        return room.state;
      },
      get done() {
        return room.session.done;
      },
      send: (i) => this.send(i),
    };
    this.driver = new SeatDriver({
      table: this.table,
      seats: () => this.aiSeats(),
      decide: (view, d, stage, stream, seating) => this.ask(view, d, stage, stream, seating),
      mayAct: () => !room.disposed && room.started && !room.session.done,
      onDecision: (d, decision, accepted) => this.note(d, decision, accepted),
    });
  }

  private aiSeats(): string[] {
    this.track();
    // A seat whose commit is held is done with this step: it is not asked again.
    const done = (d: string) => this.room.state.step === 'commit' && this.held.has(d);
    return [...this.room.seats.values()].filter((s) => s.mode === 'ai' && !done(s.delegation)).map((s) => s.delegation);
  }

  /** Notes a new step: what was held for the last one is stale. */
  private track() {
    const s = this.room.state;
    const key = `${s.round}:${s.step}`;
    if (key === this.step) return;
    this.step = key;
    this.openedAt = this.room.now();
    this.held.clear();
  }

  /** When the held decisions may go in: a time, or null to wait for the step's clock. */
  private releaseAt(): number | null {
    if (this.room.pace !== null) return this.openedAt + this.room.pace * 1000;
    const c = this.room.clock;
    if (c && `${c.round}:${c.step}` === this.step) return null;
    return this.openedAt + DEFAULT_PACE_MS;
  }

  private send(i: Intent): { ok: true } | { ok: false; reason: string } {
    this.track();
    if (this.pace === 'instant' || !finishes(i)) return this.room.apply(i, null);
    const at = this.releaseAt();
    if (at !== null && this.room.now() >= at && !this.room.state.paused) return this.room.apply(i, null);
    const problem = checkIntent(this.room.scenario, this.room.state, i);
    if (problem) return { ok: false, reason: problem };
    this.held.set(i.actor, i);
    return { ok: true };
  }

  /** Sends every held decision of seats the AI still plays (the step is closing, or the pace has passed). */
  flush() {
    this.track();
    const list = [...this.held.values()];
    this.held.clear();
    for (const i of list) if (this.room.seats.get(i.actor)?.mode === 'ai') this.room.apply(i, null);
  }

  /** Called by the registry's tick: sends the held decisions once the pace allows. */
  pulse() {
    if (this.held.size === 0) return;
    this.track();
    const at = this.releaseAt();
    if (at !== null && this.room.now() >= at && !this.room.state.paused) this.flush();
  }

  /** The seat's decisions are held (for the console: "the AI is ready, waiting for the clock"). */
  holding(): string[] {
    this.track();
    return [...this.held.keys()];
  }

  /** Lets every AI seat act on the current step; runs again when something changed meanwhile. */
  drive(): Promise<void> {
    return this.driver.drive();
  }

  private async ask(view: GameView, d: string, stage: Stage, stream: number, seating: Seating): Promise<Decision[]> {
    const room = this.room;
    room.thinking.add(d);
    room.announceThinking();
    try {
      const ask = (readings: TalkReading[] = []) =>
        this.pool.decide(room.scenarioKey, room.scenario, {
          delegation: d,
          view,
          stream,
          persona: room.personaOf(d),
          stage,
          seating,
          ...(readings.length ? { readings } : {}),
        });
      const model = stage === 'talk' ? this.talkModel() : null;
      if (model) return await talkWithModel(model, room.scenario, view, d, ask);
      return await ask();
    } catch (err) {
      console.error('AI', d, (err as Error).message);
      return [];
    } finally {
      room.thinking.delete(d);
      room.announceThinking();
    }
  }

  private note(d: string, decision: Decision, accepted: boolean) {
    if (!accepted || decision.intent.type === 'negotiation.ready' || decision.intent.type === 'talk.say') return;
    this.room.notes.push({
      round: this.room.state.round,
      delegation: d,
      text: decision.reason,
      sealed: decision.intent.type === 'commit.submit',
      ...(decision.intent.type === 'commit.submit' && decision.intent.secretReason ? { secret: decision.intent.secretReason } : {}),
    });
  }

  /**
   * The AI commits for seats that did not (used when a clock runs out and the facilitator chose
   * so); the commit says so in its `by`, for the console, the log and the report.
   */
  async commitFor(seats: string[]) {
    if (this.room.state.step !== 'commit') return;
    const direct = this.direct;
    const table: Table = {
      get state() {
        return direct.state;
      },
      get done() {
        return direct.done;
      },
      send: (i) => direct.send(i.type === 'commit.submit' ? { ...i, by: AI_FOR_LATE_SEAT } : i),
    };
    await playSeats({ table, seats, onDecision: (d, decision, ok) => this.note(d, decision, ok) }, (view, d, stage, stream, seating) =>
      this.ask(view, d, stage, stream, seating),
    );
  }
}

/** Who committed for a human seat whose commit clock ran out. */
export const AI_FOR_LATE_SEAT = 'the AI (the clock ran out)';
