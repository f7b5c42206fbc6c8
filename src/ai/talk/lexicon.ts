// The words the message reader knows, built once per scenario: each delegation's names and
// synonyms, each move's name and synonyms (the scenario's `synonyms` section), as stems.
import type { Scenario } from '../../engine/core';

/** Words that carry no meaning for the reader (they are dropped from phrases before matching). */
const STOP = new Set(
  'a an the to of in on at for from with and or our your its their his her my we you us i they them it this that these those by into be is are was were will would shall can could do does did have has had all both each any some every as so than then up'.split(
    ' ',
  ),
);

/** A small suffix stripper: enough that "enriching", "enriched" and "enrichment" meet "enrich". */
export function stem(word: string): string {
  let w = word;
  if (w.length > 5 && w.endsWith('ment')) w = w.slice(0, -4);
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
  if (w.length > 3 && w[w.length - 1] === w[w.length - 2] && !'lsz'.includes(w[w.length - 1] as string)) w = w.slice(0, -1);
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

/** Contractions and chat spellings, expanded before the words are read. */
const EXPAND: Array<[RegExp, string]> = [
  [/\bwon'?t\b/g, 'will not'],
  [/\bcan'?t\b/g, 'can not'],
  [/\bcannot\b/g, 'can not'],
  [/\bdon'?t\b/g, 'do not'],
  [/\bdoesn'?t\b/g, 'does not'],
  [/\bisn'?t\b/g, 'is not'],
  [/\baren'?t\b/g, 'are not'],
  [/\bwouldn'?t\b/g, 'would not'],
  [/\blet'?s\b/g, 'let us'],
  [/\bwhat'?s\b/g, 'what is'],
  [/\bwhere'?s\b/g, 'where is'],
  [/\b(\w+)'ll\b/g, '$1 will'],
  [/\b(\w+)'re\b/g, '$1 are'],
  [/\b(\w+)'ve\b/g, '$1 have'],
  [/\b(\w+)'d\b/g, '$1 would'],
  [/'s\b/g, ''],
  [/\bu\b/g, 'you'],
  [/\bur\b/g, 'your'],
  [/\bpls\b|\bplz\b/g, 'please'],
  [/\bthx\b/g, 'thanks'],
];

/** Lower-case words and the few signs that matter (#, ?, the clause breaks). */
export function words(text: string): string[] {
  // "US" in capitals is the United States, "us" is the speaker.
  let t = text.replace(/\bU\.?S\.?A?\.?(?=\W|$)/g, ' usa ').replace(/[’‘`]/g, "'");
  t = t.toLowerCase();
  for (const [re, to] of EXPAND) t = t.replace(re, to);
  return t.match(/#|\?|[a-z]+|\d+|[,;:.!—–-]+/g) ?? [];
}

export const isWord = (w: string) => /^[a-z]/.test(w);
export const content = (ws: readonly string[]) => ws.filter((w) => isWord(w) && !STOP.has(w)).map(stem);

export interface Phrase {
  stems: string[];
  /** The phrase as written (for words about it). */
  text: string;
}

export interface Lexicon {
  /** Each delegation's phrases (short name, full name, synonyms). */
  delegations: Array<{ id: string; phrases: Phrase[] }>;
  /** Each move's phrases (its name, then its synonyms). */
  moves: Array<{ id: string; delegation: string; phrases: Phrase[] }>;
  /** Every stem the reader knows, and every word they come from: misspelt words are brought back to one of these. */
  vocabulary: string[];
  spellings: string[];
  /** Words already brought to a stem (the same words come back message after message). */
  corrected: Map<string, string>;
}

const phrase = (text: string): Phrase => ({ text, stems: content(words(text)) });

const cache = new WeakMap<Scenario, Lexicon>();

export function lexicon(scenario: Scenario): Lexicon {
  const hit = cache.get(scenario);
  if (hit) return hit;
  const syn = scenario.synonyms;
  const delegations = scenario.delegations.map((d) => ({
    id: d.id,
    phrases: [d.short, d.name, d.id, ...(syn?.delegations[d.id] ?? [])].map(phrase).filter((p) => p.stems.length > 0),
  }));
  const moves = scenario.moves.map((m) => ({
    id: m.id,
    delegation: m.delegation,
    phrases: [m.name, ...(syn?.moves[m.id] ?? [])].map(phrase).filter((p) => p.stems.length > 0),
  }));
  const vocab = new Set<string>();
  const spellings = new Set<string>();
  for (const x of [...delegations, ...moves])
    for (const p of x.phrases) {
      for (const s of p.stems) vocab.add(s);
      for (const w of words(p.text)) if (isWord(w) && w.length >= 5) spellings.add(w);
    }
  const lex: Lexicon = { delegations, moves, vocabulary: [...vocab].sort(), spellings: [...spellings].sort(), corrected: new Map() };
  cache.set(scenario, lex);
  return lex;
}

/** Edit distance with adjacent swaps, stopping early past `max`. */
export function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) rows.push([i]);
  for (let j = 1; j <= b.length; j++) (rows[0] as number[])[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let best = max + 1;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = v;
      best = Math.min(best, v);
    }
    if (best > max) return max + 1;
  }
  return rows[a.length]![b.length]!;
}

function nearest(list: readonly string[], s: string): string | null {
  const max = s.length >= 8 ? 2 : 1;
  let best: string | null = null;
  let bestD = max + 1;
  for (const v of list) {
    if (v.length < 4) continue;
    const d = distance(s, v, max);
    if (d < bestD) {
      bestD = d;
      best = v;
    }
  }
  return best;
}

/** The stem of a word, a misspelt one brought to the nearest known word or stem (one typo in five letters, two in eight). */
export function correct(lex: Lexicon, word: string): string {
  const hit = lex.corrected.get(word);
  if (hit !== undefined) return hit;
  const out = uncached(lex, word);
  if (lex.corrected.size < 20_000) lex.corrected.set(word, out);
  return out;
}

function uncached(lex: Lexicon, word: string): string {
  const s = stem(word);
  if (word.length < 5 || lex.vocabulary.includes(s)) return s;
  const w = nearest(lex.spellings, word);
  if (w !== null) return stem(w);
  return s.length >= 5 ? (nearest(lex.vocabulary, s) ?? s) : s;
}
