// The rooms' store in PostgreSQL (cluster mode), beside the SQLite file of one process (db.ts):
// the same rooms, seats, snapshots and event log, read and written with the same synchronous
// calls (pgSync.ts). Every write is fenced: it lands only while this process owns the room at the
// epoch it took it with, so a process that lost a room (its lease ran out, another took over)
// cannot add to its log. Message ids are unique per room in the table, across every process.
import type { EventRow, RoomRow, RoomStore, SeatRow } from '../db';
import { STORE_VERSION } from '../db';
import { Durability } from './durability';
import type { SyncPostgres } from './pgSync';

/** A write of a room this process no longer owns (or could not make): its memory is no longer the log. */
export class RoomLost extends Error {
  constructor(
    readonly code: string,
    why: string,
  ) {
    super(`room ${code} is no longer held by this server: ${why}`);
  }
}

const ROW = `code, created_at AS "createdAt", updated_at AS "updatedAt", scenario_id AS "scenarioId", scenario_json AS "scenarioJson",
  seed, key_hash AS "keyHash", engine_version AS "engineVersion"`;

/** PostgreSQL returns BIGINT as a string: the numbers of a room row, as numbers. */
export function roomRow(r: Record<string, unknown>): RoomRow {
  return {
    code: String(r.code),
    createdAt: Number(r.createdAt),
    updatedAt: Number(r.updatedAt),
    scenarioId: String(r.scenarioId),
    scenarioJson: String(r.scenarioJson),
    seed: Number(r.seed),
    keyHash: String(r.keyHash),
    engineVersion: Number(r.engineVersion),
  };
}

/** A row of the log as read (`at` is a BIGINT, a string). */
interface EventQueryRow {
  seq: number;
  kind: string;
  msgId: string | null;
  body: string;
  at: string;
}

export class PgRoomDb implements RoomStore {
  /** The epoch each room was taken at by this process. */
  private readonly epochs = new Map<string, number>();
  /** The message ids of each owned room's log: only the owner writes, so memory answers for the table. */
  private readonly msgIds = new Map<string, Set<string>>();
  /** Called when a write of a room fails: the cluster lets the room go, to be restored from its log. */
  onLost: ((code: string, err: Error) => void) | null = null;
  /** What clients hear waits here until the log writes before it are durable. */
  readonly durability = new Durability();

  constructor(
    private readonly sql: SyncPostgres,
    /** This process's node id (cluster/membership.ts). */
    readonly node: string,
    /** Closes what else the cluster holds open (its connection pool). */
    private readonly onClose: () => void = () => undefined,
  ) {
    sql.onDurable = (d) => {
      const lost = new Set<string>();
      for (const l of d.lost) {
        const now = this.epochs.get(l.code);
        // Taken again since (a new epoch, restored from the log without these writes): nothing to undo.
        if (now !== undefined && now !== l.epoch) continue;
        lost.add(l.code);
        // Only the incarnation that wrote: a room let go already is not let go twice.
        if (now !== undefined) this.lost(l.code, l.why);
      }
      this.durability.committed(d.through, lost);
    };
  }

  /** The room is this process's from now on, at `epoch` (a takeover or a creation). */
  owned(code: string, epoch: number) {
    this.epochs.set(code, epoch);
    this.durability.taken(code);
  }

  ownsRoom(code: string) {
    return this.epochs.has(code);
  }

  /** Forgets a room this process let go. */
  forget(code: string) {
    this.epochs.delete(code);
    this.msgIds.delete(code);
  }

  private epoch(code: string): number {
    const e = this.epochs.get(code);
    if (e === undefined) throw this.lost(code, 'it was never taken by this server');
    return e;
  }

  private lost(code: string, why: string): RoomLost {
    const err = new RoomLost(code, why);
    this.onLost?.(code, err);
    return err;
  }

  hasMessage(code: string, msgId: string): boolean {
    return this.msgIds.get(code)?.has(msgId) ?? false;
  }

  createRoom(row: Omit<RoomRow, 'updatedAt'>) {
    this.sql.query(
      `INSERT INTO rooms (code, created_at, updated_at, scenario_id, scenario_json, seed, key_hash, engine_version, store_version, owner, epoch)
       VALUES ($1, $2, $2, $3, $4, $5, $6, $7, $8, $9, 1)`,
      [row.code, row.createdAt, row.scenarioId, row.scenarioJson, row.seed, row.keyHash, row.engineVersion, STORE_VERSION, this.node],
    );
    this.epochs.set(row.code, 1);
    this.msgIds.set(row.code, new Set());
  }

  roomExists(code: string): boolean {
    return this.sql.query('SELECT 1 FROM rooms WHERE code = $1', [code]).rows.length > 0;
  }

  /**
   * Posts the event (and the seats it changed) to the next group commit and returns at once: the
   * room applies it now, and what anyone hears of it waits for the commit (durability.ts).
   */
  append(code: string, seq: number, kind: string, msgId: string | null, body: unknown, at: number, seats: SeatRow[] = []) {
    const epoch = this.epoch(code);
    this.durability.wrote(this.sql.write({ type: 'event', room: code, epoch, seq, kind, msgId, body, at, seats }));
    if (msgId) {
      let ids = this.msgIds.get(code);
      if (!ids) this.msgIds.set(code, (ids = new Set()));
      ids.add(msgId);
    }
  }

  saveSnapshot(code: string, version: number, body: string) {
    const epoch = this.epoch(code);
    this.durability.wrote(this.sql.write({ type: 'snapshot', room: code, epoch, at: Date.now(), version, body }));
  }

  /** Logs and snapshots read ahead for rooms about to be restored together (a takeover), each read once. */
  private readonly readAhead = new Map<string, { events?: EventQueryRow[]; snapshot?: { version: number; body: string } | null }>();

  /**
   * Reads the logs and snapshots of rooms just taken over in two round trips instead of two per
   * room (a failover restores dozens at once, and every blocking read stalls the process).
   */
  readAheadFor(codes: string[]) {
    this.readAhead.clear();
    if (codes.length < 2) return;
    for (const code of codes) this.readAhead.set(code, { events: [], snapshot: null });
    for (const s of this.sql.query<{ room: string; version: number; body: string }>(
      'SELECT room, version, body FROM snapshots WHERE room = ANY($1::text[])',
      [codes],
    ).rows) {
      const r = this.readAhead.get(s.room);
      if (r) r.snapshot = { version: s.version, body: s.body };
    }
    for (const e of this.sql.query<EventQueryRow & { room: string }>(
      'SELECT room, seq, kind, msg_id AS "msgId", body, at FROM events WHERE room = ANY($1::text[]) ORDER BY room, seq',
      [codes],
    ).rows)
      this.readAhead.get(e.room)?.events?.push(e);
  }

  /** Forgets what was read ahead and not used. */
  clearReadAhead() {
    this.readAhead.clear();
  }

  snapshot(code: string): { version: number; body: string } | null {
    const ahead = this.readAhead.get(code);
    if (ahead && ahead.snapshot !== undefined) {
      const snap = ahead.snapshot;
      delete ahead.snapshot;
      return snap;
    }
    const r = this.sql.query<{ version: number; body: string }>('SELECT version, body FROM snapshots WHERE room = $1', [code]).rows[0];
    return r ?? null;
  }

  openRooms(): RoomRow[] {
    return this.sql.query(`SELECT ${ROW} FROM rooms WHERE NOT closed ORDER BY created_at`).rows.map(roomRow);
  }

  /** A room's row, whoever owns it. */
  room(code: string): RoomRow | null {
    const r = this.sql.query(`SELECT ${ROW} FROM rooms WHERE code = $1`, [code]).rows[0];
    return r ? roomRow(r) : null;
  }

  /** The room's log; its message ids are remembered (this process is about to own the room). */
  events(code: string): EventRow[] {
    const ahead = this.readAhead.get(code);
    const rows =
      ahead?.events ??
      this.sql.query<EventQueryRow>('SELECT seq, kind, msg_id AS "msgId", body, at FROM events WHERE room = $1 ORDER BY seq', [code]).rows;
    if (ahead) delete ahead.events;
    this.msgIds.set(code, new Set(rows.flatMap((r) => (r.msgId ? [r.msgId] : []))));
    return rows.map((r) => ({ seq: r.seq, kind: r.kind, msgId: r.msgId, body: JSON.parse(r.body) as unknown, at: Number(r.at) }));
  }

  closeRoom(code: string) {
    this.sql.query('UPDATE rooms SET closed = TRUE, owner = NULL WHERE code = $1 AND owner = $2', [code, this.node]);
    this.forget(code);
  }

  deleteRoom(code: string) {
    this.sql.query('DELETE FROM rooms WHERE code = $1 AND owner = $2', [code, this.node]);
    this.forget(code);
  }

  /** Gives a room up (a shutdown, or a write that failed): another process, or this one, takes it from its log. */
  release(code: string) {
    const epoch = this.epochs.get(code);
    this.forget(code);
    if (epoch !== undefined)
      this.sql.query('UPDATE rooms SET owner = NULL WHERE code = $1 AND owner = $2 AND epoch = $3', [code, this.node, epoch]);
  }

  close() {
    this.sql.close();
    this.onClose();
  }
}
