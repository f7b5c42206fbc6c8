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
    this.append({ kind: 'intent', intent }, msgId);
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
