// The scenario file format (docs/scenario-format.md). Zod checks the shape; references.ts checks that
// every id named in the file exists. Both run before a scenario is used, so a bad file is
// refused whole.
import { int, z } from '../zod';
import { EFFECT_RECORD_LIMITS as R, EFFECT_VALUE_LIMITS as V } from './limits';

export const SCHEMA_VERSION = 1;

const id = z.string().check(z.regex(/^[a-z][a-z0-9-]{0,47}$/, 'ids are lower-case letters, digits and dashes, starting with a letter'));
const text = z.string().check(z.trim(), z.minLength(1, 'must not be empty'), z.maxLength(600));
const label = z.string().check(z.trim(), z.minLength(1, 'must not be empty'), z.maxLength(80));
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
  tension: z.optional(int(...V.tension)),
  /** Front tension changes, once. */
  fronts: z.optional(z.record(id, int(...R.fronts))),
  /** Domestic support changes, once. */
  support: z.optional(z.record(id, int(...R.support))),
  /** Everyone else's trust in the actor, once. */
  trust: z.optional(int(...V.trust)),
  /** Money pledged into the escrow fund, once. */
  escrow: z.optional(int(...V.escrow)),
  /** Proxy network funding change, while the move stands. */
  funding: z.optional(z.record(id, int(...R.funding))),
  /** Verification chance bonus on a track, in points, while the move stands. */
  verification: z.optional(z.record(id, int(...R.verification))),
  /** Council attribution confidence bonus, in points, while the move stands. */
  attribution: z.optional(int(...V.attribution)),
  /** Maritime patrols on fronts (fewer incidents there), while the move stands. */
  patrols: z.optional(z.record(id, int(...R.patrols))),
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
  phases: z.array(phaseId).check(z.minLength(1)),
  verifiedBy: monitor,
  /** The front a security step concerns; observers there verify it. */
  front: z.optional(id),
  /** Whether the giver may quietly stop doing it while it still counts publicly. */
  defectable: z.boolean(),
  /** What a quiet defection gives the defector (hidden until detected). */
  defection: z.optional(z.strictObject({ support: z.optional(delta), funding: z.optional(z.record(id, delta)) })),
  tags: z._default(z.array(moveTag), []),
  effects: z._default(effects, {}),
});
export type Move = z.infer<typeof move>;

export const condition = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('outcome'), in: z.array(outcome).check(z.minLength(1)) }),
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
  z.strictObject({ type: z.literal('fundingAtMost'), network: id, value: percent }),
]);
export type Condition = z.infer<typeof condition>;

export const objective = z.strictObject({ id, text, points: int(1, 50), condition });
export type Objective = z.infer<typeof objective>;

/**
 * A red line of a delegation's doctrine: it never gives the moves in `when` unless the package,
 * or what already stands, includes one of `requires` (without `requires`: never). `text` says why,
 * in plain words, and is what the AI says when it rejects or counters.
 */
export const redLine = z.strictObject({
  id,
  when: z.array(id).check(z.minLength(1), z.maxLength(8)),
  requires: z.optional(z.array(id).check(z.minLength(1), z.maxLength(8))),
  text,
});
export type RedLine = z.infer<typeof redLine>;

/** How an AI delegation weighs the talks; its personality and difficulty shade it (src/ai). */
export const doctrine = z.strictObject({
  /** How much progress on each track is worth to it, 0–10 (a missing track counts 5). */
  priorities: z.record(id, int(0, 10)),
  redLines: z._default(z.array(redLine).check(z.maxLength(8)), []),
  /** 0–100: appetite for quiet defection, reprisals and brinkmanship. */
  riskTolerance: percent,
  /** Rounds for which it remembers a broken promise or a verified violation. */
  betrayalMemory: int(0, 12),
});
export type Doctrine = z.infer<typeof doctrine>;

export const delegation = z.strictObject({
  id,
  name: label,
  short: z.string().check(z.trim(), z.minLength(1), z.maxLength(12)),
  /** Accent colour used on the map, panels and charts. */
  color: z.string().check(z.regex(/^#[0-9a-fA-F]{6}$/, 'a colour is #rrggbb')),
  role: z.enum(['party', 'guarantor', 'monitor']),
  summary: text,
  goals: z.array(text).check(z.minLength(1), z.maxLength(6)),
  levers: z.array(text).check(z.minLength(1), z.maxLength(8)),
  /** The pool: each game deals two or three of them (docs/rules.md §7). */
  secretObjectives: z.array(objective).check(z.minLength(2), z.maxLength(6)),
  startSupport: percent,
  /** Optional: without one, the AI plays a neutral doctrine. */
  doctrine: z.optional(doctrine),
});
export type Delegation = z.infer<typeof delegation>;

export const track = z.strictObject({ id, name: label, text, obstacle: text });
export type Track = z.infer<typeof track>;

export const phase = z.strictObject({
  id: z.enum(['A', 'B', 'C']),
  name: label,
  text,
  /** Secured spans needed per track. At least two tracks: no phase completes on one track alone. */
  requires: z
    .record(id, int(1, 5))
    .check(z.refine((r) => Object.keys(r).length >= 2, { message: 'a phase must name at least two tracks (the tracks are indivisible)' })),
});
export type Phase = z.infer<typeof phase>;

const lon = z.number().check(z.minimum(-180), z.maximum(180));
const lat = z.number().check(z.minimum(-90), z.maximum(90));

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
  maritime: z._default(z.boolean(), false),
  /** Delegations struck by incidents here. */
  exposed: z.array(id).check(z.minLength(1)),
});
export type Front = z.infer<typeof front>;

export const proxyNetwork = z.strictObject({
  id,
  name: label,
  text,
  fronts: z.array(id).check(z.minLength(1)),
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
  reciprocal: z.array(id).check(z.minLength(1), z.maxLength(4)),
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
  round: z.optional(int(1, 40)),
  /** 'all', or the delegations that receive it as private intelligence. */
  audience: z._default(z.union([z.literal('all'), z.array(id).check(z.minLength(1))]), 'all'),
  effects: z._default(effects, {}),
  /** A domestic shock: it unwinds one secured step of this delegation unless stop-loss protects it. */
  shock: z.optional(id),
  /** The events list (MSEL): what the players are expected to do about it (the White Cell's eyes only). */
  expected: z.optional(text),
  /** The events list (MSEL): the controller's notes (the White Cell's eyes only). */
  notes: z.optional(text),
});
export type Inject = z.infer<typeof inject>;

/** An objective of the exercise, for the White Cell's evaluation guide (its eyes only). */
export const exerciseObjective = z.strictObject({ id, title: label, text });
export type ExerciseObjective = z.infer<typeof exerciseObjective>;

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
  /** Rounds linked relief stays with a violator when no snapback was armed (§5.5). */
  reliefLingerRounds: z._default(int(0, 6), 2),
  /** Proxy funding a patron's networks gain when relief is paid before its restraint is verified. */
  reliefCaptureFunding: z._default(int(0, 40), 0),
  /** Points of strike chance each secured span (ever) adds to proxies and spoilers: they react to progress. */
  spoilerProgress: z._default(int(0, 10), 0),
  /** Tension a round adds per track of the current phase with no span secured while another has one (§5.4). */
  strandDecayTension: z._default(int(0, 10), 0),
  /** Action points a dispute costs its filer in the round it is filed (§6.6). */
  disputeFilingCost: z._default(int(0, 3), 1),
  /** Trust every other delegation loses in a filer whose finding is upheld (§6.6). */
  disputeLossTrust: z._default(int(0, 30), 5),
  /** Support a filer pays to comply with an upheld ruling (§6.6). */
  disputeReparation: z._default(int(0, 30), 4),
  /** Trust every other delegation loses in a filer that refuses a binding ruling (§6.6). */
  disputeRefusalTrust: z._default(int(0, 50), 10),
  /** Escrow forfeited when the fund's recipient refuses a binding ruling (§6.6). */
  disputeForfeit: z._default(int(0, 100), 15),
});
export type Tunables = z.infer<typeof tunables>;

/** Words players use for delegations and moves besides their names: what the message reader (src/ai/talk) understands. */
const phrases = z.array(label).check(z.maxLength(24));
export const synonyms = z.strictObject({
  delegations: z._default(z.record(id, phrases), {}),
  moves: z._default(z.record(id, phrases), {}),
});
export type Synonyms = z.infer<typeof synonyms>;

export const scenarioSchema = z.strictObject({
  schemaVersion: z.literal(SCHEMA_VERSION),
  id,
  title: label,
  summary: text,
  tunables,
  delegations: z.array(delegation).check(z.minLength(2), z.maxLength(10)),
  tracks: z.array(track).check(z.minLength(2), z.maxLength(8)),
  phases: z.array(phase).check(z.length(3)),
  fronts: z.array(front).check(z.minLength(1), z.maxLength(12)),
  proxyNetworks: z.array(proxyNetwork).check(z.maxLength(10)),
  places: z._default(z.array(place), []),
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
  moves: z.array(move).check(z.minLength(1)),
  interlocks: z.array(interlock).check(z.minLength(1)),
  framework: z.strictObject({ requiredDelegations: z.array(id).check(z.minLength(1)), minParties: int(2, 10), text }),
  council: z.strictObject({
    minMembers: int(2, 10),
    guarantors: z.array(id).check(z.minLength(1)),
    attributionThreshold: percent,
    baseConfidence: percent,
    observerConfidence: int(0, 50),
    penalties: z.array(penalty).check(z.minLength(1)),
    ladder: z.array(rung).check(z.minLength(1), z.maxLength(6)),
    /** The delegation that chairs the council: its vote carries a tied penalty motion (§6.3). */
    chair: z.optional(id),
  }),
  escrow: z.strictObject({
    pledgers: z.array(id).check(z.minLength(1)),
    startBalance: int(0, 1000),
    tranche: int(1, 200),
    recipient: id,
    supportPerTranche: int(0, 20),
    /** The delegation that holds the fund and answers to the recipient for it (§6.5). */
    holder: z.optional(id),
    /** The recipient's trust in the holder: up this much per tranche paid, down as much when a secured span finds the fund empty. */
    holderTrust: z._default(int(0, 10), 2),
  }),
  spoilers: z.strictObject({ name: label, rate: percent, fronts: z.array(id).check(z.minLength(1)) }),
  /** Allies with diverging priorities (docs/rules.md §8.1): a package serving one and passing over another strains them. */
  alliance: z.optional(
    z.strictObject({
      /** Each ally's priority tracks. */
      priorities: z.record(id, z.array(id).check(z.minLength(1), z.maxLength(4))),
      /** Trust a passed-over ally loses in each served ally that is a party to the package. */
      strainTrust: z._default(int(0, 20), 3),
    }),
  ),
  injects: z.array(inject),
  synonyms: z.optional(synonyms),
  /** What the exercise sets out to test: the evaluation guide's objectives (the White Cell's eyes only). */
  exerciseObjectives: z.optional(z.array(exerciseObjective).check(z.minLength(1), z.maxLength(12))),
});
export type Scenario = z.infer<typeof scenarioSchema>;
export type ScenarioInput = z.input<typeof scenarioSchema>;
