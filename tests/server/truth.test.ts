// The White Cell's ground truth (the console's Truth tab) comes from the facilitator's channel
// only: the AI's reasons, public and secret, and the true sponsors, sealed commits and quiet
// defections in its view. Seats and the projector never receive any of it.
import { describe, expect, it } from 'vitest';
import { client, msgId, roomWith, withTestServer } from './helpers';

const server = withTestServer();

describe('the ground truth stays with the White Cell', () => {
  it('AI reasons and true sponsors reach the facilitator, never a seat or the projector', async () => {
    const { fac, code, teams } = await roomWith(server().url, ['iran']);
    const projector = await client(server().url);
    await projector.call('room.join', { code, as: { kind: 'projector' } });
    const room = server().rooms.get(code)!;
    await fac.call('room.action', { id: msgId(), action: { kind: 'start' } });
    const iran = teams.iran!.client;
    // Iran stays silent; the facilitator closes each step until incidents have happened.
    for (let i = 0; i < 12 && !room.state.incidents.some((x) => x.sponsor !== 'hidden') && !room.session.done; i++) {
      await fac.until((c) => c.room?.started === true, 5000);
      await fac.call('intent', { id: msgId(), version: fac.version, intent: { type: 'step.close', actor: 'facilitator' } });
      await new Promise((r) => setTimeout(r, 150));
    }
    await fac.until(
      (c) => (c.sync?.notes.length ?? 0) > 0 || c.received.some((m) => ((m.data as { notes?: unknown[] }).notes ?? []).length > 0),
      10_000,
      'AI notes',
    );
    for (const c of [iran, projector]) {
      for (const m of c.received) {
        const notes = (m.data as { notes?: unknown[] }).notes;
        expect(notes === undefined || notes.length === 0).toBe(true);
      }
    }
    // While the game runs, an incident's true sponsor is in the facilitator's view only.
    if (room.state.outcome === null)
      for (const inc of room.state.incidents.filter((x) => !x.revealed && x.attribution?.named !== x.sponsor)) {
        expect(fac.view?.incidents.find((x) => x.id === inc.id)?.sponsor).toBe(inc.sponsor);
        expect(projector.view?.incidents.find((x) => x.id === inc.id)?.sponsor).toBe('hidden');
        expect(iran.view?.incidents.find((x) => x.id === inc.id)?.sponsor).toBe('hidden');
      }
    fac.close();
    iran.close();
    projector.close();
  });
});
