// The event log as a file, and replay: the same scenario, seed and log give the same state hash.
import { z } from 'zod/mini';
import { ENGINE_VERSION, hashValue, intentSchema, stateHash, type GameState, type Intent, type Outcome, type Scenario } from '../engine';
import type { LogEntry } from './gameMachine';
import { GameSession } from './session';

export const LOG_FORMAT = 'interlock-log';
export const LOG_VERSION = 1;

export interface LogFile {
  format: typeof LOG_FORMAT;
  version: number;
  engineVersion: number;
  scenario: { id: string; hash: string };
  seed: number;
  entries: LogEntry[];
  final: { hash: string; round: number; outcome: Outcome | null; entries: number };
}

export class ReplayError extends Error {}

export const scenarioHash = (scenario: Scenario) => hashValue(scenario);

/** Feeds a log to a new game; refuses the first entry that does not fit. */
export function replay(
  scenario: Scenario,
  seed: number,
  entries: readonly LogEntry[],
): { session: GameSession; state: GameState; hash: string } {
  const session = GameSession.start(scenario, seed);
  for (const [i, entry] of entries.entries()) {
    if (entry.seq !== i + 1) throw new ReplayError(`entry ${i + 1}: sequence number ${entry.seq} is out of order (edited log?)`);
    if (entry.actor !== entry.intent.actor)
      throw new ReplayError(
        `entry ${entry.seq}: the actor column says ${entry.actor} but the intent is by ${entry.intent.actor} (edited log?)`,
      );
    if (entry.round !== session.state.round)
      throw new ReplayError(`entry ${entry.seq}: recorded in round ${entry.round}, but the game is in round ${session.state.round}`);
    const r = session.send(entry.intent);
    if (!r.ok) throw new ReplayError(`entry ${entry.seq} (${entry.intent.type} by ${entry.actor}) is refused: ${r.reason}`);
  }
  return { session, state: session.state, hash: session.hash() };
}

/** A played game as a log file: a session, or any table that kept the log of what it accepted. */
export function makeLogFile(scenario: Scenario, game: { readonly state: GameState; readonly log: readonly LogEntry[] }): LogFile {
  const { state, log } = game;
  const hash = stateHash(state);
  return {
    format: LOG_FORMAT,
    version: LOG_VERSION,
    engineVersion: ENGINE_VERSION,
    scenario: { id: scenario.id, hash: scenarioHash(scenario) },
    seed: state.seed,
    entries: [...log],
    final: { hash, round: state.round, outcome: state.outcome, entries: log.length },
  };
}

const entrySchema = z.strictObject({
  seq: z.int().check(z.minimum(1)),
  round: z.int().check(z.minimum(1)),
  actor: z.string(),
  intent: intentSchema,
});

const logFileSchema = z.strictObject({
  format: z.literal(LOG_FORMAT),
  version: z.int(),
  engineVersion: z.int(),
  scenario: z.strictObject({ id: z.string(), hash: z.string() }),
  seed: z.int().check(z.minimum(0), z.maximum(0xffffffff)),
  entries: z.array(entrySchema),
  final: z.strictObject({
    hash: z.string(),
    round: z.int(),
    outcome: z.nullable(z.enum(['consolidation', 'drift', 'unraveling'])),
    entries: z.int(),
  }),
});

/** Checks a log file against the scenario and replays it; any mismatch is a ReplayError. */
export function replayLogFile(scenario: Scenario, json: unknown): { state: GameState; hash: string; session: GameSession } {
  if (typeof json !== 'object' || json === null || (json as { format?: unknown }).format !== LOG_FORMAT)
    throw new ReplayError('this is not an Interlock log file');
  const parsed = logFileSchema.safeParse(json);
  if (!parsed.success) {
    const p = parsed.error.issues[0];
    throw new ReplayError(`the log file is malformed at ${p?.path.join('.') ?? '?'}: ${p?.message ?? ''}`);
  }
  const file = parsed.data;
  if (file.version !== LOG_VERSION || file.engineVersion !== ENGINE_VERSION)
    throw new ReplayError(
      `the log was written by another version of the game (log ${file.version}, engine ${file.engineVersion}; this is ${LOG_VERSION}, ${ENGINE_VERSION})`,
    );
  if (file.scenario.id !== scenario.id) throw new ReplayError(`the log is of scenario "${file.scenario.id}", not "${scenario.id}"`);
  if (file.scenario.hash !== scenarioHash(scenario))
    throw new ReplayError(`the log was played on a different version of scenario "${scenario.id}"`);
  if (file.entries.length !== file.final.entries)
    throw new ReplayError(`the log says it has ${file.final.entries} entries but holds ${file.entries.length} (truncated?)`);
  const entries = file.entries.map((e) => ({ ...e, intent: e.intent as Intent }));
  const result = replay(scenario, file.seed, entries);
  if (result.hash !== file.final.hash)
    throw new ReplayError(`replay gives state ${result.hash}, the log recorded ${file.final.hash} (edited or truncated log?)`);
  return result;
}
