// Players can write to the White Cell: a seat's message to 'facilitator' reaches the facilitator
// and nobody else, and carries the round and step it was sent in.
import { describe, expect, it } from 'vitest';
import { msgId, roomWith, withTestServer } from './helpers';

const server = withTestServer();

describe('a message to the White Cell', () => {
  it('reaches the facilitator only', async () => {
    const { fac, code, teams } = await roomWith(server().url, ['iran', 'usa']);
    await fac.call('room.action', { id: msgId(), action: { kind: 'start' } });
    const iran = teams.iran!.client;
    const usa = teams.usa!.client;
    const text = 'May we offer the inspectors a second site?';
    expect(await iran.call('chat.send', { id: msgId(), to: ['facilitator'], text })).toEqual({ ok: true });
    const line = server()
      .rooms.get(code)!
      .chat.find((l) => l.text === text);
    expect(line).toMatchObject({ from: 'iran', to: ['facilitator'], round: 1, step: 'negotiation' });
    await fac.until((c) => c.received.some((m) => JSON.stringify(m.data).includes(text)), 5000, 'the facilitator reads it');
    await new Promise((r) => setTimeout(r, 200));
    expect(usa.received.some((m) => JSON.stringify(m.data).includes(text))).toBe(false);
    // The facilitator has no "to the White Cell" channel of its own.
    expect(await fac.call('chat.send', { id: msgId(), to: ['facilitator'], text: 'to myself' })).toMatchObject({ ok: false });
    fac.close();
    iran.close();
    usa.close();
  });
});
