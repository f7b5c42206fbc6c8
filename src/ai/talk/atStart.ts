// A message read and answered as its recipient would at the start of a game: the command line's
// `talk` and the benchmark. The game is the engine's own (no machine), the answer the AI's own.
import { catalog, openingState, seatStream, viewFor, type Intent, type Scenario } from '../../engine/core';
import { DEFAULT_PERSONA, type Persona } from '../persona';
import { SimTable } from '../play';
import { decideStage } from '../policy';
import { parseMessage, type TalkIntent } from './parse';

export interface TalkResult {
  intents: TalkIntent[];
  understood: boolean;
  reply: string;
  /** What the recipient did with it, in the order the table accepted it (its reply last). */
  acts: Intent[];
}

/** Why these delegations cannot talk, or null. */
export function talkProblem(scenario: Scenario, from: string, to: string, text: string): string | null {
  const ids = catalog(scenario).delegationIds;
  if (!ids.includes(from)) return `unknown delegation "${from}" (one of ${ids.join(', ')})`;
  if (!ids.includes(to)) return `unknown delegation "${to}" (one of ${ids.join(', ')})`;
  if (from === to) return 'a delegation does not write to itself';
  if (!text.trim()) return 'an empty message';
  return null;
}

export function answerAtStart(
  scenario: Scenario,
  seed: number,
  from: string,
  to: string,
  text: string,
  persona: Persona = DEFAULT_PERSONA,
): TalkResult {
  const table = new SimTable(scenario, openingState(scenario, seed));
  const said = table.send({ type: 'talk.say', actor: from, to: [to], text });
  if (!said.ok) throw new Error(`the message is refused: ${said.reason}`);
  const view = viewFor(table.state, to);
  const parsed = parseMessage({ scenario, from, to, packageSteps: (id) => view.packages.find((p) => p.id === id)?.steps }, text);
  const acts: Intent[] = [];
  let refused = false;
  let reply = '';
  for (const d of decideStage(scenario, view, to, persona, 'talk', seatStream(table.state, to))) {
    const intent = refused && d.fallback ? d.fallback : d.intent;
    const r = table.send(intent);
    if (!r.ok) {
      refused = true;
      continue;
    }
    acts.push(intent);
    if (intent.type === 'talk.say') reply = intent.text;
  }
  return { intents: parsed.intents, understood: parsed.understood, reply, acts };
}
