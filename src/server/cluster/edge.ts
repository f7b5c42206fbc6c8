// The edge's side of a relayed connection: a client may connect to any process (through one
// address, with no sticky sessions), and the process it reached forwards its messages to the
// process that owns its room, over one socket.io link per pair of processes (owner.ts is the other
// end). The room is found when the client joins it (by its code); a new room is made where the
// fewest rooms are. If the link breaks (the owner died), the edge hands its clients to whoever
// holds their rooms next (taken over at once if nobody does): it joins each again there with what
// the client last joined with, as the page itself does after a reconnection, so the client keeps
// its connection and gets the room's picture from its new owner. A client that cannot be joined
// again that way has its connection closed, and reconnects and joins by itself.
import type { Server, Socket } from 'socket.io';
import { io as connectTo, type Socket as ClientSocket } from 'socket.io-client';
import { normalizeCode, type ClientToServer, type ServerToClient } from '../../net/protocol';
import { clientAddress } from '../limits';
import type { NodeInfo } from './membership';
import type { RelayedPacket } from './owner';

type Io = Server<ClientToServer, ServerToClient>;
type IoSocket = Socket<ClientToServer, ServerToClient>;
type Reply = (r: unknown) => void;

export type Route = { kind: 'here' } | { kind: 'there'; node: NodeInfo } | { kind: 'wait' };

export interface EdgeOptions {
  io: Io;
  secret: () => string;
  trustProxy: boolean;
  /**
   * Where a room's authority is: here (taken over first if nobody holds it, unless `claim` is
   * false), another process, or not yet known.
   */
  route(code: string, claim?: boolean): Promise<Route>;
  /** Where a new room is made: another process, or here (null). */
  placeCreate(): NodeInfo | null;
  /** Takes over, here, those of these rooms nobody alive holds (the owner of their relayed clients died). */
  adopt(codes: string[]): Promise<void>;
}

/** How long an answer of the owner is waited for (the client itself sends again after its own timeout). */
const RELAY_TIMEOUT_MS = 10_000;

/** The answer to a message whose owner died before answering: the client sends it again (message ids make that safe). */
const OWNER_GONE = { ok: false, code: 'unavailable', reason: 'the room moved to another server before this was answered: send it again' };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** What a client joined its room with: the edge joins it again with this when the room's owner dies. */
interface Joined {
  code: string;
  join: unknown;
}

interface Link {
  node: NodeInfo;
  socket: ClientSocket;
  clients: Set<IoSocket>;
}

export class Edge {
  private readonly links = new Map<string, Link>();
  /** The process each relayed client's messages go to. */
  private readonly routes = new WeakMap<IoSocket, Link>();
  /** What each relayed client last joined with (its join, or the seat a claim gave it since), as the page keeps it. */
  private readonly joined = new WeakMap<IoSocket, Joined>();
  /** The scenario each relayed client holds (the key of its last sync or update carrying one): its room's next owner need not send it again. */
  private readonly scenarios = new WeakMap<IoSocket, string>();
  /**
   * Clients being handed to their room's new owner, with what they sent meanwhile (and what the
   * dead owner left unanswered, if it carries a message id), sent on in order once they are in.
   */
  private readonly handing = new WeakMap<IoSocket, Array<{ event: string; payload: unknown; reply: Reply }>>();

  constructor(private readonly opts: EdgeOptions) {
    opts.io.on('connection', (socket) => this.connection(socket));
  }

  private connection(socket: IoSocket) {
    socket.use((packet, next) => {
      const [event, payload] = packet as unknown as [string, unknown];
      const last = packet[packet.length - 1] as unknown;
      const reply: Reply = typeof last === 'function' ? (last as Reply) : () => undefined;
      void this.handle(socket, event, payload, reply, next).catch((err: Error) =>
        reply({ ok: false, code: 'unavailable', reason: `the server failed: ${err.message}` }),
      );
    });
    socket.on('disconnect', () => this.unroute(socket));
  }

  private async handle(socket: IoSocket, event: string, payload: unknown, reply: Reply, next: (err?: Error) => void) {
    // Being handed to its room's new owner: what it sends waits for its join there.
    const waiting = this.handing.get(socket);
    if (waiting) return void waiting.push({ event, payload, reply });
    if (event === 'room.create') {
      const node = this.opts.placeCreate();
      if (!node) return this.here(socket, next);
      return this.relay(socket, this.link(node), event, payload, reply);
    }
    if (event === 'room.join') {
      const code = (payload as { code?: unknown } | null)?.code;
      // A malformed join is answered by the gateway here.
      if (typeof code !== 'string') return this.here(socket, next);
      const route = await this.opts.route(normalizeCode(code));
      if (route.kind === 'here') return this.here(socket, next);
      if (route.kind === 'wait')
        return reply({ ok: false, code: 'throttled', reason: 'the room is moving to another server: trying again in a moment' });
      return this.relay(socket, this.link(route.node), event, payload, reply);
    }
    const link = this.routes.get(socket);
    if (!link) return next();
    this.relay(socket, link, event, payload, reply);
  }

  private here(socket: IoSocket, next: () => void) {
    this.unroute(socket);
    next();
  }

  private relay(socket: IoSocket, link: Link, event: string, payload: unknown, reply: Reply) {
    const before = this.routes.get(socket);
    if (before !== link) {
      this.unroute(socket);
      this.routes.set(socket, link);
      link.clients.add(socket);
    }
    const address = clientAddress(socket.handshake.address, socket.handshake.headers['x-forwarded-for'], this.opts.trustProxy);
    const packet: RelayedPacket = { sid: socket.id, address, event, payload };
    link.socket.timeout(RELAY_TIMEOUT_MS).emit('packet', packet, (err: Error | null, answer: unknown) => {
      if (!err) {
        this.remember(socket, event, payload, answer);
        return reply(answer);
      }
      // No answer from a live owner: a slow one, and the client sends again after its own timeout.
      if (link.socket.connected) return;
      // The owner died before answering. A message with an id goes to the room's next owner once
      // the client is in there (applied once, whether the dead owner logged it or not); anything
      // else is answered "send it again".
      const waiting = this.handing.get(socket);
      const id = (payload as { id?: unknown } | null)?.id;
      if (waiting && typeof id === 'string') waiting.push({ event, payload, reply });
      else reply(OWNER_GONE);
    });
  }

  /** Notes which scenario a client holds, from a sync or an update that carries its key. */
  private holds(socket: IoSocket, data: unknown) {
    const key = (data as { scenarioKey?: unknown } | null)?.scenarioKey;
    if (typeof key === 'string') this.scenarios.set(socket, key);
  }

  /** Keeps what the client joined its room with, as the page keeps its credentials (roomTransport.ts). */
  private remember(socket: IoSocket, event: string, payload: unknown, answer: unknown) {
    const a = answer as { ok?: unknown; token?: unknown } | null;
    if (!a?.ok) return;
    if (event === 'room.join') {
      const code = (payload as { code?: unknown } | null)?.code;
      if (typeof code === 'string') this.joined.set(socket, { code: normalizeCode(code), join: payload });
    } else if (event === 'seat.claim' && typeof a.token === 'string') {
      const was = this.joined.get(socket);
      const name = (payload as { name?: unknown } | null)?.name;
      if (was) this.joined.set(socket, { code: was.code, join: { code: was.code, as: { kind: 'seat', token: a.token }, name } });
    }
  }

  /**
   * The owner of these clients' rooms died: each room is taken over (here, if nobody alive holds
   * it yet) and each client joined again on its new owner, keeping its connection. `dead`: the
   * process that died, not to be routed to while the database still counts it alive (its session
   * ends a moment after its links do).
   */
  private async handOver(clients: IoSocket[], dead: string) {
    const byRoom = new Map<string, Array<{ socket: IoSocket; join: unknown }>>();
    for (const socket of clients) {
      const j = this.joined.get(socket);
      if (!j || !socket.connected) {
        socket.conn.close();
        continue;
      }
      this.handing.set(socket, []);
      const list = byRoom.get(j.code) ?? [];
      // Joined again as the page would: with the scenario it holds, so the sync leaves it out.
      const scenarioKey = this.scenarios.get(socket);
      list.push({ socket, join: scenarioKey ? { ...(j.join as object), scenarioKey } : j.join });
      byRoom.set(j.code, list);
    }
    for (let attempt = 0; byRoom.size > 0 && attempt < 40; attempt++) {
      if (attempt > 0) await sleep(100);
      // This process's share of the orphans; the database may count the dead one alive for a
      // moment after its links broke (its session ends a little later), hence the retries.
      await this.opts.adopt([...byRoom.keys()]).catch(() => undefined);
      await Promise.all(
        [...byRoom].map(async ([code, list]) => {
          // For a second, a room another process is about to take is waited for rather than taken here.
          const route = await this.opts.route(code, attempt >= 10).catch((): Route => ({ kind: 'wait' }));
          if (route.kind === 'wait' || (route.kind === 'there' && route.node.id === dead)) return;
          byRoom.delete(code);
          for (const { socket, join } of list) this.rejoin(socket, route, join);
        }),
      );
    }
    for (const list of byRoom.values()) for (const { socket } of list) this.dropped(socket);
  }

  /** Joins a handed-over client again on its room's new owner, then sends on what it sent meanwhile. */
  private rejoin(socket: IoSocket, route: Route, join: unknown) {
    if (!socket.connected || route.kind === 'wait') return this.dropped(socket);
    const rejoined = (r: unknown) => {
      if (!(r as { ok?: unknown } | null)?.ok) return this.dropped(socket);
      const waiting = this.handing.get(socket) ?? [];
      this.handing.delete(socket);
      const link = this.routes.get(socket);
      for (const m of waiting)
        if (link) this.relay(socket, link, m.event, m.payload, m.reply);
        else for (const handle of socket.listeners(m.event as 'intent')) handle(m.payload, m.reply);
    };
    if (route.kind === 'there') this.relay(socket, this.link(route.node), 'room.join', join, rejoined);
    else for (const handle of socket.listeners('room.join')) handle(join, rejoined);
  }

  /** A client that could not be handed over reconnects and joins by itself (its page sends again what went unanswered). */
  private dropped(socket: IoSocket) {
    this.handing.delete(socket);
    socket.conn.close();
  }

  private unroute(socket: IoSocket) {
    const link = this.routes.get(socket);
    if (!link) return;
    this.routes.delete(socket);
    link.clients.delete(socket);
    // The channels the owner had it join are its room's: none of them is this client's any more.
    for (const channel of [...socket.rooms]) if (channel !== socket.id) void socket.leave(channel);
    if (link.socket.connected) link.socket.emit('gone', { sid: socket.id });
  }

  private link(node: NodeInfo): Link {
    const known = this.links.get(node.id);
    if (known) return known;
    const socket = connectTo(`${node.url}/cluster`, {
      transports: ['websocket'],
      auth: { secret: this.opts.secret() },
      reconnection: false,
      forceNew: true,
    });
    const link: Link = { node, socket, clients: new Set() };
    this.links.set(node.id, link);
    const client = (sid: unknown): IoSocket | undefined => {
      const s = typeof sid === 'string' ? this.opts.io.sockets.sockets.get(sid) : undefined;
      return s && link.clients.has(s) ? s : undefined;
    };
    // What the owner sends over the link arrives in batches (owner.ts, LinkOutbox), in order.
    const handlers: Record<string, (m: never) => void> = {
      deliver: (m: { sid: string; event: string; data: unknown }) => {
        const s = client(m.sid);
        if (!s) return;
        if (m.event === 'sync') this.holds(s, m.data);
        s.emit(m.event as 'sync', m.data as never);
      },
      join: (m: { sid: string; channel: string }) => void client(m.sid)?.join(m.channel),
      // A room channel's update, for the clients of that channel this process relays to the link's
      // process: encoded once for all of them.
      channel: (m: { channel: string; event: string; data: unknown }) => {
        const to = [...(this.opts.io.of('/').adapter.rooms.get(m.channel) ?? [])].flatMap((sid) => {
          const s = client(sid);
          if (s) this.holds(s, m.data);
          return s ? [sid] : [];
        });
        if (to.length) this.opts.io.local.to(to).emit(m.event as 'update', m.data as never);
      },
      leave: (m: { sid: string; channel: string }) => void client(m.sid)?.leave(m.channel),
      kick: (m: { sid: string }) => {
        const s = client(m.sid);
        if (!s) return;
        this.unroute(s);
        s.disconnect(true);
      },
      rehome: (m: { sid: string }) => {
        const s = client(m.sid);
        if (!s) return;
        this.unroute(s);
        s.conn.close();
      },
    };
    socket.on('batch', (batch: Array<[string, unknown]>) => {
      for (const [event, data] of batch) handlers[event]?.(data as never);
    });
    const broken = () => {
      if (this.links.get(node.id) !== link) return;
      this.links.delete(node.id);
      socket.close();
      const clients = [...link.clients];
      for (const s of clients) this.unroute(s);
      void this.handOver(clients, node.id);
    };
    socket.on('disconnect', broken);
    socket.on('connect_error', broken);
    return link;
  }

  close() {
    for (const link of this.links.values()) link.socket.close();
    this.links.clear();
  }
}
