// The White Cell's exercise evaluation guide (rules §10, The exercise evaluation guide): the
// facilitator saves it with the room; it survives a restart; no seat, lobby or projector reads it;
// a bad entry is refused with a reason and nothing saved is lost.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyEntry, type EvaluationEntry, type EvaluationGuide } from '../../src/report/evaluation';
import type { UpdateMessage } from '../../src/net/protocol';
import { client, msgId, roomWith, testServer, withTestServer, type TestClient } from './helpers';

const server = withTestServer();

const SECRET_NOTE = 'Iran waited for the inquiry before naming a sponsor (evaluator only)';
const entry = (over: Partial<EvaluationEntry> = {}): EvaluationEntry => ({
  ...emptyEntry(),
  rating: 'some-challenges',
  observations: [{ round: 1, text: 'Tension rose after the tanker incident', fromLog: true }],
  notes: SECRET_NOTE,
  plan: { issue: '', action: '', owner: 'Lead controller', due: '2027-01-15' },
  ...over,
});

describe('the evaluation guide on the server', () => {
  it('is saved per objective and read back by the facilitator', async () => {
    const { fac } = await roomWith(server().url, ['iran']);
    const saved = await fac.call<{ evaluation: EvaluationGuide }>('evaluation.save', {
      id: msgId(),
      objective: 'incident-response',
      entry: entry(),
    });
    expect(saved).toMatchObject({ ok: true });
    const got = await fac.call<{ evaluation: EvaluationGuide }>('evaluation.get', {});
    if (!got.ok) throw new Error(got.reason);
    expect(got.evaluation['incident-response']).toEqual(entry());
    // Saving again replaces that objective's entry and leaves the others alone.
    await fac.call('evaluation.save', { id: msgId(), objective: 'inject-handling', entry: entry({ rating: 'performed' }) });
    await fac.call('evaluation.save', { id: msgId(), objective: 'incident-response', entry: entry({ rating: 'unable' }) });
    const again = await fac.call<{ evaluation: EvaluationGuide }>('evaluation.get', {});
    if (!again.ok) throw new Error(again.reason);
    expect(again.evaluation['incident-response']?.rating).toBe('unable');
    expect(again.evaluation['inject-handling']?.rating).toBe('performed');
    fac.close();
  });

  it('a save on one console reaches the room’s other facilitator consoles at once, and a reload reads it', async () => {
    const { fac: controller, code, key, teams } = await roomWith(server().url, ['iran']);
    const evaluator = await client(server().url);
    expect(await evaluator.call('room.join', { code, as: { kind: 'facilitator', key }, name: 'Evaluator' })).toMatchObject({ ok: true });
    const pushed = (c: TestClient): EvaluationGuide | undefined =>
      c.received.flatMap((m) => (m.event === 'update' ? [(m.data as UpdateMessage).evaluation] : [])).findLast((g) => g !== undefined);
    expect(await evaluator.call('evaluation.save', { id: msgId(), objective: 'incident-response', entry: entry() })).toMatchObject({
      ok: true,
    });
    // The controller never asked: the server pushed the guide as saved.
    await controller.until((c) => pushed(c)?.['incident-response']?.notes === SECRET_NOTE, 5000, 'the evaluator’s notes on the controller');
    expect(pushed(controller)).toEqual({ 'incident-response': entry() });
    // And the other way round, each save whole.
    await controller.call('evaluation.save', {
      id: msgId(),
      objective: 'inject-handling',
      entry: entry({ rating: 'performed', notes: 'calm' }),
    });
    await evaluator.until((c) => pushed(c)?.['inject-handling']?.notes === 'calm', 5000, 'the controller’s notes on the evaluator');
    expect(Object.keys(pushed(evaluator) ?? {}).sort()).toEqual(['incident-response', 'inject-handling']);
    // The team hears nothing of it.
    expect(JSON.stringify(teams.iran!.client.received)).not.toContain(SECRET_NOTE);
    // A console that reloads (joins again) reads both.
    const reloaded = await client(server().url);
    await reloaded.call('room.join', { code, as: { kind: 'facilitator', key }, name: 'Evaluator' });
    const got = await reloaded.call<{ evaluation: EvaluationGuide }>('evaluation.get', {});
    expect(got.ok && Object.keys(got.evaluation).sort()).toEqual(['incident-response', 'inject-handling']);
    for (const c of [controller, evaluator, reloaded, teams.iran!.client]) c.close();
  });

  it('never reaches a seat, the lobby or the projector', async () => {
    const { fac, code, teams } = await roomWith(server().url, ['iran', 'usa']);
    const iran = teams.iran!.client;
    const projector = await client(server().url);
    await projector.call('room.join', { code, as: { kind: 'projector' } });
    const lobby = await client(server().url);
    await lobby.call('room.join', { code, as: { kind: 'lobby' }, name: 'visitor' });
    await fac.call('room.action', { id: msgId(), action: { kind: 'start' } });
    expect(await fac.call('evaluation.save', { id: msgId(), objective: 'incident-response', entry: entry() })).toMatchObject({ ok: true });
    for (const c of [iran, projector, lobby]) {
      expect(await c.call('evaluation.get', {})).toMatchObject({ ok: false, code: 'forbidden' });
      expect(
        await c.call('evaluation.save', { id: msgId(), objective: 'incident-response', entry: entry({ notes: 'forged' }) }),
      ).toMatchObject({
        ok: false,
        code: 'forbidden',
      });
    }
    // Something happens in the room, so every client is sent updates; none carries the guide.
    await fac.call('intent', { id: msgId(), version: fac.version, intent: { type: 'facilitator.pause', actor: 'facilitator' } });
    await iran.until((c) => c.received.some((m) => m.event === 'update'), 5000, 'an update reaches Iran');
    await new Promise((r) => setTimeout(r, 200));
    for (const c of [iran, projector, lobby]) {
      const all = JSON.stringify(c.received);
      expect(all).not.toContain(SECRET_NOTE);
      // Nor the objectives themselves: they are the evaluator's, like the events list.
      expect(all).not.toContain('exerciseObjectives');
    }
    const got = await fac.call<{ evaluation: EvaluationGuide }>('evaluation.get', {});
    expect(got.ok && got.evaluation['incident-response']?.notes).toBe(SECRET_NOTE);
    for (const c of [fac, iran, teams.usa!.client, projector, lobby]) c.close();
  });

  it('refuses bad input with a clear reason and loses nothing already saved', async () => {
    const { fac } = await roomWith(server().url, []);
    await fac.call('evaluation.save', { id: msgId(), objective: 'incident-response', entry: entry() });
    const bad: Array<[unknown, string, RegExp]> = [
      [{ objective: 'incident-response', entry: { ...entry(), rating: 'great' } }, 'malformed', /rating/],
      [{ objective: 'incident-response', entry: { ...entry(), notes: 'x'.repeat(2001) } }, 'malformed', /notes/],
      [{ objective: 'incident-response', entry: { ...entry(), plan: { ...entry().plan, due: 'next week' } } }, 'malformed', /YYYY-MM-DD/],
      [
        { objective: 'incident-response', entry: { ...entry(), observations: Array(21).fill({ round: 1, text: 'x' }) } },
        'malformed',
        /observations/,
      ],
      [{ objective: 'incident-response', entry: { ...entry(), observations: [{ round: 1, text: '   ' }] } }, 'malformed', /empty/],
      [{ objective: 'incident-response', entry: { ...entry(), extra: 1 } }, 'malformed', /extra|key/i],
      [{ objective: 'incident-response' }, 'malformed', /entry/],
      [{ objective: 'no-such-objective', entry: entry({ notes: 'lost' }) }, 'not-found', /no-such-objective/],
    ];
    for (const [m, code, reason] of bad) {
      const r = await fac.call('evaluation.save', { id: msgId(), ...(m as object) });
      expect(r).toMatchObject({ ok: false, code });
      expect(r.ok ? '' : r.reason).toMatch(reason);
    }
    const got = await fac.call<{ evaluation: EvaluationGuide }>('evaluation.get', {});
    if (!got.ok) throw new Error(got.reason);
    expect(got.evaluation).toEqual({ 'incident-response': entry() });
    fac.close();
  });

  it('survives a server restart with the rest of the room', async () => {
    const dbFile = join(mkdtempSync(join(tmpdir(), 'interlock-eval-')), 'rooms.db');
    const first = await testServer({ dbFile });
    const { fac, code } = await roomWith(first.url, ['iran']);
    expect(await fac.call('evaluation.save', { id: msgId(), objective: 'verification-use', entry: entry() })).toMatchObject({ ok: true });
    fac.close();
    await first.close();
    const second = await testServer({ dbFile });
    try {
      const restored = second.rooms.get(code);
      expect(restored?.evaluation['verification-use']).toEqual(entry());
    } finally {
      await second.close();
    }
  });
});
