// Server tests: a real server on a free port (in this process or as a child process) and real
// socket.io clients that record every message they receive.
import { build } from 'esbuild';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import { parseScenario, type GameView, type Scenario } from '../../src/engine';
import type { Ack, RoomInfo, SyncMessage, UpdateMessage, WhiteCellAct } from '../../src/net/protocol';
import { applyPatch } from '../../src/net/viewPatch';
import { startServer, type RunningServer, type ServerOptions } from '../../src/server/app';

export const root = join(import.meta.dirname, '..', '..');

export function defaultScenario(): Scenario {
  const r = parseScenario(JSON.parse(readFileSync(join(root, 'assets', 'scenarios', 'ceasefire-2026.json'), 'utf8')));
  if (!r.ok) throw new Error('the default scenario is refused');
  return r.scenario;
}

let workerFile: Promise<string> | null = null;
/** The AI thread, bundled once per test process (the server runs it as plain JavaScript). */
export function aiWorkerFile(): Promise<string> {
  workerFile ??= (async () => {
    // Inside the project, so the bundle's external packages resolve from node_modules.
    mkdirSync(join(root, 'node_modules', '.cache'), { recursive: true });
    const dir = mkdtempSync(join(root, 'node_modules', '.cache', 'interlock-test-ai-'));
    const out = join(dir, 'aiWorker.mjs');
    await build({
      entryPoints: [join(root, 'src', 'server', 'aiWorker.ts')],
      outfile: out,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      logLevel: 'error',
    });
    return out;
  })();
  return workerFile;
}

export async function testServer(over: Partial<ServerOptions> = {}): Promise<RunningServer> {
  const { gateway, ...rest } = over;
  return startServer({
    port: 0,
    host: '127.0.0.1',
    dbFile: ':memory:',
    distDir: null,
    scenario: defaultScenario(),
    aiWorkerFile: await aiWorkerFile(),
    aiThreads: 2,
    tickMs: 50,
    // Most server tests are about other things than the AI's pace: its seats act at once (tests/server/pace.test.ts keeps it).
    aiPace: 'instant',
    ...rest,
    gateway: { facilitatorKey: TEST_FACILITATOR_KEY, ...gateway },
  });
}

/** The server's facilitator key in tests: rooms made with it pass the per-address limit. */
export const TEST_FACILITATOR_KEY = 'test-facilitator-key-0123456789';

let lastAddress = 1;
/**
 * A loopback address of its own for each client (127.0.0.2, 127.0.0.3, …): each test client is
 * one laptop, as in a classroom; an attack from one machine passes one address to all its clients.
 */
export function nextAddress(): string {
  lastAddress += 1;
  return `127.0.${(lastAddress >> 8) & 255}.${lastAddress & 255 || 1}`;
}

/** A test server for one test file: started before its tests, closed after them. */
export function withTestServer(over: Partial<ServerOptions> = {}): () => RunningServer {
  let server: RunningServer | undefined;
  beforeAll(async () => {
    server = await testServer(over);
  }, 60_000);
  afterAll(async () => {
    await server?.close();
  });
  return () => {
    if (!server) throw new Error('the test server has not started');
    return server;
  };
}

let ids = 0;
export const msgId = () => `test-${process.pid}-${++ids}-${Math.random().toString(36).slice(2, 8)}`;

/** A socket.io client that keeps every message it received, and the latest picture. */
export class TestClient {
  readonly socket: Socket;
  readonly received: Array<{ event: string; data: unknown }> = [];
  view: GameView | null = null;
  /** Every view this client held, in order (rebuilt from the sync and the patches). */
  views: GameView[] = [];
  viewSeq = 0;
  room: RoomInfo | null = null;
  version = 0;
  sync: SyncMessage | null = null;
  private waiters: Array<() => void> = [];

  readonly address: string;

  constructor(
    url: string,
    opts: {
      transports?: string[];
      reconnection?: boolean;
      address?: string;
      origin?: string;
      /** Asks for the whole picture when a patch does not fit (what the page does) instead of failing the test. */
      resyncOnGap?: boolean;
    } = {},
  ) {
    this.address = opts.address ?? nextAddress();
    this.socket = io(url, {
      transports: opts.transports ?? ['websocket'],
      reconnection: opts.reconnection ?? false,
      forceNew: true,
      // Long polling in Node ignores localAddress: such a client comes from 127.0.0.1.
      localAddress: this.address,
      ...(opts.origin ? { extraHeaders: { origin: opts.origin } } : {}),
    } as Parameters<typeof io>[1]);
    this.socket.on('sync', (m: SyncMessage) => {
      this.received.push({ event: 'sync', data: m });
      this.sync = m;
      this.view = m.view;
      this.viewSeq = m.viewSeq;
      this.views.push(m.view);
      this.room = m.room;
      this.version = m.version;
      this.poke();
    });
    this.socket.on('update', (m: UpdateMessage) => {
      this.received.push({ event: 'update', data: m });
      if (m.patch && this.view) {
        if (m.patch.from !== this.viewSeq && opts.resyncOnGap) {
          if (m.patch.to > this.viewSeq) void this.call('room.sync', {}).catch(() => undefined);
        } else {
          if (m.patch.from !== this.viewSeq) throw new Error(`patch ${m.patch.from}→${m.patch.to} does not fit view ${this.viewSeq}`);
          this.view = applyPatch(this.view, m.patch);
          this.viewSeq = m.patch.to;
          this.views.push(this.view);
        }
      }
      if (m.room) this.room = m.room;
      this.version = Math.max(this.version, m.version);
      this.poke();
    });
    this.socket.on('notice', (m: unknown) => this.received.push({ event: 'notice', data: m }));
  }

  /** Joins again after every reconnection (what the browser's room transport does). */
  rejoinOnReconnect(join: () => unknown) {
    this.socket.io.on('reconnect', () => {
      void this.call('room.join', join());
    });
  }

  private poke() {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }

  connected(): Promise<void> {
    if (this.socket.connected) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.socket.once('connect', () => resolve());
      this.socket.once('connect_error', reject);
    });
  }

  call<T = object>(event: string, data: unknown, timeoutMs = 5000): Promise<Ack<T>> {
    return this.socket.timeout(timeoutMs).emitWithAck(event, data) as Promise<Ack<T>>;
  }

  /** Waits until the predicate holds on this client's latest picture. */
  async until(pred: (c: TestClient) => boolean, timeoutMs = 10_000, what = 'condition'): Promise<void> {
    const end = Date.now() + timeoutMs;
    while (!pred(this)) {
      const left = end - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, Math.min(left, 200));
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  close() {
    this.socket.close();
  }
}

/** The White Cell's acts the facilitator's page was last sent (the newest update carrying them, else the sync). */
export function actsOf(c: TestClient): WhiteCellAct[] {
  for (let i = c.received.length - 1; i >= 0; i--) {
    const m = c.received[i]?.data as UpdateMessage | undefined;
    if (m?.acts) return m.acts;
  }
  return c.sync?.acts ?? [];
}

export async function client(url: string, opts?: ConstructorParameters<typeof TestClient>[1]): Promise<TestClient> {
  const c = new TestClient(url, opts);
  await c.connected();
  return c;
}

/** A facilitator with a new room, and a team on each of the given delegations. */
export async function roomWith(url: string, delegations: string[], seed = 7) {
  const fac = await client(url);
  const created = await fac.call<{ code: string; key: string }>('room.create', { name: 'Ms Rivera', seed, key: TEST_FACILITATOR_KEY });
  if (!created.ok) throw new Error(created.reason);
  const { code, key } = created;
  const joined = await fac.call('room.join', { code, as: { kind: 'facilitator', key }, name: 'Ms Rivera' });
  if (!joined.ok) throw new Error(joined.reason);
  const teams: Record<string, { client: TestClient; token: string }> = {};
  for (const d of delegations) {
    const c = await client(url);
    const j = await c.call('room.join', { code, as: { kind: 'lobby' }, name: `team ${d}` });
    if (!j.ok) throw new Error(j.reason);
    const claim = await c.call<{ token: string }>('seat.claim', { delegation: d, name: `team ${d}` });
    if (!claim.ok) throw new Error(claim.reason);
    teams[d] = { client: c, token: claim.token };
  }
  return { fac, code, key, teams };
}
