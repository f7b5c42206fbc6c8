// Allowances (README, "Abuse"): messages of a seat on an address, 30 at once then 10 a second; a
// join or a resync brings the whole picture and has an allowance of its own, so a client that has
// just used up its messages still joins again and resyncs after a drop (the page does both by
// itself), while a client asking for pictures in a loop is still refused.
import { describe, expect, it } from 'vitest';
import { ClientGate, DEFAULT_LIMITS } from '../../src/server/limits';

const seat = { address: '10.0.0.7', seat: 'ABCD2345:iran' };

describe('the allowance of a seat', () => {
  it('refuses the messages past the burst', () => {
    const gate = new ClientGate();
    const verdicts = Array.from({ length: DEFAULT_LIMITS.seat.burst + 1 }, () => gate.admit(seat, { text: 'hi' }));
    expect(verdicts.slice(0, -1).every((v) => v.refusal === null)).toBe(true);
    expect(verdicts.at(-1)?.refusal).toMatchObject({ ok: false, code: 'throttled', reason: 'too many messages: slow down' });
  });

  it('still lets a client that used up its messages join again and resync (a reconnection after a drop)', () => {
    const gate = new ClientGate();
    for (let i = 0; i < DEFAULT_LIMITS.seat.burst + 5; i++) gate.admit(seat, { text: 'a lot' });
    expect(gate.admit(seat, { text: 'one more' }).refusal).not.toBeNull();
    // The page's own rejoin and resync right after.
    expect(gate.admit(seat, { code: 'ABCD2345' }, true)).toEqual({ refusal: null, cut: false });
    expect(gate.admit(seat, {}, true)).toEqual({ refusal: null, cut: false });
  });

  it('refuses a client asking for the whole picture in a loop, without taking its messages', () => {
    const gate = new ClientGate();
    const pictures = Array.from({ length: DEFAULT_LIMITS.picture.burst + 1 }, () => gate.admit(seat, {}, true));
    expect(pictures.filter((v) => v.refusal === null)).toHaveLength(DEFAULT_LIMITS.picture.burst);
    expect(pictures.at(-1)?.refusal).toMatchObject({ ok: false, code: 'throttled' });
    expect(gate.admit(seat, { text: 'still here' }).refusal).toBeNull();
  });

  it('cuts off a client whose refusals, of messages and of pictures together, pass the limit', () => {
    const gate = new ClientGate();
    let last = gate.admit(seat, {});
    for (let i = 0; i < 200 && !last.cut; i++) last = gate.admit(seat, {}, i % 2 === 0);
    expect(last).toMatchObject({ cut: true, refusal: { code: 'throttled' } });
  });
});
