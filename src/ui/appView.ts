// The page's root component: one screen at a time from the store's `screen`, and "How to play"
// over any of them.
import type { UiState } from '../store/gameStore';
import { useStore } from '../store/useStore';
import type { App } from './app';
import { h, type VNode } from './dom';
import { secretReasons } from '../machine/logView';
import { EndScreen } from './endScreen';
import { GameScreen } from './gameScreen';
import { GlossaryDialog, glossaryButton } from './glossary';
import { howToPlay } from './overlays';
import { RoomScreen } from './roomScreen';
import { joiningScreen, JoinNameScreen, LobbyScreen, RoomStartCard } from './roomPanels';
import { StartScreen } from './startScreen';

export function AppView({ app }: { app: App }): VNode {
  const ui = useStore(app.store);
  return h(
    'div',
    { style: 'display:contents' },
    screen(app, ui),
    ui.help ? howToPlay(app.scenario, () => app.store.setState({ help: false })) : null,
    // Where the screen has a top bar, the glossary is one of its buttons; elsewhere it floats in a corner.
    hasTopBar(ui) ? null : glossaryButton(() => app.store.setState({ glossary: true })),
    ui.glossary ? h(GlossaryDialog, { close: () => app.store.setState({ glossary: false }) }) : null,
  );
}

const hasTopBar = (ui: UiState) => ui.view !== null && (ui.screen === 'game' || ui.screen === 'console' || ui.screen === 'projector');

function screen(app: App, ui: UiState): VNode | null {
  switch (ui.screen) {
    case 'start':
      return h(StartScreen, {
        info: { scenario: app.scenario, saved: app.savedSummary(), notice: ui.notice },
        act: app.startActions(),
        extra: h(RoomStartCard, { saved: app.savedRoom(), act: app.roomStartActions() }),
      });
    case 'joining':
      return joiningScreen();
    case 'joinName':
      return h(JoinNameScreen, { join: (name) => app.joinPendingLink(name) });
    case 'lobby':
      return ui.room
        ? h(LobbyScreen, {
            sc: app.sc,
            room: ui.room,
            notice: ui.notice,
            act: { claim: (d, name) => void app.rooms.claim(d, name), leave: () => app.rooms.leave() },
          })
        : null;
    case 'end':
      return endScreen(app);
    case 'debrief':
    case 'compare':
    case 'briefing':
      return app.debrief.view(ui.screen);
    case 'console':
    case 'projector':
      return ui.view && ui.room ? h(RoomScreen, { key: ui.screen, app, ui, view: ui.view, room: ui.room, variant: ui.screen }) : null;
    case 'game':
    case 'handover':
      return h(GameScreen, { key: 'seat', app, ui });
  }
}

function endScreen(app: App): VNode | null {
  const state = app.controller.endState();
  if (!state) return null;
  const t = app.controller.local;
  const room = app.controller.room;
  const debrief = (tab: 'report' | 'replay') =>
    t && app.debrief.open(t.state.seed, t.log, tab, 'end', app.store.getState().humans[0] ?? null);
  // A room's report and replay need the seed, which only the facilitator's log download carries.
  const fromLog = () =>
    app.notify('info', 'The facilitator downloads the room’s log; open it under “After-action report” on the start screen.');
  return h(EndScreen, {
    sc: app.sc,
    s: state,
    act: {
      menu: () => app.leave(),
      exportSave: () => app.download(),
      report: () => (room ? fromLog() : debrief('report')),
      replay: () => (room ? fromLog() : debrief('replay')),
    },
    aiSecrets: room || !t ? [] : secretReasons(app.sc, t.log, t.progress().outcome !== null),
  });
}
