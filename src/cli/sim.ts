// npm run sim -- --games N --seed S [--scenario F] [--json] [--log F]
// Plays AI-only games and prints the distribution of endings. With --json, the last line of
// stdout is one JSON object. With --log, the first game's event log is written to F.
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { playToEnd } from '../ai/autoplay';
import { makeLogFile } from '../machine/replay';
import { GameSession } from '../machine/session';
import { intFlag, parseArgs } from './args';
import { loadScenarioOrExit } from './scenarioFile';

const { flags } = parseArgs(process.argv.slice(2));
const games = intFlag(flags, 'games', 100);
const seed = intFlag(flags, 'seed', 1);
const scenario = loadScenarioOrExit(typeof flags.scenario === 'string' ? flags.scenario : undefined);

const outcomes = { consolidation: 0, drift: 0, unraveling: 0 };
let rounds = 0;
const started = performance.now();
for (let g = 0; g < games; g++) {
  const session = GameSession.start(scenario, (seed + g) >>> 0);
  playToEnd(scenario, session);
  const out = session.state.outcome;
  if (out) outcomes[out] += 1;
  rounds += session.state.round;
  if (g === 0 && typeof flags.log === 'string') writeFileSync(flags.log, JSON.stringify(makeLogFile(scenario, session)));
}
const seconds = (performance.now() - started) / 1000;
const result = {
  games,
  seed,
  outcomes,
  meanRounds: games ? Math.round((rounds / games) * 100) / 100 : 0,
  gamesPerSecond: Math.round((games / Math.max(seconds, 1e-9)) * 10) / 10,
};
if (flags.json) {
  process.stdout.write(`${JSON.stringify(result)}\n`);
} else {
  const pct = (n: number) => `${((100 * n) / Math.max(1, games)).toFixed(1)}%`;
  process.stdout.write(
    [
      `${games} games of "${scenario.title}" from seed ${seed}:`,
      `  consolidation ${outcomes.consolidation} (${pct(outcomes.consolidation)})`,
      `  drift         ${outcomes.drift} (${pct(outcomes.drift)})`,
      `  unraveling    ${outcomes.unraveling} (${pct(outcomes.unraveling)})`,
      `  mean rounds ${result.meanRounds}, ${result.gamesPerSecond} games/s`,
      '',
    ].join('\n'),
  );
}
