// The steps in force, the quiet defections on them, and when each move was last implemented. All
// three are lists: objects keyed by move grew into slow hash tables in V8, and every copy and scan
// of one cost tens of microseconds. The defections are a secret list of their own, so that views
// share the public list of steps as it is instead of copying and masking it.
import type { GameState, Implemented, QuietDefection, StandingStep } from './types';

type HasSteps = { readonly standing: readonly StandingStep[] };
type HasDefections = { readonly quietDefections: readonly QuietDefection[] };

/** The step of `move` in force, if any. */
export function standingStep(s: HasSteps, move: string): StandingStep | undefined {
  const list = s.standing;
  for (let i = 0; i < list.length; i++) {
    const st = list[i] as StandingStep;
    if (st.move === move) return st;
  }
  return undefined;
}

export const inForce = (s: HasSteps, move: string): boolean => standingStep(s, move) !== undefined;

/** Whether the giver of `move` is quietly defecting on it (true only where the defection is visible). */
export function isDefected(s: HasDefections, move: string): boolean {
  const list = s.quietDefections;
  for (let i = 0; i < list.length; i++) if ((list[i] as QuietDefection).move === move) return true;
  return false;
}

/** Puts a step in force on a draft that owns its list of steps. */
export function addStanding(s: GameState, st: StandingStep) {
  s.standing.push(st);
}

/** Takes a step out of force on a draft that owns its lists, with any quiet defection on it. */
export function removeStanding(s: GameState, move: string) {
  const i = s.standing.findIndex((st) => st.move === move);
  if (i >= 0) s.standing.splice(i, 1);
  const j = s.quietDefections.findIndex((d) => d.move === move);
  if (j >= 0) s.quietDefections.splice(j, 1);
}

/** The last round `move` was implemented in, or undefined if it never was. */
export function lastImplemented(s: { readonly implemented: readonly Implemented[] }, move: string): number | undefined {
  const list = s.implemented;
  for (let i = 0; i < list.length; i++) {
    const e = list[i] as Implemented;
    if (e.move === move) return e.round;
  }
  return undefined;
}

/** Records that `move` was implemented this round, on a draft that owns its list. */
export function markImplemented(s: GameState, move: string) {
  const entry = { move, round: s.round };
  const i = s.implemented.findIndex((e) => e.move === move);
  if (i >= 0) s.implemented[i] = entry;
  else s.implemented.push(entry);
}

/** A private copy of a step, with its fields in one fixed order. */
export function copyStep(st: StandingStep): StandingStep {
  const copy: StandingStep = {
    move: st.move,
    delegation: st.delegation,
    round: st.round,
    verified: st.verified,
    verifiedRound: st.verifiedRound,
  };
  if (st.lapses !== undefined) copy.lapses = st.lapses;
  return copy;
}
