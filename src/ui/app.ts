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
import { bridgePanel, delegationPanel } from './leftPanel';
import { negotiationPanel } from './negotiationPanel';
import { GUIDE_LENGTH, guide, handOver, howToPlay, noticeBar, resolutionSummary } from './overlays';
import { startScreen } from './startScreen';
import { phaseLabel, topBar } from './topBar';
import type { Ctx } from './context';
import { roundLog } from './roundLog';

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

export class App {
  readonly store: GameStore = createGameStore();
  controller: Controller;
  mapPort: MapPort | null = null;
  private gameEls: { top: HTMLElement; left: HTMLElement; right: HTMLElement; log: HTMLElement; mapText: HTMLElement; tip: HTMLElement; overlay: HTMLElement } | null = null;
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
    this.store.subscribe(() => this.draw());
    this.draw();
  }

  private ctx(ui: UiState, view: GameView): Ctx {
    return {
      sc: this.scenario,
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
      ),
      this.helpOverlay(),
    );
  }

  private useScenario(scenario: Scenario, message: string) {
    this.scenario = scenario;
    this.controller = new Controller(scenario, this.store);
    this.store.setState({ notice: { kind: 'info', text: message } });
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
    const state = this.controller.transport?.state;
    if (!state) return;
    const t = this.controller.transport;
    const debrief = (tab: DebriefTab) => t && this.debrief.open(t.state.seed, t.log, tab, 'end', this.store.getState().humans[0] ?? null);
    render(this.root, endScreen(this.scenario, state, { menu: () => this.controller.quit(), exportSave: () => this.download(), report: () => debrief('report'), replay: () => debrief('replay') }));
  }

  private download() {
    const text = this.controller.exportSave();
    if (!text) return;
    const a = h('a', { href: URL.createObjectURL(new Blob([text], { type: 'application/json' })), download: `interlock-${this.scenario.id}-round${this.controller.transport?.state.round ?? 0}.json` });
    document.body.append(a);
    a.click();
    a.remove();
  }

  private buildGame() {
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
    render(this.root, h('div', { class: 'game' }, top, left, map, right, log), overlay);
    this.gameEls = { top, left, right, log, mapText, tip, overlay };
    this.mapPort = this.mapFactory(canvasHost, this.scenario);
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
    if (!this.gameEls) this.buildGame();
    const els = this.gameEls;
    if (!els) return;
    if (ui.screen === 'handover' || !ui.view) {
      // Nothing of the previous seat stays on the page behind the hand-over screen.
      for (const host of [els.top, els.left, els.right, els.log, els.mapText]) render(host);
      this.deps.clear();
      const st = this.controller.transport?.state;
      render(els.overlay, ui.seat ? handOver(this.scenario, ui.seat, st?.step === 'commit' ? 'sealed commit' : 'negotiation', () => this.controller.takeSeat()) : null);
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
    if (changed('top', view, ui.thinking)) render(els.top, topBar(this.scenario, view, ui.thinking, {
      help: () => this.showHelp(),
      save: () => this.download(),
      quit: () => this.controller.quit(),
      tutorial: () => this.store.setState({ tutorial: 0 }),
    }));
    if (changed('left', view, ui.seat, ui.mode, ui.humans, this.controller.transport?.waiting)) render(els.left, ui.seat ? delegationPanel(this.scenario, view, ui.seat) : null, bridgePanel(this.scenario, view), this.seatSwitcher(ui));
    if (changed('right', view, ui.tab, ui.packageDraft, ui.commitDraft, ui.aiNotes.length)) render(els.right, this.tabs(ctx));
    if (changed('log', view, ui.logOpen, ui.aiNotes.length)) render(els.log, roundLog(this.scenario, view, ui.logOpen, () => this.store.setState({ logOpen: !ui.logOpen }), ui.aiNotes));
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
      overlays.push(resolutionSummary(this.scenario, view, ui.unreadResolution, () => this.store.setState({ unreadResolution: null })));
    render(els.overlay, ...overlays);
  }

  /**
   * Who plays each seat: a person at this screen or the AI (with its character). Any seat can
   * pass to the AI and back; the AI takes over where the seat stands, a person from the AI's
   * next decision. In hot-seat play, the screen passes between the people.
   */
  private seatSwitcher(ui: UiState): HTMLElement | null {
    const personas = this.controller.transport?.setup.personas ?? {};
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
    const t = this.controller.transport;
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
    const body = tab === 'negotiate' ? negotiationPanel(ctx) : tab === 'commit' ? commitPanel(ctx) : councilPanel(ctx);
    const waiting = step === 'commit' && tab !== 'commit' ? h('div', { class: 'notice info', style: 'margin:8px 12px' }, 'The commit step is open. ', button('Go to commit', () => this.store.setState({ tab: 'commit' }), { class: 'primary' })) : null;
    return h(
      'div',
      {},
      h('div', { class: 'tabs', role: 'tablist', 'aria-label': phaseLabel(this.scenario, ctx.view.phase) }, label('negotiate', 'Negotiate'), label('commit', 'Commit'), label('council', 'Council & fund')),
      waiting,
      h('div', { role: 'tabpanel', id: `panel-${tab}`, 'aria-labelledby': `tab-${tab}` }, body),
    );
  }
}
