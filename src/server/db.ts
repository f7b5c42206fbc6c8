// The server's one persistence module: rooms, seats and each room's event log in SQLite (WAL).
// The event log is the truth: a room is rebuilt from it after a restart; the seats table is a
// projection kept in the same transaction, for people who inspect the file.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { CLASS_SCHEMA } from './classDb';

/** Bumped when the layout of the tables or of an event's body changes (2: message ids unique, persona events; 3: classes, 'unclaim' events). */
export const STORE_VERSION = 3;

export interface RoomRow {
  code: string;
  createdAt: number;
  updatedAt: number;
  scenarioId: string;
  scenarioJson: string;
  seed: number;
  keyHash: string;
  engineVersion: number;
}

export interface EventRow {
  seq: number;
  kind: string;
  msgId: string | null;
  body: unknown;
  at: number;
}

export interface SeatRow {
  delegation: string;
  mode: string;
  team: string | null;
}

/** What rooms need of their store: this SQLite file, or PostgreSQL in cluster mode (cluster/pgRoomDb.ts). */
export type RoomStore = Pick<
  RoomDb,
  | 'hasMessage'
  | 'createRoom'
  | 'roomExists'
  | 'append'
  | 'saveSnapshot'
  | 'snapshot'
  | 'openRooms'
  | 'events'
  | 'closeRoom'
  | 'deleteRoom'
  | 'close'
>;

export class DataFileInUse extends Error {
  constructor(readonly file: string) {
    super(
      `the data file ${file} is in use by another Interlock server (one process owns a data file; give this one another INTERLOCK_DATA)`,
    );
  }
}

export class RoomDb {
  private readonly db: Database.Database;
  private readonly insertEvent: Database.Statement;
  private readonly upsertSeat: Database.Statement;
  private readonly touchRoom: Database.Statement;
  private readonly findMessage: Database.Statement;

  constructor(file: string) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file, { timeout: 200 });
    // One server process owns a data file: two processes restoring the same rooms would both act
    // as their authority. The exclusive lock is released by the OS when the process dies.
    this.db.pragma('locking_mode = EXCLUSIVE');
    try {
      this.db.pragma('journal_mode = WAL');
    } catch (err) {
      this.db.close();
      if ((err as { code?: string }).code === 'SQLITE_BUSY') throw new DataFileInUse(file);
      throw err;
    }
    // NORMAL in WAL mode: a killed process loses nothing (the OS holds the WAL); only a power cut
    // could lose the last transactions.
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS rooms (
        code TEXT PRIMARY KEY,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        scenario_id TEXT NOT NULL,
        scenario_json TEXT NOT NULL,
        seed INTEGER NOT NULL,
        key_hash TEXT NOT NULL,
        engine_version INTEGER NOT NULL,
        store_version INTEGER NOT NULL,
        closed INTEGER NOT NULL DEFAULT 0
      );
      CREATE TABLE IF NOT EXISTS seats (
        room TEXT NOT NULL REFERENCES rooms(code) ON DELETE CASCADE,
        delegation TEXT NOT NULL,
        mode TEXT NOT NULL,
        team TEXT,
        PRIMARY KEY (room, delegation)
      );
      CREATE TABLE IF NOT EXISTS snapshots (
        room TEXT PRIMARY KEY REFERENCES rooms(code) ON DELETE CASCADE,
        version INTEGER NOT NULL,
        body TEXT NOT NULL
      );
      CREATE TABLE IF NOT EXISTS events (
        room TEXT NOT NULL REFERENCES rooms(code) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        kind TEXT NOT NULL,
        msg_id TEXT,
        body TEXT NOT NULL,
        at INTEGER NOT NULL,
        PRIMARY KEY (room, seq)
      ) WITHOUT ROWID;
    `);
    this.db.exec(CLASS_SCHEMA);
    const version = this.db.prepare('SELECT value FROM meta WHERE key = ?').get('storeVersion') as { value: string } | undefined;
    if (!version) this.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run('storeVersion', String(STORE_VERSION));
    else if (Number(version.value) === 1) this.upgradeFrom1();
    else if (Number(version.value) === 2) this.setVersion();
    else if (Number(version.value) !== STORE_VERSION)
      throw new Error(`the data file was written by store version ${version.value}; this server reads version ${STORE_VERSION}`);
    // A message id is applied once in the whole life of a room: the log itself refuses a second one.
    this.db.exec('CREATE UNIQUE INDEX IF NOT EXISTS events_msg_id ON events (room, msg_id) WHERE msg_id IS NOT NULL');
    this.findMessage = this.db.prepare('SELECT 1 FROM events WHERE room = ? AND msg_id = ?');
    this.insertEvent = this.db.prepare('INSERT INTO events (room, seq, kind, msg_id, body, at) VALUES (?, ?, ?, ?, ?, ?)');
    this.upsertSeat = this.db.prepare(
      'INSERT INTO seats (room, delegation, mode, team) VALUES (?, ?, ?, ?) ON CONFLICT (room, delegation) DO UPDATE SET mode = excluded.mode, team = excluded.team',
    );
    this.touchRoom = this.db.prepare('UPDATE rooms SET updated_at = ? WHERE code = ?');
  }

  /** Version 1 kept message ids without an index; its logs read the same. */
  private upgradeFrom1() {
    const dup = this.db
      .prepare('SELECT room, msg_id AS id FROM events WHERE msg_id IS NOT NULL GROUP BY room, msg_id HAVING COUNT(*) > 1 LIMIT 1')
      .get() as { room: string; id: string } | undefined;
    if (dup) {
      this.db.close();
      throw new Error(
        `the data file has message ${dup.id} twice in room ${dup.room}: it cannot be upgraded to store version ${STORE_VERSION}`,
      );
    }
    this.setVersion();
  }

  /** Version 2 had no classes (their tables are created above) and no 'unclaim' event: its data reads the same. */
  private setVersion() {
    this.db.prepare('UPDATE meta SET value = ? WHERE key = ?').run(String(STORE_VERSION), 'storeVersion');
  }

  /** The open database, for the classes kept in the same file (classDb.ts). */
  get sqlite(): Database.Database {
    return this.db;
  }

  /** Whether a message with this id is in the room's log. */
  hasMessage(code: string, msgId: string): boolean {
    return this.findMessage.get(code, msgId) !== undefined;
  }

  createRoom(row: Omit<RoomRow, 'updatedAt'>) {
    this.db
      .prepare(
        'INSERT INTO rooms (code, created_at, updated_at, scenario_id, scenario_json, seed, key_hash, engine_version, store_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(
        row.code,
        row.createdAt,
        row.createdAt,
        row.scenarioId,
        row.scenarioJson,
        row.seed,
        row.keyHash,
        row.engineVersion,
        STORE_VERSION,
      );
  }

  roomExists(code: string): boolean {
    return this.db.prepare('SELECT 1 FROM rooms WHERE code = ?').get(code) !== undefined;
  }

  /** Appends one event (and the seats it changed) in one transaction. */
  append(code: string, seq: number, kind: string, msgId: string | null, body: unknown, at: number, seats: SeatRow[] = []) {
    this.tx(() => {
      this.insertEvent.run(code, seq, kind, msgId, JSON.stringify(body), at);
      for (const s of seats) this.upsertSeat.run(code, s.delegation, s.mode, s.team);
      this.touchRoom.run(at, code);
    });
  }

  private tx = (fn: () => void) => this.db.transaction(fn)();

  /** Keeps the machine's snapshot at a version of the log: a restart replays only what follows. */
  saveSnapshot(code: string, version: number, body: string) {
    this.db
      .prepare(
        'INSERT INTO snapshots (room, version, body) VALUES (?, ?, ?) ON CONFLICT (room) DO UPDATE SET version = excluded.version, body = excluded.body',
      )
      .run(code, version, body);
  }

  snapshot(code: string): { version: number; body: string } | null {
    return (
      (this.db.prepare('SELECT version, body FROM snapshots WHERE room = ?').get(code) as { version: number; body: string } | undefined) ??
      null
    );
  }

  openRooms(): RoomRow[] {
    return this.db
      .prepare(
        'SELECT code, created_at AS createdAt, updated_at AS updatedAt, scenario_id AS scenarioId, scenario_json AS scenarioJson, seed, key_hash AS keyHash, engine_version AS engineVersion FROM rooms WHERE closed = 0 ORDER BY created_at',
      )
      .all() as RoomRow[];
  }

  events(code: string): EventRow[] {
    const rows = this.db.prepare('SELECT seq, kind, msg_id AS msgId, body, at FROM events WHERE room = ? ORDER BY seq').all(code) as Array<
      Omit<EventRow, 'body'> & { body: string }
    >;
    return rows.map((r) => ({ ...r, body: JSON.parse(r.body) as unknown }));
  }

  seats(code: string): SeatRow[] {
    return this.db.prepare('SELECT delegation, mode, team FROM seats WHERE room = ? ORDER BY delegation').all(code) as SeatRow[];
  }

  /** A closed room stays in the file (its log can be read) but is not restored. */
  closeRoom(code: string) {
    this.db.prepare('UPDATE rooms SET closed = 1 WHERE code = ?').run(code);
  }

  deleteRoom(code: string) {
    this.db.prepare('DELETE FROM rooms WHERE code = ?').run(code);
  }

  close() {
    this.db.close();
  }
}
