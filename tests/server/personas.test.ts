// AI seats in a room play the persona the facilitator chose, exactly as solo play and the command
// line play it: one seat scheduler, one AI. A hawk expert and a dove novice, chosen through the
// facilitator's messages (as the console sends them), decide differently from standard pragmatists,
// and the room's game is, decision for decision, the one a local game of the same seed plays.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { playToEnd } from '../../src/ai/autoplay';
import { createInlineAiClient } from '../../src/ai/inlineClient';
import type { Persona } from '../../src/ai/persona';
import type { LogEntry } from '../../src/machine/gameMachine';
import type { LogFile } from '../../src/machine/replay';
import { GameSession } from '../../src/machine/session';
import { LocalTransport } from '../../src/net/localTransport';
import type { RunningServer } from '../../src/server/app';
import { client, defaultScenario, msgId, testServer } from './helpers';

const scenario = defaultScenario();
const SEED = 21;
const HAWK_EXPERT: Persona = { personality: 'hawk', difficulty: 'expert' };
const DOVE_NOVICE: Persona = { personality: 'dove', difficulty: 'novice' };
const EU: Persona = { personality: 'hawk', difficulty: 'standard' };
const chosen = { iran: HAWK_EXPERT, gulf: DOVE_NOVICE };

let server: RunningServer;
beforeAll(async () => void (server = await testServer()), 60_000);
afterAll(() => server?.close());

const moves = (log: readonly LogEntry[], d: string) => log.filter((e) => e.actor === d).map((e) => JSON.stringify(e.intent));

function cliGame(personas: Record<string, Persona>): readonly LogEntry[] {
  const s = GameSession.start(scenario, SEED);
  playToEnd(scenario, s, { personas });
  return s.log;
}

async function localGame(personas: Record<string, Persona>): Promise<readonly LogEntry[]> {
  const t = new LocalTransport({ scenario, seed: SEED, humans: [], personas }, createInlineAiClient(scenario));
  const end = Date.now() + 60_000;
  while (t.progress().outcome === null && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
  const log = t.log;
  t.dispose();
  return log;
}

describe('AI personas in a room', () => {
  it('play a hawk expert and a dove novice as solo play does, and unlike standard pragmatists', async () => {
    const fac = await client(server.url);
    // One persona chosen as the room is made, two from the console afterwards.
    const created = await fac.call<{ code: string; key: string }>('room.create', { name: 'Ms Rivera', seed: SEED, personas: { eu: EU } });
    if (!created.ok) throw new Error(created.reason);
    await fac.call('room.join', { code: created.code, as: { kind: 'facilitator', key: created.key }, name: 'Ms Rivera' });
    for (const [delegation, persona] of Object.entries(chosen))
      expect(await fac.call('room.action', { id: msgId(), action: { kind: 'persona', delegation, persona } })).toEqual({ ok: true });
    // The lobby and the console show who the AI is at each seat.
    await fac.until(
      (c) => c.room?.seats.find((s) => s.delegation === 'gulf')?.persona.personality === 'dove',
      5000,
      'personas in the room info',
    );
    expect(fac.room?.seats.find((s) => s.delegation === 'iran')?.persona).toEqual(HAWK_EXPERT);
    expect(fac.room?.seats.find((s) => s.delegation === 'eu')?.persona).toEqual(EU);
    expect(fac.room?.seats.find((s) => s.delegation === 'usa')?.persona).toEqual({ personality: 'pragmatist', difficulty: 'standard' });
    // A bad persona is refused with the field named.
    expect(
      await fac.call('room.action', {
        id: msgId(),
        action: { kind: 'persona', delegation: 'iran', persona: { personality: 'falcon', difficulty: 'expert' } },
      }),
    ).toMatchObject({
      ok: false,
      code: 'malformed',
      reason: /personality/,
    });

    await fac.call('room.action', { id: msgId(), action: { kind: 'start' } });
    await fac.until((c) => (c.view?.round ?? 0) >= 3, 60_000, 'the AI seats play two rounds');
    await fac.call('intent', { id: msgId(), version: fac.version, intent: { type: 'facilitator.pause', actor: 'facilitator' } });
    const dl = await fac.call<{ log: { log: LogFile } }>('log.download', {});
    if (!dl.ok) throw new Error(dl.reason);
    const room = dl.log.log.entries.filter((e) => e.actor !== 'facilitator');
    expect(room.length).toBeGreaterThan(20);

    const personas = { ...chosen, eu: EU };
    const cli = cliGame(personas);
    const local = await localGame(personas);
    // The same decisions, in the same order, as the command line and a local game of the same seed.
    expect(room).toEqual(cli.slice(0, room.length));
    expect(local).toEqual(cli);
    // And not the game standard pragmatists play (what every AI seat of a room used to be).
    const standard = cliGame({}).slice(0, room.length);
    expect(moves(room, 'iran')).not.toEqual(moves(standard, 'iran'));
    expect(moves(room, 'gulf')).not.toEqual(moves(standard, 'gulf'));
    // The expert weighs its sealed commit in sampled futures; the novice does not.
    const reasons = (d: string) =>
      room.filter((e) => e.actor === d && e.intent.type === 'commit.submit').map((e) => (e.intent as { reason?: string }).reason ?? '');
    expect(reasons('iran').some((r) => /sampled futures?\./.test(r))).toBe(true);
    expect(reasons('gulf').some((r) => /sampled future/.test(r))).toBe(false);
    fac.close();
  }, 120_000);
});
