// The AI's decisions and the plain words that explain them.
import { catalog, continueSeed, nextFloat, type GameView, type Intent, type Scenario } from '../engine/core';

export interface Decision {
  intent: Intent;
  /** Why, in plain words, as the other delegations (and the debrief) may read it. */
  reason: string;
  /** The part of the reasoning that stays secret (a quiet defection): only the log and the debrief keep it. */
  secret?: string;
  /** Sent instead of this intent when an earlier decision of the same answer was refused (an AI's reply that would describe an act the table refused). */
  fallback?: Intent;
}

export type Rng = { rng: number };

/** The AI's own seeded stream: from its seat's stream (given beside its view) and what it can see, never the game's generator. */
export const streamFor = (p: { stream: number }, view: GameView, ...labels: Array<string | number>): Rng => ({
  rng: continueSeed(p.stream, view.round, view.step, ...labels),
});
export const roll = (r: Rng, percent: number) => nextFloat(r) * 100 < percent;

export const who = (scenario: Scenario, d: string) => catalog(scenario).delegation.get(d)?.short ?? d;
export const moveName = (scenario: Scenario, id: string) => catalog(scenario).move.get(id)?.name ?? id;
export const quoted = (scenario: Scenario, id: string) => `“${moveName(scenario, id)}”`;
export const trackName = (scenario: Scenario, id: string) => scenario.tracks.find((t) => t.id === id)?.name.toLowerCase() ?? id;
export const spanName = (scenario: Scenario, id: string) => catalog(scenario).span.get(id)?.name ?? id;

/** "a", "a and b", "a, b and c". */
export function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The first letter in capitals (red-line texts are written to follow "because"). */
export const capital = (s: string) => (s ? s[0]?.toUpperCase() + s.slice(1) : s);
