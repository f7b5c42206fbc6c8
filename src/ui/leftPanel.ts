// The delegation panel (goals, secret objectives, support, action points) and the bridge: every
// span of the phase in its state, so a player sees why the phase does not advance.
import { apAvailable, bridgeStatus, objectivesOf, type GameView, type Scenario } from '../engine';
import { spanInfo, type SpanState } from '../report/spanStatus';
import { bridgePicture, STATE_WORD } from './bridgePicture';
import { term } from './glossary';
import { proxyPanel } from './proxyPanel';
import { h, type VNode } from './dom';
import { colorOf, nameOf, trackName } from './context';
import { revealedObjectives } from './revealedObjectives';

/** `middle`: what stands between the delegation's figures and its goals (the bridge, on the game screen: the signature picture above the fold). */
export function delegationPanel(sc: Scenario, view: GameView, seat: string, middle: VNode | null = null): VNode {
  const d = sc.delegations.find((x) => x.id === seat);
  const st = view.delegations[seat];
  if (!d || !st) return h('div', {});
  const trustIn = sc.delegations.filter((o) => o.id !== seat).map((o) => ({ o, t: view.trust[seat]?.[o.id] ?? 50 }));
  const objectives = objectivesOf(sc, view, seat);
  return h(
    'section',
    { class: 'section', 'aria-labelledby': 'me-h' },
    h('h2', { id: 'me-h', class: 'row' }, h('span', { class: 'dot', style: `background:${d.color}` }), d.name),
    h('p', { class: 'muted small' }, d.summary),
    h(
      'div',
      { class: 'stat' },
      h('span', {}, term('support')),
      h('strong', {}, `${st.support}`),
      h(
        'div',
        { class: 'bar', style: 'grid-column: 1 / -1', role: 'img', 'aria-label': `Domestic support ${st.support} of 100` },
        h('i', { style: `width:${st.support}%` }),
      ),
      h('span', {}, term('actionPoints', 'Action points this round')),
      h('strong', {}, `${apAvailable(view, seat)} of ${sc.tunables.actionPoints}`),
    ),
    middle,
    h('h3', { style: 'margin-top:10px' }, 'Public goals'),
    h('ul', { class: 'plain small' }, ...d.goals.map((g) => h('li', {}, `• ${g}`))),
    h(
      'h3',
      { style: 'margin-top:10px' },
      'Secret objectives ',
      h('span', { class: 'small muted' }, '(each scores its points if met at the end; see ', term('score'), ')'),
    ),
    h(
      'ul',
      { class: 'plain small secret', 'aria-label': 'Your secret objectives (only you see them)' },
      ...objectives.map((o) =>
        h('li', {}, `${o.met ? '✔' : '○'} ${o.text} `, h('span', { class: 'muted' }, `(${o.points} pts${o.met ? ', met now' : ''})`)),
      ),
    ),
    revealedObjectives(sc, seat, view.outcome !== null),
    proxyPanel(sc, view, seat),
    h('h3', { style: 'margin-top:10px' }, 'Your ', term('trust'), ' in the others'),
    h(
      'ul',
      { class: 'plain small' },
      ...trustIn.map(({ o, t }) =>
        h(
          'li',
          { key: o.id, class: 'row' },
          h('span', { class: 'dot', style: `background:${o.color}` }),
          h('span', { style: 'width:60px' }, o.short),
          h(
            'div',
            { class: 'bar', style: 'flex:1', role: 'img', 'aria-label': `Trust in ${o.short}: ${t}` },
            h('i', { style: `width:${t}%;background:${colorOf(sc, o.id)}` }),
          ),
          h('span', {}, String(t)),
        ),
      ),
    ),
  );
}

const ICON: Record<SpanState, string> = {
  idle: '○',
  proposed: '◌',
  agreed: '◎',
  open: '◐',
  pending: '◑',
  secured: '●',
  negated: '✕',
  unwound: '↶',
  violated: '⚠',
};

export function bridgePanel(sc: Scenario, view: GameView): VNode {
  const bridge = bridgeStatus(sc, view);
  if (!bridge) return h('div', {});
  const { phase } = bridge;
  const infos = new Map(sc.interlocks.filter((x) => x.phase === phase.id).map((x) => [x.id, spanInfo(sc, view, x)]));
  const trackEls = bridge.tracks.map(({ track: trackId, needed, secured, spans: spanIds }) => {
    const spans = sc.interlocks.filter((x) => spanIds.includes(x.id));
    return h(
      'div',
      { key: trackId, class: 'track', role: 'group', 'aria-label': `${trackName(sc, trackId)}: ${secured} of ${needed} secured` },
      h(
        'div',
        { class: 'track-head' },
        h('span', {}, trackName(sc, trackId)),
        h('span', {}, `${secured}/${needed} ${secured >= needed ? '✔' : ''}`),
      ),
      h(
        'div',
        { class: 'spans' },
        ...spans.map((span) => {
          const info = infos.get(span.id) ?? spanInfo(sc, view, span);
          const steps = info.steps.map((st) => `${st.who}: ${st.name} — ${st.state}`);
          return h(
            'div',
            {
              key: span.id,
              class: `span ${info.state}`,
              tabindex: 0,
              title: steps.join('\n'),
              'aria-label': `${span.name}: ${STATE_WORD[info.state]}. ${info.text} Steps: ${steps.join('; ')}.`,
            },
            h('span', { class: 'icon', 'aria-hidden': 'true' }, ICON[info.state]),
            h('strong', {}, span.name, ' ', h('span', { class: 'state-word' }, `(${STATE_WORD[info.state]})`)),
            h('span', { class: 'why' }, info.text),
          );
        }),
      ),
    );
  });
  const heading =
    view.phase === 'ceasefire' ? `Ceasefire — next: Phase ${phase.id}, ${phase.name}` : `Bridge of Phase ${phase.id}: ${phase.name}`;
  const blocked = bridge.blocked;
  const missing = blocked?.kind === 'tracks' ? blocked.tracks.map((t) => trackName(sc, t)) : [];
  const why =
    view.phase === 'ceasefire'
      ? !blocked
        ? 'The framework is agreed: Phase A starts next round.'
        : `Agree a framework (a package in which ${sc.framework.requiredDelegations.map((d) => nameOf(sc, d)).join(' and ')} endorse the benchmark calendar, with at least ${sc.framework.minParties} parties) to start Phase A.`
      : missing.length
        ? `The phase does not advance yet: ${missing.join(', ')} still need${missing.length === 1 ? 's' : ''} a secured span. A deal on one track never completes a phase.`
        : 'Every track holds: the phase completes at the end of this round.';
  return h(
    'section',
    { class: 'section', 'aria-labelledby': 'bridge-h' },
    h('h2', { id: 'bridge-h' }, heading),
    h('p', { class: 'small muted', id: 'bridge-why' }, why),
    bridgePicture(sc, view, bridge, infos),
    h(
      'p',
      { class: 'small muted bridge-key' },
      'Each ',
      term('span', 'span'),
      ' is a deck: solid when secured, hatched while verifying, part-built while its ',
      term('window', 'window'),
      ' is open, broken when negated, unwound or broken by a violation.',
    ),
    h('div', { class: 'bridge' }, ...trackEls),
  );
}
