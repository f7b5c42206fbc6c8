// The projector's debrief mode: the hot wash on the wall, in large type. It is built from the
// projector's own view, which the server filters at the source (the public view during play, the
// whole game once it is over), so it shows no private line, no secret objective, no true sponsor
// that the end of the game has not revealed.
import { useMemo } from 'preact/hooks';
import type { GameView, Scenario } from '../engine';
import { formatCode } from '../net/protocol';
import { buildHotWash } from '../report/hotWash';
import type { RoomUi } from '../store/gameStore';
import { h, type VNode } from './dom';
import { HotWashPage } from './hotWashView';

export function ProjectorHotWash({ sc, view, room }: { sc: Scenario; view: GameView; room: RoomUi }): VNode {
  const hw = useMemo(() => buildHotWash(sc, view), [sc, view]);
  return h(
    'main',
    { class: 'projector-hotwash', 'aria-label': `Hot wash, room ${formatCode(room.code)}` },
    h(HotWashPage, { hw, wall: true }),
  );
}
