// An intent in a sentence's words ("the commit of Iran: Halt enrichment"), for the lines that name
// an intent after the fact (an undo that dropped it). Exhaustive over the intent union.
import { catalog } from './catalog';
import type { Scenario } from './scenario/schema';
import type { Intent } from './types';

/** What the intent was, without its actor: "acceptance of package #4", "commit (Halt enrichment)". */
export function intentWords(scenario: Scenario, intent: Intent): string {
  const cat = catalog(scenario);
  const move = (id: string) => cat.move.get(id)?.name ?? id;
  switch (intent.type) {
    case 'package.propose':
      return `proposal of a package of ${intent.steps.length} step${intent.steps.length === 1 ? '' : 's'}`;
    case 'package.accept':
      return `acceptance of package #${intent.package}`;
    case 'package.reject':
      return `rejection of package #${intent.package}`;
    case 'package.counter':
      return `counter-proposal to package #${intent.package}`;
    case 'negotiation.ready':
      return 'readiness to close the negotiation';
    case 'commit.submit': {
      const parts = [...intent.commit.moves.map(move), ...intent.commit.defect.map((m) => `a quiet defection from ${move(m)}`)];
      if (intent.commit.retaliate) parts.push(`retaliation for incident #${intent.commit.retaliate.incident}`);
      return parts.length ? `commit (${parts.join(', ')})` : 'commit';
    }
    case 'council.penalize':
      return `motion to penalize over incident #${intent.incident}`;
    case 'council.vote':
      return `vote on motion #${intent.motion}`;
    case 'talk.say':
      return 'message';
    case 'dispute.file':
      return intent.finding.kind === 'attribution'
        ? `dispute of the attribution of incident #${intent.finding.incident}`
        : `dispute of the violation of ${move(intent.finding.move)} (round ${intent.finding.round})`;
    case 'dispute.answer':
      return `${intent.concede ? 'concession' : 'answer'} to dispute #${intent.dispute}`;
    case 'dispute.comply':
      return `compliance with the ruling of dispute #${intent.dispute}`;
    case 'step.close':
      return 'close of the negotiation';
    case 'facilitator.pause':
      return 'pause';
    case 'facilitator.resume':
      return 'resumption';
    case 'facilitator.inject':
      return 'inject';
    case 'facilitator.override':
      return 'ruling';
    case 'facilitator.reveal':
      return 'reveal';
    case 'facilitator.end':
      return 'end of the game';
    case 'facilitator.msel':
      return 'change to the events list';
    case 'facilitator.undo':
      return `undo of entry #${intent.seq}`;
    default: {
      const never: never = intent;
      return String(never);
    }
  }
}

/** Who made it, in the game's words: a delegation's name, or the White Cell. */
export function actorWords(scenario: Scenario, intent: Intent): string {
  if (intent.actor === 'facilitator') return 'the White Cell';
  if (intent.actor === 'system') return 'the clock';
  return catalog(scenario).delegation.get(intent.actor)?.short ?? intent.actor;
}
