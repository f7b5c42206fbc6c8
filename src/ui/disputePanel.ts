// Binding disputes (docs/rules.md §6.6) on the Council & fund tab: the findings the seat may
// contest, every dispute at its stage with its deadline, and the seat's own part in each (answer
// as the respondent, comply as a filer whose finding was upheld). Also read by the console.
import { useState } from 'preact/hooks';
import {
  answerProblem,
  complyProblem,
  disputableFindings,
  findingText,
  type Dispute,
  type Finding,
  type GameView,
  type Scenario,
} from '../engine';
import { button, h, valueOf, type VNode } from './dom';
import { nameOf, type Ctx } from './context';
import { term } from './glossary';

const findingKey = (f: Finding) => (f.kind === 'attribution' ? `a${f.incident}` : `v${f.move}@${f.round}`);

/** Where a dispute stands, in words, with its next deadline. */
export function disputeStage(sc: Scenario, x: Dispute): string {
  const panel = x.panel === 'council' ? 'the council' : nameOf(sc, x.panel);
  switch (x.stage) {
    case 'filed':
      return `filed in round ${x.filedRound}; ${nameOf(sc, x.respondent)} answers by the end of round ${x.filedRound}'s commit`;
    case 'fact-finding':
      return `fact-finding by ${panel}; binding ruling in round ${x.rulingRound}`;
    case 'struck':
      return x.answer?.concede
        ? `conceded by ${nameOf(sc, x.respondent)} in round ${x.rulingRound}: the finding is struck`
        : `ruled in round ${x.rulingRound}: the finding is struck and its effects reversed`;
    case 'upheld':
      return `ruled in round ${x.rulingRound}: the finding is upheld; ${nameOf(sc, x.filer)} must comply by the end of round ${x.complyBy ?? x.rulingRound + 1}'s commit or the ruling is enforced`;
    case 'complied':
      return `upheld in round ${x.rulingRound}; ${nameOf(sc, x.filer)} complied`;
    case 'enforced':
      return `upheld in round ${x.rulingRound}; ${nameOf(sc, x.filer)} did not comply and the ruling was enforced`;
    default: {
      const unknown: never = x.stage;
      return String(unknown);
    }
  }
}

export const disputeLine = (sc: Scenario, x: Dispute): string =>
  `Dispute #${x.id}: ${nameOf(sc, x.filer)} contests ${findingText(sc, x.finding)} — ${disputeStage(sc, x)}.`;

export function disputeSection(ctx: Ctx): VNode {
  const { sc, view, seat } = ctx;
  const t = sc.tunables;
  const disputes = [...(view.disputes ?? [])].reverse();
  const findings = seat === null ? [] : disputableFindings(sc, view, seat);
  return h(
    'section',
    { class: 'section', 'aria-labelledby': 'disputes-h' },
    h('h2', { id: 'disputes-h' }, term('dispute', 'Binding disputes')),
    h(
      'p',
      { class: 'small muted' },
      `A delegation named by an inquiry, or found in violation, may contest the finding during negotiation of that round or the next, for ${t.disputeFilingCost} action point. ${sc.council.chair ? `${nameOf(sc, sc.council.chair)} (chairing the council) or ` : ''}${nameOf(sc, sc.monitors.allocator)} answers for it; the panel rules a round later. A finding struck is reversed; one upheld costs the filer ${t.disputeLossTrust} trust with everyone and a reparation of ${t.disputeReparation} support, and a ruling ignored is enforced (trust −${t.disputeRefusalTrust}, relief snapped back${sc.escrow.recipient ? `, ${t.disputeForfeit} of the fund forfeited if ${nameOf(sc, sc.escrow.recipient)} refuses` : ''}).`,
    ),
    findings.length && seat !== null
      ? h(
          'div',
          {},
          h('h3', {}, 'Findings you may contest'),
          ...findings.map((f) => h(DisputeFiling, { key: findingKey(f), ctx, seat, finding: f })),
        )
      : null,
    disputes.length
      ? h(
          'ul',
          { class: 'plain small', 'aria-label': 'Disputes' },
          ...disputes
            .slice(0, 8)
            .map((x) =>
              h(
                'li',
                { key: x.id },
                disputeLine(sc, x),
                x.statement ? h('span', { class: 'muted' }, ` “${x.statement}”`) : null,
                seat !== null ? ownPart(ctx, seat, view, x) : null,
              ),
            ),
        )
      : h('p', { class: 'small muted' }, 'No dispute so far.'),
  );
}

/** The buttons of the seat's own part in a dispute, if the rules (§6.6) give it one now. */
function ownPart(ctx: Ctx, seat: string, view: GameView, x: Dispute): VNode | null {
  if (answerProblem(view, seat, x.id) === null)
    return h(
      'div',
      { class: 'row' },
      button('Maintain the finding', () => ctx.send({ type: 'dispute.answer', actor: seat, dispute: x.id, concede: false }), {
        'aria-label': `Maintain the finding in dispute ${x.id}`,
      }),
      button('Concede', () => ctx.send({ type: 'dispute.answer', actor: seat, dispute: x.id, concede: true }), {
        'aria-label': `Concede dispute ${x.id}`,
      }),
    );
  if (complyProblem(view, seat, x.id) === null)
    return h(
      'div',
      { class: 'row' },
      button(
        `Comply (reparation: ${ctx.sc.tunables.disputeReparation} support)`,
        () => ctx.send({ type: 'dispute.comply', actor: seat, dispute: x.id }),
        {
          'aria-label': `Comply with the ruling on dispute ${x.id}`,
        },
      ),
    );
  return null;
}

/** One finding the seat may contest, with its statement (kept through updates). */
function DisputeFiling({ ctx, seat, finding }: { ctx: Ctx; seat: string; finding: Finding }): VNode {
  const [statement, setStatement] = useState('');
  const what = findingText(ctx.sc, finding);
  return h(
    'div',
    { class: 'pkg small' },
    h('span', {}, `Contest ${what}`),
    h('input', {
      type: 'text',
      maxlength: 400,
      value: statement,
      placeholder: 'Your case (optional)',
      'aria-label': `Your case against ${what}`,
      oninput: (e: Event) => setStatement(valueOf(e)),
    }),
    button(
      'Dispute',
      () =>
        ctx.send({
          type: 'dispute.file',
          actor: seat,
          finding,
          ...(statement.trim() ? { statement: statement.trim() } : {}),
        }),
      { 'aria-label': `Dispute ${what}` },
    ),
  );
}
