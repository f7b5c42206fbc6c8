// Council business: calling for penalties on attributed incidents and voting on motions.
import { catalog, type GameView, type Scenario } from '../engine/core';
import { trustIn } from './facts';
import type { Profile } from './persona';
import { roll, streamFor, who, type Decision } from './words';

function frontName(scenario: Scenario, id: string) {
  return catalog(scenario).front.get(id)?.name ?? id;
}

export function councilBusiness(scenario: Scenario, view: GameView, me: string, p: Profile): Decision[] {
  if (!view.council.founded || !view.council.members.includes(me)) return [];
  const out: Decision[] = [];
  const r = streamFor(p, view, 'council');
  const penalties = [...scenario.council.penalties].sort((a, b) => a.severity - b.severity);
  for (const inc of view.incidents) {
    const a = inc.attribution;
    const named = a?.named;
    if (!a || !named || named === me || named === 'spoiler' || named === 'hidden' || a.round < view.round - 1) continue;
    if (view.council.motions.some((m) => m.incident === inc.id)) continue;
    if (a.confidence < p.penaltyConfidence) continue;
    const isDelegation = catalog(scenario).delegation.has(named);
    const wary = !isDelegation || trustIn(view, me, named) < 60 || p.personality === 'hawk';
    const chance = p.personality === 'hawk' ? 90 : p.personality === 'dove' ? (inc.severity >= 2 ? 40 : 0) : 65;
    if (!wary || !roll(r, chance)) continue;
    const wanted = Math.min(3, inc.severity + (p.personality === 'hawk' ? 1 : 0) - (p.personality === 'dove' ? 1 : 0));
    const pen = penalties.find((x) => x.severity >= Math.max(1, wanted)) ?? penalties[0];
    if (!pen) continue;
    out.push({
      intent: { type: 'council.penalize', actor: me, incident: inc.id, penalty: pen.id },
      reason: `We call for ${pen.name.toLowerCase()} on ${who(scenario, named)}: the joint inquiry named it for incident #${inc.id} on the ${frontName(scenario, inc.front)} front with ${a.confidence}% confidence, and an attack left without an answer invites the next one.`,
    });
  }
  for (const m of view.council.motions) {
    if (m.status !== 'open' || me in m.votes) continue;
    const inc = view.incidents.find((i) => i.id === m.incident);
    const confidence = inc?.attribution?.confidence ?? 0;
    const pen = scenario.council.penalties.find((x) => x.id === m.penalty);
    let yes: boolean;
    let reason: string;
    if (m.target === me) {
      yes = false;
      reason = `We vote no: the finding on incident #${m.incident} rests on ${confidence}% confidence and names us; we reject it.`;
    } else if (confidence < p.penaltyConfidence) {
      yes = false;
      reason = `We vote no: ${confidence}% confidence is too thin to punish ${who(scenario, m.target)} for incident #${m.incident}.`;
    } else if (catalog(scenario).delegation.has(m.target) && trustIn(view, me, m.target) >= 70 && p.personality !== 'hawk') {
      yes = false;
      reason = `We vote no: ${who(scenario, m.target)} has kept its word with us, and we would rather settle incident #${m.incident} by talks.`;
    } else {
      yes = true;
      reason = `We vote yes: the inquiry named ${who(scenario, m.target)} for incident #${m.incident} with ${confidence}% confidence; ${pen ? pen.name.toLowerCase() : 'the penalty'} is a proportionate answer.`;
    }
    out.push({ intent: { type: 'council.vote', actor: me, motion: m.id, yes }, reason });
  }
  return out;
}
