// An AI seat's answer to its messages with a language model beside it (rooms, when the server
// is given an endpoint): the model reads what the offline reader could not, and words the decided
// replies; the decisions themselves stay the AI's (decide), and every model output is checked
// (model.ts), falling back to the offline reading and wording.
import { type GameView, type Intent, type Scenario } from '../../engine';
import type { Decision } from '../words';
import { proposeParse, wordReply, type ModelSettings } from './model';
import { parseMessage } from './parse';
import { pendingMessages, type TalkReading } from './respond';

export async function talkWithModel(
  settings: ModelSettings,
  scenario: Scenario,
  view: GameView,
  me: string,
  decide: (readings: TalkReading[]) => Promise<Decision[]>,
): Promise<Decision[]> {
  const readings: TalkReading[] = [];
  for (const e of pendingMessages(view, me)) {
    const steps = (id: number) => view.packages.find((p) => p.id === id)?.steps;
    if (parseMessage({ scenario, from: e.talk.from, to: me, packageSteps: steps }, e.talk.text).understood) continue;
    const intents = await proposeParse(settings, { scenario, from: e.talk.from, to: me, text: e.talk.text });
    if (intents) readings.push({ from: e.talk.from, text: e.talk.text, intents });
  }
  const decisions = await decide(readings);
  const out: Decision[] = [];
  let acts: Intent[] = [];
  for (const d of decisions) {
    const i = d.intent;
    if (i.type !== 'talk.say' || !i.reply) {
      acts.push(i);
      out.push(d);
      continue;
    }
    const worded = await wordReply(settings, { scenario, me, to: i.to[0] ?? '', reply: i.text, acts });
    out.push(worded.by === 'model' ? { ...d, intent: { ...i, text: worded.text }, reason: worded.text } : d);
    acts = [];
  }
  return out;
}
