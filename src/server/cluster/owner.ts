// The owner's side of a relayed connection. A client connected to another process (its "edge")
// reaches the room this process owns through that process: the edge forwards each message over
// one socket.io link per pair of processes (namespace /cluster, the cluster's secret), and the
// gateway here handles it as if the client were connected here, through a RelayedSocket. What the
// gateway sends to that one client goes back over the link, and so do a room's updates for the
// clients that edge relays (`broadcast`): one ordered path, and no process hears of rooms it does
// not serve. socket.io's Postgres adapter still carries what is addressed to every process.
import type { Namespace, Server, Socket } from 'socket.io';
import type { ClientToServer, ServerToClient } from '../../net/protocol';
import type { Gateway } from '../gateway';

type Io = Server<ClientToServer, ServerToClient>;
type IoSocket = Socket<ClientToServer, ServerToClient>;
type Handler = (...args: unknown[]) => void;

/** What the edge sends with each relayed message. */
export interface RelayedPacket {
  sid: string;
  address: string;
  event: string;
  payload: unknown;
}

/**
 * What this process sends to one edge over its link. Everything sent in one turn of the event loop
 * leaves as one message, in order: a group commit releases the updates of every room that wrote
 * at once, so an edge gets them in one frame (one encoding, one write) instead of one per channel.
 */
export class LinkOutbox {
  private queue: Array<[string, unknown]> = [];

  constructor(readonly link: Socket) {}

  send(event: string, data: unknown) {
    if (this.queue.push([event, data]) === 1) queueMicrotask(() => this.flush());
  }

  /** Sends what is queued now (before an acknowledgement, which does not wait in the queue). */
  flush() {
    const batch = this.queue;
    this.queue = [];
    if (batch.length) this.link.emit('batch', batch);
  }
}

/** The part of a socket.io Socket the gateway uses, for a client connected to another process. */
export class RelayedSocket {
  readonly handshake: { address: string; headers: Record<string, string> };
  private readonly handlers = new Map<string, Handler[]>();
  private readonly channels = new Set<string>();
  private gone = false;

  constructor(
    readonly id: string,
    address: string,
    readonly out: LinkOutbox,
    private readonly io: Io,
  ) {
    // The edge already read the client's address (and X-Forwarded-For, behind a trusted proxy).
    this.handshake = { address, headers: {} };
  }

  on(event: string, fn: Handler) {
    const list = this.handlers.get(event) ?? [];
    list.push(fn);
    this.handlers.set(event, list);
    return this;
  }

  /** A message of the client, as its edge relayed it; the answer goes back to the edge. */
  dispatch(event: string, payload: unknown, reply: (r: unknown) => void) {
    const list = this.handlers.get(event);
    if (!list?.length) return reply({ ok: false, code: 'malformed', reason: `unknown message "${event}"` });
    for (const fn of list) fn(payload, reply);
  }

  emit(event: string, data: unknown) {
    if (!this.gone) this.out.send('deliver', { sid: this.id, event, data });
    return true;
  }

  join(channel: string) {
    this.channels.add(channel);
    // Counted in this process's adapter (the gateway sends a room's updates only to channels with
    // members); the adapter skips it when delivering, as no local socket has this id.
    this.io.of('/').adapter.addAll(this.id, new Set([channel]));
    this.out.send('join', { sid: this.id, channel });
  }

  leave(channel: string) {
    this.channels.delete(channel);
    this.io.of('/').adapter.del(this.id, channel);
    this.out.send('leave', { sid: this.id, channel });
  }

  disconnect(_close?: boolean) {
    this.out.send('kick', { sid: this.id });
    this.closed();
    return this;
  }

  inRoom(code: string) {
    for (const c of this.channels) if (c.startsWith(`${code}|`)) return true;
    return false;
  }

  /** The room left this process: the client reconnects (its edge closes its connection) and is routed anew. */
  reconnect() {
    this.out.send('rehome', { sid: this.id });
    this.closed();
  }

  /** The client left (or its edge did): the gateway's own disconnect handling runs. */
  closed() {
    if (this.gone) return;
    this.gone = true;
    this.io.of('/').adapter.delAll(this.id);
    for (const fn of this.handlers.get('disconnect') ?? []) fn('relay closed');
    this.handlers.clear();
  }
}

/** The /cluster namespace: links from other processes, each carrying the clients it relays here. */
export class Owner {
  private readonly relayed = new Map<string, RelayedSocket>();
  readonly nsp: Namespace;

  constructor(
    private readonly io: Io,
    private readonly gateway: Gateway,
    secret: () => string,
  ) {
    this.nsp = io.of('/cluster');
    this.nsp.use((socket, next) => {
      const auth = socket.handshake.auth as { secret?: unknown } | undefined;
      if (typeof auth?.secret === 'string' && auth.secret === secret()) next();
      else next(new Error('not a process of this cluster'));
    });
    this.nsp.on('connection', (link) => this.link(link));
  }

  /** The gateway looks up relayed clients by id (its chat lines and notices go to single clients). */
  socket(id: string): IoSocket | undefined {
    return this.relayed.get(id) as unknown as IoSocket | undefined;
  }

  private link(link: Socket) {
    const mine = new Set<string>();
    const out = new LinkOutbox(link);
    link.on('packet', (p: RelayedPacket, reply: (r: unknown) => void) => {
      if (typeof reply !== 'function' || typeof p?.sid !== 'string' || typeof p.event !== 'string') return;
      let s = this.relayed.get(p.sid);
      if (!s) {
        s = new RelayedSocket(p.sid, String(p.address), out, this.io);
        this.relayed.set(p.sid, s);
        mine.add(p.sid);
        this.gateway.connect(s as unknown as IoSocket);
      }
      // An answer leaves after what was sent to the client before it (its sync after a join, say).
      s.dispatch(p.event, p.payload, (r) => {
        out.flush();
        reply(r);
      });
    });
    link.on('gone', (p: { sid: string }) => {
      this.relayed.get(p?.sid)?.closed();
      this.relayed.delete(p?.sid);
      mine.delete(p?.sid);
    });
    link.on('disconnect', () => {
      // The edge process went away: its clients reconnect elsewhere and are relayed again.
      for (const sid of mine) {
        this.relayed.get(sid)?.closed();
        this.relayed.delete(sid);
      }
      mine.clear();
    });
  }

  /**
   * Sends to a room channel's clients: those connected here, and over each link to a process that
   * relays some of them. One path per edge (the link) keeps an update behind the sync before it, and
   * an update costs the processes that hold none of the room's clients nothing.
   */
  broadcast(channel: string, event: 'update', data: unknown) {
    this.io.local.to(channel).emit(event, data as never);
    const links = new Set<LinkOutbox>();
    for (const sid of this.io.of('/').adapter.rooms.get(channel) ?? []) {
      const s = this.relayed.get(sid);
      if (s) links.add(s.out);
    }
    for (const out of links) out.send('channel', { channel, event, data });
  }

  /** A room let go: its relayed clients are told to reconnect (they find its new owner). */
  reconnectRoom(code: string) {
    for (const [sid, s] of this.relayed)
      if (s.inRoom(code)) {
        s.reconnect();
        this.relayed.delete(sid);
      }
  }
}
