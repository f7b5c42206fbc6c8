// Steps 4–8 of a round (docs/rules.md §4): reveal, interlock resolution, verification, incidents,
// council, assessment. One call, on a private copy of the state.
import { catalog } from './catalog';
import { climbLadder, runInquiries } from './council';
import { ruleDisputes } from './dispute';
import { addSupport, addTension, addTrust, applyOneShot, clamp, cloneState, copyAllocation, editPackage, nameOf, say } from './draft';
import { domesticShock } from './injects';
import { closeWindows, lapseLingeringRelief, openWindows, recordViolation, securedSpansOn, spanSecured, updateSpans } from './interlock';
import { settlePackages } from './negotiation';
import { monitorOf } from './monitors';
import { chance, dice, nextFloat, pick } from './rng';
import { addStanding, inForce, isDefected, markImplemented, standingStep } from './standing';
import type { Move, Scenario } from './scenario/schema';
import type { GameState, Incident } from './types';

export function resolveRound(scenario: Scenario, state: GameState): GameState {
  const s = cloneState(state);
  s.step = 'resolution';
  const newly = reveal(scenario, s);
  if (s.warTrigger !== null) {
    recordHistory(scenario, s, 0);
    return s;
  }
  captureRelief(scenario, s, newly);
  openWindows(scenario, s, newly);
  // Spans of public acts, or of steps verified in earlier rounds, are secured before verification.
  const securedAtOnce = updateSpans(scenario, s);
  const triggered = verify(scenario, s);
  openWindows(scenario, s, triggered);
  const secured = [...securedAtOnce, ...updateSpans(scenario, s)];
  rewardSecured(scenario, s, secured);
  closeWindows(scenario, s);
  const incidents = spawnIncidents(scenario, s);
  runInquiries(scenario, s, incidents);
  ruleDisputes(scenario, s);
  // Every violation verified this round counts, a facilitator's ruling before the resolution too.
  assess(scenario, s, s.violations.filter((v) => v.round === s.round).length);
  recordHistory(scenario, s, incidents.length);
  return s;
}

/**
 * §5.5 (the sequencing pitfall): relief paid before the restraint it answers is verified is partly
 * captured and feeds the restraint giver's proxy networks. Sequenced relief, set off by the
 * restraint's verification, never is.
 */
function captureRelief(scenario: Scenario, s: GameState, newly: readonly string[]) {
  const gain = scenario.tunables.reliefCaptureFunding;
  if (gain <= 0) return;
  const cat = catalog(scenario);
  for (const id of newly) {
    const m = cat.move.get(id);
    const span = cat.spanOfMove.get(id);
    if (!m?.tags.includes('relief') || !span || standingStep(s, span.restraint)?.verified === true) continue;
    const patron = cat.move.get(span.restraint)?.delegation;
    const nets = scenario.proxyNetworks.filter((n) => n.patron === patron);
    if (nets.length === 0) continue;
    for (const n of nets) s.funding[n.id] = clamp((s.funding[n.id] ?? 0) + gain);
    say(s, 'relief.captured', `"${m.name}" was paid before "${cat.move.get(span.restraint)?.name}" was verified: part of it is captured.`);
  }
}

/** Step 4: sealed commits are opened and carried out, in the scenario's delegation order. */
function reveal(scenario: Scenario, s: GameState): string[] {
  const cat = catalog(scenario);
  const newly: string[] = [];
  for (const d of cat.delegationIds) {
    const del = s.delegations[d];
    if (!del) continue;
    const c = del.commit ?? { moves: [], defect: [] };
    del.apDebt = 0;
    for (const id of c.moves) {
      const m = cat.move.get(id);
      if (m && implementMove(scenario, s, m)) newly.push(id);
    }
    for (const id of c.defect) {
      const st = standingStep(s, id);
      const m = cat.move.get(id);
      if (!st || !m || isDefected(s, id)) continue;
      // Its support gain stays with the secret record, out of the public support (rules §8.2).
      const gain = m.defection?.support;
      s.quietDefections.push({ move: id, delegation: st.delegation, round: s.round, ...(gain ? { support: gain } : {}) });
      say(s, 'defection', `${nameOf(scenario, d)} quietly stops "${m.name}" while it still counts in public.`, [d]);
    }
    if (c.allocation && scenario.monitors.allocator === d) {
      s.allocation = copyAllocation(c.allocation);
      say(s, 'allocation', `${nameOf(scenario, d)} deploys inspection and observer teams.`);
    }
    if (c.retaliate) retaliate(scenario, s, d, c.retaliate.incident, c.retaliate.against);
    if (s.warTrigger !== null) break;
  }
  updateFronts(scenario, s);
  return newly;
}

export function implementMove(scenario: Scenario, s: GameState, m: Move): boolean {
  if (inForce(s, m.id)) return false;
  const isPublic = monitorOf(m).verifiedAtOnce;
  addStanding(s, {
    move: m.id,
    delegation: m.delegation,
    round: s.round,
    verified: isPublic,
    verifiedRound: isPublic ? s.round : null,
  });
  markImplemented(s, m.id);
  applyOneShot(s, m.effects, m.delegation, `${nameOf(scenario, m.delegation)} implements "${m.name}"`);
  say(s, 'implemented', `${nameOf(scenario, m.delegation)} implements "${m.name}".`);
  if (m.tags.includes('war-trigger')) {
    s.warTrigger = `${nameOf(scenario, m.delegation)}: ${m.name}`;
    say(s, 'war', `War trigger: ${m.name}. The truce collapses.`);
  }
  return true;
}

function retaliate(scenario: Scenario, s: GameState, d: string, incidentId: number, against: string) {
  const inc = s.incidents.find((i) => i.id === incidentId);
  if (!inc) return;
  const t = scenario.tunables;
  const right = inc.sponsor === against;
  // Whether it hit the true sponsor is secret: the extra cost of a misdirected one is a secret cause.
  const open = `${nameOf(scenario, d)} retaliates against ${nameOf(scenario, against)} for incident #${inc.id}`;
  const wrong = { text: `${open}: the wrong party`, audience: 'secret' as const };
  addTension(s, t.retaliationTension, open);
  if (!right) addTension(s, t.misdirectedTension - t.retaliationTension, wrong);
  const f = s.fronts[inc.front];
  if (f) f.tension = clamp(f.tension + t.retaliationTension);
  addTrust(s, against, d, -10, open);
  if (!right) addTrust(s, against, d, -15, wrong);
  say(s, 'retaliation', `${nameOf(scenario, d)} retaliates against ${nameOf(scenario, against)} for incident #${inc.id}.`);
  if (!right) say(s, 'misdirected', `${nameOf(scenario, d)}'s retaliation for incident #${inc.id} hit the wrong party.`, 'secret');
}

/** Observers follow the monitors' allocation; patrols follow standing moves. */
function updateFronts(scenario: Scenario, s: GameState) {
  const moves = catalog(scenario).move;
  for (const [id, f] of Object.entries(s.fronts)) {
    f.observers = s.allocation.observers[id] ?? 0;
    f.patrols = 0;
  }
  for (const st of s.standing) {
    if (isDefected(s, st.move)) continue;
    for (const [front, n] of Object.entries(moves.get(st.move)?.effects.patrols ?? {})) {
      const f = s.fronts[front];
      if (f) f.patrols += n;
    }
  }
}

/** The bonus standing moves and climbed ladder rungs give to verification on a track. */
export function verificationBonus(scenario: Scenario, s: GameState, track: string): number {
  const moves = catalog(scenario).move;
  let bonus = 0;
  for (const st of s.standing) if (!isDefected(s, st.move)) bonus += moves.get(st.move)?.effects.verification?.[track] ?? 0;
  for (const rung of scenario.council.ladder.slice(0, s.council.rung)) bonus += rung.effects.verification?.[track] ?? 0;
  return bonus;
}

/** The chance, in percent, that the assigned monitor checks a step successfully this round. */
export function verificationChance(scenario: Scenario, s: GameState, m: Move): number {
  const rule = monitorOf(m);
  if (rule.verifiedAtOnce) return 100;
  const base = rule.base(scenario) + rule.perTeam(scenario) * rule.teamsOn(s, m);
  return clamp(base + verificationBonus(scenario, s, m.track), 0, 95);
}

/** Chance that ongoing monitoring catches a quiet defection on an already verified step. */
export function detectionChance(scenario: Scenario, s: GameState, m: Move): number {
  const p = verificationChance(scenario, s, m);
  const base = monitorOf(m).base(scenario);
  return clamp(scenario.tunables.detectionPercent + Math.round((p - base) / 2), 0, 90);
}

/** Step 5: monitors check implemented steps; quiet defection may be detected. */
function verify(scenario: Scenario, s: GameState): string[] {
  const cat = catalog(scenario);
  const triggered: string[] = [];
  // A snapshot: violations take steps out of force, triggers put new ones in, during the loop.
  for (const st of s.standing.slice()) {
    const m = cat.move.get(st.move);
    if (!m || !inForce(s, st.move)) continue;
    // A public act is verified as it is carried out: what waits for it runs now (rules §8.1).
    if (st.verified && st.verifiedRound === s.round && monitorOf(m).verifiedAtOnce) {
      triggered.push(...fireTriggers(scenario, s, m.id));
      continue;
    }
    if (!st.verified) {
      if (!chance(dice(s, 'verify', m.id), verificationChance(scenario, s, m))) continue;
      if (isDefected(s, st.move)) {
        recordViolation(scenario, s, m.id);
        continue;
      }
      st.verified = true;
      st.verifiedRound = s.round;
      triggered.push(...fireTriggers(scenario, s, m.id));
    } else if (isDefected(s, st.move) && chance(dice(s, 'detect', m.id), detectionChance(scenario, s, m))) {
      recordViolation(scenario, s, m.id);
    }
  }
  return triggered;
}

/** Sequenced steps of agreed packages execute once the step they wait for is verified. */
function fireTriggers(scenario: Scenario, s: GameState, verifiedMove: string): string[] {
  const cat = catalog(scenario);
  const out: string[] = [];
  for (const agreed of s.packages) {
    if (agreed.status !== 'accepted' && agreed.status !== 'fulfilled') continue;
    const idx = agreed.steps.findIndex((st) => st.move === verifiedMove);
    if (idx < 0 || !agreed.steps.some((st, i) => st.after === idx && !agreed.triggered.includes(i))) continue;
    const p = editPackage(s, agreed.id);
    if (!p) continue;
    p.steps.forEach((st, i) => {
      if (st.after !== idx || p.triggered.includes(i)) return;
      const m = cat.move.get(st.move);
      p.triggered.push(i);
      if (!m || !m.phases.includes(s.phase) || !implementMove(scenario, s, m)) return;
      const del = s.delegations[m.delegation];
      if (del) del.apDebt += m.cost;
      say(s, 'triggered', `Sequenced step: "${m.name}" executes automatically (package #${p.id}).`);
      out.push(m.id);
    });
  }
  return out;
}

/** Secured spans calm tension and release an escrow tranche, never below a zero balance. */
function rewardSecured(scenario: Scenario, s: GameState, secured: readonly string[]) {
  const e = scenario.escrow;
  for (const spanId of secured) {
    const name = catalog(scenario).span.get(spanId)?.name ?? spanId;
    addTension(s, scenario.tunables.securedSpanTension, `Span secured: ${name}`);
    const pay = Math.min(s.escrow.balance, e.tranche);
    if (pay <= 0) {
      say(s, 'escrow.empty', `The escrow fund is empty: no tranche for "${catalog(scenario).span.get(spanId)?.name}".`);
      answerForFund(scenario, s, -e.holderTrust, `The escrow fund was empty for "${name}"`);
      continue;
    }
    s.escrow.balance -= pay;
    s.escrow.paid += pay;
    addSupport(s, e.recipient, Math.round((e.supportPerTranche * pay) / e.tranche), `Escrow tranche paid for "${name}"`);
    answerForFund(scenario, s, e.holderTrust, `Escrow tranche paid for "${name}"`);
    say(s, 'escrow.paid', `Escrow tranche of ${pay} paid to ${nameOf(scenario, e.recipient)} on a verified benchmark.`);
  }
}

/** The fund's holder answers to its recipient for it (§6.5): trust follows each tranche, or its absence. */
function answerForFund(scenario: Scenario, s: GameState, delta: number, cause: string) {
  const { holder, recipient } = scenario.escrow;
  if (holder !== undefined && holder !== recipient && delta !== 0) addTrust(s, recipient, holder, delta, cause);
}

/** Proxy funding as it truly is: base, plus standing cuts in force, plus hidden defections. */
export function effectiveFunding(scenario: Scenario, s: GameState, network: string): number {
  const moves = catalog(scenario).move;
  let f = s.funding[network] ?? 0;
  for (const st of s.standing) {
    const m = moves.get(st.move);
    if (!m) continue;
    f += isDefected(s, st.move) ? (m.defection?.funding?.[network] ?? 0) : (m.effects.funding?.[network] ?? 0);
  }
  return clamp(f);
}

const LAND_KINDS = ['rocket', 'drone', 'raid', 'cyber'] as const;
const SEA_KINDS = ['maritime', 'drone', 'maritime', 'cyber'] as const;

/** Step 6: proxy incidents, their rate driven by funding, front tension and spoilers. */
function spawnIncidents(scenario: Scenario, s: GameState): Incident[] {
  const out: Incident[] = [];
  // Spoilers react to progress: every span secured so far makes them try harder (§6.2).
  let secured = 0;
  for (const k in s.spans) secured += (s.spans[k] as GameState['spans'][string]).securedCount;
  const progress = scenario.tunables.spoilerProgress * secured;
  for (const net of scenario.proxyNetworks) {
    const fronts = net.fronts.map((f) => s.fronts[f]);
    const avg = fronts.reduce((a, f) => a + (f?.tension ?? 0), 0) / Math.max(1, fronts.length);
    const patrols = fronts.reduce((a, f) => a + (f?.patrols ?? 0), 0);
    const funding = effectiveFunding(scenario, s, net.id);
    const p = clamp(net.baseRate + (funding - 50) / 2 + (avg - 40) / 4 + (s.tension - 50) / 5 - 6 * patrols + progress, 2, 85);
    if (!chance(dice(s, 'incident', net.id), p)) continue;
    const front = weightedFront(s, net.fronts, net.id);
    const sponsor = chance(dice(s, 'sponsor', net.id), net.autonomy) ? 'independent' : net.patron;
    out.push(spawn(scenario, s, front, net.id, sponsor));
  }
  const sp = scenario.spoilers;
  if (chance(dice(s, 'incident', 'spoiler'), clamp(sp.rate + (s.tension - 50) / 10 + progress, 0, 60)))
    out.push(spawn(scenario, s, pick(dice(s, 'front', 'spoiler'), sp.fronts), null, 'spoiler'));
  return out;
}

function weightedFront(s: GameState, fronts: readonly string[], network: string): string {
  const weights = fronts.map((f) => 10 + (s.fronts[f]?.tension ?? 0));
  let r = nextFloat(dice(s, 'front', network)) * weights.reduce((a, b) => a + b, 0);
  for (const [i, w] of weights.entries()) {
    r -= w;
    if (r < 0) return fronts[i] as string;
  }
  return fronts[fronts.length - 1] as string;
}

function spawn(scenario: Scenario, s: GameState, front: string, network: string | null, sponsor: Incident['sponsor']): Incident {
  const t = scenario.tunables;
  const spec = catalog(scenario).front.get(front);
  const r = nextFloat(dice(s, 'severity', network ?? 'spoiler'));
  const severity = r < 0.12 ? 3 : r < 0.45 ? 2 : 1;
  const kind = pick(dice(s, 'kind', network ?? 'spoiler'), spec?.maritime ? SEA_KINDS : LAND_KINDS);
  const inc: Incident = {
    id: s.nextIncidentId++,
    round: s.round,
    front,
    network,
    kind,
    severity,
    sponsor,
    attribution: null,
    cancelled: false,
    revealed: false,
  };
  s.incidents.push(inc);
  const f = s.fronts[front];
  if (f) f.tension = clamp(f.tension + t.incidentFrontTension * severity);
  const cause = `Incident #${inc.id}: ${kind} attack, ${spec?.name ?? front}`;
  addTension(s, t.incidentTension * severity, cause);
  for (const d of spec?.exposed ?? []) addSupport(s, d, -severity, cause);
  say(s, 'incident', `Incident #${inc.id}: ${kind} attack, ${spec?.name ?? front}, severity ${severity}. Sponsor unknown.`);
  return inc;
}

/** Step 8: the ladder, promises, domestic backlash, tension drift, fronts cool down. */
function assess(scenario: Scenario, s: GameState, violationsThisRound: number) {
  const t = scenario.tunables;
  const securedNow = scenario.interlocks.filter((x) => spanSecured(scenario, s, x.id)).length;
  climbLadder(scenario, s, violationsThisRound, securedNow);
  lapseLingeringRelief(scenario, s);
  settlePackages(scenario, s);
  for (const d of catalog(scenario).delegationIds) {
    if ((s.delegations[d]?.support ?? 100) < t.shockSupport) domesticShock(scenario, s, d, 'Domestic backlash');
  }
  strandDecay(scenario, s);
  const fronts = Object.values(s.fronts);
  const avg = fronts.reduce((a, f) => a + f.tension, 0) / Math.max(1, fronts.length);
  const pull = Math.round(((avg - 50) * t.wholeFrontWeight) / 100);
  // One change (clamped once), its two parts named in the cause.
  const signed = (n: number) => (n < 0 ? `−${-n}` : `+${n}`);
  addTension(s, t.driftPerRound + pull, `Drift of an unsettled truce (${signed(t.driftPerRound)}) and the fronts' pull (${signed(pull)})`);
  for (const f of fronts) f.tension = clamp(f.tension - t.frontTensionDecay - 2 * f.observers - 2 * f.patrols);
}

/** §5.4 indivisibility: a deal on some strands of the phase while others have none lets those decay. */
function strandDecay(scenario: Scenario, s: GameState) {
  const per = scenario.tunables.strandDecayTension;
  const spec = scenario.phases.find((p) => p.id === s.phase);
  if (per <= 0 || !spec) return;
  const tracks = Object.keys(spec.requires);
  const bare = tracks.filter((t) => securedSpansOn(scenario, s, s.phase, t) === 0);
  if (bare.length === 0 || bare.length === tracks.length) return;
  const text = `Only part of the settlement stands: with nothing secured on ${bare.join(', ')}, those strands decay`;
  addTension(s, per * bare.length, text);
  say(s, 'strands.decay', `${text}.`);
}

function recordHistory(scenario: Scenario, s: GameState, incidents: number) {
  const ids = catalog(scenario).delegationIds;
  const fronts: Record<string, number> = {};
  for (const k in s.fronts) fronts[k] = (s.fronts[k] as GameState['fronts'][string]).tension;
  const support: Record<string, number> = {};
  const trust: Record<string, number> = {};
  for (const d of ids) {
    support[d] = s.delegations[d]?.support ?? 0;
    let sum = 0;
    for (const x of ids) if (x !== d) sum += s.trust[x]?.[d] ?? 50;
    trust[d] = Math.round(sum / Math.max(1, ids.length - 1));
  }
  s.history.push({
    round: s.round,
    phase: s.phase,
    tension: s.tension,
    fronts,
    support,
    trust,
    secured: scenario.interlocks.filter((x) => spanSecured(scenario, s, x.id)).length,
    escrow: s.escrow.balance,
    incidents,
  });
}
