// Binding dispute resolution (docs/rules.md §6.6): a finding contested before a standing panel,
// over rounds — filing, the respondent's answer, a round of fact-finding, a binding ruling, and
// reparation or enforcement. Each clause is a function a test can call alone.
import { catalog } from './catalog';
import { addSupport, addTension, addTrust, addTrustFromAll, editIncident, nameOf, say } from './draft';
import type { Scenario } from './scenario/schema';
import { removeStanding, standingStep } from './standing';
import type { DelegationId, Dispute, Finding, GameState, IntentOf } from './types';

/** The trust every other delegation gives back to a filer that honours an upheld ruling. */
export const COMPLIANCE_TRUST = 2;
/** The trust a penalty cost its target in each member (council.ts), given back when struck. */
const PENALTY_TRUST = 3;

const sameFinding = (a: Finding, b: Finding): boolean =>
  a.kind === 'attribution'
    ? b.kind === 'attribution' && a.incident === b.incident
    : b.kind === 'violation' && a.move === b.move && a.round === b.round;

/** Whom a finding names and the round it was made in, or null when there is no such disputable finding. */
export function findingOf(scenario: Scenario, s: GameState, f: Finding): { named: DelegationId; round: number } | null {
  if (f.kind === 'attribution') {
    const inc = s.incidents.find((i) => i.id === f.incident);
    const named = inc?.attribution?.named;
    if (!inc || inc.cancelled || !inc.attribution || !named || !catalog(scenario).delegation.has(named)) return null;
    return { named, round: inc.attribution.round };
  }
  const v = s.violations.find((x) => x.move === f.move && x.round === f.round && !x.struck);
  return v ? { named: v.delegation, round: v.round } : null;
}

/** A finding may be disputed in the round it was made or the round after (§6.6). */
const inTime = (s: Pick<GameState, 'round'>, findingRound: number): boolean => s.round <= findingRound + 1;

/** Each finding is disputed once. */
const alreadyDisputed = (s: Pick<GameState, 'disputes'>, f: Finding): boolean => (s.disputes ?? []).some((x) => sameFinding(x.finding, f));

export const disputeOf = (s: GameState, id: number): Dispute | undefined => s.disputes?.find((d) => d.id === id);

/** A delegation that refused a binding ruling may file no other dispute. */
export const barredFromDisputes = (s: GameState, d: DelegationId): boolean =>
  (s.disputes ?? []).some((x) => x.filer === d && x.stage === 'enforced');

/** The panel: the council when it exists, else the monitors' delegation for the international organisations. */
export const panelFor = (scenario: Scenario, s: GameState): Dispute['panel'] =>
  s.council.founded ? 'council' : scenario.monitors.allocator;

/** Who answers for a finding (§6.6): the chair or the monitors, in an order set by the finding's kind; never the filer. */
export function respondentFor(scenario: Scenario, s: GameState, filer: DelegationId, kind: Finding['kind']): DelegationId {
  const chair = scenario.council.chair;
  const monitors = scenario.monitors.allocator;
  const chairSits = chair !== undefined && s.council.founded && s.council.members.includes(chair) ? chair : undefined;
  const order = kind === 'attribution' ? [chairSits, monitors] : [monitors, chair];
  const ids = catalog(scenario).delegationIds;
  for (const d of order) if (d !== undefined && d !== filer && ids.includes(d)) return d;
  return ids.find((d) => d !== filer) ?? filer;
}

/** Why `d` may not file this dispute now, or null. */
export function fileProblem(scenario: Scenario, s: GameState, d: DelegationId, f: Finding): string | null {
  if (s.step !== 'negotiation') return 'disputes are filed during negotiation';
  const found = findingOf(scenario, s, f);
  if (!found) return 'there is no such finding to dispute';
  if (found.named !== d) return 'only the delegation a finding names may dispute it';
  if (!inTime(s, found.round)) return 'a finding is disputed in its round or the round after';
  if (alreadyDisputed(s, f)) return 'that finding has already been disputed';
  if (barredFromDisputes(s, d)) return 'this delegation refused a binding ruling and may file no dispute';
  const del = s.delegations[d];
  const cost = scenario.tunables.disputeFilingCost;
  if (!del || del.ap - del.apDebt < cost) return `filing a dispute needs ${cost} free action point${cost === 1 ? '' : 's'}`;
  return null;
}

/** The findings `d` may dispute now (§6.6). */
export function disputableFindings(scenario: Scenario, s: GameState, d: DelegationId): Finding[] {
  const out: Finding[] = [];
  const keep = (f: Finding) => {
    if (fileProblem(scenario, s, d, f) === null) out.push(f);
  };
  for (const inc of s.incidents) if (inc.attribution?.named === d) keep({ kind: 'attribution', incident: inc.id });
  for (const v of s.violations) if (v.delegation === d) keep({ kind: 'violation', move: v.move, round: v.round });
  return out;
}

const answerStep = (s: GameState) => s.step === 'negotiation' || s.step === 'commit';

export function answerProblem(s: GameState, d: DelegationId, id: number): string | null {
  if (!answerStep(s)) return 'disputes are answered during negotiation or commit';
  const x = disputeOf(s, id);
  if (!x) return `no dispute #${id}`;
  if (x.respondent !== d) return `only ${x.respondent} answers dispute #${id}`;
  if (x.stage !== 'filed' || s.round !== x.filedRound) return `dispute #${id} is no longer awaiting an answer`;
  return null;
}

export function complyProblem(s: GameState, d: DelegationId, id: number): string | null {
  if (!answerStep(s)) return 'rulings are complied with during negotiation or commit';
  const x = disputeOf(s, id);
  if (!x) return `no dispute #${id}`;
  if (x.filer !== d) return `only the filer complies with the ruling on dispute #${id}`;
  if (x.stage !== 'upheld' || x.complyBy === null || s.round > x.complyBy)
    return `the ruling on dispute #${id} orders nothing of this delegation now`;
  return null;
}

/** A finding in the players' words. */
export function findingText(scenario: Scenario, f: Finding): string {
  if (f.kind === 'attribution') return `the attribution of incident #${f.incident}`;
  return `the violation of "${catalog(scenario).move.get(f.move)?.name ?? f.move}" (round ${f.round})`;
}

/** The dispute on a draft, copied on write. */
function editDispute(s: GameState, id: number): Dispute | undefined {
  if (!s.disputes) return undefined;
  const i = s.disputes.findIndex((d) => d.id === id);
  const d = s.disputes[i];
  if (!d) return undefined;
  const copy: Dispute = { ...d, answer: d.answer ? { ...d.answer } : null };
  s.disputes[i] = copy;
  return copy;
}

export function fileDispute(scenario: Scenario, s: GameState, intent: IntentOf<'dispute.file'>) {
  const filer = intent.actor;
  const list = s.disputes ? s.disputes : (s.disputes = []);
  const dispute: Dispute = {
    id: list.length + 1,
    filer,
    finding: { ...intent.finding },
    statement: intent.statement ?? '',
    filedRound: s.round,
    panel: panelFor(scenario, s),
    respondent: respondentFor(scenario, s, filer, intent.finding.kind),
    stage: 'filed',
    answer: null,
    rulingRound: s.round + 1,
    complyBy: null,
  };
  list.push(dispute);
  const del = s.delegations[filer];
  if (del) del.apDebt += scenario.tunables.disputeFilingCost;
  const panel = dispute.panel === 'council' ? 'the council' : nameOf(scenario, dispute.panel);
  const statement = dispute.statement ? ` "${dispute.statement}"` : '';
  say(
    s,
    'dispute.filed',
    `${nameOf(scenario, filer)} disputes ${findingText(scenario, dispute.finding)} before ${panel} (dispute #${dispute.id}).${statement} ${nameOf(scenario, dispute.respondent)} answers for the finding; the ruling is due in round ${dispute.rulingRound}.`,
  );
}

export function answerDispute(scenario: Scenario, s: GameState, intent: IntentOf<'dispute.answer'>) {
  const x = editDispute(s, intent.dispute);
  if (!x) return;
  x.answer = { concede: intent.concede, reason: intent.reason ?? '' };
  const who = nameOf(scenario, intent.actor);
  if (intent.concede) {
    say(s, 'dispute.answered', `${who} concedes dispute #${x.id}.`);
    strike(scenario, s, x);
    return;
  }
  x.stage = 'fact-finding';
  say(
    s,
    'dispute.answered',
    `${who} maintains ${findingText(scenario, x.finding)}: dispute #${x.id} goes to fact-finding; the ruling is due in round ${x.rulingRound}.`,
  );
}

export function complyWithRuling(scenario: Scenario, s: GameState, intent: IntentOf<'dispute.comply'>) {
  const x = editDispute(s, intent.dispute);
  if (!x) return;
  x.stage = 'complied';
  const cause = `${nameOf(scenario, x.filer)} complies with the ruling on dispute #${x.id}`;
  addSupport(s, x.filer, -scenario.tunables.disputeReparation, cause);
  addTrustFromAll(s, x.filer, COMPLIANCE_TRUST, cause);
  say(s, 'dispute.complied', `${cause}: it makes reparation.`);
}

/** The facts as the White Cell knows them: is the finding true? */
function findingHolds(s: GameState, x: Dispute): boolean {
  const f = x.finding;
  if (f.kind === 'attribution') return s.incidents.find((i) => i.id === f.incident)?.sponsor === x.filer;
  const v = s.violations.find((y) => y.move === f.move && y.round === f.round);
  return v !== undefined && v.groundless !== true;
}

/** The council step (§4.7): unanswered disputes go to fact-finding, due rulings are given, refused ones enforced. */
export function ruleDisputes(scenario: Scenario, s: GameState) {
  if (!s.disputes) return;
  for (const open of s.disputes.slice()) {
    if (open.stage === 'filed') {
      const x = editDispute(s, open.id);
      if (!x) continue;
      x.stage = 'fact-finding';
      say(
        s,
        'dispute.answered',
        `Dispute #${x.id} was not answered: ${findingText(scenario, x.finding)} is maintained and goes to fact-finding.`,
      );
    } else if (open.stage === 'fact-finding' && s.round >= open.rulingRound) {
      const x = editDispute(s, open.id);
      if (!x) continue;
      x.rulingRound = s.round;
      if (findingHolds(s, x)) uphold(scenario, s, x);
      else strike(scenario, s, x);
    } else if (open.stage === 'upheld' && open.complyBy !== null && s.round >= open.complyBy) {
      const x = editDispute(s, open.id);
      if (x) enforce(scenario, s, x);
    }
  }
}

/** Who struck or upheld the finding: the panel by its ruling, or the respondent by its concession. */
function rulingBy(scenario: Scenario, x: Dispute): { kind: string; text: string } {
  if (x.answer?.concede) return { kind: 'dispute.settled', text: `Dispute #${x.id} is settled by concession` };
  const panel = x.panel === 'council' ? 'The council' : `${nameOf(scenario, x.panel)}, sitting as the panel,`;
  return { kind: 'dispute.ruling', text: `${panel} rules on dispute #${x.id}` };
}

/** A struck finding is reversed (§6.6). */
function strike(scenario: Scenario, s: GameState, x: Dispute) {
  x.stage = 'struck';
  x.rulingRound = s.round;
  const f = x.finding;
  const t = scenario.tunables;
  if (f.kind === 'attribution') {
    const inc = editIncident(s, f.incident);
    if (!inc) return;
    const auto = inc.attribution?.named === x.filer ? inc.attribution.auto : undefined;
    inc.attribution = { named: inc.sponsor, confidence: 95, round: s.round, override: false };
    inc.revealed = true;
    const repaid = s.council.motions
      .filter((m) => m.incident === inc.id && m.target === x.filer && m.status === 'passed')
      .map((m) => m.penalty);
    if (auto !== undefined) repaid.push(auto);
    for (const id of repaid) repayPenalty(scenario, s, x.filer, id, x.id);
    const by = rulingBy(scenario, x);
    say(
      s,
      by.kind,
      `${by.text}: the attribution of incident #${inc.id} to ${nameOf(scenario, x.filer)} is struck; the sponsor was ${nameOf(scenario, inc.sponsor)}.${repaid.length ? ` ${repaid.length} penalt${repaid.length === 1 ? 'y is' : 'ies are'} repaid.` : ''}`,
    );
    return;
  }
  const i = s.violations.findIndex((v) => v.move === f.move && v.round === f.round);
  const v = s.violations[i];
  if (!v) return;
  s.violations[i] = { ...v, struck: true };
  const cause = `Dispute #${x.id}: the violation of "${catalog(scenario).move.get(v.move)?.name ?? v.move}" is struck`;
  addTension(s, -t.violationTension, cause);
  addTrustFromAll(s, x.filer, t.violationTrustLoss, cause);
  const by = rulingBy(scenario, x);
  say(s, by.kind, `${by.text}: ${findingText(scenario, f)} is struck; ${nameOf(scenario, x.filer)} was carrying the step out.`);
}

function repayPenalty(scenario: Scenario, s: GameState, filer: DelegationId, penaltyId: string, disputeId: number) {
  const pen = scenario.council.penalties.find((p) => p.id === penaltyId);
  const del = s.delegations[filer];
  if (!pen || !del) return;
  del.penalties = Math.max(0, del.penalties - 1);
  const cause = `Dispute #${disputeId}: the penalty on ${nameOf(scenario, filer)} (${pen.name}) is repaid`;
  addSupport(s, filer, pen.supportLoss, cause);
  for (const m of s.council.members) if (m !== filer) addTrust(s, filer, m, PENALTY_TRUST, cause);
}

/** An upheld finding: the dispute was groundless, and the filer owes reparation by the next round. */
function uphold(scenario: Scenario, s: GameState, x: Dispute) {
  x.stage = 'upheld';
  x.complyBy = s.round + 1;
  const f = x.finding;
  if (f.kind === 'attribution') {
    const inc = editIncident(s, f.incident);
    if (inc) inc.revealed = true;
  }
  addTrustFromAll(s, x.filer, -scenario.tunables.disputeLossTrust, `Dispute #${x.id} was groundless: ${findingText(scenario, f)} stands`);
  say(
    s,
    'dispute.ruling',
    `${rulingBy(scenario, x).text}: ${findingText(scenario, f)} is upheld. ${nameOf(scenario, x.filer)} must make reparation by the end of round ${x.complyBy}'s commit.`,
  );
}

/** A ruling refused is enforced (§6.6): trust, snapback of the refuser's relief, the escrow forfeit, no more disputes. */
function enforce(scenario: Scenario, s: GameState, x: Dispute) {
  x.stage = 'enforced';
  const t = scenario.tunables;
  const cat = catalog(scenario);
  const refuser = x.filer;
  addTrustFromAll(s, refuser, -t.disputeRefusalTrust, `${nameOf(scenario, refuser)} refused the binding ruling on dispute #${x.id}`);
  const withdrawn: string[] = [];
  for (const span of scenario.interlocks) {
    if (cat.move.get(span.restraint)?.delegation !== refuser) continue;
    for (const id of span.reciprocal) {
      const m = cat.move.get(id);
      if (!m?.tags.includes('relief') || !standingStep(s, id)) continue;
      removeStanding(s, id);
      withdrawn.push(m.name);
    }
  }
  let forfeit = 0;
  if (scenario.escrow.recipient === refuser) {
    forfeit = Math.min(s.escrow.balance, t.disputeForfeit);
    if (forfeit > 0) s.escrow = { ...s.escrow, balance: s.escrow.balance - forfeit, forfeited: (s.escrow.forfeited ?? 0) + forfeit };
  }
  const parts = [
    withdrawn.length ? `the relief it was granted snaps back (${withdrawn.map((n) => `"${n}"`).join(', ')})` : '',
    forfeit > 0 ? `${forfeit} of the escrow fund is forfeited` : '',
  ].filter(Boolean);
  say(
    s,
    'dispute.enforced',
    `${nameOf(scenario, refuser)} did not comply with the ruling on dispute #${x.id}: it is enforced${parts.length ? `: ${parts.join('; ')}` : ''}. ${nameOf(scenario, refuser)} may file no further dispute.`,
  );
}

/**
 * Whether `d` has dispute business this round: a finding naming it it could still contest, a
 * dispute to answer, or a ruling to comply with (the AI seat loop asks it then; judged from
 * public state only, so any view will do).
 */
export function hasDisputeBusiness(s: Pick<GameState, 'round' | 'incidents' | 'violations' | 'disputes'>, d: DelegationId): boolean {
  if ((s.disputes ?? []).some((x) => (x.respondent === d && x.stage === 'filed') || (x.filer === d && x.stage === 'upheld'))) return true;
  for (const inc of s.incidents)
    if (inc.attribution?.named === d && inTime(s, inc.attribution.round) && !alreadyDisputed(s, { kind: 'attribution', incident: inc.id }))
      return true;
  for (const v of s.violations)
    if (v.delegation === d && !v.struck && inTime(s, v.round) && !alreadyDisputed(s, { kind: 'violation', move: v.move, round: v.round }))
      return true;
  return false;
}
