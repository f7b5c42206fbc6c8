// A delegation's score on the end screen, broken down (docs/rules.md §7): the shared outcome's
// points, each secret objective met or not, a tenth of domestic support; and its rank at the table.
import { scoreBreakdown, type GameState, type Scenario } from '../engine';
import { h, type VNode } from './dom';
import { term } from './glossary';
import './explain.css';

const OUTCOME_WORD = { consolidation: 'Consolidation', drift: 'Drift', unraveling: 'Unraveling' } as const;

/** Rank 1 is the highest score; equal scores share a rank. */
export function ranks(sc: Scenario, s: GameState): Map<string, number> {
  const totals = sc.delegations.map((d) => ({ id: d.id, total: scoreBreakdown(sc, s, d.id).total }));
  return new Map(totals.map((t) => [t.id, 1 + totals.filter((o) => o.total > t.total).length]));
}

export function scoreCard(sc: Scenario, s: GameState, delegation: string, rank: number): VNode {
  const d = sc.delegations.find((x) => x.id === delegation);
  const b = scoreBreakdown(sc, s, delegation);
  const row = (label: VNode | string, pts: number | string, key: string) =>
    h('tr', { key }, h('td', {}, label), h('td', { class: 'pts' }, String(pts)));
  return h(
    'section',
    { class: 'card', 'aria-labelledby': `score-${delegation}` },
    h(
      'h3',
      { class: 'row', id: `score-${delegation}` },
      h('span', { class: 'dot', style: `background:${d?.color ?? '#888'}` }),
      `${d?.name ?? delegation}: ${b.total} points`,
    ),
    h('p', { class: 'rank small' }, rank === 1 ? '1st — top score' : `${rank}${rank === 2 ? 'nd' : rank === 3 ? 'rd' : 'th'} place`),
    h(
      'table',
      { class: 'score-breakdown' },
      h('caption', { class: 'small muted', style: 'text-align:left' }, 'How the ', term('score', 'score'), ' is made'),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Part'), h('th', { scope: 'col' }, 'Points'))),
      h(
        'tbody',
        {},
        row(`Shared outcome: ${b.outcome ? OUTCOME_WORD[b.outcome] : 'none'}`, b.shared, 'shared'),
        ...b.objectives.map((o) => row(`${o.met ? '✔ met' : '✕ not met'}: ${o.text} (${o.points})`, o.met ? o.points : 0, o.id)),
        row(`Domestic support ${b.support} ÷ 10, rounded down`, b.supportPoints, 'support'),
        h('tr', { class: 'total' }, h('td', {}, 'Total'), h('td', { class: 'pts' }, String(b.total))),
      ),
    ),
  );
}
