// Plays the AI seats of a room (empty seats, or seats the facilitator handed to the AI) by the one
// seat scheduler, as solo play does, each seat with the persona the facilitator chose for it.
// Decisions are made in the AI threads from the seat's own view.
import type { Stage, Table } from '../ai/scheduler';
import { playSeats, SeatDriver } from '../ai/scheduler';
import type { ModelSettings } from '../ai/talk/model';
import type { TalkReading } from '../ai/talk/respond';
import { talkWithModel } from '../ai/talk/withModel';
import type { Decision } from '../ai/words';
import type { GameView } from '../engine';
import type { AiPool } from './aiPool';
import type { Room } from './room';

export class RoomAi {
  private readonly driver: SeatDriver;
  private readonly table: Table;

  constructor(
    private readonly room: Room,
    private readonly pool: AiPool,
    /** The server's language model for the AI's messages (its key stays here), or none. */
    private readonly talkModel: ModelSettings | null = null,
  ) {
    this.table = {
      get state() {
        return room.state;
      },
      get done() {
        return room.session.done;
      },
      send: (i) => room.apply(i, null),
    };
    this.driver = new SeatDriver({
      table: this.table,
      seats: () => this.aiSeats(),
      decide: (view, d, stage, stream) => this.ask(view, d, stage, stream),
      mayAct: () => !room.disposed && room.started && !room.session.done,
      onDecision: (d, decision, accepted) => this.note(d, decision, accepted),
    });
  }

  private aiSeats(): string[] {
    return [...this.room.seats.values()].filter((s) => s.mode === 'ai').map((s) => s.delegation);
  }

  /** Lets every AI seat act on the current step; runs again when something changed meanwhile. */
  drive(): Promise<void> {
    return this.driver.drive();
  }

  private async ask(view: GameView, d: string, stage: Stage, stream: number): Promise<Decision[]> {
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
          ...(readings.length ? { readings } : {}),
        });
      if (stage === 'talk' && this.talkModel) return await talkWithModel(this.talkModel, room.scenario, view, d, ask);
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
    });
  }

  /** The AI commits for seats that did not (used when a clock runs out and the facilitator chose so). */
  async commitFor(seats: string[]) {
    if (this.room.state.step !== 'commit') return;
    await playSeats({ table: this.table, seats, onDecision: (d, decision, ok) => this.note(d, decision, ok) }, (view, d, stage, stream) =>
      this.ask(view, d, stage, stream),
    );
  }
}
