// Which server processes are alive, and which owns each room. A process is a row of `nodes` with
// a lease it renews every second, and an advisory lock held by its own database session: when the
// process dies the database drops its session and the lock at once (kill -9), or the lease runs
// out (a machine gone without a word). A room whose owner is not alive is taken over by another
// process, which bumps the room's epoch: writes of the old owner are fenced off (pgRoomDb.ts).
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { RoomRow } from '../db';
import { roomRow } from './pgRoomDb';
import { LOCK_SPACE } from './schema';

export interface NodeInfo {
  id: string;
  url: string;
  rooms: number;
}

/**
 * How long a lease runs without a renewal, and how often it is renewed. A killed process is seen
 * at once (its session's lock goes); the lease is for a machine that went silent, and is long
 * enough that a process slowed down by a busy machine is not taken for dead.
 */
export const LEASE_MS = 10_000;
export const HEARTBEAT_MS = 1000;

const ALIVE = `SELECT n.id FROM nodes n WHERE n.expires_at > now() AND EXISTS (
  SELECT 1 FROM pg_locks l WHERE l.locktype = 'advisory' AND l.granted AND l.classid = ${LOCK_SPACE}::oid AND l.objid = n.num::oid AND l.objsubid = 2)`;

const CLAIMED = `r.code, r.created_at AS "createdAt", r.updated_at AS "updatedAt", r.scenario_id AS "scenarioId",
  r.scenario_json AS "scenarioJson", r.seed, r.key_hash AS "keyHash", r.engine_version AS "engineVersion", r.epoch`;

export class Membership {
  readonly id = randomBytes(6).toString('hex');
  private session: pg.Client | null = null;
  private timer: NodeJS.Timeout | null = null;
  /** The alive nodes as of the last heartbeat. */
  nodes: NodeInfo[] = [];
  /** Called when this process cannot renew its lease: it must stop acting for its rooms. */
  onLeaseLost: ((why: string) => void) | null = null;
  /** Called after each heartbeat (the cluster takes over orphaned rooms then). */
  onBeat: (() => void) | null = null;

  private url = '';

  constructor(
    readonly pool: pg.Pool,
    private readonly roomCount: () => number,
  ) {}

  /** Joins the cluster: `url` is where other processes reach this one. */
  async start(url: string) {
    this.url = url;
    const s = new pg.Client({ connectionString: this.pool.options.connectionString, application_name: `interlock-node-${this.id}` });
    s.on('error', (err) => this.lose(`its database session failed: ${err.message}`));
    await s.connect();
    this.session = s;
    const r = await s.query<{ num: number }>(
      `INSERT INTO nodes (id, url, expires_at) VALUES ($1, $2, now() + $3 * interval '1 ms') RETURNING num`,
      [this.id, this.url, LEASE_MS],
    );
    await s.query('SELECT pg_advisory_lock($1, $2)', [LOCK_SPACE, r.rows[0]?.num]);
    await this.beat();
    this.timer = setInterval(() => void this.beat(), HEARTBEAT_MS);
  }

  private lost = false;
  private lose(why: string) {
    if (this.lost) return;
    this.lost = true;
    if (this.timer) clearInterval(this.timer);
    this.onLeaseLost?.(why);
  }

  private beating = false;

  private async beat() {
    const s = this.session;
    // A beat slower than the interval is not overlapped by the next (one session, one query at a time).
    if (!s || this.lost || this.beating) return;
    this.beating = true;
    try {
      // Renewed only while it runs: once it ran out, others may have taken this process's rooms.
      const r = await s.query(
        `UPDATE nodes SET expires_at = now() + $2 * interval '1 ms', rooms = $3 WHERE id = $1 AND expires_at > now() RETURNING 1`,
        [this.id, LEASE_MS, this.roomCount()],
      );
      if (r.rowCount === 0) return this.lose('its lease ran out before it was renewed');
      const alive = await s.query<NodeInfo>(`SELECT id, url, rooms FROM nodes WHERE id IN (${ALIVE}) ORDER BY id`);
      this.nodes = alive.rows;
      // Rows of processes long gone are cleared.
      await s.query(`DELETE FROM nodes WHERE expires_at < now() - interval '1 hour'`);
    } catch (err) {
      return this.lose(`its lease could not be renewed: ${(err as Error).message}`);
    } finally {
      this.beating = false;
    }
    this.onBeat?.();
  }

  /** The process that owns a room now: its node (alive or not), or that nobody does, or that the room is closed or unknown. */
  async ownerOf(code: string): Promise<{ kind: 'none' } | { kind: 'owned'; node: NodeInfo | null; alive: boolean }> {
    const r = await this.pool.query<{ owner: string | null; closed: boolean; url: string | null; alive: boolean }>(
      `SELECT r.owner, r.closed, n.url, (r.owner IN (${ALIVE})) AS alive FROM rooms r LEFT JOIN nodes n ON n.id = r.owner WHERE r.code = $1`,
      [code],
    );
    const row = r.rows[0];
    if (!row || row.closed) return { kind: 'none' };
    return {
      kind: 'owned',
      node: row.owner && row.url ? { id: row.owner, url: row.url, rooms: 0 } : null,
      alive: !!row.alive,
    };
  }

  /**
   * Takes over rooms nobody alive holds: one room (a client asked for it), or up to `limit` of them,
   * or of `codes` (the rooms of clients this process relayed to an owner that died), but no more
   * than this process's share (the orphans over the processes alive), so the rooms of a dead
   * process are spread over the others instead of all landing on the first to look.
   */
  async claim(opts: { code: string } | { codes: string[] } | { limit: number }): Promise<Array<RoomRow & { epoch: number }>> {
    let share = 0;
    if (!('code' in opts)) {
      const n = await this.pool.query<{ orphans: string; alive: string }>(
        `SELECT (SELECT count(*) FROM rooms WHERE NOT closed AND (owner IS NULL OR owner NOT IN (${ALIVE}))) AS orphans,
                (SELECT count(*) FROM (${ALIVE}) a) AS alive`,
      );
      const row = n.rows[0];
      const orphans = Number(row?.orphans ?? 0);
      if (orphans === 0) return [];
      share = Math.min('limit' in opts ? opts.limit : opts.codes.length, Math.ceil(orphans / Math.max(1, Number(row?.alive ?? 1))));
    }
    const which =
      'code' in opts
        ? { sql: 'code = $2', params: [opts.code] }
        : 'codes' in opts
          ? { sql: 'code = ANY($3::text[]) ORDER BY random() LIMIT $2', params: [share, opts.codes] }
          : { sql: 'TRUE ORDER BY random() LIMIT $2', params: [share] };
    const r = await this.pool.query(
      `WITH cand AS (
         SELECT code FROM rooms WHERE NOT closed AND (owner IS NULL OR owner NOT IN (${ALIVE})) AND ${which.sql}
         FOR UPDATE SKIP LOCKED
       )
       UPDATE rooms r SET owner = $1, epoch = r.epoch + 1 FROM cand WHERE r.code = cand.code RETURNING ${CLAIMED}`,
      [this.id, ...which.params],
    );
    return r.rows.map((row: Record<string, unknown>) => ({ ...roomRow(row), epoch: Number(row.epoch) }));
  }

  /** A graceful stop: the rooms are handed back at once (others take them), the lease removed. */
  async stop(release: () => void) {
    if (this.timer) clearInterval(this.timer);
    this.lost = true;
    release();
    await this.pool.query('DELETE FROM nodes WHERE id = $1', [this.id]).catch(() => undefined);
    await this.session?.end().catch(() => undefined);
  }
}
