// The page's room transport over a short drop of its connection: what a team sends while the
// connection is down (or whose answer the drop lost) is applied after the rejoin, once.
import { describe, expect, it } from 'vitest';
import { RoomTransport } from '../../src/net/roomTransport';
import { msgId, roomWith, type TestClient, withTestServer } from '../server/helpers';

const server = withTestServer();

/** Drops the transport's connection as a Wi-Fi hiccup would (socket.io then reconnects by itself). */
const drop = (t: RoomTransport) => (t as unknown as { socket: { io: { engine: { close(): void } } } }).socket.io.engine.close();

async function seatedTeam(): Promise<{ fac: TestClient; code: string; team: RoomTransport }> {
  const { fac, code } = await roomWith(server().url, []);
  const team = await RoomTransport.open({ code, as: { kind: 'lobby' }, name: 'Team Blue' }, server().url);
  const claimed = await team.claim('iran', 'Team Blue');
  if (!claimed.ok) throw new Error(claimed.reason);
  await fac.call('room.action', { id: msgId(), action: { kind: 'start' } });
  const end = Date.now() + 5000;
  while (!(team.room.started && team.role.kind === 'seat' && team.view().step === 'negotiation') && Date.now() < end)
    await new Promise((r) => setTimeout(r, 20));
  return { fac, code, team };
}

const linesOf = (code: string, text: string) =>
  server()
    .rooms.get(code)!
    .chat.filter((l) => l.text === text).length;
const readyIntents = (code: string) =>
  server()
    .rooms.get(code)!
    .session.log.filter((e) => e.intent.type === 'negotiation.ready' && e.intent.actor === 'iran').length;

describe('the room transport over a drop', () => {
  it('sends what was sent while the connection was down after the rejoin, and each once', async () => {
    const { fac, code, team } = await seatedTeam();
    drop(team);
    expect(team.connection).toBe('reconnecting');
    const [chat, ready] = await Promise.all([
      team.chat('all', 'sent during the drop'),
      team.send({ type: 'negotiation.ready', actor: 'iran' }),
    ]);
    expect(chat).toEqual({ ok: true });
    expect(ready).toEqual({ ok: true });
    expect(linesOf(code, 'sent during the drop')).toBe(1);
    expect(server().rooms.get(code)!.state.delegations.iran?.ready).toBe(true);
    expect(readyIntents(code)).toBe(1);
    await new Promise((r) => setTimeout(r, 300));
    expect(linesOf(code, 'sent during the drop')).toBe(1);
    team.dispose();
    fac.close();
  });

  it('joins again with the scenario it holds: the sync after a drop leaves the scenario out, and the page keeps its own', async () => {
    const { fac, team } = await seatedTeam();
    const syncs: Array<{ scenario?: unknown; scenarioKey: string }> = [];
    (team as unknown as { socket: { on(e: string, f: (m: never) => void): void } }).socket.on('sync', (m: never) => syncs.push(m));
    const scenario = team.scenario;
    drop(team);
    const end = Date.now() + 8000;
    while (!(syncs.length > 0 && team.connection === 'online') && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
    expect(syncs.length).toBe(1);
    expect(syncs[0]?.scenario).toBeUndefined();
    expect(syncs[0]?.scenarioKey).toMatch(/seat:iran/);
    expect(team.scenario).toBe(scenario);
    expect(await team.send({ type: 'negotiation.ready', actor: 'iran' })).toEqual({ ok: true });
    // A page that holds another scenario (or none) gets it whole.
    const other = await RoomTransport.open({ code: team.room.code, as: { kind: 'projector' }, name: 'Wall' }, server().url);
    expect(other.scenario.id).toBe(scenario.id);
    other.dispose();
    team.dispose();
    fac.close();
  });

  it('asks again for an answer the drop lost, and the server applies the message once', async () => {
    const { fac, code, team } = await seatedTeam();
    // The server applies the message, then the connection drops before the answer goes back.
    const room = server().rooms.get(code)!;
    const sendChat = room.sendChat.bind(room);
    const socketId = (team as unknown as { socket: { id: string } }).socket.id;
    let received = 0;
    room.sendChat = (...args) => {
      const ack = sendChat(...args);
      if (received++ === 0) server().io.sockets.sockets.get(socketId)?.conn.close();
      return ack;
    };
    const chat = team.chat('all', 'answer lost');
    const answer = await chat;
    expect(answer).toEqual({ ok: true });
    await new Promise((r) => setTimeout(r, 300));
    expect(received).toBe(2);
    expect(linesOf(code, 'answer lost')).toBe(1);
    team.dispose();
    fac.close();
  });

  it('pages older chat lines: a join carries the newest, the rest come when asked', async () => {
    const { fac, code, team } = await seatedTeam();
    const room = server().rooms.get(code)!;
    // A long conversation, as a whole lesson of messages (written straight into the room).
    for (let i = 0; i < 150; i++)
      room.sendChat({ kind: 'facilitator' }, 'Facilitator', { id: `line-${String(i).padStart(4, '0')}`, to: 'all', text: `message ${i}` });
    const late = await RoomTransport.open({ code, as: { kind: 'projector' }, name: 'wall' }, server().url);
    late.dispose();
    const again = await RoomTransport.open({ code, as: team.credentials.as, name: 'Team Blue, second laptop' }, server().url);
    expect(again.messages.length).toBeLessThan(150);
    expect(again.messages.at(-1)?.text).toBe('message 149');
    expect(again.olderMessages).toBe(true);
    while (again.olderMessages) expect(await again.loadOlderMessages()).toEqual({ ok: true });
    expect(again.messages.map((l) => l.text)).toEqual(Array.from({ length: 150 }, (_, i) => `message ${i}`));
    again.dispose();
    team.dispose();
    fac.close();
  });
});
