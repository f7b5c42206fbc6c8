// Views travel as patches after the first: applying each patch to the previous view gives the
// next view exactly, over a whole game and for every audience.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { playStep } from '../../src/ai/autoplay';
import { parseScenario, publicView, viewFor, type GameView } from '../../src/engine';
import { GameSession } from '../../src/machine/session';
import { applyPatch, diffView } from '../../src/net/viewPatch';

const parsed = parseScenario(
  JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'assets', 'scenarios', 'ceasefire-2026.json'), 'utf8')),
);
if (!parsed.ok) throw new Error('scenario');
const scenario = parsed.scenario;

describe('view patches', () => {
  it('rebuild every view of a game from the first one, sending only what changed', () => {
    const session = GameSession.start(scenario, 5);
    const audiences: Array<[string, (s: typeof session.state) => GameView]> = [
      ['iran', (s) => viewFor(s, 'iran')],
      ['public', (s) => publicView(s)],
    ];
    const held = new Map<string, GameView>();
    const last = new Map<string, GameView>();
    for (const [k, f] of audiences) {
      held.set(k, JSON.parse(JSON.stringify(f(session.state))) as GameView);
      last.set(k, f(session.state));
    }
    let patchBytes = 0;
    let fullBytes = 0;
    session.subscribe(() => {
      for (const [k, f] of audiences) {
        const next = f(session.state);
        const patch = JSON.parse(JSON.stringify(diffView(last.get(k)!, next))) as ReturnType<typeof diffView>;
        patchBytes += JSON.stringify(patch).length;
        fullBytes += JSON.stringify(next).length;
        held.set(k, applyPatch(held.get(k)!, patch));
        last.set(k, next);
        expect(held.get(k)).toEqual(JSON.parse(JSON.stringify(next)));
      }
    });
    for (let i = 0; i < 40 && !session.done; i++) {
      const before = `${session.state.round}:${session.state.step}`;
      playStep(scenario, session);
      if (`${session.state.round}:${session.state.step}` === before) session.send({ type: 'step.close', actor: 'system' });
    }
    expect(session.state.round).toBeGreaterThan(3);
    // Patches are a small part of what whole views would weigh.
    expect(patchBytes).toBeLessThan(fullBytes / 5);
  });
});
