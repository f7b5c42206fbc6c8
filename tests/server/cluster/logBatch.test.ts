// One group commit of the cluster's log (README, "Several processes"): many rooms' events in one
// statement, each room's writes fenced by its owner and epoch, so a process that lost a room cannot
// add to its log, while the rooms it still holds are written in the same commit.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTempPostgres, type TempPostgres } from '../../../src/cli/tempPostgres';
import { batchStatement, lostRooms, type LogWrite } from '../../../src/server/cluster/logBatch';
import { ensureSchema } from '../../../src/server/cluster/schema';
import type { SeatRow } from '../../../src/server/db';

let pgs: TempPostgres | null = null;
let pool: pg.Pool | null = null;
let why: string | null = null;

beforeAll(async () => {
  try {
    pgs = await startTempPostgres({ fsync: false });
  } catch (err) {
    why = (err as Error).message;
    process.stderr.write(`\n!!!!!! tests/server/cluster/logBatch.test.ts SKIPPED: PostgreSQL cannot be started here: ${why}\n\n`);
    return;
  }
  pool = new pg.Pool({ connectionString: pgs.url, max: 2 });
  await ensureSchema(pool);
  for (const [code, owner, epoch] of [
    ['MINE', 'me', 3],
    ['TAKEN', 'other', 2],
    ['MINE2', 'me', 1],
  ] as const)
    await pool.query(
      `INSERT INTO rooms (code, created_at, updated_at, scenario_id, scenario_json, seed, key_hash, engine_version, store_version, owner, epoch)
       VALUES ($1, 0, 0, 's', '{}', 1, 'k', 1, 1, $2, $3)`,
      [code, owner, epoch],
    );
}, 60_000);

afterAll(async () => {
  await pool?.end();
  pgs?.stop();
});

const event = (room: string, epoch: number, seq: number, msgId: string | null, seats: SeatRow[] = []): LogWrite => ({
  type: 'event',
  room,
  epoch,
  seq,
  kind: 'chat',
  msgId,
  body: { text: `${room} ${seq}` },
  at: 1000 + seq,
  seats,
});

describe('a group commit of the rooms log', () => {
  it('writes the rooms this process holds and none of a room it lost, in one statement', async (ctx) => {
    if (why || !pool) return ctx.skip();
    const writes: LogWrite[] = [
      event('MINE', 3, 1, 'm1', [{ delegation: 'iran', mode: 'human', team: 'a' }]),
      event('TAKEN', 1, 1, 't1'),
      event('MINE', 3, 2, 'm2', [{ delegation: 'iran', mode: 'human', team: 'b' }]),
      event('MINE2', 0, 1, 'stale'),
      event('MINE2', 1, 1, 'x1'),
      { type: 'snapshot', room: 'MINE', epoch: 3, at: 1003, version: 1, body: 'first' },
      { type: 'snapshot', room: 'MINE', epoch: 3, at: 1004, version: 2, body: 'second' },
    ];
    const { sql, params } = batchStatement('me', writes);
    const r = await pool.query<{ code: string; epoch: string }>(sql, params);
    // TAKEN is another process's; MINE2's write made under an old epoch does not pass either.
    expect(lostRooms(writes, r.rows).sort((a, b) => a.code.localeCompare(b.code))).toEqual([
      { code: 'MINE2', epoch: 0 },
      { code: 'TAKEN', epoch: 1 },
    ]);
    const events = await pool.query<{ room: string; seq: number; msg_id: string }>(
      'SELECT room, seq, msg_id FROM events ORDER BY room, seq',
    );
    expect(events.rows).toEqual([
      { room: 'MINE', seq: 1, msg_id: 'm1' },
      { room: 'MINE', seq: 2, msg_id: 'm2' },
      { room: 'MINE2', seq: 1, msg_id: 'x1' },
    ]);
    // A seat changed twice in one commit keeps its last change; the last snapshot stands.
    const seats = await pool.query('SELECT room, delegation, team FROM seats');
    expect(seats.rows).toEqual([{ room: 'MINE', delegation: 'iran', team: 'b' }]);
    const snap = await pool.query('SELECT version, body FROM snapshots WHERE room = $1', ['MINE']);
    expect(snap.rows).toEqual([{ version: 2, body: 'second' }]);
    const updated = await pool.query<{ updated_at: string }>('SELECT updated_at FROM rooms WHERE code = $1', ['MINE']);
    expect(Number(updated.rows[0]?.updated_at)).toBe(1004);
  });

  it('a message id already in a room log makes the whole commit fail, so nothing of it is acknowledged', async (ctx) => {
    if (why || !pool) return ctx.skip();
    const writes = [event('MINE', 3, 3, 'fresh'), event('MINE', 3, 4, 'm1')];
    const { sql, params } = batchStatement('me', writes);
    await expect(pool.query(sql, params)).rejects.toThrow(/duplicate key/);
    const n = await pool.query('SELECT count(*)::int AS n FROM events WHERE room = $1', ['MINE']);
    expect(n.rows[0]).toEqual({ n: 2 });
  });
});
