// npm run replay -- FILE [--scenario F]
// Re-runs a saved event log and prints {"hash","outcome","rounds"}; a log that does not fit
// exits with code 1 and says why; a bad scenario exits with code 2.
import { readFileSync } from 'node:fs';
import { ReplayError, replayLogFile } from '../machine/replay';
import { parseArgs } from './args';
import { loadScenarioOrExit } from './scenarioFile';

const { flags, rest } = parseArgs(process.argv.slice(2));
const file = rest[0];
if (!file) {
  process.stderr.write('usage: npm run replay -- FILE [--scenario F]\n');
  process.exit(1);
}
const scenario = loadScenarioOrExit(typeof flags.scenario === 'string' ? flags.scenario : undefined);
let json: unknown;
try {
  json = JSON.parse(readFileSync(file, 'utf8'));
} catch (err) {
  process.stderr.write(`cannot read the log ${file}: ${(err as Error).message}\n`);
  process.exit(1);
}
try {
  const { state, hash } = replayLogFile(scenario, json);
  process.stdout.write(`${JSON.stringify({ hash, outcome: state.outcome, rounds: state.round })}\n`);
} catch (err) {
  if (!(err instanceof ReplayError)) throw err;
  process.stderr.write(`the log is refused: ${err.message}\n`);
  process.exit(1);
}
