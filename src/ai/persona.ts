// Who an AI delegation is: its doctrine (scenario data: priorities, red lines, risk tolerance,
// memory of betrayals), shaded by a personality (hawk, pragmatist, dove) and played at a
// difficulty (novice, standard, expert). Everything an AI decides is derived from this profile.
import { catalog, type RedLine, type Scenario } from '../engine/core';

export const PERSONALITIES = ['hawk', 'pragmatist', 'dove'] as const;
export type Personality = (typeof PERSONALITIES)[number];
export const DIFFICULTIES = ['novice', 'standard', 'expert'] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];

export interface Persona {
  personality: Personality;
  difficulty: Difficulty;
}

export const DEFAULT_PERSONA: Persona = { personality: 'pragmatist', difficulty: 'standard' };

export interface Profile {
  me: string;
  /** The seat's own random stream, from the authority beside its view (engine: seatStream). */
  stream: number;
  personality: Personality;
  difficulty: Difficulty;
  /** Worth of progress on each track, 0–10. */
  priorities: Record<string, number>;
  redLines: readonly RedLine[];
  /** 0–100: appetite for quiet defection and reprisals. */
  risk: number;
  /** Rounds a broken promise or a verified violation is remembered. */
  memory: number;
  /** 0–100: how readily it accepts a sound package and keeps its word. */
  cooperation: number;
  /** 0–100: how much it wants to show strength (escalating moves) when it feels wronged. */
  escalation: number;
  /** Tension from which it would pull a war trigger it holds (above 100: never). */
  strikeAt: number;
  /** 0–100: readiness to strike back alone at an incident. */
  reprisal: number;
  /** Trust it needs in the other signatories before it gives up reprisals and joins the council (its personality's, moved by its doctrine's risk tolerance). */
  joinTrust: number;
  /** Lowest inquiry confidence on which it votes for a penalty. */
  penaltyConfidence: number;
  /** Difficulty: knows the partners' published red lines and builds packages that respect them. */
  readsRedLines: boolean;
  /** Difficulty: counts its action points before it accepts or proposes. */
  plansAp: boolean;
  /** Difficulty: weighs its own secret objectives. */
  weighsObjectives: boolean;
  /** Difficulty: checks the chance of detection before a quiet defection. */
  weighsDetection: boolean;
  /** Difficulty: percent of decisions taken carelessly (novice slips). */
  slips: number;
  /** Difficulty: simulated rounds the lookahead may spend on one decision (0: none). */
  lookahead: number;
}

interface Shade {
  cooperation: number;
  riskScale: number;
  riskAdd: number;
  escalation: number;
  strikeAt: number;
  reprisal: number;
  joinTrust: number;
  memoryScale: number;
  penaltyConfidence: number;
}

/** Tunable: how each personality bends the doctrine (README: AI delegations). */
const SHADES: Record<Personality, Shade> = {
  hawk: {
    cooperation: 52,
    riskScale: 1.4,
    riskAdd: 25,
    escalation: 65,
    strikeAt: 88,
    reprisal: 70,
    joinTrust: 60,
    memoryScale: 2,
    penaltyConfidence: 55,
  },
  pragmatist: {
    cooperation: 76,
    riskScale: 1,
    riskAdd: 0,
    escalation: 34,
    strikeAt: 90,
    reprisal: 20,
    joinTrust: 52,
    memoryScale: 1,
    penaltyConfidence: 62,
  },
  dove: {
    cooperation: 97,
    riskScale: 0,
    riskAdd: 0,
    escalation: 0,
    strikeAt: 999,
    reprisal: 0,
    joinTrust: 50,
    memoryScale: 0.5,
    penaltyConfidence: 75,
  },
};

/**
 * Tunable: the risk tolerance at which a delegation needs its personality's `joinTrust` to join
 * the council, and how many points of risk tolerance above (or below) it add (or take off) one
 * point of that trust.
 */
export const JOIN_TRUST_RISK_PIVOT = 30;
export const JOIN_TRUST_RISK_STEP = 5;

/** Tunable: the expert's search budget, in simulated rounds per decision (not time: replays must not depend on the clock). */
export const EXPERT_BUDGET = 64;

export function profileOf(scenario: Scenario, me: string, persona: Persona = DEFAULT_PERSONA, stream = 0): Profile {
  const doctrine = catalog(scenario).delegation.get(me)?.doctrine;
  const shade = SHADES[persona.personality];
  const priorities: Record<string, number> = {};
  for (const t of scenario.tracks) priorities[t.id] = doctrine?.priorities[t.id] ?? 5;
  const baseRisk = doctrine?.riskTolerance ?? 30;
  const d = persona.difficulty;
  return {
    me,
    stream,
    personality: persona.personality,
    difficulty: d,
    priorities,
    redLines: doctrine?.redLines ?? [],
    risk: Math.min(100, Math.round(baseRisk * shade.riskScale + (shade.riskScale > 0 ? shade.riskAdd : 0))),
    memory: Math.round((doctrine?.betrayalMemory ?? 3) * shade.memoryScale),
    cooperation: shade.cooperation,
    escalation: shade.escalation,
    // The more risk a doctrine tolerates, the earlier it reaches for a war trigger.
    strikeAt: shade.strikeAt - Math.round((baseRisk * shade.riskScale) / 5),
    reprisal: shade.reprisal,
    // A doctrine that tolerates more risk holds on longer to its own answers: it needs more trust
    // before it joins the council (the IAEA's 5 asks 47, Israel's 60 asks 58, for a pragmatist).
    joinTrust: shade.joinTrust + Math.round((baseRisk - JOIN_TRUST_RISK_PIVOT) / JOIN_TRUST_RISK_STEP),
    penaltyConfidence: shade.penaltyConfidence,
    readsRedLines: d !== 'novice',
    plansAp: d !== 'novice',
    weighsObjectives: d !== 'novice',
    weighsDetection: d !== 'novice',
    slips: d === 'novice' ? 60 : 0,
    lookahead: d === 'expert' ? EXPERT_BUDGET : 0,
  };
}

/** Parses "all=dove" or "iran=hawk,usa=dove" into a persona per delegation (CLI, tests). */
export function parsePersonaSpec<K extends 'personality' | 'difficulty'>(
  spec: string,
  key: K,
  allowed: readonly Persona[K][],
  delegations: readonly string[],
): { ok: true; value: Record<string, Persona[K]> } | { ok: false; error: string } {
  const out: Record<string, Persona[K]> = {};
  for (const part of spec
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [who, what] = part.split('=').map((x) => x.trim());
    if (!who || !what) return { ok: false, error: `"${part}" is not delegation=${key}` };
    if (!(allowed as readonly string[]).includes(what))
      return { ok: false, error: `unknown ${key} "${what}" (one of ${allowed.join(', ')})` };
    const targets = who === 'all' ? delegations : [who];
    if (who !== 'all' && !delegations.includes(who))
      return { ok: false, error: `unknown delegation "${who}" (one of ${delegations.join(', ')}, or all)` };
    for (const t of targets) out[t] = what as Persona[K];
  }
  return { ok: true, value: out };
}
