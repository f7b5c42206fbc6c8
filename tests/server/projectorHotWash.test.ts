// The projector's debrief mode (docs/rules.md §7, the hot wash): only the facilitator switches
// it, every client learns it with the room, it survives a restart of the room's log, and the hot
// wash the wall builds from what it receives during play holds nothing private.
import { describe, expect, it } from 'vitest';
import { objectivesOf } from '../../src/engine';
import { buildHotWash } from '../../src/report/hotWash';
import { decodeEvent, encodeEvent } from '../../src/server/roomEvents';
import { client, msgId, roomWith, withTestServer } from './helpers';

const server = withTestServer();

describe('the projector’s debrief mode', () => {
  it('is switched by the facilitator alone, and the wall’s hot wash shows no secret during play', async () => {
    const { fac, code, teams } = await roomWith(server().url, ['iran']);
    const projector = await client(server().url);
    expect(await projector.call('room.join', { code, as: { kind: 'projector' } })).toMatchObject({ ok: true });
    expect(projector.room?.projector).toBe('live');
    const act = (action: unknown) => fac.call('room.action', { id: msgId(), action });
    expect(await act({ kind: 'start' })).toEqual({ ok: true });
    await fac.until((c) => c.room?.clock?.step === 'negotiation', 5000, 'the negotiation');

    // A secret on the table: an inject to Iran alone (its public trace says only that figures moved).
    const intent = (i: unknown) => fac.call('intent', { id: msgId(), version: fac.version, intent: i });
    expect(
      await intent({
        type: 'facilitator.inject',
        actor: 'facilitator',
        inject: { title: 'Back channel in Muscat', text: 'Oman hosts a quiet meeting.', audience: ['iran'], effects: { tension: -2 } },
      }),
    ).toEqual({ ok: true });

    // A team cannot switch the wall; a bad mode is refused with a reason.
    const team = teams.iran!.client;
    const byTeam = await team.call('room.action', { id: msgId(), action: { kind: 'projector', mode: 'hotwash' } });
    expect(byTeam.ok).toBe(false);
    const bad = await act({ kind: 'projector', mode: 'everything' });
    expect(bad).toMatchObject({ ok: false, code: 'malformed' });

    expect(await act({ kind: 'projector', mode: 'hotwash' })).toEqual({ ok: true });
    await projector.until((c) => c.room?.projector === 'hotwash', 5000, 'the projector in debrief mode');
    await team.until((c) => c.room?.projector === 'hotwash', 5000, 'the team told');
    await projector.until((c) => !!c.view?.events.some((e) => e.text.startsWith('An event not made public')), 5000, 'the trace');

    const room = server().rooms.get(code)!;
    const state = room.state;
    const hw = JSON.stringify(buildHotWash(room.scenario, projector.view!));
    for (const e of state.events.filter((x) => x.audience !== 'all')) expect(hw).not.toContain(e.text);
    for (const d of room.scenario.delegations) for (const o of objectivesOf(room.scenario, state, d.id)) expect(hw).not.toContain(o.text);
    expect(hw).not.toContain('Muscat');
    expect(hw).not.toContain('sponsored by');

    expect(await act({ kind: 'projector', mode: 'live' })).toEqual({ ok: true });
    await projector.until((c) => c.room?.projector === 'live', 5000, 'the projector back to live');
    fac.close();
    team.close();
    projector.close();
  }, 30_000);

  it('is kept in the room’s log like any room event', () => {
    const e = { kind: 'projector', mode: 'hotwash' } as const;
    const { kind, body } = encodeEvent(e);
    expect(decodeEvent(kind, JSON.parse(JSON.stringify(body)))).toEqual(e);
    expect(() => decodeEvent('projector', { mode: 'sideways' })).toThrow(/projector mode/);
  });
});
