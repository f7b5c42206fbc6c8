// Indexes of a scenario, built once per scenario object and cached.
import type { Delegation, Front, Interlock, Move, Scenario } from './scenario/schema';

export interface Catalog {
  scenario: Scenario;
  delegationIds: string[];
  delegation: Map<string, Delegation>;
  move: Map<string, Move>;
  movesOf: Map<string, Move[]>;
  span: Map<string, Interlock>;
  /** The span a move is a step of. */
  spanOfMove: Map<string, Interlock>;
  /** The moves of a span, restraint first. */
  spanSteps: Map<string, string[]>;
  front: Map<string, Front>;
}

const cache = new WeakMap<Scenario, Catalog>();
// The rules ask for the catalog thousands of times a game, nearly always of the same scenario.
let last: Catalog | null = null;

export function catalog(scenario: Scenario): Catalog {
  if (last !== null && last.scenario === scenario) return last;
  const hit = cache.get(scenario);
  if (hit) {
    last = hit;
    return hit;
  }
  const movesOf = new Map<string, Move[]>();
  for (const d of scenario.delegations) movesOf.set(d.id, []);
  for (const m of scenario.moves) movesOf.get(m.delegation)?.push(m);
  const spanOfMove = new Map<string, Interlock>();
  const spanSteps = new Map<string, string[]>();
  for (const span of scenario.interlocks) {
    const steps = [span.restraint, ...span.reciprocal];
    spanSteps.set(span.id, steps);
    for (const m of steps) spanOfMove.set(m, span);
  }
  const built: Catalog = {
    scenario,
    delegationIds: scenario.delegations.map((d) => d.id),
    delegation: new Map(scenario.delegations.map((d) => [d.id, d])),
    move: new Map(scenario.moves.map((m) => [m.id, m])),
    movesOf,
    span: new Map(scenario.interlocks.map((s) => [s.id, s])),
    spanOfMove,
    spanSteps,
    front: new Map(scenario.fronts.map((f) => [f.id, f])),
  };
  cache.set(scenario, built);
  last = built;
  return built;
}

export function moveOf(scenario: Scenario, id: string): Move {
  const m = catalog(scenario).move.get(id);
  if (!m) throw new Error(`unknown move ${id}`);
  return m;
}
