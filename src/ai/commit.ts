// The sealed commit: promised steps first, then steps that complete open spans, unilateral moves,
// quiet defection where the doctrine allows it and detection is unlikely, the monitors'
// allocation (IAEA), reprisals where no council exists, and the war trigger of a cornered hawk.
import {
  apAvailable,
  catalog,
  commitMoves,
  dealtObjectives,
  detectionChance,
  monitorOf,
  retaliableIncidents,
  RETALIATION_COST,
  type Allocation,
  type Commit,
  type GameView,
  type Move,
  type Scenario,
} from '../engine/core';
import {
  betrayalsSeen,
  defectedOwn,
  LOW_SUPPORT,
  promisesOf,
  roundsToVerify,
  standingSteps,
  stands,
  trustIn,
  type Betrayal,
} from './facts';
import type { Profile } from './persona';
import { listOf, plural, quoted, roll, streamFor, trackName, who, type Decision, type Rng } from './words';

/** One option of a commit, for the expert's search: the commit and what was said about it. */
export interface CommitPlan {
  commit: Commit;
  said: string[];
  secret: string[];
}

export interface CommitChoices {
  /** Keep every promise that is affordable (no waiting, no holding back). */
  keepAll?: boolean;
  /** Never defect, or as the doctrine decides. */
  defect?: 'never' | 'doctrine';
  /** Spend spare action points on unilateral moves. */
  extras?: boolean;
  /** Allow shows of strength and the war trigger. */
  escalate?: boolean;
  /** The monitors' style: teams where steps wait (default), all on the neediest track and front, or watching for cheats. */
  allocation?: AllocationStyle;
}

export type AllocationStyle = 'demand' | 'focus' | 'watch';

export function planCommit(scenario: Scenario, view: GameView, me: string, p: Profile, choices: CommitChoices = {}): CommitPlan {
  const cat = catalog(scenario);
  const r = streamFor(p, view, 'commit');
  const available = new Set(commitMoves(scenario, view, me));
  let budget = apAvailable(view, me);
  const moves: string[] = [];
  const said: string[] = [];
  const secret: string[] = [];
  const take = (m: Move) => {
    moves.push(m.id);
    budget -= m.cost;
  };
  const betrayals = betrayalsSeen(scenario, view, me, p.memory);

  const escalate = choices.escalate !== false;
  // A careless (novice) delegation sometimes spends its points on moves of its own first.
  const spendFirst = p.slips > 0 && choices.extras !== false && roll(r, p.slips);
  if (spendFirst) unilateral(scenario, view, me, p, r, available, () => budget, take, said, moves, betrayals, escalate);

  // 1. What we promised, most urgent first; among promises due in the same round, those whose
  // monitor takes longest to verify them first (a public act is verified at once, so it can wait
  // for the window's last round; an observed step may need several rounds of checks).
  const promises = promisesOf(scenario, view, me);
  if (p.plansAp) {
    const slow = (m: Move) => roundsToVerify(scenario, view, m);
    promises.sort((a, b) => a.deadline - b.deadline || slow(b.move) - slow(a.move));
  }
  // A delegation that plans and is no hawk keeps its word unless betrayed since it agreed: it does
  // not hold back on a whim nor wait for the restraint to show first.
  const keepsWord = p.plansAp && p.personality !== 'hawk';
  for (const pr of promises) {
    const m = pr.move;
    if (!available.has(m.id) || moves.includes(m.id)) continue;
    if (m.cost > budget) {
      said.push(`We cannot afford ${quoted(scenario, m.id)} this round (package #${pr.pkg.id}).`);
      continue;
    }
    if (!choices.keepAll) {
      const since = pr.pkg.acceptedRound ?? pr.pkg.round;
      // Only a betrayal since we agreed counts here: we accepted knowing the older ones.
      const b = betrayals.find((x) => pr.pkg.parties.includes(x.by) && x.round >= since);
      if (b && p.personality !== 'dove' && roll(r, p.personality === 'hawk' ? 85 : 45)) {
        said.push(`We hold back ${quoted(scenario, m.id)} (package #${pr.pkg.id}): ${who(scenario, b.by)} ${b.what}.`);
        continue;
      }
      const span = cat.spanOfMove.get(m.id);
      const restraintOwner = span ? cat.move.get(span.restraint)?.delegation : undefined;
      const waitable =
        !keepsWord &&
        span !== undefined &&
        restraintOwner !== undefined &&
        restraintOwner !== me &&
        pr.deadline > view.round &&
        !stands(view, span.restraint) &&
        p.personality !== 'dove' &&
        trustIn(view, me, restraintOwner) < (p.personality === 'hawk' ? 70 : 50);
      if (waitable && span) {
        said.push(
          `We wait for ${who(scenario, restraintOwner ?? '')}'s ${quoted(scenario, span.restraint)} to show before our ${quoted(scenario, m.id)}; the window leaves us one more round.`,
        );
        continue;
      }
      const slip = (100 - p.cooperation) / 5 + p.slips / 2;
      if (!keepsWord && roll(r, slip)) {
        const support = view.delegations[me]?.support ?? 50;
        said.push(
          support < 45
            ? `We hold back ${quoted(scenario, m.id)} this round: with support at home at ${support}, we cannot sell it yet.`
            : `We hold back ${quoted(scenario, m.id)} this round: we want to see the others move first.`,
        );
        continue;
      }
    }
    take(m);
    said.push(`We carry out ${quoted(scenario, m.id)} as agreed in package #${pr.pkg.id}.`);
  }

  // 2. Our missing step of a span whose window is running, when the rest stands or is promised.
  for (const span of scenario.interlocks) {
    const rec = view.spans[span.id];
    if (!rec || rec.status !== 'open' || (rec.closesRound ?? 0) < view.round) continue;
    const steps = cat.spanSteps.get(span.id) ?? [];
    const mine = steps.filter((id) => cat.move.get(id)?.delegation === me && !stands(view, id) && !moves.includes(id));
    if (mine.length === 0) continue;
    const othersCovered = steps.every(
      (id) =>
        cat.move.get(id)?.delegation === me ||
        stands(view, id) ||
        view.packages.some((pk) => pk.status === 'accepted' && pk.steps.some((s) => s.move === id)),
    );
    if (!othersCovered || (p.personality === 'hawk' && !roll(r, 40))) continue;
    for (const id of mine) {
      const m = cat.move.get(id);
      if (!m || !available.has(id) || m.cost > budget) continue;
      take(m);
      said.push(`We add ${quoted(scenario, id)} so that “${span.name}” is matched before its window closes.`);
    }
  }

  // 3. Unilateral moves with what is left.
  if (choices.extras !== false && !spendFirst)
    unilateral(scenario, view, me, p, r, available, () => budget, take, said, moves, betrayals, escalate);

  // 4. The war trigger, for a cornered hawk.
  const war = [...available].map((id) => cat.move.get(id)).find((m) => m?.tags.includes('war-trigger'));
  if (war && escalate && war.cost <= budget && view.tension >= p.strikeAt) {
    const nuclearBreach = betrayals.find(
      (b) => cat.move.get(view.violations.find((v) => v.delegation === b.by)?.move ?? '')?.track === war.track,
    );
    const escalated = standingSteps(view).find((st) => st.delegation !== me && (cat.move.get(st.move)?.effects.tension ?? 0) >= 10);
    const cause = nuclearBreach
      ? `${who(scenario, nuclearBreach.by)} ${nuclearBreach.what}`
      : escalated
        ? `${who(scenario, escalated.delegation)} went ahead with ${quoted(scenario, escalated.move)}`
        : null;
    // Only a hawk strikes on tension alone; others need a nuclear reason.
    if (cause || (p.personality === 'hawk' && view.tension >= p.strikeAt + 8)) {
      take(war);
      said.push(
        `We take ${quoted(scenario, war.id)}: tension stands at ${view.tension}${cause ? ` and ${cause}` : ''}; we will not wait until it is too late.`,
      );
    }
  }

  // 5. Quiet defection: never announced.
  const defect: string[] = [];
  const d = choices.defect ?? 'doctrine';
  if (d !== 'never') {
    const options = defectionOptions(scenario, view, me, p);
    const best = options[0];
    if (best && best.detection <= p.risk && roll(r, p.risk / 3)) {
      defect.push(best.move.id);
      secret.push(
        `Quietly, we stop ${quoted(scenario, best.move.id)} while it still counts in public: the monitors have about a ${best.detection}% chance a round of noticing, and it ${best.gain}.`,
      );
    }
  }

  const commit: Commit = { moves, defect };
  if (scenario.monitors.allocator === me) {
    const a = allocate(scenario, view, p, choices.allocation);
    commit.allocation = a.allocation;
    said.push(a.said);
  }
  // A reprisal is an escalation too: a plan without shows of strength strikes nobody back.
  const rep = escalate ? reprisal(scenario, view, me, p, r, budget) : null;
  if (rep) {
    commit.retaliate = rep.retaliate;
    said.push(rep.said);
  }
  return { commit, said, secret };
}

export function commitDecision(plan: CommitPlan, me: string): Decision {
  const reason = plan.said.length
    ? plan.said.join(' ')
    : 'We hold our position this round: nothing we agreed falls due, and no move of ours would help now.';
  const d: Decision = { intent: { type: 'commit.submit', actor: me, commit: plan.commit }, reason };
  if (plan.secret.length) d.secret = plan.secret.join(' ');
  return d;
}

// ---------------------------------------------------------------- quiet defection

export interface DefectionOption {
  move: Move;
  detection: number;
  gain: string;
  value: number;
}

export function defectionOptions(scenario: Scenario, view: GameView, me: string, p: Profile): DefectionOption[] {
  if (p.risk <= 0) return [];
  const cat = catalog(scenario);
  const out: DefectionOption[] = [];
  for (const st of standingSteps(view)) {
    const m = cat.move.get(st.move);
    if (!m || st.delegation !== me || !st.verified || !m.defectable || defectedOwn(view, m.id)) continue;
    const span = cat.spanOfMove.get(m.id);
    // A careful delegation does not endanger the bridge of the phase it is in.
    if (p.weighsDetection && span?.phase === view.phase && p.personality !== 'hawk') continue;
    const detection = p.weighsDetection ? detectionChance(scenario, view, m) : 15;
    const support = m.defection?.support ?? 0;
    const funding = Object.entries(m.defection?.funding ?? {}).filter(
      ([n]) => scenario.proxyNetworks.find((x) => x.id === n)?.patron === me,
    );
    const gains: string[] = [];
    if (support > 0) gains.push(`wins back ${support} points of support at home`);
    for (const [n, v] of funding) gains.push(`keeps ${scenario.proxyNetworks.find((x) => x.id === n)?.name ?? n} funded (+${v})`);
    if (gains.length === 0) continue;
    // Relief already pocketed for this restraint: the temptation the seeds warn about.
    const pocketed =
      span !== undefined &&
      span.restraint === m.id &&
      span.reciprocal.some((x) => cat.move.get(x)?.tags.includes('relief') && stands(view, x));
    if (pocketed) gains.push('the relief it bought is already ours');
    const value = support + funding.reduce((a, [, v]) => a + v / 3, 0) - detection / 5 + (pocketed ? 8 : 0);
    out.push({ move: m, detection, gain: listOf(gains), value });
  }
  return out.sort((a, b) => b.value - a.value);
}

// ---------------------------------------------------------------- unilateral moves

function unilateral(
  scenario: Scenario,
  view: GameView,
  me: string,
  p: Profile,
  r: Rng,
  available: Set<string>,
  budget: () => number,
  take: (m: Move) => void,
  said: string[],
  moves: string[],
  betrayals: Betrayal[],
  escalate: boolean,
) {
  const cat = catalog(scenario);
  const aggrieved = betrayals[0] ?? aggressorSeen(scenario, view, me);
  // A wronged delegation cares less about calm: tit for tat is how it keeps its word credible.
  const calm = (p.personality === 'dove' ? 1.5 : p.personality === 'hawk' ? 0.3 : 1) * (aggrieved ? 0.5 : 1);
  const unverified = (track: string) =>
    standingSteps(view).filter((st) => !st.verified && cat.move.get(st.move)?.track === track).length +
    view.packages
      .filter((pk) => pk.status === 'accepted')
      .flatMap((pk) => pk.steps)
      .filter((s) => {
        const m = cat.move.get(s.move);
        return m?.track === track && !monitorOf(m).verifiedAtOnce;
      }).length;
  const scored: Array<{ m: Move; value: number; why: string }> = [];
  for (const id of available) {
    const m = cat.move.get(id);
    if (!m || moves.includes(id) || cat.spanOfMove.has(id) || m.tags.includes('war-trigger')) continue;
    const e = m.effects;
    const tension = (e.tension ?? 0) + Object.values(e.fronts ?? {}).reduce((a, v) => a + v, 0) / 3;
    const ownFunding = Object.entries(e.funding ?? {}).reduce(
      (a, [n, v]) => a + (scenario.proxyNetworks.find((x) => x.id === n)?.patron === me ? v : -v),
      0,
    );
    // How much domestic support counts: a novice forgets it, an expert guards it.
    const supportWeight = p.difficulty === 'novice' ? 0 : p.difficulty === 'expert' ? 1 : 0.4;
    let value = -tension * calm * 0.6 + (e.support?.[me] ?? 0) * supportWeight + (e.trust ?? 0) * 0.25;
    let why = `We also take ${quoted(scenario, id)}.`;
    for (const [track, bonus] of Object.entries(e.verification ?? {})) {
      const waiting = unverified(track);
      value += (bonus / 10) * (0.5 + waiting);
      if (waiting)
        why = `We add ${quoted(scenario, id)} so the monitors can verify the ${trackName(scenario, track)} steps that are waiting.`;
    }
    if (e.attribution) {
      value += (e.attribution / 15) * (view.council.founded ? 1.5 : 0.5);
      why = `We add ${quoted(scenario, id)} so joint inquiries can name who is behind the attacks.`;
    }
    if (e.patrols) {
      value += Object.values(e.patrols).reduce((a, v) => a + v, 0) * 0.8 * calm;
      why = `We add ${quoted(scenario, id)}: patrols make attacks on shipping harder.`;
    }
    if (e.escrow) {
      const needed = view.escrow.balance < scenario.escrow.tranche * 2 && view.phase !== 'ceasefire';
      value += needed ? e.escrow / 12 : 0;
      if (needed) why = `We pledge to the escrow fund (${quoted(scenario, id)}) so verified benchmarks can be paid.`;
    }
    if (m.tags.includes('stop-loss')) {
      const low = (view.delegations[me]?.support ?? 50) < LOW_SUPPORT;
      value += low ? 3 : -1;
      why = `We adopt ${quoted(scenario, id)}: with support at home at ${view.delegations[me]?.support}, one shock must not unwind what we built.`;
    }
    const provocative = tension > 0 || ownFunding > 0 || (e.trust ?? 0) < 0;
    if (p.weighsObjectives) value -= againstObjectives(scenario, view, me, m);
    if (provocative && !escalate) continue;
    if (provocative) {
      // Shows of strength: a hawk's habit, anyone's temptation when wronged.
      const desire = (aggrieved ? p.escalation / 6 : p.escalation / 22) + ownFunding / 10;
      value += desire;
      why = aggrieved
        ? `We go ahead with ${quoted(scenario, id)}: ${aggrieved.by === 'incident' ? aggrieved.what : `${who(scenario, aggrieved.by)} ${aggrieved.what}`}, and we show we can still raise the cost.`
        : `We go ahead with ${quoted(scenario, id)}: we negotiate from strength.`;
    } else if (tension < 0 && why.startsWith('We also')) {
      why = `We also take ${quoted(scenario, id)} to bring tension down (now ${view.tension}).`;
    }
    value += p.slips ? (roll(r, 50) ? 1 : -1) : 0;
    scored.push({ m, value: value - m.cost * 0.9, why });
  }
  scored.sort((a, b) => b.value - a.value);
  for (const s of scored) {
    if (s.value <= 0 || s.m.cost > budget()) continue;
    if (!roll(r, 70)) continue;
    take(s.m);
    said.push(s.why);
  }
}

/**
 * Points of our own secret objectives that a move works against (it heats a front or the region
 * we want calm, or funds a network we want weak): a delegation that weighs its objectives does
 * not spend its points against them.
 */
function againstObjectives(scenario: Scenario, view: GameView, me: string, m: Move): number {
  const e = m.effects;
  let against = 0;
  for (const o of dealtObjectives(scenario, view, me)) {
    const c = o.condition;
    const hurts =
      (c.type === 'frontTensionAtMost' && (e.fronts?.[c.front] ?? 0) > 0) ||
      (c.type === 'tensionAtMost' && ((e.tension ?? 0) > 0 || Object.values(e.fronts ?? {}).some((v) => v > 0))) ||
      (c.type === 'fundingAtMost' && (e.funding?.[c.network] ?? 0) > 0) ||
      (c.type === 'fundingAtLeast' && (e.funding?.[c.network] ?? 0) < 0);
    if (hurts) against += o.points / 2;
  }
  return against;
}

/** An incident against us: a grievance even without a broken promise. */
function aggressorSeen(scenario: Scenario, view: GameView, me: string): Betrayal | null {
  const inc = view.incidents.find(
    (i) => i.round >= view.round - 1 && !i.cancelled && i.severity >= 2 && catalog(scenario).front.get(i.front)?.exposed.includes(me),
  );
  if (!inc) return null;
  return {
    by: 'incident',
    round: inc.round,
    what: `incident #${inc.id} struck us on the ${catalog(scenario).front.get(inc.front)?.name ?? inc.front} front`,
  };
}

// ---------------------------------------------------------------- the monitors

export function allocate(
  scenario: Scenario,
  view: GameView,
  p: Profile,
  style: AllocationStyle = 'demand',
): { allocation: Allocation; said: string } {
  const cat = catalog(scenario);
  const mon = scenario.monitors;
  const inspections: Record<string, number> = {};
  const observers: Record<string, number> = {};
  if (p.difficulty === 'novice') {
    // Spread evenly: every track and front gets its turn, needed or not.
    scenario.tracks.forEach((t, i) => i < mon.inspectionTeams && (inspections[t.id] = 0));
    for (let i = 0; i < mon.inspectionTeams; i++) {
      const t = scenario.tracks[i % scenario.tracks.length]?.id ?? 'nuclear';
      inspections[t] = (inspections[t] ?? 0) + 1;
    }
    for (let i = 0; i < mon.observerTeams; i++) {
      const f = scenario.fronts[(view.round + i) % scenario.fronts.length]?.id ?? '';
      observers[f] = (observers[f] ?? 0) + 1;
    }
    return { allocation: { inspections, observers }, said: 'We spread our inspectors and observers evenly across the tracks and fronts.' };
  }
  const trackDemand: Record<string, number> = {};
  const frontDemand: Record<string, number> = {};
  const waitingNames: Record<string, string[]> = {};
  const addDemand = (m: Move, w: number) => {
    if (m.verifiedBy === 'iaea') trackDemand[m.track] = (trackDemand[m.track] ?? 0) + w;
    else if (m.verifiedBy === 'observers' && m.front) frontDemand[m.front] = (frontDemand[m.front] ?? 0) + w;
    else return;
    const key = m.verifiedBy === 'iaea' ? m.track : (m.front as string);
    (waitingNames[key] ??= []).push(quoted(scenario, m.id));
  };
  for (const st of standingSteps(view)) {
    const m = cat.move.get(st.move);
    if (!m) continue;
    if (!st.verified) addDemand(m, 2 + (cat.spanOfMove.get(m.id)?.phase === view.phase ? 1 : 0));
    else if (m.defectable && m.front)
      frontDemand[m.front] = (frontDemand[m.front] ?? 0) + (style === 'watch' ? 2.5 : p.personality === 'hawk' ? 1 : 0.4);
  }
  for (const pk of view.packages) {
    if (pk.status !== 'accepted') continue;
    for (const s of pk.steps) {
      const m = cat.move.get(s.move);
      if (m && !stands(view, m.id)) addDemand(m, 1.5);
    }
  }
  if (view.council.founded) for (const [id, f] of Object.entries(view.fronts)) frontDemand[id] = (frontDemand[id] ?? 0) + f.tension / 120;
  const spread = (demand: Record<string, number>, teams: number, fallback: string[]) => {
    const out: Record<string, number> = {};
    const keys = Object.keys(demand).filter((k) => (demand[k] ?? 0) > 0);
    if (keys.length === 0) keys.push(...fallback);
    const left = { ...demand };
    for (let i = 0; i < teams; i++) {
      // Each team goes where the remaining demand is highest; a team halves what it answers.
      const best = keys.reduce((a, k) => ((left[k] ?? 0.1) > (left[a] ?? 0.1) ? k : a), keys[0] as string);
      out[best] = (out[best] ?? 0) + 1;
      left[best] = style === 'focus' ? (left[best] ?? 0.1) : (left[best] ?? 0.1) / 2;
    }
    return out;
  };
  Object.assign(inspections, spread(trackDemand, mon.inspectionTeams, ['nuclear']));
  const byTension = Object.entries(view.fronts)
    .sort((a, b) => b[1].tension - a[1].tension)
    .map(([id]) => id);
  Object.assign(observers, spread(frontDemand, mon.observerTeams, byTension.slice(0, 2)));
  const waitingFor = (key: string) =>
    waitingNames[key]?.length
      ? `, where ${listOf([...new Set(waitingNames[key])].slice(0, 2))} ${waitingNames[key]?.length === 1 ? 'waits' : 'wait'} for verification`
      : '';
  const inspWords = Object.entries(inspections).map(
    ([t, n]) => `${plural(n, 'inspection team')} to the ${trackName(scenario, t)} track${waitingFor(t)}`,
  );
  const obsWords = Object.entries(observers).map(
    ([f, n]) => `${plural(n, 'observer team')} to ${cat.front.get(f)?.name ?? f}${waitingFor(f)}`,
  );
  const anyWaiting = Object.keys(waitingNames).length > 0;
  return {
    allocation: { inspections, observers },
    said: `We send ${listOf([...inspWords, ...obsWords])}${anyWaiting ? '' : ': nothing waits for verification, so the teams watch the tensest fronts'}.`,
  };
}

// ---------------------------------------------------------------- reprisals

function reprisal(scenario: Scenario, view: GameView, me: string, p: Profile, r: Rng, budget: number) {
  if (p.reprisal <= 0) return null;
  const cat = catalog(scenario);
  const inc = retaliableIncidents(scenario, view, me).find((i) => i.severity >= 2);
  if (!inc || budget < RETALIATION_COST || !roll(r, (p.reprisal * inc.severity) / 3)) return null;
  const named = inc.attribution?.named;
  const against =
    named && cat.delegation.has(named) && named !== me ? named : scenario.proxyNetworks.find((n) => n.id === inc.network)?.patron;
  if (!against || against === me) return null;
  return {
    retaliate: { incident: inc.id, against },
    said: `We strike back at ${who(scenario, against)} for incident #${inc.id} on the ${cat.front.get(inc.front)?.name ?? inc.front} front: without a council, nobody else will answer it.`,
  };
}
