// A room: the authoritative game of one classroom or exercise. Intents pass the one authority
// (net/authority.ts) over the room's SQLite log (roomLog.ts); every other change is a typed room
// event (roomEvents.ts), logged, then folded in by the same reducer a restart uses. The gateway
// hears of each change and sends each client its own view.
import { createHash, randomBytes } from 'node:crypto';
import { DEFAULT_PERSONA, type Persona } from '../ai/persona';
import type { ModelSettings } from '../ai/talk/model';
import { catalog, droppedPrefix, isUndoable, type GameState, type Intent, type Scenario } from '../engine';
import { GameSession, type PersistedGame } from '../machine/session';
import { Authority, type IntentMessage } from '../net/authority';
import type { Ack, ChatLine, ClockedStep, PublicNote, Role, RoomAction, WhiteCellAct } from '../net/protocol';
import { chatRefusal } from './chatLimits';
import type { RoomStore, SeatRow } from './db';
import { actionEvent, chatEvent, type ChatMessage } from './roomActions';
import { expired, extendClock, nextClock, type ClockState } from './roomClock';
import {
  decodeEvent,
  initialRoomState,
  reduceRoom,
  type RoomEvent,
  type RoomState,
  type SeatState,
  type WhiteCellEntry,
} from './roomEvents';
import { RoomLog } from './roomLog';
import { exerciseObjectives, type EvaluationEntry, type EvaluationGuide } from '../report/evaluation';
import { describeAct, recordEntry, undoEvent } from './whiteCellRecord';

export const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('hex');
export const newSecret = () => randomBytes(24).toString('base64url');

export type Seat = SeatState;

export interface Change {
  view?: boolean;
  room?: boolean;
  chat?: ChatLine;
  thinking?: boolean;
  notes?: boolean;
  /** The White Cell's evaluation guide was saved (pushed to every facilitator page of the room). */
  evaluation?: boolean;
  /** Seats whose devices must be disconnected (their tokens were revoked). */
  revoked?: string;
  /** One token withdrawn from a seat: only the devices that joined with it leave the seat. */
  revokedToken?: string;
}

export interface RoomInit {
  code: string;
  scenario: Scenario;
  seed: number;
  keyHash: string;
  createdAt: number;
  updatedAt?: number;
}

export class Room {
  readonly code: string;
  readonly scenario: Scenario;
  readonly seed: number;
  readonly keyHash: string;
  readonly scenarioKey: string;
  session: GameSession;
  readonly log: RoomLog;
  readonly authority: Authority;
  private current: RoomState;
  notes: PublicNote[] = [];
  thinking = new Set<string>();
  /** Devices connected now, by socket id. */
  devices = new Map<string, { role: Role; name: string }>();
  private listeners = new Set<(c: Change) => void>();
  disposed = false;
  /** Called by the AI driver when the room may need it (set by the registry). */
  drive: (() => void) | null = null;
  /** Set while a clock's expiry is being handled. */
  expiring = false;
  /** Sends what the AI seats decided and held for the room's pace (set by the registry): a step never closes without them. */
  beforeClose: (() => void) | null = null;
  /**
   * A class's moderation of its students' messages: 'send', 'hold' (for the moderator's
   * approval) or the reason it is refused. Null: every message goes through.
   */
  chatPolicy: ((line: ChatLine, state: GameState) => 'send' | 'hold' | string) | null = null;
  /**
   * Extra time (ms) the open step gets once when its clock runs out, for a team with an
   * accommodation that has not finished the step; 0 when none needs it. Null: none.
   */
  clockGrace: ((state: GameState) => number) | null = null;
  private gracedStep = '';

  constructor(
    init: RoomInit,
    db: RoomStore,
    readonly now: () => number,
  ) {
    this.code = init.code;
    this.scenario = init.scenario;
    this.seed = init.seed;
    this.keyHash = init.keyHash;
    this.scenarioKey = `${init.scenario.id}:${hashSecret(JSON.stringify(init.scenario)).slice(0, 12)}`;
    this.session = GameSession.start(init.scenario, init.seed);
    this.current = initialRoomState(catalog(init.scenario).delegationIds);
    this.log = new RoomLog(init.code, db, now, init.updatedAt ?? init.createdAt, () => ({
      round: this.session.state.round,
      step: this.session.state.step,
    }));
    this.authority = new Authority(() => this.session, this.log, {
      started: () => this.started,
      playedByAi: (d) => this.seats.get(d)?.mode === 'ai',
      closed: () => this.disposed,
    });
    this.authority.onAccepted = () => {
      this.syncClock();
      this.emit({ view: true, room: true });
    };
  }

  // ——— what the room is: the fold of its log ———

  get state(): GameState {
    return this.session.state;
  }
  get version() {
    return this.log.version;
  }
  get stepVersion() {
    return this.authority.stepVersion;
  }
  get lastEventAt() {
    return this.log.lastEventAt;
  }
  get started() {
    return this.current.started;
  }
  get seats(): ReadonlyMap<string, Seat> {
    return this.current.seats;
  }
  get clocks(): Readonly<Record<ClockedStep, number | null>> {
    return this.current.clocks;
  }
  get onExpiry() {
    return this.current.onExpiry;
  }
  get pace() {
    return this.current.pace;
  }
  get projector() {
    return this.current.projector;
  }
  get clock(): ClockState | null {
    return this.current.clock;
  }
  get chat(): readonly ChatLine[] {
    return this.current.chat;
  }
  /** The White Cell's record of the room: seats, clocks and pace it changed, with times and reasons. */
  get record(): readonly WhiteCellEntry[] {
    return this.current.record;
  }
  personaOf(delegation: string): Persona {
    return this.seats.get(delegation)?.persona ?? DEFAULT_PERSONA;
  }

  subscribe(fn: (c: Change) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  announceThinking() {
    this.emit({ thinking: true });
  }

  private emit(c: Change) {
    for (const l of this.listeners) l(c);
  }

  /** Logs a room event, then folds it in: the same reducer as a restore. */
  private commit(e: RoomEvent, msgId: string | null) {
    const next = reduceRoom(this.current, e);
    this.log.append(e, msgId, seatRows(next, e));
    this.current = next;
  }

  /**
   * Rebuilds the room from its log: every room event in order, and the accepted intents — from
   * the machine's last snapshot on, when there is one (it was taken as a round began).
   */
  restore(
    events: Array<{ seq: number; kind: string; msgId: string | null; body: unknown }>,
    snapshot: { version: number; body: string } | null = null,
  ) {
    if (snapshot) {
      this.session.stop();
      this.session = GameSession.restore(this.scenario, JSON.parse(snapshot.body) as PersistedGame);
    }
    let intents = 0;
    for (const row of events) {
      let e: RoomEvent;
      try {
        e = decodeEvent(row.kind, row.body);
      } catch (err) {
        throw new Error(`room ${this.code}: event ${row.seq}: ${(err as Error).message}`, { cause: err });
      }
      this.log.replayed(row.seq);
      if (e.kind === 'intent') {
        intents += 1;
        const inSnapshot = snapshot !== null && row.seq <= snapshot.version;
        const problem = inSnapshot ? null : this.authority.replay(e.intent, row.seq);
        if (problem) throw new Error(`room ${this.code}: logged intent refused on restore: ${problem}`);
      } else this.current = reduceRoom(this.current, e);
      if (snapshot && row.seq === snapshot.version) this.authority.stepVersion = snapshot.version;
    }
    if (snapshot && this.session.log.length !== intents) throw new Error(`room ${this.code}: the snapshot does not match the log`);
  }

  // ——— what clients send ———

  /** An intent from a device: the authority judges it (schema, seat, staleness, the engine). */
  receiveIntent(role: Role, by: string, msg: IntentMessage): Ack {
    if (role.kind === 'facilitator' && (msg.intent as { type?: unknown } | null)?.type === 'step.close' && this.beforeClose) {
      // The AI seats' held last words go in first; when they finish the step, it is closed as asked.
      const where = `${this.state.round}:${this.state.step}`;
      this.beforeClose();
      if (`${this.state.round}:${this.state.step}` !== where) return { ok: true };
    }
    return this.authority.receive(role, by, msg);
  }

  /** Applies an intent of the room itself (its AI seats, its clock); accepted ones are logged before anyone hears of them. */
  apply(intent: Intent, msgId: string | null): Ack {
    return this.authority.apply(intent, msgId);
  }

  claim(delegation: string, name: string): Ack<{ token: string }> {
    const seat = this.seats.get(delegation);
    if (!seat) return { ok: false, code: 'not-found', reason: `no delegation "${delegation}" in this scenario` };
    if (seat.team !== null)
      return { ok: false, code: 'forbidden', reason: `${delegation} is already held by ${seat.team}; ask them for their team link` };
    const token = newSecret();
    this.commit({ kind: 'claim', delegation, team: name, tokenHash: hashSecret(token) }, null);
    this.emit({ room: true });
    return { ok: true, token };
  }

  /** A class seats its student: the token's hash opens the seat at once (no claim step); `team` names the seat's team. */
  seatStudent(delegation: string, team: string, tokenHash: string): Ack {
    if (!this.seats.has(delegation)) return { ok: false, code: 'not-found', reason: `no delegation "${delegation}" in this scenario` };
    this.commit({ kind: 'claim', delegation, team, tokenHash }, null);
    this.emit({ room: true });
    this.drive?.();
    return { ok: true };
  }

  /** A class takes its student off a seat: their token stops opening it; the last one leaves the seat to the AI. */
  unseatStudent(delegation: string, tokenHash: string, team: string | null): Ack {
    const seat = this.seats.get(delegation);
    if (!seat || !seat.tokens.includes(tokenHash)) return { ok: false, code: 'not-found', reason: 'that student does not hold this seat' };
    this.commit({ kind: 'unclaim', delegation, tokenHash, team }, null);
    this.emit({ room: true, revokedToken: tokenHash });
    this.drive?.();
    return { ok: true };
  }

  /** The seat a token opens, if any. */
  seatOf(token: string): string | null {
    const h = hashSecret(token);
    for (const s of this.seats.values()) if (s.tokens.includes(h)) return s.delegation;
    return null;
  }

  isFacilitatorKey(key: string) {
    return hashSecret(key) === this.keyHash;
  }

  /** Personas chosen as the room is made (no message id: the room's creation carries them). */
  choosePersonas(personas: Record<string, Persona>) {
    for (const [delegation, persona] of Object.entries(personas))
      if (this.seats.has(delegation)) this.commit({ kind: 'persona', delegation, persona }, null);
  }

  /** A facilitator's action on the room: validated here, then one logged event. */
  action(msgId: string, a: RoomAction): Ack {
    if (this.log.accepted(msgId)) return { ok: true };
    if (a.kind === 'undo') return this.undo(msgId, a);
    const event = actionEvent(this.current, a, this.now());
    if ('ok' in event) return event;
    const entry = recordEntry(
      this.current,
      a,
      this.now(),
      { round: this.state.round, step: this.state.step },
      (d) => catalog(this.scenario).delegation.get(d)?.name ?? d,
    );
    this.commit(event, msgId);
    if (entry) this.commit({ kind: 'whiteCell', entry }, null);
    if (a.kind === 'clock' && a.minutes === null && this.clock?.step === a.step) this.setClock(null);
    this.syncClock();
    this.emit({ room: true });
    if (a.kind === 'releaseSeat') this.emit({ revoked: a.delegation });
    this.drive?.();
    return { ok: true };
  }

  /** Undoes a White Cell act of this round (rules §10): a game act by the engine's undo, a room act by its inverse event. */
  private undo(msgId: string, a: Extract<RoomAction, { kind: 'undo' }>): Ack {
    const [where, num] = a.act.split(':');
    const n = Number(num);
    const reason = a.reason?.trim() ? a.reason.trim() : undefined;
    if (where === 'game') {
      const r = this.authority.apply({ type: 'facilitator.undo', actor: 'facilitator', seq: n, ...(reason ? { reason } : {}) }, msgId);
      if (r.ok) this.drive?.();
      return r;
    }
    const now = this.now();
    const at = { round: this.state.round, step: this.state.step };
    const event = undoEvent(this.current, n, now, at);
    if ('ok' in event) return event;
    const target = this.current.record[n];
    // A seat put back drops whoever took it since (a claimer's device, a token no longer listed): they lose the seat's view now.
    const seat = event.kind === 'seat' ? this.seats.get(event.delegation) : undefined;
    const displaced =
      event.kind === 'seat' &&
      seat !== undefined &&
      (seat.tokens.some((t) => !event.tokens.includes(t)) || (seat.team !== null && seat.team !== event.team));
    this.commit(event, msgId);
    this.commit(
      { kind: 'whiteCell', entry: { at: now, ...at, text: `Undid: ${target?.text ?? ''}`, undoes: n, ...(reason ? { reason } : {}) } },
      null,
    );
    this.syncClock();
    this.emit({ room: true, ...(displaced && event.kind === 'seat' ? { revoked: event.delegation } : {}) });
    this.drive?.();
    return { ok: true };
  }

  /** An undo as the console lists it: what it undid, and every later intent it dropped, with why. */
  private undoText(seq: number): string {
    const prefix = droppedPrefix(seq);
    const drops = this.state.events.filter((e) => e.kind === 'undo' && e.audience === 'secret' && e.text.startsWith(prefix));
    const undid = `Undid entry #${seq}.`;
    return drops.length ? `${undid} ${drops.map((e) => `Dropped${e.text.slice(prefix.length)}`).join(' ')}` : undid;
  }

  /** The White Cell's acts as the console lists them: the game's rulings, reveals and injects, and the room's record. */
  whiteCellActs(): WhiteCellAct[] {
    const open = new Set(this.session.undoableSeqs);
    const undone = new Set(this.session.log.flatMap((e) => (e.intent.type === 'facilitator.undo' ? [e.intent.seq] : [])));
    const game: WhiteCellAct[] = this.session.log.flatMap((e) =>
      isUndoable(e.intent) || e.intent.type === 'facilitator.undo'
        ? [
            {
              id: `game:${e.seq}`,
              round: e.round,
              step: '',
              at: null,
              text: e.intent.type === 'facilitator.undo' ? this.undoText(e.intent.seq) : describeAct(this.scenario, e.intent),
              reason: 'reason' in e.intent && e.intent.reason ? e.intent.reason : null,
              undoable: open.has(e.seq),
              undone: undone.has(e.seq),
              isUndo: e.intent.type === 'facilitator.undo',
            },
          ]
        : [],
    );
    const room: WhiteCellAct[] = this.current.record.map((e, i) => ({
      id: `room:${i}`,
      round: e.round,
      step: e.step,
      at: e.at,
      text: e.text,
      reason: e.reason ?? null,
      undoable: e.was !== undefined && !e.undone && e.round === this.state.round && this.state.outcome === null,
      undone: e.undone === true,
      isUndo: e.undoes !== undefined,
    }));
    // By round; within a round the game's acts (the log has no wall time for them here), then the room's.
    return [...game, ...room].sort((x, y) => x.round - y.round);
  }

  sendChat(role: Role, by: string, msg: ChatMessage): Ack {
    if (this.log.accepted(msg.id)) return { ok: true };
    const event = chatEvent(this.current, role, by, msg, this.now(), { round: this.state.round, step: this.state.step });
    if ('ok' in event) return event;
    const full = chatRefusal(this.chat, event.line.from, event.line.text);
    if (full) return { ok: false, code: 'refused', reason: full };
    const verdict = role.kind === 'seat' && this.chatPolicy ? this.chatPolicy(event.line, this.state) : 'send';
    if (verdict === 'hold') {
      this.commit({ kind: 'held', line: event.line }, msg.id);
      this.emit({ room: true });
      return { ok: true };
    }
    if (verdict !== 'send') return { ok: false, code: 'refused', reason: verdict };
    this.commit(event, msg.id);
    this.emit({ chat: event.line });
    return { ok: true };
  }

  /**
   * The facilitator's language model for this room's AI messages. Kept in memory only, never as a
   * room event: its key is in no log, export or replay (after a restart the facilitator sets it again).
   */
  talkModel: ModelSettings | null = null;

  /** A press item (a class's press seat): a message to everyone from 'press', held for the moderator when `hold`. */
  pressItem(id: string, by: string, text: string, hold: boolean): Ack {
    if (this.log.accepted(id)) return { ok: true };
    if (this.session.done) return { ok: false, code: 'refused', reason: 'the game at this table is over' };
    const full = chatRefusal(this.chat, 'press', text);
    if (full) return { ok: false, code: 'refused', reason: full };
    const line: ChatLine = { id, at: this.now(), from: 'press', by, to: 'all', text, round: this.state.round, step: this.state.step };
    this.commit(hold ? { kind: 'held', line } : { kind: 'chat', line }, id);
    this.emit(hold ? { room: true } : { chat: line });
    return { ok: true };
  }

  get held(): readonly ChatLine[] {
    return this.current.held;
  }

  /** The moderator lets a held message through (it reaches its readers now) or rejects it. */
  release(id: string, approved: boolean): Ack {
    const line = this.current.held.find((l) => l.id === id);
    if (!line) return { ok: false, code: 'not-found', reason: 'no such message waiting for approval' };
    this.commit({ kind: 'released', id, approved }, null);
    if (approved) {
      this.commit({ kind: 'chat', line }, null);
      this.emit({ chat: line });
    }
    this.emit({ room: true });
    return { ok: true };
  }

  /** The White Cell's exercise evaluation guide (the facilitator's only: never in a view or a team's update). */
  get evaluation(): EvaluationGuide {
    return this.current.evaluation;
  }

  /** Saves the White Cell's evaluation of one exercise objective, as one logged event (it survives a restart). */
  saveEvaluation(msgId: string, objective: string, entry: EvaluationEntry): Ack<{ evaluation: EvaluationGuide }> {
    if (this.log.accepted(msgId)) return { ok: true, evaluation: this.evaluation };
    if (!exerciseObjectives(this.scenario).some((o) => o.id === objective))
      return { ok: false, code: 'not-found', reason: `the scenario has no exercise objective "${objective}"` };
    this.commit({ kind: 'evaluation', objective, entry }, msgId);
    // A second console (an evaluator beside the controller) sees the saved notes without a reload.
    this.emit({ evaluation: true });
    return { ok: true, evaluation: this.evaluation };
  }

  /** A moderation rule set for this room, written into its log. */
  noteModeration(text: string) {
    this.commit({ kind: 'moderation', text }, null);
  }

  // ——— clocks ———

  private setClock(c: ClockState | null) {
    if (c !== this.clock) this.commit({ kind: 'clock', clock: c }, null);
  }

  syncClock() {
    this.setClock(nextClock(this.clock, this.clocks, this.state, this.started, this.now()));
  }

  /** Called often by the registry: closes the open step when its clock ran out. */
  tick(closeWithAi: (room: Room) => Promise<void>) {
    if (this.expiring || !expired(this.clock, this.now())) return;
    const stepKey = `${this.state.round}:${this.state.step}`;
    const grace = this.clock && this.clockGrace && this.gracedStep !== stepKey ? this.clockGrace(this.state) : 0;
    if (grace > 0 && this.clock) {
      // Once per step: the others wait only for what the accommodated team still needs.
      this.gracedStep = stepKey;
      this.commit({ kind: 'clock', clock: extendClock(this.clock, grace / 60_000, this.now()) }, null);
      this.emit({ room: true });
      return;
    }
    // The AI seats' held decisions go in first; if they moved the game on, this clock is gone.
    this.beforeClose?.();
    if (!expired(this.clock, this.now())) return;
    this.expiring = true;
    const where = () => `${this.state.round}:${this.state.step}:${this.session.done}`;
    const key = where();
    void (this.onExpiry === 'ai' ? closeWithAi(this) : Promise.resolve())
      .catch(() => undefined)
      .then(() => {
        if (where() === key && !this.disposed) this.apply({ type: 'step.close', actor: 'system' }, null);
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

/** The seats an event changed, for the data file's seats table (a projection for people who inspect it). */
function seatRows(s: RoomState, e: RoomEvent): SeatRow[] {
  const row = (seat: Seat): SeatRow => ({ delegation: seat.delegation, mode: seat.mode, team: seat.team });
  if (e.kind === 'start') return [...s.seats.values()].map(row);
  const seat = 'delegation' in e ? s.seats.get(e.delegation) : undefined;
  return seat ? [row(seat)] : [];
}
