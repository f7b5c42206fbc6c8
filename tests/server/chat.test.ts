// One seat writing without end: its share of the room's chat runs out, the others can still
// write, the facilitator always can, and a join carries the newest page, never the whole chat.
import { describe, expect, it } from 'vitest';
import type { ChatLine } from '../../src/net/protocol';
import { CHAT_LIMITS, chatPage, chatRefusal, type ChatLimits } from '../../src/server/chatLimits';
import { client, msgId, roomWith, withTestServer } from './helpers';

// A generous allowance, so what stops the writer here is the chat's own limit.
const server = withTestServer({ gateway: { limits: { seat: { rate: 2000, burst: 2000 } } } });

describe('a seat that floods the chat', () => {
  it('is refused once its share is written; others still write; a join gets the newest page only', async () => {
    const { fac, code, teams } = await roomWith(server().url, ['iran', 'gulf']);
    const iran = teams.iran!;
    const line = 'x'.repeat(1000);
    const answers = [];
    for (let batch = 0; batch < 6; batch++)
      answers.push(
        ...(await Promise.all(Array.from({ length: 100 }, () => iran.client.call('chat.send', { id: msgId(), to: 'all', text: line })))),
      );
    const accepted = answers.filter((a) => a.ok).length;
    expect(accepted).toBeLessThanOrEqual(CHAT_LIMITS.linesPerSender);
    expect(accepted * 1000).toBeLessThanOrEqual(CHAT_LIMITS.bytesPerSender);
    const refusal = answers.find((a) => !a.ok);
    expect(refusal).toMatchObject({ ok: false, code: 'refused' });
    if (refusal && !refusal.ok) expect(refusal.reason).toMatch(/as much as one sender may/);
    expect(await teams.gulf!.client.call('chat.send', { id: msgId(), to: 'all', text: 'my turn' })).toEqual({ ok: true });
    expect(await fac.call('chat.send', { id: msgId(), to: 'all', text: 'calm down, please' })).toEqual({ ok: true });

    // A second laptop of the flooding seat joins: the sync carries one page, not 250 kB.
    const second = await client(server().url);
    expect(await second.call('room.join', { code, as: { kind: 'seat', token: iran.token }, name: 'second' })).toMatchObject({ ok: true });
    await second.until((c) => c.sync !== null, 5000, 'the sync');
    const sync = second.sync!;
    expect(JSON.stringify(sync.messages).length).toBeLessThan(CHAT_LIMITS.pageBytes + 4000);
    expect(sync.messages.at(-1)?.text).toBe('calm down, please');
    expect(sync.olderMessages).toBe(true);
    // The older lines come page by page when asked.
    const older = await second.call<{ messages: ChatLine[]; more: boolean }>('chat.older', { before: sync.messages[0]!.id });
    expect(older).toMatchObject({ ok: true, more: true });
    if (older.ok) expect(older.messages.length).toBeGreaterThan(0);
    for (const c of [fac, iran.client, teams.gulf!.client, second]) c.close();
  });
});

describe('the chat limits', () => {
  const small: ChatLimits = {
    linesPerSender: 3,
    bytesPerSender: 10_000,
    linesPerRoom: 5,
    bytesPerRoom: 100_000,
    pageLines: 2,
    pageBytes: 10_000,
  };
  const lineOf = (from: string, i: number): ChatLine => ({ id: `line-${from}-${i}`, at: i, from, by: from, to: 'all', text: `hello ${i}` });

  it('fill the room for the delegations, never for the facilitator', () => {
    const chat = ['iran', 'gulf', 'iran', 'usa', 'usa'].map(lineOf);
    expect(chatRefusal(chat, 'eu', 'one more', small)).toMatch(/messages of this room are full.*facilitator can still write/);
    expect(chatRefusal(chat, 'facilitator', 'one more', small)).toBeNull();
    expect(chatRefusal(chat.slice(0, 4), 'eu', 'one more', small)).toBeNull();
    expect(chatRefusal([...chat.slice(0, 3), lineOf('iran', 9)], 'iran', 'a fourth', small)).toMatch(/as much as one sender/);
  });

  it('count bytes too: a few long lines use a sender’s share', () => {
    const long = { ...lineOf('iran', 1), text: 'y'.repeat(9_000) };
    expect(chatRefusal([long], 'iran', 'z'.repeat(2_000), small)).toMatch(/as much as one sender/);
  });

  it('page from the newest back, in order, until the oldest', () => {
    const chat = Array.from({ length: 5 }, (_, i) => lineOf('iran', i));
    const first = chatPage(chat, null, small);
    expect(first.messages.map((l) => l.at)).toEqual([3, 4]);
    expect(first.more).toBe(true);
    const second = chatPage(chat, first.messages[0]!.id, small);
    expect(second.messages.map((l) => l.at)).toEqual([1, 2]);
    const last = chatPage(chat, second.messages[0]!.id, small);
    expect(last).toEqual({ messages: [chat[0]], more: false });
  });
});
