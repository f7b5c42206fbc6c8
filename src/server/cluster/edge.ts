// The edge's side of a relayed connection: a client may connect to any process (through one
// address, with no sticky sessions), and the process it reached forwards its messages to the
// process that owns its room, over one socket.io link per pair of processes (owner.ts is the other
// end). The room is found when the client joins it (by its code); a new room is made where the
// fewest rooms are. If the link breaks (the owner died), the client's connection is closed so it
// reconnects by itself and joins again, and is then routed to whoever holds the room by then.
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
  /** Where a room's authority is: here (taken over first if nobody holds it), another process, or not yet known. */
  route(code: string): Promise<Route>;
  /** Where a new room is made: another process, or here (null). */
  placeCreate(): NodeInfo | null;
}

/** How long an answer of the owner is waited for (the client itself sends again after its own timeout). */
const RELAY_TIMEOUT_MS = 10_000;

interface Link {
  node: NodeInfo;
  socket: ClientSocket;
  clients: Set<IoSocket>;
}

export class Edge {
  private readonly links = new Map<string, Link>();
  /** The process each relayed client's messages go to. */
  private readonly routes = new WeakMap<IoSocket, Link>();

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
      // No answer: a slow owner, and the client sends again; a broken link already made it reconnect.
      if (!err) reply(answer);
    });
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
    socket.on('deliver', (m: { sid: string; event: string; data: unknown }) => client(m.sid)?.emit(m.event as 'sync', m.data as never));
    socket.on('join', (m: { sid: string; channel: string }) => void client(m.sid)?.join(m.channel));
    // A room channel's update, for the clients of that channel this process relays to the link's process.
    socket.on('channel', (m: { channel: string; event: string; data: unknown }) => {
      for (const sid of this.opts.io.of('/').adapter.rooms.get(m.channel) ?? []) client(sid)?.emit(m.event as 'update', m.data as never);
    });
    socket.on('leave', (m: { sid: string; channel: string }) => void client(m.sid)?.leave(m.channel));
    socket.on('kick', (m: { sid: string }) => {
      const s = client(m.sid);
      if (!s) return;
      this.unroute(s);
      s.disconnect(true);
    });
    socket.on('rehome', (m: { sid: string }) => {
      const s = client(m.sid);
      if (!s) return;
      this.unroute(s);
      s.conn.close();
    });
    const broken = () => {
      if (this.links.get(node.id) !== link) return;
      this.links.delete(node.id);
      socket.close();
      for (const s of link.clients) s.conn.close();
      link.clients.clear();
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
