// A game with messages replays from its log alone: the AI's replies and acts are in the log, so
// a replay reaches the same state without reading a message again.
import { describe, expect, it, vi } from 'vitest';
import { createInlineAiClient } from '../../../src/ai/inlineClient';
import * as parse from '../../../src/ai/talk/parse';
import { replay } from '../../../src/machine/replay';
import { LocalTransport } from '../../../src/net/localTransport';
import { SCENARIO as scenario } from '../../engine/fixtures';

vi.mock('../../../src/ai/talk/parse', async (original) => {
  const real = (await original()) as typeof parse;
  return { ...real, parseMessage: vi.fn(real.parseMessage) };
});

const settle = async (until: () => boolean) => {
  const end = Date.now() + 20_000;
  while (!until() && Date.now() < end) await new Promise((r) => setTimeout(r, 10));
};

describe('a game with messages to AI seats', () => {
  it('is answered in solo play, and replays to the same hash without reading any message again', async () => {
    const t = new LocalTransport({ scenario, seed: 3, humans: ['iran'] }, createInlineAiClient(scenario));
    const replies = () => t.log.filter((e) => e.intent.type === 'talk.say' && e.actor !== 'iran').length;
    await settle(() => t.state.delegations.usa?.ready === true);
    // Seed 3: the US can still table a package this round (at most 4 a round) and nobody has offered
    // the calendar yet, so asking for it has an answer other than "not now".
    expect(t.state.packages.filter((p) => p.proposer === 'usa' && p.round === t.state.round).length).toBeLessThan(4);
    expect(t.state.packages.some((p) => p.steps.some((s) => s.move === 'iran-endorse-calendar'))).toBe(false);
    expect(await t.send({ type: 'talk.say', actor: 'iran', to: ['usa'], text: 'Lets both sign the benchmark calendar' })).toEqual({
      ok: true,
    });
    expect(await t.send({ type: 'talk.say', actor: 'iran', to: ['gulf'], text: 'what do you want?' })).toEqual({ ok: true });
    await settle(() => replies() === 2);
    expect(replies()).toBe(2);
    const tabled = t.state.packages.find((p) => p.proposer === 'usa' && p.steps.some((s) => s.move === 'iran-endorse-calendar'));
    expect(tabled?.status).toBe('proposed');
    // The reply says so, and the person's acceptance agrees it.
    const reply = t
      .view('iran')
      .events.filter((e) => e.talk?.from === 'usa')
      .at(-1);
    expect(reply?.talk?.text).toContain('We have tabled it');
    expect(await t.send({ type: 'package.accept', actor: 'iran', package: tabled!.id })).toEqual({ ok: true });
    expect(t.state.packages.find((p) => p.id === tabled!.id)?.status).toBe('accepted');
    expect(vi.mocked(parse.parseMessage).mock.calls.length).toBeGreaterThanOrEqual(2);

    vi.mocked(parse.parseMessage).mockClear();
    const again = replay(scenario, 3, t.log);
    expect(again.hash).toBe(t.hash());
    expect(vi.mocked(parse.parseMessage)).not.toHaveBeenCalled();
    t.dispose();
  });
});
