// The page's application: the store, the game controller, rooms and the debrief routes, and the
// actions the screens call. The screens themselves are Preact components (appView.ts); the map
// arrives through a port, so only the composition root (main.ts) knows about Phaser.
import { render } from 'preact';
import type { Scenario } from '../engine';
import type { TalkModelInfo, TalkModelInput } from '../ai/talk/model';
import type { LogEntry } from '../machine/gameMachine';
import type { Ack, RoomAction } from '../net/protocol';
import { createGameStore, type GameStore } from '../store/gameStore';
import { AppView } from './appView';
import { classRoute, followStudentLink, openClassPages, resumeStudentTasks } from './class/classEntry';
import { Controller } from './controller';
import { forgetCustomScenario, loadCustomScenario, problemLines, rememberedScenario } from './customScenario';
import type { DebriefStats } from './debrief';
import { DebriefRoutes } from './debriefRoutes';
import { installFocusRescue } from './focusRescue';
import { h } from './dom';
import { download } from './download';
import type { MapFactory, MapPort } from './mapPort';
import { readRoomLink, RoomFlow, type RoomLink } from './roomFlow';
import type { RoomStartActions } from './roomPanels';
import type { StartActions } from './startScreen';

export type { MapFactory, MapPort } from './mapPort';

export class App {
  readonly store: GameStore = createGameStore();
  controller: Controller;
  rooms: RoomFlow;
  /** The map on screen, and its content as text (the page's test hooks read them). */
  mapPort: MapPort | null = null;
  mapLines: string[] = [];
  readonly builtIn: Scenario;
  readonly debrief: DebriefRoutes;
  private pendingLink: RoomLink | null = null;
  private local: Scenario;

  constructor(
    private readonly root: HTMLElement,
    scenario: Scenario,
    readonly mapFactory: MapFactory,
  ) {
    this.builtIn = scenario;
    this.local = rememberedScenario() ?? scenario;
    this.controller = new Controller(this.local, this.store);
    this.debrief = new DebriefRoutes({ store: this.store, mapFactory, scenario: () => this.local, resume: (save) => this.resume(save) });
    this.rooms = new RoomFlow(this.controller);
    render(h(AppView, { app: this }), root);
    installFocusRescue(document);
    const cls = classRoute(location.hash);
    const link = readRoomLink(location.hash);
    const saved = this.rooms.saved();
    if (cls?.kind === 'teacher') this.openClass();
    else if (cls?.kind === 'student') void followStudentLink(this, cls.token);
    // A team link on a device without a name asks for one (a teammate is never just "Guest").
    else if (link?.seat && !saved?.name) {
      this.pendingLink = link;
      this.store.setState({ screen: 'joinName' });
    } else if (link) void this.rooms.follow(link, saved?.name ?? 'Guest');
    else if (saved) void this.rooms.join(saved).then((ok) => (ok ? resumeStudentTasks(this) : undefined));
  }

  /** Follows the team link that waited for a name. */
  joinPendingLink(name: string) {
    const link = this.pendingLink;
    this.pendingLink = null;
    if (link) void this.rooms.follow(link, name);
  }

  /** The teacher's class pages (set-up and dashboard) in place of the game's interface. */
  openClass() {
    void openClassPages(this.root, this, () => render(h(AppView, { app: this }), this.root));
  }

  /** The scenario of local play (the built-in one, or one loaded from a file). */
  get scenario(): Scenario {
    return this.local;
  }

  /** The scenario on screen: a room's (as the server lets this client read it), or the local one. */
  get sc(): Scenario {
    return this.controller.room?.scenario ?? this.local;
  }

  debriefStats(): DebriefStats | null {
    return this.debrief.stats();
  }

  notify(kind: 'error' | 'info', text: string, list?: string[]) {
    this.store.setState({ notice: list ? { kind, text, list } : { kind, text } });
  }

  startActions(): StartActions {
    return {
      start: (game) => {
        if (game.humans.length === 0) return this.notify('error', 'Choose at least one delegation played by a person.');
        this.controller.start(game);
        if (!localStorage.getItem('interlock.guide.seen')) this.store.setState({ tutorial: 0 });
      },
      continueSaved: () => this.resume(this.controller.savedGame()),
      loadSaveFile: (text) => {
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          return this.notify('error', 'This file is not a save file (it is not JSON). Nothing was changed.');
        }
        this.resume(json);
      },
      loadScenarioFile: (text) => {
        const r = loadCustomScenario(text);
        if (!r.ok) {
          const n = r.problems.length;
          return this.notify(
            'error',
            `The scenario file is refused: ${n} problem${n > 1 ? 's' : ''}, listed below by JSON path. Nothing was changed: the scenario in use is still ${this.local.title}.`,
            problemLines(r.problems),
          );
        }
        this.useScenario(r.scenario, `Scenario loaded: ${r.scenario.title}. Start a game to play it.`);
      },
      useBuiltInScenario:
        this.local === this.builtIn
          ? null
          : () => {
              forgetCustomScenario();
              this.useScenario(this.builtIn, `Back to the built-in scenario: ${this.builtIn.title}.`);
            },
      ...this.debrief.startActions(),
      howToPlay: () => this.store.setState({ help: true }),
    };
  }

  roomStartActions(): RoomStartActions {
    return {
      create: (name, serverKey) => void this.rooms.create(name, serverKey),
      join: (code, name) => {
        if (!code) return this.notify('error', 'Type the join code the facilitator shows.');
        void this.rooms.join({ code, as: { kind: 'lobby' }, name });
      },
      projector: (code) => {
        if (!code) return this.notify('error', 'Type the join code of the room to project.');
        void this.rooms.join({ code, as: { kind: 'projector' }, name: 'Projector' });
      },
      rejoin: () => {
        const saved = this.rooms.saved();
        if (saved) void this.rooms.join(saved);
      },
      classSetup: () => this.openClass(),
    };
  }

  private useScenario(scenario: Scenario, message: string) {
    this.local = scenario;
    this.controller = new Controller(scenario, this.store);
    this.rooms = new RoomFlow(this.controller);
    this.notify('info', message);
  }

  savedRoom(): { code: string; kind: string } | null {
    const s = this.rooms.saved();
    if (!s) return null;
    return { code: s.code, kind: s.as.kind === 'seat' ? 'your seat' : s.as.kind === 'facilitator' ? 'facilitator' : 'lobby' };
  }

  savedSummary(): { round: number; phase: string; savedAt: string; finished: boolean } | null {
    const saved = this.controller.savedGame() as {
      savedAt?: string;
      log?: { final?: { round?: number; outcome?: string | null }; entries?: unknown[] };
    } | null;
    const final = saved?.log?.final;
    if (!final?.round) return null;
    // A game that has ended is offered as what it is, not as one to continue.
    const outcome = typeof final.outcome === 'string' ? final.outcome : null;
    return {
      round: final.round,
      phase: outcome ? `ended in ${outcome[0]?.toUpperCase()}${outcome.slice(1)}` : 'in progress',
      savedAt: new Date(saved?.savedAt ?? '').toLocaleString(),
      finished: outcome !== null,
    };
  }

  resume(json: unknown) {
    if (json === null) return this.notify('error', 'There is no saved game in this browser.');
    const r = this.controller.resume(json);
    if (!r.ok) this.store.setState({ screen: 'start', notice: { kind: 'error', text: `${r.error} Nothing was overwritten.` } });
  }

  /** Leaves the game on screen: a room, or the local game (to the menu). */
  leave() {
    if (this.controller.room) this.rooms.leave();
    else this.controller.quit();
  }

  send = (intent: Parameters<Controller['send']>[0]) => void this.controller.send(intent);

  async roomAction(a: RoomAction) {
    const r = await this.controller.room?.action(a);
    if (r && !r.ok) this.notify('error', r.reason);
  }

  /** The facilitator's language model for the room (the key goes to the server, never back). */
  async roomTalkModel(set?: TalkModelInput | null): Promise<Ack<{ model: TalkModelInfo | null; server: boolean }>> {
    const t = this.controller.room;
    if (!t) return { ok: false, code: 'unavailable', reason: 'this page is in no room' };
    return t.talkModel(set);
  }

  /** The page of messages before the oldest this page holds. */
  async roomOlderMessages() {
    const r = await this.controller.room?.loadOlderMessages();
    if (r && !r.ok) this.notify('error', r.reason);
  }

  async roomChat(to: Parameters<NonNullable<Controller['room']>['chat']>[0], text: string) {
    const r = await this.controller.room?.chat(to, text);
    if (r && !r.ok) this.notify('error', r.reason);
  }

  /** The local game's save file, or a room's log (the facilitator's). */
  download() {
    if (this.controller.room) return void this.downloadRoomLog();
    const text = this.controller.exportSave();
    if (!text) return;
    download(`interlock-${this.local.id}-round${this.controller.transport?.progress().round ?? 0}.json`, text, 'application/json');
  }

  /** The room's after-action report or replay, as it stands, opened from the console in one click (the facilitator's). */
  async openRoomDebrief(tab: 'report' | 'replay') {
    const t = this.controller.room;
    if (!t || t.role.kind !== 'facilitator') return;
    const r = await t.downloadLog();
    if (!r.ok) return this.notify('error', r.reason);
    const { log } = r.log as { log: { seed: number; entries: LogEntry[] } };
    this.debrief.open(log.seed, log.entries, tab, 'console', null);
  }

  async downloadRoomLog() {
    const t = this.controller.room;
    if (!t) return;
    if (t.role.kind !== 'facilitator') return this.notify('info', 'The facilitator downloads the room’s log.');
    const r = await t.downloadLog();
    if (!r.ok) return this.notify('error', r.reason);
    const file = r.log as { log: unknown; transcript: unknown };
    download(`interlock-room-${t.room.code}-log.json`, JSON.stringify(file.log, null, 1), 'application/json');
    download(`interlock-room-${t.room.code}-transcript.json`, JSON.stringify(file.transcript, null, 1), 'application/json');
  }
}
