// npm run sim -- --games N --seed S [--scenario F] [--json] [--log F]
//                [--personality all=dove|iran=hawk,usa=dove] [--difficulty usa=expert]
//                [--duel expert,novice]
// Plays AI-only games and prints the distribution of endings. With --json, the last line of
// stdout is one JSON object. With --log, the first game's event log is written to F.
// --duel A,B plays each seed twice, one seat at difficulty A then at B (the seat turns with the
// game: game g puts delegation g mod 6 in the duel), everything else equal, and counts how often
// A's delegation scores more than B's.
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { playToEnd } from '../ai/autoplay';
import { DEFAULT_PERSONA, DIFFICULTIES, PERSONALITIES, parsePersonaSpec, type Difficulty, type Persona } from '../ai/persona';
import { catalog, score, type Scenario } from '../engine';
import { makeLogFile } from '../machine/replay';
import { MechanicsTally } from '../report/mechanics';
import { GameSession } from '../machine/session';
import { intFlag, parseArgs } from './args';
import { loadScenarioOrExit } from './scenarioFile';

const { flags } = parseArgs(process.argv.slice(2));
const games = intFlag(flags, 'games', 100);
const seed = intFlag(flags, 'seed', 1);
const scenario = loadScenarioOrExit(typeof flags.scenario === 'string' ? flags.scenario : undefined);
const ids = catalog(scenario).delegationIds;

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

function personasFromFlags(sc: Scenario): Record<string, Persona> {
  const out: Record<string, Persona> = Object.fromEntries(catalog(sc).delegationIds.map((d) => [d, { ...DEFAULT_PERSONA }]));
  const spec = (name: 'personality' | 'difficulty') => {
    const v = flags[name];
    if (v === undefined) return;
    if (v === true) fail(`--${name} needs a value, e.g. --${name} all=${name === 'personality' ? 'dove' : 'expert'} or iran=...,usa=...`);
    const r =
      name === 'personality'
        ? parsePersonaSpec(v, 'personality', PERSONALITIES, ids)
        : parsePersonaSpec(v, 'difficulty', DIFFICULTIES, ids);
    if (!r.ok) fail(`--${name}: ${r.error}`);
    for (const [d, x] of Object.entries(r.value)) out[d] = { ...(out[d] as Persona), [name]: x };
  };
  spec('personality');
  spec('difficulty');
  return out;
}

const personas = personasFromFlags(scenario);

function play(gameSeed: number, who: Record<string, Persona>) {
  const session = GameSession.start(scenario, gameSeed >>> 0);
  playToEnd(scenario, session, { personas: who });
  return session;
}

const outcomes = { consolidation: 0, drift: 0, unraveling: 0 };
const tally = new MechanicsTally(scenario);
let rounds = 0;
const started = performance.now();
let duel: {
  a: Difficulty;
  b: Difficulty;
  games: number;
  wins: number;
  ties: number;
  losses: number;
  rate: number;
  bySeat: Record<string, number[]>;
} | null = null;

if (typeof flags.duel === 'string') {
  const [a, b] = flags.duel.split(',') as [Difficulty, Difficulty];
  if (!DIFFICULTIES.includes(a) || !DIFFICULTIES.includes(b)) fail(`--duel needs two difficulties, e.g. --duel expert,novice`);
  duel = { a, b, games, wins: 0, ties: 0, losses: 0, rate: 0, bySeat: Object.fromEntries(ids.map((d) => [d, [0, 0]])) };
  for (let g = 0; g < games; g++) {
    const seat = ids[g % ids.length] as string;
    const gameSeed = seed + g;
    const withA = play(gameSeed, { ...personas, [seat]: { ...(personas[seat] as Persona), difficulty: a } });
    const withB = play(gameSeed, { ...personas, [seat]: { ...(personas[seat] as Persona), difficulty: b } });
    const sa = score(scenario, withA.state, seat);
    const sb = score(scenario, withB.state, seat);
    if (sa > sb) duel.wins += 1;
    else if (sa === sb) duel.ties += 1;
    else duel.losses += 1;
    const row = duel.bySeat[seat] as number[];
    row[0] = (row[0] ?? 0) + (sa > sb ? 1 : 0);
    row[1] = (row[1] ?? 0) + 1;
    for (const s of [withA, withB]) {
      tally.add(s.state);
      const out = s.state.outcome;
      if (out) outcomes[out] += 1;
      rounds += s.state.round;
    }
  }
  duel.rate = Math.round((1000 * duel.wins) / Math.max(1, games)) / 10;
} else {
  for (let g = 0; g < games; g++) {
    const session = play(seed + g, personas);
    tally.add(session.state);
    const out = session.state.outcome;
    if (out) outcomes[out] += 1;
    rounds += session.state.round;
    if (g === 0 && typeof flags.log === 'string') writeFileSync(flags.log, JSON.stringify(makeLogFile(scenario, session)));
  }
}
const played = duel ? games * 2 : games;
const seconds = (performance.now() - started) / 1000;
const result = {
  games,
  seed,
  outcomes,
  meanRounds: played ? Math.round((rounds / played) * 100) / 100 : 0,
  gamesPerSecond: Math.round((played / Math.max(seconds, 1e-9)) * 10) / 10,
  personas: Object.fromEntries(Object.entries(personas).map(([d, p]) => [d, `${p.personality}/${p.difficulty}`])),
  ...(duel ? { duel } : {}),
  mechanics: tally.report(),
};
if (flags.json) {
  process.stdout.write(`${JSON.stringify(result)}\n`);
} else {
  const pct = (n: number) => `${((100 * n) / Math.max(1, played)).toFixed(1)}%`;
  const lines = [
    `${played} games of "${scenario.title}" from seed ${seed}:`,
    `  AI: ${Object.entries(result.personas)
      .map(([d, p]) => `${d} ${p}`)
      .join(', ')}`,
    `  consolidation ${outcomes.consolidation} (${pct(outcomes.consolidation)})`,
    `  drift         ${outcomes.drift} (${pct(outcomes.drift)})`,
    `  unraveling    ${outcomes.unraveling} (${pct(outcomes.unraveling)})`,
    `  mean rounds ${result.meanRounds}, ${result.gamesPerSecond} games/s`,
  ];
  if (duel)
    lines.push(
      `  duel ${duel.a} vs ${duel.b} (same seed, same seat): ${duel.a} scores more in ${duel.wins} of ${games} (${duel.rate}%), ties ${duel.ties}, fewer ${duel.losses}`,
      `  by seat: ${Object.entries(duel.bySeat)
        .map(([d, [w, n]]) => `${d} ${w}/${n}`)
        .join(', ')}`,
    );
  process.stdout.write(`${lines.join('\n')}\n`);
}
