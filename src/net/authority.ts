// The one admission of an intent, for local play and rooms alike (boardgame.io's Master, which
// its LocalMaster runs over an in-memory store): the schema, who may act for whom, staleness,
// the engine's own judgement, exactly-once by message id, and the log written before anyone
// hears of the change. A room keeps its log in SQLite (server/roomLog.ts); a local game in memory.
import { parseIntent, type Intent } from '../engine';
import type { GameSession } from '../machine/session';
import type { Ack, Role } from './protocol';

/** Where an authority keeps what it admitted. */
export interface AdmissionStore {
  /** Changes logged so far: the version a view was taken at. */
  readonly version: number;
  /** Whether a message with this id was accepted before: remembered for the whole life of the game. */
  accepted(msgId: string): boolean;
  /** Logs an accepted intent durably, before the sender or anyone else is told. */
  logIntent(intent: Intent, msgId: string | null): void;
  /** A new step opened (a round began, or the game ended): a room keeps a snapshot there. */
  stepOpened?(session: GameSession): void;
}

/** What the authority asks of the seats around it. */
export interface SeatPolicy {
  /** Refuses every intent while play has not begun (a room before its start). */
  started(): boolean;
  /** A seat the AI plays refuses its people's intents. */
  playedByAi(delegation: string): boolean;
  /** Whether the game is closed (a room disposed): nothing is admitted any more. */
  closed(): boolean;
}

/** A message as a client sends it: an id to apply it once, the version of its view, and the intent. */
export interface IntentMessage {
  id: string;
  version: number;
  intent: unknown;
}

const refuse = (code: Exclude<Ack, { ok: true }>['code'], reason: string): Ack => ({ ok: false, code, reason });

export class Authority {
  /** The version at which the current step (round and step) opened: intents from older views are stale. */
  stepVersion = 0;
  /** Called after every accepted intent, once it is logged. */
  onAccepted: ((intent: Intent) => void) | null = null;

  constructor(
    private readonly game: () => GameSession,
    private readonly store: AdmissionStore,
    private readonly seats: SeatPolicy,
  ) {}

  private stepKey() {
    const s = this.game();
    return `${s.state.round}:${s.state.step}:${s.done}`;
  }

  /** An intent from a device: schema, seat, staleness, then the engine's judgement. */
  receive(role: Role, by: string | undefined, msg: IntentMessage): Ack {
    if (this.store.accepted(msg.id)) return { ok: true };
    const parsed = parseIntent(msg.intent);
    if (!parsed.ok) return refuse('malformed', parsed.error);
    let intent = parsed.intent;
    const actor = role.kind === 'seat' ? role.delegation : role.kind === 'facilitator' ? 'facilitator' : null;
    if (actor === null || intent.actor !== actor)
      return refuse('forbidden', actor === null ? 'this device holds no seat' : `this seat cannot act for ${intent.actor}`);
    if (!this.seats.started()) return refuse('refused', 'the facilitator has not started the game yet');
    if (msg.version > this.store.version) return refuse('stale', 'that view is not from this game');
    // A facilitator's ruling is not tied to a step; closing a step is (no double close).
    const stepBound = role.kind === 'seat' || intent.type === 'step.close';
    if (stepBound && msg.version < this.stepVersion) return refuse('stale', 'the round moved on since that view; here is the current one');
    if (role.kind === 'seat' && this.seats.playedByAi(role.delegation)) return refuse('refused', 'this seat is played by the AI now');
    // The seat shows who committed: the authority writes the device's name, not the client.
    if (intent.type === 'commit.submit' && by !== undefined) intent = { ...intent, by };
    return this.apply(intent, msg.id);
  }

  /** Applies an intent the game itself sends (a seat's AI, a clock), or a device's once `receive` admitted it. */
  apply(intent: Intent, msgId: string | null): Ack {
    if (this.seats.closed()) return refuse('unavailable', 'the game is closed');
    const session = this.game();
    const before = this.stepKey();
    const r = session.send(intent);
    if (!r.ok) return refuse('refused', r.reason);
    this.store.logIntent(intent, msgId);
    if (this.stepKey() !== before) {
      this.stepVersion = this.store.version;
      this.store.stepOpened?.(session);
    }
    this.onAccepted?.(intent);
    return { ok: true };
  }

  /** Replays a logged intent (a restart): the engine must accept it again. */
  replay(intent: Intent, version: number): string | null {
    const before = this.stepKey();
    const r = this.game().send(intent);
    if (!r.ok) return r.reason;
    if (this.stepKey() !== before) this.stepVersion = version;
    return null;
  }
}

/** A local game's store: the session's own log is the record, ids are kept in memory. */
export class MemoryStore implements AdmissionStore {
  private readonly ids = new Set<string>();

  constructor(public version = 0) {}

  accepted(msgId: string) {
    return this.ids.has(msgId);
  }

  logIntent(_intent: Intent, msgId: string | null) {
    this.version += 1;
    if (msgId) this.ids.add(msgId);
  }
}
