// Undoing a White Cell act (docs/rules.md §10): the round as if the act had never been made. The
// state before the act is kept until the round resolves; an undo starts from it and applies every
// later intent of the round again, in order, so nothing but the act itself is taken back.
import { applyIntent, checkIntent } from './intents';
import { say } from './draft';
import { actorWords, intentWords } from './intentWords';
import { allReadyBut, openCommit } from './round';
import type { Scenario } from './scenario/schema';
import type { GameEvent, GameState, Intent } from './types';

/** The White Cell's acts on the game that can be undone until their round resolves. */
export const UNDOABLE_ACTS = ['facilitator.override', 'facilitator.reveal', 'facilitator.inject'] as const;

export const isUndoable = (intent: Intent): boolean => (UNDOABLE_ACTS as readonly string[]).includes(intent.type);

export interface LaterIntent {
  /** The caller's name for it (the log's sequence number). */
  key: number;
  intent: Intent;
}

/** A later intent the game no longer allows without the undone act, and why (the engine's refusal). */
export interface DroppedIntent {
  key: number;
  intent: Intent;
  problem: string;
}

export interface Undone {
  game: GameState;
  /** The state before each undoable act applied again (its own undo starts from there now). */
  befores: Array<{ key: number; before: GameState }>;
  /** Later intents the game no longer allows without the act: they stay in the log and change nothing. */
  dropped: DroppedIntent[];
}

/** The line an act wrote that says what it did (its ruling, reveal or inject), with who could read it. */
function actLine(scenario: Scenario, before: GameState, act: Intent): Pick<GameEvent, 'text' | 'audience'> {
  const after = applyIntent(scenario, before, act);
  const lines = after.events.slice(before.events.length);
  const main = lines.find((e) => ['override', 'reveal', 'inject'].includes(e.kind)) ?? lines[0];
  return main ?? { text: act.type, audience: 'all' };
}

/**
 * The game without `act`: `before` (the state just before it) with `later` applied again as the
 * machine applies them (the last readiness or a facilitator's close opens the commit), then the
 * White Cell's line saying what it undid and why, to those who read the act's own line.
 */
export function undoAct(
  scenario: Scenario,
  before: GameState,
  act: Intent,
  later: readonly LaterIntent[],
  reason?: string,
  /** The caller's name for the act (its log number), said in the line of each intent it dropped. */
  actKey?: number,
): Undone {
  let game = before;
  const befores: Undone['befores'] = [];
  const dropped: DroppedIntent[] = [];
  for (const { key, intent } of later) {
    if (intent.type === 'facilitator.undo') continue;
    const problem = checkIntent(scenario, game, intent);
    if (intent.type === 'step.close') {
      if (game.step === 'negotiation' && problem === null) game = openCommit(scenario, game);
      else dropped.push({ key, intent, problem: problem ?? 'the negotiation had already closed' });
      continue;
    }
    if (problem !== null) {
      dropped.push({ key, intent, problem });
      continue;
    }
    if (isUndoable(intent)) befores.push({ key, before: game });
    const closes = intent.type === 'negotiation.ready' && allReadyBut(game, intent.actor);
    game = applyIntent(scenario, game, intent);
    if (closes) game = openCommit(scenario, game);
  }
  const line = actLine(scenario, before, act);
  const why = reason?.trim();
  const out = { ...game, events: [...game.events] };
  say(out, 'undo', `The White Cell undid: ${line.text}${why ? ` Why undone: ${why}` : ''}`, line.audience);
  for (const d of dropped) droppedLines(scenario, out, d, actKey);
  return { game: out, befores, dropped };
}

/** How the White Cell's line on a dropped intent begins (the console finds an undo's drops by it). */
export const droppedPrefix = (actKey?: number) => `The White Cell's undo${actKey === undefined ? '' : ` of entry #${actKey}`} dropped`;

/**
 * An intent the undo dropped is said, never silent: the White Cell's line (the log, the console
 * and the report) names it and the engine's reason; its delegation is told its own act was dropped,
 * without the undone act or the reason (the act may have been private to others).
 */
function droppedLines(scenario: Scenario, out: GameState, d: DroppedIntent, actKey?: number): void {
  const what = intentWords(scenario, d.intent);
  say(
    out,
    'undo',
    `${droppedPrefix(actKey)} entry #${d.key}, the ${what} by ${actorWords(scenario, d.intent)}: it no longer held without the undone act (${d.problem}). It stays in the log and changes nothing.`,
    'secret',
  );
  if (d.intent.actor === 'facilitator' || d.intent.actor === 'system') return;
  say(
    out,
    'undo',
    `The White Cell undid an act of this round, and your ${what} no longer held without it: it was dropped and changes nothing. Act again if you still mean to.`,
    [d.intent.actor],
  );
}

/** A White Cell act of the running round and the state just before it (what its undo starts from). */
export interface UndoableAct {
  seq: number;
  before: GameState;
}

/** A logged intent as the undo reads it: its number, its round, the intent. */
export interface UndoLogEntry {
  seq: number;
  round: number;
  intent: Intent;
}

/** The acts still undoable once `intent`, logged as `seq`, has been applied to `before`. */
export const actsAfter = (acts: readonly UndoableAct[], seq: number, intent: Intent, before: GameState): UndoableAct[] =>
  isUndoable(intent) ? [...acts, { seq, before }] : [...acts];

/** Why the White Cell cannot undo this act now, or null (docs/rules.md §10). */
export function undoProblem(
  scenario: Scenario,
  game: GameState,
  log: readonly UndoLogEntry[],
  acts: readonly UndoableAct[],
  intent: Intent,
): string | null {
  if (intent.type !== 'facilitator.undo') return 'not an undo';
  const problem = checkIntent(scenario, game, intent);
  if (problem) return problem;
  if (acts.some((a) => a.seq === intent.seq)) {
    // The round's steps stay where they are: an undo never reopens a closed negotiation.
    const r = undoInLog(scenario, log, acts, intent);
    return r && r.game.step !== game.step ? 'undoing it would reopen the negotiation, which has closed' : null;
  }
  const entry = log.find((e) => e.seq === intent.seq);
  if (!entry) return `no entry #${intent.seq} in this round's log`;
  if (!isUndoable(entry.intent)) return `entry #${intent.seq} is not a White Cell ruling, reveal or inject`;
  return entry.round !== game.round
    ? `entry #${intent.seq} was in round ${entry.round}, which has resolved`
    : `entry #${intent.seq} is already undone, or no longer holds`;
}

/** The game and the undoable acts after an undo the caller has checked with undoProblem. */
export function undoInLog(
  scenario: Scenario,
  log: readonly UndoLogEntry[],
  acts: readonly UndoableAct[],
  intent: Extract<Intent, { type: 'facilitator.undo' }>,
): { game: GameState; acts: UndoableAct[] } | null {
  const act = acts.find((a) => a.seq === intent.seq);
  const entry = log.find((e) => e.seq === intent.seq);
  if (!act || !entry) return null;
  const undoneSeqs = new Set<number>();
  for (const e of log) if (e.intent.type === 'facilitator.undo') undoneSeqs.add(e.intent.seq);
  const later = log.filter((e) => e.seq > act.seq && !undoneSeqs.has(e.seq)).map((e) => ({ key: e.seq, intent: e.intent }));
  const r = undoAct(scenario, act.before, entry.intent, later, intent.reason, intent.seq);
  const dropped = new Set(r.dropped.map((d) => d.key));
  return {
    game: r.game,
    acts: [
      ...acts.filter((a) => a.seq < act.seq),
      ...r.befores.filter((b) => !dropped.has(b.key)).map((b) => ({ seq: b.key, before: b.before })),
    ],
  };
}
