// The projector view: the map and the public dashboard, in type large enough for the back of
// a classroom. It shows only the public view (no delegation's secrets, no facilitator's).
import type { GameView, Scenario } from '../engine';
import type { RoomUi } from '../store/gameStore';
import { formatCode } from '../net/protocol';
import { h, type VNode } from './dom';
import { bridgePanel } from './leftPanel';
import { clockChip } from './roomPanels';
import { phaseLabel, trajectory } from './topBar';

export function projectorTop(sc: Scenario, view: GameView, room: RoomUi): VNode {
  const traj = trajectory(view);
  return h(
    'header',
    { class: 'topbar projector-top', role: 'banner' },
    h('h1', { class: 'brand' }, 'INTERLOCK'),
    h('span', { class: 'chip' }, `Round ${view.round}/${sc.tunables.roundLimit}`),
    h('span', { class: 'chip' }, phaseLabel(sc, view.phase)),
    h('span', { class: 'chip step' }, view.outcome ? `Over: ${view.outcome}` : view.paused ? 'Paused' : view.step),
    clockChip(room.info.clock, room.skewMs, true),
    h('span', { class: 'spacer' }),
    h('span', { class: 'chip' }, traj.label),
    h('span', { class: 'chip joinhint' }, `Join: ${formatCode(room.code)}`),
  );
}

export function projectorDashboard(sc: Scenario, view: GameView): VNode {
  const events = view.events.filter((e) => e.audience === 'all').slice(-5);
  return h(
    'aside',
    { class: 'projector-dash', 'aria-label': 'Public dashboard' },
    h(
      'div',
      { class: 'bigstat' },
      h('span', {}, 'Tension'),
      h('strong', {}, String(view.tension)),
      h('meter', { min: 0, max: 100, low: 50, high: 75, optimum: 10, value: view.tension, 'aria-label': `Tension ${view.tension} of 100` }),
    ),
    h(
      'ul',
      { class: 'plain fronts' },
      ...sc.fronts.map((f) => h('li', {}, h('span', {}, f.name), h('strong', {}, String(view.fronts[f.id]?.tension ?? 0)))),
    ),
    h(
      'div',
      { class: 'fundline' },
      h('span', {}, 'Escrow fund'),
      h('strong', {}, `${view.escrow.balance}`),
      h('span', { class: 'muted' }, ` paid ${view.escrow.paid} of ${view.escrow.pledged} pledged`),
    ),
    h(
      'div',
      { class: 'fundline' },
      h('span', {}, 'Council'),
      h('strong', {}, view.council.founded ? `founded · ${view.council.members.length} members` : 'not founded'),
    ),
    bridgePanel(sc, view),
    h('ol', { class: 'plain headlines', 'aria-label': 'Latest events' }, ...events.map((e) => h('li', {}, e.text))),
  );
}
