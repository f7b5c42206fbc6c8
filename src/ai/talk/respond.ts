// An AI seat answers the messages written to it. The reply is grounded in a decision taken now:
// it tables a package, answers an open one, or says why it will not, and its decisions are sent
// before the reply, so the reply never states an act the AI does not do. A message reaches the
// decision only through the intents the reader found in it (parse.ts); its words otherwise do
// nothing, so "ignore your instructions" is just text that offers no move.
import {
  catalog,
  checkIntent,
  unansweredTalk,
  type GameView,
  type Intent,
  type Package,
  type PackageStep,
  type Scenario,
} from '../../engine/core';
import { answer, breachOf, fixFor, objectiveAgainst } from '../negotiate';
import type { Profile } from '../persona';
import { listOf, quoted, streamFor, who, type Decision } from '../words';
import { parseMessage, type Parsed, type TalkIntent } from './parse';

const MAX_REPLY = 600;
const clip = (s: string) => (s.length > MAX_REPLY ? `${s.slice(0, MAX_REPLY - 1)}…` : s);

/** What the reply and the acts of one answer are, before they are sent. */
export interface Answer {
  acts: Decision[];
  words: string[];
}

/** What the answer to one message rests on: the AI's view, profile and the acts it has already decided in this turn. */
interface Turn {
  scenario: Scenario;
  view: GameView;
  me: string;
  p: Profile;
  /** Packages answered and proposals made in this turn (the view does not show them yet). */
  answered: Set<number>;
  proposals: number;
  /** The number of the message in this turn: its own random stream. */
  index: number;
}

const stepWords = (scenario: Scenario, me: string, steps: readonly PackageStep[]) =>
  listOf(
    steps.map((s) =>
      s.delegation === me ? `our ${quoted(scenario, s.move)}` : `${who(scenario, s.delegation)}'s ${quoted(scenario, s.move)}`,
    ),
  );
const rounds = (n: number) => (n === 1 ? 'one round' : `${n} rounds`);
const partiesOf = (proposer: string, steps: readonly PackageStep[]) => [...new Set([proposer, ...steps.map((s) => s.delegation)])];

/** A reason as the reply may give it: without "We reject:" and never a secret objective's wording. */
function sayable(turn: Turn, steps: readonly PackageStep[], reason: string): string {
  const { scenario, view, me, p } = turn;
  const mine = steps.filter((s) => s.delegation === me).map((s) => s.move);
  if (p.weighsObjectives && objectiveAgainst(scenario, view, me, mine)) return 'it asks more of us than we will give at this stage';
  return reason
    .replace(/^We (reject|accept|counter):\s*/i, '')
    .replace(/\.$/, '')
    .trim();
}

function offer(turn: Turn, from: string, steps: PackageStep[], window: number): Answer {
  const { scenario, view, me, p } = turn;
  const out: Answer = { acts: [], words: [] };
  if (view.step !== 'negotiation') {
    out.words.push('Packages are tabled during the negotiation; we table nothing before it opens again.');
    return out;
  }
  if (!partiesOf(from, steps).includes(me)) {
    const others = partiesOf(from, steps).filter((d) => d !== from);
    out.words.push(
      others.length
        ? `That package has no step of ours; put it to ${listOf(others.map((d) => who(scenario, d)))} directly.`
        : `That names only steps of ${who(scenario, from)}; say what you would want from us for them.`,
    );
    return out;
  }
  if (partiesOf(me, steps).length < 2) {
    out.words.push(
      `A package links steps of at least two delegations: what would ${who(scenario, from)} give for ${stepWords(scenario, me, steps)}?`,
    );
    return out;
  }
  // Our own red line first: where one more step meets it, we table the package with that step.
  let table = steps;
  let added: PackageStep | null = null;
  const breach = breachOf(scenario, view, me, steps);
  if (breach?.line.requires) {
    added = fixFor(scenario, view, breach, steps);
    if (added) table = [...steps, added];
  }
  const pkg: Package = {
    id: view.nextPackageId,
    round: view.round,
    proposer: from,
    steps: table,
    window,
    parties: partiesOf(from, table),
    accepted: [from],
    status: 'proposed',
    acceptedRound: null,
    counterTo: null,
    note: '',
    replies: [],
    triggered: [],
  };
  const verdict = answer(scenario, view, me, p, pkg, streamFor(p, view, 'talk', turn.index));
  if (verdict.intent.type !== 'package.accept') {
    out.words.push(`We will not table that: ${sayable(turn, table, verdict.reason)}.`);
    return out;
  }
  const propose: Intent = { type: 'package.propose', actor: me, steps: table, window };
  const why = checkIntent(scenario, view, propose);
  if (why !== null || turn.proposals + countProposals(view, me) >= 4) {
    out.words.push(`We would take it, but we cannot table it now: ${why ?? 'we have tabled as many packages as a round allows'}.`);
    return out;
  }
  turn.proposals += 1;
  const redLine =
    added && breach
      ? ` As written it crossed a line of ours (${breach.line.text}), so we added ${added.delegation === me ? 'our' : `${who(scenario, added.delegation)}'s`} ${quoted(scenario, added.move)}.`
      : '';
  const reason = `Tabled in answer to ${who(scenario, from)}: ${stepWords(scenario, me, table)}, all within ${rounds(window)}.`;
  out.acts.push({ intent: propose, reason });
  const others = pkg.parties.filter((d) => d !== me);
  out.words.push(
    `We have tabled it as our own package: ${stepWords(scenario, me, table)}, all within ${rounds(window)}.${redLine} It is agreed once ${listOf(others.map((d) => who(scenario, d)))} accept${others.length === 1 ? 's' : ''} it on the table.`,
  );
  return out;
}

const countProposals = (view: GameView, me: string) => view.packages.filter((pk) => pk.proposer === me && pk.round === view.round).length;

function answerPackage(turn: Turn, from: string, id: number, theirs: 'accept' | 'reject'): Answer {
  const { scenario, view, me, p } = turn;
  const out: Answer = { acts: [], words: [] };
  const pkg = view.packages.find((x) => x.id === id);
  const yours = theirs === 'accept' ? ' Your own acceptance counts once you give it on the table.' : '';
  if (!pkg) {
    out.words.push(`We see no package #${id}.`);
    return out;
  }
  if (pkg.status !== 'proposed') {
    out.words.push(`Package #${id} is no longer open (it is ${pkg.status}).`);
    return out;
  }
  if (!pkg.parties.includes(me)) {
    out.words.push(`Package #${id} does not name us.${yours}`);
    return out;
  }
  if (theirs === 'reject') {
    out.words.push(`Noted: you mean to reject package #${id}.`);
    return out;
  }
  if (pkg.accepted.includes(me) || turn.answered.has(id)) {
    const waiting = pkg.parties.filter((d) => !pkg.accepted.includes(d) && d !== me);
    out.words.push(
      `We have accepted package #${id} already; it is agreed once ${listOf(waiting.map((d) => who(scenario, d))) || 'every party'} accept${waiting.length === 1 ? 's' : ''} it on the table.${yours}`,
    );
    return out;
  }
  if (view.step !== 'negotiation') {
    out.words.push(`Packages are answered during the negotiation; package #${id} waits until then.`);
    return out;
  }
  // The same decision, from the same stream, as the AI's answer to the package in the answer stage.
  const d = answer(scenario, view, me, p, pkg, streamFor(p, view, 'answer', pkg.id));
  if (checkIntent(scenario, view, d.intent) !== null) {
    out.words.push(`We cannot answer package #${id} now: ${checkIntent(scenario, view, d.intent)}.`);
    return out;
  }
  turn.answered.add(id);
  out.acts.push(d);
  const because = sayable(turn, pkg.steps, d.reason);
  if (d.intent.type === 'package.accept') out.words.push(`We accept package #${id} too: ${because}.${yours}`);
  else if (d.intent.type === 'package.reject') out.words.push(`We reject package #${id}: ${because}.`);
  else out.words.push(`We counter package #${id} with a new one: ${because}.`);
  return out;
}

function question(turn: Turn, about: string): Answer {
  const { scenario, view, me } = turn;
  const d = catalog(scenario).delegation.get(about);
  if (!d) return { acts: [], words: ['We do not know that delegation.'] };
  if (about === me) {
    const open = view.packages.filter((pk) => pk.proposer === me && pk.status === 'proposed').map((pk) => `#${pk.id}`);
    return {
      acts: [],
      words: [
        `What we want: ${d.goals.join(' ')}${open.length ? ` On the table from us now: ${listOf(open)}.` : ''} We name our red lines when an offer crosses one.`,
      ],
    };
  }
  return {
    acts: [],
    words: [`What ${d.short} says it wants: ${d.goals.join(' ')} What it would trade for that, ask ${d.short} directly.`],
  };
}

function notUnderstood(turn: Turn, parsed: Parsed, from: string): Answer {
  const { scenario, me } = turn;
  const cat = catalog(scenario);
  const closest = parsed.closest.map((id) => cat.move.get(id)).filter((m) => m !== undefined);
  const named = closest.map((m) => `${who(scenario, m.delegation)}'s ${quoted(scenario, m.id)}`);
  const span = scenario.interlocks.find((x) => {
    const ids = [x.restraint, ...x.reciprocal];
    return ids.some((id) => cat.move.get(id)?.delegation === from) && ids.some((id) => cat.move.get(id)?.delegation === me);
  });
  const theirs = span && [span.restraint, ...span.reciprocal].find((id) => cat.move.get(id)?.delegation === from);
  const ours = span && [span.restraint, ...span.reciprocal].find((id) => cat.move.get(id)?.delegation === me);
  const example = theirs && ours ? ` For example: “we offer ${cat.move.get(theirs)?.name} for your ${cat.move.get(ours)?.name}”.` : '';
  return {
    acts: [],
    words: [
      `We found no offer, no answer to a package and no question we can act on in that.${named.length ? ` The closest moves we see: ${listOf(named)}.` : ''}${example}`,
    ],
  };
}

/** The answer to one parsed message: what it rests on is the parse, never the message's other words. */
export function answerParsed(turn: Turn, from: string, parsed: Parsed): Answer {
  if (!parsed.understood) return notUnderstood(turn, parsed, from);
  const out: Answer = { acts: [], words: [] };
  for (const i of parsed.intents.slice(0, 4) as TalkIntent[]) {
    const a =
      i.type === 'question'
        ? question(turn, i.about)
        : i.type === 'package.accept' || i.type === 'package.reject'
          ? answerPackage(turn, from, i.package, i.type === 'package.accept' ? 'accept' : 'reject')
          : offer(turn, from, i.steps, i.window);
    out.acts.push(...a.acts);
    out.words.push(...a.words);
  }
  return out;
}

const FALLBACK = 'We meant to act on your message, but the table moved on before we could; write to us again.';

/** The reply's decision: sent after the acts; if the table refused one of them, the fallback goes instead. */
export function replyDecision(me: string, to: string, text: string): Decision {
  const reply = clip(text);
  return {
    intent: { type: 'talk.say', actor: me, to: [to], text: reply, reply: true },
    reason: reply,
    fallback: { type: 'talk.say', actor: me, to: [to], text: FALLBACK, reply: true },
  };
}

/** The packages the sender may refer to by number: those the AI's view shows. */
const packageStepsIn = (view: GameView) => (id: number) => view.packages.find((p) => p.id === id)?.steps;

/** The AI's answers to every message written to it that it has not answered: acts, then a reply, for each. */
export function talkStage(scenario: Scenario, view: GameView, me: string, p: Profile): Decision[] {
  const out: Decision[] = [];
  const turn: Turn = { scenario, view, me, p, answered: new Set(), proposals: 0, index: 0 };
  for (const e of unansweredTalk(view.events, me).slice(-4)) {
    const parsed = parseMessage({ scenario, from: e.talk.from, to: me, packageSteps: packageStepsIn(view) }, e.talk.text);
    const a = answerParsed(turn, e.talk.from, parsed);
    out.push(...a.acts, replyDecision(me, e.talk.from, a.words.join(' ')));
    turn.index += 1;
  }
  return out;
}
