// The gauntlet's games (gauntlet.ts prints them): for each seat and each scripted person
// (gauntletArchetypes.ts), the same seeds played with that person in the seat and the standard
// AI in the five others, next to the same seeds played by the AI in every seat.
import { playToEnd } from '../ai/autoplay';
import { catalog, score, type Scenario } from '../engine/core';
import { DirectTable } from './directTable';
import { ARCHETYPES, archetype, type Archetype } from './gauntletArchetypes';

export interface GauntletRow {
  seat: string;
  archetype: Archetype;
  /** Share of the games that ended in consolidation, 0–1. */
  consolidation: number;
  /** The scripted seat's mean score. */
  meanScore: number;
  /** The AI's mean score in the same seat on the same seeds. */
  aiMeanScore: number;
}

export interface GauntletResult {
  games: number;
  seed: number;
  baseline: { consolidation: number; scores: Record<string, number> };
  rows: GauntletRow[];
}

export interface GauntletOptions {
  games: number;
  seed: number;
  seats?: readonly string[];
  archetypes?: readonly Archetype[];
  /** Called after each batch of games (progress on a long run). */
  progress?: (done: number, total: number) => void;
}

const round2 = (x: number) => Math.round(x * 100) / 100;
const share = (n: number, of: number) => Math.round((1000 * n) / Math.max(1, of)) / 1000;

export function runGauntlet(scenario: Scenario, opts: GauntletOptions): GauntletResult {
  const ids = catalog(scenario).delegationIds;
  const seats = opts.seats ?? ids;
  const kinds = opts.archetypes ?? ARCHETYPES;
  for (const s of seats) if (!ids.includes(s)) throw new Error(`unknown seat "${s}" (the seats are ${ids.join(', ')})`);
  const total = opts.games * (1 + seats.length * kinds.length);
  let done = 0;

  const base = Object.fromEntries(ids.map((d) => [d, 0]));
  let baseConsolidations = 0;
  for (let g = 0; g < opts.games; g++) {
    const t = new DirectTable(scenario, opts.seed + g);
    playToEnd(scenario, t);
    if (t.state.outcome === 'consolidation') baseConsolidations += 1;
    for (const d of ids) base[d] = (base[d] ?? 0) + score(scenario, t.state, d);
  }
  done += opts.games;
  opts.progress?.(done, total);

  const rows: GauntletRow[] = [];
  for (const seat of seats) {
    for (const kind of kinds) {
      const decide = archetype(scenario, kind);
      let consolidations = 0;
      let sum = 0;
      for (let g = 0; g < opts.games; g++) {
        const t = new DirectTable(scenario, opts.seed + g);
        playToEnd(scenario, t, { override: { [seat]: decide } });
        if (t.state.outcome === 'consolidation') consolidations += 1;
        sum += score(scenario, t.state, seat);
      }
      rows.push({
        seat,
        archetype: kind,
        consolidation: share(consolidations, opts.games),
        meanScore: round2(sum / Math.max(1, opts.games)),
        aiMeanScore: round2((base[seat] ?? 0) / Math.max(1, opts.games)),
      });
      done += opts.games;
      opts.progress?.(done, total);
    }
  }
  return {
    games: opts.games,
    seed: opts.seed,
    baseline: {
      consolidation: share(baseConsolidations, opts.games),
      scores: Object.fromEntries(ids.map((d) => [d, round2((base[d] ?? 0) / Math.max(1, opts.games))])),
    },
    rows,
  };
}

export interface TargetCheck {
  /** Rows whose mean score beats the AI's in the same seat by more than `margin` points. */
  beatsAi: GauntletRow[];
  /** Junk-proposer rows that consolidate less than `share` of the baseline's rate. */
  junkStalls: GauntletRow[];
}

/** The gauntlet's targets: no archetype beats the AI by more than a point; junk keeps 80% of the AI's consolidation. */
export function checkTargets(r: GauntletResult, margin = 1, keep = 0.8): TargetCheck {
  return {
    beatsAi: r.rows.filter((x) => x.meanScore > x.aiMeanScore + margin),
    junkStalls: r.rows.filter((x) => x.archetype === 'junk-proposer' && x.consolidation < keep * r.baseline.consolidation),
  };
}
