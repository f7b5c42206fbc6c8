// Messages in words between delegations (talk.say): who may write to whom, and the private event
// that carries the message to its sender and recipients. What a message means is not the
// engine's business: an AI seat reads it (src/ai/talk) and acts only through ordinary intents.
import { catalog } from './catalog';
import { nameOf } from './draft';
import type { Scenario } from './scenario/schema';
import type { GameEvent, GameState, IntentOf } from './types';

export const MAX_TALK_TEXT = 600;
/** Messages a delegation may send to one recipient in a round: enough to talk, not to flood the log. */
export const MAX_TALK_PER_ROUND = 12;

/** Messages from `from` to `to` in this round. */
function sentThisRound(s: GameState, from: string, to: string): number {
  let n = 0;
  for (const e of s.events) if (e.round === s.round && e.talk && e.talk.from === from && e.talk.to.includes(to)) n++;
  return n;
}

export function checkTalk(scenario: Scenario, s: GameState, intent: IntentOf<'talk.say'>): string | null {
  const cat = catalog(scenario);
  if (intent.to.length === 0) return 'a message needs a recipient';
  const seen = new Set<string>();
  for (const d of intent.to) {
    if (!cat.delegation.has(d)) return `unknown delegation "${d}"`;
    if (d === intent.actor) return 'a delegation does not write to itself';
    if (seen.has(d)) return `"${d}" is named twice`;
    seen.add(d);
    if (sentThisRound(s, intent.actor, d) >= MAX_TALK_PER_ROUND) return `at most ${MAX_TALK_PER_ROUND} messages a round to one delegation`;
  }
  const text = intent.text.trim();
  if (!text) return 'an empty message';
  if (text.length > MAX_TALK_TEXT) return `a message has at most ${MAX_TALK_TEXT} characters`;
  return null;
}

export function applyTalk(scenario: Scenario, s: GameState, intent: IntentOf<'talk.say'>) {
  const text = intent.text.trim();
  const to = [...intent.to];
  s.events.push({
    round: s.round,
    kind: 'talk',
    text: `${nameOf(scenario, intent.actor)} to ${to.map((d) => nameOf(scenario, d)).join(', ')}: ${text}`,
    audience: [intent.actor, ...to],
    talk: intent.reply ? { from: intent.actor, to, text, reply: true } : { from: intent.actor, to, text },
  });
}

/** The messages addressed to `me` that `me` has not answered yet (no later message of its own to the sender); replies ask for no answer. */
export function unansweredTalk(events: readonly GameEvent[], me: string): Array<GameEvent & { talk: NonNullable<GameEvent['talk']> }> {
  const out: Array<GameEvent & { talk: NonNullable<GameEvent['talk']> }> = [];
  const answeredAfter = new Map<string, number>();
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i] as GameEvent;
    if (!e.talk) continue;
    if (e.talk.from === me) {
      for (const d of e.talk.to) if (!answeredAfter.has(d)) answeredAfter.set(d, i);
    } else if (e.talk.to.includes(me) && !answeredAfter.has(e.talk.from))
      out.push(e as GameEvent & { talk: NonNullable<GameEvent['talk']> });
  }
  return out.reverse();
}

/** Whether any message to `me` waits for an answer (a cheap check for the scheduler). */
export const hasUnansweredTalk = (events: readonly GameEvent[], me: string) => unansweredTalk(events, me).length > 0;
