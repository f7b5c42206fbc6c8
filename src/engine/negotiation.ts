// Linked packages, the council's motions and their checks.
import { catalog } from './catalog';
import { addSupport, addTension, addTrust, addTrustAmong, editPackage, nameOf, say } from './draft';
import type { Scenario } from './scenario/schema';
import { inForce, lastImplemented, markImplemented } from './standing';
import type { DelegationId, GameState, Package, PackageStep, Sponsor } from './types';

export const MAX_PACKAGE_STEPS = 8;
export const MAX_PROPOSALS_PER_ROUND = 4;

/** Why a set of package steps is not a valid package now, or null. */
export function checkPackageSteps(
  scenario: Scenario,
  s: GameState,
  proposer: DelegationId,
  steps: readonly PackageStep[],
  window: number,
): string | null {
  const cat = catalog(scenario);
  if (!Number.isInteger(window) || window < 1 || window > 3) return 'the window must be 1, 2 or 3 rounds';
  if (steps.length === 0) return 'a package needs at least one step';
  if (steps.length > MAX_PACKAGE_STEPS) return `a package has at most ${MAX_PACKAGE_STEPS} steps`;
  const seen = new Set<string>();
  for (const [i, step] of steps.entries()) {
    const m = cat.move.get(step.move);
    if (!m) return `step ${i + 1}: unknown move "${step.move}"`;
    if (m.delegation !== step.delegation) return `step ${i + 1}: "${m.name}" belongs to ${nameOf(scenario, m.delegation)}`;
    if (!m.phases.includes(s.phase)) return `step ${i + 1}: "${m.name}" is not available in this phase`;
    if (seen.has(m.id)) return `step ${i + 1}: "${m.name}" appears twice`;
    seen.add(m.id);
    if (m.kind === 'step' && inForce(s, m.id)) return `step ${i + 1}: "${m.name}" is already in force`;
    if (m.kind === 'pledge' && (inForce(s, m.id) || pledgeDone(scenario, s, step.delegation, m.tags))) {
      return `step ${i + 1}: "${m.name}" has already taken effect`;
    }
    if (step.after !== undefined) {
      if (!Number.isInteger(step.after) || step.after < 0 || step.after >= i)
        return `step ${i + 1}: a trigger must point to an earlier step`;
      if (m.kind !== 'step') return `step ${i + 1}: only an action step can be set off by a trigger`;
    }
  }
  const parties = partiesOf(proposer, steps);
  if (parties.length < 2) return 'a package links steps of at least two delegations';
  const same = identicalPackage(s, steps, window);
  if (same) return `identical to package #${same.id} (the same steps and window): answer that one instead`;
  return null;
}

/** A step as the package means it: the move, and the move that sets it off (indices differ with the order). */
function stepKeys(steps: readonly PackageStep[]): string {
  return steps
    .map((st) => `${st.delegation}:${st.move}<${st.after === undefined ? '' : (steps[st.after]?.move ?? '?')}`)
    .sort()
    .join('|');
}

/** A package of this round, or an agreed one still running, with the same steps and window (rules §8.1). */
export function identicalPackage(s: GameState, steps: readonly PackageStep[], window: number): Package | null {
  const key = stepKeys(steps);
  for (const p of s.packages) {
    if (p.window !== window || (p.round !== s.round && p.status !== 'accepted')) continue;
    if (p.steps.length === steps.length && stepKeys(p.steps) === key) return p;
  }
  return null;
}

function pledgeDone(scenario: Scenario, s: GameState, d: DelegationId, tags: readonly string[]): boolean {
  if (tags.includes('council')) return s.council.members.includes(d);
  if (tags.includes('framework')) return s.framework.adopted;
  return false;
}

/** An agreed pledge stands like a public act (snapback, codified responses work while it stands). */
function standPledge(s: GameState, move: string, delegation: DelegationId) {
  if (inForce(s, move)) return;
  // The negotiation draft shares the list of steps: a new list, not a push.
  s.standing = [...s.standing, { move, delegation, round: s.round, verified: true, verifiedRound: s.round }];
  s.implemented = [...s.implemented];
  markImplemented(s, move);
}

export function partiesOf(proposer: DelegationId, steps: readonly PackageStep[]): DelegationId[] {
  const parties = [proposer];
  for (const st of steps) if (!parties.includes(st.delegation)) parties.push(st.delegation);
  return parties;
}

export function proposalsThisRound(s: GameState, d: DelegationId): number {
  return s.packages.filter((p) => p.proposer === d && p.round === s.round).length;
}

export function addPackage(
  s: GameState,
  proposer: DelegationId,
  steps: PackageStep[],
  window: number,
  note: string,
  counterTo: number | null,
): Package {
  const pkg: Package = {
    id: s.nextPackageId++,
    round: s.round,
    proposer,
    steps: steps.map((st) => (st.after === undefined ? { delegation: st.delegation, move: st.move } : { ...st })),
    window,
    parties: partiesOf(proposer, steps),
    accepted: [proposer],
    status: 'proposed',
    acceptedRound: null,
    counterTo,
    note,
    replies: [],
    triggered: [],
  };
  s.packages.push(pkg);
  return pkg;
}

/**
 * §8.1 diverging allied priorities: the allies whose priority tracks these steps pass over while
 * they serve another ally's, each with the served allies among `parties` that it blames.
 */
export function passedOverAllies(
  scenario: Scenario,
  steps: readonly PackageStep[],
  parties: readonly string[],
): Array<{ ally: string; blamed: string[] }> {
  const alliance = scenario.alliance;
  if (!alliance) return [];
  const cat = catalog(scenario);
  const touched = new Set(
    steps.flatMap((st) => {
      const m = cat.move.get(st.move);
      return m?.kind === 'step' ? [m.track] : [];
    }),
  );
  const allies = Object.entries(alliance.priorities);
  const served = allies.filter(([, tracks]) => tracks.some((tr) => touched.has(tr))).map(([ally]) => ally);
  if (served.length === 0) return [];
  return allies
    .filter(([ally]) => !served.includes(ally))
    .map(([ally]) => ({ ally, blamed: served.filter((x) => x !== ally && parties.includes(x)) }))
    .filter((x) => x.blamed.length > 0);
}

/** An agreed package that passes over an ally costs it trust in the served parties. */
function strainAlliance(scenario: Scenario, s: GameState, pkg: Package) {
  const strain = scenario.alliance?.strainTrust ?? 0;
  if (strain === 0) return;
  for (const { ally, blamed } of passedOverAllies(scenario, pkg.steps, pkg.parties)) {
    const cause = `Package #${pkg.id} passed over ${nameOf(scenario, ally)}'s priorities`;
    for (const b of blamed) addTrust(s, ally, b, -strain, cause);
    say(
      s,
      'alliance.strain',
      `Package #${pkg.id} serves ${blamed.map((b) => nameOf(scenario, b)).join(' and ')} but passes over the priorities of ${nameOf(scenario, ally)}.`,
    );
  }
}

/** Called when the last party accepts: pledges take effect, the framework and council form. */
export function concludePackage(scenario: Scenario, s: GameState, pkg: Package) {
  const cat = catalog(scenario);
  pkg.status = 'accepted';
  pkg.acceptedRound = s.round;
  const names = pkg.parties.map((d) => nameOf(scenario, d)).join(', ');
  say(s, 'package.accepted', `Package #${pkg.id} agreed by ${names}.`);
  closeAlternatives(s, pkg);
  addTrustAmong(s, pkg.parties, 1, `Package #${pkg.id} agreed`);
  strainAlliance(scenario, s, pkg);

  const pledges = pkg.steps.map((st) => cat.move.get(st.move)).filter((m) => m?.kind === 'pledge');
  const frameworkBy = new Set(pledges.filter((m) => m?.tags.includes('framework')).map((m) => m?.delegation));
  const fw = scenario.framework;
  let adopted = false;
  if (!s.framework.adopted && fw.requiredDelegations.every((d) => frameworkBy.has(d)) && pkg.parties.length >= fw.minParties) {
    s.framework = { adopted: true, round: s.round };
    adopted = true;
    say(s, 'framework', `Framework adopted: the benchmark calendar is agreed.`);
  }
  const joiners = pledges.filter((m) => m?.tags.includes('council')).map((m) => m?.delegation as string);
  const c = scenario.council;
  if (!s.council.founded) {
    const unique = [...new Set(joiners)];
    if (unique.length >= c.minMembers && unique.some((d) => c.guarantors.includes(d))) {
      s.council.founded = true;
      s.council.round = s.round;
      s.council.members = unique;
      say(s, 'council.founded', `The standing mediation council is founded: ${unique.map((d) => nameOf(scenario, d)).join(', ')}.`);
    }
  } else {
    for (const d of joiners) {
      if (s.council.members.includes(d)) continue;
      s.council.members.push(d);
      say(s, 'council.joined', `${nameOf(scenario, d)} joins the mediation council.`);
    }
  }
  for (const m of pledges) {
    if (!m) continue;
    // §6.1: a join pledge or an endorsement that founded, joined or adopted nothing does not take effect.
    if (m.tags.includes('council') && !s.council.members.includes(m.delegation)) continue;
    if (m.tags.includes('framework') && !adopted) continue;
    applyPledgeEffects(s, m.effects.support, m.effects.tension, `${nameOf(scenario, m.delegation)} pledges "${m.name}"`);
    standPledge(s, m.id, m.delegation);
  }
}

function applyPledgeEffects(s: GameState, support: Record<string, number> | undefined, tension: number | undefined, cause: string) {
  for (const [d, v] of Object.entries(support ?? {})) addSupport(s, d, v, cause);
  if (tension) addTension(s, tension, cause);
}

/** §8.1: a counter and its original are alternatives; once one is agreed the other, still open, closes. */
function closeAlternatives(s: GameState, agreed: Package) {
  for (const p of s.packages) {
    if (p.status !== 'proposed') continue;
    if (p.id === agreed.counterTo) {
      const q = editPackage(s, p.id);
      if (q) q.status = 'countered';
      say(s, 'package.closed', `Package #${p.id} closes: its counter #${agreed.id} was agreed instead.`, p.parties);
    } else if (p.counterTo === agreed.id) {
      const q = editPackage(s, p.id);
      if (q) q.status = 'expired';
      say(s, 'package.closed', `Counter #${p.id} lapses: the package it answered, #${agreed.id}, was agreed.`, p.parties);
    }
  }
}

/** Proposals still open when the negotiation closes lapse; their parties are told who did not answer. */
export function expireProposals(scenario: Scenario, s: GameState) {
  for (const p of s.packages) {
    const q = p.status === 'proposed' ? editPackage(s, p.id) : undefined;
    if (!q) continue;
    q.status = 'expired';
    const silent = q.parties.filter((d) => !q.accepted.includes(d)).map((d) => nameOf(scenario, d));
    say(
      s,
      'package.expired',
      `Package #${q.id} lapsed unanswered: ${silent.join(', ')} did not answer before the negotiation closed.`,
      q.parties,
    );
  }
}

/** Settles agreed packages: all steps in force (fulfilled) or past the window (broken). */
export function settlePackages(scenario: Scenario, s: GameState) {
  const t = scenario.tunables;
  const cat = catalog(scenario);
  for (const open of s.packages) {
    if (open.status !== 'accepted' || open.acceptedRound === null) continue;
    const actionSteps = open.steps.filter((st) => cat.move.get(st.move)?.kind === 'step');
    // Implemented since acceptance counts as delivered even if later negated or violated.
    const since = open.acceptedRound;
    const done = actionSteps.filter((st) => (lastImplemented(s, st.move) ?? 0) >= since);
    const fulfilled = done.length === actionSteps.length;
    // Copied only when it settles: most agreed packages are still running.
    if (!fulfilled && s.round < open.acceptedRound + open.window - 1) continue;
    const p = editPackage(s, open.id);
    if (!p || p.acceptedRound === null) continue;
    if (fulfilled) {
      p.status = 'fulfilled';
      addTrustAmong(s, p.parties, t.fulfilledTrustGain, `Package #${p.id} kept`);
      continue;
    }
    if (s.round >= p.acceptedRound + p.window - 1) {
      p.status = 'broken';
      const missing = [...new Set(actionSteps.filter((st) => !done.includes(st)).map((st) => st.delegation))];
      for (const culprit of missing)
        for (const other of p.parties)
          if (other !== culprit) addTrust(s, other, culprit, -t.brokenPromiseTrustLoss, `Package #${p.id} broken`);
      say(s, 'package.broken', `Package #${p.id} broken: ${missing.map((d) => nameOf(scenario, d)).join(', ')} did not deliver.`);
    }
  }
}

/** Who the council has named for an incident (a motion can only target that sponsor). */
export function namedSponsor(s: GameState, incident: number): Sponsor | null {
  return s.incidents.find((i) => i.id === incident)?.attribution?.named ?? null;
}
