// npm run sim:gauntlet -- --games N --seed S [--scenario F] [--seat iran,usa] [--json]
// Scripted people (gauntletArchetypes.ts) in each seat against the standard AI in the five
// others, on the same seeds as a table of AIs: per seat and archetype, how often the table
// consolidates and the seat's mean score next to the AI's in that seat. With --json, the last
// line of stdout is one object: {games, seed, baseline: {consolidation, scores}, rows: [...]}.
import { performance } from 'node:perf_hooks';
import { catalog } from '../engine/core';
import { intFlag, parseArgs } from './args';
import { ARCHETYPES, ARCHETYPE_TEXT, type Archetype } from './gauntletArchetypes';
import { checkTargets, runGauntlet } from './gauntletRun';
import { loadScenarioOrExit } from './scenarioFile';

const { flags } = parseArgs(process.argv.slice(2));
const games = intFlag(flags, 'games', 50);
const seed = intFlag(flags, 'seed', 1);
const scenario = loadScenarioOrExit(typeof flags.scenario === 'string' ? flags.scenario : undefined);

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

const listFlag = (name: string, allowed: readonly string[]): string[] | undefined => {
  const v = flags[name];
  if (v === undefined) return undefined;
  if (v === true) fail(`--${name} needs a comma-separated list from: ${allowed.join(', ')}`);
  const items = v.split(',').map((x) => x.trim());
  const bad = items.filter((x) => !allowed.includes(x));
  if (bad.length) fail(`--${name}: unknown ${bad.join(', ')} (choose from ${allowed.join(', ')})`);
  return items;
};
const seats = listFlag('seat', catalog(scenario).delegationIds);
const archetypes = listFlag('archetype', ARCHETYPES) as Archetype[] | undefined;

const started = performance.now();
const result = runGauntlet(scenario, {
  games,
  seed,
  ...(seats ? { seats } : {}),
  ...(archetypes ? { archetypes } : {}),
  progress: (done, total) => {
    if (!flags.json || process.stderr.isTTY) process.stderr.write(`\r  ${done}/${total} games`);
  },
});
if (!flags.json || process.stderr.isTTY) process.stderr.write('\n');
const seconds = Math.round((performance.now() - started) / 1000);

if (flags.json) process.stdout.write(`${JSON.stringify(result)}\n`);
else {
  const pct = (x: number) => `${(100 * x).toFixed(0)}%`.padStart(5);
  const num = (x: number) => x.toFixed(1).padStart(6);
  const t = checkTargets(result);
  const lines = [
    `Gauntlet of "${scenario.title}": ${games} games per row from seed ${seed} (${seconds} s)`,
    `The AI in every seat: consolidation ${pct(result.baseline.consolidation)}; mean scores ${Object.entries(result.baseline.scores)
      .map(([d, x]) => `${d} ${x}`)
      .join(', ')}`,
    '',
    `  seat     archetype            consol.  score  AI     diff`,
    ...result.rows.map(
      (r) =>
        `  ${r.seat.padEnd(8)} ${r.archetype.padEnd(20)} ${pct(r.consolidation)}  ${num(r.meanScore)} ${num(r.aiMeanScore)} ${num(r.meanScore - r.aiMeanScore)}`,
    ),
    '',
    `Target: no archetype beats the AI in its seat by more than 1 point: ${t.beatsAi.length === 0 ? 'met' : `NOT met (${t.beatsAi.map((r) => `${r.seat}/${r.archetype}`).join(', ')})`}`,
    `Target: a junk proposer keeps 80% of the AI's consolidation: ${t.junkStalls.length === 0 ? 'met' : `NOT met (${t.junkStalls.map((r) => r.seat).join(', ')})`}`,
    '',
    'The archetypes:',
    ...ARCHETYPES.map((a) => `  ${a.padEnd(20)} ${ARCHETYPE_TEXT[a]}`),
    '',
  ];
  process.stdout.write(lines.join('\n'));
}
