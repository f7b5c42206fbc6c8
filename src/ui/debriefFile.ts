// Reads a save file or a log file for the debrief: checks it against the scenario by replaying
// it, and says why not when it does not fit (nothing is changed then).
import type { Scenario } from '../engine';
import type { LogEntry } from '../machine/gameMachine';
import { LOG_FORMAT, ReplayError, replayLogFile, type LogFile } from '../machine/replay';
import { SAVE_FORMAT } from '../machine/saveFile';

export type DebriefFile = { ok: true; seed: number; entries: readonly LogEntry[]; seat: string | null } | { ok: false; error: string };

/** Reads several files for a comparison: the ones that fit, and why each other one does not. */
export function openComparedFiles(scenario: Scenario, files: ReadonlyArray<{ name: string; text: string }>) {
  const games: Array<{ name: string; seed: number; entries: readonly LogEntry[] }> = [];
  const refused: string[] = [];
  for (const f of files) {
    const r = openDebriefFile(scenario, f.text);
    if (r.ok) games.push({ name: f.name.replace(/\.json$/i, ''), seed: r.seed, entries: r.entries });
    else refused.push(`${f.name}: ${r.error}`);
  }
  return { games, refused };
}

export function openDebriefFile(scenario: Scenario, text: string): DebriefFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, error: 'This file is not a saved game or a game log (it is not JSON).' };
  }
  const format = (json as { format?: unknown } | null)?.format;
  let log: unknown = json;
  let seat: string | null = null;
  if (format === SAVE_FORMAT) {
    const save = json as { log?: unknown; setup?: { humans?: unknown } };
    log = save.log;
    const humans = save.setup?.humans;
    seat = Array.isArray(humans) && typeof humans[0] === 'string' ? humans[0] : null;
  } else if (format !== LOG_FORMAT) return { ok: false, error: 'This file is not an Interlock saved game or game log.' };
  try {
    replayLogFile(scenario, log);
  } catch (err) {
    if (!(err instanceof ReplayError)) return { ok: false, error: `The game cannot be replayed: ${(err as Error).message}.` };
    const other = /the log is of scenario/.test(err.message) ? ' Load its scenario file first (Load a scenario file…).' : '';
    return { ok: false, error: `The game cannot be replayed: ${err.message}.${other}` };
  }
  const file = log as LogFile;
  return { ok: true, seed: file.seed, entries: file.entries, seat };
}
