// The debrief's screens as the App reaches them: the report and replay of one game, the
// comparison of several, the briefing packs. Kept apart from app.ts, which only routes to them.
import type { Scenario } from '../engine';
import type { LogEntry } from '../machine/gameMachine';
import type { SaveFile } from '../machine/saveFile';
import { compareGame } from '../report/compare';
import type { GameStore } from '../store/gameStore';
import { BriefingPage } from './briefing';
import { ComparePage, type CompareProps } from './compareView';
import { debriefFromLog, DebriefScreen, type Debrief, type DebriefStats, type DebriefTab } from './debrief';
import { openComparedFiles, openDebriefFile } from './debriefFile';
import { h, type VNode } from './dom';
import type { MapFactory } from './mapPort';
import type { StartActions } from './startScreen';

export interface DebriefHost {
  readonly store: GameStore;
  readonly mapFactory: MapFactory;
  /** The scenario in use (it changes when a scenario file is loaded). */
  scenario(): Scenario;
  /** Resumes a save: the what-if fork arrives as one. */
  resume(save: SaveFile): void;
}

export class DebriefRoutes {
  private debrief: Debrief | null = null;
  private comparison: CompareProps | null = null;
  /** Each opening is drawn afresh (a new key), not patched into the previous one. */
  private opened = 0;

  constructor(private readonly host: DebriefHost) {}

  /** The debrief screen on screen. */
  view(screen: 'debrief' | 'compare' | 'briefing'): VNode | null {
    const back = () => this.host.store.setState({ screen: 'start', notice: null });
    if (screen === 'debrief') return this.debrief ? h(DebriefScreen, { key: this.opened, debrief: this.debrief }) : null;
    if (screen === 'compare') return this.comparison ? h(ComparePage, { key: this.opened, ...this.comparison }) : null;
    return h(BriefingPage, { sc: this.host.scenario(), act: { back } });
  }

  /** Opens the report or the replay of a game from its log; `from` is where "back" returns. */
  open(seed: number, entries: readonly LogEntry[], tab: DebriefTab, from: 'end' | 'start' | 'console', seat: string | null) {
    const { store } = this.host;
    this.debrief = debriefFromLog(
      {
        scenario: this.host.scenario(),
        mapFactory: this.host.mapFactory,
        backLabel: from === 'end' ? 'Back to the end screen' : from === 'console' ? 'Back to the console' : 'Back to the menu',
        back: () => store.setState({ screen: from, notice: null }),
        fork: (save) => this.host.resume(save),
        defaultSeat: seat,
      },
      seed,
      entries,
      tab,
    );
    this.opened += 1;
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
        if (games.length === 0)
          return store.setState({
            notice: { kind: 'error', text: 'None of these files can be compared. Nothing was changed.', list: refused },
          });
        const compared = games.map((g) => compareGame(sc, g.name, g.seed, g.entries));
        this.comparison = { sc, games: compared, refused, act: { back: () => store.setState({ screen: 'start', notice: null }) } };
        this.opened += 1;
        store.setState({ screen: 'compare', notice: null });
      },
      briefingPacks: () => store.setState({ screen: 'briefing', notice: null }),
    };
  }

  stats(): DebriefStats | null {
    const s = this.debrief?.stats;
    return s ? { reportMs: s.reportMs, reportParts: s.reportParts, replayMs: s.replayMs, rounds: s.rounds } : null;
  }
}
