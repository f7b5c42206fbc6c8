// The promise ledger: every step offered in a package, and what became of it — agreed or not,
// implemented, verified, matched (its span secured), quietly abandoned, negated, violated.
import type { GameState, Scenario } from '../engine';
import { defectionsCommitted, implementations, stepInForce, stepsInForce, type QuietDefection } from './secrets';
import type { Timeline } from './timeline';

export type EndedHow = 'negated' | 'violated' | 'unwound by a violation' | 'unwound by a domestic shock' | 'reverted';

/** One implementation of a move: from the round it was implemented until it was reverted (if ever). */
export interface StepInstance {
  move: string;
  delegation: string;
  implemented: number;
  verified: number | null;
  /** SECRET: the giver quietly stopped doing it in this round. */
  defected: number | null;
  /** Round its span was secured while it stood. */
  matched: number | null;
  ended: { round: number; how: EndedHow } | null;
}

export interface LedgerRow {
  package: number;
  offered: number;
  proposer: string;
  delegation: string;
  move: string;
  /** The span (interlock) the step belongs to, if any. */
  span: string | null;
  /** A pledge takes effect when its package is agreed; nothing to implement or verify. */
  pledge: boolean;
  /** What the package became: agreed (round), rejected, countered, expired, or still open. */
  answer: 'agreed' | 'rejected' | 'countered' | 'expired' | 'open';
  agreed: number | null;
  /** Fulfilled or broken, once settled. */
  settled: 'fulfilled' | 'broken' | null;
  /** The implementation that delivered this promise, if any. */
  delivery: StepInstance | null;
}

export interface Ledger {
  rows: LedgerRow[];
  instances: StepInstance[];
  /** Implementations that no agreed package asked for (unilateral moves). */
  unilateral: StepInstance[];
}

const key = (move: string, round: number) => `${move}@${round}`;

/** Every step implementation of the game, followed through the round frames. */
export function stepInstances(t: Timeline): StepInstance[] {
  const sc = t.scenario;
  const spanOf = new Map<string, string>();
  for (const x of sc.interlocks) for (const m of [x.restraint, ...x.reciprocal]) spanOf.set(m, x.id);
  const all = new Map<string, StepInstance>();
  const live = new Map<string, StepInstance>(); // by move
  let prev: GameState | null = null;

  const observe = (s: GameState, round: number, defections: readonly QuietDefection[]) => {
    for (const st of stepsInForce(s)) {
      const k = key(st.move, st.round);
      let inst = all.get(k);
      if (!inst) {
        inst = {
          move: st.move,
          delegation: st.delegation,
          implemented: st.round,
          verified: null,
          defected: null,
          matched: null,
          ended: null,
        };
        all.set(k, inst);
      }
      live.set(st.move, inst);
      if (st.verifiedRound !== null) inst.verified = st.verifiedRound;
      const span = spanOf.get(st.move);
      if (inst.matched === null && span && s.spans[span]?.status === 'secured') inst.matched = s.spans[span]?.securedRound ?? round;
    }
    for (const d of defections) {
      const inst = live.get(d.move);
      if (inst && inst.defected === null) inst.defected = d.round;
    }
    // Steps gone since the previous state, and steps implemented and reverted within the round.
    for (const [move, inst] of live) {
      if (stepInForce(s, move)?.round === inst.implemented) continue;
      inst.ended = { round, how: endedHow(sc, prev, s, move, round, spanOf) };
      live.delete(move);
    }
    for (const { move, round: r } of implementations(s)) {
      if (r !== round || all.has(key(move, r))) continue;
      const m = sc.moves.find((x) => x.id === move);
      if (!m) continue;
      const inst: StepInstance = {
        move,
        delegation: m.delegation,
        implemented: r,
        verified: null,
        defected: null,
        matched: null,
        ended: { round, how: endedHow(sc, prev, s, move, round, spanOf) },
      };
      all.set(key(move, r), inst);
    }
    prev = s;
  };
  for (const f of t.frames) {
    observe(f.start, f.round, []);
    observe(f.end, f.round, f.resolved ? defectionsCommitted(f.end) : []);
  }
  return [...all.values()].sort((a, b) => a.implemented - b.implemented || a.move.localeCompare(b.move));
}

function endedHow(sc: Scenario, prev: GameState | null, s: GameState, move: string, round: number, spanOf: Map<string, string>): EndedHow {
  if (s.violations.some((v) => v.move === move && v.round === round)) return 'violated';
  const span = spanOf.get(move);
  if (!span) return 'reverted';
  if (s.violations.some((v) => v.span === span && v.round === round)) return 'unwound by a violation';
  const before = prev?.spans[span];
  const now = s.spans[span];
  if (now && now.negatedCount > (before?.negatedCount ?? 0))
    return before?.status === 'secured' ? 'unwound by a domestic shock' : 'negated';
  void sc;
  return 'reverted';
}

export function buildLedger(t: Timeline): Ledger {
  const sc = t.scenario;
  const instances = stepInstances(t);
  const spanOf = new Map<string, string>();
  for (const x of sc.interlocks) for (const m of [x.restraint, ...x.reciprocal]) spanOf.set(m, x.id);
  const used = new Set<StepInstance>();
  const rows: LedgerRow[] = [];
  for (const p of t.final.packages) {
    const agreed = p.acceptedRound;
    const answer: LedgerRow['answer'] =
      agreed !== null
        ? 'agreed'
        : p.status === 'proposed'
          ? 'open'
          : p.status === 'rejected'
            ? 'rejected'
            : p.status === 'countered'
              ? 'countered'
              : 'expired';
    for (const step of p.steps) {
      const delivery =
        agreed === null ? null : (instances.find((i) => i.move === step.move && i.implemented >= agreed && !used.has(i)) ?? null);
      if (delivery) used.add(delivery);
      rows.push({
        package: p.id,
        offered: p.round,
        proposer: p.proposer,
        delegation: step.delegation,
        move: step.move,
        span: spanOf.get(step.move) ?? null,
        pledge: sc.moves.find((m) => m.id === step.move)?.kind === 'pledge',
        answer,
        agreed,
        settled: p.status === 'fulfilled' || p.status === 'broken' ? p.status : null,
        delivery,
      });
    }
  }
  const unilateral = instances.filter((i) => !used.has(i) && sc.moves.find((m) => m.id === i.move)?.kind === 'step');
  return { rows, instances, unilateral };
}

/** The ledger's verdict on one promise, in words. */
export function promiseVerdict(row: LedgerRow): string {
  if (row.answer !== 'agreed') return `not agreed (${row.answer})`;
  const d = row.delivery;
  if (row.pledge)
    return d?.ended
      ? `pledge in force from round ${d.implemented}, ${d.ended.how} in round ${d.ended.round}`
      : `pledge in force from round ${row.agreed}`;
  if (!d) return row.settled === 'broken' ? 'never implemented — promise broken' : 'not implemented yet';
  if (d.ended) return `${d.ended.how} in round ${d.ended.round}`;
  if (d.matched !== null) return `matched — span secured in round ${d.matched}`;
  if (d.verified !== null) return `verified in round ${d.verified}`;
  return `implemented in round ${d.implemented}`;
}
