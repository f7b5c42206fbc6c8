// Loads a scenario file for the command-line tools: exit code 2 with every problem listed.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { formatProblems, parseScenarioText, type Scenario } from '../engine';

export const DEFAULT_SCENARIO = fileURLToPath(new URL('../../assets/scenarios/ceasefire-2026.json', import.meta.url));

export function loadScenarioOrExit(path: string = DEFAULT_SCENARIO): Scenario {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    process.stderr.write(`cannot read scenario ${path}: ${(err as Error).message}\n`);
    process.exit(2);
  }
  const r = parseScenarioText(text);
  if (!r.ok) {
    process.stderr.write(`scenario ${path} is refused, ${r.problems.length} problem(s):\n${formatProblems(r.problems)}\n`);
    process.exit(2);
  }
  return r.scenario;
}
