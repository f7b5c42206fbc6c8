// The standing mediation council (docs/rules.md §6): inquiries, penalties, the incentive ladder.
import { catalog } from './catalog';
import { addSupport, addTension, addTrust, applyOneShot, clamp, nameOf, say } from './draft';
import { chance, dice, nextInt, pick } from './rng';
import { isDefected } from './standing';
import type { Scenario } from './scenario/schema';
import type { GameState, Incident, Sponsor } from './types';

/** Attribution confidence bonus from standing moves (intelligence sharing, forensics). */
export function attributionBonus(scenario: Scenario, s: GameState): number {
  const moves = catalog(scenario).move;
  let bonus = 0;
  for (const st of s.standing) if (!isDefected(s, st.move)) bonus += moves.get(st.move)?.effects.attribution ?? 0;
  return bonus;
}

/** The confidence a joint inquiry would reach on this incident, before its random part. */
export function inquiryConfidence(scenario: Scenario, s: GameState, inc: Incident): number {
  const c = scenario.council;
  const observers = s.fronts[inc.front]?.observers ?? 0;
  return clamp(c.baseConfidence + c.observerConfidence * observers + attributionBonus(scenario, s), 0, 95);
}

/** Joint inquiry on each new incident: confident findings name a sponsor, sometimes wrongly. */
export function runInquiries(scenario: Scenario, s: GameState, incidents: readonly Incident[]) {
  if (!s.council.founded) return;
  const threshold = scenario.council.attributionThreshold;
  for (const inc of incidents) {
    if (inc.cancelled || inc.attribution) continue;
    const confidence = clamp(inquiryConfidence(scenario, s, inc) + nextInt(dice(s, 'inquiry', inc.id), -10, 10), 0, 95);
    if (confidence < threshold) {
      inc.attribution = { named: null, confidence, round: s.round, override: false };
      say(s, 'inquiry', `Inquiry into incident #${inc.id}: inconclusive (confidence ${confidence}%).`);
      continue;
    }
    const correct = chance(dice(s, 'attribution', inc.id), confidence);
    const named = correct
      ? inc.sponsor
      : pick(
          dice(s, 'misattribution', inc.id),
          suspects(scenario, inc).filter((x) => x !== inc.sponsor),
        );
    inc.attribution = { named, confidence, round: s.round, override: false };
    say(s, 'inquiry', `Inquiry into incident #${inc.id} names ${nameOf(scenario, named)} (confidence ${confidence}%).`);
    if (!correct)
      say(s, 'misattribution', `Incident #${inc.id} was misattributed: the true sponsor was ${nameOf(scenario, inc.sponsor)}.`, 'secret');
    if (isCodified(scenario, s) && named !== 'spoiler') {
      const pen = scenario.council.penalties.find((p) => p.severity >= inc.severity) ?? scenario.council.penalties[0];
      if (pen) {
        applyPenalty(scenario, s, named, pen.id, `automatically for incident #${inc.id}`);
        // Kept with the finding, so a binding ruling that strikes it can repay it (§6.6).
        inc.attribution.auto = pen.id;
      }
    }
  }
}

/** Who an inquiry could name for an incident: the network's patron, the network, spoilers. */
export function suspects(scenario: Scenario, inc: Incident): Sponsor[] {
  const net = scenario.proxyNetworks.find((n) => n.id === inc.network);
  const list: Sponsor[] = ['independent', 'spoiler'];
  if (net) list.unshift(net.patron);
  for (const d of catalog(scenario).front.get(inc.front)?.exposed ?? []) if (!list.includes(d)) list.push(d);
  return list;
}

export function isCodified(scenario: Scenario, s: GameState): boolean {
  const moves = catalog(scenario).move;
  return s.standing.some((st) => !isDefected(s, st.move) && moves.get(st.move)?.tags.includes('codify'));
}

/** Applies a council penalty to the named sponsor (a delegation, or a network acting alone). */
export function applyPenalty(scenario: Scenario, s: GameState, target: Sponsor, penaltyId: string, why: string) {
  const pen = scenario.council.penalties.find((p) => p.id === penaltyId);
  if (!pen || target === 'spoiler') return;
  const del = s.delegations[target];
  if (del) {
    del.penalties += 1;
    const cause = `Council penalty on ${nameOf(scenario, target)}: ${pen.name}`;
    addSupport(s, target, -pen.supportLoss, cause);
    for (const m of s.council.members) if (m !== target) addTrust(s, target, m, -3, cause);
  }
  for (const net of scenario.proxyNetworks) {
    if (target === 'independent' || net.patron === target) s.funding[net.id] = clamp((s.funding[net.id] ?? 0) - pen.fundingCut);
  }
  addTension(s, -pen.severity, `Council penalty on ${nameOf(scenario, target)}: ${pen.name}`);
  say(s, 'penalty', `Council penalty on ${nameOf(scenario, target)}: ${pen.name} (${why}).`);
}

/** docs/rules.md §6.4: a rung after enough consecutive compliant rounds; a verified violation drops one. */
export function climbLadder(scenario: Scenario, s: GameState, violationsThisRound: number, securedNow: number) {
  if (!s.council.founded) return;
  const ladder = scenario.council.ladder;
  if (violationsThisRound > 0) {
    s.council.compliantRounds = 0;
    if (s.council.rung > 0) {
      s.council.rung -= 1;
      say(s, 'ladder.drop', `Verified violation: the incentive ladder drops to rung ${s.council.rung}.`);
    }
    return;
  }
  if (securedNow === 0) {
    // A round that secures nothing is not compliance: the run starts again.
    s.council.compliantRounds = 0;
    return;
  }
  s.council.compliantRounds += 1;
  if (s.council.compliantRounds >= scenario.tunables.ladderRounds && s.council.rung < ladder.length) {
    const rung = ladder[s.council.rung];
    s.council.rung += 1;
    s.council.compliantRounds = 0;
    if (rung) {
      applyOneShot(s, rung.effects, null, `Incentive ladder: ${rung.name}`);
      say(s, 'ladder.climb', `Incentive ladder: ${rung.name}.`);
    }
  }
}
