// The first AI's interface, kept for callers written against it (a room server's AI seats):
// a temperament maps to a persona of the AI delegations (persona.ts), and a decision is the same.
import type { Persona } from './persona';

export type { Decision } from './words';

/** @deprecated Use a Persona (personality and difficulty). */
export interface Temperament {
  /** 0–100: how readily it accepts packages and carries out what it agreed. */
  cooperation: number;
  /** 0–100: how tempted it is to quietly defect once a step is verified. */
  cheating: number;
}

export const DEFAULT_TEMPERAMENT: Temperament = { cooperation: 70, cheating: 4 };

/** The persona closest to a temperament: cooperative ones are doves, tempted ones hawks. */
export function personaOf(t: Temperament): Persona {
  const personality = t.cooperation >= 85 && t.cheating <= 1 ? 'dove' : t.cooperation < 55 || t.cheating >= 15 ? 'hawk' : 'pragmatist';
  return { personality, difficulty: 'standard' };
}
