// The facilitator's powers (the White Cell): injects, overrides, reveals, pause, end.
import { catalog } from './catalog';
import { editIncident, nameOf, say } from './draft';
import { fireInject, injectEffects } from './injects';
import { checkMsel, describeChange, mselInject, planAfter, planOf } from './msel';
import { recordViolation } from './interlock';
import { effectsProblem } from './scenario/limits';
import type { Effects, Scenario } from './scenario/schema';
import { inForce } from './standing';
import type { GameState, Intent } from './types';

/** How the log line of the White Cell's ending opens: the one mark of an ending that is not the rules' (flow.ts endingOf). */
export const WHITE_CELL_ENDED = 'The facilitator ended the game';
/** The reason an ending of the White Cell's carries when the facilitator typed none. */
export const WHITE_CELL_NO_REASON = 'the facilitator ended the game';

/** An inject written on the spot obeys the scenario format's limits and names known ids. */
function checkEffects(scenario: Scenario, e: unknown): string | null {
  const problem = effectsProblem(e);
  if (problem) return `the inject's effects are out of bounds (${problem})`;
  const data = e as Effects;
  const cat = catalog(scenario);
  const known: Array<[Record<string, unknown> | undefined, (id: string) => boolean, string]> = [
    [data.fronts, (id) => cat.front.has(id), 'front'],
    [data.support, (id) => cat.delegation.has(id), 'delegation'],
    [data.funding, (id) => scenario.proxyNetworks.some((n) => n.id === id), 'network'],
    [data.verification, (id) => scenario.tracks.some((t) => t.id === id), 'track'],
    [data.patrols, (id) => cat.front.has(id), 'front'],
  ];
  for (const [rec, ok, kind] of known)
    for (const id of Object.keys(rec ?? {})) if (!ok(id)) return `unknown ${kind} "${id}" in the inject's effects`;
  return null;
}

export function checkFacilitator(scenario: Scenario, s: GameState, intent: Intent): string | null {
  switch (intent.type) {
    case 'facilitator.pause':
      return s.paused ? 'already paused' : null;
    case 'facilitator.resume':
      return s.paused ? null : 'not paused';
    case 'step.close':
      if (s.paused) return 'the game is paused';
      return s.step === 'negotiation' || s.step === 'commit' ? null : 'no step to close';
    case 'facilitator.inject': {
      if (typeof intent.inject === 'string') {
        const inj = mselInject(scenario, s, intent.inject);
        if (!inj) return `unknown inject "${intent.inject}"`;
        if (inj.round !== undefined && s.firedInjects.includes(inj.id))
          return `"${inj.title}" has already fired (a scheduled inject fires once)`;
        if (planOf(s).cancelled.includes(inj.id)) return `"${inj.title}" is cancelled`;
        return null;
      }
      const inj = intent.inject;
      if (inj.title.trim() === '' || inj.text.trim() === '') return 'an inject needs a title and a text';
      if (inj.audience !== 'all' && inj.audience.some((d) => !catalog(scenario).delegation.has(d)))
        return 'unknown delegation in the audience';
      return checkEffects(scenario, inj.effects);
    }
    case 'facilitator.override': {
      const o = intent.override;
      if (o.kind === 'verification') {
        if (!inForce(s, o.move)) return 'that move is not in force';
        return null;
      }
      const inc = s.incidents.find((i) => i.id === o.incident);
      if (!inc) return `no incident #${o.incident}`;
      if (o.kind === 'cancelIncident' && inc.cancelled) return 'already cancelled';
      return null;
    }
    case 'facilitator.reveal':
      if (intent.to !== 'all' && !catalog(scenario).delegation.has(intent.to)) return 'unknown delegation';
      if (intent.what === 'incident' && !s.incidents.some((i) => i.id === intent.incident)) return 'no such incident';
      if (intent.whose !== undefined && (intent.what !== 'objectives' || !catalog(scenario).delegation.has(intent.whose)))
        return intent.what === 'objectives' ? `unknown delegation "${intent.whose}"` : 'only objectives are revealed by whose';
      return null;
    case 'facilitator.end':
      return null;
    case 'facilitator.msel':
      if (intent.changes.length === 0) return 'no change to the events list';
      return checkMsel(scenario, s, intent.changes);
    case 'facilitator.undo':
      // Which acts can be undone is the log's to say (the machine keeps the state before each).
      return s.step === 'negotiation' || s.step === 'commit' ? null : 'nothing can be undone now';
    default:
      return 'not a facilitator action';
  }
}

export function applyFacilitator(scenario: Scenario, s: GameState, intent: Intent) {
  switch (intent.type) {
    case 'facilitator.pause':
      s.paused = true;
      say(s, 'paused', 'The facilitator paused the game.');
      return;
    case 'facilitator.resume':
      s.paused = false;
      say(s, 'resumed', 'The facilitator resumed the game.');
      return;
    case 'facilitator.inject':
      if (typeof intent.inject === 'string') {
        const inj = mselInject(scenario, s, intent.inject);
        if (inj) fireInject(scenario, s, inj);
      } else {
        s.customInjects += 1;
        injectEffects(scenario, s, intent.inject.effects, intent.inject.title, intent.inject.audience);
        say(s, 'inject', `${intent.inject.title}: ${intent.inject.text}`, intent.inject.audience);
      }
      return;
    case 'facilitator.override': {
      const from = s.events.length;
      applyOverride(scenario, s, intent.override);
      withReason(s, from, intent.reason);
      return;
    }
    case 'facilitator.reveal': {
      const from = s.events.length;
      const audience = intent.to === 'all' ? 'all' : [intent.to];
      if (intent.what === 'incident') {
        const inc = intent.incident === undefined ? undefined : editIncident(s, intent.incident);
        if (inc) {
          if (intent.to === 'all') inc.revealed = true;
          s.revealed.incidents.push({ id: inc.id, to: intent.to });
          say(s, 'reveal', `Revealed: incident #${inc.id} was sponsored by ${nameOf(scenario, inc.sponsor)}.`, audience);
        }
      } else if (intent.what === 'defections') {
        const list = s.quietDefections;
        const text = list.length
          ? list.map((q) => `${nameOf(scenario, q.delegation)} quietly abandoned "${catalog(scenario).move.get(q.move)?.name}"`).join('; ')
          : 'no delegation is quietly defecting';
        s.revealed.defections.push(intent.to);
        say(s, 'reveal', `Revealed: ${text}.`, audience);
      } else {
        // The objectives themselves go into the line: the reveal shows them, in the log and on reload.
        const whose = intent.whose ?? 'all';
        s.revealed.objectives.push({ to: intent.to, whose });
        const list = scenario.delegations
          .filter((d) => whose === 'all' || d.id === whose)
          .filter((d) => d.id !== intent.to || intent.to === 'all')
          .map((d) => {
            const dealt = s.objectives[d.id] ?? [];
            const held = d.secretObjectives.filter((o) => dealt.includes(o.id));
            return `${d.name}: ${held.map((o) => o.text).join('; ') || 'none'}`;
          });
        say(s, 'reveal', `Revealed, secret objectives — ${list.join(' | ')}.`, audience);
      }
      withReason(s, from, intent.reason);
      return;
    }
    case 'facilitator.msel':
      say(
        s,
        'msel',
        `White Cell changed the events list: ${intent.changes.map((c) => describeChange(scenario, s, c)).join('; ')}.`,
        'secret',
      );
      s.msel = planAfter(scenario, s, intent.changes);
      return;
    case 'facilitator.end':
      s.outcome = intent.outcome;
      s.endReason = intent.reason ?? WHITE_CELL_NO_REASON;
      s.step = 'ended';
      say(s, 'ended', `${WHITE_CELL_ENDED}: ${intent.outcome}.`);
      return;
    default:
      return;
  }
}

/** The White Cell's reason, said with its ruling or reveal (in the line it wrote from `from` on). */
function withReason(s: GameState, from: number, reason: string | undefined) {
  const r = reason?.trim();
  if (!r) return;
  const i = s.events.findIndex((e, k) => k >= from && (e.kind === 'override' || e.kind === 'reveal'));
  const line = s.events[i];
  if (line) s.events[i] = { ...line, text: `${line.text} Reason: ${r}` };
}

function applyOverride(scenario: Scenario, s: GameState, o: Extract<Intent, { type: 'facilitator.override' }>['override']) {
  if (o.kind === 'verification') {
    const i = s.standing.findIndex((st) => st.move === o.move);
    const st = s.standing[i];
    if (!st) return;
    const name = catalog(scenario).move.get(o.move)?.name ?? o.move;
    if (o.result === 'verified') {
      s.standing[i] = { ...st, verified: true, verifiedRound: s.round };
      say(s, 'override', `White Cell ruling: "${name}" is verified.`);
    } else {
      say(s, 'override', `White Cell ruling: "${name}" is found in violation.`);
      recordViolation(scenario, s, o.move, true);
    }
    return;
  }
  const inc = editIncident(s, o.incident);
  if (!inc) return;
  switch (o.kind) {
    case 'cancelIncident':
      inc.cancelled = true;
      say(s, 'override', `White Cell ruling: incident #${inc.id} is struck from the record.`);
      return;
    case 'attribution': {
      inc.attribution = { named: o.sponsor, confidence: 100, round: s.round, override: true };
      const who = o.sponsor === null ? 'no one' : nameOf(scenario, o.sponsor);
      say(s, 'override', `White Cell ruling: incident #${inc.id} is attributed to ${who}.`);
      return;
    }
    default: {
      // A new kind of ruling must be handled above: the compiler says so here.
      const unhandled: never = o;
      throw new Error(`unknown facilitator ruling ${JSON.stringify(unhandled)}`);
    }
  }
}
