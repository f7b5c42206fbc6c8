// The seat's pledges on the Commit tab: they took effect when their package was agreed, so they
// are never ticked here; listing them answers "are my promises in?" where the player looks.
import type { GameView, Scenario } from '../engine';
import { h, type VNode } from './dom';
import { term } from './glossary';

export function pledgeList(sc: Scenario, view: GameView, seat: string): VNode | null {
  const pledges = view.standing
    .map((st) => ({ st, m: sc.moves.find((x) => x.id === st.move) }))
    .filter(({ st, m }) => st.delegation === seat && m?.kind === 'pledge');
  // Offers that lapsed when this round's negotiation closed, told where the player now looks.
  const lapsed = view.packages.filter((p) => p.status === 'expired' && p.round === view.round && p.parties.includes(seat));
  const short = (id: string) => sc.delegations.find((d) => d.id === id)?.short ?? id;
  return h(
    'section',
    { class: 'pledges', 'aria-labelledby': 'pledges-h' },
    lapsed.length
      ? h(
          'p',
          { class: 'ready-warning small', role: 'note' },
          h('strong', {}, 'Lapsed unanswered: '),
          lapsed
            .map(
              (p) =>
                `#${p.id} from ${short(p.proposer)} (waiting for ${p.parties
                  .filter((d) => !p.accepted.includes(d))
                  .map(short)
                  .join(', ')})`,
            )
            .join('; '),
          '. Its steps are not promised.',
        )
      : null,
    h('h3', { id: 'pledges-h' }, 'Your ', term('pledge', 'pledges'), ' in force'),
    pledges.length
      ? h(
          'ul',
          { class: 'plain small' },
          ...pledges.map(({ st, m }) =>
            h('li', { key: st.move }, `✔ ${m?.name ?? st.move} `, h('span', { class: 'muted' }, `(since round ${st.round})`)),
          ),
        )
      : h('p', { class: 'small muted' }, 'None yet.'),
    h(
      'p',
      { class: 'small muted' },
      'A pledge took effect when its package was agreed: there is nothing to tick for it. Below are the ',
      term('step', 'steps'),
      ' you carry out this round for ',
      term('actionPoints', 'action points'),
      '.',
    ),
  );
}
