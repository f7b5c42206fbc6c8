// The AI's doctrine in binding disputes (docs/rules.md §6.6): it files when it has reason to think
// a finding wrong (it was named for an attack that was not its own, or ruled in violation of a
// step it was carrying out), answers for findings as the respondent, and complies with an upheld
// ruling or, a hawk, lets it be enforced. Reasons speak of the finding only, never of objectives.
import { catalog, disputableFindings, type Finding, type GameView, type Scenario } from '../engine/core';
import type { Profile } from './persona';
import { who, type Decision } from './words';

/**
 * How likely, to this delegation, a finding naming it is wrong (0–100): certain when the attack's
 * network is not its own (it cannot be the sponsor); for the patron, the odds that the network
 * acted alone given that an inquiry of this confidence named the patron (it cannot tell an order
 * of its own from the network acting alone); certain for a violation ruled on a step it was
 * carrying out, nil for one it had abandoned.
 */
export function doubtOf(scenario: Scenario, view: GameView, me: string, f: Finding): number {
  if (f.kind === 'violation') {
    const v = view.violations.find((x) => x.move === f.move && x.round === f.round);
    return v?.groundless ? 100 : 0;
  }
  const inc = view.incidents.find((i) => i.id === f.incident);
  const net = scenario.proxyNetworks.find((n) => n.id === inc?.network);
  if (!inc || !net || net.patron !== me) return 100;
  // Named rightly with the inquiry's confidence, or wrongly among the other suspects (§6.2).
  const c = (inc.attribution?.confidence ?? 100) / 100;
  const alone = net.autonomy / 100;
  const others = Math.max(1, suspectsOf(scenario, inc.front).length - 1);
  const wrong = (alone * (1 - c)) / others;
  const right = (1 - alone) * c;
  return wrong + right > 0 ? Math.round((100 * wrong) / (wrong + right)) : 0;
}

/** Who an inquiry may name for an attack on this front: the patron, the network, spoilers, the exposed (rules §6.2). */
function suspectsOf(scenario: Scenario, front: string): string[] {
  const exposed = catalog(scenario).front.get(front)?.exposed ?? [];
  return ['patron', 'independent', 'spoiler', ...exposed];
}

/** The inquiry confidence from which a respondent leaves even an unlikely finding to the panel. */
const DEFEND_FROM = 75;

/** The doubt from which each personality contests a finding (a hawk contests every one). */
const FILE_AT: Record<Profile['personality'], number> = { hawk: 0, pragmatist: 25, dove: 60 };

export function disputeBusiness(scenario: Scenario, view: GameView, me: string, p: Profile): Decision[] {
  const out: Decision[] = [];
  if (view.step === 'negotiation')
    for (const finding of disputableFindings(scenario, view, me)) {
      const doubt = doubtOf(scenario, view, me, finding);
      if (doubt < FILE_AT[p.personality] || (doubt === 0 && p.personality !== 'hawk')) continue;
      out.push({
        intent: { type: 'dispute.file', actor: me, finding, statement: statementOf(scenario, view, finding, doubt) },
        reason: fileReason(doubt),
      });
    }
  for (const x of view.disputes ?? []) {
    if (x.stage === 'filed' && x.respondent === me && x.filedRound === view.round) {
      const f = x.finding;
      const inc = f.kind === 'attribution' ? view.incidents.find((i) => i.id === f.incident) : undefined;
      const confidence = inc?.attribution?.confidence ?? 100;
      // A finding that names a delegation with no hold on the network is conceded, unless the
      // inquiry was confident enough that only the panel's fact-finding should set it aside.
      const cannot = inc !== undefined && !couldSponsor(scenario, view, inc.id, x.filer) && confidence < DEFEND_FROM;
      out.push({
        intent: { type: 'dispute.answer', actor: me, dispute: x.id, concede: cannot },
        reason: cannot
          ? `We concede dispute #${x.id}: ${who(scenario, x.filer)} has no hold on the network that struck, and the inquiry was only ${confidence}% sure.`
          : `We maintain the finding in dispute #${x.id}: ${inc ? `the inquiry reached ${confidence}% confidence; ` : ''}the panel's fact-finding will settle it.`,
      });
    }
    if (x.stage === 'upheld' && x.filer === me && x.complyBy !== null && view.round <= x.complyBy && p.personality !== 'hawk')
      out.push({
        intent: { type: 'dispute.comply', actor: me, dispute: x.id },
        reason: `We comply with the ruling on dispute #${x.id}: a binding ruling ignored would make every commitment at this table worth less, ours first.`,
      });
  }
  return out;
}

/** Whether the delegation named could have sponsored the incident: only its network's patron could. */
function couldSponsor(scenario: Scenario, view: GameView, incident: number, named: string): boolean {
  const inc = view.incidents.find((i) => i.id === incident);
  const net = scenario.proxyNetworks.find((n) => n.id === inc?.network);
  return net?.patron === named;
}

function statementOf(scenario: Scenario, view: GameView, f: Finding, doubt: number): string {
  if (f.kind === 'violation')
    return `We were carrying out "${catalog(scenario).move.get(f.move)?.name ?? f.move}"; let the monitors' record be examined.`;
  const inc = view.incidents.find((i) => i.id === f.incident);
  const net = scenario.proxyNetworks.find((n) => n.id === inc?.network);
  if (doubt >= 100) return `We have no hold on whoever struck in incident #${f.incident}; the finding names the wrong party.`;
  return `${net?.name ?? 'The network'} acts on its own more often than the inquiry allows; we did not order incident #${f.incident}.`;
}

function fileReason(doubt: number): string {
  if (doubt >= 100) return 'We dispute the finding: it names us for something we did not do, and a binding ruling will clear the record.';
  if (doubt > 0)
    return 'We dispute the finding: the inquiry cannot tell our orders from a network acting alone, and we will not carry a penalty on a guess.';
  return 'We dispute the finding: we do not accept the inquiry’s word, whatever it costs us.';
}
