// The hot wash from the console: the facilitator's page (its own view of the game, with the White
// Cell's record and reasons), and the one-click switch of the projector between the live game and
// its debrief mode (the wall builds its own hot wash from its public view).
import { useMemo } from 'preact/hooks';
import type { GameView, Scenario } from '../engine';
import type { WhiteCellAct } from '../net/protocol';
import { buildHotWash, type WhiteCellChange } from '../report/hotWash';
import type { RoomUi } from '../store/gameStore';
import type { ConsoleActions } from './console';
import { button, h, type VNode } from './dom';
import { HotWashPage } from './hotWashView';

/** The White Cell's record as the hot wash lists it: each act with its reason, undone ones marked. */
export const changesOf = (acts: readonly WhiteCellAct[]): WhiteCellChange[] =>
  acts.map((a) => ({ round: a.round, text: a.text, reason: a.reason, undone: a.undone }));

export function ProjectorSwitch({ room, act }: { room: RoomUi; act: Pick<ConsoleActions, 'action'> }): VNode {
  const debrief = room.info.projector === 'hotwash';
  return h(
    'div',
    { class: 'row', style: 'margin-top:6px' },
    button(
      debrief ? 'Projector: back to the live game' : 'Projector: show the hot wash',
      () => act.action({ kind: 'projector', mode: debrief ? 'live' : 'hotwash' }),
      { 'aria-pressed': String(debrief) },
    ),
    h(
      'span',
      { class: 'small muted', role: 'status' },
      debrief ? 'The wall shows the hot wash (only what the public may see).' : 'The wall shows the live game.',
    ),
  );
}

export function ConsoleHotWash({
  sc,
  view,
  room,
  act,
  back,
}: {
  sc: Scenario;
  view: GameView;
  room: RoomUi;
  act: Pick<ConsoleActions, 'action'>;
  back: () => void;
}): VNode {
  const hw = useMemo(() => buildHotWash(sc, view, changesOf(room.acts)), [sc, view, room.acts]);
  return h(
    'div',
    { class: 'doc-page' },
    h(
      'nav',
      { class: 'doc-bar', 'aria-label': 'Hot wash' },
      h('span', { class: 'brand' }, 'INTERLOCK'),
      h(ProjectorSwitch, { room, act }),
      h('span', { class: 'spacer' }),
      button('Back to the console', back, { class: 'primary' }),
    ),
    h('main', {}, h(HotWashPage, { hw })),
  );
}
