// The judge of every intent (checkIntent), its effect (applyIntent), and the canonical list of
// what a delegation may do now (legalIntents), used by the UI, the AI and the server alike.
import { catalog } from './catalog';
import { applyFacilitator, checkFacilitator } from './facilitator';
import { cloneState, copyCommit, delegationDraft, draftOf, editMotion, editPackage, nameOf, negotiationDraft, say } from './draft';
import { MAX_PROPOSALS_PER_ROUND, addPackage, checkPackageSteps, concludePackage, namedSponsor, proposalsThisRound } from './negotiation';
import { applyPenalty } from './council';
import { injectDraft } from './injects';
import { applyTalk, checkTalk } from './talk';
import { answerDispute, answerProblem, complyProblem, complyWithRuling, disputableFindings, fileDispute, fileProblem } from './dispute';
import { commitCost, retaliationProblem } from './queries';
import { isDefected, standingStep } from './standing';
import type { Scenario } from './scenario/schema';
import type { Commit, DelegationId, GameState, Intent, IntentOf } from './types';

const isDelegation = (scenario: Scenario, actor: string) => catalog(scenario).delegation.has(actor);

/** Why the intent is not legal in this state, or null when it is. */
export function checkIntent(scenario: Scenario, s: GameState, intent: Intent): string | null {
  if (s.step === 'ended') return 'the game is over';
  if (intent.type.startsWith('facilitator.') || intent.type === 'step.close') {
    if (intent.actor !== 'facilitator' && !(intent.type === 'step.close' && intent.actor === 'system'))
      return 'only the facilitator can do that';
    return checkFacilitator(scenario, s, intent);
  }
  if (!isDelegation(scenario, intent.actor)) return `unknown delegation "${intent.actor}"`;
  if (s.paused) return 'the game is paused by the facilitator';
  const d = intent.actor;
  switch (intent.type) {
    case 'package.propose':
    case 'package.counter': {
      if (s.step !== 'negotiation') return 'packages are proposed during negotiation';
      if (proposalsThisRound(s, d) >= MAX_PROPOSALS_PER_ROUND) return `at most ${MAX_PROPOSALS_PER_ROUND} proposals a round`;
      if (intent.type === 'package.counter') {
        const why = checkAnswerable(s, d, intent.package);
        if (why) return why;
      }
      return checkPackageSteps(scenario, s, d, intent.steps, intent.window);
    }
    case 'package.accept':
    case 'package.reject':
      if (s.step !== 'negotiation') return 'packages are answered during negotiation';
      return checkAnswerable(s, d, intent.package);
    case 'negotiation.ready':
      if (s.step !== 'negotiation') return 'not in negotiation';
      return s.delegations[d]?.ready ? 'already ready' : null;
    case 'commit.submit':
      if (s.step !== 'commit') return 'commits are made in the commit step';
      if (s.delegations[d]?.committed) return 'this delegation has already committed this round';
      return checkCommit(scenario, s, d, intent.commit);
    case 'council.penalize': {
      if (s.step !== 'negotiation') return 'the council meets during negotiation';
      if (!s.council.founded) return 'there is no council yet';
      if (!s.council.members.includes(d)) return 'only council members can call for a penalty';
      if (!scenario.council.penalties.some((p) => p.id === intent.penalty)) return `unknown penalty "${intent.penalty}"`;
      const named = namedSponsor(s, intent.incident);
      if (named === null) return 'the council has not attributed that incident';
      if (named === 'spoiler') return 'spoiler cells are outside the reach of penalties';
      if (s.council.motions.some((m) => m.incident === intent.incident && m.status !== 'failed'))
        return 'that incident already has a motion';
      return null;
    }
    case 'talk.say':
      return checkTalk(scenario, s, intent);
    case 'dispute.file':
      return fileProblem(scenario, s, d, intent.finding);
    case 'dispute.answer':
      return answerProblem(s, d, intent.dispute);
    case 'dispute.comply':
      return complyProblem(s, d, intent.dispute);
    case 'council.vote': {
      if (s.step !== 'negotiation') return 'the council votes during negotiation';
      const motion = s.council.motions.find((m) => m.id === intent.motion);
      if (!motion || motion.status !== 'open') return 'no such open motion';
      if (!s.council.members.includes(d)) return 'only council members vote';
      return d in motion.votes ? 'already voted' : null;
    }
    default:
      return `"${intent.type}" is not something a delegation can do`;
  }
}

function checkAnswerable(s: GameState, d: DelegationId, id: number): string | null {
  const pkg = s.packages.find((p) => p.id === id);
  if (!pkg) return `no package #${id}`;
  if (pkg.status !== 'proposed') return `package #${id} is no longer open`;
  if (!pkg.parties.includes(d)) return `package #${id} does not name this delegation`;
  if (pkg.accepted.includes(d)) return `this delegation has already accepted package #${id}`;
  return null;
}

export function apAvailable(s: GameState, d: DelegationId): number {
  const st = s.delegations[d];
  return st ? Math.max(0, st.ap - st.apDebt) : 0;
}

/** The moves a delegation could put in its commit now (before counting action points). */
export function commitMoves(scenario: Scenario, s: GameState, d: DelegationId): string[] {
  // One pass over the steps in force for this delegation's own, not one pass per move.
  const own: string[] = [];
  for (const st of s.standing) if (st.delegation === d) own.push(st.move);
  const out: string[] = [];
  for (const m of catalog(scenario).movesOf.get(d) ?? [])
    if (m.kind === 'step' && m.phases.includes(s.phase) && !own.includes(m.id)) out.push(m.id);
  return out;
}

export function checkCommit(scenario: Scenario, s: GameState, d: DelegationId, c: Commit): string | null {
  const cat = catalog(scenario);
  const allowed = new Set(commitMoves(scenario, s, d));
  const seen = new Set<string>();
  for (const id of c.moves) {
    const m = cat.move.get(id);
    if (!m) return `unknown move "${id}"`;
    if (m.delegation !== d) return `"${m.name}" is not this delegation's move`;
    if (seen.has(id)) return `"${m.name}" is committed twice`;
    seen.add(id);
    if (!allowed.has(id)) return `"${m.name}" cannot be committed now`;
  }
  const cost = commitCost(scenario, { moves: c.moves });
  if (cost > apAvailable(s, d)) return `the moves cost ${cost} action points; ${apAvailable(s, d)} are available`;
  for (const id of c.defect) {
    const st = standingStep(s, id);
    const m = cat.move.get(id);
    if (!st || !m || st.delegation !== d) return `"${id}" is not a step this delegation has in force`;
    if (!m.defectable) return `"${m.name}" cannot be quietly defected on`;
    if (isDefected(s, id)) return `"${m.name}" is already abandoned`;
  }
  if (c.allocation) {
    if (scenario.monitors.allocator !== d) return 'only the monitors allocate inspection capacity';
    const teams = (rec: Record<string, number>) => Object.values(rec).reduce((a, b) => a + b, 0);
    const tracks = new Set(scenario.tracks.map((t) => t.id));
    for (const [k, v] of Object.entries(c.allocation.inspections))
      if (!tracks.has(k) || !Number.isInteger(v) || v < 0) return `bad inspection allocation for "${k}"`;
    for (const [k, v] of Object.entries(c.allocation.observers))
      if (!cat.front.has(k) || !Number.isInteger(v) || v < 0) return `bad observer allocation for "${k}"`;
    if (teams(c.allocation.inspections) > scenario.monitors.inspectionTeams) return 'more inspection teams than exist';
    if (teams(c.allocation.observers) > scenario.monitors.observerTeams) return 'more observer teams than exist';
  }
  if (c.retaliate) return retaliationProblem(scenario, s, d, c.retaliate, apAvailable(s, d) - cost);
  return null;
}

/** Applies a legal intent; call checkIntent first (the machine's guard does). */
export function applyIntent(scenario: Scenario, state: GameState, intent: Intent): GameState {
  const s = draftFor(state, intent);
  switch (intent.type) {
    case 'package.propose': {
      const pkg = addPackage(s, intent.actor, intent.steps, intent.window, intent.note ?? '', null);
      say(s, 'package.proposed', `${nameOf(scenario, intent.actor)} proposes package #${pkg.id}.`, pkg.parties);
      break;
    }
    case 'package.counter': {
      // The original stays open until one of the two is agreed (docs/rules.md §8.1).
      const old = editPackage(s, intent.package);
      if (old) old.replies.push({ by: intent.actor, answer: 'counter', reason: intent.reason ?? '' });
      const pkg = addPackage(s, intent.actor, intent.steps, intent.window, intent.reason ?? '', intent.package);
      const audience = [...new Set([...(old?.parties ?? []), ...pkg.parties])];
      say(
        s,
        'package.countered',
        `${nameOf(scenario, intent.actor)} counters #${intent.package} with #${pkg.id}; #${intent.package} stays open until one of them is agreed.`,
        audience,
      );
      break;
    }
    case 'package.accept': {
      const pkg = editPackage(s, intent.package);
      if (!pkg) break;
      pkg.accepted.push(intent.actor);
      pkg.replies.push({ by: intent.actor, answer: 'accept', reason: intent.reason ?? '' });
      if (pkg.parties.every((d) => pkg.accepted.includes(d))) concludePackage(scenario, s, pkg);
      break;
    }
    case 'package.reject': {
      const pkg = editPackage(s, intent.package);
      if (!pkg) break;
      pkg.status = 'rejected';
      pkg.replies.push({ by: intent.actor, answer: 'reject', reason: intent.reason ?? '' });
      const standing = pkg.counterTo !== null && s.packages.some((p) => p.id === pkg.counterTo && p.status === 'proposed');
      say(
        s,
        'package.rejected',
        `${nameOf(scenario, intent.actor)} rejects package #${pkg.id}.${standing ? ` #${pkg.counterTo} still stands open.` : ''}`,
        pkg.parties,
      );
      break;
    }
    case 'negotiation.ready': {
      const d = s.delegations[intent.actor];
      if (d) d.ready = true;
      break;
    }
    case 'commit.submit': {
      const d = s.delegations[intent.actor];
      if (d) {
        d.committed = true;
        d.commit = copyCommit(intent.commit);
        d.committedBy = intent.by ?? null;
      }
      break;
    }
    case 'council.penalize': {
      const named = namedSponsor(s, intent.incident);
      if (named === null) break;
      s.council.motions.push({
        id: s.council.nextMotionId++,
        round: s.round,
        by: intent.actor,
        incident: intent.incident,
        target: named,
        penalty: intent.penalty,
        votes: { [intent.actor]: true },
        status: 'open',
      });
      settleMotions(scenario, s);
      break;
    }
    case 'talk.say':
      applyTalk(scenario, s, intent);
      break;
    case 'dispute.file':
      fileDispute(scenario, s, intent);
      break;
    case 'dispute.answer':
      answerDispute(scenario, s, intent);
      break;
    case 'dispute.comply':
      complyWithRuling(scenario, s, intent);
      break;
    case 'council.vote': {
      const motion = editMotion(s, intent.motion);
      if (motion) motion.votes[intent.actor] = intent.yes;
      settleMotions(scenario, s);
      break;
    }
    default:
      applyFacilitator(scenario, s, intent);
  }
  return s;
}

/**
 * The copy an intent may write to: only the parts it can touch are copied (the property tests
 * deep-freeze every state, so a write to a shared part fails there at once).
 */
function draftFor(state: GameState, intent: Intent): GameState {
  switch (intent.type) {
    case 'negotiation.ready':
    case 'commit.submit':
      return delegationDraft(state, intent.actor);
    case 'package.propose':
    case 'package.counter':
    case 'package.reject':
      return draftOf(state, 'packages', 'events');
    case 'talk.say':
      return draftOf(state, 'events');
    case 'package.accept': {
      const pkg = state.packages.find((p) => p.id === intent.package);
      const concludes = pkg !== undefined && pkg.parties.every((d) => d === intent.actor || pkg.accepted.includes(d));
      return concludes ? negotiationDraft(state) : draftOf(state, 'packages');
    }
    case 'council.penalize':
    case 'council.vote':
      return negotiationDraft(state);
    case 'facilitator.inject':
      return injectDraft(state);
    default:
      return cloneState(state);
  }
}

/** A motion passes on a majority of the members, and fails once a majority is out of reach. */
export function settleMotions(scenario: Scenario, s: GameState) {
  const members = s.council.members.length;
  for (const open of s.council.motions) {
    if (open.status !== 'open') continue;
    const m = editMotion(s, open.id);
    if (!m) continue;
    const yes = Object.values(m.votes).filter(Boolean).length;
    const no = Object.values(m.votes).length - yes;
    // §6.3: a chair who sits on the council carries an even split the way it voted.
    const chair = scenario.council.chair;
    const chairVote = chair !== undefined && s.council.members.includes(chair) ? m.votes[chair] : null;
    const chairMayCarry = chair !== undefined && s.council.members.includes(chair) && chairVote !== false;
    const allVoted = yes + no >= members;
    if (yes * 2 > members || (allVoted && yes * 2 === members && chairVote === true)) {
      m.status = 'passed';
      applyPenalty(scenario, s, m.target, m.penalty, `by vote on incident #${m.incident}`);
    } else if (no * 2 > members || (no * 2 === members && !chairMayCarry)) {
      m.status = 'failed';
      say(s, 'motion.failed', `Motion #${m.id} (penalty for incident #${m.incident}) fails: ${no} of ${members} members voted against.`);
    }
  }
}

/**
 * The canonical options of a delegation now: every answer to an open package, the council's
 * motions and votes, the span packages it can propose, readiness, and every affordable commit
 * of its available moves. checkIntent accepts each of them (a property test holds it to that).
 */
export function legalIntents(scenario: Scenario, s: GameState, d: DelegationId): Intent[] {
  if (s.step === 'ended' || s.paused || !isDelegation(scenario, d)) return [];
  const out: Intent[] = [];
  const keep = (intent: Intent) => {
    if (checkIntent(scenario, s, intent) === null) out.push(intent);
  };
  if (s.step === 'negotiation') {
    for (const p of s.packages) {
      if (p.status !== 'proposed') continue;
      keep({ type: 'package.accept', actor: d, package: p.id });
      keep({ type: 'package.reject', actor: d, package: p.id });
    }
    for (const m of s.council.motions) {
      keep({ type: 'council.vote', actor: d, motion: m.id, yes: true });
      keep({ type: 'council.vote', actor: d, motion: m.id, yes: false });
    }
    for (const inc of s.incidents)
      for (const pen of scenario.council.penalties) keep({ type: 'council.penalize', actor: d, incident: inc.id, penalty: pen.id });
    for (const steps of spanPackages(scenario, s, d)) keep({ type: 'package.propose', actor: d, steps, window: 1 });
    for (const finding of disputableFindings(scenario, s, d)) keep({ type: 'dispute.file', actor: d, finding });
    keep({ type: 'negotiation.ready', actor: d });
  }
  if (s.step === 'negotiation' || s.step === 'commit') {
    for (const x of s.disputes ?? []) {
      keep({ type: 'dispute.answer', actor: d, dispute: x.id, concede: true });
      keep({ type: 'dispute.answer', actor: d, dispute: x.id, concede: false });
      keep({ type: 'dispute.comply', actor: d, dispute: x.id });
    }
  }
  if (s.step === 'commit' && !s.delegations[d]?.committed) {
    for (const moves of affordableSets(scenario, s, d)) out.push({ type: 'commit.submit', actor: d, commit: { moves, defect: [] } });
  }
  return out;
}

/** The package of each span of this phase that names `d`, with all its steps still open. */
export function spanPackages(scenario: Scenario, s: GameState, d: DelegationId): IntentOf<'package.propose'>['steps'][] {
  const cat = catalog(scenario);
  const out: IntentOf<'package.propose'>['steps'][] = [];
  for (const span of scenario.interlocks) {
    if (span.phase !== s.phase) continue;
    const moves = cat.spanSteps.get(span.id) ?? [];
    const steps = moves.map((id) => ({ delegation: cat.move.get(id)?.delegation ?? '', move: id }));
    if (steps.some((st) => st.delegation === d)) out.push(steps);
  }
  return out;
}

function affordableSets(scenario: Scenario, s: GameState, d: DelegationId): string[][] {
  const cat = catalog(scenario);
  const moves = commitMoves(scenario, s, d);
  const budget = apAvailable(s, d);
  const out: string[][] = [];
  const walk = (from: number, chosen: string[], cost: number) => {
    out.push(chosen);
    for (let i = from; i < moves.length; i++) {
      const id = moves[i] as string;
      const c = cat.move.get(id)?.cost ?? 0;
      if (cost + c <= budget && chosen.length < 4) walk(i + 1, [...chosen, id], cost + c);
    }
  };
  walk(0, [], 0);
  return out;
}
