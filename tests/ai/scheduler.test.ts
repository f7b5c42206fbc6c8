// The one AI seat scheduler: the same questions in the same order whether the AI answers at once
// (command line, lookahead) or later (a Web Worker, the server's threads), and a live driver that
// never asks two questions at once however often it is poked.
import { describe, expect, it } from 'vitest';
import { deciderFor } from '../../src/ai/autoplay';
import { playSeats, playSteps, SeatDriver, type AsyncDecider } from '../../src/ai/scheduler';
import { catalog, hashValue } from '../../src/engine';
import { GameSession } from '../../src/machine/session';
import { SCENARIO as sc } from '../engine/fixtures';

const seats = catalog(sc).delegationIds;
const personas = { iran: { personality: 'hawk', difficulty: 'standard' }, gulf: { personality: 'dove', difficulty: 'novice' } } as const;

describe('the seat scheduler', () => {
  it('plays the same game with a decider that answers through promises as with one that answers at once', async () => {
    const decide = deciderFor(sc, { personas });
    const sync = GameSession.start(sc, 12);
    playSteps({ table: sync, seats }, decide, 60);
    const later = GameSession.start(sc, 12);
    const slow: AsyncDecider = (view, d, stage, stream, seating) =>
      new Promise((resolve) => setTimeout(() => resolve(decide(view, d, stage, stream, seating)), 0));
    for (let i = 0; i < 60 && !later.done; i++) {
      const before = `${later.state.round}:${later.state.step}`;
      await playSeats({ table: later, seats }, slow);
      if (!later.done && `${later.state.round}:${later.state.step}` === before) later.send({ type: 'step.close', actor: 'system' });
    }
    expect(sync.done).toBe(true);
    expect(later.log).toEqual(sync.log);
    expect(hashValue(later.state)).toBe(sync.hash());
  });

  it('drives a live game one question at a time, however often it is asked to', async () => {
    const session = GameSession.start(sc, 5);
    const decide = deciderFor(sc);
    let thinking = 0;
    let most = 0;
    const driver = new SeatDriver({
      table: session,
      seats: () => seats,
      mayAct: () => !session.done && session.state.round <= 2,
      decide: async (view, d, stage, stream, seating) => {
        most = Math.max(most, ++thinking);
        await new Promise((r) => setTimeout(r, 1));
        thinking -= 1;
        return decide(view, d, stage, stream, seating);
      },
    });
    await Promise.all([driver.drive(), driver.drive(), driver.drive()]);
    while (session.state.round <= 2 && !session.done) await driver.drive();
    expect(most).toBe(1);
    // The same game as the command line's, up to where it stopped.
    const reference = GameSession.start(sc, 5);
    playSteps({ table: reference, seats }, decide, 60, () => reference.state.round <= 2);
    expect(session.log).toEqual(reference.log.slice(0, session.log.length));
    expect(session.log.length).toBe(reference.log.length);
  });
});
