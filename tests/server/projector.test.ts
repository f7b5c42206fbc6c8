// The projector once a package is agreed: everyone sees what was agreed and who agreed, never
// what the parties said to each other with it (an AI delegation's reasoning included).
import { describe, expect, it } from 'vitest';
import { publicView, viewFor } from '../../src/engine';
import { client, msgId, roomWith, withTestServer } from './helpers';

const server = withTestServer();

describe('an agreed package on the projector', () => {
  it('shows its steps and parties, not the words said with it; its parties and the facilitator keep them', async () => {
    const { fac, code } = await roomWith(server().url, []);
    const projector = await client(server().url);
    await projector.call('room.join', { code, as: { kind: 'projector' } });
    await fac.call('room.action', { id: msgId(), action: { kind: 'start' } });
    // Every seat is AI: the AI proposes and answers with its reasons written in.
    const said = (p: { note: string; replies: Array<{ reason: string }> }) => p.note !== '' || p.replies.some((r) => r.reason !== '');
    await fac.until((c) => !!c.view?.packages.some((p) => p.status === 'accepted' && said(p)), 20_000, 'an agreed package with words');
    const agreed = fac.view!.packages.find((p) => p.status === 'accepted' && said(p))!;
    await projector.until((c) => !!c.view?.packages.some((p) => p.id === agreed.id), 5000, 'the package on the projector');
    const shown = projector.view!.packages.find((p) => p.id === agreed.id)!;
    expect(shown.steps).toEqual(agreed.steps);
    expect(shown.parties).toEqual(agreed.parties);
    expect(shown.replies.map((r) => [r.by, r.answer])).toEqual(agreed.replies.map((r) => [r.by, r.answer]));
    expect(shown.note).toBe('');
    expect(shown.replies.every((r) => r.reason === '')).toBe(true);
    // The AI's notes go to the facilitator's console only.
    expect(projector.sync?.notes).toEqual([]);
    const state = server().rooms.get(code)!.state;
    const party = agreed.parties[0]!;
    expect(said(viewFor(state, party).packages.find((p) => p.id === agreed.id)!)).toBe(true);
    const outsider = Object.keys(state.delegations).find((d) => !agreed.parties.includes(d));
    if (outsider) expect(said(viewFor(state, outsider).packages.find((p) => p.id === agreed.id)!)).toBe(false);
    // The wordless copy is made once per package: built again, the public view holds the same
    // object, so an unchanged agreed package is never sent again in a patch.
    expect(publicView(state).packages.find((p) => p.id === agreed.id)).toBe(publicView(state).packages.find((p) => p.id === agreed.id));
    fac.close();
    projector.close();
  }, 30_000);
});
