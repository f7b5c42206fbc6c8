// A room: the authoritative game of one classroom or exercise. It runs the engine's machine,
// judges every message (seat, schema, staleness, the engine's rules), keeps its event log in
// SQLite, and tells the gateway what changed; the gateway sends each client its own view.
import { createHash, randomBytes } from 'node:crypto';
import { catalog, parseIntent, type GameState, type Intent, type Scenario } from '../engine';
import { GameSession, type PersistedGame } from '../machine/session';
import type { Ack, ChatLine, ChatTo, ClockedStep, PublicNote, Role, RoomAction } from '../net/protocol';
import { chatRefusal } from './chatLimits';
import type { RoomDb, SeatRow } from './db';
import { extendClock, expired, nextClock, type ClockState } from './roomClock';

export const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('hex');
export const newSecret = () => randomBytes(24).toString('base64url');

export interface Seat {
  delegation: string;
  mode: 'open' | 'human' | 'ai';
  team: string | null;
  tokens: Set<string>;
}

export interface Change {
  view?: boolean;
  room?: boolean;
  chat?: ChatLine;
  thinking?: boolean;
  notes?: boolean;
  /** Seats whose devices must be disconnected (their tokens were revoked). */
  revoked?: string;
}

export interface RoomInit {
  code: string;
  scenario: Scenario;
  seed: number;
  keyHash: string;
  createdAt: number;
  updatedAt?: number;
}

type Source = { kind: 'client'; role: Role; by: string } | { kind: 'ai'; delegation: string } | { kind: 'system' };

/** How many recent message ids a room remembers to apply each at most once. */
const REMEMBERED_IDS = 5000;

export class Room {
  readonly code: string;
  readonly scenario: Scenario;
  readonly seed: number;
  readonly keyHash: string;
  readonly scenarioKey: string;
  session: GameSession;
  /** The number of events in the room's log: every change bumps it. */
  version = 0;
  /** The version at which the current step (round and step) opened: older intents are stale. */
  stepVersion = 0;
  started = false;
  seats = new Map<string, Seat>();
  /** The default clocks of a classroom round (DESIGN §8: negotiation 4 min, commit 1 min). */
  clocks: Record<ClockedStep, number | null> = { negotiation: 4, commit: 1 };
  onExpiry: 'nothing' | 'ai' = 'ai';
  clock: ClockState | null = null;
  chat: ChatLine[] = [];
  notes: PublicNote[] = [];
  thinking = new Set<string>();
  /** Devices connected now, by socket id. */
  devices = new Map<string, { role: Role; name: string }>();
  private seen = new Map<string, Ack>();
  private listeners = new Set<(c: Change) => void>();
  private restoring = false;
  disposed = false;

  constructor(
    init: RoomInit,
    private readonly db: RoomDb,
    readonly now: () => number,
  ) {
    this.code = init.code;
    this.scenario = init.scenario;
    this.seed = init.seed;
    this.keyHash = init.keyHash;
    this.lastEventAt = init.updatedAt ?? init.createdAt;
    this.scenarioKey = `${init.scenario.id}:${hashSecret(JSON.stringify(init.scenario)).slice(0, 12)}`;
    this.session = GameSession.start(init.scenario, init.seed);
    for (const d of catalog(init.scenario).delegationIds) this.seats.set(d, { delegation: d, mode: 'open', team: null, tokens: new Set() });
  }

  get state(): GameState {
    return this.session.state;
  }

  subscribe(fn: (c: Change) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  announceThinking() {
    this.emit({ thinking: true });
  }

  private emit(c: Change) {
    if (this.restoring) return;
    for (const l of this.listeners) l(c);
  }

  // ——— the log ———

  /** Writes one event to the log and applies it; during a restore, only applies it. */
  /** When the last event happened (ms), for closing rooms nobody uses any more. */
  lastEventAt: number;

  private record(kind: string, body: unknown, msgId: string | null, seats: SeatRow[] = []) {
    this.version += 1;
    if (!this.restoring) this.lastEventAt = this.now();
    if (!this.restoring) this.db.append(this.code, this.version, kind, msgId, body, this.now(), seats);
    if (msgId) this.remember(msgId, { ok: true });
  }

  private remember(id: string, ack: Ack) {
    this.seen.set(id, ack);
    if (this.seen.size > REMEMBERED_IDS) {
      const first = this.seen.keys().next();
      if (!first.done) this.seen.delete(first.value);
    }
  }

  /**
   * Rebuilds the room from its log: every room event in order, and the accepted intents — from
   * the machine's last snapshot on, when there is one (it was taken as a round began).
   */
  restore(events: Array<{ seq: number; kind: string; msgId: string | null; body: unknown }>, snapshot: { version: number; body: string } | null = null) {
    this.restoring = true;
    try {
      if (snapshot) {
        this.session.stop();
        this.session = GameSession.restore(this.scenario, JSON.parse(snapshot.body) as PersistedGame);
      }
      for (const e of events) {
        if (e.seq !== this.version + 1) throw new Error(`room ${this.code}: event ${e.seq} is out of order`);
        if (snapshot && e.seq <= snapshot.version && e.kind === 'intent') this.record(e.kind, e.body, e.msgId);
        else this.applyLogged(e.kind, e.body, e.msgId);
        if (snapshot && e.seq === snapshot.version) this.stepVersion = snapshot.version;
      }
      if (snapshot && this.session.log.length !== events.filter((e) => e.kind === 'intent').length)
        throw new Error(`room ${this.code}: the snapshot does not match the log`);
    } finally {
      this.restoring = false;
    }
  }

  private applyLogged(kind: string, body: unknown, msgId: string | null) {
    const b = (body ?? {}) as Record<string, unknown>;
    switch (kind) {
      case 'intent': {
        const before = this.stepKey();
        const r = this.session.send(b.intent as Intent);
        if (!r.ok) throw new Error(`room ${this.code}: logged intent refused on restore: ${r.reason}`);
        this.record(kind, body, msgId);
        if (this.stepKey() !== before) this.stepVersion = this.version;
        return;
      }
      case 'start':
        this.started = true;
        for (const s of this.seats.values()) if (s.mode === 'open') s.mode = 'ai';
        break;
      case 'claim': {
        const seat = this.seats.get(b.delegation as string);
        if (seat) {
          seat.team = b.team as string;
          seat.mode = 'human';
          seat.tokens.add(b.tokenHash as string);
        }
        break;
      }
      case 'release': {
        const seat = this.seats.get(b.delegation as string);
        if (seat) {
          seat.team = null;
          seat.tokens.clear();
          seat.mode = this.started ? 'ai' : 'open';
        }
        break;
      }
      case 'seatMode': {
        const seat = this.seats.get(b.delegation as string);
        if (seat) seat.mode = b.mode as Seat['mode'];
        break;
      }
      case 'clocks':
        this.clocks = { ...this.clocks, [b.step as ClockedStep]: b.minutes as number | null };
        break;
      case 'onExpiry':
        this.onExpiry = b.value as 'nothing' | 'ai';
        break;
      case 'clock':
        this.clock = body as ClockState | null;
        break;
      case 'chat':
        this.chat.push(body as ChatLine);
        break;
      default:
        throw new Error(`room ${this.code}: unknown event kind "${kind}"`);
    }
    this.record(kind, body, msgId, this.seatRows(kind, b));
  }

  private seatRows(kind: string, b: Record<string, unknown>): SeatRow[] {
    if (kind === 'start') return [...this.seats.values()].map((s) => ({ delegation: s.delegation, mode: s.mode, team: s.team }));
    const s = typeof b.delegation === 'string' ? this.seats.get(b.delegation) : undefined;
    return s ? [{ delegation: s.delegation, mode: s.mode, team: s.team }] : [];
  }

  private stepKey = () => `${this.state.round}:${this.state.step}:${this.session.done}`;

  // ——— what clients send ———

  /** An intent from a client: schema, seat, staleness, then the engine's own judgement. */
  receiveIntent(role: Role, by: string, msg: { id: string; version: number; intent: unknown }): Ack {
    const again = this.seen.get(msg.id);
    if (again) return again;
    const parsed = parseIntent(msg.intent);
    if (!parsed.ok) return { ok: false, code: 'malformed', reason: parsed.error };
    let intent = parsed.intent;
    const actor = role.kind === 'seat' ? role.delegation : role.kind === 'facilitator' ? 'facilitator' : null;
    if (actor === null || intent.actor !== actor)
      return { ok: false, code: 'forbidden', reason: actor === null ? 'this device holds no seat' : `this seat cannot act for ${intent.actor}` };
    if (!this.started) return { ok: false, code: 'refused', reason: 'the facilitator has not started the game yet' };
    if (msg.version > this.version) return { ok: false, code: 'stale', reason: 'that view is not from this room' };
    // A facilitator's ruling is not tied to a step; closing a step is (no double close).
    const stepBound = role.kind === 'seat' || intent.type === 'step.close';
    if (stepBound && msg.version < this.stepVersion) return { ok: false, code: 'stale', reason: 'the round moved on since that view; here is the current one' };
    if (role.kind === 'seat' && this.seats.get(role.delegation)?.mode === 'ai')
      return { ok: false, code: 'refused', reason: 'the facilitator handed this seat to the AI' };
    // The seat shows who committed: the server writes the device's name, not the client.
    if (intent.type === 'commit.submit') intent = { ...intent, by };
    const ack = this.apply(intent, msg.id, { kind: 'client', role, by });
    if (ack.ok || ack.code !== 'refused') this.remember(msg.id, ack);
    return ack;
  }

  /** Applies an intent from any source; accepted ones are logged before anyone hears of them. */
  apply(intent: Intent, msgId: string | null, _source: Source): Ack {
    if (this.disposed) return { ok: false, code: 'unavailable', reason: 'the room is closed' };
    const before = this.stepKey();
    const r = this.session.send(intent);
    if (!r.ok) return { ok: false, code: 'refused', reason: r.reason };
    this.record('intent', { intent }, msgId);
    if (this.stepKey() !== before) {
      this.stepVersion = this.version;
      // A snapshot as each round begins keeps a restart quick however long the game.
      if (this.state.step === 'negotiation' || this.session.done) this.db.saveSnapshot(this.code, this.version, JSON.stringify(this.session.persist()));
    }
    this.syncClock();
    this.emit({ view: true, room: true });
    return { ok: true };
  }

  claim(delegation: string, name: string): Ack<{ token: string }> {
    const seat = this.seats.get(delegation);
    if (!seat) return { ok: false, code: 'not-found', reason: `no delegation "${delegation}" in this scenario` };
    if (seat.team !== null) return { ok: false, code: 'forbidden', reason: `${delegation} is already held by ${seat.team}; ask them for their team link` };
    const token = newSecret();
    this.applyLogged('claim', { delegation, team: name, tokenHash: hashSecret(token) }, null);
    this.emit({ room: true });
    return { ok: true, token };
  }

  /** The seat a token opens, if any. */
  seatOf(token: string): string | null {
    const h = hashSecret(token);
    for (const s of this.seats.values()) if (s.tokens.has(h)) return s.delegation;
    return null;
  }

  isFacilitatorKey(key: string) {
    return hashSecret(key) === this.keyHash;
  }

  action(msgId: string, a: RoomAction): Ack {
    const again = this.seen.get(msgId);
    if (again) return again;
    const ok = (kind: string, body: unknown): Ack => {
      this.applyLogged(kind, body, msgId);
      this.syncClock();
      this.emit({ room: true });
      this.drive?.();
      return { ok: true };
    };
    switch (a.kind) {
      case 'start':
        if (this.started) return { ok: false, code: 'refused', reason: 'the game has already started' };
        return ok('start', {});
      case 'clock': {
        const r = ok('clocks', { step: a.step, minutes: a.minutes });
        if (a.minutes === null && this.clock?.step === a.step) this.setClock(null);
        return r;
      }
      case 'extend': {
        if (!this.clock) return { ok: false, code: 'refused', reason: 'no clock is running' };
        this.setClock(extendClock(this.clock, a.minutes, this.now()), msgId);
        this.emit({ room: true });
        return { ok: true };
      }
      case 'onExpiry':
        return ok('onExpiry', { value: a.value });
      case 'seatMode': {
        const seat = this.seats.get(a.delegation);
        if (!seat) return { ok: false, code: 'not-found', reason: `no delegation "${a.delegation}"` };
        if (a.mode === 'human' && seat.team === null && this.started)
          return { ok: false, code: 'refused', reason: 'no team holds this seat: a team must claim it first' };
        return ok('seatMode', { delegation: a.delegation, mode: a.mode === 'human' && seat.team === null ? 'open' : a.mode });
      }
      case 'releaseSeat': {
        if (!this.seats.has(a.delegation)) return { ok: false, code: 'not-found', reason: `no delegation "${a.delegation}"` };
        const r = ok('release', { delegation: a.delegation });
        this.emit({ revoked: a.delegation });
        return r;
      }
    }
  }

  /** Called by the AI driver when the room may need it (set by the registry). */
  drive: (() => void) | null = null;

  sendChat(role: Role, by: string, msg: { id: string; to: ChatTo; text: string }): Ack {
    const again = this.seen.get(msg.id);
    if (again) return again;
    const from = role.kind === 'seat' ? role.delegation : role.kind === 'facilitator' ? 'facilitator' : null;
    if (from === null) return { ok: false, code: 'forbidden', reason: 'only seats and the facilitator send messages' };
    if (msg.to === 'team' && from === 'facilitator') return { ok: false, code: 'refused', reason: 'the facilitator has no team channel' };
    if (Array.isArray(msg.to)) {
      const unknown = msg.to.find((d) => !this.seats.has(d));
      if (unknown) return { ok: false, code: 'refused', reason: `no delegation "${unknown}"` };
    }
    const line: ChatLine = { id: msg.id, at: this.now(), from, by, to: msg.to, text: msg.text.trim() };
    if (!line.text) return { ok: false, code: 'refused', reason: 'an empty message' };
    const full = chatRefusal(this.chat, from, line.text);
    if (full) return { ok: false, code: 'refused', reason: full };
    this.applyLogged('chat', line, msg.id);
    this.emit({ chat: line });
    return { ok: true };
  }

  // ——— clocks ———

  private setClock(c: ClockState | null, msgId: string | null = null) {
    if (c === this.clock) return;
    this.applyLogged('clock', c, msgId);
  }

  syncClock() {
    this.setClock(nextClock(this.clock, this.clocks, this.state, this.started, this.now()));
  }

  /** Called often by the registry: closes the open step when its clock ran out. */
  expiring = false;
  tick(closeWithAi: (room: Room) => Promise<void>) {
    if (this.expiring || !expired(this.clock, this.now())) return;
    this.expiring = true;
    const key = this.stepKey();
    void (this.onExpiry === 'ai' ? closeWithAi(this) : Promise.resolve())
      .catch(() => undefined)
      .then(() => {
        if (this.stepKey() === key && !this.disposed) this.apply({ type: 'step.close', actor: 'system' }, null, { kind: 'system' });
      })
      .finally(() => {
        this.expiring = false;
      });
  }

  dispose() {
    this.disposed = true;
    this.listeners.clear();
    this.session.stop();
  }
}
