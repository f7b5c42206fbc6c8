// Several games of the same scenario side by side (a class's rooms, or a series of seeds): their
// outcomes, curves and headline figures, each from its own event log.
import type { Scenario } from '../engine';
import type { LogEntry } from '../machine/gameMachine';
import { buildReport, type Report } from './report';
import { buildTimeline } from './timeline';

export interface ComparedGame {
  name: string;
  seed: number;
  report: Report;
  /** Headline figures. */
  outcome: string;
  rounds: number;
  finalTension: number;
  peakTension: number;
  secured: number;
  negated: number;
  violations: number;
  /** Promised action steps delivered, 0–100, or null when none was promised. */
  promisesKept: number | null;
  /** Council findings that named the true sponsor, 0–100, or null when none named one. */
  attributionCorrect: number | null;
  scores: Record<string, number>;
}

export function compareGame(scenario: Scenario, name: string, seed: number, entries: readonly LogEntry[]): ComparedGame {
  const report = buildReport(buildTimeline(scenario, seed, entries));
  const promised = report.ledger.rows.filter((r) => r.agreed !== null && !r.pledge);
  const kept = promised.filter((r) => r.delivery !== null).length;
  const a = report.attribution;
  return {
    name,
    seed,
    report,
    outcome: report.over ? (report.outcome ?? '—') : 'in progress',
    rounds: report.rounds,
    finalTension: report.history.at(-1)?.tension ?? 0,
    peakTension: Math.max(0, ...report.history.map((h) => h.tension)),
    secured: report.spanCounts.reduce((n, x) => n + x.secured, 0),
    negated: report.spanCounts.reduce((n, x) => n + x.negated, 0),
    violations: report.ledger.instances.filter((i) => i.ended?.how === 'violated').length,
    promisesKept: promised.length ? Math.round((100 * kept) / promised.length) : null,
    attributionCorrect: a.named ? Math.round((100 * a.correct) / a.named) : null,
    scores: Object.fromEntries(report.objectives.map((o) => [o.delegation, o.score])),
  };
}

/** The comparison as CSV: one row per game. */
export function comparisonCsv(scenario: Scenario, games: readonly ComparedGame[]): string {
  const dels = scenario.delegations.map((d) => d.id);
  const cell = (v: string | number | null) => {
    const s = v === null ? '' : String(v);
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const header = [
    'game',
    'seed',
    'outcome',
    'rounds',
    'final_tension',
    'peak_tension',
    'spans_secured',
    'spans_negated',
    'violations',
    'promises_kept_percent',
    'attribution_correct_percent',
    ...dels.map((d) => `score.${d}`),
  ];
  const rows = games.map((g) => [
    g.name,
    g.seed,
    g.outcome,
    g.rounds,
    g.finalTension,
    g.peakTension,
    g.secured,
    g.negated,
    g.violations,
    g.promisesKept,
    g.attributionCorrect,
    ...dels.map((d) => g.scores[d] ?? null),
  ]);
  return [header, ...rows].map((r) => r.map(cell).join(',')).join('\n') + '\n';
}
