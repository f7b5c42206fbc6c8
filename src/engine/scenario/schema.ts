// The scenario file format (DESIGN.md §10). Zod checks the shape; references.ts checks that
// every id named in the file exists. Both run before a scenario is used, so a bad file is
// refused whole.
import { z } from 'zod';

export const SCHEMA_VERSION = 1;

const id = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,47}$/, 'ids are lower-case letters, digits and dashes, starting with a letter');
const text = z.string().trim().min(1, 'must not be empty').max(600);
const label = z.string().trim().min(1, 'must not be empty').max(80);
const int = (min: number, max: number) => z.number().int().min(min).max(max);
const percent = int(0, 100);
const delta = int(-100, 100);

export const PHASE_IDS = ['ceasefire', 'A', 'B', 'C'] as const;
export const phaseId = z.enum(PHASE_IDS);
export type PhaseId = z.infer<typeof phaseId>;

export const OUTCOMES = ['consolidation', 'drift', 'unraveling'] as const;
export const outcome = z.enum(OUTCOMES);
export type Outcome = z.infer<typeof outcome>;

/** One-shot changes when something happens, plus standing capabilities while a move stands. */
export const effects = z.strictObject({
  /** Global tension change, once. */
  tension: delta.optional(),
  /** Front tension changes, once. */
  fronts: z.record(id, delta).optional(),
  /** Domestic support changes, once. */
  support: z.record(id, delta).optional(),
  /** Everyone else's trust in the actor, once. */
  trust: delta.optional(),
  /** Money pledged into the escrow fund, once. */
  escrow: int(0, 500).optional(),
  /** Proxy network funding change, while the move stands. */
  funding: z.record(id, delta).optional(),
  /** Verification chance bonus on a track, in points, while the move stands. */
  verification: z.record(id, int(0, 60)).optional(),
  /** Council attribution confidence bonus, in points, while the move stands. */
  attribution: int(0, 60).optional(),
  /** Maritime patrols on fronts (fewer incidents there), while the move stands. */
  patrols: z.record(id, int(0, 5)).optional(),
});
export type Effects = z.infer<typeof effects>;

export const MOVE_TAGS = [
  'framework', // adopts the benchmark calendar (ceasefire phase)
  'council', // joins the standing mediation council
  'codify', // codified automatic responses to verified proxy strikes
  'snapback', // arms pre-authorized snapback of relief
  'stop-loss', // protects secured spans from a domestic shock
  'war-trigger', // ends the game in unraveling
  'relief', // sanctions relief that snapback can take back
  'access', // inspection access (raises nuclear verification)
] as const;
export const moveTag = z.enum(MOVE_TAGS);
export type MoveTag = z.infer<typeof moveTag>;

export const MONITORS = ['iaea', 'observers', 'public'] as const;
export const monitor = z.enum(MONITORS);
export type Monitor = z.infer<typeof monitor>;

export const move = z.strictObject({
  id,
  delegation: id,
  track: id,
  name: label,
  text,
  /** 'step': implemented by spending action points in a commit. 'pledge': takes effect when a package naming it is accepted. */
  kind: z.enum(['step', 'pledge']),
  cost: int(0, 3),
  phases: z.array(phaseId).min(1),
  verifiedBy: monitor,
  /** The front a security step concerns; observers there verify it. */
  front: id.optional(),
  /** Whether the giver may quietly stop doing it while it still counts publicly. */
  defectable: z.boolean(),
  /** What a quiet defection gives the defector (hidden until detected). */
  defection: z
    .strictObject({ support: delta.optional(), funding: z.record(id, delta).optional() })
    .optional(),
  tags: z.array(moveTag).default([]),
  effects: effects.default({}),
});
export type Move = z.infer<typeof move>;

export const condition = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('outcome'), in: z.array(outcome).min(1) }),
  z.strictObject({ type: z.literal('trackSecured'), track: id, atLeast: int(1, 20) }),
  z.strictObject({ type: z.literal('spanSecured'), span: id }),
  z.strictObject({ type: z.literal('supportAtLeast'), value: percent }),
  z.strictObject({ type: z.literal('tensionAtMost'), value: percent }),
  z.strictObject({ type: z.literal('frontTensionAtMost'), front: id, value: percent }),
  z.strictObject({ type: z.literal('escrowPaidAtLeast'), value: int(0, 1000) }),
  z.strictObject({ type: z.literal('councilFounded') }),
  z.strictObject({ type: z.literal('notPenalized') }),
  z.strictObject({ type: z.literal('moveImplemented'), move: id }),
  z.strictObject({ type: z.literal('moveNeverImplemented'), move: id }),
  z.strictObject({ type: z.literal('fundingAtLeast'), network: id, value: percent }),
]);
export type Condition = z.infer<typeof condition>;

export const objective = z.strictObject({ id, text, points: int(1, 50), condition });
export type Objective = z.infer<typeof objective>;

export const delegation = z.strictObject({
  id,
  name: label,
  short: z.string().trim().min(1).max(12),
  /** Accent colour used on the map, panels and charts. */
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour is #rrggbb'),
  role: z.enum(['party', 'guarantor', 'monitor']),
  summary: text,
  goals: z.array(text).min(1).max(6),
  levers: z.array(text).min(1).max(8),
  secretObjectives: z.array(objective).min(2).max(3),
  startSupport: percent,
});
export type Delegation = z.infer<typeof delegation>;

export const track = z.strictObject({ id, name: label, text, obstacle: text });
export type Track = z.infer<typeof track>;

export const phase = z.strictObject({
  id: z.enum(['A', 'B', 'C']),
  name: label,
  text,
  /** Secured spans needed per track. At least two tracks: no phase completes on one track alone. */
  requires: z.record(id, int(1, 5)).refine((r) => Object.keys(r).length >= 2, {
    message: 'a phase must name at least two tracks (the tracks are indivisible)',
  }),
});
export type Phase = z.infer<typeof phase>;

const lon = z.number().min(-180).max(180);
const lat = z.number().min(-90).max(90);

export const front = z.strictObject({
  id,
  name: label,
  text,
  lon,
  lat,
  /** Map radius of the front zone, in km. */
  radiusKm: int(20, 800),
  startTension: percent,
  /** A sea front: incidents there are mostly against shipping, and patrols help. */
  maritime: z.boolean().default(false),
  /** Delegations struck by incidents here. */
  exposed: z.array(id).min(1),
});
export type Front = z.infer<typeof front>;

export const proxyNetwork = z.strictObject({
  id,
  name: label,
  text,
  fronts: z.array(id).min(1),
  patron: id,
  startFunding: percent,
  /** Chance an incident is the network acting on its own, without its patron's order. */
  autonomy: percent,
  /** Base chance of an incident per round, before funding and tension. */
  baseRate: percent,
});
export type ProxyNetwork = z.infer<typeof proxyNetwork>;

export const interlock = z.strictObject({
  id,
  name: label,
  text,
  phase: z.enum(['A', 'B', 'C']),
  track: id,
  /** Rounds in which the restraint and its reciprocal steps must all be implemented. */
  window: int(1, 3),
  restraint: id,
  reciprocal: z.array(id).min(1).max(4),
});
export type Interlock = z.infer<typeof interlock>;

export const penalty = z.strictObject({
  id,
  name: label,
  text,
  severity: int(1, 3),
  supportLoss: int(0, 30),
  fundingCut: int(0, 40),
});
export type Penalty = z.infer<typeof penalty>;

export const rung = z.strictObject({ id, name: label, text, effects });
export type Rung = z.infer<typeof rung>;

export const inject = z.strictObject({
  id,
  title: label,
  text,
  /** Fires by itself at the briefing of this round; without it, only a facilitator fires it. */
  round: int(1, 40).optional(),
  /** 'all', or the delegations that receive it as private intelligence. */
  audience: z.union([z.literal('all'), z.array(id).min(1)]).default('all'),
  effects: effects.default({}),
  /** A domestic shock: it unwinds one secured step of this delegation unless stop-loss protects it. */
  shock: id.optional(),
});
export type Inject = z.infer<typeof inject>;

export const place = z.strictObject({
  id,
  name: label,
  kind: z.enum(['capital', 'strait', 'site', 'city']),
  lon,
  lat,
});

export const tunables = z.strictObject({
  roundLimit: int(3, 40),
  actionPoints: int(1, 10),
  ceasefireRounds: int(1, 5),
  noFrameworkTension: int(0, 40),
  startTension: percent,
  /** Tension added each round by itself: the drift when nothing is secured. */
  driftPerRound: int(0, 10),
  securedSpanTension: int(-30, 0),
  negationTension: int(0, 30),
  negationSupportLoss: int(0, 30),
  freeRiderSupportLoss: int(0, 30),
  violationTension: int(0, 30),
  violationTrustLoss: int(0, 50),
  incidentTension: int(0, 20),
  incidentFrontTension: int(0, 40),
  retaliationTension: int(0, 40),
  misdirectedTension: int(0, 40),
  fulfilledTrustGain: int(0, 30),
  brokenPromiseTrustLoss: int(0, 50),
  detectionPercent: percent,
  shockSupport: percent,
  ladderRounds: int(1, 6),
  frontTensionDecay: int(0, 20),
  wholeFrontWeight: percent,
});
export type Tunables = z.infer<typeof tunables>;

export const scenarioSchema = z.strictObject({
  schemaVersion: z.literal(SCHEMA_VERSION),
  id,
  title: label,
  summary: text,
  tunables,
  delegations: z.array(delegation).min(2).max(10),
  tracks: z.array(track).min(2).max(8),
  phases: z.array(phase).length(3),
  fronts: z.array(front).min(1).max(12),
  proxyNetworks: z.array(proxyNetwork).max(10),
  places: z.array(place).default([]),
  monitors: z.strictObject({
    /** The delegation that allocates inspection and observer capacity each round. */
    allocator: id,
    inspectionTeams: int(0, 20),
    observerTeams: int(0, 20),
    /** Verification chance with no capacity on it, then per team, per monitor kind. */
    iaeaBase: percent,
    iaeaPerTeam: percent,
    observerBase: percent,
    observerPerTeam: percent,
  }),
  moves: z.array(move).min(1),
  interlocks: z.array(interlock).min(1),
  framework: z.strictObject({ requiredDelegations: z.array(id).min(1), minParties: int(2, 10), text }),
  council: z.strictObject({
    minMembers: int(2, 10),
    guarantors: z.array(id).min(1),
    attributionThreshold: percent,
    baseConfidence: percent,
    observerConfidence: int(0, 50),
    penalties: z.array(penalty).min(1),
    ladder: z.array(rung).min(1).max(6),
  }),
  escrow: z.strictObject({
    pledgers: z.array(id).min(1),
    startBalance: int(0, 1000),
    tranche: int(1, 200),
    recipient: id,
    supportPerTranche: int(0, 20),
  }),
  spoilers: z.strictObject({ name: label, rate: percent, fronts: z.array(id).min(1) }),
  injects: z.array(inject),
});
export type Scenario = z.infer<typeof scenarioSchema>;
export type ScenarioInput = z.input<typeof scenarioSchema>;
