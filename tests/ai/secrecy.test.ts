// docs/rules.md §9: the AI's secret reasons and the objectives stay secret. An AI's public words
// (answers, proposals, readiness, the open part of a commit) may name a move it will not give
// only where a public fact explains it: a published red line of its own. A move that only a
// secret objective explains (an objective to keep it unimplemented) is never named in a refusal,
// and no objective's own words appear anywhere public. Many seeds, every personality.
import { describe, expect, it } from 'vitest';
import { playToEnd } from '../../src/ai/autoplay';
import { PERSONALITIES } from '../../src/ai/persona';
import type { Decision } from '../../src/ai/words';
import { catalog } from '../../src/engine';
import { DirectTable } from '../../src/cli/directTable';
import { SCENARIO } from '../engine/fixtures';

const cat = catalog(SCENARIO);
const ids = cat.delegationIds;

/** The moves each delegation might secretly mean to keep back, that no red line of its own names. */
const secretlyKept = new Map(
  ids.map((d) => {
    const del = cat.delegation.get(d);
    const published = new Set((del?.doctrine?.redLines ?? []).flatMap((l) => l.when));
    const kept = (del?.secretObjectives ?? []).flatMap((o) =>
      o.condition.type === 'moveNeverImplemented' && !published.has(o.condition.move) ? [o.condition.move] : [],
    );
    return [d, kept.map((m) => cat.move.get(m)?.name ?? m)];
  }),
);
const objectiveWords = ids.flatMap((d) => (cat.delegation.get(d)?.secretObjectives ?? []).map((o) => o.text));

const REFUSALS = new Set(['package.reject', 'package.counter']);

function publicWords(games: number, personality: (typeof PERSONALITIES)[number]) {
  const said: Array<{ by: string; type: string; words: string[] }> = [];
  for (let g = 0; g < games; g++) {
    const t = new DirectTable(SCENARIO, 500 + g * 13);
    playToEnd(SCENARIO, t, {
      personas: Object.fromEntries(ids.map((d) => [d, { personality, difficulty: 'standard' as const }])),
      onDecision: (by: string, d: Decision) => {
        const i = d.intent as { type: string; reason?: string; note?: string };
        said.push({ by, type: i.type, words: [d.reason, i.reason ?? '', i.note ?? ''] });
      },
    });
  }
  return said;
}

describe('AI reasons keep the secret objectives secret', () => {
  it('the scenario has a secretly kept move to test with', () => {
    expect([...secretlyKept.values()].flat().length).toBeGreaterThan(0);
  });

  for (const personality of PERSONALITIES) {
    it(`no ${personality} refusal names a move only a secret objective explains, and no public word quotes an objective`, () => {
      const said = publicWords(12, personality);
      const refusals = said.filter((s) => REFUSALS.has(s.type));
      expect(refusals.length).toBeGreaterThan(10);
      for (const s of refusals)
        for (const name of secretlyKept.get(s.by) ?? []) for (const w of s.words) expect(w, `${s.by}: ${w}`).not.toContain(name);
      for (const s of said) for (const w of s.words) for (const o of objectiveWords) expect(w).not.toContain(o);
    }, 60_000);
  }
});
