// The interlocking-safeties rule (docs/rules.md §5). Each clause is a named predicate; the
// machine's guards call them, and tests hit each one alone.
import { catalog } from './catalog';
import { addSupport, addTension, addTrustFromAll, nameOf, say } from './draft';
import type { MoveTag, PhaseId, Scenario } from './scenario/schema';
import { isDefected, removeStanding, standingStep } from './standing';
import type { GameState } from './types';

/** §5.2a: the restraint and every reciprocal step stand, implemented inside the span's window. */
export function stepsInWindow(scenario: Scenario, s: GameState, spanId: string): boolean {
  const rec = s.spans[spanId];
  if (!rec || rec.openedRound === null || rec.closesRound === null) return false;
  const { openedRound, closesRound } = rec;
  return (catalog(scenario).spanSteps.get(spanId) ?? []).every((m) => {
    const st = standingStep(s, m);
    return st !== undefined && st.round >= openedRound && st.round <= closesRound;
  });
}

/** §5.2b: each step is verified by its assigned monitor. */
export function stepsVerified(scenario: Scenario, s: GameState, spanId: string): boolean {
  return (catalog(scenario).spanSteps.get(spanId) ?? []).every((m) => standingStep(s, m)?.verified === true);
}

/** §5.2c: no verified violation of any of its steps since the window opened. */
export function noVerifiedViolationSince(s: GameState, spanId: string): boolean {
  const opened = s.spans[spanId]?.openedRound;
  if (opened === null || opened === undefined) return true;
  return !s.violations.some((v) => v.span === spanId && v.round >= opened && v.struck !== true);
}

/** §5.2: a span is secured when, and only while, all three clauses hold. */
export function spanSecured(scenario: Scenario, s: GameState, spanId: string): boolean {
  return stepsInWindow(scenario, s, spanId) && stepsVerified(scenario, s, spanId) && noVerifiedViolationSince(s, spanId);
}

export function securedSpansOn(scenario: Scenario, s: GameState, phase: PhaseId, track: string): number {
  return scenario.interlocks.filter((x) => x.phase === phase && x.track === track && spanSecured(scenario, s, x.id)).length;
}

/** §5.4: every track the phase names has its required number of secured spans. */
export function bridgeComplete(scenario: Scenario, s: GameState, phase: PhaseId = s.phase): boolean {
  const spec = scenario.phases.find((p) => p.id === phase);
  if (!spec) return false;
  return Object.entries(spec.requires).every(([track, needed]) => securedSpansOn(scenario, s, phase, track) >= needed);
}

/** §5.3: the window has closed and the span is not matched. */
export function windowClosedUnmatched(scenario: Scenario, s: GameState, spanId: string): boolean {
  const rec = s.spans[spanId];
  return (
    rec !== undefined &&
    rec.status === 'open' &&
    rec.closesRound !== null &&
    rec.closesRound <= s.round &&
    !stepsInWindow(scenario, s, spanId)
  );
}

/** A delegation's relief is armed for snapback when its own move tagged "snapback" stands. */
export function snapbackArmed(scenario: Scenario, s: GameState, delegation: string): boolean {
  return hasStanding(scenario, s, delegation, 'snapback');
}

/** A delegation's own stop-loss provision shields its commitments from a domestic shock. */
export function stopLossFor(scenario: Scenario, s: GameState, delegation: string): boolean {
  return hasStanding(scenario, s, delegation, 'stop-loss');
}

function hasStanding(scenario: Scenario, s: GameState, delegation: string, tag: MoveTag): boolean {
  const moves = catalog(scenario).move;
  return s.standing.some((st) => st.delegation === delegation && !isDefected(s, st.move) && moves.get(st.move)?.tags.includes(tag));
}

/** Opens the window of every span that one of the newly implemented moves belongs to. */
export function openWindows(scenario: Scenario, s: GameState, newlyImplemented: readonly string[]) {
  const cat = catalog(scenario);
  for (const moveId of newlyImplemented) {
    const span = cat.spanOfMove.get(moveId);
    const rec = span && s.spans[span.id];
    if (!span || !rec) continue;
    if (rec.status === 'open' || rec.status === 'pending' || rec.status === 'secured') continue;
    rec.status = 'open';
    rec.lost = null;
    rec.openedRound = s.round;
    rec.closesRound = s.round + span.window - 1;
    rec.securedRound = null;
  }
}

/** Moves matched spans to pending and verified ones to secured; returns the newly secured. */
export function updateSpans(scenario: Scenario, s: GameState): string[] {
  const newlySecured: string[] = [];
  for (const span of scenario.interlocks) {
    const rec = s.spans[span.id];
    if (!rec) continue;
    if (rec.status === 'open' && stepsInWindow(scenario, s, span.id)) rec.status = 'pending';
    if (rec.status === 'pending' && spanSecured(scenario, s, span.id)) {
      rec.status = 'secured';
      rec.securedRound = s.round;
      rec.securedCount += 1;
      newlySecured.push(span.id);
      say(s, 'span.secured', `Span secured: ${span.name} (${span.track}).`);
    }
  }
  return newlySecured;
}

/** §5.3: negates every span whose window closed unmatched. */
export function closeWindows(scenario: Scenario, s: GameState): string[] {
  const cat = catalog(scenario);
  const t = scenario.tunables;
  const negated: string[] = [];
  for (const span of scenario.interlocks) {
    if (!windowClosedUnmatched(scenario, s, span.id)) continue;
    const rec = s.spans[span.id];
    if (!rec) continue;
    const steps = cat.spanSteps.get(span.id) ?? [];
    const givers: string[] = [];
    for (const moveId of steps) {
      const st = standingStep(s, moveId);
      if (!st) continue;
      givers.push(st.delegation);
      const isRestraint = moveId === span.restraint;
      const cause = isRestraint
        ? `Span negated: ${span.name} (the window closed unmatched)`
        : `Unmatched step in "${span.name}" (free-riding)`;
      addSupport(s, st.delegation, -(isRestraint ? t.negationSupportLoss : t.freeRiderSupportLoss), cause);
      if (isRestraint) addTension(s, t.negationTension, cause);
      removeStanding(s, moveId);
    }
    rec.status = 'negated';
    rec.negatedCount += 1;
    rec.lost = { round: s.round, by: 'window', delegation: null, move: null, cause: null };
    negated.push(span.id);
    const who = [...new Set(givers)].map((d) => nameOf(scenario, d)).join(', ');
    say(s, 'span.negated', `Span negated: ${span.name}. The window closed unmatched; ${who} lost support.`);
  }
  return negated;
}

/** §5.5: a verified violation unsecures the span and, where snapback is armed, takes relief back. */
export function recordViolation(scenario: Scenario, s: GameState, moveId: string, ruled = false) {
  const cat = catalog(scenario);
  const t = scenario.tunables;
  const st = standingStep(s, moveId);
  if (!st) return;
  const span = cat.spanOfMove.get(moveId) ?? null;
  // A monitor finds only steps truly abandoned; a White Cell ruling may find one carried out (§6.6).
  const groundless = ruled && !isDefected(s, moveId);
  s.violations.push({
    round: s.round,
    move: moveId,
    delegation: st.delegation,
    span: span?.id ?? null,
    ...(ruled ? { ruled: true as const } : {}),
    ...(groundless ? { groundless: true as const } : {}),
  });
  const moveName = cat.move.get(moveId)?.name ?? moveId;
  const cause = `Verified violation: ${nameOf(scenario, st.delegation)}, "${moveName}"`;
  addTension(s, t.violationTension, cause);
  addTrustFromAll(s, st.delegation, -t.violationTrustLoss, cause);
  say(s, 'violation', `Verified violation: ${nameOf(scenario, st.delegation)} is not carrying out "${moveName}".`);
  removeStanding(s, moveId);
  if (!span) return;
  const rec = s.spans[span.id];
  if (rec) {
    rec.status = 'violated';
    rec.violatedCount += 1;
    rec.lost = { round: s.round, by: 'violation', delegation: st.delegation, move: moveId, cause: null };
  }
  for (const other of cat.spanSteps.get(span.id) ?? []) {
    const i = s.standing.findIndex((x) => x.move === other);
    const step = s.standing[i];
    if (!step) continue;
    const m = cat.move.get(other);
    if (!m?.tags.includes('relief')) {
      removeStanding(s, other);
      continue;
    }
    if (snapbackArmed(scenario, s, step.delegation)) {
      // Pre-authorized snapback takes the relief back from the violator at once, and it pays.
      removeStanding(s, other);
      addSupport(s, st.delegation, -Math.max(4, m.effects.support?.[st.delegation] ?? 0), `Snapback: "${m.name}" withdrawn`);
      say(s, 'snapback', `Snapback: "${m.name}" is withdrawn automatically; ${nameOf(scenario, st.delegation)} pays for the violation.`);
    } else {
      // No snapback: the relief stays with the violator while capitals argue (a new object: steps may be shared).
      s.standing[i] = { ...step, lapses: s.round + t.reliefLingerRounds };
      say(
        s,
        'snapback.none',
        `No snapback was armed: the relief granted by "${m.name}" stays with ${nameOf(scenario, st.delegation)} while capitals argue.`,
      );
    }
  }
}

/** §5.5: relief that outlived a violation without snapback lapses when its time is up. */
export function lapseLingeringRelief(scenario: Scenario, s: GameState) {
  for (const st of s.standing.slice()) {
    if (st.lapses === undefined || st.lapses > s.round) continue;
    removeStanding(s, st.move);
    say(s, 'relief.lapsed', `The relief "${catalog(scenario).move.get(st.move)?.name ?? st.move}" finally lapses after the violation.`);
  }
}
