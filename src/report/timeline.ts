// A game, round by round: the event log replayed once by the engine's own round cycle (the
// SimTable, with the engine's round flow), keeping the state at the start of each round
// (negotiation open) and at its end (resolved, before the next round's briefing). The report, the
// replay and the what-if fork all read these frames; states are never mutated, so keeping them
// costs only what each round changed.
import { SimTable } from '../ai/play';
import { openingState, stateHash, type GameState, type PhaseId, type Scenario } from '../engine';
import type { LogEntry } from '../machine/gameMachine';
import { ReplayError, makeLogFile, type LogFile } from '../machine/replay';

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
  const table = new SimTable(scenario, openingState(scenario, seed));
  const frames: RoundFrame[] = [];
  let start = table.state;
  let firstEntry = 0;
  // The log as the machine would have kept it (numbered, with the round each intent came in).
  const kept: LogEntry[] = [];
  entries.forEach((entry, i) => {
    const before = table.state;
    const resolvedBefore = table.resolved;
    const r = table.send(entry.intent);
    if (!r.ok) throw new ReplayError(`entry ${entry.seq} (${entry.intent.type} by ${entry.actor}) is refused: ${r.reason}`);
    kept.push({ seq: i + 1, round: before.round, actor: entry.intent.actor, intent: entry.intent });
    const after = table.state;
    const ended = after.outcome !== null;
    const resolvedNow = table.resolved > resolvedBefore;
    if (!resolvedNow && !ended) return;
    // A round ends resolved (its state before the flow's next step), or by the facilitator.
    const end = ended ? after : (table.lastResolved as GameState);
    frames.push({ round: before.round, phase: before.phase, start, end, resolved: resolvedNow, firstEntry });
    start = after;
    firstEntry = i + 1;
  });
  const final = table.state;
  if (final.outcome === null) frames.push({ round: final.round, phase: final.phase, start, end: final, resolved: false, firstEntry });
  const log = makeLogFile(scenario, { state: final, log: kept });
  return { scenario, seed, entries, frames, final, hash: stateHash(final), log, over: final.outcome !== null };
}

/** The log entries a what-if from the start of `round` replays: everything before that round. */
export function entriesBefore(t: Timeline, round: number): readonly LogEntry[] {
  const frame = t.frames.find((f) => f.round === round);
  return t.entries.slice(0, frame ? frame.firstEntry : t.entries.length);
}
