// The message reader: free text from one delegation to another, read into candidate intents of
// the game (a package with its steps, an answer to a package by number, a counter, a question
// about a delegation's position). Pure and deterministic, no model: it knows the scenario's names,
// its moves and the synonyms the scenario lists. It never decides anything; the engine judges the
// intents and the recipient's AI answers them.
import type { PackageStep } from '../../engine/core';
import type { Scenario } from '../../engine/core';
import { correct, isWord, lexicon, stem, words, type Lexicon } from './lexicon';

/** A question about where a delegation stands (no intent of the game: the AI answers it in words). */
export interface Question {
  type: 'question';
  actor: string;
  about: string;
}

export type TalkIntent =
  | { type: 'package.propose'; actor: string; steps: PackageStep[]; window: number }
  | { type: 'package.counter'; actor: string; package: number; steps: PackageStep[]; window: number }
  | { type: 'package.accept'; actor: string; package: number }
  | { type: 'package.reject'; actor: string; package: number }
  | Question;

export interface Parsed {
  /** What the message asks or offers, in the game's own intent format (the actor is the sender). */
  intents: TalkIntent[];
  understood: boolean;
  /** When not understood: the moves closest to what was written (ids), the recipient's first. */
  closest: string[];
}

export interface ParseContext {
  scenario: Scenario;
  from: string;
  to: string;
  /** The steps of the packages the sender can see, by number (a counter that adds to one needs them). */
  packageSteps?: (id: number) => readonly PackageStep[] | undefined;
}

interface Token {
  word: string;
  stem: string;
  /** Ends a clause: punctuation and the words that join conditions ("if", "and", "for", ...). */
  isBreak: boolean;
}

const BREAKS = new Set([
  'if',
  'then',
  'and',
  'while',
  'but',
  'so',
  'for',
  'exchange',
  'return',
  'once',
  'when',
  'provided',
  'or',
  'whereas',
]);
const SENDER = new Set(['we', 'us', 'our', 'ours', 'i', 'me', 'my']);
const RECIPIENT = new Set(['you', 'your', 'yours']);
const NEGATORS = new Set(['not', 'never', 'no', 'without', 'except', 'minus']);
const STOPPERS = new Set(['stop', 'cease', 'quit', 'end', 'halt', 'no']);
const RESTRAINT = new Set([
  'halt',
  'stop',
  'suspend',
  'paus',
  'pause',
  'cease',
  'freez',
  'freeze',
  'cut',
  'withdraw',
  'pull',
  'reduc',
  'rein',
  'restrain',
  'no',
]);
const PACKAGE_WORDS = new Set(['package', 'packages', 'pkg', 'deal', 'offer', 'proposal', 'proposals', '#', 'number']);
const ACCEPT = new Set([
  'accept',
  'agree',
  'yes',
  'ok',
  'okay',
  'fine',
  'approve',
  'sign',
  'deal',
  'good',
  'support',
  'endorse',
  'take',
  'happy',
]);
const REJECT = new Set(['reject', 'refuse', 'decline', 'veto', 'down', 'oppose', 'never']);
const COUNTER = new Set(['counter', 'counteroffer', 'amend', 'amendment', 'instead', 'modify', 'change', 'revise']);
const ADD = new Set(['add', 'plus', 'also', 'adding']);
const WH = new Set(['what', 'where', 'which', 'how', 'why', 'who', 'tell', 'explain']);
const TOPIC = new Set(
  'want need position stand red line priority priorities goal goals ask demand demands think view plan plans expect require interest interests aim aims offer bottom'
    .split(' ')
    .map(stem),
);
const NUMBERS: Record<string, number> = { one: 1, two: 2, three: 3 };

function tokens(lex: Lexicon, text: string): Token[] {
  return words(text).map((w) => {
    if (!isWord(w)) return { word: w, stem: w, isBreak: !/^\d+$/.test(w) && w !== '#' };
    return { word: w, stem: correct(lex, w), isBreak: BREAKS.has(w) };
  });
}

interface Match {
  move: string;
  delegation: string;
  start: number;
  end: number;
  weight: number;
}

/** Where a phrase's stems all occur close together (within a few content words), tightest first. */
function findPhrase(toks: readonly Token[], stems: readonly string[]): { start: number; end: number } | null {
  const positions: number[] = [];
  toks.forEach((t, i) => {
    if (isWord(t.word)) positions.push(i);
  });
  let best: { start: number; end: number } | null = null;
  for (let k = 0; k < positions.length; k++) {
    const first = positions[k] as number;
    if (!stems.includes((toks[first] as Token).stem)) continue;
    const need = new Set(stems);
    let end = first;
    for (let j = k; j < positions.length && j <= k + stems.length + 4 && need.size > 0; j++) {
      const at = positions[j] as number;
      if (need.delete((toks[at] as Token).stem)) end = at;
    }
    if (need.size === 0 && (!best || end - first < best.end - best.start)) best = { start: first, end };
  }
  return best;
}

/** The delegations named in the text, by position (names and synonyms; a pronoun is its speaker or listener). */
function markers(lex: Lexicon, toks: readonly Token[], from: string, to: string): Map<number, string> {
  const out = new Map<number, string>();
  toks.forEach((t, i) => {
    if (SENDER.has(t.word)) out.set(i, from);
    else if (RECIPIENT.has(t.word)) out.set(i, to);
  });
  for (const d of lex.delegations)
    for (const p of d.phrases) {
      for (let i = 0; i + p.stems.length <= toks.length; i++) {
        if (p.stems.every((s, j) => toks[i + j]?.stem === s)) out.set(i, d.id);
      }
    }
  return out;
}

/** Who a matched phrase speaks of: the nearest name or pronoun before it in its clause; "both" takes the speaker and listener too; none: the listener (an imperative). */
function subjectsOf(toks: readonly Token[], marks: Map<number, string>, m: Match, from: string, to: string): string[] {
  const out: string[] = [];
  let both = false;
  for (let i = m.start - 1; i >= 0 && i >= m.start - 10; i--) {
    const t = toks[i] as Token;
    if (t.word === 'both' || t.word === 'all') both = true;
    const d = marks.get(i);
    if (d !== undefined && !out.includes(d)) {
      out.push(d);
      if (!both) break;
    }
    // "both" reaches back over an "and" ("we and the EU both join"), never over punctuation.
    if (t.isBreak && (!both || !isWord(t.word))) break;
  }
  if (both) {
    if (out.length < 2) for (const d of [from, to]) if (!out.includes(d)) out.push(d);
    return out;
  }
  if (out.length === 0) {
    // A possessive inside the phrase ("pull your ships back") or nothing: the one addressed.
    for (let i = m.start; i <= m.end; i++) {
      const d = marks.get(i);
      if (d !== undefined) return [d === from || d === to ? d : to];
    }
    return [to];
  }
  return out;
}

function negated(toks: readonly Token[], m: Match, restraint: boolean): boolean {
  for (let i = m.start - 1; i >= 0 && i >= m.start - 3; i--) {
    const t = toks[i] as Token;
    if (NEGATORS.has(t.word)) return true;
    if (i >= m.start - 2 && !restraint && STOPPERS.has(t.word)) return true;
    if (!isWord(t.word)) break;
  }
  return false;
}

function moveMatches(lex: Lexicon, toks: readonly Token[], from: string, to: string): Match[] {
  const marks = markers(lex, toks, from, to);
  const present = new Set(toks.map((t) => t.stem));
  const all: Match[] = [];
  for (const mv of lex.moves) {
    let best: Match | null = null;
    for (const p of mv.phrases) {
      if (!p.stems.every((x) => present.has(x))) continue;
      const at = findPhrase(toks, p.stems);
      if (!at) continue;
      const m = { move: mv.id, delegation: mv.delegation, start: at.start, end: at.end, weight: p.stems.length };
      if (!best || m.weight > best.weight || (m.weight === best.weight && m.end - m.start < best.end - best.start)) best = m;
    }
    if (!best) continue;
    const restraint = mv.phrases.some((p) => p.stems.some((s) => RESTRAINT.has(s)));
    if (!negated(toks, best, restraint)) all.push(best);
  }
  const overlaps = (a: Match, b: Match) => a.start <= b.end && b.start <= a.end;
  // A phrase several delegations share ("join the council") is the subject's; a phrase only one
  // delegation has names its own delegation.
  const kept = all.filter((m) => subjectsOf(toks, marks, m, from, to).includes(m.delegation));
  for (const m of all) {
    if (kept.includes(m)) continue;
    const rivals = all.filter((o) => o !== m && overlaps(o, m));
    if (rivals.length === 0 && !kept.some((k) => overlaps(k, m))) kept.push(m);
  }
  // Of one delegation's overlapping matches, the fuller phrase wins.
  return kept
    .filter((m) => !kept.some((o) => o !== m && o.delegation === m.delegation && overlaps(o, m) && better(o, m)))
    .sort((a, b) => a.start - b.start);
}

const better = (a: Match, b: Match) => a.weight > b.weight || (a.weight === b.weight && a.end - a.start < b.end - b.start);

function packageNumbers(toks: readonly Token[]): Array<{ id: number; at: number }> {
  const out: Array<{ id: number; at: number }> = [];
  for (let i = 0; i < toks.length; i++) {
    if (!PACKAGE_WORDS.has((toks[i] as Token).word)) continue;
    for (let j = i + 1; j < toks.length; j++) {
      const w = (toks[j] as Token).word;
      if (/^\d+$/.test(w)) {
        const id = Number(w);
        if (id <= 100_000 && !out.some((o) => o.id === id)) out.push({ id, at: j });
      } else if (!['#', 'and', ',', '&', 'or', 'no', 'number', 'nr'].includes(w)) break;
    }
  }
  return out;
}

function answerOf(toks: readonly Token[]): 'accept' | 'reject' | null {
  let accept = false;
  let reject = false;
  toks.forEach((t, i) => {
    if (REJECT.has(t.stem) || REJECT.has(t.word) || (t.word === 'no' && toks[i + 1]?.word === 'to')) reject = true;
    else if (ACCEPT.has(t.stem) || ACCEPT.has(t.word)) {
      const before = toks.slice(Math.max(0, i - 3), i).map((x) => x.word);
      if (before.some((w) => w === 'not' || w === 'never' || w === 'no')) reject = true;
      else accept = true;
    }
  });
  return reject ? 'reject' : accept ? 'accept' : null;
}

function windowOf(scenario: Scenario, toks: readonly Token[], steps: readonly PackageStep[]): number {
  for (let i = 0; i < toks.length; i++) {
    const w = (toks[i] as Token).word;
    const n = /^\d+$/.test(w) ? Number(w) : NUMBERS[w];
    if (n !== undefined && n >= 1 && n <= 3 && /^rounds?$/.test(toks[i + 1]?.word ?? '')) return n;
    if ((w === 'this' || w === 'same') && toks[i + 1]?.word === 'round') return 1;
  }
  const moves = new Set(steps.map((s) => s.move));
  const spans = scenario.interlocks.filter((x) => [x.restraint, ...x.reciprocal].every((m) => moves.has(m)));
  return spans.reduce((a, x) => Math.max(a, x.window), 1);
}

function questionAbout(lex: Lexicon, toks: readonly Token[], text: string, from: string, to: string): string | null {
  const first = toks.find((t) => isWord(t.word))?.word ?? '';
  const asks = text.includes('?') || WH.has(first);
  if (!asks || !toks.some((t) => TOPIC.has(t.stem))) return null;
  const marks = markers(lex, toks, from, to);
  const firstMark = [...marks.entries()].sort((a, b) => a[0] - b[0])[0];
  return firstMark ? firstMark[1] : to;
}

/** The closest moves to a text the reader could not use: those sharing the most words, the recipient's and sender's first. */
export function closestMoves(lex: Lexicon, toks: readonly Token[], from: string, to: string, n = 3): string[] {
  const stems = new Set(toks.map((t) => t.stem));
  const scored = lex.moves
    .map((m) => {
      const share = Math.max(0, ...m.phrases.map((p) => p.stems.filter((s) => stems.has(s)).length / p.stems.length));
      const own = m.delegation === to ? 0.2 : m.delegation === from ? 0.1 : 0;
      return { id: m.id, score: share > 0 ? share + own : 0 };
    })
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
  return scored.slice(0, n).map((x) => x.id);
}

/** Reads one message. Deterministic: the same scenario, sender, recipient, text and packages give the same result. */
export function parseMessage(ctx: ParseContext, text: string): Parsed {
  const { scenario, from, to } = ctx;
  const lex = lexicon(scenario);
  const toks = tokens(lex, text.slice(0, 2000));
  const found = moveMatches(lex, toks, from, to);
  const steps: PackageStep[] = [];
  for (const m of found) if (!steps.some((s) => s.move === m.move)) steps.push({ delegation: m.delegation, move: m.move });
  const numbers = packageNumbers(toks);
  const intents: TalkIntent[] = [];
  const isCounter = toks.some((t) => COUNTER.has(t.stem) || COUNTER.has(t.word));
  const first = numbers[0];
  if (first && isCounter && steps.length > 0) {
    const adds = toks.some((t) => ADD.has(t.word));
    const base = adds ? [...(ctx.packageSteps?.(first.id) ?? [])].map((s) => ({ delegation: s.delegation, move: s.move })) : [];
    const all = [...base, ...steps.filter((s) => !base.some((b) => b.move === s.move))];
    intents.push({ type: 'package.counter', actor: from, package: first.id, steps: all, window: windowOf(scenario, toks, all) });
  } else if (numbers.length > 0) {
    const answer = answerOf(toks);
    if (answer)
      for (const n of numbers)
        intents.push({ type: answer === 'accept' ? 'package.accept' : 'package.reject', actor: from, package: n.id });
  } else if (steps.length > 0) {
    intents.push({ type: 'package.propose', actor: from, steps, window: windowOf(scenario, toks, steps) });
  } else {
    const about = questionAbout(lex, toks, text, from, to);
    if (about) intents.push({ type: 'question', actor: from, about });
  }
  const understood = intents.length > 0;
  return { intents, understood, closest: understood ? [] : closestMoves(lex, toks, from, to) };
}
