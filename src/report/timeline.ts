// A game, round by round: the event log replayed once, keeping the state at the start of each
// round (negotiation open) and at its end (resolved, before the next round's briefing). The
// report, the replay and the what-if fork all read these frames; states are never mutated, so
// keeping them costs only what each round changed.
import { applyIntent, resolveRound, type GameState, type PhaseId, type Scenario } from '../engine';
import type { LogEntry } from '../machine/gameMachine';
import { ReplayError, makeLogFile, type LogFile } from '../machine/replay';
import { GameSession } from '../machine/session';

export interface RoundFrame {
  round: number;
  phase: PhaseId;
  /** The state as the round's negotiation opened (after its briefing and injects). */
  start: GameState;
  /** The state once the round was resolved (or the game's last state, if it ended or stopped mid-round). */
  end: GameState;
  /** Whether the round was resolved (false for the round a saved game stopped in). */
  resolved: boolean;
  /** Index of the round's first log entry: a what-if from this round replays the entries before it. */
  firstEntry: number;
}

export interface Timeline {
  scenario: Scenario;
  seed: number;
  entries: readonly LogEntry[];
  frames: RoundFrame[];
  final: GameState;
  hash: string;
  log: LogFile;
  /** The game ended (every secret may be shown in the report). */
  over: boolean;
}

export function buildTimeline(scenario: Scenario, seed: number, entries: readonly LogEntry[]): Timeline {
  const session = GameSession.start(scenario, seed);
  const frames: RoundFrame[] = [];
  let start = session.state;
  let firstEntry = 0;
  try {
    entries.forEach((entry, i) => {
      const before = session.state;
      const r = session.send(entry.intent);
      if (!r.ok) throw new ReplayError(`entry ${entry.seq} (${entry.intent.type} by ${entry.actor}) is refused: ${r.reason}`);
      const after = session.state;
      const ended = after.outcome !== null && before.outcome === null;
      if (after.round === before.round && !ended) return;
      // The machine resolves the round and opens the next one in one step; the resolved state in
      // between is the same pure call the machine made (the last commit, or a closed step, then resolution).
      const resolved =
        ended && (entry.intent.type === 'facilitator.end' || after.round === before.round)
          ? after
          : resolveRound(scenario, entry.intent.type === 'step.close' ? before : applyIntent(scenario, before, entry.intent));
      frames.push({ round: before.round, phase: before.phase, start, end: ended ? after : resolved, resolved: entry.intent.type !== 'facilitator.end', firstEntry });
      start = after;
      firstEntry = i + 1;
    });
  } finally {
    session.stop();
  }
  const final = session.state;
  if (final.outcome === null) frames.push({ round: final.round, phase: final.phase, start, end: final, resolved: false, firstEntry });
  return { scenario, seed, entries, frames, final, hash: session.hash(), log: makeLogFile(scenario, session), over: final.outcome !== null };
}

/** The log entries a what-if from the start of `round` replays: everything before that round. */
export function entriesBefore(t: Timeline, round: number): readonly LogEntry[] {
  const frame = t.frames.find((f) => f.round === round);
  return t.entries.slice(0, frame ? frame.firstEntry : t.entries.length);
}
