// One group commit of the rooms' log: every event (with the seats it changed) and snapshot written
// by this process since the last commit, for any number of rooms, as one statement, so one round
// trip and one flush to disk however many rooms wrote. Each room's writes are fenced as a single
// write was: they land only while this process owns the room at the epoch they were made under.
import type { SeatRow } from '../db';

export type LogWrite =
  | {
      type: 'event';
      room: string;
      epoch: number;
      seq: number;
      kind: string;
      msgId: string | null;
      body: unknown;
      at: number;
      seats: SeatRow[];
    }
  | { type: 'snapshot'; room: string; epoch: number; at: number; version: number; body: string };

/**
 * The statement and its parameters. Its rows are the rooms (and epochs) the fence let through;
 * a room missing from them was not written at all (the statement is one transaction).
 */
export function batchStatement(node: string, writes: LogWrite[]): { sql: string; params: unknown[] } {
  const fence = new Map<string, { code: string; epoch: number; at: number }>();
  const events: Array<Extract<LogWrite, { type: 'event' }>> = [];
  // A seat or a snapshot written twice in one batch: the last write is the one that stands.
  const seats = new Map<string, { room: string; epoch: number; seat: SeatRow }>();
  const snapshots = new Map<string, Extract<LogWrite, { type: 'snapshot' }>>();
  for (const w of writes) {
    const key = `${w.room}\u0000${w.epoch}`;
    const f = fence.get(key);
    if (!f || f.at < w.at) fence.set(key, { code: w.room, epoch: w.epoch, at: w.at });
    if (w.type === 'snapshot') {
      snapshots.set(w.room, w);
      continue;
    }
    events.push(w);
    for (const s of w.seats) seats.set(`${w.room}\u0000${s.delegation}`, { room: w.room, epoch: w.epoch, seat: s });
  }
  const fences = [...fence.values()];
  const seatRows = [...seats.values()];
  const snapRows = [...snapshots.values()];
  const sql = `WITH fence_in AS (
      SELECT * FROM unnest($2::text[], $3::bigint[], $4::bigint[]) AS f(code, epoch, at)
    ), fence AS (
      UPDATE rooms SET updated_at = GREATEST(rooms.updated_at, f.at) FROM fence_in f
      WHERE rooms.code = f.code AND rooms.owner = $1 AND rooms.epoch = f.epoch AND NOT rooms.closed
      RETURNING rooms.code, rooms.epoch
    ), ev AS (
      INSERT INTO events (room, seq, kind, msg_id, body, at)
      SELECT e.room, e.seq, e.kind, e.msg_id, e.body, e.at
      FROM unnest($5::text[], $6::bigint[], $7::int[], $8::text[], $9::text[], $10::text[], $11::bigint[]) AS e(room, epoch, seq, kind, msg_id, body, at)
      JOIN fence ON fence.code = e.room AND fence.epoch = e.epoch
      RETURNING 1
    ), st AS (
      INSERT INTO seats (room, delegation, mode, team)
      SELECT s.room, s.delegation, s.mode, s.team
      FROM unnest($12::text[], $13::bigint[], $14::text[], $15::text[], $16::text[]) AS s(room, epoch, delegation, mode, team)
      JOIN fence ON fence.code = s.room AND fence.epoch = s.epoch
      ON CONFLICT (room, delegation) DO UPDATE SET mode = excluded.mode, team = excluded.team
      RETURNING 1
    ), sn AS (
      INSERT INTO snapshots (room, version, body)
      SELECT n.room, n.version, n.body
      FROM unnest($17::text[], $18::bigint[], $19::int[], $20::text[]) AS n(room, epoch, version, body)
      JOIN fence ON fence.code = n.room AND fence.epoch = n.epoch
      ON CONFLICT (room) DO UPDATE SET version = excluded.version, body = excluded.body
      RETURNING 1
    )
    SELECT code, epoch FROM fence`;
  const params: unknown[] = [
    node,
    fences.map((f) => f.code),
    fences.map((f) => f.epoch),
    fences.map((f) => f.at),
    events.map((e) => e.room),
    events.map((e) => e.epoch),
    events.map((e) => e.seq),
    events.map((e) => e.kind),
    events.map((e) => e.msgId),
    events.map((e) => JSON.stringify(e.body)),
    events.map((e) => e.at),
    seatRows.map((s) => s.room),
    seatRows.map((s) => s.epoch),
    seatRows.map((s) => s.seat.delegation),
    seatRows.map((s) => s.seat.mode),
    seatRows.map((s) => s.seat.team),
    snapRows.map((n) => n.room),
    snapRows.map((n) => n.epoch),
    snapRows.map((n) => n.version),
    snapRows.map((n) => n.body),
  ];
  return { sql, params };
}

/** The rooms (each at the epoch it was written under) whose writes the fence did not let through. */
export function lostRooms(
  writes: LogWrite[],
  fenced: Array<{ code: string; epoch: number | string }>,
): Array<{ code: string; epoch: number }> {
  const key = (code: string, epoch: number) => `${code}\u0000${epoch}`;
  const passed = new Set(fenced.map((f) => key(f.code, Number(f.epoch))));
  const lost = new Map<string, { code: string; epoch: number }>();
  for (const w of writes) if (!passed.has(key(w.room, w.epoch))) lost.set(key(w.room, w.epoch), { code: w.room, epoch: w.epoch });
  return [...lost.values()];
}
