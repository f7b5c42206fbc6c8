// Helpers for rules that work on a draft: a private copy of the state that one step mutates
// before it is handed back as the new state.
import type { Effects, Scenario } from './scenario/schema';
import { copyStep } from './standing';
import type {
  Allocation,
  Commit,
  DelegationId,
  DelegationState,
  Figure,
  FigureChange,
  GameEvent,
  GameState,
  Incident,
  Motion,
  Package,
} from './types';

export const clamp = (v: number, lo = 0, hi = 100) => (v < lo ? lo : v > hi ? hi : v);

/**
 * A shallow copy with every field in one fixed order, so that all states share one object shape
 * (copying with spread gave each producer its own shape, and made copies slow).
 */
export function shallowCopy(s: GameState): GameState {
  return {
    engineVersion: s.engineVersion,
    scenarioId: s.scenarioId,
    seed: s.seed,
    rng: s.rng,
    round: s.round,
    phase: s.phase,
    step: s.step,
    paused: s.paused,
    outcome: s.outcome,
    endReason: s.endReason,
    warTrigger: s.warTrigger,
    tension: s.tension,
    fronts: s.fronts,
    delegations: s.delegations,
    trust: s.trust,
    standing: s.standing,
    quietDefections: s.quietDefections,
    implemented: s.implemented,
    spans: s.spans,
    violations: s.violations,
    packages: s.packages,
    nextPackageId: s.nextPackageId,
    incidents: s.incidents,
    nextIncidentId: s.nextIncidentId,
    funding: s.funding,
    allocation: s.allocation,
    framework: s.framework,
    council: s.council,
    escrow: s.escrow,
    firedInjects: s.firedInjects,
    customInjects: s.customInjects,
    revealed: s.revealed,
    objectives: s.objectives,
    events: s.events,
    changes: s.changes,
    history: s.history,
    // Absent until the White Cell first changes the events list (so older games keep their hash).
    ...(s.msel ? { msel: s.msel } : {}),
    // Absent until the first dispute is filed (§6.6).
    ...(s.disputes ? { disputes: s.disputes } : {}),
  };
}

/** A private copy of a delegation's record, its fields in one fixed order (one object shape). */
export function copyDelegation(d: DelegationState): DelegationState {
  return {
    support: d.support,
    ap: d.ap,
    apDebt: d.apDebt,
    ready: d.ready,
    committed: d.committed,
    commit: d.commit,
    committedBy: d.committedBy,
    penalties: d.penalties,
  };
}

/** The council with its own lists of members and motions (motions are copied on write: editMotion). */
export function copyCouncil(k: GameState['council']): GameState['council'] {
  return {
    founded: k.founded,
    round: k.round,
    members: [...k.members],
    rung: k.rung,
    compliantRounds: k.compliantRounds,
    motions: [...k.motions],
    nextMotionId: k.nextMotionId,
  };
}

export const copyAllocation = (a: Allocation): Allocation => ({ inspections: { ...a.inspections }, observers: { ...a.observers } });

/** A private copy of a sealed commit (structuredClone cost a tenth of a commit's handling). */
export function copyCommit(c: Commit): Commit {
  const out: Commit = { moves: [...c.moves], defect: [...c.defect] };
  if (c.allocation) out.allocation = copyAllocation(c.allocation);
  if (c.retaliate) out.retaliate = { incident: c.retaliate.incident, against: c.retaliate.against };
  return out;
}

/**
 * A private copy for one step to mutate. Records that are never changed after they are written
 * (events, history rows, violations, quiet defections, sealed commits) are shared; everything else
 * is copied.
 */
export function cloneState(s: GameState): GameState {
  const mapValues = <T>(rec: Record<string, T>, f: (v: T) => T): Record<string, T> => {
    const out: Record<string, T> = {};
    for (const k in rec) out[k] = f(rec[k] as T);
    return out;
  };
  const c = shallowCopy(s);
  c.fronts = mapValues(s.fronts, (f) => ({ ...f }));
  c.delegations = mapValues(s.delegations, copyDelegation);
  c.trust = mapValues(s.trust, (row) => ({ ...row }));
  c.standing = s.standing.map(copyStep);
  c.quietDefections = [...s.quietDefections];
  c.implemented = [...s.implemented];
  c.spans = mapValues(s.spans, (x) => ({ ...x }));
  c.violations = [...s.violations];
  // Packages, incidents and motions are copied on write: editPackage, editIncident, editMotion.
  c.packages = [...s.packages];
  c.incidents = [...s.incidents];
  c.funding = { ...s.funding };
  c.allocation = copyAllocation(s.allocation);
  c.framework = { ...s.framework };
  c.council = copyCouncil(s.council);
  c.escrow = { ...s.escrow };
  c.firedInjects = [...s.firedInjects];
  c.revealed = {
    incidents: [...s.revealed.incidents],
    defections: [...s.revealed.defections],
    objectives: [...s.revealed.objectives],
  };
  c.events = [...s.events];
  c.history = [...s.history];
  // Disputes are copied on write (editDispute).
  if (s.disputes) c.disputes = [...s.disputes];
  return c;
}

export function say(s: GameState, kind: string, text: string, audience: GameEvent['audience'] = 'all') {
  s.events.push({ round: s.round, kind, text, audience });
}

/** A cause as a rule names it: the text players read, and who may read it (everyone by default). */
export type Cause = string | { text: string; audience: FigureChange['audience'] };

const sameAudience = (a: FigureChange['audience'], b: FigureChange['audience']) =>
  a === b || (Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => x === b[i]));

/**
 * Records an applied change with its cause. The list is shared between states, so it is replaced,
 * never written: a change of the same figure, person and cause right after another adds to it.
 */
function record(s: GameState, figure: Figure, who: DelegationId | null, delta: number, cause: Cause) {
  if (delta === 0) return;
  const text = typeof cause === 'string' ? cause : cause.text;
  const audience = typeof cause === 'string' ? 'all' : cause.audience;
  const last = s.changes[s.changes.length - 1];
  if (
    last &&
    last.round === s.round &&
    last.figure === figure &&
    last.who === who &&
    last.cause === text &&
    sameAudience(last.audience, audience)
  ) {
    s.changes = [...s.changes.slice(0, -1), { ...last, delta: last.delta + delta }];
    return;
  }
  s.changes = [...s.changes, { round: s.round, figure, who, delta, cause: text, audience }];
}

export function addTension(s: GameState, delta: number, cause: Cause) {
  const before = s.tension;
  s.tension = clamp(s.tension + delta);
  record(s, 'tension', null, s.tension - before, cause);
}

export function addSupport(s: GameState, delegation: string, delta: number, cause: Cause) {
  const d = s.delegations[delegation];
  if (!d) return;
  const before = d.support;
  d.support = clamp(d.support + delta);
  record(s, 'support', delegation, d.support - before, cause);
}

/** Changes how far `truster` trusts `trusted`. */
export function addTrust(s: GameState, truster: string, trusted: string, delta: number, cause: Cause) {
  const row = s.trust[truster];
  if (!row || !(trusted in row)) return;
  const before = row[trusted] ?? 50;
  row[trusted] = clamp(before + delta);
  record(s, 'trust', trusted, row[trusted] - before, cause);
}

/** Everyone else's trust in `trusted`. */
export function addTrustFromAll(s: GameState, trusted: string, delta: number, cause: Cause) {
  for (const truster of Object.keys(s.trust)) if (truster !== trusted) addTrust(s, truster, trusted, delta, cause);
}

/** Trust among a group rises or falls together; recorded per trusted party. */
export function addTrustAmong(s: GameState, parties: readonly string[], delta: number, cause: Cause) {
  for (const b of parties) for (const a of parties) if (a !== b) addTrust(s, a, b, delta, cause);
}

/** The one-shot part of effects (tension, fronts, support, trust, escrow). */
export function applyOneShot(s: GameState, e: Effects, actor: string | null, cause: Cause) {
  if (e.tension) addTension(s, e.tension, cause);
  for (const [front, delta] of Object.entries(e.fronts ?? {})) {
    const f = s.fronts[front];
    if (f) f.tension = clamp(f.tension + delta);
  }
  for (const [d, delta] of Object.entries(e.support ?? {})) addSupport(s, d, delta, cause);
  if (e.trust && actor) addTrustFromAll(s, actor, e.trust, cause);
  if (e.escrow) {
    s.escrow.balance += e.escrow;
    s.escrow.pledged += e.escrow;
  }
}

export function nameOf(scenario: Scenario, delegation: string): string {
  if (delegation === 'independent') return 'the network acting on its own';
  if (delegation === 'spoiler') return scenario.spoilers.name;
  return scenario.delegations.find((d) => d.id === delegation)?.short ?? delegation;
}

/** The parts of the state a draft can own, beyond its top-level numbers and flags. */
export type DraftPart =
  'fronts' | 'delegations' | 'trust' | 'standing' | 'spans' | 'packages' | 'council' | 'funding' | 'escrow' | 'firedInjects' | 'events';

/**
 * A lighter draft: only the listed parts are private copies, the rest is shared with `s` and must
 * not be written (the property tests deep-freeze every state, so such a write fails there at once).
 */
export function draftOf(s: GameState, ...parts: DraftPart[]): GameState {
  const c = shallowCopy(s);
  for (const part of parts) {
    switch (part) {
      case 'fronts': {
        const fronts: GameState['fronts'] = {};
        for (const k in s.fronts) fronts[k] = { ...(s.fronts[k] as GameState['fronts'][string]) };
        c.fronts = fronts;
        break;
      }
      case 'delegations': {
        const delegations: GameState['delegations'] = {};
        for (const k in s.delegations) delegations[k] = copyDelegation(s.delegations[k] as DelegationState);
        c.delegations = delegations;
        break;
      }
      case 'trust': {
        const trust: GameState['trust'] = {};
        for (const k in s.trust) trust[k] = { ...s.trust[k] };
        c.trust = trust;
        break;
      }
      case 'standing':
        // The lists, not the steps: a step taken out of force is removed, never edited.
        c.standing = [...s.standing];
        c.quietDefections = [...s.quietDefections];
        break;
      case 'spans': {
        const spans: GameState['spans'] = {};
        for (const k in s.spans) spans[k] = { ...(s.spans[k] as GameState['spans'][string]) };
        c.spans = spans;
        break;
      }
      case 'packages':
        c.packages = [...s.packages];
        break;
      case 'council':
        c.council = copyCouncil(s.council);
        break;
      case 'funding':
        c.funding = { ...s.funding };
        break;
      case 'escrow':
        c.escrow = { ...s.escrow };
        break;
      case 'firedInjects':
        c.firedInjects = [...s.firedInjects];
        break;
      case 'events':
        c.events = [...s.events];
        break;
    }
  }
  return c;
}

/** A draft that owns one delegation's record and nothing else (readiness, a sealed commit). */
export function delegationDraft(s: GameState, id: DelegationId): GameState {
  const c = shallowCopy(s);
  c.delegations = { ...s.delegations };
  const d = s.delegations[id];
  if (d) c.delegations[id] = copyDelegation(d);
  return c;
}

/**
 * The draft of negotiation business that can touch most of the table (an agreed package, the
 * council): delegations, trust, packages, the council, funding, escrow and events, never steps,
 * spans or incidents.
 */
export const negotiationDraft = (s: GameState): GameState =>
  draftOf(s, 'delegations', 'trust', 'packages', 'council', 'funding', 'escrow', 'events');

/** Replaces a package of the draft by a private copy and returns it for editing. */
export function editPackage(s: GameState, id: number): Package | undefined {
  const i = s.packages.findIndex((p) => p.id === id);
  const p = s.packages[i];
  if (!p) return undefined;
  // Field by field, in one fixed order: one object shape for every package.
  const copy: Package = {
    id: p.id,
    round: p.round,
    proposer: p.proposer,
    steps: p.steps,
    window: p.window,
    parties: p.parties,
    accepted: [...p.accepted],
    status: p.status,
    acceptedRound: p.acceptedRound,
    counterTo: p.counterTo,
    note: p.note,
    replies: [...p.replies],
    triggered: [...p.triggered],
  };
  s.packages[i] = copy;
  return copy;
}

export function editIncident(s: GameState, id: number): Incident | undefined {
  const i = s.incidents.findIndex((x) => x.id === id);
  const inc = s.incidents[i];
  if (!inc) return undefined;
  const copy = { ...inc, attribution: inc.attribution ? { ...inc.attribution } : null };
  s.incidents[i] = copy;
  return copy;
}

export function editMotion(s: GameState, id: number): Motion | undefined {
  const i = s.council.motions.findIndex((m) => m.id === id);
  const m = s.council.motions[i];
  if (!m) return undefined;
  const copy = { ...m, votes: { ...m.votes } };
  s.council.motions[i] = copy;
  return copy;
}
