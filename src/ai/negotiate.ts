// Negotiation: proposing linked packages that can secure spans, answering offers (accept, reject,
// counter), and re-proposing the framework or the council without those who refused.
import {
  MAX_PACKAGE_STEPS,
  apAvailable,
  bridgeShortfall,
  catalog,
  checkIntent,
  dealtObjectives,
  passedOverAllies,
  type GameView,
  type Interlock,
  type Intent,
  type Package,
  type PackageStep,
  type RedLine,
  type Scenario,
} from '../engine/core';
import { apOwedNow, betrayalsSeen, LOW_SUPPORT, roundsToVerify, spanInPlay, stands, trustIn } from './facts';
import type { Profile } from './persona';
import type { Seating } from './scheduler';
import { listOf, quoted, roll, spanName, streamFor, trackName, who, type Decision, type Rng } from './words';

const legal = (scenario: Scenario, view: GameView, d: Decision) => checkIntent(scenario, view, d.intent) === null;

// ---------------------------------------------------------------- red lines and objectives

export interface Breach {
  owner: string;
  line: RedLine;
  move: string;
}

/** The first red line of `owner` that these steps cross (what already stands counts as included). */
export function breachOf(scenario: Scenario, view: GameView, owner: string, steps: readonly PackageStep[]): Breach | null {
  const lines = catalog(scenario).delegation.get(owner)?.doctrine?.redLines ?? [];
  for (const line of lines) {
    const given = steps.find((s) => s.delegation === owner && line.when.includes(s.move));
    if (!given) continue;
    const met = line.requires?.some((r) => steps.some((s) => s.move === r) || stands(view, r)) ?? false;
    if (!met) return { owner, line, move: given.move };
  }
  return null;
}

/** A step that would satisfy the red line, if one can still be added in this phase. */
export function fixFor(scenario: Scenario, view: GameView, b: Breach, steps: readonly PackageStep[]): PackageStep | null {
  const cat = catalog(scenario);
  const options = (b.line.requires ?? [])
    .map((id) => cat.move.get(id))
    .filter((m) => m !== undefined && m.phases.includes(view.phase) && !stands(view, m.id) && !steps.some((s) => s.move === m.id));
  // The red line's holder fixes it with its own move where it can (a snapback pledge), else the cheapest.
  options.sort((a, b2) => Number(b2?.delegation === b.owner) - Number(a?.delegation === b.owner) || (a?.cost ?? 0) - (b2?.cost ?? 0));
  const m = options[0];
  return m ? { delegation: m.delegation, move: m.id } : null;
}

/** Adds the steps that the parties' red lines ask for; null if one cannot be met. */
export function meetRedLines(scenario: Scenario, view: GameView, steps: PackageStep[]): PackageStep[] | null {
  const out = [...steps];
  for (let guard = 0; guard < 6; guard++) {
    const owners = [...new Set(out.map((s) => s.delegation))];
    const b = owners.map((o) => breachOf(scenario, view, o, out)).find((x) => x !== null);
    if (!b) return out;
    const fix = fixFor(scenario, view, b, out);
    if (!fix) return null;
    out.push(fix);
  }
  return null;
}

/** A move of mine that a secret objective of mine says never to implement. */
export function objectiveAgainst(scenario: Scenario, view: GameView, me: string, moves: readonly string[]): string | null {
  const objectives = dealtObjectives(scenario, view, me);
  for (const o of objectives) if (o.condition.type === 'moveNeverImplemented' && moves.includes(o.condition.move)) return o.condition.move;
  return null;
}

/** What completing a span does for this delegation's secret objectives, in points. */
export function objectiveWorth(scenario: Scenario, view: GameView, me: string, span: Interlock, steps: readonly PackageStep[]): number {
  let worth = 0;
  for (const o of dealtObjectives(scenario, view, me)) {
    const c = o.condition;
    if (c.type === 'moveImplemented' && steps.some((s) => s.move === c.move)) worth += o.points / 4;
    else if (c.type === 'spanSecured' && c.span === span.id) worth += o.points / 4;
    else if (c.type === 'trackSecured' && c.track === span.track) worth += o.points / 6;
  }
  return worth;
}

/** The spans a package would complete, when all their steps are in it. */
function spansCompleted(scenario: Scenario, steps: readonly PackageStep[]): Interlock[] {
  const cat = catalog(scenario);
  return scenario.interlocks.filter((x) => (cat.spanSteps.get(x.id) ?? []).every((m) => steps.some((s) => s.move === m)));
}

/** Weight of a span's expected rounds to verification in the choice of what to offer first. */
const SLOW_SPAN_WEIGHT = 3;

function myCost(scenario: Scenario, steps: readonly PackageStep[], me: string): number {
  const cat = catalog(scenario);
  return steps.reduce((a, s) => a + (s.delegation === me && s.after === undefined ? (cat.move.get(s.move)?.cost ?? 0) : 0), 0);
}

// ---------------------------------------------------------------- proposals

/**
 * Moves agreed and still to be implemented, or on the table this round in an offer that can
 * stand: one that completes a span of this phase and crosses no party's red line. Junk, or an
 * offer its parties will refuse, leaves the moves free for a sound offer (one person's junk
 * must not stall the table).
 */
function movesInPlay(scenario: Scenario, view: GameView): Set<string> {
  const out = new Set<string>();
  const sound = (p: Package) =>
    spansCompleted(scenario, p.steps).some((x) => x.phase === view.phase) &&
    p.parties.every((d) => breachOf(scenario, view, d, p.steps) === null);
  for (const p of view.packages) {
    const live = p.status === 'accepted' || (p.round === view.round && p.status === 'proposed' && sound(p));
    if (live) for (const s of p.steps) out.add(s.move);
  }
  return out;
}

/**
 * §8.1 diverging allied priorities: an ally offering a package that serves its own priority and
 * passes over another ally's adds, when it has the action points, one cheap step of its own on
 * that ally's priority (a compensating step), never one that raises tension, costs trust, arms
 * a network or belongs to a span.
 */
function compensateAllies(
  scenario: Scenario,
  view: GameView,
  me: string,
  p: Profile,
  steps: PackageStep[],
  busy: ReadonlySet<string>,
): PackageStep[] {
  const cat = catalog(scenario);
  const parties = [...new Set(steps.map((s) => s.delegation))];
  let out = steps;
  for (const { ally } of passedOverAllies(scenario, out, parties).filter((x) => x.blamed.includes(me))) {
    const spare = apAvailable(view, me) - apOwedNow(scenario, view, me) - myCost(scenario, out, me);
    const tracks = scenario.alliance?.priorities[ally] ?? [];
    const gift = scenario.moves.find(
      (m) =>
        m.delegation === me &&
        m.kind === 'step' &&
        tracks.includes(m.track) &&
        m.cost <= Math.min(1, spare) &&
        m.phases.includes(view.phase) &&
        !cat.spanOfMove.has(m.id) &&
        !m.tags.includes('war-trigger') &&
        (m.effects.tension ?? 0) <= 0 &&
        (m.effects.trust ?? 0) >= 0 &&
        !m.effects.funding &&
        !busy.has(m.id) &&
        !stands(view, m.id) &&
        !out.some((s) => s.move === m.id) &&
        !(p.weighsObjectives && objectiveAgainst(scenario, view, me, [m.id])),
    );
    if (gift && out.length < MAX_PACKAGE_STEPS) out = [...out, { delegation: me, move: gift.id }];
  }
  return breachOf(scenario, view, me, out) ? steps : out;
}

/**
 * A partner whose support at home is low (public) loses its steps to the next domestic shock
 * (§5.6) unless its stop-loss provision is in force: a delegation that plans asks for that
 * provision in its offer (a span of two rounds or more, so the partner can pay for it), and says
 * so. Returns the steps with the provision added, and the partner asked (null: none).
 */
function askStopLoss(
  scenario: Scenario,
  view: GameView,
  me: string,
  steps: PackageStep[],
  busy: ReadonlySet<string>,
): { steps: PackageStep[]; asked: string | null } {
  if (steps.length >= MAX_PACKAGE_STEPS) return { steps, asked: null };
  for (const d of new Set(steps.map((x) => x.delegation))) {
    if (d === me || (view.delegations[d]?.support ?? 100) >= LOW_SUPPORT) continue;
    const m = (catalog(scenario).movesOf.get(d) ?? []).find(
      (x) =>
        x.tags.includes('stop-loss') &&
        x.phases.includes(view.phase) &&
        !stands(view, x.id) &&
        !busy.has(x.id) &&
        !steps.some((y) => y.move === x.id),
    );
    if (!m) continue;
    const out = [...steps, { delegation: d, move: m.id }];
    if (!breachOf(scenario, view, me, out)) return { steps: out, asked: d };
  }
  return { steps, asked: null };
}

function pledgePackage(scenario: Scenario, view: GameView, tag: 'framework' | 'council', without: readonly string[]): PackageStep[] {
  return scenario.moves
    .filter((m) => m.tags.includes(tag) && m.phases.includes(view.phase) && !without.includes(m.delegation))
    .filter((m) => !(tag === 'council' && view.council.members.includes(m.delegation)))
    .map((m) => ({ delegation: m.delegation, move: m.id }));
}

function structureProposals(scenario: Scenario, view: GameView, me: string, p: Profile, r: Rng): Decision[] {
  const out: Decision[] = [];
  const onTable = (tag: string) =>
    view.packages.some(
      (pk) =>
        pk.round === view.round &&
        pk.status === 'proposed' &&
        pk.steps.some((s) =>
          catalog(scenario)
            .move.get(s.move)
            ?.tags.includes(tag as never),
        ),
    );
  const fw = scenario.framework;
  if (
    view.phase === 'ceasefire' &&
    !view.framework.adopted &&
    fw.requiredDelegations.includes(me) &&
    !onTable('framework') &&
    roll(r, p.cooperation + 10)
  ) {
    out.push({
      intent: {
        type: 'package.propose',
        actor: me,
        steps: pledgePackage(scenario, view, 'framework', []),
        window: 1,
        note: 'A benchmark calendar for all four tracks.',
      },
      reason: 'We propose the framework: one benchmark calendar gives every side a timetable it can check, and no track moves alone.',
    });
  }
  if (!view.council.founded && scenario.council.guarantors.includes(me) && !onTable('council') && roll(r, p.cooperation)) {
    out.push({
      intent: {
        type: 'package.propose',
        actor: me,
        steps: pledgePackage(scenario, view, 'council', []),
        window: 1,
        note: 'A standing mediation council.',
      },
      reason: 'We propose founding the mediation council: a joint inquiry can name who is behind an attack before anyone strikes back.',
    });
  }
  return out;
}

/**
 * Relief paid before the restraint is verified can be captured (rules §5.5): relief steps wait for
 * the restraint's verification and run by themselves once it is in.
 */
function sequenceRelief(scenario: Scenario, span: Interlock, steps: PackageStep[]): PackageStep[] {
  const cat = catalog(scenario);
  const at = steps.findIndex((s) => s.move === span.restraint);
  if (at < 0) return steps;
  return steps.map((s, i) => (i > at && cat.move.get(s.move)?.tags.includes('relief') ? { ...s, after: at } : s));
}

/** Refused in each of the last two rounds: someone will not have it, whatever the reason. */
function recentlyRefused(view: GameView, restraint: string): boolean {
  const refusedIn = (round: number) =>
    view.packages.some((pk) => pk.status === 'rejected' && pk.round === round && pk.steps.some((s) => s.move === restraint));
  return refusedIn(view.round - 1) && refusedIn(view.round - 2);
}

/**
 * Rounds at the start of each phase in which an AI below expert leaves a person's own span to
 * the person: the first span of the phase (in the scenario's order) in which the person has a
 * step. A person at the table then has real work (writing the offer for its own span), not only
 * offers to accept; the AI writes the other spans, and this one too once those rounds are over.
 */
export const PEOPLE_FIRST_ROUNDS = 1;

/** The span is the own span of a person at the table, and the phase is still in the rounds left to people. */
function leftToPeople(scenario: Scenario, view: GameView, p: Profile, seating: Seating, span: Interlock): boolean {
  if (p.lookahead > 0 || seating.people.length === 0 || view.round >= seating.phaseSince + PEOPLE_FIRST_ROUNDS) return false;
  const cat = catalog(scenario);
  const hasStep = (x: Interlock, d: string) => (cat.spanSteps.get(x.id) ?? []).some((m) => cat.move.get(m)?.delegation === d);
  return seating.people.some((d) => hasStep(span, d) && scenario.interlocks.find((x) => x.phase === view.phase && hasStep(x, d)) === span);
}

/**
 * Action points kept free this round for our part of the one-round spans left to people and not
 * yet offered: so that we can say yes when the person writes the offer (our own offers and the
 * other AIs' must not use them up first).
 */
function keptForPeople(scenario: Scenario, view: GameView, me: string, p: Profile, seating: Seating): number {
  if (!p.plansAp || seating.people.length === 0) return 0;
  const cat = catalog(scenario);
  const needs = bridgeShortfall(scenario, view);
  let kept = 0;
  for (const span of scenario.interlocks) {
    if (span.phase !== view.phase || span.window !== 1 || (needs[span.track] ?? 0) <= 0 || spanInPlay(view, span.id)) continue;
    if (!leftToPeople(scenario, view, p, seating, span)) continue;
    const moves = cat.spanSteps.get(span.id) ?? [];
    const offered = view.packages.some((pk) => pk.round === view.round && moves.every((m) => pk.steps.some((s) => s.move === m)));
    if (offered || moves.some((m) => stands(view, m))) continue;
    // With what the parties' red lines will ask to add (a counter brings it).
    const plain = moves.map((m) => ({ delegation: cat.move.get(m)?.delegation ?? '', move: m }));
    kept += myCost(scenario, (p.readsRedLines ? meetRedLines(scenario, view, plain) : null) ?? plain, me);
  }
  return kept;
}

/** Spans of this phase that the bridge still needs and that this delegation has a step in. */
function spanProposals(scenario: Scenario, view: GameView, me: string, p: Profile, r: Rng, seating: Seating): Decision[] {
  if (view.phase === 'ceasefire') return [];
  const cat = catalog(scenario);
  const needs = bridgeShortfall(scenario, view);
  const busy = movesInPlay(scenario, view);
  const candidates: Array<{ span: Interlock; steps: PackageStep[]; score: number; cost: number; stopLoss: string | null }> = [];
  for (const span of scenario.interlocks) {
    if (span.phase !== view.phase || (needs[span.track] ?? 0) <= 0 || spanInPlay(view, span.id)) continue;
    const moves = cat.spanSteps.get(span.id) ?? [];
    if (!moves.some((m) => cat.move.get(m)?.delegation === me) || moves.some((m) => busy.has(m) || stands(view, m))) continue;
    // A span refused lately is not offered again as it was: a careful delegation tries another.
    if (p.readsRedLines && recentlyRefused(view, span.restraint)) continue;
    let steps: PackageStep[] | null = moves.map((m) => ({ delegation: cat.move.get(m)?.delegation ?? '', move: m }));
    if (p.readsRedLines) steps = meetRedLines(scenario, view, steps);
    else if (breachOf(scenario, view, me, steps)) steps = null;
    if (!steps || leftToPeople(scenario, view, p, seating, span)) continue;
    if (
      p.weighsObjectives &&
      objectiveAgainst(
        scenario,
        view,
        me,
        steps.filter((s) => s.delegation === me).map((s) => s.move),
      )
    )
      continue;
    if (
      p.readsRedLines &&
      steps.some((s) =>
        (catalog(scenario).delegation.get(s.delegation)?.doctrine?.redLines ?? []).some((l) => !l.requires && l.when.includes(s.move)),
      )
    )
      continue;
    const restraintCost = cat.move.get(span.restraint)?.cost ?? 1;
    // A delegation that plans offers the spans slowest to verify first: the phase completes only
    // once every track's span is verified, and a span of public acts is verified the round it is
    // carried out, so it can come last without delaying the phase (the commit's slow-first order,
    // one level up).
    const slowest = p.plansAp ? Math.max(...moves.map((m) => roundsToVerify(scenario, view, cat.move.get(m)))) : 0;
    const score =
      (p.priorities[span.track] ?? 5) +
      (needs[span.track] ?? 0) -
      restraintCost -
      steps.length / 4 +
      (p.weighsObjectives ? objectiveWorth(scenario, view, me, span, steps) : 0) +
      (p.slips ? (Math.abs(r.rng + span.id.length) % 7) - 3 : 0) +
      SLOW_SPAN_WEIGHT * slowest;
    if (p.plansAp && span.window >= 2 && scenario.tunables.reliefCaptureFunding > 0) steps = sequenceRelief(scenario, span, steps);
    if (p.plansAp) steps = compensateAllies(scenario, view, me, p, steps, busy);
    let stopLoss: string | null = null;
    if (p.plansAp && span.window >= 2) ({ steps, asked: stopLoss } = askStopLoss(scenario, view, me, steps, busy));
    candidates.push({ span, steps, score, cost: myCost(scenario, steps, me), stopLoss });
  }
  candidates.sort((a, b) => b.score - a.score);
  const out: Decision[] = [];
  let now = apAvailable(view, me) - apOwedNow(scenario, view, me) - keptForPeople(scenario, view, me, p, seating);
  let later = scenario.tunables.actionPoints;
  const tracksTaken = new Set<string>();
  for (const c of candidates) {
    if (tracksTaken.has(c.span.track)) continue;
    if (p.plansAp) {
      if (c.span.window === 1 ? c.cost > now : c.cost > now + later) continue;
      if (c.span.window === 1) now -= c.cost;
      else if (c.cost <= now) now -= c.cost;
      else later -= c.cost - Math.max(0, now);
    }
    if (!roll(r, p.personality === 'hawk' ? 55 : p.personality === 'dove' ? 100 : 92)) continue;
    tracksTaken.add(c.span.track);
    const partners = [...new Set(c.steps.filter((s) => s.delegation !== me).map((s) => who(scenario, s.delegation)))];
    const mine = c.steps.filter((s) => s.delegation === me).map((s) => quoted(scenario, s.move));
    const theirs = c.steps.filter((s) => s.delegation !== me).map((s) => `${who(scenario, s.delegation)}'s ${quoted(scenario, s.move)}`);
    const added =
      c.steps.length - (c.stopLoss ? 1 : 0) > (cat.spanSteps.get(c.span.id)?.length ?? 0)
        ? ' We include what their red lines ask for, so nobody has to refuse.'
        : '';
    const durable = c.stopLoss
      ? ` We ask ${who(scenario, c.stopLoss)} to adopt its stop-loss provision too: with support at home at ${view.delegations[c.stopLoss]?.support}, one shock would unwind the span.`
      : '';
    out.push({
      intent: {
        type: 'package.propose',
        actor: me,
        steps: c.steps,
        window: c.span.window,
        note: `${c.span.name}: every step inside ${c.span.window === 1 ? 'one round' : `${c.span.window} rounds`}.`,
      },
      reason: `We offer ${listOf(mine)} for ${listOf(theirs)}, all inside ${c.span.window === 1 ? 'one round' : `${c.span.window} rounds`}: that secures the ${trackName(scenario, c.span.track)} span “${c.span.name}” the bridge still lacks, with ${listOf(partners)}.${added}${durable}`,
    });
  }
  return out;
}

// ---------------------------------------------------------------- answers

function pledgeWords(scenario: Scenario, steps: readonly PackageStep[]): string {
  const tags = new Set(steps.flatMap((s) => catalog(scenario).move.get(s.move)?.tags ?? []));
  if (tags.has('framework')) return 'endorsing the benchmark calendar costs us nothing and gives every side a timetable it can check';
  if (tags.has('council')) return 'a standing council can investigate incidents before anyone retaliates';
  if (tags.has('snapback')) return 'a pre-authorized snapback protects everyone if relief is abused';
  return 'it costs us little and builds the structure of the talks';
}

export function answer(
  scenario: Scenario,
  view: GameView,
  me: string,
  p: Profile,
  pkg: Package,
  r: Rng,
  seating: Seating = { people: [], phaseSince: 1 },
  owedInStage = 0,
): Decision {
  const cat = catalog(scenario);
  const mine = pkg.steps.filter((s) => s.delegation === me);
  const others = pkg.steps.filter((s) => s.delegation !== me);
  const accept = (reason: string): Decision => ({
    intent: { type: 'package.accept', actor: me, package: pkg.id, reason },
    reason: `We accept: ${reason}.`,
  });
  const reject = (reason: string): Decision => ({
    intent: { type: 'package.reject', actor: me, package: pkg.id, reason: `We reject: ${reason}.` },
    reason: `We reject: ${reason}.`,
  });
  const slip = p.slips > 0 && roll(r, p.slips);
  const pledgesOnly = mine.every((s) => cat.move.get(s.move)?.kind === 'pledge');
  const trustLow = (d: string) => trustIn(view, me, d) < (p.personality === 'hawk' ? 50 : 35);
  // An expert weighs the shared outcome, which counts for every side: it refuses for a reason, not on a whim.
  const wholeTable = p.lookahead > 0 && p.personality !== 'hawk';

  if (pledgesOnly) {
    // Joining the council gives up reprisals: only among partners trusted enough to answer for us.
    const joining = mine.some((s) => cat.move.get(s.move)?.tags.includes('council'));
    if (joining) {
      const fellows = [...new Set(others.filter((s) => cat.move.get(s.move)?.tags.includes('council')).map((s) => s.delegation))];
      const mean = fellows.reduce((a, d) => a + trustIn(view, me, d), 0) / Math.max(1, fellows.length);
      const doubted = fellows.filter((d) => trustIn(view, me, d) < p.joinTrust);
      // An expert joins all the same: the council's inquiries stop the reprisal spirals that cost every side.
      // What it gives up: the reprisals of a delegation struck on some front; for one struck on none, its say over inquiries and rulings (§6.1).
      const givesUpReprisals = scenario.fronts.some((f) => f.exposed.includes(me));
      const doubtedNames = listOf(doubted.map((d) => who(scenario, d)));
      if (mean < p.joinTrust && doubted.length > 0 && !wholeTable)
        return reject(
          givesUpReprisals
            ? `we will not give up the right to answer attacks ourselves until we trust ${doubtedNames} to stand with us`
            : `we will not submit to the council's inquiries and binding rulings until we trust ${doubtedNames} to judge fairly`,
        );
    }
    const distrusted = [...new Set(others.map((s) => s.delegation))].filter(trustLow);
    if (p.personality === 'hawk' && distrusted.length && roll(r, 50))
      return reject(`we will not sit at one table with ${listOf(distrusted.map((d) => who(scenario, d)))} while they ignore their word`);
    // An expert knows the framework and the council serve every side's outcome: it does not make them wait.
    // Nor does a delegation that plans (and is no hawk) make the calendar, the codified responses or
    // snapback wait on a whim: joining the council is the one pledge it weighs (above).
    const structure = wholeTable || (p.plansAp && p.personality !== 'hawk' && !joining);
    return structure || roll(r, Math.max(p.cooperation, 60) + 10)
      ? accept(pledgeWords(scenario, pkg.steps))
      : reject('the structure can wait until the first steps are delivered');
  }

  // Red lines come first: fixable ones are countered with the missing step.
  const breach = breachOf(scenario, view, me, pkg.steps);
  if (breach) {
    const fix = breach.line.requires ? fixFor(scenario, view, breach, pkg.steps) : null;
    if (fix && !slip) {
      const steps = [...pkg.steps, fix];
      const why = `We counter: ${breach.line.text}. We add ${fix.delegation === me ? 'our' : `${who(scenario, fix.delegation)}'s`} ${quoted(scenario, fix.move)} and accept the rest as it stands.`;
      const counter: Decision = {
        intent: { type: 'package.counter', actor: me, package: pkg.id, steps, window: pkg.window, reason: why },
        reason: why,
      };
      if (legal(scenario, view, counter)) return counter;
    }
    return reject(`${breach.line.text}`);
  }

  if (p.weighsObjectives) {
    const against = objectiveAgainst(
      scenario,
      view,
      me,
      mine.map((s) => s.move),
    );
    // The true reason is a secret objective: the refusal names neither it nor the move it keeps back.
    if (against) return reject('the balance of this package does not work for us as it stands');
  }

  const cost = myCost(scenario, pkg.steps, me);
  if (p.plansAp && !slip) {
    const now = apAvailable(view, me) - apOwedNow(scenario, view, me) - keptForPeople(scenario, view, me, p, seating) - owedInStage;
    const room = pkg.window === 1 ? now : now + scenario.tunables.actionPoints * (pkg.window - 1);
    if (cost > room) {
      const owed = apOwedNow(scenario, view, me);
      return reject(
        `we could not carry out our part in time: it needs ${cost} action points and we have ${Math.max(0, now)} left this round${owed ? ` after the steps we already promised` : ''}`,
      );
    }
  }

  // Memory of betrayals: nobody who broke their word to us recently gets us to go first.
  const betrayals = betrayalsSeen(scenario, view, me, p.memory).filter((b) => others.some((s) => s.delegation === b.by));
  const betrayal = betrayals[0];
  if (betrayal && p.personality !== 'dove') {
    const theirs = pkg.steps.findIndex((s) => s.delegation === betrayal.by && cat.move.get(s.move)?.kind === 'step');
    const myIdx = pkg.steps.map((s, i) => (s.delegation === me && cat.move.get(s.move)?.kind === 'step' ? i : -1)).filter((i) => i >= 0);
    if (pkg.window >= 2 && theirs >= 0 && myIdx.length && p.personality === 'pragmatist') {
      // Their step first; ours set off automatically once theirs is verified.
      const first = pkg.steps[theirs] as PackageStep;
      const rest = pkg.steps
        .filter((_, i) => i !== theirs)
        .map((s) =>
          s.delegation === me && cat.move.get(s.move)?.kind === 'step' ? { ...s, after: 0 } : { delegation: s.delegation, move: s.move },
        );
      const steps = [{ delegation: first.delegation, move: first.move }, ...rest];
      const why = `${who(scenario, betrayal.by)} ${betrayal.what}, so our ${listOf(mine.map((s) => quoted(scenario, s.move)))} will run only once its ${quoted(scenario, first.move)} is verified`;
      const counter: Decision = {
        intent: { type: 'package.counter', actor: me, package: pkg.id, steps, window: pkg.window, reason: `We counter: ${why}.` },
        reason: `We counter: ${why}.`,
      };
      if (legal(scenario, view, counter)) return counter;
    }
    if (p.personality === 'hawk' || (!wholeTable && roll(r, 60)))
      return reject(`${who(scenario, betrayal.by)} ${betrayal.what}; we will not pay first again`);
  }

  // What the package is worth: spans of the bridge it completes, and what we get for what we give.
  const needs = bridgeShortfall(scenario, view);
  const completes = spansCompleted(scenario, pkg.steps).filter((x) => x.phase === view.phase);
  const useful = completes.filter((x) => (needs[x.track] ?? 0) > 0);
  const mineWords = listOf(mine.map((s) => quoted(scenario, s.move)));
  if (useful.length === 0 && !slip) {
    const gets = others.filter((s) => (p.priorities[cat.move.get(s.move)?.track ?? ''] ?? 0) >= 6);
    if (gets.length === 0 || p.personality !== 'dove')
      return reject(
        `we would give ${mineWords}, but the package secures no span the bridge still needs${gets.length ? '' : ' and nothing we need comes back'}`,
      );
  }
  const partners = [...new Set(others.map((s) => s.delegation))];
  const avgTrust = partners.reduce((a, d) => a + trustIn(view, me, d), 0) / Math.max(1, partners.length);
  const support = view.delegations[me]?.support ?? 50;
  const supportCost = mine.reduce((a, s) => a - (cat.move.get(s.move)?.effects.support?.[me] ?? 0), 0);
  const worth = useful.reduce(
    (a, x) => a + (p.priorities[x.track] ?? 5) + (p.weighsObjectives ? objectiveWorth(scenario, view, me, x, pkg.steps) : 0),
    0,
  );
  // Nor does a delegation that plans (standard, expert) turn down a sound span on a whim: the
  // shared outcome counts for every side. Hawks and careless novices still do.
  const weighsTable = p.plansAp && p.personality !== 'hawk';
  const cooperation = weighsTable && useful.length > 0 ? Math.max(p.cooperation, 92) : p.cooperation;
  const chance =
    cooperation +
    (avgTrust - 50) / 2 +
    worth -
    (support < 35 ? supportCost * 2 : 0) -
    (view.tension > 80 && p.personality === 'hawk' ? 15 : 0);
  if (!roll(r, chance)) {
    const worst = partners.slice().sort((a, b) => trustIn(view, me, a) - trustIn(view, me, b))[0];
    if (worst && trustIn(view, me, worst) < 50)
      return reject(
        `we doubt ${who(scenario, worst)} will deliver its part (our trust in it is ${Math.round(trustIn(view, me, worst))} of 100), and our step would then stand alone`,
      );
    if (support < 45 && supportCost > 0)
      return reject(`our support at home is down to ${support}, and ${mineWords} would cost us ${supportCost} more points`);
    // A move a secret objective of ours is about is never named: the words would point at the objective.
    const secretMoves = new Set(
      dealtObjectives(scenario, view, me).flatMap((o) => (o.condition.type === 'moveNeverImplemented' ? [o.condition.move] : [])),
    );
    const named = others.filter((s) => !secretMoves.has(s.move)).slice(0, 3);
    return reject(
      named.length
        ? `${mineWords} asks more of us than ${listOf(named.map((s) => `${who(scenario, s.delegation)}'s ${quoted(scenario, s.move)}`))} gives back`
        : `${mineWords} asks more of us than the others give back`,
    );
  }
  const span = useful[0] ?? completes[0];
  const gets = listOf(
    others
      .filter((s) => cat.move.get(s.move)?.kind === 'step')
      .slice(0, 3)
      .map((s) => `${who(scenario, s.delegation)}'s ${quoted(scenario, s.move)}`),
  );
  return accept(
    span
      ? `our ${mineWords} is matched by ${gets || 'the pledges with it'} inside ${pkg.window === 1 ? 'one round' : `${pkg.window} rounds`}, and it secures “${spanName(scenario, span.id)}” on the ${trackName(scenario, span.track)} track once the monitors verify it`
      : `our ${mineWords} is matched by ${gets || 'the pledges with it'}`,
  );
}

/** A framework or council package some refused: propose it again without them. */
function retryStructures(scenario: Scenario, view: GameView, me: string): Decision[] {
  const out: Decision[] = [];
  const cat = catalog(scenario);
  for (const pk of view.packages) {
    if (pk.proposer !== me || pk.round !== view.round || pk.status !== 'rejected') continue;
    const tag = pk.steps.some((s) => cat.move.get(s.move)?.tags.includes('framework'))
      ? 'framework'
      : pk.steps.some((s) => cat.move.get(s.move)?.tags.includes('council'))
        ? 'council'
        : null;
    if (!tag) continue;
    const refused = pk.replies.filter((x) => x.answer === 'reject').map((x) => x.by);
    const retried = view.packages.some(
      (q) => q.proposer === me && q.round === view.round && q.id > pk.id && q.steps.some((s) => cat.move.get(s.move)?.tags.includes(tag)),
    );
    if (retried || refused.length === 0) continue;
    const steps = pledgePackage(scenario, view, tag, refused);
    const parties = new Set(steps.map((s) => s.delegation));
    const enough =
      tag === 'framework'
        ? scenario.framework.requiredDelegations.every((d) => parties.has(d)) && parties.size >= scenario.framework.minParties
        : parties.size >= scenario.council.minMembers && [...parties].some((d) => scenario.council.guarantors.includes(d));
    if (!enough) continue;
    out.push({
      intent: { type: 'package.propose', actor: me, steps, window: 1 },
      reason: `We propose the ${tag === 'framework' ? 'framework' : 'council'} again without ${listOf(refused.map((d) => who(scenario, d)))}: the others can start, and the door stays open.`,
    });
  }
  return out;
}

/** One stage of the negotiation for one AI delegation. */
export function negotiationStage(
  scenario: Scenario,
  view: GameView,
  me: string,
  p: Profile,
  stage: 'propose' | 'answer',
  seating: Seating = { people: [], phaseSince: 1 },
): Decision[] {
  const r = streamFor(p, view, stage, view.packages.length);
  if (stage === 'propose') {
    const out = [...structureProposals(scenario, view, me, p, r), ...spanProposals(scenario, view, me, p, r, seating)];
    return firstLegal(scenario, view, out, 4);
  }
  const out: Decision[] = [];
  // The offers accepted in this same stage are not in the view yet: their one-round steps count
  // against the action points of the next answer (several yeses must not promise more than we have).
  let owed = 0;
  for (const pkg of view.packages) {
    if (pkg.status !== 'proposed' || !pkg.parties.includes(me) || pkg.accepted.includes(me)) continue;
    const d = answer(scenario, view, me, p, pkg, streamFor(p, view, 'answer', pkg.id), seating, owed);
    if (d.intent.type === 'package.accept' && pkg.window === 1) owed += myCost(scenario, pkg.steps, me);
    out.push(d);
  }
  out.push(...retryStructures(scenario, view, me));
  return out.filter((d) => legal(scenario, view, d));
}

/** Proposals are checked one by one against the view as it would be after the earlier ones. */
function firstLegal(scenario: Scenario, view: GameView, decisions: Decision[], max: number): Decision[] {
  const out: Decision[] = [];
  for (const d of decisions) {
    if (out.length >= max) break;
    if (checkIntent(scenario, view, d.intent as Intent) === null) out.push(d);
  }
  return out;
}
