// The step clocks of a room: the facilitator sets minutes per step (negotiation, commit); the
// clock of the open step counts down, freezes while the game is paused, and can be extended.
// Deadlines are absolute times, so a room waits safely for days and across restarts.
import type { GameState } from '../engine';
import type { ClockedStep, ClockInfo } from '../net/protocol';

export interface ClockState extends ClockInfo {
  round: number;
}

const clocked = (step: string): step is ClockedStep => step === 'negotiation' || step === 'commit';

/**
 * The clock the room should have now, given its previous clock, the settings and the game.
 * Returns the same object when nothing changes (so the caller persists only real changes).
 */
export function nextClock(
  prev: ClockState | null,
  minutes: Record<ClockedStep, number | null>,
  s: GameState,
  started: boolean,
  now: number,
): ClockState | null {
  if (!started || s.outcome !== null || !clocked(s.step)) return null;
  const step = s.step;
  const setting = minutes[step];
  const same = prev && prev.round === s.round && prev.step === step ? prev : null;
  if (!same) {
    if (setting === null) return null;
    const totalMs = Math.round(setting * 60_000);
    return s.paused
      ? { round: s.round, step, endsAt: null, remainingMs: totalMs, totalMs }
      : { round: s.round, step, endsAt: now + totalMs, remainingMs: totalMs, totalMs };
  }
  if (s.paused && same.endsAt !== null) return { ...same, endsAt: null, remainingMs: Math.max(0, same.endsAt - now) };
  if (!s.paused && same.endsAt === null) return { ...same, endsAt: now + same.remainingMs };
  return same;
}

/** The clock with minutes added (or taken away; it never goes below zero left). */
export function extendClock(c: ClockState, minutes: number, now: number): ClockState {
  const ms = Math.round(minutes * 60_000);
  if (c.endsAt === null) return { ...c, remainingMs: Math.max(0, c.remainingMs + ms), totalMs: Math.max(0, c.totalMs + ms) };
  const endsAt = Math.max(now, c.endsAt + ms);
  return { ...c, endsAt, remainingMs: endsAt - now, totalMs: Math.max(0, c.totalMs + ms) };
}

export const expired = (c: ClockState | null, now: number) => c !== null && c.endsAt !== null && now >= c.endsAt;
