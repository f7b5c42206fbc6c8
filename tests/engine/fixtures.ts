// Shared set-up for the engine's scenario tests: the default scenario and variants of it, and
// helpers that put a game into a specific position (boardgame.io-style), then play through it.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import {
  catalog,
  createGame,
  formatProblems,
  parseScenario,
  type Commit,
  type GameState,
  type Intent,
  type PhaseId,
  type Scenario,
  type ScenarioInput,
} from '../../src/engine';
import { GameSession, type PersistedGame } from '../../src/machine/session';

const FILE = fileURLToPath(new URL('../../assets/scenarios/ceasefire-2026.json', import.meta.url));
const RAW = JSON.parse(readFileSync(FILE, 'utf8')) as ScenarioInput;

/** The default scenario, optionally edited, validated again like any scenario file. */
export function loadScenario(...edits: Array<(raw: ScenarioInput) => void>): Scenario {
  const raw = structuredClone(RAW);
  for (const edit of edits) edit(raw);
  const result = parseScenario(raw);
  if (!result.ok) throw new Error(`test scenario refused:\n${formatProblems(result.problems)}`);
  return result.scenario;
}

export const SCENARIO = loadScenario();

/**
 * Nothing moves tension or support by itself: no drift, incidents cost no tension, spoilers stay
 * home, and only the IAEA (which gives no step of any span) is struck by incidents. What a round
 * changes is then exactly what the rule under test changes.
 */
export function quiet(raw: ScenarioInput) {
  raw.tunables.driftPerRound = 0;
  raw.tunables.wholeFrontWeight = 0;
  raw.tunables.incidentTension = 0;
  raw.tunables.incidentFrontTension = 0;
  raw.spoilers.rate = 0;
  for (const f of raw.fronts) f.exposed = ['iaea'];
}

/** Monitors whose chance of checking a step is this base (0 → never; 100 → the 95% cap). */
export const monitorsAt = (base: number) => (raw: ScenarioInput) => {
  raw.monitors.iaeaBase = base;
  raw.monitors.observerBase = base;
};

/** A game of `scenario` at the commit step of `round` in `phase`. */
export function gameAt(scenario: Scenario, phase: PhaseId, round = 1, seed = 1): GameState {
  const s = structuredClone(createGame(scenario, seed));
  s.phase = phase;
  s.round = round;
  s.step = 'commit';
  if (phase !== 'ceasefire') s.framework = { adopted: true, round: 1 };
  return s;
}

export interface StandOptions {
  round?: number;
  verified?: boolean;
  defected?: boolean;
}

/** Puts a move in force, as if implemented in `round` (default: the current one). */
export function stand(scenario: Scenario, s: GameState, move: string, o: StandOptions = {}) {
  const m = catalog(scenario).move.get(move);
  if (!m) throw new Error(`no move ${move}`);
  const round = o.round ?? s.round;
  const verified = o.verified ?? false;
  s.standing = s.standing.filter((st) => st.move !== move);
  s.standing.push({ move, delegation: m.delegation, round, verified, verifiedRound: verified ? round : null });
  s.quietDefections = s.quietDefections.filter((q) => q.move !== move);
  if (o.defected) s.quietDefections.push({ move, delegation: m.delegation, round });
  s.implemented = s.implemented.filter((e) => e.move !== move);
  s.implemented.push({ move, round });
}

/** The moves of a span, restraint first. */
export function stepsOf(scenario: Scenario, span: string): string[] {
  const steps = catalog(scenario).spanSteps.get(span);
  if (!steps) throw new Error(`no span ${span}`);
  return steps;
}

export function spanOf(scenario: Scenario, span: string) {
  const x = catalog(scenario).span.get(span);
  if (!x) throw new Error(`no span ${span}`);
  return x;
}

/** Opens a span's window at `opened` for the span's own number of rounds. */
export function openSpan(
  scenario: Scenario,
  s: GameState,
  span: string,
  opened = s.round,
  status: 'open' | 'pending' | 'secured' = 'open',
) {
  const rec = s.spans[span];
  if (!rec) throw new Error(`no span record ${span}`);
  rec.status = status;
  rec.openedRound = opened;
  rec.closesRound = opened + spanOf(scenario, span).window - 1;
  rec.securedRound = status === 'secured' ? opened : null;
  if (status === 'secured') rec.securedCount += 1;
}

/** A span secured in `round`: every step implemented and verified then, no violation. */
export function secure(scenario: Scenario, s: GameState, span: string, round = s.round) {
  for (const m of stepsOf(scenario, span)) stand(scenario, s, m, { round, verified: true });
  openSpan(scenario, s, span, round, 'secured');
}

/** Seals a delegation's commit directly into the state (the commit step's result). */
export function sealCommit(s: GameState, delegation: string, moves: string[], defect: string[] = []) {
  const d = s.delegations[delegation];
  if (!d) throw new Error(`no delegation ${delegation}`);
  d.commit = { moves, defect };
  d.committed = true;
}

export const support = (s: GameState, d: string): number => s.delegations[d]?.support ?? Number.NaN;
export const trustIn = (s: GameState, truster: string, trusted: string): number => s.trust[truster]?.[trusted] ?? Number.NaN;

export const SEEDS = Array.from({ length: 40 }, (_, i) => 1000 + i * 7);

// ---- through the machine ----

export function send(session: GameSession, intent: Intent) {
  expect(session.send(intent), `${intent.type} by ${intent.actor}`).toEqual({ ok: true });
}

/** Plays one round: the facilitator closes negotiation, the commits go in, the round resolves. */
export function playRound(session: GameSession, commits: Record<string, Partial<Commit>> = {}) {
  send(session, { type: 'step.close', actor: 'facilitator' });
  for (const [actor, c] of Object.entries(commits))
    send(session, { type: 'commit.submit', actor, commit: { moves: c.moves ?? [], defect: c.defect ?? [] } });
  if (!session.done && session.state.step === 'commit') send(session, { type: 'step.close', actor: 'facilitator' });
}

/** The machine's outer state: a phase ('ceasefire', 'phaseA', …) or a final state. */
export function outerState(session: GameSession): string {
  const v = session.machineValue;
  return typeof v === 'string' ? v : (Object.keys(v as Record<string, unknown>)[0] ?? '');
}

/** A running session whose game state was edited, as a saved game restored with that state. */
export function restoredWith(scenario: Scenario, session: GameSession, edit: (g: GameState) => void): GameSession {
  const saved = structuredClone(session.persist()) as PersistedGame & { snapshot: { context: { game: GameState } } };
  edit(saved.snapshot.context.game);
  return GameSession.restore(scenario, saved);
}
