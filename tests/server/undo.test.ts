// docs/rules.md §10, Undo, in a room: the White Cell undoes a hand-over, a release, added time, a
// pace change and an inject until the round resolves; the record keeps the act and its undo, with
// the reason; the console is sent the list; a second undo, or one of a resolved round, is refused.
import { describe, expect, it } from 'vitest';
import { decodeEvent, encodeEvent, type RoomEvent } from '../../src/server/roomEvents';
import { logFile } from '../../src/server/roomInfo';
import { actsOf, client, msgId, roomWith, withTestServer } from './helpers';

const server = withTestServer();

describe('undo in a room', () => {
  it('puts seats, clocks and the pace back, and takes back an inject, each marked in the record', async () => {
    const { fac, code, teams } = await roomWith(server().url, ['iran', 'usa']);
    const room = server().rooms.get(code)!;
    const act = (action: unknown) => fac.call('room.action', { id: msgId(), action });
    expect(await act({ kind: 'start' })).toEqual({ ok: true });
    await fac.until((c) => c.room?.clock?.step === 'negotiation', 5000, 'negotiation clock');
    const clockBefore = room.clock!.totalMs;

    expect(await act({ kind: 'extend', minutes: 3, reason: 'asked for time' })).toEqual({ ok: true });
    expect(room.clock!.totalMs).toBe(clockBefore + 180_000);
    expect(await act({ kind: 'releaseSeat', delegation: 'usa', reason: 'wrong team' })).toEqual({ ok: true });
    expect(room.seats.get('usa')).toMatchObject({ mode: 'ai', team: null });
    expect(await act({ kind: 'pace', seconds: 60 })).toEqual({ ok: true });
    const fired = await fac.call('intent', {
      id: msgId(),
      version: fac.version,
      intent: { type: 'facilitator.inject', actor: 'facilitator', inject: 'border-skirmish' },
    });
    expect(fired).toEqual({ ok: true });
    expect(room.state.firedInjects).toContain('border-skirmish');

    await fac.until((c) => actsOf(c).some((a) => a.id.startsWith('game:') && a.undoable), 5000, 'the inject in the console list');
    const listed = actsOf(fac);
    const injectAct = listed.find((a) => a.text.startsWith('Fired the inject'))!;
    const extendAct = listed.find((a) => a.text.startsWith('Added 3 min'))!;
    const releaseAct = listed.find((a) => a.text.startsWith('Released'))!;
    const paceAct = listed.find((a) => a.text.startsWith('AI seats now finish a step after 60'))!;
    for (const a of [injectAct, extendAct, releaseAct, paceAct]) expect(a).toMatchObject({ undoable: true, undone: false });

    expect(await act({ kind: 'undo', act: extendAct.id, reason: 'they did not need it' })).toEqual({ ok: true });
    expect(room.clock!.totalMs).toBe(clockBefore);
    expect(await act({ kind: 'undo', act: releaseAct.id })).toEqual({ ok: true });
    expect(room.seats.get('usa')).toMatchObject({ mode: 'human', team: 'team usa' });
    expect(room.seats.get('usa')!.tokens).toHaveLength(1);
    expect(await act({ kind: 'undo', act: paceAct.id })).toEqual({ ok: true });
    expect(room.pace).toBeNull();
    expect(await act({ kind: 'undo', act: injectAct.id, reason: 'fired by mistake' })).toEqual({ ok: true });
    expect(room.state.firedInjects).not.toContain('border-skirmish');
    expect(room.state.events.at(-1)?.text).toMatch(/^The White Cell undid: .*Why undone: fired by mistake$/);

    // Once only, with a clear reason.
    expect(await act({ kind: 'undo', act: extendAct.id })).toMatchObject({ ok: false, reason: expect.stringMatching(/already undone/) });
    expect(await act({ kind: 'undo', act: injectAct.id })).toMatchObject({ ok: false, reason: expect.stringMatching(/already undone/) });
    expect(await act({ kind: 'undo', act: 'room:999' })).toMatchObject({ ok: false, code: 'not-found' });
    expect(await act({ kind: 'undo', act: 'nonsense' })).toMatchObject({ ok: false, code: 'malformed' });

    const { transcript } = logFile(room) as { transcript: { whiteCell: Array<{ text: string; reason?: string; undone?: true }> } };
    const texts = transcript.whiteCell.map((e) => `${e.text}${e.reason ? ` | ${e.reason}` : ''}${e.undone ? ' (undone)' : ''}`);
    expect(texts).toContain('Added 3 min to the running clock. | asked for time (undone)');
    expect(texts).toContain('Undid: Added 3 min to the running clock. | they did not need it');
    await fac.until((c) => actsOf(c).filter((a) => a.undone).length === 4, 5000, 'four undone acts in the console list');
    fac.close();
    teams.iran!.client.close();
    teams.usa!.client.close();
  });

  it('a seat put back by an undo is taken from whoever claimed it since: their device loses the seat view', async () => {
    const { fac, code } = await roomWith(server().url, ['iran', 'usa']);
    const act = (action: unknown) => fac.call('room.action', { id: msgId(), action });
    expect(await act({ kind: 'start' })).toEqual({ ok: true });
    expect(await act({ kind: 'releaseSeat', delegation: 'usa', reason: 'wrong team' })).toEqual({ ok: true });
    const stranger = await client(server().url);
    expect(await stranger.call('room.join', { code, as: { kind: 'lobby' }, name: 'Eve' })).toMatchObject({ ok: true });
    expect(await stranger.call('seat.claim', { delegation: 'usa', name: 'Team Eve' })).toMatchObject({ ok: true });
    await stranger.until((c) => c.view?.viewer.kind === 'delegation', 5000, 'the claimer seated as the US');
    await fac.until((c) => actsOf(c).some((a) => a.text.startsWith('Released') && a.undoable), 5000, 'the release in the console list');
    const release = actsOf(fac).find((a) => a.text.startsWith('Released'))!;
    expect(await act({ kind: 'undo', act: release.id, reason: 'the right team is back' })).toEqual({ ok: true });
    expect(server().rooms.get(code)!.seats.get('usa')).toMatchObject({ mode: 'human', team: 'team usa' });
    await stranger.until((c) => c.view?.viewer.kind !== 'delegation', 5000, 'the claimer back in the lobby');
    stranger.close();
    fac.close();
  });

  it('refuses to undo a room act once its round has resolved', async () => {
    const { fac, code, teams } = await roomWith(server().url, ['iran']);
    const room = server().rooms.get(code)!;
    const act = (action: unknown) => fac.call('room.action', { id: msgId(), action });
    expect(await act({ kind: 'start' })).toEqual({ ok: true });
    expect(await act({ kind: 'clock', step: 'commit', minutes: 2 })).toEqual({ ok: true });
    const index = room.record.length - 1;
    // Iran on the AI plays the round through (tests run the AI at once).
    expect(await act({ kind: 'seatMode', delegation: 'iran', mode: 'ai' })).toEqual({ ok: true });
    await fac.until(() => room.state.round >= 2, 20_000, 'round 2');
    expect(await act({ kind: 'undo', act: `room:${index}` })).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/round 1, which has resolved/),
    });
    fac.close();
    teams.iran!.client.close();
  });

  it('a record line with its undo reads back from the log as it was written', () => {
    const events: RoomEvent[] = [
      {
        kind: 'whiteCell',
        entry: {
          at: 1,
          round: 1,
          step: 'negotiation',
          text: 'Released X.',
          was: { kind: 'seat', delegation: 'usa', mode: 'human', team: 't', tokens: ['h'] },
        },
      },
      { kind: 'whiteCell', entry: { at: 2, round: 1, step: 'negotiation', text: 'Undid: Released X.', undoes: 0, reason: 'r' } },
      { kind: 'seat', delegation: 'usa', mode: 'human', team: 't', tokens: ['h'] },
    ];
    for (const e of events) {
      const { kind, body } = encodeEvent(e);
      expect(decodeEvent(kind, JSON.parse(JSON.stringify(body)))).toEqual(e);
    }
    expect(() => decodeEvent('whiteCell', { entry: { at: 1, round: 1, step: 's', text: 't', was: { kind: 'teleport' } } })).toThrow(
      /undo "teleport" is not known/,
    );
  });
});
