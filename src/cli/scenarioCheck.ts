// npm run scenario:check -- FILE
// Validates a scenario file: exit 0 with a summary of what it contains, or exit 2 with every
// problem listed by its JSON path (the same checks the game runs when it loads the file).
import { readFileSync } from 'node:fs';
import { formatProblems, parseScenarioText } from '../engine';
import { summarizeScenario } from '../engine/scenario/summary';
import { parseArgs } from './args';

const { rest } = parseArgs(process.argv.slice(2));
const file = rest[0];
if (!file) {
  process.stderr.write('usage: npm run scenario:check -- FILE\n');
  process.exit(1);
}
let text: string;
try {
  text = readFileSync(file, 'utf8');
} catch (err) {
  process.stderr.write(`cannot read scenario ${file}: ${(err as Error).message}\n`);
  process.exit(2);
}
const r = parseScenarioText(text);
if (!r.ok) {
  process.stderr.write(`scenario ${file} is refused, ${r.problems.length} problem(s):\n${formatProblems(r.problems)}\n`);
  process.exit(2);
}
const { lines, warnings } = summarizeScenario(r.scenario);
process.stdout.write(
  [
    `scenario ${file} is valid:`,
    ...lines.map((l) => `  ${l}`),
    ...(warnings.length ? ['warnings (the file is still valid):', ...warnings.map((w) => `  ${w}`)] : []),
    '',
  ].join('\n'),
);
