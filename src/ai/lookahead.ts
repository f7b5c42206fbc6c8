// Expert play by lookahead: a few candidate commits, each tried in sampled futures. A future starts
// from a state consistent with the expert's own view (determinization: the hidden parts — the
// seed and generator, proxy funding, true sponsors, others' quiet defections and sealed commits — are
// sampled from its own seeded stream), and the engine plays it out with standard delegations.
// The budget is a number of simulated rounds, never time, so a replay decides the same.
import {
  catalog,
  continueSeed,
  deriveSeed,
  nextFloat,
  objectivesOf,
  OUTCOME_POINTS,
  type GameState,
  type GameView,
  type Incident,
  type Scenario,
} from '../engine/core';
import { commitDecision, planCommit, type CommitPlan } from './commit';
import { betrayalsSeen, defectionsOf, withDefections } from './facts';
import { negotiationStage } from './negotiate';
import { councilBusiness } from './council';
import { profileOf, type Persona, type Profile } from './persona';
import { playRounds, SimTable } from './play';
import { playSeats, type Decider } from './scheduler';
import { plural, type Decision, type Rng } from './words';

/** Rounds each sampled future runs: this one, and the next. */
export const LOOKAHEAD_DEPTH = 2;

/** The hidden state, sampled: a full game state that agrees with everything `me` can see. */
export function determinize(scenario: Scenario, view: GameView, me: string, r: Rng): GameState {
  const s = { ...view } as GameState & { viewer?: unknown };
  delete s.viewer;
  s.rng = deriveSeed(r.rng, 'world');
  // The seed is sampled too: the world's rolls (keyed by it) and the other seats' streams.
  s.seed = deriveSeed(r.rng, 'seats');
  nextFloat(r);
  const cat = catalog(scenario);
  // Proxy funding: where it started, less the cuts of the penalties the council voted, give or take.
  s.funding = {};
  for (const n of scenario.proxyNetworks) {
    let f = n.startFunding;
    for (const m of view.council.motions) {
      if (m.status === 'passed' && (m.target === n.patron || m.target === 'independent'))
        f -= scenario.council.penalties.find((x) => x.id === m.penalty)?.fundingCut ?? 0;
    }
    s.funding[n.id] = Math.max(0, Math.min(100, Math.round(f + (nextFloat(r) - 0.5) * 16)));
  }
  // True sponsors: the patron, or the network alone, by the network's autonomy.
  s.incidents = view.incidents.map((i): Incident => {
    if (i.sponsor !== 'hidden') return i;
    const net = scenario.proxyNetworks.find((n) => n.id === i.network);
    const sponsor = !net ? 'spoiler' : nextFloat(r) * 100 < net.autonomy ? 'independent' : net.patron;
    return { ...i, sponsor };
  });
  // Others' quiet defections: more likely from those who broke their word lately.
  const suspects = new Set(betrayalsSeen(scenario, view, me, 4).map((b) => b.by));
  s.quietDefections = withDefections(
    view,
    me,
    (st) => cat.move.get(st.move)?.defectable === true && nextFloat(r) < (suspects.has(st.delegation) ? 0.15 : 0.04),
  );
  // Sealed commits of the others are unknown: in the sampled world they are still to be made.
  s.delegations = { ...view.delegations };
  for (const [d, del] of Object.entries(view.delegations)) {
    if (d !== me && del.committed && del.commit === null) s.delegations[d] = { ...del, committed: false };
  }
  return s;
}

/** What a state is worth to `me`: its score if the game ended, else an estimate of it. */
export function worthTo(scenario: Scenario, s: GameState, me: string): number {
  // The score counts a tenth of support, rounded down; unrounded it still tells plans apart.
  const support = (s.delegations[me]?.support ?? 0) / 10;
  const met = objectivesOf(scenario, s, me).reduce((a, o) => a + (o.met ? o.points : 0), 0);
  if (s.outcome) return OUTCOME_POINTS[s.outcome] + met + support;
  // A quiet defection still undetected at the horizon will most likely be caught later: a
  // verified violation unsecures its span, costs trust and tension. Counted as a likely loss.
  const exposure = defectionsOf(s, me) * DEFECTION_EXPOSURE;
  const phaseIndex = { ceasefire: 0, A: 1, B: 2, C: 3 }[s.phase];
  const spec = scenario.phases.find((p) => p.id === s.phase);
  const tracksDone = spec
    ? Object.entries(spec.requires).filter(
        ([t, n]) =>
          scenario.interlocks.filter((x) => x.phase === s.phase && x.track === t && s.spans[x.id]?.status === 'secured').length >= n,
      ).length / Math.max(1, Object.keys(spec.requires).length)
    : 0;
  const progress = Math.min(1, (phaseIndex + tracksDone) / 4);
  const roundsLeft = Math.max(0, scenario.tunables.roundLimit - s.round) / scenario.tunables.roundLimit;
  const consolidation = Math.min(0.95, progress * (0.6 + 0.4 * roundsLeft) + progress * progress * 0.3);
  const unraveling = Math.max(0, (s.tension - 55) / 45) ** 2;
  const expected = OUTCOME_POINTS.consolidation * consolidation + OUTCOME_POINTS.drift * Math.max(0, 1 - consolidation - unraveling);
  return expected + met + support - exposure;
}

/** Tunable: points an undetected quiet defection is expected to cost after the search horizon. */
export const DEFECTION_EXPOSURE = 6;

/** How the expert expects everyone to play in its sampled futures: by doctrine, as pragmatists. */
function modelOf(scenario: Scenario, me: string, persona: Persona): Decider {
  const profiles = new Map<string, Profile>();
  const profile = (d: string, stream: number) => {
    let p = profiles.get(d);
    if (!p) {
      p = profileOf(scenario, d, d === me ? { ...persona, difficulty: 'standard' } : { personality: 'pragmatist', difficulty: 'standard' });
      profiles.set(d, p);
    }
    return p.stream === stream ? p : { ...p, stream };
  };
  return (view, d, stage, stream) => {
    const p = profile(d, stream);
    if (stage === 'propose' || stage === 'answer') return negotiationStage(scenario, view, d, p, stage);
    if (stage === 'close') return councilBusiness(scenario, view, d, p);
    return [commitDecision(planCommit(scenario, view, d, p), d)];
  };
}

/** The candidate commits the expert weighs. */
function candidates(scenario: Scenario, view: GameView, me: string, p: Profile): CommitPlan[] {
  const plans = [
    planCommit(scenario, view, me, p),
    planCommit(scenario, view, me, p, { keepAll: true, defect: 'never' }),
    planCommit(scenario, view, me, p, { keepAll: true, defect: 'never', extras: false, escalate: false }),
    planCommit(scenario, view, me, p, { keepAll: true, defect: 'never', escalate: false }),
  ];
  // No candidate forces a quiet defection the doctrine would not make: two rounds of sampled
  // future seldom reach the round it is caught in, so the search overrated it (README, Balance).
  if (scenario.monitors.allocator === me) {
    // The monitors' real choice is where the teams go.
    plans.push(planCommit(scenario, view, me, p, { keepAll: true, defect: 'never', allocation: 'focus' }));
    plans.push(planCommit(scenario, view, me, p, { keepAll: true, defect: 'never', allocation: 'watch' }));
  }
  const seen = new Set<string>();
  return plans.filter((x) => {
    const key = JSON.stringify(x.commit);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function expertCommit(scenario: Scenario, view: GameView, me: string, persona: Persona, budget: number, stream: number): Decision {
  const p = profileOf(scenario, me, persona, stream);
  const plans = candidates(scenario, view, me, p);
  const first = plans[0] as CommitPlan;
  if (plans.length === 1 || view.step !== 'commit') return commitDecision(first, me);
  const model = modelOf(scenario, me, persona);
  const totals = plans.map(() => 0);
  let used = 0;
  let samples = 0;
  const r: Rng = { rng: continueSeed(stream, view.round, 'lookahead') };
  while (used + plans.length * LOOKAHEAD_DEPTH <= budget) {
    const sampleSeed = deriveSeed(r.rng, samples);
    plans.forEach((plan, i) => {
      // The same sampled world for every candidate (common random numbers): only the choice differs.
      const world = determinize(scenario, view, me, { rng: sampleSeed });
      const sim = new SimTable(scenario, world);
      const sent = sim.send({ type: 'commit.submit', actor: me, commit: plan.commit });
      if (!sent.ok) {
        totals[i] = (totals[i] ?? 0) - 1000;
        return;
      }
      playSeats({ table: sim, seats: catalog(scenario).delegationIds.filter((d) => d !== me) }, model);
      if (!sim.done && sim.state.step === 'commit') sim.send({ type: 'step.close', actor: 'system' });
      playRounds(scenario, sim, model, LOOKAHEAD_DEPTH - 1);
      used += Math.max(1, sim.resolved);
      totals[i] = (totals[i] ?? 0) + worthTo(scenario, sim.state, me);
    });
    samples += 1;
  }
  let best = 0;
  totals.forEach((t, i) => {
    if (t > (totals[best] ?? 0) + 1e-9) best = i;
  });
  const chosen = plans[best] as CommitPlan;
  const d = commitDecision(chosen, me);
  if (samples > 0)
    d.reason += ` (We weighed this against ${plural(plans.length - 1, 'other plan')} in ${plural(samples, 'sampled future')}.)`;
  return d;
}
