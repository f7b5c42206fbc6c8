// A round's summary as a seat may read it, outcome first: what was secured, negated, unwound or
// broken, who struck where and what the inquiries found; then why tension, support and trust
// moved, each change with the cause the engine recorded; the procedure last. Pure: a view in.
import type { Figure, FigureChange, GameEvent, GameView, Scenario } from '../engine';

export type LineKind =
  | 'phase'
  | 'secured'
  | 'negated'
  | 'unwound'
  | 'violated'
  | 'incident'
  | 'inquiry'
  | 'council'
  | 'promise'
  | 'escrow'
  | 'news'
  | 'private'
  | 'procedure';

export interface SummaryLine {
  kind: LineKind;
  text: string;
  /** Addressed to this seat only (or a few seats): not public. */
  private: boolean;
}

export interface Cause {
  text: string;
  delta: number;
}

export interface FigureMove {
  figure: Figure;
  /** Whose support, or who is trusted; null for tension. */
  who: string | null;
  label: string;
  from: number | null;
  to: number;
  causes: Cause[];
}

export interface RoundSummary {
  round: number;
  outcomes: SummaryLine[];
  figures: FigureMove[];
  procedure: SummaryLine[];
}

// Which line an event kind makes, in the order a reader needs them; unlisted kinds are procedure.
const KIND: Record<string, LineKind> = {
  phase: 'phase',
  'span.secured': 'secured',
  'span.negated': 'negated',
  shock: 'unwound',
  'stop-loss': 'unwound',
  violation: 'violated',
  snapback: 'violated',
  'snapback.none': 'violated',
  war: 'violated',
  incident: 'incident',
  retaliation: 'incident',
  misdirected: 'incident',
  inquiry: 'inquiry',
  misattribution: 'inquiry',
  penalty: 'council',
  'motion.failed': 'council',
  'council.founded': 'council',
  'council.joined': 'council',
  'ladder.climb': 'council',
  'ladder.drop': 'council',
  framework: 'promise',
  'package.broken': 'promise',
  'package.expired': 'promise',
  'package.closed': 'promise',
  'escrow.paid': 'escrow',
  inject: 'news',
  override: 'news',
  reveal: 'news',
  defection: 'private',
};
const ORDER: LineKind[] = [
  'phase',
  'secured',
  'unwound',
  'negated',
  'violated',
  'incident',
  'inquiry',
  'council',
  'promise',
  'escrow',
  'news',
  'private',
];

export const lineOf = (e: GameEvent): SummaryLine => ({
  kind: KIND[e.kind] ?? 'procedure',
  text: e.text,
  private: e.audience !== 'all',
});

const nameOf = (sc: Scenario, id: string) => sc.delegations.find((d) => d.id === id)?.short ?? id;

/** The phase a round was played in, and the next round's (null while it has not begun). */
function phases(view: GameView, round: number): { was: string | null; next: string | null } {
  const row = (r: number) => view.history.find((x) => x.round === r);
  const was = row(round)?.phase ?? (view.round === round ? view.phase : null);
  const next = view.round === round + 1 ? view.phase : (row(round + 1)?.phase ?? null);
  return { was, next };
}

/** "Phase A complete" belongs to the round whose resolution completed it, not the next one. */
function phaseLine(sc: Scenario, view: GameView, round: number): SummaryLine | null {
  const { was, next } = phases(view, round);
  if (was === null || next === null || was === next) {
    const row = view.history.find((x) => x.round === round);
    if (view.outcome === 'consolidation' && row && view.round === round)
      return { kind: 'phase', text: `Phase ${row.phase} complete: the settlement holds as a durable compact.`, private: false };
    return null;
  }
  const to = sc.phases.find((p) => p.id === next);
  const label = to ? `Phase ${to.id} (${to.name})` : next;
  if (was === 'ceasefire') return { kind: 'phase', text: `The ceasefire ends: ${label} begins next round.`, private: false };
  return { kind: 'phase', text: `Phase ${was} complete: every track holds its spans. ${label} begins next round.`, private: false };
}

/** The changes of `round` to one figure of one party, grouped by cause (largest first). */
function causesOf(changes: readonly FigureChange[], round: number, figure: Figure, who: string | null, divide = 1): Cause[] {
  const by = new Map<string, number>();
  for (const c of changes) if (c.round === round && c.figure === figure && c.who === who) by.set(c.cause, (by.get(c.cause) ?? 0) + c.delta);
  return [...by.entries()]
    .map(([text, d]) => ({ text, delta: Math.round((d / divide) * 10) / 10 }))
    .filter((c) => c.delta !== 0)
    .sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta));
}

/**
 * Tension, the seat's support, and the trust the others hold in it (their average), from the
 * round's history row and the one before, each with the causes recorded for the round.
 */
function figureMoves(sc: Scenario, view: GameView, round: number, seat: string | null): FigureMove[] {
  const row = view.history.find((x) => x.round === round);
  const prev = view.history.find((x) => x.round === round - 1);
  if (!row) return [];
  const others = Math.max(1, sc.delegations.length - 1);
  const out: FigureMove[] = [
    {
      figure: 'tension',
      who: null,
      label: 'Tension',
      from: prev?.tension ?? null,
      to: row.tension,
      causes: causesOf(view.changes, round, 'tension', null),
    },
  ];
  const parties = seat ? [seat] : [];
  for (const d of parties) {
    out.push({
      figure: 'support',
      who: d,
      label: `${nameOf(sc, d)}'s domestic support`,
      from: prev?.support[d] ?? null,
      to: row.support[d] ?? 0,
      causes: causesOf(view.changes, round, 'support', d),
    });
    out.push({
      figure: 'trust',
      who: d,
      label: `The others' trust in ${nameOf(sc, d)} (average)`,
      from: prev?.trust[d] ?? null,
      to: row.trust[d] ?? 0,
      causes: causesOf(view.changes, round, 'trust', d, others),
    });
  }
  return out;
}

/**
 * What happened in `round`, as `view` shows it (a seat's view, or the public's with seat null).
 * The round's opening line ("Round 5 begins") and proposals are procedure, folded away.
 */
export function roundSummary(sc: Scenario, view: GameView, round: number, seat: string | null): RoundSummary {
  // A new phase is told in the summary of the round that completed the last one (phaseLine).
  const lines = view.events.filter((e) => e.round === round && e.kind !== 'round' && e.kind !== 'phase').map(lineOf);
  const phase = phaseLine(sc, view, round);
  const outcomes = [...(phase ? [phase] : []), ...lines.filter((l) => l.kind !== 'procedure')];
  outcomes.sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind));
  return { round, outcomes, figures: figureMoves(sc, view, round, seat), procedure: lines.filter((l) => l.kind === 'procedure') };
}

/** A signed number as the summaries print it: "+3", "−2" (a real minus sign). */
export const signed = (n: number): string => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '0');
