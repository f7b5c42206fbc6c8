// A baseline AI delegation: enough to play whole games headless, deciding only from its own
// delegation's view. Its randomness is its own seeded stream, never the game's generator.
import {
  apAvailable,
  catalog,
  checkIntent,
  commitMoves,
  deriveSeed,
  isDefected,
  nextFloat,
  type Commit,
  type GameView,
  type Intent,
  type Package,
  type Scenario,
} from '../engine/core';

export interface Temperament {
  /** 0–100: how readily it accepts packages and carries out what it agreed. */
  cooperation: number;
  /** 0–100: how tempted it is to quietly defect once a step is verified. */
  cheating: number;
}

export const DEFAULT_TEMPERAMENT: Temperament = { cooperation: 70, cheating: 4 };

export interface Decision {
  intent: Intent;
  reason: string;
}

type Rng = { rng: number };
const streamFor = (view: GameView, me: string, label: string): Rng => ({
  rng: deriveSeed(view.seed, me, view.round, label, view.packages.length, view.incidents.length),
});
const roll = (r: Rng, percent: number) => nextFloat(r) * 100 < percent;

const avgTrust = (view: GameView, me: string, others: readonly string[]) => {
  const row = view.trust[me] ?? {};
  const list = others.filter((o) => o !== me);
  return list.length ? list.reduce((a, o) => a + (row[o] ?? 50), 0) / list.length : 50;
};

/** Negotiation: proposals first, then answers, then council business, then ready. */
export function negotiate(scenario: Scenario, view: GameView, me: string, t: Temperament, pass: number): Decision[] {
  const out: Decision[] = [];
  const legal = (intent: Intent) => checkIntent(scenario, view, intent) === null;
  const r = streamFor(view, me, `negotiate${pass}`);
  if (pass === 0) return proposals(scenario, view, me, r).filter((d) => legal(d.intent));
  if (pass === 1) {
    for (const pkg of view.packages) {
      if (pkg.status !== 'proposed' || !pkg.parties.includes(me) || pkg.accepted.includes(me)) continue;
      out.push(answer(scenario, view, me, t, pkg, r));
    }
    return out.filter((d) => legal(d.intent));
  }
  if (pass === 2 && view.council.founded && view.council.members.includes(me)) {
    out.push(...councilBusiness(scenario, view, me, r).filter((d) => legal(d.intent)));
  }
  return [...out, { intent: { type: 'negotiation.ready', actor: me }, reason: 'Ready to commit.' }];
}

function councilBusiness(scenario: Scenario, view: GameView, me: string, r: Rng): Decision[] {
  const out: Decision[] = [];
  {
    for (const inc of view.incidents) {
      const named = inc.attribution?.named;
      if (!named || named === me || named === 'spoiler' || inc.round !== view.round - 1) continue;
      const pen = scenario.council.penalties.find((p) => p.severity >= inc.severity) ?? scenario.council.penalties[0];
      if (pen && roll(r, 50))
        out.push({ intent: { type: 'council.penalize', actor: me, incident: inc.id, penalty: pen.id }, reason: `Incident #${inc.id} was attributed; it should carry a cost.` });
    }
    for (const m of view.council.motions) {
      if (m.status !== 'open' || me in m.votes) continue;
      const yes = m.target !== me && (view.trust[me]?.[m.target] ?? 50) < 65;
      out.push({
        intent: { type: 'council.vote', actor: me, motion: m.id, yes },
        reason: yes ? 'A verified attack needs a visible answer.' : 'We doubt the finding is firm enough.',
      });
    }
  }
  return out;
}

function proposals(scenario: Scenario, view: GameView, me: string, r: Rng): Decision[] {
  const cat = catalog(scenario);
  const out: Decision[] = [];
  if (view.phase === 'ceasefire' || !view.framework.adopted || !view.council.founded) {
    const pledge = (tag: 'framework' | 'council') =>
      scenario.moves.filter((m) => m.tags.includes(tag) && m.phases.includes(view.phase)).map((m) => ({ delegation: m.delegation, move: m.id }));
    if (!view.framework.adopted && view.phase === 'ceasefire' && scenario.framework.requiredDelegations.includes(me) && roll(r, 80))
      out.push({ intent: { type: 'package.propose', actor: me, steps: pledge('framework'), window: 1 }, reason: 'A benchmark calendar gives every side a timetable it can check.' });
    if (!view.council.founded && scenario.council.guarantors.includes(me) && roll(r, 45))
      out.push({ intent: { type: 'package.propose', actor: me, steps: pledge('council'), window: 1 }, reason: 'A standing council can investigate incidents before anyone retaliates.' });
  }
  // Spans of this phase on the tracks the bridge still lacks, most needed first, within what
  // this delegation can afford to carry out.
  const phase = scenario.phases.find((p) => p.id === view.phase);
  const missing = (track: string) =>
    (phase?.requires[track] ?? 0) -
    scenario.interlocks.filter((x) => x.phase === view.phase && x.track === track && view.spans[x.id]?.status === 'secured').length;
  const alreadyOffered = new Set(
    view.packages.filter((p) => p.round === view.round && p.status !== 'rejected').flatMap((p) => p.steps.map((s) => s.move)),
  );
  let budget = apAvailable(view, me);
  const candidates = scenario.interlocks
    .filter((span) => span.phase === view.phase && missing(span.track) > 0)
    .filter((span) => (cat.spanSteps.get(span.id) ?? []).some((id) => cat.move.get(id)?.delegation === me))
    .filter((span) => !alreadyOffered.has(span.restraint))
    .filter((span) => !['open', 'pending', 'secured'].includes(view.spans[span.id]?.status ?? 'idle'))
    .sort((a, b) => missing(b.track) - missing(a.track));
  for (const span of candidates) {
    const myCost = (cat.spanSteps.get(span.id) ?? [])
      .map((id) => cat.move.get(id))
      .reduce((a, m) => a + (m?.delegation === me ? m.cost : 0), 0);
    if (myCost > budget || !roll(r, 85)) continue;
    budget -= myCost;
    const steps = (cat.spanSteps.get(span.id) ?? []).map((id) => ({ delegation: cat.move.get(id)?.delegation ?? '', move: id }));
    out.push({
      intent: { type: 'package.propose', actor: me, steps, window: span.window },
      reason: `We offer "${cat.move.get(span.restraint)?.name}" if the matching steps come in the same window.`,
    });
  }
  return out.slice(0, 4);
}

function answer(scenario: Scenario, view: GameView, me: string, t: Temperament, pkg: Package, r: Rng): Decision {
  const cat = catalog(scenario);
  const mine = pkg.steps.filter((s) => s.delegation === me).map((s) => cat.move.get(s.move));
  const pledgeOnly = mine.every((m) => m?.kind === 'pledge');
  const trust = avgTrust(view, me, pkg.parties);
  const cost = mine.reduce((a, m) => a + (m?.cost ?? 0), 0);
  const chanceToAccept = pledgeOnly ? 55 + t.cooperation / 3 : t.cooperation + (trust - 50) / 2 - 4 * Math.max(0, cost - 1) - (view.tension > 75 ? 10 : 0);
  const accept = roll(r, chanceToAccept);
  if (accept)
    return {
      intent: { type: 'package.accept', actor: me, package: pkg.id },
      reason: pledgeOnly ? 'We endorse it: it costs little and builds the structure.' : 'We accept: our steps are matched and will be verified.',
    };
  const distrusted = pkg.parties.filter((p) => p !== me).sort((a, b) => (view.trust[me]?.[a] ?? 50) - (view.trust[me]?.[b] ?? 50))[0];
  const why =
    trust < 45 && distrusted
      ? `We reject: ${cat.delegation.get(distrusted)?.short ?? distrusted} has not kept its word, so our step would stand alone.`
      : cost > 1
        ? 'We reject: what we give up costs more than the steps that match it.'
        : 'We reject: at home this looks like a concession without a guarantee.';
  return { intent: { type: 'package.reject', actor: me, package: pkg.id, reason: why }, reason: why };
}

/** The sealed commit: promised steps first, then the monitors' allocation, defections, reprisals. */
export function commit(scenario: Scenario, view: GameView, me: string, t: Temperament): Decision {
  const cat = catalog(scenario);
  const r = streamFor(view, me, 'commit');
  const available = new Set(commitMoves(scenario, view, me));
  let budget = apAvailable(view, me);
  const moves: string[] = [];
  const reasons: string[] = [];
  const promised = view.packages
    .filter((p) => p.status === 'accepted')
    .flatMap((p) => p.steps.filter((s) => s.delegation === me && s.after === undefined).map((s) => s.move));
  for (const id of promised) {
    const m = cat.move.get(id);
    if (!m || !available.has(id) || moves.includes(id) || m.cost > budget) continue;
    const keepsWord = roll(r, 60 + t.cooperation / 2 - ((view.delegations[me]?.support ?? 50) < 30 ? 15 : 0));
    if (!keepsWord) {
      reasons.push(`We hold back "${m.name}" this round.`);
      continue;
    }
    moves.push(id);
    budget -= m.cost;
    reasons.push(`We carry out "${m.name}" as agreed.`);
  }
  // A unilateral gesture or posture move with what is left.
  const rest = [...available].filter((id) => !moves.includes(id) && !cat.spanOfMove.has(id));
  for (const id of rest) {
    const m = cat.move.get(id);
    if (!m || m.cost > budget || m.tags.includes('war-trigger')) continue;
    const calming = (m.effects.tension ?? 0) <= 0;
    if (roll(r, calming ? 30 + t.cooperation / 3 : Math.max(0, 25 - t.cooperation / 4))) {
      moves.push(id);
      budget -= m.cost;
      reasons.push(`We also take "${m.name}".`);
    }
  }
  const war = [...available].find((id) => cat.move.get(id)?.tags.includes('war-trigger'));
  if (war && view.tension >= 90 && budget >= (cat.move.get(war)?.cost ?? 9) && roll(r, (100 - t.cooperation) / 3)) {
    moves.push(war);
    reasons.push('Tension is past the point where we can wait.');
  }
  const defect = view.standing
    .filter((st) => st.delegation === me && st.verified && !isDefected(view, st.move) && cat.move.get(st.move)?.defectable)
    .filter(() => roll(r, t.cheating))
    .map((st) => st.move)
    .slice(0, 1);
  const c: Commit = { moves, defect };
  if (scenario.monitors.allocator === me) c.allocation = allocate(scenario, view);
  const retaliation = reprisal(scenario, view, me, t, r, budget);
  if (retaliation) {
    c.retaliate = retaliation;
    reasons.push('We answer the attack ourselves.');
  }
  return { intent: { type: 'commit.submit', actor: me, commit: c }, reason: reasons.join(' ') || 'We wait this round.' };
}

function allocate(scenario: Scenario, view: GameView) {
  const cat = catalog(scenario);
  const waiting = view.standing.filter((st) => !st.verified);
  const inspections: Record<string, number> = {};
  const observers: Record<string, number> = {};
  let teams = scenario.monitors.inspectionTeams;
  const nuclearWaiting = waiting.filter((st) => cat.move.get(st.move)?.verifiedBy === 'iaea').map((st) => cat.move.get(st.move)?.track ?? 'nuclear');
  const tracks = nuclearWaiting.length ? nuclearWaiting : ['nuclear'];
  for (let i = 0; teams > 0; i++, teams--) {
    const tr = tracks[i % tracks.length] as string;
    inspections[tr] = (inspections[tr] ?? 0) + 1;
  }
  const frontsWaiting = waiting.map((st) => cat.move.get(st.move)?.front).filter((f): f is string => f !== undefined);
  const byTension = Object.entries(view.fronts).sort((a, b) => b[1].tension - a[1].tension).map(([id]) => id);
  const targets = [...frontsWaiting, ...byTension];
  for (let i = 0; i < scenario.monitors.observerTeams; i++) {
    const f = targets[i % targets.length] as string;
    observers[f] = (observers[f] ?? 0) + 1;
  }
  return { inspections, observers };
}

function reprisal(scenario: Scenario, view: GameView, me: string, t: Temperament, r: Rng, budget: number) {
  if (budget < 1 || (view.council.founded && view.council.members.includes(me))) return undefined;
  const cat = catalog(scenario);
  const inc = view.incidents.find(
    (i) => i.round >= view.round - 1 && !i.cancelled && i.severity >= 2 && cat.front.get(i.front)?.exposed.includes(me),
  );
  if (!inc || !roll(r, Math.max(0, 45 - t.cooperation / 3))) return undefined;
  const suspect = scenario.proxyNetworks.find((n) => n.id === inc.network)?.patron;
  return suspect && suspect !== me ? { incident: inc.id, against: suspect } : undefined;
}
