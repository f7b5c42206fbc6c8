// The cluster's tables in PostgreSQL: the same rooms, seats, snapshots and event log as the SQLite
// file (db.ts), plus who owns each room (owner, epoch) and the live server processes (nodes).
// Give Interlock a database of its own: the names are plain.
import type pg from 'pg';
import { STORE_VERSION } from '../db';

const TABLES = `
  CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS rooms (
    code TEXT PRIMARY KEY,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    scenario_id TEXT NOT NULL,
    scenario_json TEXT NOT NULL,
    seed BIGINT NOT NULL,
    key_hash TEXT NOT NULL,
    engine_version INTEGER NOT NULL,
    store_version INTEGER NOT NULL,
    closed BOOLEAN NOT NULL DEFAULT FALSE,
    -- The process that holds the room's authority, and a number bumped at each takeover: a
    -- write carries the epoch it was made under, so a process that lost the room cannot write.
    owner TEXT,
    epoch BIGINT NOT NULL DEFAULT 0
  );
  CREATE INDEX IF NOT EXISTS rooms_owner ON rooms (owner) WHERE NOT closed;
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
    at BIGINT NOT NULL,
    PRIMARY KEY (room, seq)
  );
  -- A message id is applied once in the whole life of a room, whichever process applied it.
  CREATE UNIQUE INDEX IF NOT EXISTS events_msg_id ON events (room, msg_id) WHERE msg_id IS NOT NULL;
  -- The server processes: a node is alive while its lease runs and its session holds its lock.
  CREATE TABLE IF NOT EXISTS nodes (
    id TEXT PRIMARY KEY,
    num SERIAL UNIQUE,
    url TEXT NOT NULL,
    started_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    expires_at TIMESTAMPTZ NOT NULL,
    rooms INTEGER NOT NULL DEFAULT 0
  );
  -- socket.io's Postgres adapter keeps messages too large for NOTIFY here.
  CREATE TABLE IF NOT EXISTS socket_io_attachments (
    id BIGSERIAL UNIQUE,
    created_at TIMESTAMPTZ DEFAULT NOW(),
    payload BYTEA
  );
`;

/** The advisory lock key space of Interlock (the first of the two keys). */
export const LOCK_SPACE = 0x1e7e;

/** Creates the tables once (several processes may start at the same moment) and checks the store version. */
export async function ensureSchema(pool: pg.Pool) {
  const c = await pool.connect();
  try {
    await c.query('BEGIN');
    await c.query('SELECT pg_advisory_xact_lock($1, 0)', [LOCK_SPACE]);
    await c.query(TABLES);
    const v = await c.query<{ value: string }>("SELECT value FROM meta WHERE key = 'storeVersion'");
    const found = v.rows[0]?.value;
    if (found === undefined) await c.query("INSERT INTO meta (key, value) VALUES ('storeVersion', $1)", [String(STORE_VERSION)]);
    else if (Number(found) !== STORE_VERSION)
      throw new Error(`the database was written by store version ${found}; this server reads version ${STORE_VERSION}`);
    await c.query('COMMIT');
  } catch (err) {
    await c.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    c.release();
  }
}
