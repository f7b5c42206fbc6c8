// Cluster mode, assembled (INTERLOCK_DATABASE_URL): several server processes, on one machine or
// several, serve the same rooms through one address. PostgreSQL holds what crosses processes:
// the rooms' event log (pgRoomDb.ts), who owns each room and which processes are alive
// (membership.ts), and socket.io's fan-out between processes (its Postgres adapter). A room's
// authority lives in the one process that owns it; a client on another process is relayed to it
// (edge.ts, owner.ts). When a process dies, the others take its rooms over from the log.
import { createAdapter } from '@socket.io/postgres-adapter';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { ClusterHooks } from '../app';
import { Edge, type Route } from './edge';
import { Membership, type NodeInfo } from './membership';
import { Owner } from './owner';
import { PgRoomDb } from './pgRoomDb';
import { SyncPostgres } from './pgSync';
import { ensureSchema } from './schema';

export interface ClusterOptions {
  databaseUrl: string;
  /** Where other processes reach this one (INTERLOCK_NODE_URL); http://127.0.0.1:PORT by default (one machine). */
  nodeUrl?: string | null;
  pgWorkerFile: string | URL;
  trustProxy: boolean;
  log?: (line: string) => void;
}

export interface Cluster extends ClusterHooks {
  membership: Membership;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The secret processes of one cluster show each other: made once, kept in the database. */
async function clusterSecret(pool: pg.Pool): Promise<string> {
  await pool.query("INSERT INTO meta (key, value) VALUES ('clusterSecret', $1) ON CONFLICT (key) DO NOTHING", [
    randomBytes(32).toString('base64url'),
  ]);
  const r = await pool.query<{ value: string }>("SELECT value FROM meta WHERE key = 'clusterSecret'");
  const v = r.rows[0]?.value;
  if (!v) throw new Error('the cluster secret could not be read');
  return v;
}

export async function createCluster(opts: ClusterOptions): Promise<Cluster> {
  const log = opts.log ?? ((l: string) => process.stderr.write(`${l}\n`));
  const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 8, application_name: 'interlock' });
  // socket.io's fan-out has connections of its own. A NOTIFY commits a transaction, and a commit
  // waits for the disk by default: one flush per broadcast, serialised by PostgreSQL's notify
  // queue. Broadcasts are not the record (the log is, on its own connection, flushed on every
  // commit), so these commits do not wait for the disk.
  const fanout = new pg.Pool({
    connectionString: opts.databaseUrl,
    max: 8,
    application_name: 'interlock-fanout',
    options: '-c synchronous_commit=off',
  });
  // An idle connection that breaks is replaced by the pool; the error must not end the process.
  pool.on('error', () => undefined);
  fanout.on('error', () => undefined);
  await ensureSchema(pool);
  const secret = await clusterSecret(pool);
  let parts: Parameters<ClusterHooks['attach']>[0] | null = null;
  const membership = new Membership(pool, () => parts?.rooms.rooms.size ?? 0);
  const db = new PgRoomDb(new SyncPostgres(opts.databaseUrl, opts.pgWorkerFile, membership.id), membership.id, () => {
    void pool.end();
    void fanout.end();
  });
  let owner: Owner | null = null;
  let edge: Edge | null = null;
  /** Rooms taken over whose log could not be replayed: kept (not passed around), reported once. */
  const failed = new Set<string>();

  /** A room leaves this process: memory, ownership, and its clients (they reconnect and find it again). */
  function letGo(code: string) {
    if (!parts) return;
    const { io, rooms, gateway } = parts;
    rooms.release(code);
    gateway.forget(code);
    try {
      db.release(code);
    } catch {
      db.forget(code);
    }
    owner?.reconnectRoom(code);
    for (const [channel, ids] of io.of('/').adapter.rooms)
      if (channel.startsWith(`${code}|`)) for (const id of ids) io.sockets.sockets.get(id)?.conn.close();
  }
  db.onLost = (code, err) => {
    log(`Interlock: room ${code} is let go (${err.message}); it is taken over again from its log`);
    // After the write that failed has unwound.
    setImmediate(() => letGo(code));
  };

  /** Takes over rooms nobody alive holds and restores each from the shared log. */
  async function takeOver(which: { code: string } | { codes: string[] } | { limit: number }) {
    if (!parts) return;
    const t0 = performance.now();
    const claimed = await membership.claim(which);
    const t1 = performance.now();
    // Restored in one go after the claim: a client routed here meanwhile finds the room.
    try {
      db.readAheadFor(claimed.map((r) => r.code));
    } catch {
      // Each room reads its own log below.
      db.clearReadAhead();
    }
    for (const row of claimed) {
      db.owned(row.code, row.epoch);
      try {
        if (!parts.rooms.restoreOne(row, parts.parseStored)) db.forget(row.code);
      } catch (err) {
        failed.add(row.code);
        log(`Interlock: room ${row.code} could not be taken over: ${(err as Error).message}`);
      }
    }
    db.clearReadAhead();
    if (claimed.length)
      log(
        `Interlock: took over ${claimed.length} room(s) ${'limit' in which ? 'left by a process gone' : 'asked for by clients'}: claimed in ${Math.round(t1 - t0)} ms, restored in ${Math.round(performance.now() - t1)} ms (at ${new Date().toISOString()})`,
      );
  }
  let scanning = false;
  membership.onBeat = () => {
    if (scanning) return;
    scanning = true;
    void takeOver({ limit: 25 })
      .catch((err: Error) => log(`Interlock: taking rooms over failed: ${err.message}`))
      .finally(() => (scanning = false));
  };
  membership.onLeaseLost = (why) => {
    // Another process may hold this one's rooms by now: acting for them would split a room in two.
    log(`Interlock: this process left the cluster (${why}); it stops so that a supervisor starts it again`);
    process.exit(1);
  };

  async function route(code: string, claim = true): Promise<Route> {
    for (let attempt = 0; attempt < 25; attempt++) {
      if (parts?.rooms.get(code) || failed.has(code)) return { kind: 'here' };
      const o = await membership.ownerOf(code);
      // Unknown or closed: the gateway here answers (not found).
      if (o.kind === 'none') return { kind: 'here' };
      if (o.alive && o.node && o.node.id !== membership.id) return { kind: 'there', node: o.node };
      if (!o.alive && !claim) return { kind: 'wait' };
      if (!o.alive) await takeOver({ code });
      if (parts?.rooms.get(code)) return { kind: 'here' };
      await sleep(200);
    }
    return { kind: 'wait' };
  }

  /** New rooms go where the fewest rooms are (a process just added takes them until it catches up). */
  const placed = new Map<string, number>();
  function placeCreate(): NodeInfo | null {
    let best: NodeInfo | null = null;
    let bestLoad = (parts?.rooms.rooms.size ?? 0) + (placed.get(membership.id) ?? 0);
    for (const n of membership.nodes) {
      if (n.id === membership.id) continue;
      const load = n.rooms + (placed.get(n.id) ?? 0);
      if (load < bestLoad) {
        best = n;
        bestLoad = load;
      }
    }
    if (best) placed.set(best.id, (placed.get(best.id) ?? 0) + 1);
    return best;
  }
  const beat = membership.onBeat;
  membership.onBeat = () => {
    placed.clear();
    beat();
  };

  return {
    membership,
    db,
    adapter: createAdapter(fanout),
    remoteSocket: (id) => owner?.socket(id),
    durable: (room, send, lost) => db.durability.whenDurable(room, send, lost),
    broadcast: (channel, msg) => owner?.broadcast(channel, 'update', msg),
    attach(p) {
      parts = p;
      owner = new Owner(p.io, p.gateway, () => secret);
      edge = new Edge({
        io: p.io,
        secret: () => secret,
        trustProxy: opts.trustProxy,
        route,
        placeCreate,
        adopt: (codes) => takeOver({ codes }),
      });
    },
    async listening(port) {
      await membership.start(opts.nodeUrl ?? `http://127.0.0.1:${port}`);
    },
    async close() {
      await membership.stop(() => {
        for (const code of [...(parts?.rooms.rooms.keys() ?? [])]) letGo(code);
      });
      edge?.close();
    },
  };
}
