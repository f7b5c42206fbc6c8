// Failover (README, "Several processes"): the rooms of a dead process are taken over by the live
// ones, each at most its share per heartbeat, so they are spread over the survivors instead of all
// landing on the first to look; a room nobody holds is taken by exactly one process.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTempPostgres, type TempPostgres } from '../../../src/cli/tempPostgres';
import { Membership } from '../../../src/server/cluster/membership';
import { ensureSchema } from '../../../src/server/cluster/schema';

let pgs: TempPostgres | null = null;
let pool: pg.Pool | null = null;
let why: string | null = null;
const members: Membership[] = [];

beforeAll(async () => {
  try {
    pgs = await startTempPostgres({ fsync: false });
  } catch (err) {
    why = (err as Error).message;
    process.stderr.write(`\n!!!!!! tests/server/cluster/membership.test.ts SKIPPED: PostgreSQL cannot be started here: ${why}\n\n`);
    return;
  }
  pool = new pg.Pool({ connectionString: pgs.url, max: 4 });
  await ensureSchema(pool);
}, 60_000);

afterAll(async () => {
  for (const m of members) await m.stop(() => undefined);
  await pool?.end();
  pgs?.stop();
});

describe('the rooms of a dead process', () => {
  it('are shared out among the live processes', async (ctx) => {
    if (why || !pool) return ctx.skip();
    // Ten open rooms whose owner is no live process (it was killed).
    for (let i = 0; i < 10; i++)
      await pool.query(
        `INSERT INTO rooms (code, created_at, updated_at, scenario_id, scenario_json, seed, key_hash, engine_version, store_version, owner, epoch)
         VALUES ($1, 0, 0, 's', '{}', 1, 'k', 1, 1, 'dead-process', 4)`,
        [`ROOM${i}`],
      );
    const [a, b] = [new Membership(pool, () => 0), new Membership(pool, () => 0)];
    members.push(a, b);
    await a.start('http://127.0.0.1:1');
    await b.start('http://127.0.0.1:2');
    const first = await a.claim({ limit: 25 });
    // Two processes alive, ten orphans: the first to look takes its half, not all of them.
    expect(first).toHaveLength(5);
    expect(first.every((r) => r.epoch === 5)).toBe(true);
    const second = await b.claim({ limit: 25 });
    expect(second.length).toBeGreaterThan(0);
    const taken = new Set([...first, ...second].map((r) => r.code));
    expect(taken.size).toBe(first.length + second.length);
    // The rest goes on later heartbeats, each room to one process only.
    for (let beat = 0; beat < 10 && taken.size < 10; beat++)
      for (const m of [a, b])
        for (const r of await m.claim({ limit: 25 })) {
          expect(taken.has(r.code)).toBe(false);
          taken.add(r.code);
        }
    expect(taken.size).toBe(10);
    const owners = await pool.query<{ owner: string; n: number }>(
      'SELECT owner, count(*)::int AS n FROM rooms GROUP BY owner ORDER BY owner',
    );
    expect(owners.rows.map((r) => r.owner).sort()).toEqual([a.id, b.id].sort());
    expect(Math.min(...owners.rows.map((r) => r.n))).toBeGreaterThanOrEqual(4);
  });
});
