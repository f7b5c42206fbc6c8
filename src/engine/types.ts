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
  /** Relief that outlived a violation with no snapback armed: the round in whose assessment it lapses (§5.5). */
  lapses?: number;
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
  /** The support it gains the defector: secret with it, counted in the score (rules §8.2). */
  support?: number;
}

export type SpanStatus = 'idle' | 'open' | 'pending' | 'secured' | 'negated' | 'violated';

/** Why a span that stood (or was building) no longer does: public, for the bridge and the briefing. */
export interface SpanLoss {
  round: number;
  /** window: closed unmatched (§5.3); shock: a domestic shock pulled a step back (§5.6); violation: a monitor verified one (§5.5). */
  by: 'window' | 'shock' | 'violation';
  /** Who pulled back or violated (null for a window that closed). */
  delegation: DelegationId | null;
  /** The step pulled back or violated, or null. */
  move: string | null;
  /** The shock's title (an inject's or "Domestic backlash"), or null. */
  cause: string | null;
}

export interface SpanRecord {
  status: SpanStatus;
  /** The last time it stopped holding, and why; null while building or holding. */
  lost: SpanLoss | null;
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
  /** Ruled by the White Cell rather than found by a monitor (public). */
  ruled?: true;
  /** SECRET (the White Cell's and the giver's): the step was being carried out when ruled in violation (§6.6). */
  groundless?: true;
  /** Struck by a binding dispute ruling (§6.6): it no longer counts against its span. */
  struck?: true;
}

/** A finding a delegation may contest (§6.6): an incident's attribution, or a verified violation of its step. */
export type Finding = { kind: 'attribution'; incident: number } | { kind: 'violation'; move: string; round: number };

/**
 * The stages of a dispute (§6.6): filed (awaiting the respondent's answer), fact-finding, then a
 * binding ruling: struck (final), or upheld (the filer owes reparation) and then complied or enforced.
 */
export type DisputeStage = 'filed' | 'fact-finding' | 'struck' | 'upheld' | 'complied' | 'enforced';

/** A dispute before the standing panel (§6.6). Public, every stage of it. */
export interface Dispute {
  id: number;
  filer: DelegationId;
  finding: Finding;
  statement: string;
  filedRound: number;
  /** The council, or the delegation sitting as the panel of the international organisations. */
  panel: 'council' | DelegationId;
  respondent: DelegationId;
  stage: DisputeStage;
  /** The respondent's answer; null while none was given. */
  answer: null | { concede: boolean; reason: string };
  /** The round the panel rules in (the round after the filing), then the round it ruled in. */
  rulingRound: number;
  /** The last round the filer may comply with an upheld ruling in; null until upheld. */
  complyBy: number | null;
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
  attribution: null | {
    named: Sponsor | null;
    confidence: number;
    round: number;
    override: boolean;
    /** The penalty the council applied automatically on this finding (codified responses), if any. */
    auto?: string;
  };
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

/** The figures whose changes the round summaries explain. */
export type Figure = 'tension' | 'support' | 'trust';

/**
 * One cause's effect on a figure, recorded by the rule that applied it (the applied amount, after
 * clamping to 0–100): the round summaries say why each figure moved from these, never by guessing.
 */
export interface FigureChange {
  round: number;
  figure: Figure;
  /** Whose support, or who is trusted (by the others, summed over them); null for tension. */
  who: DelegationId | null;
  delta: number;
  /** What caused it, in the players' words ("Incident #3 on the Syria front"). */
  cause: string;
  /** Who may read the cause: as for events. */
  audience: 'all' | 'secret' | DelegationId[];
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
  /** The fund: what it holds, what was pledged and paid out, and what a refused ruling forfeited (§6.6; absent until then). */
  escrow: { balance: number; pledged: number; paid: number; forfeited?: number };
  firedInjects: string[];
  customInjects: number;
  /** What the facilitator revealed, and to whom ('all' or a delegation). */
  revealed: {
    incidents: Array<{ id: number; to: string }>;
    defections: string[];
    /** Whose secret objectives (a delegation, or 'all') were shown to whom ('all' or a delegation). */
    objectives: Array<{ to: string; whose: string }>;
  };
  /** SECRET: the objectives dealt to each delegation from its pool (§7); a view keeps only the viewer's. */
  objectives: Record<DelegationId, string[]>;
  events: GameEvent[];
  /** Every change of tension, support and trust with its cause, in the order applied (append-only). */
  changes: FigureChange[];
  history: RoundRecord[];
  /** SECRET (the White Cell's): the events list as the facilitator changed it; absent until the first change. */
  msel?: MselPlan;
  /** Disputes before the standing panel (§6.6), public; absent until the first is filed. */
  disputes?: Dispute[];
}

/** An event the White Cell adds to the events list during play (an inject without a shock). */
export interface MselEvent {
  id: string;
  title: string;
  text: string;
  audience: 'all' | DelegationId[];
  effects: Effects;
  round?: number;
  expected?: string;
  notes?: string;
}

/** The facilitator's changes to the events list: held, cancelled, rescheduled (null: on demand), added. */
export interface MselPlan {
  held: string[];
  cancelled: string[];
  rounds: Record<string, number | null>;
  added: MselEvent[];
}

export type MselChange =
  | { kind: 'hold'; inject: string }
  | { kind: 'release'; inject: string }
  | { kind: 'cancel'; inject: string }
  | { kind: 'reschedule'; inject: string; round: number | null }
  | { kind: 'add'; event: MselEvent };

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
  /** Contests a finding that names the actor (§6.6); `statement`: its case, public. */
  | (Base<'dispute.file', DelegationId> & { finding: Finding; statement?: string; reason?: string })
  /** The respondent concedes the finding (struck at once) or maintains it (fact-finding). */
  | (Base<'dispute.answer', DelegationId> & { dispute: number; concede: boolean; reason?: string })
  /** The filer makes the reparation an upheld ruling orders. */
  | (Base<'dispute.comply', DelegationId> & { dispute: number; reason?: string })
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
  | (Base<'facilitator.inject', 'facilitator'> & { inject: string | CustomInject; reason?: string })
  /** `reason`: why the White Cell ruled so; it goes into the ruling's line and the record. */
  | (Base<'facilitator.override', 'facilitator'> & { override: FacilitatorOverride; reason?: string })
  | (Base<'facilitator.reveal', 'facilitator'> & {
      what: 'incident' | 'defections' | 'objectives';
      incident?: number;
      /** For objectives: whose (one delegation; every delegation when absent). */
      whose?: DelegationId;
      reason?: string;
      to: 'all' | DelegationId;
    })
  | (Base<'facilitator.end', 'facilitator'> & { outcome: Outcome; reason?: string })
  /** Changes the events list (MSEL): all the changes are made, or none (a CSV import is one of these). */
  | (Base<'facilitator.msel', 'facilitator'> & { changes: MselChange[] })
  /** Takes back the White Cell's act logged as `seq` (a ruling, reveal or inject of this round), with why. */
  | (Base<'facilitator.undo', 'facilitator'> & { seq: number; reason?: string });

export type IntentType = Intent['type'];
export type IntentOf<T extends IntentType> = Extract<Intent, { type: T }>;
