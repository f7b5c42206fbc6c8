// npm run bench [-- --games N] [--json]
// Speed figures of the engine and the machine (issue targets: a full AI-only game through the
// machine median ≤ 3 ms, within 1.3× of the engine driven directly, replay of a 12-round log
// ≤ 10 ms). The direct and the machine-driven games are timed in turn, seed by seed, so a change
// of load on a shared machine weighs on both alike; CPU time is reported beside wall time.
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { deciderFor, playToEnd, type Table } from '../ai/autoplay';
import type { Decider } from '../ai/scheduler';
import type { Persona } from '../ai/persona';
import { catalog } from '../engine';
import { makeLogFile, replay, type LogFile } from '../machine/replay';
import { GameSession } from '../machine/session';
import { intFlag, parseArgs } from './args';
import { DirectTable } from './directTable';
import { loadScenarioOrExit } from './scenarioFile';

const { flags } = parseArgs(process.argv.slice(2));
const games = intFlag(flags, 'games', 400);
const scenario = loadScenarioOrExit(typeof flags.scenario === 'string' ? flags.scenario : undefined);

interface Stats {
  median: number;
  p95: number;
  perSecond: number;
}

function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  const total = samples.reduce((a, b) => a + b, 0);
  const round = (v: number) => Math.round(v * 100) / 100;
  return { median: round(at(0.5)), p95: round(at(0.95)), perSecond: Math.round((1000 * samples.length) / total) };
}

/** Times whole games of each table in turn, seed by seed: wall time and CPU time of each. */
function timeGames(makers: ReadonlyArray<(seed: number) => Table>, count: number): Array<{ wall: Stats; cpu: Stats }> {
  const wall = makers.map((): number[] => []);
  const cpu = makers.map((): number[] => []);
  for (let s = 1; s <= count; s++) {
    makers.forEach((make, i) => {
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      playToEnd(scenario, make(s));
      const c = process.cpuUsage(c0);
      wall[i]?.push(performance.now() - t0);
      cpu[i]?.push((c.user + c.system) / 1000);
    });
  }
  return makers.map((_, i) => ({ wall: stats(wall[i] ?? []), cpu: stats(cpu[i] ?? []) }));
}

const direct = (seed: number) => new DirectTable(scenario, seed);
const machine = (seed: number) => GameSession.start(scenario, seed);
// Both are warmed up before either is timed: the first few hundred games of a process run slower
// (compilation, the heap growing), and whichever came first used to pay for it alone.
for (let s = 0; s < 150; s++) {
  playToEnd(scenario, direct(100_000 + s));
  playToEnd(scenario, machine(100_000 + s));
}
const load = loadavg()[0] ?? 0;
const [directTimes, machineTimes] = timeGames([direct, machine], games) as [{ wall: Stats; cpu: Stats }, { wall: Stats; cpu: Stats }];
const directStats = directTimes.wall;
const machineStats = machineTimes.wall;

// Replay: a log of a game that went the full twelve rounds.
let log: LogFile | null = null;
for (let seed = 1; seed < 500 && !log; seed++) {
  const session = GameSession.start(scenario, seed);
  playToEnd(scenario, session);
  if (session.state.round >= scenario.tunables.roundLimit) log = makeLogFile(scenario, session);
}
const replaySamples: number[] = [];
if (log) {
  for (let i = 0; i < 10; i++) replay(scenario, log.seed, log.entries);
  for (let i = 0; i < 60; i++) {
    const t0 = performance.now();
    const r = replay(scenario, log.seed, log.entries);
    replaySamples.push(performance.now() - t0);
    if (r.hash !== log.final.hash) throw new Error('replay did not reproduce the hash');
  }
}
const replayStats = stats(replaySamples);

// AI decisions (issue targets: a standard decision p95 ≤ 20 ms, an expert decision p95 ≤ 500 ms).
// Each call of a delegation's AI on one stage is one decision; the expert's are its sealed
// sealed commits, where it looks ahead (its negotiation is the standard one, played sharper).
function timeDecisions(
  personas: (seat: string, game: number) => Persona,
  count: number,
  keep: (seat: string, stage: string, p: Persona) => boolean,
) {
  const samples: number[] = [];
  for (let g = 0; g < count; g++) {
    const who = Object.fromEntries(catalog(scenario).delegationIds.map((d) => [d, personas(d, g)]));
    const inner = deciderFor(scenario, { personas: who });
    const timed: Decider = (view, d, stage, stream, seating) => {
      const t0 = performance.now();
      const out = inner(view, d, stage, stream, seating);
      if (keep(d, stage, who[d] as Persona)) samples.push(performance.now() - t0);
      return out;
    };
    const override = Object.fromEntries(catalog(scenario).delegationIds.map((d) => [d, timed]));
    playToEnd(scenario, new DirectTable(scenario, 200_000 + g), { override });
  }
  return { ...stats(samples), decisions: samples.length };
}
const decisionGames = Math.max(4, Math.round(games / 10));
const standardDecision = timeDecisions(
  () => ({ personality: 'pragmatist', difficulty: 'standard' }),
  decisionGames,
  () => true,
);
const ids = catalog(scenario).delegationIds;
const expertDecision = timeDecisions(
  (seat, g) => ({ personality: 'pragmatist', difficulty: seat === ids[g % ids.length] ? 'expert' : 'standard' }),
  Math.max(6, Math.round(decisionGames / 2)),
  (_d, stage, p) => p.difficulty === 'expert' && stage === 'commit',
);
const ratio = Math.round((machineStats.median / directStats.median) * 100) / 100;
const cpuRatio = Math.round((machineTimes.cpu.median / directTimes.cpu.median) * 100) / 100;

const result = {
  games,
  loadAverage: Math.round(load * 100) / 100,
  engineDirect: directStats,
  machineDriven: machineStats,
  machineOverDirect: ratio,
  cpu: { engineDirect: directTimes.cpu, machineDriven: machineTimes.cpu, machineOverDirect: cpuRatio },
  replay12Rounds: { entries: log?.entries.length ?? 0, ...replayStats },
  standardDecision,
  expertDecision,
};
if (flags.json) process.stdout.write(`${JSON.stringify(result)}\n`);
else {
  const line = (label: string, s: Stats, target: string) =>
    `  ${label.padEnd(34)} median ${s.median.toFixed(2).padStart(6)} ms   p95 ${s.p95.toFixed(2).padStart(6)} ms   ${String(s.perSecond).padStart(5)}/s   (${target})`;
  process.stdout.write(
    [
      `Interlock engine benchmark, ${games} AI-only games of "${scenario.title}" (Node ${process.version}, load average ${load.toFixed(2)} at the start)`,
      line('full game, engine driven directly', directStats, 'reference'),
      line('full game, through the machine', machineStats, 'target: median ≤ 3 ms'),
      `  machine / direct                   ${ratio}×   (target: ≤ 1.3×)`,
      line('  CPU time, engine driven directly', directTimes.cpu, 'reference'),
      line('  CPU time, through the machine', machineTimes.cpu, `${cpuRatio}× the direct`),
      line(`replay of a 12-round log (${log?.entries.length ?? 0} intents)`, replayStats, 'target: ≤ 10 ms'),
      line(`AI decision, standard (${standardDecision.decisions})`, standardDecision, 'target: p95 ≤ 20 ms'),
      line(`AI decision, expert (${expertDecision.decisions})`, expertDecision, 'target: p95 ≤ 500 ms'),
      '',
    ].join('\n'),
  );
}
