// npm run sim:dominance -- [--games N] [--seed S] [--json]
// The search for dominant single-move strategies (issue: "no single move repeated every round
// reaches consolidation"). One seat plays a fixed strategy against standard pragmatist AIs in
// every other seat; each strategy plays N seeded games; the table lists how often each reached
// consolidation, next to how often the AI itself does from that seat.
//
// The strategies of a seat:
//   - repeat one of its moves: commit it every round it can (nothing else), and answer every
//     offer the same way — accept all (so partners count on steps that never come) or reject all;
//   - repeat one answer and nothing else: accept every offer, or reject every offer;
//   - repeat one proposal: offer the same span package every round (accepting every offer,
//     committing only the steps of that package).
import { performance } from 'node:perf_hooks';
import { playToEnd } from '../ai/autoplay';
import { stands } from '../ai/facts';
import type { Decider } from '../ai/scheduler';
import { catalog, type Intent, type Scenario } from '../engine';
import { intFlag, parseArgs } from './args';
import { DirectTable } from './directTable';
import { loadScenarioOrExit } from './scenarioFile';

const { flags } = parseArgs(process.argv.slice(2));
const games = intFlag(flags, 'games', 40);
const seed = intFlag(flags, 'seed', 1);
const scenario = loadScenarioOrExit(typeof flags.scenario === 'string' ? flags.scenario : undefined);
const cat = catalog(scenario);

type Answer = 'accept' | 'reject';

function fixed(sc: Scenario, opts: { answer: Answer; commit?: string; propose?: string[] }): Decider {
  return (view, d, stage) => {
    const out: Array<{ intent: Intent; reason: string }> = [];
    if (stage === 'propose' && opts.propose) {
      const steps = opts.propose.map((m) => ({ delegation: cat.move.get(m)?.delegation ?? '', move: m }));
      out.push({
        intent: { type: 'package.propose', actor: d, steps, window: cat.spanOfMove.get(opts.propose[0] ?? '')?.window ?? 1 },
        reason: 'fixed',
      });
    }
    if (stage === 'answer') {
      for (const p of view.packages) {
        if (p.status !== 'proposed' || !p.parties.includes(d) || p.accepted.includes(d)) continue;
        out.push({
          intent: { type: opts.answer === 'accept' ? 'package.accept' : 'package.reject', actor: d, package: p.id },
          reason: 'fixed',
        });
      }
    }
    if (stage === 'commit') {
      const available = new Set(
        sc.moves
          .filter((m) => m.delegation === d && m.kind === 'step' && m.phases.includes(view.phase) && !stands(view, m.id))
          .map((m) => m.id),
      );
      const wanted = opts.commit ? [opts.commit] : (opts.propose ?? []).filter((m) => cat.move.get(m)?.delegation === d);
      let ap = (view.delegations[d]?.ap ?? 0) - (view.delegations[d]?.apDebt ?? 0);
      const moves: string[] = [];
      for (const m of wanted) {
        const cost = cat.move.get(m)?.cost ?? 9;
        if (available.has(m) && cost <= ap) {
          moves.push(m);
          ap -= cost;
        }
      }
      out.push({ intent: { type: 'commit.submit', actor: d, commit: { moves, defect: [] } }, reason: 'fixed' });
    }
    return out;
  };
}

interface Row {
  seat: string;
  strategy: string;
  consolidation: number;
  drift: number;
  unraveling: number;
  /** Games that got as far as Phase B, and as far as Phase C. */
  reachedB: number;
  reachedC: number;
}

function run(seat: string, strategy: string, decide: Decider | null): Row {
  const row: Row = { seat, strategy, consolidation: 0, drift: 0, unraveling: 0, reachedB: 0, reachedC: 0 };
  for (let g = 0; g < games; g++) {
    const t = new DirectTable(scenario, seed + g);
    playToEnd(scenario, t, decide ? { override: { [seat]: decide } } : {});
    if (t.state.outcome) row[t.state.outcome] += 1;
    if (t.state.phase === 'B' || t.state.phase === 'C') row.reachedB += 1;
    if (t.state.phase === 'C') row.reachedC += 1;
  }
  return row;
}

const started = performance.now();
const rows: Row[] = [];
// The AI in every seat, for reference (the same games whichever seat it stands for).
const reference = run('all', 'the AI itself (reference)', null);
for (const seat of cat.delegationIds) {
  for (const answer of ['accept', 'reject'] as const)
    rows.push(run(seat, `${answer} every offer, commit nothing`, fixed(scenario, { answer })));
  for (const m of cat.movesOf.get(seat) ?? []) {
    if (m.kind !== 'step') continue;
    for (const answer of ['accept', 'reject'] as const)
      rows.push(run(seat, `commit "${m.id}" every round, ${answer} every offer`, fixed(scenario, { answer, commit: m.id })));
  }
  for (const span of scenario.interlocks) {
    const steps = cat.spanSteps.get(span.id) ?? [];
    if (!steps.some((id) => cat.move.get(id)?.delegation === seat)) continue;
    rows.push(
      run(seat, `propose span "${span.id}" every round, accept every offer`, fixed(scenario, { answer: 'accept', propose: steps })),
    );
  }
}
const seconds = (performance.now() - started) / 1000;
const fixedRows = rows;
// Closest to consolidation first: consolidations, then games that reached Phase C, then Phase B.
const best = [...fixedRows].sort((a, b) => b.consolidation - a.consolidation || b.reachedC - a.reachedC || b.reachedB - a.reachedB);
const reaching = fixedRows.filter((r) => r.consolidation > 0);
const result = {
  games,
  seed,
  strategies: fixedRows.length,
  gamesPlayed: (rows.length + 1) * games,
  seconds: Math.round(seconds),
  reachingConsolidation: reaching.length,
  best: best.slice(0, 10),
  reference,
};
if (flags.json) process.stdout.write(`${JSON.stringify(result)}\n`);
else {
  const pct = (n: number) => `${((100 * n) / games).toFixed(0)}%`.padStart(4);
  process.stdout.write(
    [
      `Dominant-strategy search: ${fixedRows.length} fixed strategies × ${games} games from seed ${seed} (${Math.round(seconds)} s)`,
      `The AI in every seat (reference): consolidation ${pct(reference.consolidation)}, reached Phase C ${pct(reference.reachedC)}, Phase B ${pct(reference.reachedB)}`,
      `Strategies that reached consolidation at least once: ${reaching.length} of ${fixedRows.length}. The ten that came closest:`,
      `  consol.  phase C  phase B  unravel.`,
      ...best
        .slice(0, 10)
        .map(
          (r) =>
            `  ${pct(r.consolidation)}     ${pct(r.reachedC)}     ${pct(r.reachedB)}     ${pct(r.unraveling)}    ${r.seat}: ${r.strategy}`,
        ),
      '',
    ].join('\n'),
  );
}
