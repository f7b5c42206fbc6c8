// Exactly once over the whole life of a room: a message accepted once is recognised however many
// other messages came since, and after a restart too (the room log keeps message ids unique).
import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PERSONA } from '../../src/ai/persona';
import { decideStage } from '../../src/ai/policy';
import { decisionView, seatStream } from '../../src/engine';
import { RoomDb, STORE_VERSION } from '../../src/server/db';
import { hashSecret, Room, type RoomInit } from '../../src/server/room';
import { defaultScenario } from './helpers';

const scenario = defaultScenario();

function newRoom(db: RoomDb, code: string): { room: Room; init: RoomInit } {
  const init: RoomInit = { code, scenario, seed: 5, keyHash: hashSecret('k'), createdAt: 1 };
  db.createRoom({
    code,
    createdAt: 1,
    scenarioId: scenario.id,
    scenarioJson: JSON.stringify(scenario),
    seed: 5,
    keyHash: init.keyHash,
    engineVersion: 1,
  });
  return { room: new Room(init, db, () => 1000), init };
}

const proposalsBy = (room: Room, d: string) => room.session.log.filter((e) => e.actor === d && e.intent.type === 'package.propose').length;

describe('a message id in a room', () => {
  it('is applied once even when it comes again after 5,100 other messages, and after a restart', () => {
    const db = new RoomDb(':memory:');
    const { room, init } = newRoom(db, 'ONCEONCE');
    expect(room.claim('iran', 'Team Iran').ok).toBe(true);
    expect(room.action('start-0001', { kind: 'start' })).toEqual({ ok: true });
    // What iran's AI would propose: a package the engine accepts.
    const propose = decideStage(
      scenario,
      decisionView(room.state, 'iran'),
      'iran',
      DEFAULT_PERSONA,
      'propose',
      seatStream(room.state, 'iran'),
    )
      .map((d) => d.intent)
      .find((i) => i.type === 'package.propose');
    if (!propose) throw new Error('iran has nothing to propose');
    const seat = { kind: 'seat', delegation: 'iran' } as const;
    const msg = { id: 'proposal-0001', version: room.version, intent: propose };
    expect(room.receiveIntent(seat, 'Ana', msg)).toEqual({ ok: true });
    expect(proposalsBy(room, 'iran')).toBe(1);
    // 5,100 other messages, each with its own id, each logged.
    for (let i = 0; i < 5100; i++) {
      const r = room.action(`clock-${String(i).padStart(5, '0')}`, { kind: 'clock', step: 'negotiation', minutes: 4 + (i % 3) });
      expect(r.ok).toBe(true);
    }
    expect(room.version).toBeGreaterThan(5100);
    // The same proposal again (a client that reconnected and resent its queue): answered the same, applied once.
    expect(room.receiveIntent(seat, 'Ana', msg)).toEqual({ ok: true });
    expect(proposalsBy(room, 'iran')).toBe(1);
    expect(room.state.packages.filter((p) => p.proposer === 'iran')).toHaveLength(1);

    // A restart: the room is rebuilt from its log, and still knows the id.
    room.dispose();
    const again = new Room(init, db, () => 2000);
    again.restore(db.events('ONCEONCE'), db.snapshot('ONCEONCE'));
    const version = again.version;
    expect(again.receiveIntent(seat, 'Ana', msg)).toEqual({ ok: true });
    expect(again.version).toBe(version);
    expect(proposalsBy(again, 'iran')).toBe(1);
    // A new id is a new message: another proposal (the same steps, a longer window) is a second package.
    const longer = { ...propose, window: propose.type === 'package.propose' ? propose.window + 1 : 1 };
    expect(again.receiveIntent(seat, 'Ana', { ...msg, id: 'proposal-0002', version: again.version, intent: longer })).toEqual({ ok: true });
    expect(proposalsBy(again, 'iran')).toBe(2);
    again.dispose();
    db.close();
  });

  it('is refused by the data file itself if anything tried to log it twice', () => {
    const db = new RoomDb(':memory:');
    newRoom(db, 'TWICETWI');
    db.append('TWICETWI', 1, 'start', 'same-id-000', {}, 1);
    expect(() => db.append('TWICETWI', 2, 'start', 'same-id-000', {}, 2)).toThrow(/UNIQUE/);
    expect(db.hasMessage('TWICETWI', 'same-id-000')).toBe(true);
    db.close();
  });

  it('is unique in a data file of the first store version once it is opened (and a file that repeats one is refused by name)', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'interlock-v1-')), 'rooms.sqlite');
    const v1 = (repeat: boolean) => {
      const db = new RoomDb(file);
      newRoom(db, 'VERSION1');
      db.append('VERSION1', 1, 'start', 'first-id-01', {}, 1);
      db.close();
      // What a version-1 server left: no unique index, perhaps a repeated id.
      const raw = new Database(file);
      raw.exec("DROP INDEX events_msg_id; UPDATE meta SET value = '1' WHERE key = 'storeVersion'");
      if (repeat)
        raw.prepare("INSERT INTO events (room, seq, kind, msg_id, body, at) VALUES ('VERSION1', 2, 'start', 'first-id-01', '{}', 2)").run();
      raw.close();
    };
    v1(false);
    const db = new RoomDb(file);
    expect(db.hasMessage('VERSION1', 'first-id-01')).toBe(true);
    expect(() => db.append('VERSION1', 2, 'start', 'first-id-01', {}, 2)).toThrow(/UNIQUE/);
    db.deleteRoom('VERSION1');
    db.close();
    const raw = new Database(file);
    expect((raw.prepare("SELECT value FROM meta WHERE key = 'storeVersion'").get() as { value: string }).value).toBe(String(STORE_VERSION));
    raw.close();
    v1(true);
    expect(() => new RoomDb(file)).toThrow(/message first-id-01 twice in room VERSION1/);
  });
});
