// A room's log in SQLite: the authority's store for the room (server side of net/authority.ts).
// Every event is numbered (the room's version), written with its message id, which the data file
// keeps unique: a message accepted once is recognised however much later it comes again.
import type { Intent } from '../engine';
import type { GameSession } from '../machine/session';
import type { AdmissionStore } from '../net/authority';
import type { RoomStore, SeatRow } from './db';
import { encodeEvent, type RoomEvent } from './roomEvents';

export class RoomLog implements AdmissionStore {
  /** The number of events in the log: every change bumps it. */
  version = 0;

  constructor(
    private readonly code: string,
    private readonly db: RoomStore,
    private readonly now: () => number,
    /** When the last event happened (ms), for closing rooms nobody uses any more. */
    public lastEventAt: number,
    /** Where the game is (round and step), written beside each intent: the record's times live here, never in the engine's state. */
    private readonly where: () => { round: number; step: string } = () => ({ round: 0, step: '' }),
  ) {}

  accepted(msgId: string): boolean {
    return this.db.hasMessage(this.code, msgId);
  }

  /** Writes one event (and the seats it changed) before the room applies it. */
  append(e: RoomEvent, msgId: string | null, seats: SeatRow[] = []) {
    const at = this.now();
    const { kind, body } = encodeEvent(e);
    this.db.append(this.code, this.version + 1, kind, msgId, body, at, seats);
    this.version += 1;
    this.lastEventAt = at;
  }

  logIntent(intent: Intent, msgId: string | null) {
    this.append({ kind: 'intent', intent, ...this.where() }, msgId);
  }

  /** Every logged intent with its wall time, round and step (the event's time is the log's own column). */
  timedIntents(): Array<{ seq: number; at: string; round: number | null; step: string | null; type: string; actor: string }> {
    return this.db
      .events(this.code)
      .filter((r) => r.kind === 'intent')
      .map((r) => {
        const b = r.body as { intent?: { type?: string; actor?: string }; round?: number; step?: string };
        return {
          seq: r.seq,
          at: new Date(r.at).toISOString(),
          round: b.round ?? null,
          step: b.step ?? null,
          type: b.intent?.type ?? '',
          actor: b.intent?.actor ?? '',
        };
      });
  }

  /** A snapshot as each round begins keeps a restart quick however long the game. */
  stepOpened(session: GameSession) {
    if (session.state.step === 'negotiation' || session.done)
      this.db.saveSnapshot(this.code, this.version, JSON.stringify(session.persist()));
  }

  /** Counts an event read back from the file (a restore). */
  replayed(seq: number) {
    if (seq !== this.version + 1) throw new Error(`room ${this.code}: event ${seq} is out of order`);
    this.version = seq;
  }
}
