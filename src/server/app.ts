// The server, assembled: HTTP (game + health), socket.io, the rooms and their data file.
import type { ModelSettings } from '../ai/talk/model';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { availableParallelism, networkInterfaces } from 'node:os';
import { Server } from 'socket.io';
import { parseScenario, type Scenario } from '../engine';
import type { ClientToServer, ServerToClient } from '../net/protocol';
import { AiPool } from './aiPool';
import { ClassGateway } from './classGateway';
import { Classes } from './classes';
import { RoomDb, type RoomStore } from './db';
import { Gateway, type GatewayOptions } from './gateway';
import { httpHandler } from './http';
import { handshakeCheck, limitTcpConnections, secureIoHeaders } from './ioGuard';
import { DEFAULT_LIMITS } from './limits';
import { Rooms } from './rooms';
import type { AiPace } from './roomAi';

export interface ServerOptions {
  port: number;
  host?: string;
  /** The SQLite file (':memory:' in some tests). */
  dbFile: string;
  distDir: string | null;
  scenario: Scenario;
  aiWorkerFile: string | URL;
  aiThreads?: number;
  /** The language model that words the AI seats' replies (settings.ts: INTERLOCK_TALK_MODEL_*); none: offline only. */
  talkModel?: ModelSettings | null;
  gateway?: GatewayOptions;
  tickMs?: number;
  /** 'instant' lets AI seats act at once (tests, benches); by default they keep each room's pace. */
  aiPace?: AiPace;
  now?: () => number;
  /** Other origins whose pages may open room connections (same origin only by default). */
  allowedOrigins?: string[];
  /** The key that shows /healthz's details (rooms, memory); without one, only the status. */
  healthKey?: string | null;
  /** Serve the build's source maps (off by default). */
  sourceMaps?: boolean;
  /** Behind a proxy: read client addresses from X-Forwarded-For. */
  trustProxy?: boolean;
  /** Cluster mode (cluster/start.ts): the shared store instead of the data file, and what joins the processes. */
  cluster?: ClusterHooks;
}

/** What cluster mode adds to a server; without it the server is one process over its SQLite file. */
export interface ClusterHooks {
  db: RoomStore;
  /** socket.io's adapter between processes. */
  adapter: NonNullable<NonNullable<ConstructorParameters<typeof Server>[1]>['adapter']>;
  /** Before the server listens: rooms are taken over by this hook instead of being restored from a file. */
  attach(parts: {
    io: Server<ClientToServer, ServerToClient>;
    rooms: Rooms;
    gateway: Gateway;
    parseStored: (json: string) => Scenario;
  }): void;
  /** The gateway's look-up of clients connected to another process, relayed to this one. */
  remoteSocket: NonNullable<GatewayOptions['remoteSocket']>;
  /** The gateway's sends wait for the room's log writes (group commits). */
  durable: NonNullable<GatewayOptions['durable']>;
  /** A room's updates go to its channels' clients, here and relayed, over the links between processes. */
  broadcast: NonNullable<GatewayOptions['broadcast']>;
  /** Once the server listens on its port. */
  listening(port: number): Promise<void>;
  /** Before the server closes: its rooms are handed back. */
  close(): Promise<void>;
}

export interface RunningServer {
  url: string;
  port: number;
  rooms: Rooms;
  /** The classes of this server (embedded mode only). */
  classes: Classes | null;
  http: HttpServer;
  io: Server<ClientToServer, ServerToClient>;
  restored: { restored: number; failed: Array<{ code: string; error: string }>; ms: number };
  /** The base URLs on the local network. */
  addresses: string[];
  close(): Promise<void>;
}

export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  let ready = false;
  const db = opts.cluster?.db ?? new RoomDb(opts.dbFile);
  const pool = new AiPool({
    workerFile: opts.aiWorkerFile,
    threads: opts.aiThreads ?? Math.max(1, Math.min(4, availableParallelism() - 1)),
  });
  const rooms = new Rooms({
    db,
    pool,
    scenario: opts.scenario,
    talkModel: opts.talkModel ?? null,
    ...(opts.tickMs ? { tickMs: opts.tickMs } : {}),
    ...(opts.aiPace ? { aiPace: opts.aiPace } : {}),
    ...(opts.now ? { now: opts.now } : {}),
  });
  const http = createServer(
    httpHandler({
      distDir: opts.distDir,
      healthKey: opts.healthKey ?? null,
      sourceMaps: !!opts.sourceMaps,
      trustProxy: !!opts.trustProxy,
      ...(opts.gateway?.limits?.qr ? { qrRate: opts.gateway.limits.qr } : {}),
      health: (gc) => {
        if (!ready) return null;
        // Only a server started with --expose-gc (the benchmark) collects garbage on request.
        const collect = (globalThis as { gc?: () => void }).gc;
        if (gc && collect) collect();
        const m = process.memoryUsage();
        return {
          rooms: rooms.rooms.size,
          uptimeS: Math.round(process.uptime()),
          heapUsedMB: +(m.heapUsed / 1048576).toFixed(1),
          rssMB: +(m.rss / 1048576).toFixed(1),
        };
      },
    }),
  );
  const io = new Server<ClientToServer, ServerToClient>(http, {
    // Long polling stays on: school networks often block WebSockets.
    transports: ['polling', 'websocket'],
    // A hard cap far above our own message limit: an oversized frame is cut off before parsing.
    maxHttpBufferSize: 256 * 1024,
    ...(opts.cluster ? { adapter: opts.cluster.adapter } : {}),
    serveClient: false,
    pingInterval: 10_000,
    pingTimeout: 8_000,
    allowRequest: handshakeCheck({
      allowedOrigins: opts.allowedOrigins ?? [],
      connections: opts.gateway?.limits?.connections ?? DEFAULT_LIMITS.connections,
      trustProxy: !!opts.trustProxy,
    }),
  });
  secureIoHeaders(io);
  limitTcpConnections(http, opts.gateway?.limits?.tcp ?? DEFAULT_LIMITS.tcp, !!opts.trustProxy);
  const t0 = performance.now();
  const parseStored = (json: string) => {
    const r = parseScenario(JSON.parse(json));
    if (!r.ok) throw new Error(`its scenario is refused: ${r.problems[0]?.path}: ${r.problems[0]?.message}`);
    return r.scenario;
  };
  // In cluster mode no process restores every room: each takes over the rooms nobody holds.
  const restored = opts.cluster ? { restored: 0, failed: [] } : rooms.restoreAll(parseStored);
  const ms = performance.now() - t0;
  const addresses: string[] = [];
  const gateway = new Gateway(io, rooms, {
    ...opts.gateway,
    trustProxy: !!opts.trustProxy,
    addresses,
    serverTalkModel: !!opts.talkModel,
    ...(opts.cluster ? { remoteSocket: opts.cluster.remoteSocket, durable: opts.cluster.durable, broadcast: opts.cluster.broadcast } : {}),
  });
  opts.cluster?.attach({ io, rooms, gateway, parseStored });
  // Classes are kept in the embedded data file; cluster mode does not offer them yet (README).
  const classes = db instanceof RoomDb ? new Classes(db, rooms, opts.scenario, opts.now) : null;
  if (classes) {
    new ClassGateway(io as unknown as Server, classes, {
      facilitatorKey: opts.gateway?.facilitatorKey ?? null,
      trustProxy: !!opts.trustProxy,
      ...(opts.gateway?.maxRooms ? { maxRooms: opts.gateway.maxRooms } : {}),
      ...(opts.now ? { now: opts.now } : {}),
    });
  }
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(opts.port, opts.host ?? '0.0.0.0', () => resolve());
  });
  const port = (http.address() as AddressInfo).port;
  await opts.cluster?.listening(port);
  ready = true;
  // Reachable from other laptops only when listening on every interface.
  if ((opts.host ?? '0.0.0.0') === '0.0.0.0')
    for (const a of Object.values(networkInterfaces()).flat())
      if (a && a.family === 'IPv4' && !a.internal) addresses.push(`http://${a.address}:${port}`);
  return {
    url: `http://${opts.host && opts.host !== '0.0.0.0' ? opts.host : '127.0.0.1'}:${port}`,
    port,
    rooms,
    classes,
    http,
    io,
    restored: { ...restored, ms },
    addresses,
    async close() {
      ready = false;
      await opts.cluster?.close();
      await new Promise<void>((resolve) => io.close(() => resolve()));
      rooms.dispose();
      await pool.close();
      db.close();
    },
  };
}
