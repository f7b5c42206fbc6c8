// "Logged before anyone is told" (README, "Several processes", group commits): in cluster mode a
// room applies an event at once and its write joins the next commit, so the gateway holds every
// acknowledgement and update until the log holds the writes before it. Here the holding is driven
// by hand through the gateway's `durable` option: nobody hears of a chat line before its commit,
// and when the room's write is refused the sender is told to send again and nobody hears of it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/app';
import { msgId, roomWith, testServer, type TestClient } from './helpers';

/** What the gateway hands over, released by the test as a group commit would. */
class Commits {
  holding = false;
  private held: Array<{ room: string | null; send: () => void; lost: (() => void) | undefined }> = [];
  readonly durable = (room: string | null, send: () => void, lost?: () => void) => {
    if (!this.holding) return send();
    this.held.push({ room, send, lost });
  };
  /** The commit: durable, except the rooms whose writes were refused. */
  commit(refused: string[] = []) {
    this.holding = false;
    for (const h of this.held.splice(0))
      if (h.room !== null && refused.includes(h.room)) h.lost?.();
      else h.send();
  }
}

const commits = new Commits();
let server: RunningServer;
beforeAll(async () => {
  server = await testServer({ gateway: { durable: commits.durable } });
});
afterAll(async () => {
  await server.close();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const heard = (c: TestClient, text: string) => JSON.stringify(c.received).includes(text);

describe('what a room sends waits for its log', () => {
  it('acknowledges a chat line and shows it to the others only after the commit', async () => {
    const { fac, teams } = await roomWith(server.url, ['iran']);
    const iran = teams.iran!.client;
    commits.holding = true;
    let answered: unknown = null;
    const ack = iran.call('chat.send', { id: msgId(), to: 'all', text: 'held line' }).then((a) => (answered = a));
    await sleep(300);
    expect(answered).toBeNull();
    expect(heard(fac, 'held line')).toBe(false);
    commits.commit();
    expect(await ack).toEqual({ ok: true });
    await fac.until((c) => heard(c, 'held line'), 3000, 'the line after the commit');
    fac.close();
    iran.close();
  });

  it('tells the sender to send again, and nobody else anything, when the room could not write it', async () => {
    const { fac, code, teams } = await roomWith(server.url, ['usa']);
    const usa = teams.usa!.client;
    commits.holding = true;
    const ack = usa.call('chat.send', { id: msgId(), to: 'all', text: 'refused line' });
    await sleep(300);
    commits.commit([code]);
    expect(await ack).toMatchObject({ ok: false, code: 'unavailable' });
    await sleep(300);
    expect(heard(fac, 'refused line')).toBe(false);
    fac.close();
    usa.close();
  });
});
