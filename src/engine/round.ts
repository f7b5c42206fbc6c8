// The round cycle's transitions and the predicates the machine's guards call.
import { catalog } from './catalog';
import { addTension, draftOf, editMotion, say } from './draft';
import { fireScheduledInjects, injectDraft } from './injects';
import { expireProposals } from './negotiation';
import type { Outcome, PhaseId, Scenario } from './scenario/schema';
import type { GameState } from './types';

export const allReady = (s: GameState) => Object.values(s.delegations).every((d) => d.ready);
export const allCommitted = (s: GameState) => Object.values(s.delegations).every((d) => d.committed);
/** Everyone but `actor` is ready: `actor`'s readiness closes the negotiation. */
export const allReadyBut = (s: GameState, actor: string) => Object.entries(s.delegations).every(([id, d]) => id === actor || d.ready);
export const allCommittedBut = (s: GameState, actor: string) =>
  Object.entries(s.delegations).every(([id, d]) => id === actor || d.committed);
export const frameworkAgreed = (s: GameState) => s.framework.adopted;
export const ceasefireExpired = (scenario: Scenario, s: GameState) =>
  s.phase === 'ceasefire' && s.round >= scenario.tunables.ceasefireRounds;
/** Unraveling: tension reached 100 or a war trigger was pulled. */
export const truceCollapsed = (s: GameState) => s.tension >= 100 || s.warTrigger !== null;
export const roundLimitReached = (scenario: Scenario, s: GameState) => s.round >= scenario.tunables.roundLimit;

/** Briefing: scheduled injects fire. */
export function startBriefing(scenario: Scenario, state: GameState): GameState {
  const s = scenario.injects.some((i) => i.round === state.round) ? injectDraft(state) : draftOf(state, 'events');
  s.step = 'briefing';
  say(s, 'round', `Round ${s.round} begins (${phaseName(scenario, s.phase)}).`);
  fireScheduledInjects(scenario, s);
  return s;
}

export function openNegotiation(state: GameState): GameState {
  const s = draftOf(state, 'delegations');
  s.step = 'negotiation';
  for (const d of Object.values(s.delegations)) d.ready = false;
  return s;
}

/** Proposals left unanswered lapse; open council motions fail. */
export function openCommit(scenario: Scenario, state: GameState): GameState {
  const s = draftOf(state, 'packages', 'council', 'events');
  s.step = 'commit';
  expireProposals(scenario, s);
  for (const m of s.council.motions) {
    const open = m.status === 'open' ? editMotion(s, m.id) : undefined;
    if (!open) continue;
    open.status = 'failed';
    const yes = Object.values(open.votes).filter(Boolean).length;
    say(
      s,
      'motion.failed',
      `Motion #${open.id} (penalty for incident #${open.incident}) fails: only ${yes} of ${s.council.members.length} members voted for it before the negotiation closed.`,
    );
  }
  return s;
}

export function enterPhase(scenario: Scenario, state: GameState, phase: PhaseId): GameState {
  const s = draftOf(state, 'events');
  if (s.phase === 'ceasefire' && !s.framework.adopted) {
    addTension(s, scenario.tunables.noFrameworkTension, 'No framework agreed during the ceasefire');
    say(s, 'phase', 'No framework was agreed during the ceasefire: talks go on under higher tension.');
  }
  s.phase = phase;
  say(s, 'phase', `New phase: ${phaseName(scenario, phase)}.`);
  return s;
}

export function nextRound(scenario: Scenario, state: GameState): GameState {
  const s = draftOf(state, 'delegations');
  s.round += 1;
  for (const d of Object.values(s.delegations)) {
    d.ap = scenario.tunables.actionPoints;
    d.ready = false;
    d.committed = false;
    d.commit = null;
    d.committedBy = null;
  }
  return s;
}

export function endGame(state: GameState, outcome: Outcome, reason: string): GameState {
  const s = draftOf(state, 'events');
  s.outcome = outcome;
  s.endReason = reason;
  s.step = 'ended';
  say(s, 'ended', `The game ends: ${outcome}. ${reason}`);
  return s;
}

export function phaseName(scenario: Scenario, phase: PhaseId): string {
  if (phase === 'ceasefire') return 'Ceasefire';
  const p = scenario.phases.find((x) => x.id === phase);
  return p ? `Phase ${p.id}: ${p.name}` : phase;
}

export function delegationIds(scenario: Scenario): string[] {
  return catalog(scenario).delegationIds;
}
