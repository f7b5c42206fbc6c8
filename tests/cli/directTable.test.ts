// The benchmark's reference table (the engine driven directly, as the expert AI's futures are)
// must play the same game as the machine, or comparing their speeds would mean nothing.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { playToEnd } from '../../src/ai/autoplay';
import { DirectTable } from '../../src/cli/directTable';
import { hashValue, parseScenarioText } from '../../src/engine';
import { GameSession } from '../../src/machine/session';

const file = fileURLToPath(new URL('../../assets/scenarios/ceasefire-2026.json', import.meta.url));

describe('the engine driven directly', () => {
  it('reaches the same state, hash for hash, as the machine over whole AI games', () => {
    const r = parseScenarioText(readFileSync(file, 'utf8'));
    if (!r.ok) throw new Error('the scenario does not load');
    const outcomes = new Set<string>();
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const session = GameSession.start(r.scenario, seed);
      playToEnd(r.scenario, session);
      const direct = new DirectTable(r.scenario, seed);
      playToEnd(r.scenario, direct);
      expect(hashValue(direct.state), `seed ${seed}`).toBe(session.hash());
      outcomes.add(String(session.state.outcome));
    }
    // Not one kind of ending only: the endings' own words are part of the hash.
    expect(outcomes.size).toBeGreaterThan(1);
  });
});
