// Saved games: the event log with the game's set-up, version-stamped. A save resumes by replay,
// so a corrupt, edited or foreign file is refused before anything is overwritten.
import { z } from 'zod/mini';
import type { Scenario } from '../engine';
import { LOG_FORMAT, LOG_VERSION, ReplayError, makeLogFile, replayLogFile, type LogFile } from './replay';
import type { GameSession } from './session';

export const SAVE_FORMAT = 'interlock-save';
export const SAVE_VERSION = 1;

export interface GameSetupRecord {
  mode: 'solo' | 'hotseat';
  humans: string[];
  difficulty: 'novice' | 'standard' | 'expert';
  /** The AI delegations' character (absent in older saves: pragmatists). */
  personality?: 'hawk' | 'pragmatist' | 'dove' | 'mixed';
}

export interface SaveFile {
  format: typeof SAVE_FORMAT;
  version: number;
  savedAt: string;
  setup: GameSetupRecord;
  log: LogFile;
}

const setupSchema = z.strictObject({
  mode: z.enum(['solo', 'hotseat']),
  humans: z.array(z.string().check(z.maxLength(48))).check(z.maxLength(10)),
  difficulty: z.enum(['novice', 'standard', 'expert']),
  personality: z.optional(z.enum(['hawk', 'pragmatist', 'dove', 'mixed'])),
});

const saveSchema = z.strictObject({
  format: z.literal(SAVE_FORMAT),
  version: z.int(),
  savedAt: z.string().check(z.maxLength(40)),
  setup: setupSchema,
  log: z.looseObject({ format: z.literal(LOG_FORMAT), version: z.literal(LOG_VERSION) }),
});

export function makeSave(scenario: Scenario, session: GameSession, setup: GameSetupRecord, savedAt: string): SaveFile {
  return { format: SAVE_FORMAT, version: SAVE_VERSION, savedAt, setup, log: makeLogFile(scenario, session) };
}

export type ReadSave = { ok: true; save: SaveFile; session: GameSession } | { ok: false; error: string };

/** Checks a save against the scenario by replaying it; never throws. */
export function readSave(scenario: Scenario, json: unknown): ReadSave {
  if (typeof json !== 'object' || json === null || (json as { format?: unknown }).format !== SAVE_FORMAT)
    return { ok: false, error: 'This is not an Interlock save file.' };
  const parsed = saveSchema.safeParse(json);
  if (!parsed.success) {
    const p = parsed.error.issues[0];
    return { ok: false, error: `The save file is damaged (${p?.path.join('.') || 'file'}: ${p?.message ?? 'unreadable'}).` };
  }
  if (parsed.data.version !== SAVE_VERSION)
    return { ok: false, error: `This save was made by another version of Interlock (save format ${parsed.data.version}).` };
  try {
    const { session } = replayLogFile(scenario, parsed.data.log);
    return { ok: true, save: parsed.data as unknown as SaveFile, session };
  } catch (err) {
    if (err instanceof ReplayError) return { ok: false, error: `The save cannot be resumed: ${err.message}.` };
    return { ok: false, error: `The save cannot be resumed: ${(err as Error).message}` };
  }
}
