// Secrets are filtered at the source: no view (a seat's, the public's, an AI's decision view,
// the facilitator's) carries the seed or the generator, so no one can replay the game's random
// draws from what they are shown and read the true sponsors of incidents.
import { describe, expect, it } from 'vitest';
import { playStep } from '../../src/ai/autoplay';
import { catalog, decisionView, facilitatorView, publicView, seatStream, viewFor, type GameState, type GameView } from '../../src/engine';
import { replay } from '../../src/machine/replay';
import { GameSession } from '../../src/machine/session';
import { SCENARIO } from './fixtures';

const ids = catalog(SCENARIO).delegationIds;
const SEED = 0x5eed1234;

/** An AI game played until some incident's true sponsor is still hidden from the public. */
function gameWithHiddenSponsors(): GameSession {
  const session = GameSession.start(SCENARIO, SEED);
  for (let guard = 0; guard < 100 && !session.done; guard++) {
    if (session.state.step === 'negotiation' && session.state.incidents.filter((i) => !i.revealed).length >= 2) return session;
    const before = `${session.state.round}:${session.state.step}`;
    playStep(SCENARIO, session);
    if (!session.done && `${session.state.round}:${session.state.step}` === before) session.send({ type: 'step.close', actor: 'system' });
  }
  throw new Error('no game with hidden sponsors');
}

const session = gameWithHiddenSponsors();
const truth = session.state;
const views: Array<[string, GameView]> = [
  ['public', publicView(truth)],
  ['facilitator', facilitatorView(truth)],
  ...ids.flatMap((d): Array<[string, GameView]> => [
    [d, viewFor(truth, d)],
    [`${d} (decision)`, decisionView(truth, d)],
  ]),
];

/** An incident as the attack must recover it: which network struck and who was behind it. */
const sponsorOf = (i: { network: string | null; sponsor: string }) => `${i.network ?? 'spoiler'}/${i.sponsor}`;

/** The attack: replay the public log from a view's seed and read the incidents' sponsors off the result. */
function recomputeSponsors(seed: number): Map<number, string> | null {
  try {
    const { state } = replay(SCENARIO, seed, session.log);
    return new Map(state.incidents.map((i) => [i.id, sponsorOf(i)]));
  } catch {
    return null;
  }
}

const hiddenFrom = (v: GameView) => truth.incidents.filter((i) => v.incidents.find((x) => x.id === i.id)?.sponsor === 'hidden');

describe('views and the seed', () => {
  it('no view carries the seed or the state of the generator', () => {
    for (const [who, v] of views) {
      expect(v.seed, who).not.toBe(truth.seed);
      expect(v.rng, who).not.toBe(truth.rng);
      const text = JSON.stringify(v);
      expect(text, who).not.toContain(String(SEED));
      expect(text, who).not.toContain(String(truth.rng));
    }
  });

  it('replaying the log from a view does not recover the hidden sponsors (it would from the seed)', () => {
    const hidden = hiddenFrom(publicView(truth));
    expect(hidden.length).toBeGreaterThanOrEqual(2);
    // The attack works with the true seed: that is what must never reach a view.
    const withSeed = recomputeSponsors(truth.seed);
    for (const i of hidden) expect(withSeed?.get(i.id)).toBe(sponsorOf(i));
    for (const [who, v] of views) {
      const secret = hiddenFrom(v);
      if (secret.length === 0) continue; // the facilitator is shown every sponsor anyway
      const guessed = recomputeSponsors(v.seed);
      expect(
        secret.every((i) => guessed?.get(i.id) === sponsorOf(i)),
        who,
      ).toBe(false);
    }
  });

  it('an AI seat’s random stream comes beside its view, differs by seat, and is not the seed', () => {
    const streams = ids.map((d) => seatStream(truth, d));
    expect(new Set(streams).size).toBe(ids.length);
    for (const s of streams) expect(s).not.toBe(truth.seed);
    const other: GameState = { ...truth, seed: truth.seed + 1 };
    expect(seatStream(other, 'iran')).not.toBe(seatStream(truth, 'iran'));
  });
});
