// A seat's game screen: the top bar, the delegation and the bridge on the left, the map, the
// negotiation/commit/council tabs on the right, the round log, and the dialogs over them.
import type { UiState } from '../store/gameStore';
import type { App } from './app';
import type { Ctx } from './context';
import { h, type VNode } from './dom';
import { bridgePanel, delegationPanel } from './leftPanel';
import { MapPanel } from './mapPanel';
import { GUIDE_LENGTH, guide, handOver, noticeBar } from './overlays';
import { BriefingDialog } from './briefingDialog';
import type { GameView } from '../engine';
import { clockChip, connectionChip, qr, TeamSection } from './roomPanels';
import { RoundLog } from './roundLog';
import { SeatSwitcher } from './seatSwitcher';
import { SeatTabs } from './seatTabs';
import { topBar } from './topBar';

export function GameScreen({ app, ui }: { app: App; ui: UiState }): VNode {
  // A seat at this screen reads the scenario as a room would let it: its own dealt objectives, others' only once revealed.
  const sc = app.controller.local && ui.seat ? app.controller.local.scenarioFor(ui.seat) : app.sc;
  const set = (patch: Partial<UiState>) => app.store.setState(patch);
  // Nothing of the previous seat stays on the page behind the hot-seat hand-over screen.
  const view = ui.screen === 'handover' ? null : ui.view;
  const room = ui.room;
  const ctx: Ctx | null = view ? { sc, ui, view, seat: ui.seat, send: app.send, set } : null;
  const top = view
    ? topBar(
        sc,
        view,
        ui.thinking,
        {
          help: () => set({ help: true }),
          glossary: () => set({ glossary: true }),
          ...(room ? {} : { save: () => app.download() }),
          quit: () => app.leave(),
          ...(room ? {} : { tutorial: () => set({ tutorial: 0 }) }),
        },
        room ? [clockChip(room.info.clock, room.skewMs), connectionChip(room)] : [],
      )
    : h('header', { class: 'topbar', role: 'banner' }, h('h1', { class: 'brand' }, 'INTERLOCK'));
  return h(
    'div',
    { style: 'display:contents' },
    h(
      'div',
      { class: 'game' },
      top,
      h(
        'aside',
        { class: 'left', 'aria-label': 'Your delegation and the bridge' },
        view && ui.seat ? delegationPanel(sc, view, ui.seat, bridgePanel(sc, view)) : null,
        view && room && ui.seat ? h(TeamSection, { sc, room, seat: ui.seat, qr: (url: string) => qr(url, 120) }) : null,
        view && !ui.seat ? bridgePanel(sc, view) : null,
        view ? h(SeatSwitcher, { app, ui }) : null,
      ),
      h(MapPanel, {
        sc,
        view,
        factory: app.mapFactory,
        asText: ui.mapAsText && view !== null,
        toggleText: () => set({ mapAsText: !app.store.getState().mapAsText }),
        attach: (port) => (app.mapPort = port),
        lines: (lines) => (app.mapLines = lines),
      }),
      h(
        'aside',
        { class: 'right', 'aria-label': 'Negotiation, commit, council and fund' },
        ctx ? h(SeatTabs, { ctx, chat: (to, text) => void app.roomChat(to, text), older: () => void app.roomOlderMessages() }) : null,
      ),
      view ? h(RoundLog, { sc, view, open: ui.logOpen, toggle: () => set({ logOpen: !ui.logOpen }), notes: ui.aiNotes }) : null,
    ),
    h('div', {}, ...overlays(app, ui)),
  );
}

/** Each seat reads the briefing of a round once, before it negotiates or commits (hot-seat: each seat its own). */
const briefingDue = (ui: UiState, view: GameView): boolean =>
  ui.seat !== null &&
  (ui.mode === 'room' || ui.humans.includes(ui.seat)) &&
  (view.step === 'negotiation' || view.step === 'commit') &&
  (ui.briefed[ui.seat] ?? 0) < view.round;

function overlays(app: App, ui: UiState): Array<VNode | null> {
  const set = (patch: Partial<UiState>) => app.store.setState(patch);
  if (ui.screen === 'handover' || !ui.view) {
    const st = app.controller.transport?.progress();
    return [
      ui.seat && ui.mode === 'hotseat'
        ? handOver(app.scenario, ui.seat, st?.step === 'commit' ? 'sealed commit' : 'negotiation', () => app.controller.takeSeat())
        : null,
    ];
  }
  const view = ui.view;
  return [
    ui.notice ? noticeBar(ui.notice.text, ui.notice.kind, () => set({ notice: null })) : null,
    ui.tutorial !== null
      ? guide(
          ui.tutorial,
          () => set({ tutorial: Math.min(GUIDE_LENGTH - 1, (ui.tutorial ?? 0) + 1) }),
          () => {
            localStorage.setItem('interlock.guide.seen', '1');
            set({ tutorial: null });
          },
          app.scenario,
        )
      : briefingDue(ui, view)
        ? h(BriefingDialog, {
            sc: app.sc,
            view,
            seat: ui.seat ?? '',
            close: () => set({ briefed: { ...app.store.getState().briefed, [ui.seat ?? '']: view.round }, unreadResolution: null }),
          })
        : null,
  ];
}
