// The after-action report (docs/rules.md §7): built from the event log alone, by replaying
// it. Pure data; the page, the Markdown and the CSV are drawn from it.
import { objectivesOf, score, WHITE_CELL_ENDED, type GameState, type Incident, type RoundRecord, type Scenario } from '../engine';
import { buildLedger, type Ledger } from './ledger';
import { defectionsCommitted, type QuietDefection } from './secrets';
import type { Timeline } from './timeline';

export type AttributionVerdict =
  'correct' | 'misattributed' | 'inconclusive' | 'not investigated' | 'cancelled' | 'ruled by the White Cell';

export interface AttributionRow {
  incident: Incident;
  verdict: AttributionVerdict;
}

export interface TurningPoint {
  round: number;
  kind: 'secured' | 'negated' | 'violated' | 'incident' | 'phase' | 'framework' | 'council' | 'war' | 'end' | 'white-cell';
  text: string;
  /** Tension change the event itself caused, where it has one (incidents). */
  tension: number | null;
}

export interface ObjectiveRow {
  delegation: string;
  score: number;
  objectives: Array<{ text: string; points: number; met: boolean }>;
}

export interface Report {
  scenario: Scenario;
  seed: number;
  over: boolean;
  outcome: GameState['outcome'];
  endReason: string | null;
  rounds: number;
  entries: number;
  hash: string;
  history: RoundRecord[];
  ledger: Ledger;
  defections: QuietDefection[];
  attribution: {
    rows: AttributionRow[];
    named: number;
    correct: number;
    /** Attributions the White Cell set itself: outside the council's count. */
    ruled: number;
    misattributed: number;
    inconclusive: number;
    misdirectedRetaliations: string[];
  };
  objectives: ObjectiveRow[];
  turningPoints: TurningPoint[];
  spanCounts: Array<{
    span: string;
    name: string;
    phase: string;
    track: string;
    secured: number;
    negated: number;
    violated: number;
    status: string;
  }>;
}

function verdictOf(i: Incident): AttributionVerdict {
  if (i.cancelled) return 'cancelled';
  if (!i.attribution) return 'not investigated';
  // The White Cell's own ruling is not the council's finding: it never counts as the council's success.
  if (i.attribution.override) return 'ruled by the White Cell';
  if (i.attribution.named === null) return 'inconclusive';
  return i.attribution.named === i.sponsor ? 'correct' : 'misattributed';
}

/** Every quiet defection of the game, caught or not, from the sealed commits of each resolved round. */
function allDefections(t: Timeline): QuietDefection[] {
  return t.frames.filter((f) => f.resolved).flatMap((f) => defectionsCommitted(f.end));
}

function turningPoints(t: Timeline): TurningPoint[] {
  const sc = t.scenario;
  const out: TurningPoint[] = [];
  const spanName = (id: string) => sc.interlocks.find((x) => x.id === id)?.name ?? id;
  let prev: GameState | null = null;
  for (const f of t.frames) {
    const s = f.end;
    for (const x of sc.interlocks) {
      const a = prev?.spans[x.id];
      const b = s.spans[x.id];
      if (!b) continue;
      if (b.securedCount > (a?.securedCount ?? 0))
        out.push({
          round: f.round,
          kind: 'secured',
          text: `Span secured: ${x.name} (Phase ${x.phase}, ${x.track}).`,
          tension: sc.tunables.securedSpanTension,
        });
      if (b.negatedCount > (a?.negatedCount ?? 0)) {
        const shock = s.events.find((e) => e.kind === 'shock' && e.round === f.round && e.text.includes(`span "${x.name}"`));
        out.push({
          round: f.round,
          kind: 'negated',
          text: shock ? `Span unwound: ${shock.text}` : `Span negated: ${x.name} — its window closed before every side had matched it.`,
          tension: null,
        });
      }
      if (b.violatedCount > (a?.violatedCount ?? 0)) {
        const found = s.violations.filter((y) => y.span === x.id && y.round === f.round);
        const v = found.map((y) => `${nameIn(sc, y.delegation)} on "${sc.moves.find((m) => m.id === y.move)?.name ?? y.move}"`);
        // A violation the White Cell ruled is its ruling, not the monitors' finding: the record says so.
        const ruled = found.some((y) => {
          const name = sc.moves.find((m) => m.id === y.move)?.name ?? y.move;
          return s.events.some((e) => e.kind === 'override' && e.round === f.round && e.text.includes(`"${name}" is found in violation`));
        });
        out.push({
          round: f.round,
          kind: 'violated',
          text: ruled
            ? `Span broken by a violation ruled by the White Cell (not found by the monitors): ${spanName(x.id)}${v.length ? ` (${v.join('; ')})` : ''}.`
            : `Span broken by a verified violation: ${spanName(x.id)}${v.length ? ` (${v.join('; ')})` : ''}.`,
          tension: sc.tunables.violationTension,
        });
      }
    }
    if (s.framework.adopted && !prev?.framework.adopted)
      out.push({
        round: s.framework.round ?? f.round,
        kind: 'framework',
        text: 'Framework adopted: the benchmark calendar is agreed.',
        tension: null,
      });
    if (s.council.founded && !prev?.council.founded)
      out.push({
        round: s.council.round ?? f.round,
        kind: 'council',
        text: `Mediation council founded by ${s.council.members.map((d) => nameIn(sc, d)).join(', ')}.`,
        tension: null,
      });
    if (prev && f.start.phase !== prev.phase)
      out.push({
        round: f.round,
        kind: 'phase',
        text: `New phase: ${f.start.phase === 'ceasefire' ? 'Ceasefire' : `Phase ${f.start.phase}`}.`,
        tension: null,
      });
    if (s.warTrigger && !prev?.warTrigger) out.push({ round: f.round, kind: 'war', text: `War trigger: ${s.warTrigger}.`, tension: null });
    prev = s;
  }
  // The incidents that moved tension most: the most severe, earliest first among equals.
  const t0 = sc.tunables.incidentTension;
  const big = [...t.final.incidents]
    .filter((i) => !i.cancelled)
    .sort((a, b) => b.severity - a.severity || a.round - b.round)
    .slice(0, 5);
  for (const i of big) {
    const front = sc.fronts.find((x) => x.id === i.front)?.name ?? i.front;
    out.push({
      round: i.round,
      kind: 'incident',
      text: `Incident #${i.id}: ${i.kind} attack, ${front}, severity ${i.severity} (true sponsor: ${nameIn(sc, i.sponsor)}).`,
      tension: t0 * i.severity,
    });
  }
  out.push(...whiteCellPoints(t));
  if (t.final.outcome)
    out.push({
      round: t.final.round,
      kind: 'end',
      text: `The game ends in ${t.final.outcome}. ${t.final.endReason ?? ''}`.trim(),
      tension: null,
    });
  const order: Record<TurningPoint['kind'], number> = {
    framework: 0,
    council: 1,
    phase: 2,
    secured: 3,
    negated: 4,
    violated: 5,
    incident: 6,
    war: 7,
    'white-cell': 8,
    end: 9,
  };
  return out.sort((a, b) => a.round - b.round || order[a.kind] - order[b.kind]);
}

/** What the White Cell did: every inject it fired or wrote, ruling and reveal, marked as its own. */
function whiteCellPoints(t: Timeline): TurningPoint[] {
  const sc = t.scenario;
  const out: TurningPoint[] = [];
  for (const e of t.entries) {
    const i = e.intent;
    if (i.type === 'facilitator.inject') {
      const inj = typeof i.inject === 'string' ? sc.injects.find((x) => x.id === i.inject) : i.inject;
      const audience = typeof i.inject === 'string' ? (inj && 'audience' in inj ? inj.audience : 'all') : i.inject.audience;
      const to = audience === 'all' ? 'everyone' : audience.map((d) => nameIn(sc, d)).join(', ');
      const scheduled =
        typeof i.inject === 'string' && inj && 'round' in inj && inj.round !== undefined ? ` (scheduled for round ${inj.round})` : '';
      out.push({
        round: e.round,
        kind: 'white-cell',
        text: `White Cell fired ${typeof i.inject === 'string' ? 'the inject' : 'an inject it wrote'} "${inj?.title ?? String(i.inject)}"${scheduled}, to ${to}.${i.reason ? ` Reason: ${i.reason}` : ''}`,
        tension: null,
      });
    }
  }
  for (const ev of t.final.events)
    if (ev.kind === 'override' || ev.kind === 'reveal' || ev.kind === 'undo')
      out.push({ round: ev.round, kind: 'white-cell', text: ev.kind === 'reveal' ? `White Cell: ${ev.text}` : ev.text, tension: null });
    else if (ev.kind === 'ended' && ev.text.startsWith(WHITE_CELL_ENDED))
      out.push({ round: ev.round, kind: 'white-cell', text: `White Cell: ${ev.text}`, tension: null });
  return out;
}

export function nameIn(sc: Scenario, id: string): string {
  if (id === 'independent') return 'the network acting on its own';
  if (id === 'spoiler') return sc.spoilers.name;
  if (id === 'hidden') return 'unknown';
  return sc.delegations.find((d) => d.id === id)?.short ?? id;
}

export function buildReport(t: Timeline): Report {
  const sc = t.scenario;
  const s = t.final;
  const rows = s.incidents.map((incident) => ({ incident, verdict: verdictOf(incident) }));
  const count = (v: AttributionVerdict) => rows.filter((r) => r.verdict === v).length;
  return {
    scenario: sc,
    seed: t.seed,
    over: t.over,
    outcome: s.outcome,
    endReason: s.endReason,
    rounds: s.round,
    entries: t.entries.length,
    hash: t.hash,
    history: s.history,
    ledger: buildLedger(t),
    defections: allDefections(t),
    attribution: {
      rows,
      named: count('correct') + count('misattributed'),
      correct: count('correct'),
      misattributed: count('misattributed'),
      inconclusive: count('inconclusive'),
      ruled: count('ruled by the White Cell'),
      misdirectedRetaliations: s.events.filter((e) => e.kind === 'misdirected').map((e) => `Round ${e.round}: ${e.text}`),
    },
    objectives: sc.delegations.map((d) => ({
      delegation: d.id,
      score: score(sc, s, d.id),
      objectives: objectivesOf(sc, s, d.id).map((o) => ({ text: o.text, points: o.points, met: o.met })),
    })),
    turningPoints: turningPoints(t),
    spanCounts: sc.interlocks.map((x) => {
      const r = s.spans[x.id];
      return {
        span: x.id,
        name: x.name,
        phase: x.phase,
        track: x.track,
        secured: r?.securedCount ?? 0,
        negated: r?.negatedCount ?? 0,
        violated: r?.violatedCount ?? 0,
        status: r?.status ?? 'idle',
      };
    }),
  };
}
