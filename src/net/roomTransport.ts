// A room on the server, behind the same Transport as the local game: the interface sends
// intents and reads views the same way. Each intent carries a message id (the server applies it
// once, however often it is resent after a drop) and the version of the view it was made from.
// What is sent while the connection is down waits until the room is joined again, then leaves.
import { io, type Socket } from 'socket.io-client';
import { z } from 'zod/mini';
import type { TalkModelInfo, TalkModelInput } from '../ai/talk/model';
import type { GameView, Intent, Scenario } from '../engine';
import { normalizeCode } from './protocol';
import type {
  Ack,
  ChatLine,
  ChatTo,
  ClientToServer,
  PublicNote,
  Role,
  RoomAction,
  RoomInfo,
  ServerToClient,
  SyncMessage,
  UpdateMessage,
  WhiteCellAct,
} from './protocol';
import type { AiNote, Progress, SendResult, Transport } from './transport';
import { applyPatch } from './viewPatch';
import type { EvaluationEntry, EvaluationGuide } from '../report/evaluation';

export type JoinAs = { kind: 'facilitator'; key: string } | { kind: 'seat'; token: string } | { kind: 'lobby' } | { kind: 'projector' };

export interface RoomCredentials {
  code: string;
  as: JoinAs;
  name: string;
}

export type Connection = 'online' | 'reconnecting' | 'offline';

/** The envelope of what the server sends, checked before it is used. */
const envelope = z.object({
  version: z.int().check(z.minimum(0)),
  view: z.optional(z.object({ round: z.int(), step: z.string(), delegations: z.record(z.string(), z.unknown()) })),
  patch: z.optional(
    z.object({ from: z.int(), to: z.int(), set: z.record(z.string(), z.unknown()), append: z.record(z.string(), z.array(z.unknown())) }),
  ),
  room: z.optional(z.object({ code: z.string(), started: z.boolean(), seats: z.array(z.unknown()) })),
  messages: z.optional(z.array(z.object({ id: z.string(), text: z.string(), from: z.string() }))),
  acts: z.optional(z.array(z.object({ id: z.string(), round: z.int(), text: z.string(), undoable: z.boolean() }))),
});

const ACK_TIMEOUT_MS = 8000;
let counter = 0;
const newId = () => {
  const rnd = globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  return `${rnd}-${++counter}`;
};

type IoClient = Socket<ServerToClient, ClientToServer>;

/** A join the server asked to wait is tried again after one to three seconds (spread, so a class does not come back at once). */
const retryDelay = () => 1000 + Math.random() * 2000;

/** Long polling first (school networks often block WebSockets), then the upgrade; quick retries. */
const OPTIONS = { transports: ['polling', 'websocket'], reconnectionDelay: 500, reconnectionDelayMax: 3000 };
/**
 * The room's code rides in every request's query (?room=CODE): a proxy in front of several
 * server processes can route a room's requests by it, with no stickiness by address.
 */
const connect = (url?: string, room?: string): IoClient => {
  const opts = room ? { ...OPTIONS, query: { room } } : OPTIONS;
  return url ? io(url, opts) : io(opts);
};

export class RoomTransport implements Transport {
  scenario: Scenario;
  /** Which scenario this page holds (sent back when it joins again, so the server need not send it). */
  private scenarioKey: string;
  role: Role;
  version: number;
  room: RoomInfo;
  messages: ChatLine[];
  /** Older chat lines are on the server (loadOlderMessages fetches a page). */
  olderMessages: boolean;
  notes: PublicNote[];
  /** The White Cell's acts (a facilitator's page only). */
  acts: WhiteCellAct[] = [];
  /** The White Cell's evaluation guide as last loaded, saved or pushed by the server (a facilitator's page only). */
  evaluation: EvaluationGuide | null = null;
  connection: Connection = 'online';
  /** The server's addresses on the local network. */
  addresses: string[];
  /** Server time minus this device's time, so every device shows the same clock. */
  skewMs = 0;
  private latest: GameView;
  private viewSeq: number;
  private busy: string[];
  private listeners = new Set<() => void>();
  private noticeListeners = new Set<(n: { kind: 'error' | 'info'; text: string }) => void>();
  private disposed = false;
  /** In the room now: connected, and joined again after the last drop. */
  private joined = true;
  /** Sends waiting for the rejoin; each learns whether the room was joined again. */
  private waiting: Array<(joined: boolean) => void> = [];

  private constructor(
    private readonly socket: IoClient,
    public credentials: RoomCredentials,
    first: SyncMessage,
  ) {
    if (!first.scenario) throw new Error('the first picture of a room carries its scenario');
    this.scenario = first.scenario;
    this.scenarioKey = first.scenarioKey;
    this.role = first.role;
    this.version = first.version;
    this.room = first.room;
    this.messages = first.messages;
    this.olderMessages = first.olderMessages;
    this.notes = first.notes;
    this.acts = first.acts ?? [];
    this.latest = first.view;
    this.viewSeq = first.viewSeq;
    this.addresses = first.addresses;
    this.busy = first.thinking;
    this.skewMs = first.room.now - Date.now();
    socket.on('sync', (m) => this.onSync(m));
    socket.on('update', (m) => this.onUpdate(m));
    socket.on('notice', (n) => {
      for (const l of this.noticeListeners) l(n);
    });
    socket.on('disconnect', (reason) => {
      this.joined = false;
      // The server dropped us on purpose (a released seat, a closed room): no reconnection.
      this.connection = reason === 'io server disconnect' ? 'offline' : 'reconnecting';
      if (this.connection === 'offline') this.release(false);
      this.changed();
    });
    // Every connection after the first one (socket.io reconnected): join the room again first.
    socket.on('connect', () => void this.rejoin());
  }

  /** Connects, joins the room and waits for its first picture. */
  static open(credentials: RoomCredentials, url?: string): Promise<RoomTransport> {
    const socket = connect(url, normalizeCode(credentials.code));
    return new Promise((resolve, reject) => {
      let done = false;
      const fail = (reason: string) => {
        if (done) return;
        done = true;
        socket.close();
        reject(new Error(reason));
      };
      const timer = setTimeout(() => fail('the server does not answer'), 15_000);
      socket.once('sync', (m) => {
        if (done) return;
        if (!envelope.safeParse(m).success) return fail('the server sent something this page does not understand');
        done = true;
        clearTimeout(timer);
        resolve(new RoomTransport(socket, credentials, m));
      });
      const join = () =>
        socket
          .timeout(ACK_TIMEOUT_MS)
          .emitWithAck('room.join', { code: credentials.code, as: credentials.as, name: credentials.name })
          .then((r: Ack<{ role: Role }>) => {
            // A whole class joining at once: the server asks some to wait a moment.
            if (!r.ok && r.code === 'throttled') setTimeout(() => void join(), retryDelay());
            else if (!r.ok) fail(r.reason);
          })
          .catch(() => fail('the server does not answer'));
      socket.once('connect', () => void join());
      socket.once('connect_error', () => fail('cannot reach the server'));
    });
  }

  /**
   * Creates a room (the caller becomes its facilitator). `serverKey`: the server's facilitator
   * key (INTERLOCK_FACILITATOR_KEY), which passes the per-address limit and the reserve.
   */
  static async create(name: string, url?: string, serverKey?: string): Promise<{ code: string; key: string }> {
    const socket = connect(url);
    try {
      const r: Ack<{ code: string; key: string }> = await socket
        .timeout(ACK_TIMEOUT_MS)
        .emitWithAck('room.create', serverKey ? { name, key: serverKey } : { name });
      if (!r.ok) throw new Error(r.reason);
      return { code: r.code, key: r.key };
    } finally {
      socket.close();
    }
  }

  private async rejoin() {
    const r = (await this.socket
      .timeout(ACK_TIMEOUT_MS)
      .emitWithAck('room.join', {
        code: this.credentials.code,
        as: this.credentials.as,
        name: this.credentials.name,
        // The scenario this page holds: the server leaves it out of the sync if it is still the one.
        scenarioKey: this.scenarioKey,
      })
      .catch(() => null)) as Ack<{ role: Role }> | null;
    if (r?.ok) {
      this.joined = true;
      this.release(true);
    } else if (r && r.code === 'throttled') {
      setTimeout(() => {
        if (!this.disposed && this.socket.connected && !this.joined) void this.rejoin();
      }, retryDelay());
    } else if (r) {
      this.connection = 'offline';
      this.release(false);
      for (const l of this.noticeListeners) l({ kind: 'error', text: `Could not rejoin the room: ${r.reason}` });
      this.changed();
    }
    // No answer: the connection dropped again, and its next 'connect' tries again.
  }

  private release(joined: boolean) {
    const w = this.waiting;
    this.waiting = [];
    for (const f of w) f(joined);
  }

  /** Resolves once the room is joined (true), or when it cannot be any more (false). */
  private inRoom(): Promise<boolean> {
    if (this.disposed || this.connection === 'offline') return Promise.resolve(false);
    if (this.joined && this.socket.connected) return Promise.resolve(true);
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private onSync(m: SyncMessage) {
    if (!envelope.safeParse(m).success) return;
    if (m.scenario) this.scenario = m.scenario;
    this.scenarioKey = m.scenarioKey;
    this.role = m.role;
    this.version = m.version;
    this.room = m.room;
    this.messages = m.messages;
    this.olderMessages = m.olderMessages;
    this.notes = m.notes;
    this.acts = m.acts ?? [];
    this.latest = m.view;
    this.viewSeq = m.viewSeq;
    this.busy = m.thinking;
    this.skewMs = m.room.now - Date.now();
    this.connection = 'online';
    this.changed();
  }

  private onUpdate(m: UpdateMessage) {
    if (!envelope.safeParse(m).success) return;
    if (m.patch) {
      if (m.patch.from === this.viewSeq) {
        this.latest = applyPatch(this.latest, m.patch);
        this.viewSeq = m.patch.to;
      } else if (m.patch.to > this.viewSeq) {
        // A patch for a view this page does not hold: ask for the whole picture.
        void this.socket
          .timeout(ACK_TIMEOUT_MS)
          .emitWithAck('room.sync', {})
          .catch(() => undefined);
      }
    }
    if (m.scenario) {
      this.scenario = m.scenario;
      this.scenarioKey = m.scenarioKey ?? '';
    }
    if (m.room) {
      this.room = m.room;
      this.skewMs = m.room.now - Date.now();
    }
    if (m.messages) {
      const known = new Set(this.messages.map((l) => l.id));
      this.messages = [...this.messages, ...m.messages.filter((l) => !known.has(l.id))];
    }
    if (m.notes) this.notes = m.notes;
    if (m.acts) this.acts = m.acts;
    if (m.evaluation) this.evaluation = m.evaluation;
    if (m.thinking) this.busy = m.thinking;
    this.version = Math.max(this.version, m.version);
    this.changed();
  }

  view(): GameView {
    return this.latest;
  }

  progress(): Progress {
    return { round: this.latest.round, step: this.latest.step, outcome: this.latest.outcome, changes: this.version };
  }

  /**
   * Sends a message and waits for its answer. While the connection is down it waits for the
   * rejoin (socket.io's own buffer would deliver it before the join, to a connection in no room);
   * an answer lost in a drop is asked for again with the same id, so it is applied once.
   */
  private async call<T extends object>(
    event:
      | 'intent'
      | 'chat.send'
      | 'chat.older'
      | 'room.action'
      | 'seat.claim'
      | 'log.download'
      | 'room.model'
      | 'evaluation.get'
      | 'evaluation.save',
    payload: object,
  ): Promise<Ack<T>> {
    for (let attempt = 0; attempt < 4; attempt++) {
      // Checked again right before sending: the connection may have dropped while waiting.
      while (!this.joined || !this.socket.connected)
        if (!(await this.inRoom())) return { ok: false, code: 'unavailable', reason: 'the room is not reachable any more' };
      if (this.disposed) return { ok: false, code: 'unavailable', reason: 'the room was left' };
      try {
        return (await this.socket.timeout(ACK_TIMEOUT_MS).emitWithAck(event, payload as never)) as Ack<T>;
      } catch {
        // No answer in time: sent again once the room is joined (at once if it still is).
      }
    }
    return { ok: false, code: 'unavailable', reason: 'the server does not answer; try again' };
  }

  /** Fetches the page of chat lines before the oldest this page holds. */
  async loadOlderMessages(): Promise<SendResult> {
    const oldest = this.messages[0];
    if (!oldest || !this.olderMessages) return { ok: true };
    const r = await this.call<{ messages: ChatLine[]; more: boolean }>('chat.older', { before: oldest.id });
    if (!r.ok) return { ok: false, reason: r.reason };
    const known = new Set(this.messages.map((l) => l.id));
    this.messages = [...r.messages.filter((l) => !known.has(l.id)), ...this.messages];
    this.olderMessages = r.more;
    this.changed();
    return { ok: true };
  }

  async send(intent: Intent): Promise<SendResult> {
    const r = await this.call('intent', { id: newId(), version: this.version, intent });
    return r.ok ? { ok: true } : { ok: false, reason: r.reason };
  }

  async chat(to: ChatTo, text: string): Promise<SendResult> {
    const r = await this.call('chat.send', { id: newId(), to, text });
    return r.ok ? { ok: true } : { ok: false, reason: r.reason };
  }

  async action(action: RoomAction): Promise<SendResult> {
    const r = await this.call('room.action', { id: newId(), action });
    return r.ok ? { ok: true } : { ok: false, reason: r.reason };
  }

  /** From the lobby: claims a delegation; the seat's token comes back (kept for reloads). */
  async claim(delegation: string, name: string): Promise<{ ok: true; token: string } | { ok: false; reason: string }> {
    const r = await this.call<{ token: string }>('seat.claim', { delegation, name });
    if (!r.ok) return { ok: false, reason: r.reason };
    this.credentials = { ...this.credentials, as: { kind: 'seat', token: r.token }, name };
    return { ok: true, token: r.token };
  }

  /** The facilitator's language model for the room: `set` replaces it (null: none); without, only asks. Never returns the key. */
  async talkModel(set?: TalkModelInput | null): Promise<Ack<{ model: TalkModelInfo | null; server: boolean }>> {
    return this.call<{ model: TalkModelInfo | null; server: boolean }>('room.model', set === undefined ? {} : { set });
  }

  async downloadLog(): Promise<{ ok: true; log: unknown } | { ok: false; reason: string }> {
    const r = await this.call<{ log: unknown }>('log.download', {});
    return r.ok ? { ok: true, log: r.log } : { ok: false, reason: r.reason };
  }

  /** The White Cell's evaluation guide as the server holds it (the facilitator's). */
  async loadEvaluation(): Promise<{ ok: true; evaluation: EvaluationGuide } | { ok: false; reason: string }> {
    const r = await this.call<{ evaluation: EvaluationGuide }>('evaluation.get', {});
    if (r.ok) this.evaluation = r.evaluation;
    return r.ok ? { ok: true, evaluation: r.evaluation } : { ok: false, reason: r.reason };
  }

  /** Saves the evaluation of one exercise objective; the guide as saved comes back. */
  async saveEvaluation(
    objective: string,
    entry: EvaluationEntry,
  ): Promise<{ ok: true; evaluation: EvaluationGuide } | { ok: false; reason: string }> {
    const r = await this.call<{ evaluation: EvaluationGuide }>('evaluation.save', { id: newId(), objective, entry });
    if (r.ok) this.evaluation = r.evaluation;
    return r.ok ? { ok: true, evaluation: r.evaluation } : { ok: false, reason: r.reason };
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onNotice(listener: (n: { kind: 'error' | 'info'; text: string }) => void): () => void {
    this.noticeListeners.add(listener);
    return () => this.noticeListeners.delete(listener);
  }

  thinking(): readonly string[] {
    return this.busy;
  }

  aiNotes(): readonly AiNote[] {
    return this.notes;
  }

  private changed() {
    for (const l of this.listeners) l();
  }

  dispose() {
    this.disposed = true;
    this.release(false);
    this.listeners.clear();
    this.noticeListeners.clear();
    this.socket.close();
  }
}
