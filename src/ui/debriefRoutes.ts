// The debrief's screens as the App reaches them: the report and replay of one game, the
// comparison of several, the briefing packs. Kept apart from app.ts, which only routes to them.
import type { Scenario } from '../engine';
import type { LogEntry } from '../machine/gameMachine';
import type { SaveFile } from '../machine/saveFile';
import { compareGame } from '../report/compare';
import type { GameStore, Screen } from '../store/gameStore';
import type { MapFactory } from './app';
import { briefingPage } from './briefing';
import { comparePage, type ComparePage } from './compareView';
import { DebriefScreen, type DebriefStats, type DebriefTab } from './debrief';
import { openComparedFiles, openDebriefFile } from './debriefFile';
import { render } from './dom';
import type { StartActions } from './startScreen';

export interface DebriefHost {
  readonly root: HTMLElement;
  readonly store: GameStore;
  readonly mapFactory: MapFactory;
  /** The scenario in use (it changes when a scenario file is loaded). */
  scenario(): Scenario;
  /** Resumes a save: the what-if fork arrives as one. */
  resume(save: SaveFile): void;
}

export class DebriefRoutes {
  private debrief: DebriefScreen | null = null;
  private comparison: ComparePage | null = null;

  constructor(private readonly host: DebriefHost) {}

  /** Draws a debrief screen; false when `screen` is not one of them. */
  draw(screen: Screen, entering: boolean): boolean {
    const { root, store } = this.host;
    if (screen === 'debrief') {
      if (entering) this.debrief?.mount(root);
    } else if (screen === 'compare') {
      if (entering && this.comparison) {
        render(root, this.comparison.el);
        this.comparison.drawCharts();
      }
    } else if (screen === 'briefing') {
      if (entering) render(root, briefingPage(this.host.scenario(), { back: () => store.setState({ screen: 'start', notice: null }) }));
    } else return false;
    return true;
  }

  /** Called when the App leaves `screen`. */
  leave(screen: Screen | null) {
    if (screen === 'compare') {
      this.comparison?.destroy();
      this.comparison = null;
    }
    if (screen === 'debrief') {
      this.debrief?.destroy();
      this.debrief = null;
    }
  }

  /** Opens the report or the replay of a game from its log; `from` is where "back" returns. */
  open(seed: number, entries: readonly LogEntry[], tab: DebriefTab, from: 'end' | 'start', seat: string | null) {
    const { store } = this.host;
    this.debrief?.destroy();
    this.debrief = DebriefScreen.fromLog(
      {
        scenario: this.host.scenario(),
        mapFactory: this.host.mapFactory,
        backLabel: from === 'end' ? 'Back to the end screen' : 'Back to the menu',
        back: () => store.setState({ screen: from, notice: null }),
        fork: (save) => this.host.resume(save),
        defaultSeat: seat,
      },
      seed,
      entries,
      tab,
    );
    store.setState({ screen: 'debrief', notice: null });
  }

  /** The start screen's debrief actions. */
  startActions(): Pick<StartActions, 'openDebriefFile' | 'compareFiles' | 'briefingPacks'> {
    const { store } = this.host;
    return {
      openDebriefFile: (text) => {
        const r = openDebriefFile(this.host.scenario(), text);
        if (!r.ok) return store.setState({ notice: { kind: 'error', text: `${r.error} Nothing was changed.` } });
        this.open(r.seed, r.entries, 'report', 'start', r.seat);
      },
      compareFiles: (files) => {
        const sc = this.host.scenario();
        const { games, refused } = openComparedFiles(sc, files);
        if (games.length === 0) return store.setState({ notice: { kind: 'error', text: 'None of these files can be compared. Nothing was changed.', list: refused } });
        const compared = games.map((g) => compareGame(sc, g.name, g.seed, g.entries));
        this.comparison = comparePage(sc, compared, refused, { back: () => store.setState({ screen: 'start', notice: null }) });
        store.setState({ screen: 'compare', notice: null });
      },
      briefingPacks: () => store.setState({ screen: 'briefing', notice: null }),
    };
  }

  stats(): DebriefStats | null {
    return this.debrief?.stats() ?? null;
  }
}
