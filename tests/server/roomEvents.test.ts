// The room as the fold of its typed event log: the reducer the live room and a restart share,
// the personas a facilitator chose surviving a restart, and a log that cannot be read refused
// with the event and the reason.
import { describe, expect, it } from 'vitest';
import { catalog } from '../../src/engine';
import { RoomDb } from '../../src/server/db';
import { hashSecret, Room, type RoomInit } from '../../src/server/room';
import { decodeEvent, encodeEvent, initialRoomState, reduceRoom, type RoomEvent } from '../../src/server/roomEvents';
import { defaultScenario } from './helpers';

const scenario = defaultScenario();
const ids = catalog(scenario).delegationIds;

function newRoom(db: RoomDb, code: string) {
  const init: RoomInit = { code, scenario, seed: 3, keyHash: hashSecret('k'), createdAt: 1 };
  db.createRoom({
    code,
    createdAt: 1,
    scenarioId: scenario.id,
    scenarioJson: JSON.stringify(scenario),
    seed: 3,
    keyHash: init.keyHash,
    engineVersion: 1,
  });
  return { room: new Room(init, db, () => 10), init };
}

describe('room events', () => {
  it('fold into the room without changing the state they start from', () => {
    const s0 = initialRoomState(ids);
    const events: RoomEvent[] = [
      { kind: 'claim', delegation: 'iran', team: 'Blue', tokenHash: 'h1' },
      { kind: 'persona', delegation: 'usa', persona: { personality: 'hawk', difficulty: 'expert' } },
      { kind: 'start' },
      { kind: 'seatMode', delegation: 'iran', mode: 'ai', persona: { personality: 'dove', difficulty: 'novice' } },
      { kind: 'chat', line: { id: 'c1', at: 5, from: 'iran', by: 'Ana', to: 'all', text: 'hello' } },
    ];
    const frozen = JSON.stringify([...s0.seats.values()]);
    const s = events.reduce(reduceRoom, s0);
    expect(JSON.stringify([...s0.seats.values()])).toBe(frozen);
    expect(s.started).toBe(true);
    // Unclaimed seats became the AI's at the start; iran was handed to the AI as a dove novice.
    expect(s.seats.get('gulf')?.mode).toBe('ai');
    expect(s.seats.get('iran')).toMatchObject({ mode: 'ai', team: 'Blue', persona: { personality: 'dove', difficulty: 'novice' } });
    expect(s.seats.get('usa')?.persona).toEqual({ personality: 'hawk', difficulty: 'expert' });
    expect(s.chat.map((l) => l.text)).toEqual(['hello']);
    // What is written is what is read back.
    for (const e of events) {
      const { kind, body } = encodeEvent(e);
      expect(decodeEvent(kind, JSON.parse(JSON.stringify(body)))).toEqual(e);
    }
  });

  it('refuse a log they cannot read, naming the problem', () => {
    expect(() => decodeEvent('teleport', {})).toThrow(/unknown event kind "teleport"/);
    expect(() => decodeEvent('persona', { delegation: 'iran', persona: { personality: 'falcon', difficulty: 'expert' } })).toThrow(
      /personality "falcon"/,
    );
    expect(() => decodeEvent('claim', { delegation: 'iran' })).toThrow(/"team" is not a string/);
  });

  it('keep the personas the facilitator chose across a restart', () => {
    const db = new RoomDb(':memory:');
    const { room, init } = newRoom(db, 'PERSONAS');
    room.choosePersonas({ eu: { personality: 'dove', difficulty: 'expert' } });
    expect(
      room.action('persona-001', { kind: 'persona', delegation: 'israel', persona: { personality: 'hawk', difficulty: 'novice' } }),
    ).toEqual({ ok: true });
    expect(room.claim('iran', 'Blue').ok).toBe(true);
    expect(room.action('start-00001', { kind: 'start' })).toEqual({ ok: true });
    expect(
      room.action('to-ai-00001', {
        kind: 'seatMode',
        delegation: 'iran',
        mode: 'ai',
        persona: { personality: 'hawk', difficulty: 'expert' },
      }),
    ).toEqual({ ok: true });
    expect(
      room.action('persona-002', { kind: 'persona', delegation: 'atlantis', persona: { personality: 'hawk', difficulty: 'novice' } }),
    ).toMatchObject({ ok: false, code: 'not-found' });
    const before = ids.map((d) => [d, room.personaOf(d), room.seats.get(d)?.mode]);
    room.dispose();
    const again = new Room(init, db, () => 20);
    again.restore(db.events('PERSONAS'), db.snapshot('PERSONAS'));
    expect(ids.map((d) => [d, again.personaOf(d), again.seats.get(d)?.mode])).toEqual(before);
    expect(again.personaOf('iran')).toEqual({ personality: 'hawk', difficulty: 'expert' });
    expect(again.personaOf('israel')).toEqual({ personality: 'hawk', difficulty: 'novice' });
    expect(again.personaOf('eu')).toEqual({ personality: 'dove', difficulty: 'expert' });
    expect(again.personaOf('usa')).toEqual({ personality: 'pragmatist', difficulty: 'standard' });
    again.dispose();
    db.close();
  });
});
