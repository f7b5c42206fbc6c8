// The mechanics report of a batch of finished games: how often each mechanic of the rules showed
// in play. Everything is read off the final game states (their event records, history rows and
// figures), never off counters an AI keeps, so a figure means what the engine did.
import { catalog, endingOf, objectivesOf, type GameState, type Outcome, type Scenario } from '../engine';

export interface MechanicsReport {
  /** Games by the round the council was founded in ("never" when it was not). */
  councilFoundedRound: Record<string, number>;
  /** Games with at least one: reprisal, misdirected reprisal, snapback, sequenced trigger. */
  reprisals: number;
  misattributedReprisals: number;
  snapbacks: number;
  sequencedTriggers: number;
  /** Games with at least one dispute filed, and with at least one binding ruling given by the panel (§6.6). */
  disputes: number;
  bindingRulings: number;
  /** Disputes over all games, by how they ended: conceded, struck or upheld by a ruling, then complied or enforced; still open. */
  disputeOutcomes: { filed: number; conceded: number; struck: number; upheld: number; complied: number; enforced: number; open: number };
  /** Escrow tranches paid, over all games. */
  escrowTranches: number;
  /** The share of newly secured spans that found the escrow fund empty (0–1). */
  escrowEmptyAtSecured: number;
  /** Games by the highest rung of the incentive ladder reached. */
  ladderTopRung: Record<string, number>;
  /** Per objective, the share of the games that dealt it in which it was met (0–1). */
  objectiveMetRate: Record<string, number>;
  /** Per ending, the mean number of incidents in each round (over the games that played that round). */
  incidentsByRound: Record<Outcome, Array<number | null>>;
  /** Unravelings by cause. */
  unravelingCauses: Record<string, number>;
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** Why a game unraveled (engine: endingOf): the war trigger, or what drove tension to 100; "facilitator" when the White Cell ended it so. */
export function unravelingCause(scenario: Scenario, s: GameState): string {
  if (s.outcome !== 'unraveling') return 'none';
  const e = endingOf(scenario, s);
  if (e?.by === 'war-trigger') return `war trigger: ${e.move ?? e.trigger}`;
  if (e?.by === 'tension') return e.cause;
  return 'facilitator';
}

/** Accumulates finished games one by one; `report()` gives the figures. */
export class MechanicsTally {
  private games = 0;
  private founded: Record<string, number> = {};
  private reprisals = 0;
  private misattributed = 0;
  private snapbacks = 0;
  private triggers = 0;
  private disputes = 0;
  private rulings = 0;
  private disputeOutcomes = { filed: 0, conceded: 0, struck: 0, upheld: 0, complied: 0, enforced: 0, open: 0 };
  private tranches = 0;
  private emptyAtSecured = 0;
  private securedSpans = 0;
  private topRung: Record<string, number> = {};
  private dealt: Record<string, number> = {};
  private met: Record<string, number> = {};
  private incidents: Record<Outcome, { sum: number[]; n: number[] }> = {
    consolidation: { sum: [], n: [] },
    drift: { sum: [], n: [] },
    unraveling: { sum: [], n: [] },
  };
  private causes: Record<string, number> = {};

  constructor(private readonly scenario: Scenario) {}

  add(s: GameState) {
    if (s.outcome === null) throw new Error('the mechanics report reads finished games only');
    this.games += 1;
    const key = s.council.founded && s.council.round !== null ? String(s.council.round) : 'never';
    this.founded[key] = (this.founded[key] ?? 0) + 1;
    const kinds = new Map<string, number>();
    let rung = 0;
    let top = 0;
    for (const e of s.events) {
      kinds.set(e.kind, (kinds.get(e.kind) ?? 0) + 1);
      if (e.kind === 'ladder.climb') top = Math.max(top, ++rung);
      else if (e.kind === 'ladder.drop') rung -= 1;
    }
    const has = (k: string) => (kinds.get(k) ?? 0) > 0;
    if (has('retaliation')) this.reprisals += 1;
    if (has('misdirected')) this.misattributed += 1;
    if (has('snapback')) this.snapbacks += 1;
    if (has('triggered')) this.triggers += 1;
    if (has('dispute.filed')) this.disputes += 1;
    if (has('dispute.ruling')) this.rulings += 1;
    for (const x of s.disputes ?? []) {
      const o = this.disputeOutcomes;
      o.filed += 1;
      if (x.answer?.concede) o.conceded += 1;
      else if (x.stage === 'struck') o.struck += 1;
      else if (x.stage === 'filed' || x.stage === 'fact-finding') o.open += 1;
      else {
        o.upheld += 1;
        if (x.stage === 'complied') o.complied += 1;
        if (x.stage === 'enforced') o.enforced += 1;
      }
    }
    const paid = kinds.get('escrow.paid') ?? 0;
    const empty = kinds.get('escrow.empty') ?? 0;
    this.tranches += paid;
    this.emptyAtSecured += empty;
    this.securedSpans += paid + empty;
    this.topRung[String(top)] = (this.topRung[String(top)] ?? 0) + 1;
    for (const d of catalog(this.scenario).delegationIds) {
      for (const o of objectivesOf(this.scenario, s, d)) {
        this.dealt[o.id] = (this.dealt[o.id] ?? 0) + 1;
        if (o.met) this.met[o.id] = (this.met[o.id] ?? 0) + 1;
      }
    }
    const acc = this.incidents[s.outcome];
    for (const row of s.history) {
      const i = row.round - 1;
      acc.sum[i] = (acc.sum[i] ?? 0) + row.incidents;
      acc.n[i] = (acc.n[i] ?? 0) + 1;
    }
    if (s.outcome === 'unraveling') {
      const cause = unravelingCause(this.scenario, s);
      this.causes[cause] = (this.causes[cause] ?? 0) + 1;
    }
  }

  report(): MechanicsReport {
    const rounds = this.scenario.tunables.roundLimit;
    const byRound = (o: Outcome) =>
      Array.from({ length: rounds }, (_, i) => {
        const n = this.incidents[o].n[i] ?? 0;
        return n ? round3((this.incidents[o].sum[i] ?? 0) / n) : null;
      });
    return {
      councilFoundedRound: sortedKeys(this.founded),
      reprisals: this.reprisals,
      misattributedReprisals: this.misattributed,
      snapbacks: this.snapbacks,
      sequencedTriggers: this.triggers,
      disputes: this.disputes,
      bindingRulings: this.rulings,
      disputeOutcomes: { ...this.disputeOutcomes },
      escrowTranches: this.tranches,
      escrowEmptyAtSecured: this.securedSpans ? round3(this.emptyAtSecured / this.securedSpans) : 0,
      ladderTopRung: sortedKeys(this.topRung),
      objectiveMetRate: Object.fromEntries(Object.keys(this.dealt).map((id) => [id, round3((this.met[id] ?? 0) / (this.dealt[id] ?? 1))])),
      incidentsByRound: { consolidation: byRound('consolidation'), drift: byRound('drift'), unraveling: byRound('unraveling') },
      unravelingCauses: this.causes,
    };
  }
}

/** Numeric keys in order, "never" last. */
function sortedKeys(rec: Record<string, number>): Record<string, number> {
  const keys = Object.keys(rec).sort((a, b) => (a === 'never' ? 1 : b === 'never' ? -1 : Number(a) - Number(b)));
  return Object.fromEntries(keys.map((k) => [k, rec[k] as number]));
}
