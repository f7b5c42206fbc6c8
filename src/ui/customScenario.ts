// A scenario loaded from a file in the start screen is kept in the browser, so a reload (and
// "Continue saved game") finds the scenario its game was played on.
import { parseScenarioText, type Problem, type Scenario } from '../engine';

export const CUSTOM_SCENARIO_KEY = 'interlock.scenario.v1';

const storage = (): Storage | null => globalThis.localStorage ?? null;

export type LoadedScenario = { ok: true; scenario: Scenario } | { ok: false; problems: Problem[] };

/** Validates a scenario file's text; a good one is remembered, a bad one changes nothing. */
export function loadCustomScenario(text: string): LoadedScenario {
  const r = parseScenarioText(text);
  if (!r.ok) return r;
  try {
    storage()?.setItem(CUSTOM_SCENARIO_KEY, text);
  } catch {
    // Storage full or refused: the scenario still plays in this page.
  }
  return r;
}

/** The custom scenario remembered in this browser, or null (none, or no longer valid). */
export function rememberedScenario(): Scenario | null {
  const text = storage()?.getItem(CUSTOM_SCENARIO_KEY);
  if (!text) return null;
  const r = parseScenarioText(text);
  return r.ok ? r.scenario : null;
}

export function forgetCustomScenario() {
  storage()?.removeItem(CUSTOM_SCENARIO_KEY);
}

/** One line per problem, as the start screen lists them. */
export const problemLines = (problems: readonly Problem[]) => problems.map((p) => `${p.path}: ${p.message}`);
