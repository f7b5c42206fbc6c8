// The room server with real socket.io clients: joining, seats, the checks on every message,
// versions and acks, and the fan-out of views.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/app';
import { client, msgId, roomWith, testServer, type TestClient } from './helpers';

let server: RunningServer;

beforeAll(async () => {
  server = await testServer({ gateway: { limits: { seat: { rate: 20, burst: 40 } } } });
}, 60_000);
afterAll(async () => {
  await server?.close();
});

const stateOf = (code: string) => {
  const room = server.rooms.get(code);
  if (!room) throw new Error('no room');
  return room;
};

describe('the room server', () => {
  it('answers /healthz with 200 and JSON once it accepts rooms', async () => {
    const r = await fetch(`${server.url}/healthz`);
    expect(r.status).toBe(200);
    expect(await r.json()).toMatchObject({ ok: true });
  });

  it('draws QR codes as SVG for a link, and refuses an overlong text', async () => {
    const ok = await fetch(`${server.url}/qr.svg?text=${encodeURIComponent('http://10.0.0.5:8080/#join=ABCD2345')}`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('image/svg+xml');
    expect(await ok.text()).toMatch(/^<svg/);
    expect((await fetch(`${server.url}/qr.svg?text=${'x'.repeat(500)}`)).status).toBe(400);
  });

  it('works over long polling alone (networks that block WebSockets)', async () => {
    const { fac, code } = await roomWith(server.url, []);
    const polling = await client(server.url, { transports: ['polling'] });
    expect(polling.socket.io.engine.transport.name).toBe('polling');
    expect(await polling.call('room.join', { code, as: { kind: 'lobby' }, name: 'Ana' })).toMatchObject({ ok: true });
    expect(await polling.call<{ token: string }>('seat.claim', { delegation: 'eu', name: 'Team Green' })).toMatchObject({ ok: true });
    await fac.call('room.action', { id: msgId(), action: { kind: 'start' } });
    await polling.until((c) => c.room?.started === true && c.view?.viewer.kind === 'delegation', 5000, 'start over polling');
    expect(
      await polling.call('intent', { id: msgId(), version: polling.version, intent: { type: 'negotiation.ready', actor: 'eu' } }),
    ).toEqual({ ok: true });
    await fac.until((c) => c.view?.delegations.eu?.ready === true, 5000, 'ready seen by the facilitator');
    polling.close();
    fac.close();
  });

  it('gives a short join code from an alphabet without look-alikes, and a facilitator key', async () => {
    const c = await client(server.url);
    const codes = new Set<string>();
    for (let i = 0; i < 3; i++) {
      const r = await c.call<{ code: string; key: string }>('room.create', { name: 'T' });
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      expect(r.code).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
      expect(r.key.length).toBeGreaterThanOrEqual(32);
      codes.add(r.code);
    }
    expect(codes.size).toBe(3);
    c.close();
  });

  it('sends each seat its own view; an accepted intent reaches every client of the room with a new version', async () => {
    const { fac, code, key, teams } = await roomWith(server.url, ['iran', 'gulf', 'usa']);
    const iran = teams.iran!.client;
    const gulf = teams.gulf!.client;
    expect(iran.sync?.role).toEqual({ kind: 'seat', delegation: 'iran' });
    expect(iran.view?.viewer).toEqual({ kind: 'delegation', id: 'iran' });
    expect(fac.view?.viewer).toEqual({ kind: 'facilitator' });
    // Before the start nothing is played.
    const early = await iran.call('intent', { id: msgId(), version: iran.version, intent: { type: 'negotiation.ready', actor: 'iran' } });
    expect(early).toMatchObject({ ok: false, code: 'refused' });
    expect(await fac.call('room.action', { id: msgId(), action: { kind: 'start' } })).toEqual({ ok: true });
    await iran.until((c) => c.room?.started === true);
    // Empty seats became AI seats; AI seats think and propose.
    expect(iran.room?.seats.find((s) => s.delegation === 'eu')?.mode).toBe('ai');
    const v0 = gulf.version;
    const r = await iran.call('intent', { id: msgId(), version: iran.version, intent: { type: 'negotiation.ready', actor: 'iran' } });
    expect(r).toEqual({ ok: true });
    await gulf.until((c) => c.view?.delegations.iran?.ready === true && c.version > v0, 5000, 'gulf sees iran ready');
    await fac.until((c) => c.view?.delegations.iran?.ready === true, 5000, 'facilitator sees iran ready');
    expect(stateOf(code).state.delegations.iran?.ready).toBe(true);
    // A second device joins the same seat with the team's token and sees the same view.
    const iran2 = await client(server.url);
    expect(await iran2.call('room.join', { code, as: { kind: 'seat', token: teams.iran!.token }, name: 'Ana' })).toMatchObject({
      ok: true,
      role: { kind: 'seat', delegation: 'iran' },
    });
    expect(iran2.view?.delegations.iran?.ready).toBe(true);
    await fac.until((c) => (c.room?.seats.find((s) => s.delegation === 'iran')?.online.length ?? 0) === 2, 5000, 'two iran devices online');
    for (const c of [fac, iran, iran2, gulf, teams.usa!.client]) c.close();
    void key;
  });

  it('refuses a forged seat, a facilitator action without the key, and changes nothing', async () => {
    // The room is not started, so no AI seat changes anything meanwhile.
    const { fac, code, teams } = await roomWith(server.url, ['iran', 'gulf']);
    const iran = teams.iran!.client;
    const room = stateOf(code);
    const before = room.version;
    const forged = await iran.call('intent', { id: msgId(), version: iran.version, intent: { type: 'negotiation.ready', actor: 'gulf' } });
    expect(forged).toMatchObject({ ok: false, code: 'forbidden' });
    const asFac = await iran.call('intent', {
      id: msgId(),
      version: iran.version,
      intent: { type: 'facilitator.pause', actor: 'facilitator' },
    });
    expect(asFac).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await iran.call('room.action', { id: msgId(), action: { kind: 'start' } })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await iran.call('log.download', {})).toMatchObject({ ok: false, code: 'forbidden' });
    const stranger = await client(server.url);
    expect(await stranger.call('room.join', { code, as: { kind: 'facilitator', key: 'x'.repeat(32) } })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    expect(await stranger.call('room.join', { code, as: { kind: 'seat', token: 'y'.repeat(32) } })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    // Claiming a seat a team holds needs that team's link.
    expect(await stranger.call('room.join', { code, as: { kind: 'lobby' } })).toMatchObject({ ok: true });
    expect(await stranger.call('seat.claim', { delegation: 'iran', name: 'Mallory' })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await stranger.call('intent', { id: msgId(), version: 0, intent: { type: 'negotiation.ready', actor: 'iran' } })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    expect(room.version).toBe(before);
    expect(room.state.paused).toBe(false);
    for (const c of [fac, iran, teams.gulf!.client, stranger]) c.close();
  });

  it('refuses malformed and oversized messages with an error, and changes nothing', async () => {
    const { fac, code, teams } = await roomWith(server.url, ['iran']);
    const iran = teams.iran!.client;
    const room = stateOf(code);
    const before = room.version;
    const bad: unknown[] = [
      null,
      'ready',
      42,
      { id: msgId(), version: iran.version },
      { id: msgId(), version: iran.version, intent: { type: 'nonsense', actor: 'iran' } },
      { id: msgId(), version: iran.version, intent: { type: 'package.accept', actor: 'iran', package: -1 } },
      { id: msgId(), version: -3, intent: { type: 'negotiation.ready', actor: 'iran' } },
      { id: 'x', version: iran.version, intent: { type: 'negotiation.ready', actor: 'iran' } },
      { id: msgId(), version: iran.version, intent: { type: 'negotiation.ready', actor: 'iran' }, extra: true },
    ];
    for (const m of bad) expect(await iran.call('intent', m)).toMatchObject({ ok: false, code: 'malformed' });
    const big = await iran.call('intent', {
      id: msgId(),
      version: iran.version,
      intent: { type: 'package.propose', actor: 'iran', steps: [], window: 1, note: 'x'.repeat(20_000) },
    });
    expect(big).toMatchObject({ ok: false, code: 'too-large' });
    expect(await iran.call('chat.send', { id: msgId(), to: 'all', text: 'y'.repeat(5000) })).toMatchObject({
      ok: false,
      code: 'malformed',
    });
    expect(await iran.call('room.join', { code: 12 })).toMatchObject({ ok: false, code: 'malformed' });
    expect(room.version).toBe(before);
    expect(iran.socket.connected).toBe(true);
    // A frame over socket.io's hard cap is cut off by the transport, not parsed.
    const huge = await client(server.url);
    huge.socket.emit('intent', { blob: 'z'.repeat(400_000) });
    await new Promise((r) => setTimeout(r, 300));
    expect(huge.socket.connected).toBe(false);
    expect(room.version).toBe(before);
    fac.close();
    iran.close();
  });

  it('applies a repeated message id once, and answers it the same', async () => {
    const { fac, code, teams } = await roomWith(server.url, ['iran']);
    await fac.call('room.action', { id: msgId(), action: { kind: 'start' } });
    const iran = teams.iran!.client;
    await iran.until((c) => c.room?.started === true);
    const room = stateOf(code);
    const id = msgId();
    const logBefore = room.session.log.length;
    const m = { id, version: iran.version, intent: { type: 'negotiation.ready', actor: 'iran' } };
    const [a, b] = await Promise.all([iran.call('intent', m), iran.call('intent', m)]);
    expect(a).toEqual({ ok: true });
    expect(b).toEqual({ ok: true });
    expect(await iran.call('intent', m)).toEqual({ ok: true });
    const mine = room.session.log.slice(logBefore).filter((e) => e.actor === 'iran');
    expect(mine).toHaveLength(1);
    const chatId = msgId();
    await iran.call('chat.send', { id: chatId, to: 'all', text: 'hello' });
    await iran.call('chat.send', { id: chatId, to: 'all', text: 'hello' });
    expect(room.chat.filter((l) => l.id === chatId)).toHaveLength(1);
    fac.close();
    iran.close();
  });

  it('refuses an intent made from a view of an earlier step, and resyncs the client', async () => {
    const { fac, code, teams } = await roomWith(server.url, ['iran', 'gulf']);
    await fac.call('room.action', { id: msgId(), action: { kind: 'start' } });
    const iran = teams.iran!.client;
    await iran.until((c) => c.room?.started === true);
    const old = iran.version;
    // The facilitator closes the negotiation: the commit step opens.
    expect(await fac.call('intent', { id: msgId(), version: fac.version, intent: { type: 'step.close', actor: 'facilitator' } })).toEqual({
      ok: true,
    });
    await iran.until((c) => c.view?.step === 'commit', 5000, 'commit step');
    const syncs = iran.received.filter((m) => m.event === 'sync').length;
    const r = await iran.call('intent', {
      id: msgId(),
      version: old,
      intent: { type: 'commit.submit', actor: 'iran', commit: { moves: [], defect: [] } },
    });
    expect(r).toMatchObject({ ok: false, code: 'stale' });
    await iran.until((c) => c.received.filter((m) => m.event === 'sync').length > syncs, 3000, 'a resync');
    expect(stateOf(code).state.delegations.iran?.committed).toBe(false);
    // From the fresh view the same commit is accepted.
    const ok = await iran.call('intent', {
      id: msgId(),
      version: iran.version,
      intent: { type: 'commit.submit', actor: 'iran', commit: { moves: [], defect: [] } },
    });
    expect(ok).toEqual({ ok: true });
    expect(stateOf(code).state.delegations.iran?.committedBy).toBe('team iran');
    fac.close();
    iran.close();
    teams.gulf!.client.close();
  });

  it('throttles a flooding connection without slowing the others', async () => {
    const { fac, teams } = await roomWith(server.url, ['iran', 'gulf']);
    const flood = teams.iran!.client;
    const calm = teams.gulf!.client;
    const answers = await Promise.all(
      Array.from({ length: 120 }, () => flood.call('chat.send', { id: msgId(), to: 'team', text: 'spam' })),
    );
    const throttled = answers.filter((a) => !a.ok && a.code === 'throttled').length;
    expect(throttled).toBeGreaterThan(60);
    const t0 = performance.now();
    expect(await calm.call('chat.send', { id: msgId(), to: 'all', text: 'still here' })).toEqual({ ok: true });
    expect(performance.now() - t0).toBeLessThan(500);
    for (const c of [fac, flood, calm]) c.close();
  });

  it('delivers messages privately, to groups and to all; the facilitator reads everything; a late device sees its seat history', async () => {
    const { fac, teams, code } = await roomWith(server.url, ['iran', 'gulf', 'usa']);
    const [iran, gulf, usa] = [teams.iran!.client, teams.gulf!.client, teams.usa!.client];
    await iran.call('chat.send', { id: msgId(), to: ['gulf'], text: 'private to gulf' });
    await iran.call('chat.send', { id: msgId(), to: ['gulf', 'usa'], text: 'group' });
    await iran.call('chat.send', { id: msgId(), to: 'team', text: 'team only' });
    await usa.call('chat.send', { id: msgId(), to: 'all', text: 'to all' });
    await fac.call('chat.send', { id: msgId(), to: ['usa'], text: 'facilitator to usa' });
    await new Promise((r) => setTimeout(r, 200));
    const texts = (c: TestClient) =>
      c.received.flatMap((m) => ((m.data as { messages?: Array<{ text: string }> }).messages ?? []).map((l) => l.text)).sort();
    expect(texts(gulf)).toEqual(['group', 'private to gulf', 'to all'].sort());
    expect(texts(usa)).toEqual(['facilitator to usa', 'group', 'to all'].sort());
    expect(texts(fac)).toEqual(['facilitator to usa', 'group', 'private to gulf', 'team only', 'to all'].sort());
    const late = await client(server.url);
    await late.call('room.join', { code, as: { kind: 'seat', token: teams.iran!.token }, name: 'late' });
    expect(late.sync?.messages.map((l) => l.text).sort()).toEqual(['group', 'private to gulf', 'team only', 'to all'].sort());
    for (const c of [fac, iran, gulf, usa, late]) c.close();
  });
});
