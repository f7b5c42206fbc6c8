// The facilitator's console and the projector: the same map as a seat's screen, other panels
// around it.
import type { GameView } from '../engine';
import type { RoomUi, UiState } from '../store/gameStore';
import type { App } from './app';
import { consoleTabs, roomSection, type ConsoleActions } from './console';
import { evaluationActions } from './evaluationExport';
import { h, type VNode } from './dom';
import { bridgePanel } from './leftPanel';
import { MapPanel } from './mapPanel';
import { noticeBar } from './overlays';
import { projectorDashboard, projectorOverlay, projectorTop, wallLegend } from './projector';
import { ConsoleHotWash } from './consoleHotWash';
import { ProjectorHotWash } from './projectorHotWash';
import { clockChip, connectionChip, MessagesPanel, qr } from './roomPanels';
import { RoundLog } from './roundLog';
import { topBar } from './topBar';

interface RoomScreenProps {
  app: App;
  ui: UiState;
  view: GameView;
  room: RoomUi;
  variant: 'console' | 'projector';
}

export function RoomScreen({ app, ui, view, room, variant }: RoomScreenProps): VNode {
  const sc = app.sc;
  const set = (patch: Partial<UiState>) => app.store.setState(patch);
  const map = h(MapPanel, {
    sc,
    view,
    factory: app.mapFactory,
    asText: ui.mapAsText,
    toggleText: () => set({ mapAsText: !app.store.getState().mapAsText }),
    attach: (port) => (app.mapPort = port),
    lines: (lines) => (app.mapLines = lines),
    wall: variant === 'projector',
  });
  if (variant === 'projector' && room.info.projector === 'hotwash') return h(ProjectorHotWash, { sc, view, room });
  if (variant === 'projector')
    return h(
      'div',
      { class: 'game projector' },
      projectorTop(sc, view, room),
      h(
        'div',
        { class: 'wallmap', style: 'grid-area: map; position: relative; min-height: 0; display: grid' },
        map,
        projectorOverlay(view),
        wallLegend(),
      ),
      h('aside', { class: 'right', 'aria-label': 'Negotiation, commit, council and fund' }, projectorDashboard(sc, view, room)),
    );
  const act: ConsoleActions = {
    intent: app.send,
    action: (a) => void app.roomAction(a),
    download: () => void app.downloadRoomLog(),
    talkModel: (set) => app.roomTalkModel(set),
    debrief: (tab) => void app.openRoomDebrief(tab),
    setTab: (t) => set({ consoleTab: t }),
    qr,
    leave: () => app.rooms.leave(),
    hotWash: () => set({ hotWash: true }),
  };
  return h(
    'div',
    { style: 'display:contents' },
    // The hot wash covers the console without unmounting it: the map is not rebuilt on the way back.
    ui.hotWash
      ? h('div', { class: 'hotwash-layer' }, h(ConsoleHotWash, { sc, view, room, act, back: () => set({ hotWash: false }) }))
      : null,
    h(
      'div',
      { class: 'game console', inert: ui.hotWash, 'aria-hidden': ui.hotWash ? 'true' : null },
      topBar(
        sc,
        view,
        ui.thinking,
        { help: () => set({ help: true }), glossary: () => set({ glossary: true }), quit: () => app.rooms.leave() },
        [clockChip(room.info.clock, room.skewMs), connectionChip(room)],
      ),
      h(
        'aside',
        { class: 'left', 'aria-label': 'Your delegation and the bridge' },
        roomSection(sc, room, view, act),
        bridgePanel(sc, view),
      ),
      map,
      h(
        'aside',
        { class: 'right', 'aria-label': 'Negotiation, commit, council and fund' },
        consoleTabs(
          sc,
          room,
          view,
          ui.consoleTab,
          act,
          () =>
            h(MessagesPanel, {
              sc,
              me: null,
              lines: room.messages,
              send: (to, text) => void app.roomChat(to, text),
              older: room.olderMessages ? () => void app.roomOlderMessages() : undefined,
            }),
          ui.aiNotes,
          evaluationActions(app, room.code),
        ),
      ),
      h(RoundLog, { sc, view, open: ui.logOpen, toggle: () => set({ logOpen: !ui.logOpen }) }),
    ),
    h('div', {}, ui.notice ? noticeBar(ui.notice.text, ui.notice.kind, () => set({ notice: null })) : null),
  );
}
