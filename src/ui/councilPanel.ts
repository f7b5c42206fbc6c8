// The council, the escrow fund and the public compliance dashboard.
import { plural } from '../ai/words';
import type { Effects, GameView, Scenario } from '../engine';
import { term } from './glossary';
import { useState } from 'preact/hooks';
import { button, h, valueOf, type VNode } from './dom';
import { moveOf, nameOf, type Ctx } from './context';
import { disputeSection } from './disputePanel';

export function incidentLine(sc: Scenario, view: GameView, id: number): string {
  const inc = view.incidents.find((i) => i.id === id);
  if (!inc) return `incident #${id}`;
  const front = sc.fronts.find((f) => f.id === inc.front)?.name ?? inc.front;
  const a = inc.attribution;
  const who = inc.cancelled
    ? 'struck from the record'
    : !a
      ? 'unattributed'
      : a.named === null
        ? `inquiry inconclusive (${a.confidence}%)`
        : `attributed to ${nameOf(sc, a.named)} (${a.confidence}%${a.override ? ', facilitator ruling' : ''})`;
  return `#${inc.id} round ${inc.round}: ${inc.kind} attack, ${front}, severity ${inc.severity} — ${who}`;
}

/** A rung's effects in words: "tension −2, Iran support +3". */
function effectsText(sc: Ctx['sc'], e: Effects): string {
  const out: string[] = [];
  if (e.tension) out.push(`tension ${e.tension > 0 ? '+' : '−'}${Math.abs(e.tension)}`);
  for (const [d, v] of Object.entries(e.support ?? {})) out.push(`${nameOf(sc, d)} support ${v > 0 ? '+' : '−'}${Math.abs(v)}`);
  for (const [t, v] of Object.entries(e.verification ?? {})) out.push(`verification on ${t} +${v}%`);
  return out.join(', ') || 'no effect';
}

/** The moves that pay into the escrow, by delegation, from the scenario. */
function fillers(sc: Ctx['sc']): string {
  const moves = sc.moves.filter((m) => (m.effects.escrow ?? 0) > 0);
  if (!moves.length) return 'no move pays into it in this scenario';
  return moves.map((m) => `${nameOf(sc, m.delegation)} (“${m.name}”, ${m.effects.escrow})`).join(', ');
}

export function councilPanel(ctx: Ctx): VNode {
  const { sc, view, seat } = ctx;
  const c = view.council;
  const member = seat !== null && c.members.includes(seat);
  const inNegotiation = view.step === 'negotiation';
  const ladder = sc.council.ladder;
  const motions = c.motions.filter((m) => m.status === 'open');
  const decided = c.motions.filter((m) => m.status !== 'open' && m.round >= view.round - 1);
  const penalizable = view.incidents.filter(
    (i) =>
      i.attribution?.named && i.attribution.named !== 'spoiler' && !c.motions.some((m) => m.incident === i.id && m.status !== 'failed'),
  );
  const byDelegation = sc.delegations.map((d) => {
    const steps = view.standing.filter((st) => st.delegation === d.id);
    return { d, steps, verified: steps.filter((st) => st.verified).length };
  });
  return h(
    'div',
    { class: 'tabpanel' },
    h(
      'section',
      { class: 'section', 'aria-labelledby': 'council-h' },
      h('h2', { id: 'council-h' }, 'Standing mediation council'),
      c.founded
        ? h('p', { class: 'small' }, `Founded in round ${c.round}. Members: ${c.members.map((m) => nameOf(sc, m)).join(', ')}.`)
        : h(
            'p',
            { class: 'small muted' },
            `Not founded. Propose a package in which at least ${sc.council.minMembers} delegations, one of them a guarantor (${sc.council.guarantors.map((g) => nameOf(sc, g)).join(' or ')}), pledge to join.`,
          ),
      h('h3', {}, term('ladder')),
      h(
        'p',
        { class: 'small muted' },
        `With the council founded, it climbs a rung after ${sc.tunables.ladderRounds} rounds in a row with a span secured and no verified violation; a violation by anyone drops it a rung. Now: rung ${c.rung} of ${ladder.length}, ${c.compliantRounds} compliant round${c.compliantRounds === 1 ? '' : 's'} towards the next.`,
      ),
      h(
        'ol',
        { class: 'small', 'aria-label': `Incentive ladder: rung ${c.rung} of ${ladder.length}` },
        ...ladder.map((r, i) =>
          h(
            'li',
            { style: i < c.rung ? 'color: var(--ok)' : '' },
            `${i < c.rung ? '✔ ' : ''}${r.name}`,
            h('span', { class: 'muted' }, ` — ${effectsText(sc, r.effects)}`),
          ),
        ),
      ),
      decided.length
        ? h(
            'ul',
            { class: 'plain small', 'aria-label': 'Motions decided this round' },
            ...decided.map((m) =>
              h(
                'li',
                { key: m.id },
                `Motion #${m.id} (incident #${m.incident}) ${m.status}${seat && seat in m.votes ? `; you voted ${m.votes[seat] ? 'yes' : 'no'}` : ''}.`,
              ),
            ),
          )
        : null,
      motions.length
        ? h(
            'div',
            {},
            h('h3', {}, 'Motions'),
            ...motions.map((m) =>
              h(
                'div',
                { key: m.id, class: 'pkg small' },
                `Penalty "${sc.council.penalties.find((p) => p.id === m.penalty)?.name}" on ${nameOf(sc, m.target)} for incident #${m.incident} — ${Object.values(m.votes).filter(Boolean).length} yes of ${c.members.length}${seat && seat in m.votes ? `; you voted ${m.votes[seat] ? 'yes' : 'no'}` : ''}`,
                member && seat && !(seat in m.votes) && inNegotiation
                  ? h(
                      'div',
                      { class: 'row' },
                      button('Vote yes', () => ctx.send({ type: 'council.vote', actor: seat, motion: m.id, yes: true }), {
                        'aria-label': `Vote yes on motion ${m.id}`,
                      }),
                      button('Vote no', () => ctx.send({ type: 'council.vote', actor: seat, motion: m.id, yes: false }), {
                        'aria-label': `Vote no on motion ${m.id}`,
                      }),
                    )
                  : null,
              ),
            ),
          )
        : null,
      member && inNegotiation && penalizable.length
        ? h(
            'div',
            {},
            h('h3', {}, 'Call for a penalty'),
            ...penalizable.slice(-4).map((i) => h(PenaltyCall, { key: i.id, ctx, incident: i.id })),
          )
        : null,
    ),
    disputeSection(ctx),
    h(
      'section',
      { class: 'section', 'aria-labelledby': 'fund-h' },
      h('h2', { id: 'fund-h' }, term('escrow', 'Escrow reconstruction fund')),
      h(
        'div',
        { class: 'stat' },
        h('span', {}, 'Balance'),
        h('strong', {}, String(view.escrow.balance)),
        h('span', {}, 'Pledged so far'),
        h('strong', {}, String(view.escrow.pledged)),
        h('span', {}, 'Paid out on verified benchmarks'),
        h('strong', {}, String(view.escrow.paid)),
      ),
      h(
        'p',
        { class: 'small muted' },
        `Each secured span releases a `,
        term('tranche', 'tranche'),
        ` of ${sc.escrow.tranche} to ${nameOf(sc, sc.escrow.recipient)}; the balance never goes below zero.`,
      ),
      h(
        'p',
        { class: 'small muted' },
        `Who fills it: ${fillers(sc)}. A pledge pays in when the package naming it is agreed; donors may add to it too.`,
      ),
    ),
    h(
      'section',
      { class: 'section', 'aria-labelledby': 'dash-h' },
      h('h2', { id: 'dash-h' }, 'Public compliance dashboard'),
      h(
        'ul',
        { class: 'plain small' },
        ...byDelegation.map(({ d, steps, verified }) =>
          h(
            'li',
            { class: 'row' },
            h('span', { class: 'dot', style: `background:${d.color}` }),
            h('span', { style: 'width:60px' }, d.short),
            `${plural(steps.length, 'step')} in force, ${verified} verified`,
          ),
        ),
      ),
      view.violations.length
        ? h(
            'div',
            {},
            h('h3', {}, 'Verified violations'),
            h(
              'ul',
              { class: 'plain small' },
              ...view.violations.map((v) =>
                h(
                  'li',
                  {},
                  `Round ${v.round}: ${nameOf(sc, v.delegation)} — ${moveOf(sc, v.move)?.name ?? v.move}${v.ruled ? ' (White Cell ruling)' : ''}${v.struck ? ' — struck by a binding ruling' : ''}`,
                ),
              ),
            ),
          )
        : h('p', { class: 'small muted' }, 'No verified violation so far.'),
      h('h3', {}, 'Incidents'),
      view.incidents.length
        ? h(
            'ul',
            { class: 'plain small' },
            ...view.incidents
              .slice(-8)
              .reverse()
              .map((i) => h('li', {}, incidentLine(sc, view, i.id))),
          )
        : h('p', { class: 'small muted' }, 'No incident yet.'),
    ),
  );
}

/** A member's call for a penalty on one incident: the penalty picked stays picked through updates. */
function PenaltyCall({ ctx, incident }: { ctx: Ctx; incident: number }): VNode {
  const { sc, view, seat } = ctx;
  const [penalty, setPenalty] = useState(sc.council.penalties[0]?.id ?? '');
  return h(
    'div',
    { class: 'row small' },
    h('span', {}, incidentLine(sc, view, incident)),
    h(
      'select',
      { 'aria-label': `Penalty for incident ${incident}`, value: penalty, onchange: (e: Event) => setPenalty(valueOf(e)) },
      ...sc.council.penalties.map((p) => h('option', { key: p.id, value: p.id }, p.name)),
    ),
    button('Propose', () => ctx.send({ type: 'council.penalize', actor: seat ?? '', incident, penalty }), {
      'aria-label': `Propose a penalty for incident ${incident}`,
    }),
  );
}
