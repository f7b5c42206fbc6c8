// Loads a scenario file for the command-line tools: exit code 2 with every problem listed.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatProblems, parseScenarioText, type Scenario } from '../engine';

/** The project folder: the nearest folder above this file (source or bundle) with the assets. */
export function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    if (existsSync(join(dir, 'assets', 'scenarios'))) return dir;
    dir = dirname(dir);
  }
  return process.cwd();
}

export const DEFAULT_SCENARIO = join(projectRoot(), 'assets', 'scenarios', 'ceasefire-2026.json');

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
