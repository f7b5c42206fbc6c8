// The interface: screens and panels drawn from the store. The map arrives through a port, so
// only the composition root (main.ts) knows about Phaser.
import type { GameView, Scenario } from '../engine';
import { createGameStore, type GameStore, type UiState } from '../store/gameStore';
import { commitPanel } from './commitPanel';
import { Controller } from './controller';
import type { DebriefStats, DebriefTab } from './debrief';
import { DebriefRoutes } from './debriefRoutes';
import { forgetCustomScenario, loadCustomScenario, problemLines, rememberedScenario } from './customScenario';
import { councilPanel } from './councilPanel';
import { button, h, render } from './dom';
import { endScreen } from './endScreen';
import { secretReasons } from '../machine/logView';
import { bridgePanel, delegationPanel } from './leftPanel';
import { negotiationPanel } from './negotiationPanel';
import { GUIDE_LENGTH, guide, handOver, howToPlay, noticeBar, resolutionSummary } from './overlays';
import { startScreen } from './startScreen';
import { phaseLabel, topBar } from './topBar';
import type { Ctx } from './context';
import { roundLog } from './roundLog';
import { consoleTabs, roomSection, type ConsoleActions } from './console';
import { projectorDashboard, projectorTop } from './projector';
import { readRoomLink, RoomFlow } from './roomFlow';
import { clockChip, connectionChip, joiningScreen, lobbyScreen, messagesPanel, roomStartCard, teamSection, tickClocks } from './roomPanels';
import type { RoomAction } from '../net/protocol';

export interface MapPort {
  /** Shows this view on the map; returns the map's content as sentences (the text list). */
  show(view: GameView): string[];
  onHover(cb: (text: string | null) => void): void;
  /** What the scene draws now (for tests), or null before it is ready. */
  stats(): { fronts: number; incidents: number; legend: boolean } | null;
  /** Shows or hides the map's legend. */
  setLegend(visible: boolean): void;
  destroy(): void;
}

export type MapFactory = (parent: HTMLElement, scenario: Scenario) => MapPort;

/** The game screen of a seat, the facilitator's console, or the projector. */
type Variant = 'seat' | 'console' | 'projector';

export class App {
  readonly store: GameStore = createGameStore();
  controller: Controller;
  mapPort: MapPort | null = null;
  private gameEls: { variant: Variant; top: HTMLElement; left: HTMLElement; right: HTMLElement; log: HTMLElement; mapText: HTMLElement; tip: HTMLElement; overlay: HTMLElement } | null = null;
  rooms: RoomFlow;
  private lastScreen: UiState['screen'] | null = null;
  mapLines: string[] = [];
  private deps = new Map<string, unknown[]>();
  private readonly builtIn: Scenario;
  private readonly debrief: DebriefRoutes;

  constructor(
    private readonly root: HTMLElement,
    private scenario: Scenario,
    private readonly mapFactory: MapFactory,
  ) {
    this.builtIn = scenario;
    this.scenario = rememberedScenario() ?? scenario;
    this.controller = new Controller(this.scenario, this.store);
    this.debrief = new DebriefRoutes({ root, store: this.store, mapFactory, scenario: () => this.scenario, resume: (save) => this.resume(save) });
    this.rooms = new RoomFlow(this.controller);
    this.store.subscribe(() => this.draw());
    this.draw();
    // One ticker for every clock on the page: nothing to unsubscribe when panels redraw.
    setInterval(() => tickClocks(this.root), 500);
    const link = readRoomLink(location.hash);
    const saved = this.rooms.saved();
    if (link) void this.rooms.follow(link, saved?.name ?? 'Guest');
    else if (saved) void this.rooms.join(saved);
  }

  /** The scenario on screen: a room's (as the server lets this client read it), or the local one. */
  private get sc(): Scenario {
    return this.controller.room?.scenario ?? this.scenario;
  }

  private ctx(ui: UiState, view: GameView): Ctx {
    return {
      sc: this.sc,
      ui,
      view,
      seat: ui.seat,
      send: (intent) => void this.controller.send(intent),
      set: (patch) => this.store.setState(patch),
    };
  }

  private draw() {
    const ui = this.store.getState();
    const entering = ui.screen !== this.lastScreen;
    if (entering) this.leaveScreen();
    this.lastScreen = ui.screen;
    if (ui.screen === 'start') this.drawStart(ui);
    else if (ui.screen === 'end') this.drawEnd();
    else if (ui.screen === 'joining') render(this.root, joiningScreen());
    else if (ui.screen === 'lobby') this.drawLobby(ui);
    else if (!this.debrief.draw(ui.screen, entering)) this.drawGame(ui);
  }

  debriefStats(): DebriefStats | null {
    return this.debrief.stats();
  }

  private leaveScreen() {
    this.debrief.leave(this.lastScreen);
    this.deps.clear();
    this.mapPort?.destroy();
    this.mapPort = null;
    this.gameEls = null;
  }

  private drawStart(ui: UiState) {
    const saved = this.savedSummary();
    render(
      this.root,
      startScreen(
        { scenario: this.scenario, saved, notice: ui.notice },
        {
          start: (game) => {
            if (game.humans.length === 0) return this.store.setState({ notice: { kind: 'error', text: 'Choose at least one delegation played by a person.' } });
            this.controller.start(game);
            if (!localStorage.getItem('interlock.guide.seen')) this.store.setState({ tutorial: 0 });
          },
          continueSaved: () => this.resume(this.controller.savedGame()),
          loadSaveFile: (text) => {
            let json: unknown;
            try {
              json = JSON.parse(text);
            } catch {
              return this.store.setState({ notice: { kind: 'error', text: 'This file is not a save file (it is not JSON). Nothing was changed.' } });
            }
            this.resume(json);
          },
          loadScenarioFile: (text) => {
            const r = loadCustomScenario(text);
            if (!r.ok) {
              const n = r.problems.length;
              const text = `The scenario file is refused: ${n} problem${n > 1 ? 's' : ''}, listed below by JSON path. Nothing was changed: the scenario in use is still ${this.scenario.title}.`;
              return this.store.setState({ notice: { kind: 'error', text, list: problemLines(r.problems) } });
            }
            this.useScenario(r.scenario, `Scenario loaded: ${r.scenario.title}. Start a game to play it.`);
          },
          useBuiltInScenario:
            this.scenario === this.builtIn
              ? null
              : () => {
                  forgetCustomScenario();
                  this.useScenario(this.builtIn, `Back to the built-in scenario: ${this.builtIn.title}.`);
                },
          ...this.debrief.startActions(),
          howToPlay: () => this.showHelp(),
        },
        roomStartCard(this.savedRoom(), {
          create: (name) => void this.rooms.create(name),
          join: (code, name) => {
            if (!code) return this.store.setState({ notice: { kind: 'error', text: 'Type the join code the facilitator shows.' } });
            void this.rooms.join({ code, as: { kind: 'lobby' }, name });
          },
          projector: (code) => {
            if (!code) return this.store.setState({ notice: { kind: 'error', text: 'Type the join code of the room to project.' } });
            void this.rooms.join({ code, as: { kind: 'projector' }, name: 'Projector' });
          },
          rejoin: () => {
            const saved = this.rooms.saved();
            if (saved) void this.rooms.join(saved);
          },
        }),
      ),
      this.helpOverlay(),
    );
  }

  private useScenario(scenario: Scenario, message: string) {
    this.scenario = scenario;
    this.controller = new Controller(scenario, this.store);
    this.rooms = new RoomFlow(this.controller);
    this.store.setState({ notice: { kind: 'info', text: message } });
  }

  private savedRoom(): { code: string; kind: string } | null {
    const s = this.rooms.saved();
    if (!s) return null;
    return { code: s.code, kind: s.as.kind === 'seat' ? 'your seat' : s.as.kind === 'facilitator' ? 'facilitator' : 'lobby' };
  }

  private drawLobby(ui: UiState) {
    if (!ui.room) return;
    render(this.root, lobbyScreen(this.sc, ui.room, ui.notice, { claim: (d, name) => void this.rooms.claim(d, name), leave: () => this.rooms.leave() }));
  }

  /** A QR code for a link, drawn by the server as SVG (the page ships no QR library). */
  qr(url: string, size = 160): HTMLElement {
    return h('img', { class: 'qr', width: size, height: size, alt: `QR code for ${url}`, src: `/qr.svg?text=${encodeURIComponent(url)}` });
  }

  private roomSend = (intent: Parameters<Ctx['send']>[0]) => void this.controller.send(intent);

  private async roomAction(a: RoomAction) {
    const r = await this.controller.room?.action(a);
    if (r && !r.ok) this.store.setState({ notice: { kind: 'error', text: r.reason } });
  }

  private async roomChat(to: Parameters<NonNullable<Controller['room']>['chat']>[0], text: string) {
    const r = await this.controller.room?.chat(to, text);
    if (r && !r.ok) this.store.setState({ notice: { kind: 'error', text: r.reason } });
  }

  private async downloadRoomLog() {
    const t = this.controller.room;
    if (!t) return;
    if (t.role.kind !== 'facilitator') return this.store.setState({ notice: { kind: 'info', text: 'The facilitator downloads the room’s log.' } });
    const r = await t.downloadLog();
    if (!r.ok) return this.store.setState({ notice: { kind: 'error', text: r.reason } });
    const file = r.log as { log: unknown; transcript: unknown };
    this.saveJson(`interlock-room-${t.room.code}-log.json`, file.log);
    this.saveJson(`interlock-room-${t.room.code}-transcript.json`, file.transcript);
  }

  private saveJson(name: string, value: unknown) {
    const a = h('a', { href: URL.createObjectURL(new Blob([JSON.stringify(value, null, 1)], { type: 'application/json' })), download: name });
    document.body.append(a);
    a.click();
    a.remove();
  }

  private helpEl: HTMLElement | null = null;
  private showHelp() {
    this.helpEl = howToPlay(this.scenario, () => {
      this.helpEl?.remove();
      this.helpEl = null;
    });
    document.body.append(this.helpEl);
  }
  private helpOverlay() {
    return null;
  }

  private resume(json: unknown) {
    if (json === null) return this.store.setState({ notice: { kind: 'error', text: 'There is no saved game in this browser.' } });
    const r = this.controller.resume(json);
    if (!r.ok) this.store.setState({ screen: 'start', notice: { kind: 'error', text: `${r.error} Nothing was overwritten.` } });
  }

  private savedSummary(): { round: number; phase: string; savedAt: string } | null {
    const saved = this.controller.savedGame() as { savedAt?: string; log?: { final?: { round?: number }; entries?: unknown[] } } | null;
    if (!saved?.log?.final?.round) return null;
    return { round: saved.log.final.round, phase: 'in progress', savedAt: new Date(saved.savedAt ?? '').toLocaleString() };
  }

  private drawEnd() {
    const state = this.controller.endState();
    if (!state) return;
    const t = this.controller.local;
    const room = this.controller.room;
    const debrief = (tab: DebriefTab) => t && this.debrief.open(t.state.seed, t.log, tab, 'end', this.store.getState().humans[0] ?? null);
    // A room's report and replay need the seed, which only the facilitator's log download carries.
    const fromLog = () => this.store.setState({ notice: { kind: 'info', text: 'The facilitator downloads the room’s log; open it under “After-action report” on the start screen.' } });
    render(
      this.root,
      endScreen(this.sc, state, {
        menu: () => (room ? this.rooms.leave() : this.controller.quit()),
        exportSave: () => (room ? void this.downloadRoomLog() : this.download()),
        report: () => (room ? fromLog() : debrief('report')),
        replay: () => (room ? fromLog() : debrief('replay')),
      }, room ? [] : this.aiSecrets()),
    );
  }

  /** The secret part of the AI's sealed commits (its quiet defections), kept in the log for the end. */
  private aiSecrets(): string[] {
    const local = this.controller.local;
    return local ? secretReasons(this.sc, local.log, local.progress().outcome !== null) : [];
  }

  private download() {
    if (this.controller.room) return void this.downloadRoomLog();
    const text = this.controller.exportSave();
    if (!text) return;
    const a = h('a', { href: URL.createObjectURL(new Blob([text], { type: 'application/json' })), download: `interlock-${this.scenario.id}-round${this.controller.transport?.progress().round ?? 0}.json` });
    document.body.append(a);
    a.click();
    a.remove();
  }

  private buildGame(variant: Variant) {
    const top = h('div', { style: 'display:contents' });
    const left = h('aside', { class: 'left', 'aria-label': 'Your delegation and the bridge' });
    const right = h('aside', { class: 'right', 'aria-label': 'Negotiation, commit, council and fund' });
    const log = h('div', { style: 'display:contents' });
    const canvasHost = h('div', { class: 'mapcanvas', 'aria-hidden': 'true' });
    const tip = h('div', { class: 'maptip small', 'aria-live': 'polite' }, 'Hover or focus a front or an incident for details. Drag to pan, wheel or +/− to zoom.');
    const mapText = h('div', {});
    const overlay = h('div', {});
    const mapTools = h(
      'div',
      { class: 'maptools' },
      button('Map as text', () => this.store.setState({ mapAsText: !this.store.getState().mapAsText }), { 'aria-controls': 'map-text', 'data-key': 'maptext' }),
    );
    const map = h('section', { class: 'mapwrap', 'aria-label': 'Map of the region' }, canvasHost, mapTools, tip, mapText);
    const cls = variant === 'seat' ? 'game' : `game ${variant}`;
    render(this.root, variant === 'projector' ? h('div', { class: cls }, top, map, right) : h('div', { class: cls }, top, left, map, right, log), overlay);
    this.gameEls = { variant, top, left, right, log, mapText, tip, overlay };
    this.mapPort = this.mapFactory(canvasHost, this.sc);
    // The legend starts folded away on a small map (a projector at 1280×720), where it would cover
    // a third of the region; one button shows it.
    let legend = canvasHost.clientWidth >= 800 && canvasHost.clientHeight >= 560;
    const legendButton = button('Legend', () => setLegend(!legend), { 'aria-pressed': String(legend), 'data-key': 'legend' });
    const setLegend = (shown: boolean) => {
      legend = shown;
      legendButton.setAttribute('aria-pressed', String(shown));
      this.mapPort?.setLegend(shown);
    };
    mapTools.append(legendButton);
    setLegend(legend);
    this.mapPort.onHover((text) => {
      tip.textContent = text ?? 'Hover or focus a front or an incident for details.';
    });
  }

  private drawGame(ui: UiState) {
    const variant: Variant = ui.screen === 'console' ? 'console' : ui.screen === 'projector' ? 'projector' : 'seat';
    if (this.gameEls && this.gameEls.variant !== variant) this.leaveScreen();
    if (!this.gameEls) this.buildGame(variant);
    const els = this.gameEls;
    if (!els) return;
    if (variant !== 'seat' && ui.view && ui.room) return this.drawRoomScreen(ui, els, variant);
    if (ui.screen === 'handover' || !ui.view) {
      // Nothing of the previous seat stays on the page behind the hand-over screen.
      for (const host of [els.top, els.left, els.right, els.log, els.mapText]) render(host);
      this.deps.clear();
      const st = this.controller.transport?.progress();
      render(els.overlay, ui.seat && ui.mode === 'hotseat' ? handOver(this.scenario, ui.seat, st?.step === 'commit' ? 'sealed commit' : 'negotiation', () => this.controller.takeSeat()) : null);
      return;
    }
    const view = ui.view;
    const ctx = this.ctx(ui, view);
    // Each region is drawn again only when what it shows changed (clicks stay on live buttons).
    const changed = (key: string, ...deps: unknown[]) => {
      const last = this.deps.get(key);
      this.deps.set(key, deps);
      return !last || last.length !== deps.length || last.some((d, i) => d !== deps[i]);
    };
    const sc = this.sc;
    const room = ui.room;
    if (changed('top', view, ui.thinking, room?.info, room?.connection))
      render(
        els.top,
        topBar(
          sc,
          view,
          ui.thinking,
          {
            help: () => this.showHelp(),
            ...(room ? {} : { save: () => this.download() }),
            quit: () => (room ? this.rooms.leave() : this.controller.quit()),
            ...(room ? {} : { tutorial: () => this.store.setState({ tutorial: 0 }) }),
          },
          room ? [clockChip(room.info.clock, room.skewMs), connectionChip(room)] : [],
        ),
      );
    if (changed('left', view, ui.seat, ui.mode, ui.humans, this.controller.local?.waiting, room?.info, room?.token))
      render(els.left, ui.seat ? delegationPanel(sc, view, ui.seat) : null, room && ui.seat ? teamSection(sc, room, ui.seat, (url) => this.qr(url, 120)) : null, bridgePanel(sc, view), this.seatSwitcher(ui));
    if (changed('right', view, ui.tab, ui.packageDraft, ui.commitDraft, ui.aiNotes.length, room?.messages)) render(els.right, this.tabs(ctx));
    if (changed('log', view, ui.logOpen, ui.aiNotes.length)) render(els.log, roundLog(sc, view, ui.logOpen, () => this.store.setState({ logOpen: !ui.logOpen }), ui.aiNotes));
    if (changed('map', view)) this.mapLines = this.mapPort?.show(view) ?? [];
    if (changed('maptext', view, ui.mapAsText)) render(els.mapText, ui.mapAsText ? h('div', { class: 'maptext', id: 'map-text', role: 'region', 'aria-label': 'Everything on the map, as text' }, h('h2', {}, 'The map as text'), h('ul', {}, ...this.mapLines.map((l) => h('li', {}, l)))) : null);
    if (!changed('overlay', view, ui.notice, ui.tutorial, ui.unreadResolution)) return;
    const overlays: HTMLElement[] = [];
    if (ui.notice) overlays.push(noticeBar(ui.notice.text, ui.notice.kind, () => this.store.setState({ notice: null })));
    if (ui.tutorial !== null)
      overlays.push(
        guide(
          ui.tutorial,
          () => this.store.setState({ tutorial: Math.min(GUIDE_LENGTH - 1, (ui.tutorial ?? 0) + 1) }),
          () => {
            localStorage.setItem('interlock.guide.seen', '1');
            this.store.setState({ tutorial: null });
          },
          this.scenario,
        ),
      );
    else if (ui.unreadResolution !== null && ui.unreadResolution > 0)
      overlays.push(resolutionSummary(sc, view, ui.unreadResolution, () => this.store.setState({ unreadResolution: null })));
    render(els.overlay, ...overlays);
  }

  /** The facilitator's console and the projector: the same map, other panels around it. */
  private drawRoomScreen(ui: UiState, els: NonNullable<App['gameEls']>, variant: Variant) {
    const view = ui.view;
    const room = ui.room;
    if (!view || !room) return;
    const sc = this.sc;
    const changed = (key: string, ...deps: unknown[]) => {
      const last = this.deps.get(key);
      this.deps.set(key, deps);
      return !last || last.length !== deps.length || last.some((d, i) => d !== deps[i]);
    };
    if (changed('map', view)) this.mapLines = this.mapPort?.show(view) ?? [];
    if (variant === 'projector') {
      if (changed('top', view, room.info)) render(els.top, projectorTop(sc, view, room));
      if (changed('right', view)) render(els.right, projectorDashboard(sc, view));
      return;
    }
    const act: ConsoleActions = {
      intent: this.roomSend,
      action: (a) => void this.roomAction(a),
      download: () => void this.downloadRoomLog(),
      setTab: (t) => this.store.setState({ consoleTab: t }),
      qr: (url, size) => this.qr(url, size),
      leave: () => this.rooms.leave(),
    };
    if (changed('top', view, ui.thinking, room.info, room.connection))
      render(
        els.top,
        topBar(sc, view, ui.thinking, { help: () => this.showHelp(), quit: () => this.rooms.leave() }, [clockChip(room.info.clock, room.skewMs), connectionChip(room)]),
      );
    if (changed('left', view, room.info)) render(els.left, roomSection(sc, room, view, act), bridgePanel(sc, view));
    if (changed('right', view, ui.consoleTab, room.info, room.messages))
      render(els.right, consoleTabs(sc, room, view, ui.consoleTab, act, () => messagesPanel(sc, null, room.messages, (to, text) => void this.roomChat(to, text))));
    if (changed('log', view, ui.logOpen)) render(els.log, roundLog(sc, view, ui.logOpen, () => this.store.setState({ logOpen: !ui.logOpen })));
    if (changed('overlay', ui.notice)) render(els.overlay, ui.notice ? noticeBar(ui.notice.text, ui.notice.kind, () => this.store.setState({ notice: null })) : null);
  }

  /**
   * Who plays each seat: a person at this screen or the AI (with its character). Any seat can
   * pass to the AI and back; the AI takes over where the seat stands, a person from the AI's
   * next decision. In hot-seat play, the screen passes between the people.
   */
  private seatSwitcher(ui: UiState): HTMLElement | null {
    // In a room the facilitator hands seats to the AI and back (the console).
    if (ui.mode === 'room' || !this.controller.local) return null;
    const personas = this.controller.local?.setup.personas ?? {};
    const rows = this.scenario.delegations.map((d) => {
      const human = ui.humans.includes(d.id);
      const p = personas[d.id];
      const who = human ? 'played by a person' : `AI${p ? ` — ${p.personality}, ${p.difficulty}` : ''}`;
      const actions = [
        human
          ? button('Hand to the AI', () => this.controller.setSeat(d.id, 'ai'), { 'aria-label': `Hand ${d.name} to the AI`, 'data-key': `seat-ai-${d.id}` })
          : button('Play it', () => this.controller.setSeat(d.id, 'human'), { 'aria-label': `Play ${d.name} yourself`, 'data-key': `seat-human-${d.id}` }),
        human && ui.mode === 'hotseat' && d.id !== ui.seat ? button('Pass the screen', () => this.controller.handOver(d.id), { 'aria-label': `Pass the screen to ${d.name}` }) : null,
      ];
      return h('li', { class: 'row small' }, h('span', { style: 'flex:1' }, h('strong', {}, d.short), ` · ${who}`), ...actions);
    });
    const t = this.controller.local;
    const waiting = t?.waiting
      ? h('div', { class: 'notice info', role: 'status' }, 'Every seat is played by the AI: it waits at the start of each round. ', button('Let the AI play this round', () => t.playNextRound(), { class: 'primary', 'data-key': 'play-round' }))
      : null;
    return h(
      'section',
      { class: 'section', 'aria-labelledby': 'seats-h' },
      h('h3', { id: 'seats-h' }, 'Seats'),
      h('p', { class: 'small muted' }, 'Any seat can pass between a person and the AI; best between rounds.'),
      waiting,
      h('ul', { class: 'plain' }, ...rows),
    );
  }

  private tabs(ctx: Ctx): HTMLElement {
    const tab = ctx.ui.tab;
    const step = ctx.view.step;
    const label = (t: typeof tab, text: string) =>
      h('button', { role: 'tab', type: 'button', id: `tab-${t}`, 'aria-selected': String(tab === t), 'aria-controls': `panel-${t}`, 'data-key': `tab-${t}`, onclick: () => this.store.setState({ tab: t }) }, text);
    const room = ctx.ui.room;
    const body =
      tab === 'messages' && room
        ? messagesPanel(ctx.sc, ctx.seat, room.messages, (to, text) => void this.roomChat(to, text))
        : tab === 'negotiate'
          ? negotiationPanel(ctx)
          : tab === 'commit'
            ? commitPanel(ctx)
            : councilPanel(ctx);
    const waiting = step === 'commit' && tab !== 'commit' ? h('div', { class: 'notice info', style: 'margin:8px 12px' }, 'The commit step is open. ', button('Go to commit', () => this.store.setState({ tab: 'commit' }), { class: 'primary' })) : null;
    return h(
      'div',
      {},
      h(
        'div',
        { class: 'tabs', role: 'tablist', 'aria-label': phaseLabel(ctx.sc, ctx.view.phase) },
        label('negotiate', 'Negotiate'),
        label('commit', 'Commit'),
        label('council', 'Council & fund'),
        room ? label('messages', `Messages${room.messages.length ? ` (${room.messages.length})` : ''}`) : null,
      ),
      waiting,
      h('div', { role: 'tabpanel', id: `panel-${tab}`, 'aria-labelledby': `tab-${tab}` }, body),
    );
  }
}
