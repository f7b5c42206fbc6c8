// npm run sim:gauntlet as a user runs it: a real process playing real games, its last line one
// JSON object of the documented shape; and the scripted people really play (they act, and what
// they do changes the games).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARCHETYPES } from '../../src/cli/gauntletArchetypes';
import { checkTargets, runGauntlet } from '../../src/cli/gauntletRun';
import { SCENARIO } from '../engine/fixtures';

const root = join(import.meta.dirname, '..', '..');
const run = (...args: string[]) =>
  spawnSync(process.execPath, [join(root, 'scripts', 'cli.mjs'), 'gauntlet', ...args], { cwd: root, encoding: 'utf8' });
const lastLine = (out: string) => out.trim().split('\n').at(-1) ?? '';

describe('npm run sim:gauntlet', () => {
  it('prints {games, seed, baseline: {consolidation, scores}, rows: [{seat, archetype, consolidation, meanScore, aiMeanScore}]} last', () => {
    const r = run('--games', '1', '--seed', '3', '--seat', 'usa,eu', '--json');
    expect(r.status).toBe(0);
    const out = JSON.parse(lastLine(r.stdout));
    expect(Object.keys(out)).toEqual(['games', 'seed', 'baseline', 'rows']);
    expect(out.games).toBe(1);
    expect(out.seed).toBe(3);
    expect(Object.keys(out.baseline)).toEqual(['consolidation', 'scores']);
    expect(Object.keys(out.baseline.scores)).toEqual(['iran', 'usa', 'gulf', 'israel', 'eu', 'iaea']);
    expect(out.rows).toHaveLength(2 * ARCHETYPES.length);
    for (const row of out.rows) {
      expect(Object.keys(row)).toEqual(['seat', 'archetype', 'consolidation', 'meanScore', 'aiMeanScore']);
      expect(['usa', 'eu']).toContain(row.seat);
      expect(ARCHETYPES).toContain(row.archetype);
      expect(row.consolidation).toBeGreaterThanOrEqual(0);
      expect(row.consolidation).toBeLessThanOrEqual(1);
      expect(row.aiMeanScore).toBe(out.baseline.scores[row.seat]);
    }
  }, 120_000);

  it('refuses an unknown seat or archetype with a clear message', () => {
    const seat = run('--games', '1', '--seat', 'atlantis');
    expect(seat.status).toBe(1);
    expect(seat.stderr).toMatch(/unknown atlantis.*iran/);
    const kind = run('--games', '1', '--archetype', 'saboteur');
    expect(kind.status).toBe(1);
    expect(kind.stderr).toMatch(/unknown saboteur.*silent/);
  });
});

describe('the gauntlet plays real games', () => {
  const r = runGauntlet(SCENARIO, { games: 4, seed: 11, seats: ['iran'], archetypes: ['silent', 'accept-all', 'take-only'] });
  const row = (a: string) => r.rows.find((x) => x.archetype === a);

  it('a silent Iran (in every span) never consolidates, and scores below the AI in its seat', () => {
    expect(row('silent')?.consolidation).toBe(0);
    expect(row('silent')?.meanScore).toBeLessThan(row('silent')?.aiMeanScore ?? 0);
  });

  it('different people give different games, and the same seeds give the same figures', () => {
    expect(new Set(r.rows.map((x) => x.meanScore)).size).toBeGreaterThan(1);
    expect(runGauntlet(SCENARIO, { games: 4, seed: 11, seats: ['iran'], archetypes: ['silent', 'accept-all', 'take-only'] })).toEqual(r);
  });

  it('checks its targets from the rows', () => {
    const t = checkTargets({ ...r, rows: [{ seat: 'iran', archetype: 'junk-proposer', consolidation: 0, meanScore: 99, aiMeanScore: 1 }] });
    expect(t.beatsAi).toHaveLength(1);
    expect(t.junkStalls).toHaveLength(r.baseline.consolidation > 0 ? 1 : 0);
  });
});
