// Game state and intents. The state is plain JSON (no classes, no Maps) so it can be hashed,
// cloned, persisted and sent over the wire as it is.
import type { Effects, Outcome, PhaseId } from './scenario/schema';

export type DelegationId = string;
export type RoundStep = 'briefing' | 'negotiation' | 'commit' | 'resolution' | 'ended';
export type Actor = DelegationId | 'facilitator' | 'system';

/** A move that has been implemented and stands (not reverted). Public. */
export interface StandingStep {
  move: string;
  delegation: DelegationId;
  /** Round in which it was implemented. */
  round: number;
  verified: boolean;
  verifiedRound: number | null;
}

export interface Implemented {
  move: string;
  round: number;
}

/**
 * SECRET: the giver quietly stopped carrying out a step in force; the step still counts in public
 * until a monitor detects it. Only the defector (and the facilitator) see it.
 */
export interface QuietDefection {
  move: string;
  delegation: DelegationId;
  round: number;
}

export type SpanStatus = 'idle' | 'open' | 'pending' | 'secured' | 'negated' | 'violated';

export interface SpanRecord {
  status: SpanStatus;
  openedRound: number | null;
  closesRound: number | null;
  securedRound: number | null;
  /** Times it was secured, negated, violated: for the debrief. */
  securedCount: number;
  negatedCount: number;
  violatedCount: number;
}

export interface Violation {
  round: number;
  move: string;
  delegation: DelegationId;
  span: string | null;
}

export interface PackageStep {
  delegation: DelegationId;
  move: string;
  /** Index of the step whose verification sets this one off automatically. */
  after?: number;
}

export type PackageStatus = 'proposed' | 'accepted' | 'rejected' | 'countered' | 'expired' | 'fulfilled' | 'broken';

export interface Package {
  id: number;
  round: number;
  proposer: DelegationId;
  steps: PackageStep[];
  /** Rounds, from acceptance, in which its steps are to be implemented. */
  window: number;
  parties: DelegationId[];
  accepted: DelegationId[];
  status: PackageStatus;
  acceptedRound: number | null;
  counterTo: number | null;
  note: string;
  /** Reasons given by those who rejected or countered it. */
  replies: Array<{ by: DelegationId; answer: 'accept' | 'reject' | 'counter'; reason: string }>;
  /** Steps set off by a trigger that already executed. */
  triggered: number[];
}

export interface Allocation {
  inspections: Record<string, number>;
  observers: Record<string, number>;
}

export interface Commit {
  moves: string[];
  defect: string[];
  allocation?: Allocation;
  retaliate?: { incident: number; against: DelegationId };
}

/** A delegation, the network acting alone, spoilers; 'hidden' in a view that may not know. */
export type Sponsor = DelegationId | 'independent' | 'spoiler' | 'hidden';

export interface Incident {
  id: number;
  round: number;
  front: string;
  network: string | null;
  kind: 'drone' | 'rocket' | 'raid' | 'cyber' | 'maritime';
  severity: number;
  /** SECRET until attributed correctly or revealed. */
  sponsor: Sponsor;
  attribution: null | { named: Sponsor | null; confidence: number; round: number; override: boolean };
  cancelled: boolean;
  revealed: boolean;
}

export interface Motion {
  id: number;
  round: number;
  by: DelegationId;
  incident: number;
  target: Sponsor;
  penalty: string;
  votes: Record<DelegationId, boolean>;
  status: 'open' | 'passed' | 'failed';
}

export interface DelegationState {
  support: number;
  ap: number;
  apDebt: number;
  ready: boolean;
  /** Whether the sealed commit is in (public); its content is SECRET until the reveal. */
  committed: boolean;
  commit: Commit | null;
  committedBy: string | null;
  penalties: number;
}

export interface GameEvent {
  round: number;
  kind: string;
  text: string;
  /** Who sees it: everyone, some delegations (private), or only the facilitator and the debrief. */
  audience: 'all' | 'secret' | DelegationId[];
  /** A message between delegations (talk.say): who wrote it, to whom, and its words as written. */
  talk?: { from: DelegationId; to: DelegationId[]; text: string; reply?: true };
}

export interface RoundRecord {
  round: number;
  phase: PhaseId;
  tension: number;
  fronts: Record<string, number>;
  support: Record<DelegationId, number>;
  /** Average trust the others hold in each delegation. */
  trust: Record<DelegationId, number>;
  secured: number;
  escrow: number;
  incidents: number;
}

export interface GameState {
  engineVersion: number;
  scenarioId: string;
  seed: number;
  /** SECRET: the seeded generator's state. */
  rng: number;
  round: number;
  phase: PhaseId;
  step: RoundStep;
  paused: boolean;
  outcome: Outcome | null;
  endReason: string | null;
  /** Set when a war trigger was pulled (a strike on a nuclear site). */
  warTrigger: string | null;
  tension: number;
  fronts: Record<string, { tension: number; observers: number; patrols: number }>;
  delegations: Record<DelegationId, DelegationState>;
  /** trust[a][b]: how far a trusts b, 0–100. */
  trust: Record<DelegationId, Record<DelegationId, number>>;
  /** The steps in force, in the order they were implemented (see standing.ts). */
  standing: StandingStep[];
  /** SECRET: quiet defections on steps in force, in the order they happened. */
  quietDefections: QuietDefection[];
  /** The last round each move was implemented in (absent: never), in first-implemented order. */
  implemented: Implemented[];
  spans: Record<string, SpanRecord>;
  violations: Violation[];
  packages: Package[];
  nextPackageId: number;
  incidents: Incident[];
  nextIncidentId: number;
  funding: Record<string, number>;
  allocation: Allocation;
  framework: { adopted: boolean; round: number | null };
  council: {
    founded: boolean;
    round: number | null;
    members: DelegationId[];
    rung: number;
    compliantRounds: number;
    motions: Motion[];
    nextMotionId: number;
  };
  escrow: { balance: number; pledged: number; paid: number };
  firedInjects: string[];
  customInjects: number;
  /** What the facilitator revealed, and to whom ('all' or a delegation). */
  revealed: { incidents: Array<{ id: number; to: string }>; defections: string[]; objectives: string[] };
  events: GameEvent[];
  history: RoundRecord[];
}

type Base<T extends string, A = Actor> = { type: T; actor: A };

export type FacilitatorOverride =
  | { kind: 'attribution'; incident: number; sponsor: Sponsor | null }
  | { kind: 'cancelIncident'; incident: number }
  | { kind: 'verification'; move: string; result: 'verified' | 'violation' };

export interface CustomInject {
  title: string;
  text: string;
  audience: 'all' | DelegationId[];
  effects: Effects;
}

export type Intent =
  | (Base<'package.propose', DelegationId> & { steps: PackageStep[]; window: number; note?: string })
  | (Base<'package.accept', DelegationId> & { package: number; reason?: string })
  | (Base<'package.reject', DelegationId> & { package: number; reason?: string })
  | (Base<'package.counter', DelegationId> & {
      package: number;
      steps: PackageStep[];
      window: number;
      reason?: string;
    })
  | (Base<'negotiation.ready', DelegationId> & { reason?: string })
  | (Base<'commit.submit', DelegationId> & {
      commit: Commit;
      by?: string;
      reason?: string;
      /** The part of the reasoning only the committing delegation may read until the game ends (an AI's quiet defection). */
      secretReason?: string;
    })
  | (Base<'council.penalize', DelegationId> & { incident: number; penalty: string; reason?: string })
  | (Base<'council.vote', DelegationId> & { motion: number; yes: boolean; reason?: string })
  /** A message in words to other delegations; an AI seat's reply is one too (it stays in the log, so a replay never writes it again). */
  | (Base<'talk.say', DelegationId> & {
      to: DelegationId[];
      text: string;
      /** An answer to a message (an AI seat's): it does not ask for an answer in turn. */
      reply?: boolean;
    })
  | Base<'step.close', 'facilitator' | 'system'>
  | Base<'facilitator.pause', 'facilitator'>
  | Base<'facilitator.resume', 'facilitator'>
  | (Base<'facilitator.inject', 'facilitator'> & { inject: string | CustomInject })
  | (Base<'facilitator.override', 'facilitator'> & { override: FacilitatorOverride })
  | (Base<'facilitator.reveal', 'facilitator'> & {
      what: 'incident' | 'defections' | 'objectives';
      incident?: number;
      to: 'all' | DelegationId;
    })
  | (Base<'facilitator.end', 'facilitator'> & { outcome: Outcome; reason?: string });

export type IntentType = Intent['type'];
export type IntentOf<T extends IntentType> = Extract<Intent, { type: T }>;
