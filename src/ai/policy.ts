// An AI delegation's decisions, stage by stage, from its own view only. Expert delegations weigh
// their sealed commit by looking ahead (lookahead.ts); the others decide by their doctrine.
import type { GameView, Scenario } from '../engine/core';
import { commitDecision, planCommit } from './commit';
import { councilBusiness } from './council';
import { disputeBusiness } from './dispute';
import { expertCommit } from './lookahead';
import { negotiationStage } from './negotiate';
import { DEFAULT_PERSONA, profileOf, type Persona } from './persona';
import type { Seating, Stage } from './scheduler';
import type { Decision } from './words';
import { talkStage, type TalkReading } from './talk/respond';

/** A table of AIs only (the expert's simulated futures, tests). */
export const NO_PEOPLE: Seating = { people: [], phaseSince: 1 };

const MAX_REASON = 400;
const clip = (s: string) => (s.length > MAX_REASON ? `${s.slice(0, MAX_REASON - 1)}…` : s);

/** Writes the reason into the intent, so the event log keeps it (the secret part, in the sealed commit, in a field of its own). */
function stamp(d: Decision): Decision {
  const i = d.intent;
  if (i.type === 'package.propose') i.note = clip(d.reason);
  else if (i.type === 'commit.submit') {
    i.reason = clip(d.reason);
    if (d.secret) i.secretReason = clip(d.secret);
  } else if (
    'reason' in i ||
    i.type === 'negotiation.ready' ||
    i.type === 'council.vote' ||
    i.type === 'council.penalize' ||
    i.type.startsWith('dispute.') ||
    i.type.startsWith('package.')
  )
    (i as { reason?: string }).reason = clip(d.reason);
  return d;
}

/** One stage's decisions for `me`, from its view and its seat's random stream (both from the authority). */
export function decideStage(
  scenario: Scenario,
  view: GameView,
  me: string,
  persona: Persona = DEFAULT_PERSONA,
  stage: Stage,
  stream: number,
  seating: Seating = NO_PEOPLE,
  readings: readonly TalkReading[] = [],
): Decision[] {
  const p = profileOf(scenario, me, persona, stream);
  let out: Decision[];
  if (stage === 'talk') out = talkStage(scenario, view, me, p, readings);
  else if (stage === 'propose' || stage === 'answer') out = negotiationStage(scenario, view, me, p, stage, seating);
  else if (stage === 'close') out = [...councilBusiness(scenario, view, me, p), ...disputeBusiness(scenario, view, me, p)];
  else
    out = [
      // Answers and compliance owed in disputes (§6.6) go in before the sealed commit.
      ...disputeBusiness(scenario, view, me, p),
      p.lookahead > 0
        ? expertCommit(scenario, view, me, persona, p.lookahead, stream)
        : commitDecision(planCommit(scenario, view, me, p), me),
    ];
  return out.map(stamp);
}
