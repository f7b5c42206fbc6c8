// The socket.io side of the server: who a connection is (lobby, seat, facilitator, projector),
// the checks every message passes (allowance, size, schema), and the fan-out of each room's
// changes, one view per audience, to the connections that may see it.
import type { Server, Socket } from 'socket.io';
import { scenarioFor, scenarioVersion, type Audience, type GameState, type GameView, type Scenario } from '../engine';
import { modelInfo, modelSettings } from '../ai/talk/model';
import {
  chatMessage,
  claimMessage,
  createRoomMessage,
  evaluationSaveMessage,
  intentMessage,
  joinMessage,
  olderChatMessage,
  roomActionMessage,
  roomModelMessage,
} from './messages';
import {
  normalizeCode,
  type Ack,
  type ClientToServer,
  type ErrorCode,
  type Role,
  type ServerToClient,
  type UpdateMessage,
} from '../net/protocol';
import { hashSecret, type Change, type Room } from './room';
import { canRead, chatFor, logFile, notesFor, roomInfo } from './roomInfo';
import type { Rooms } from './rooms';
import { diffView } from '../net/viewPatch';
import { clientAddress, ClientGate, DEFAULT_LIMITS, type ClientLimits, type Identity } from './limits';
import { audienceKey, audienceOf, clientView } from './views';

type IoSocket = Socket<ClientToServer, ServerToClient>;
type Io = Server<ClientToServer, ServerToClient>;

export interface GatewayOptions {
  /** The allowances per address and per seat (limits.ts). */
  limits?: Partial<ClientLimits>;
  /** Whether the server has a language model of its own (INTERLOCK_TALK_MODEL_URL) for rooms that set none. */
  serverTalkModel?: boolean;
  /** Rooms the server holds at most; the last tenth is kept for creates with the facilitator key. */
  maxRooms?: number;
  /** INTERLOCK_FACILITATOR_KEY: a create carrying it passes the per-address limit and the reserve. */
  facilitatorKey?: string | null;
  /** Read the client's address from X-Forwarded-For (a proxy in front of the server). */
  trustProxy?: boolean;
  /** The server's base URLs on the local network, for join links. */
  addresses?: string[];
  /** Cluster mode: a connection held by another process, for a room this one owns (cluster/owner.ts). */
  remoteSocket?: (id: string) => IoSocket | undefined;
  /**
   * Cluster mode: holds what a room's clients are sent until the room's log writes before it are
   * durable (cluster/durability.ts); `lost` runs instead if the room could not write them. Without
   * it (one process over SQLite) every write is durable before it returns, and all leaves at once.
   */
  durable?: (room: string | null, send: () => void, lost?: () => void) => void;
  /**
   * Cluster mode: sends an update to a room channel's clients, here and on the processes that
   * relay some of them (cluster/owner.ts), instead of through socket.io's adapter.
   */
  broadcast?: (channel: string, msg: UpdateMessage) => void;
}

interface Conn {
  room: Room | null;
  role: Role | null;
  name: string;
  address: string;
  /** The hash of the seat token this connection joined with (a class may withdraw one token). */
  tokenHash?: string;
  /** The scenario its page said it holds when it joined (left out of the sync that follows if it still is the one). */
  holds?: string | undefined;
}

const AUDIENCES = (room: Room): Audience[] => [
  ...[...room.seats.keys()].map((id) => ({ kind: 'delegation', id }) as const),
  { kind: 'public' },
  { kind: 'facilitator' },
];

/** Whose allowance a message spends: its address's, or its address's in the seat it holds. */
function identity(conn: Conn): Identity {
  const role = conn.role;
  const seat =
    !conn.room || !role
      ? null
      : role.kind === 'seat'
        ? `${conn.room.code}:${role.delegation}`
        : role.kind === 'facilitator'
          ? `${conn.room.code}:facilitator`
          : null;
  return { address: conn.address, seat };
}

const channel = (room: Room, a: Audience) => `${room.code}|${audienceKey(a)}`;
/** Which scenario an audience of a room sees at a version of it (scenarioVersion): a page holding it need not be sent it again. */
const scenarioKeyOf = (room: Room, a: Audience, version: string) => `${channel(room, a)}|${version}`;
const fail = (code: ErrorCode, reason: string): Ack<never> => ({ ok: false, code, reason });

function firstProblem(r: { success: false; error: { issues: Array<{ path: PropertyKey[]; message: string }> } }): string {
  const p = r.error.issues[0];
  return p ? `${p.path.map(String).join('.') || '(message)'}: ${p.message}` : 'malformed message';
}

export class Gateway {
  private readonly conns = new Map<string, Conn>();
  private readonly pending = new Map<Room, { view: boolean; room: boolean; thinking: boolean; evaluation: boolean }>();
  /** The last view sent to each audience of each room, built once per state. */
  private readonly views = new WeakMap<Room, Map<string, { state: GameState; view: GameView; scenarioKey: string; scenario: Scenario }>>();
  /** What each channel was last sent: the view and its sequence number (patches follow from it). */
  /** How many of a room's AI notes its facilitator channel was last sent. */
  private readonly notesSent = new WeakMap<Room, number>();
  private readonly sent = new Map<string, { state: GameState; view: GameView; seq: number; scenarioKey: string }>();
  private readonly gate: ClientGate;

  constructor(
    private readonly io: Io,
    private readonly rooms: Rooms,
    private readonly opts: GatewayOptions = {},
  ) {
    this.gate = new ClientGate({ ...DEFAULT_LIMITS, ...opts.limits });
    rooms.onRoom = (room) => room.subscribe((c) => this.changed(room, c));
    rooms.onClose = (room) => {
      this.forget(room.code);
      for (const a of AUDIENCES(room)) this.io.in(channel(room, a)).disconnectSockets(true);
    };
    for (const room of rooms.rooms.values()) room.subscribe((c) => this.changed(room, c));
    io.on('connection', (socket) => this.connect(socket));
  }

  /** Sends what depends on the room's log once the log holds it (at once over SQLite). */
  private out(room: Room | null, send: () => void, lost?: () => void) {
    if (this.opts.durable) this.opts.durable(room?.code ?? null, send, lost);
    else send();
  }

  /** Forgets the views a room's channels were sent (the room left this process). */
  forget(code: string) {
    for (const key of this.sent.keys()) if (key.startsWith(`${code}|`)) this.sent.delete(key);
  }

  private socketById(id: string): IoSocket | undefined {
    return this.io.sockets.sockets.get(id) ?? this.opts.remoteSocket?.(id);
  }

  /** A new connection: its messages pass the gate, then their handlers (public: cluster mode connects relayed ones). */
  connect(socket: IoSocket) {
    const address = clientAddress(socket.handshake.address, socket.handshake.headers['x-forwarded-for'], !!this.opts.trustProxy);
    const conn: Conn = { room: null, role: null, name: 'guest', address };
    this.conns.set(socket.id, conn);
    socket.on('disconnect', () => {
      this.leave(socket, conn);
      this.conns.delete(socket.id);
    });
    const on = <K extends keyof ClientToServer>(event: K, handle: (m: unknown) => Ack<object>, picture = false) => {
      socket.on(event, ((m: unknown, ack: unknown) => {
        const answer = typeof ack === 'function' ? (ack as (r: Ack<object>) => void) : () => undefined;
        // Answered once the room's log holds what the message did (an acknowledgement is a promise).
        const reply = (r: Ack<object>) =>
          this.out(
            conn.room,
            () => answer(r),
            () => answer(fail('unavailable', 'the room moved to another server before this was saved: send it again')),
          );
        const verdict = this.gate.admit(identity(conn), m, picture);
        if (verdict.cut) socket.disconnect(true);
        const refused = verdict.refusal;
        if (refused) return reply(refused);
        try {
          reply(handle(m));
        } catch (err) {
          reply(fail('unavailable', `the server failed: ${(err as Error).message}`));
        }
      }) as never);
    };
    on('room.create', (m) => this.create(conn, m));
    on('room.join', (m) => this.join(socket, conn, m), true);
    on('seat.claim', (m) => this.claim(socket, conn, m));
    on('intent', (m) => this.intent(conn, m));
    on('chat.send', (m) => this.chat(conn, m));
    on('room.action', (m) => this.action(conn, m));
    on('chat.older', (m) => {
      const r = olderChatMessage.safeParse(m);
      if (!r.success) return fail('malformed', firstProblem(r));
      if (!conn.room || !conn.role) return fail('forbidden', 'join a room first');
      return { ok: true, ...chatFor(conn.room, conn.role, r.data.before) };
    });
    on(
      'room.sync',
      () => {
        if (!conn.room || !conn.role) return fail('forbidden', 'join a room first');
        this.sendSync(conn, socket);
        return { ok: true };
      },
      true,
    );
    on('evaluation.get', () => {
      if (!conn.room || conn.role?.kind !== 'facilitator') return fail('forbidden', 'only the facilitator reads the evaluation guide');
      return { ok: true, evaluation: conn.room.evaluation };
    });
    on('evaluation.save', (m) => {
      const r = evaluationSaveMessage.safeParse(m);
      if (!r.success) return fail('malformed', firstProblem(r));
      if (!conn.room || conn.role?.kind !== 'facilitator') return fail('forbidden', 'only the facilitator fills in the evaluation guide');
      return conn.room.saveEvaluation(r.data.id, r.data.objective, r.data.entry);
    });
    on('room.model', (m) => {
      const r = roomModelMessage.safeParse(m);
      if (!r.success) return fail('malformed', firstProblem(r));
      const room = conn.room;
      if (!room || conn.role?.kind !== 'facilitator') return fail('forbidden', 'only the facilitator sets the room’s language model');
      if (r.data.set !== undefined) room.talkModel = r.data.set === null ? null : modelSettings(r.data.set);
      return { ok: true, model: room.talkModel ? modelInfo(room.talkModel) : null, server: this.opts.serverTalkModel === true };
    });
    on('log.download', () => {
      if (!conn.room || conn.role?.kind !== 'facilitator') return fail('forbidden', 'only the facilitator downloads the log');
      return { ok: true, log: logFile(conn.room) };
    });
  }

  private create(conn: Conn, m: unknown): Ack<{ code: string; key: string }> {
    const r = createRoomMessage.safeParse(m);
    if (!r.success) return fail('malformed', firstProblem(r));
    const refused = this.mayCreate(conn, r.data.key);
    if (refused) return refused;
    const { room, key } = this.rooms.create(r.data.seed, r.data.personas);
    return { ok: true, code: room.code, key };
  }

  /** Rooms per address, and the whole server's cap with a reserve a facilitator's key opens. */
  private mayCreate(conn: Conn, key: string | undefined): Ack<never> | null {
    const keyed = !!this.opts.facilitatorKey && key === this.opts.facilitatorKey;
    const max = this.opts.maxRooms ?? 1000;
    const open = keyed ? max : max - Math.max(1, Math.ceil(max / 10));
    if (this.rooms.rooms.size >= open)
      return fail(
        'unavailable',
        keyed
          ? 'the server holds as many rooms as it can'
          : 'the server is full: rooms left are kept for the facilitator key of this server',
      );
    if (keyed) return null;
    const allowed = this.gate.createRoom(conn.address);
    if (!allowed.ok)
      return fail(
        'throttled',
        `this computer has created ${this.gate.limits.rooms.burst} rooms within the hour: try again in ${allowed.minutes} min, or create it with this server's facilitator key`,
      );
    return null;
  }

  private join(socket: IoSocket, conn: Conn, m: unknown): Ack<{ role: Role }> {
    const r = joinMessage.safeParse(m);
    if (!r.success) return fail('malformed', firstProblem(r));
    const room = this.rooms.get(normalizeCode(r.data.code));
    const refuse = (code: ErrorCode, reason: string) => {
      // Wrong codes and keys cost more: enumeration runs out of allowance quickly.
      this.gate.badJoin(conn.address);
      return fail(code, reason);
    };
    if (!room) return refuse('not-found', 'no room with that code');
    const as = r.data.as;
    let role: Role;
    if (as.kind === 'facilitator') {
      if (!room.isFacilitatorKey(as.key)) return refuse('forbidden', 'that is not the facilitator key of this room');
      role = { kind: 'facilitator' };
    } else if (as.kind === 'seat') {
      const delegation = room.seatOf(as.token);
      if (!delegation) return refuse('forbidden', 'that seat link is not valid (any more): join the room and claim a delegation');
      role = { kind: 'seat', delegation };
      conn.tokenHash = hashSecret(as.token);
    } else role = { kind: as.kind };
    // Joined already, as the same: nothing changes (a join sent again is no new device).
    if (conn.room === room && JSON.stringify(conn.role) === JSON.stringify(role)) return { ok: true, role };
    const seat = role.kind === 'seat' ? role.delegation : role.kind === 'facilitator' ? 'facilitator' : null;
    if (!this.gate.mayJoin(room.code, seat)) return fail('throttled', 'too many devices are joining right now: trying again in a moment');
    this.leave(socket, conn);
    conn.room = room;
    conn.role = role;
    conn.name = r.data.name ?? (role.kind === 'facilitator' ? 'Facilitator' : 'guest');
    conn.holds = r.data.scenarioKey;
    this.enter(socket, conn);
    return { ok: true, role };
  }

  private claim(socket: IoSocket, conn: Conn, m: unknown): Ack<{ token: string }> {
    const r = claimMessage.safeParse(m);
    if (!r.success) return fail('malformed', firstProblem(r));
    const room = conn.room;
    if (!room || conn.role?.kind !== 'lobby') return fail('forbidden', 'join the room first');
    const res = room.claim(r.data.delegation, r.data.name);
    if (!res.ok) return res;
    this.leave(socket, conn);
    conn.room = room;
    conn.role = { kind: 'seat', delegation: r.data.delegation };
    conn.name = r.data.name;
    this.enter(socket, conn);
    return res;
  }

  private intent(conn: Conn, m: unknown): Ack {
    const r = intentMessage.safeParse(m);
    if (!r.success) return fail('malformed', firstProblem(r));
    if (!conn.room || !conn.role) return fail('forbidden', 'join a room first');
    const ack = conn.room.receiveIntent(conn.role, conn.name, r.data);
    // A stale intent is answered with the current picture, so the client is in step again.
    if (!ack.ok && ack.code === 'stale') this.sendSync(conn, this.socketOf(conn));
    return ack;
  }

  private chat(conn: Conn, m: unknown): Ack {
    const r = chatMessage.safeParse(m);
    if (!r.success) return fail('malformed', firstProblem(r));
    if (!conn.room || !conn.role) return fail('forbidden', 'join a room first');
    return conn.room.sendChat(conn.role, conn.name, r.data);
  }

  private action(conn: Conn, m: unknown): Ack {
    const r = roomActionMessage.safeParse(m);
    if (!r.success) return fail('malformed', firstProblem(r));
    if (!conn.room || conn.role?.kind !== 'facilitator') return fail('forbidden', 'only the facilitator manages the room');
    return conn.room.action(r.data.id, r.data.action);
  }

  private socketOf(conn: Conn): IoSocket | undefined {
    for (const [id, c] of this.conns) if (c === conn) return this.socketById(id);
    return undefined;
  }

  private enter(socket: IoSocket, conn: Conn) {
    const room = conn.room;
    if (!room || !conn.role) return;
    void socket.join(channel(room, audienceOf(conn.role)));
    room.devices.set(socket.id, { role: conn.role, name: conn.name });
    this.sendSync(conn, socket);
    this.changed(room, { room: true });
  }

  private leave(socket: IoSocket, conn: Conn) {
    const room = conn.room;
    if (!room || !conn.role) return;
    void socket.leave(channel(room, audienceOf(conn.role)));
    room.devices.delete(socket.id);
    conn.room = null;
    conn.role = null;
    if (!room.disposed) this.changed(room, { room: true });
  }

  private sendSync(conn: Conn, socket: IoSocket | undefined) {
    const room = conn.room;
    const role = conn.role;
    if (!room || !role || !socket) return;
    const a = audienceOf(role);
    const name = channel(room, a);
    // A newcomer gets the view its channel last received, so the next patch fits it.
    let sent = this.sent.get(name);
    if (!sent) {
      const v = this.viewOf(room, a);
      sent = { state: v.state, view: v.view, seq: 1, scenarioKey: v.scenarioKey };
      this.sent.set(name, sent);
    }
    // The scenario is most of a sync (tens of kB): a page joining again after a drop or a
    // failover holds it already, as a rule.
    const scenarioKey = scenarioKeyOf(room, a, sent.scenarioKey);
    const holds = conn.holds;
    conn.holds = undefined;
    const chat = chatFor(room, role);
    const sync = {
      version: room.version,
      role,
      scenarioKey,
      ...(holds === scenarioKey ? {} : { scenario: scenarioFor(room.scenario, sent.state, a) }),
      view: sent.view,
      viewSeq: sent.seq,
      addresses: this.opts.addresses ?? [],
      room: roomInfo(room),
      messages: chat.messages,
      olderMessages: chat.more,
      notes: notesFor(room, role),
      thinking: [...room.thinking],
      ...(role.kind === 'facilitator' ? { acts: room.whiteCellActs() } : {}),
    };
    this.out(room, () => socket.emit('sync', sync));
  }

  private viewOf(room: Room, a: Audience) {
    let byAudience = this.views.get(room);
    if (!byAudience) {
      byAudience = new Map();
      this.views.set(room, byAudience);
    }
    const key = audienceKey(a);
    const hit = byAudience.get(key);
    const state = room.state;
    if (hit && hit.state === state) return hit;
    const sk = scenarioVersion(state);
    const scenario = hit && hit.scenarioKey === sk ? hit.scenario : scenarioFor(room.scenario, state, a);
    const entry = { state, view: clientView(state, a, room.scenario), scenarioKey: sk, scenario };
    byAudience.set(key, entry);
    return entry;
  }

  private changed(room: Room, c: Change) {
    if (c.chat) {
      const line = c.chat;
      for (const [id, conn] of this.conns) {
        if (conn.room !== room || !conn.role || !canRead(conn.role, line)) continue;
        const socket = this.socketById(id);
        const update = { version: room.version, messages: [line] };
        if (socket) this.out(room, () => socket.emit('update', update));
      }
    }
    if (c.revoked) this.demote(room, c.revoked);
    if (c.revokedToken) this.demote(room, null, c.revokedToken);
    if (!c.view && !c.room && !c.thinking && !c.evaluation) return;
    let p = this.pending.get(room);
    if (!p) {
      p = { view: false, room: false, thinking: false, evaluation: false };
      this.pending.set(room, p);
      // Changes made in one go (an AI's several decisions) leave as one update per audience.
      queueMicrotask(() => this.flush(room));
    }
    p.view ||= !!c.view;
    p.room ||= !!c.room;
    p.thinking ||= !!c.thinking;
    p.evaluation ||= !!c.evaluation;
  }

  private flush(room: Room) {
    const p = this.pending.get(room);
    this.pending.delete(room);
    if (!p || room.disposed) return;
    const info = p.room ? roomInfo(room) : undefined;
    const thinking = p.thinking || p.view ? [...room.thinking] : undefined;
    for (const a of AUDIENCES(room)) {
      const name = channel(room, a);
      if (!this.io.sockets.adapter.rooms.get(name)?.size) continue;
      const msg: UpdateMessage = { version: room.version };
      if (p.view) {
        const v = this.viewOf(room, a);
        const sent = this.sent.get(name);
        if (!sent) {
          // Nobody of this channel has a view yet: the next sync carries it.
          this.sent.set(name, { state: v.state, view: v.view, seq: 1, scenarioKey: v.scenarioKey });
        } else if (sent.state !== v.state) {
          msg.patch = { from: sent.seq, to: sent.seq + 1, ...diffView(sent.view, v.view) };
          if (sent.scenarioKey !== v.scenarioKey) {
            msg.scenario = v.scenario;
            msg.scenarioKey = scenarioKeyOf(room, a, v.scenarioKey);
          }
          this.sent.set(name, { state: v.state, view: v.view, seq: sent.seq + 1, scenarioKey: v.scenarioKey });
        }
        // The AI's notes go to the facilitator whole, but only when there are new ones (a sync carries them all).
        if (a.kind === 'facilitator' && this.notesSent.get(room) !== room.notes.length) {
          msg.notes = room.notes;
          this.notesSent.set(room, room.notes.length);
        }
      }
      if (info) msg.room = info;
      if (thinking) msg.thinking = thinking;
      if (a.kind === 'facilitator' && (msg.patch || info)) msg.acts = room.whiteCellActs();
      if (a.kind === 'facilitator' && p.evaluation) msg.evaluation = room.evaluation;
      if (!msg.patch && !msg.room && !msg.thinking && !msg.scenario && !msg.notes && !msg.evaluation) continue;
      const broadcast = this.opts.broadcast;
      this.out(room, () => (broadcast ? broadcast(name, msg) : this.io.to(name).emit('update', msg)));
    }
  }

  /** Devices of a released seat go back to the lobby of the room (their token no longer works). */
  private demote(room: Room, delegation: string | null, tokenHash?: string) {
    for (const [id, conn] of this.conns) {
      if (conn.room !== room || conn.role?.kind !== 'seat') continue;
      if (delegation !== null ? conn.role.delegation !== delegation : conn.tokenHash !== tokenHash) continue;
      const socket = this.socketById(id);
      if (!socket) continue;
      this.leave(socket, conn);
      conn.room = room;
      conn.role = { kind: 'lobby' };
      const notice = {
        kind: 'info' as const,
        text:
          delegation !== null
            ? 'The facilitator released your seat. You can claim a delegation again.'
            : 'Your teacher moved you to another seat: open your personal link again.',
      };
      this.out(room, () => socket.emit('notice', notice));
      this.enter(socket, conn);
    }
  }
}
