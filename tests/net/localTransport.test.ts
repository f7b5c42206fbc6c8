// Solo and hot-seat play through the same authority as a room (over an in-memory store) and the
// same seat scheduler: a person's intent is judged as a seat's, applied once per message id, and
// the AI seats pick up after a reload where the log says they stand.
import { describe, expect, it } from 'vitest';
import { playStep } from '../../src/ai/autoplay';
import { createInlineAiClient } from '../../src/ai/inlineClient';
import { GameSession } from '../../src/machine/session';
import { LocalTransport } from '../../src/net/localTransport';
import { SCENARIO as scenario } from '../engine/fixtures';

const settle = async (t: LocalTransport, until: () => boolean) => {
  const end = Date.now() + 20_000;
  while (!until() && Date.now() < end) await new Promise((r) => setTimeout(r, 10));
  await new Promise((r) => setTimeout(r, 30));
};

describe('a local game', () => {
  it('refuses an intent for a seat the AI plays, and applies a repeated message once', async () => {
    const t = new LocalTransport({ scenario, seed: 4, humans: ['iran'] }, createInlineAiClient(scenario));
    await settle(t, () => t.state.delegations.usa?.ready === true);
    expect(await t.send({ type: 'negotiation.ready', actor: 'gulf' })).toEqual({ ok: false, reason: 'this seat is played by the AI now' });
    expect(await t.send({ type: 'facilitator.pause', actor: 'facilitator' })).toMatchObject({
      ok: false,
      reason: 'this device holds no seat',
    });
    const before = t.log.length;
    // A view from before the AI acted is stale only if the step moved on: here it did not.
    expect(await t.send({ type: 'negotiation.ready', actor: 'iran' }, { id: 'ready-1', version: 0 })).toEqual({ ok: true });
    expect(await t.send({ type: 'negotiation.ready', actor: 'iran' }, { id: 'ready-1' })).toEqual({ ok: true });
    expect(t.log.slice(before).filter((e) => e.actor === 'iran')).toHaveLength(1);
    await settle(t, () => t.state.step === 'commit');
    // An intent made from a view of the negotiation is stale now.
    expect(await t.send({ type: 'negotiation.ready', actor: 'iran' }, { version: 1 })).toMatchObject({ ok: false, reason: /moved on/ });
    t.dispose();
  });

  it('after a reload in the middle of a negotiation, the AI seats go on where they were: the same game as without the reload', async () => {
    const s = GameSession.start(scenario, 6);
    playStep(scenario, s, { humans: ['iran'] });
    expect(s.state.step).toBe('negotiation');
    // Reload after the proposals, before any answer.
    const cut = s.log.findIndex((e) => e.intent.type !== 'package.propose');
    expect(cut).toBeGreaterThan(0);
    const t = new LocalTransport({ scenario, seed: 6, humans: ['iran'] }, createInlineAiClient(scenario), s.log.slice(0, cut));
    await settle(t, () => Object.entries(t.state.delegations).every(([d, x]) => d === 'iran' || x.ready));
    expect(t.log).toEqual(s.log);
    t.dispose();
  });
});
