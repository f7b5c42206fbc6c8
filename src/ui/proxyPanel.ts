// Proxy networks as a seat needs them: a patron sees the funding of the networks it pays (its own
// secret, which an objective may ask it to keep up), and every seat reads why a patron is named
// for attacks it never ordered.
import { effectiveFunding, type GameView, type Scenario } from '../engine';
import { h, type VNode } from './dom';
import { nameOf } from './context';
import { term } from './glossary';

export function proxyPanel(sc: Scenario, view: GameView, seat: string): VNode | null {
  const nets = sc.proxyNetworks;
  if (!nets.length) return null;
  const own = nets.filter((n) => n.patron === seat && n.id in view.funding);
  const patrons = [...new Set(nets.map((n) => n.patron))].map((p) => nameOf(sc, p)).join(', ');
  return h(
    'section',
    { class: 'proxy-panel', 'aria-labelledby': 'proxy-h' },
    h('h3', { id: 'proxy-h', style: 'margin-top:10px' }, own.length ? 'Networks you fund' : 'Proxy networks'),
    own.length
      ? h(
          'ul',
          { class: 'plain small' },
          ...own.map((n) => {
            const f = effectiveFunding(sc, view, n.id);
            return h(
              'li',
              { key: n.id, class: 'row' },
              h('span', { style: 'min-width:96px' }, n.name),
              h(
                'div',
                { class: 'bar', style: 'flex:1', role: 'img', 'aria-label': `${n.name} funding ${f} of 100` },
                h('i', { style: `width:${f}%` }),
              ),
              h('span', {}, String(f)),
            );
          }),
        )
      : null,
    h(
      'p',
      { class: 'small muted' },
      own.length
        ? [
            'Only you see these ',
            term('funding', 'funding levels'),
            '. The networks strike on their own, likelier the more they are paid; unless one acted alone, the council counts its attack as yours. ',
            term('proxy', 'Why?'),
          ]
        : [
            `${nets.map((n) => n.name).join(', ')} strike on their own. Unless a network acted alone, its patron (${patrons}) counts as the sponsor. `,
            term('proxy', 'Why?'),
          ],
    ),
  );
}
