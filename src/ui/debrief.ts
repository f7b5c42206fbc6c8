// The debrief screen: the after-action report and the replay of one game, built from its event
// log, with the exports and the what-if fork. Reached from the end screen and from a saved game or
// log file on the start screen.
import type { Scenario } from '../engine';
import type { LogEntry } from '../machine/gameMachine';
import { replay } from '../machine/replay';
import { makeSave, type GameSetupRecord, type SaveFile } from '../machine/saveFile';
import { reportCsv, reportMarkdown } from '../report/exports';
import { buildReport } from '../report/report';
import { buildTimeline, entriesBefore, type Timeline } from '../report/timeline';
import type { MapFactory } from './app';
import { button, h, render } from './dom';
import { download } from './download';
import { reportPage, type ReportPage } from './reportView';
import { ReplayView, type Difficulty } from './replayView';

export type DebriefTab = 'report' | 'replay';

export interface DebriefDeps {
  scenario: Scenario;
  mapFactory: MapFactory;
  backLabel: string;
  back(): void;
  /** Resumes a save (the what-if fork arrives as one). */
  fork(save: SaveFile): void;
  /** The delegation the people played, if known (the what-if's default seat). */
  defaultSeat: string | null;
}

export interface DebriefStats {
  /** Main-thread time from the event log to the report drawn, charts included, in ms. */
  reportMs: number | null;
  /** Its parts: replaying the log, building the report's data, drawing the page. */
  reportParts: { replay: number; data: number; page: number } | null;
  /** The last replayed round's main-thread time, in ms. */
  replayMs: number | null;
  rounds: number;
}

export class DebriefScreen {
  tab: DebriefTab;
  private report: ReportPage | null = null;
  private replayView: ReplayView | null = null;
  private reportMs: number | null = null;
  private reportParts: DebriefStats['reportParts'] = null;
  private timelineMs: number;
  private host: HTMLElement | null = null;
  private readonly keys = (e: KeyboardEvent) => this.replayView?.onKey(e);

  private constructor(
    private readonly deps: DebriefDeps,
    readonly timeline: Timeline,
    timelineMs: number,
    tab: DebriefTab,
  ) {
    this.tab = tab;
    this.timelineMs = timelineMs;
  }

  /** Replays the log once into round frames; throws a ReplayError for a log that does not fit. */
  static fromLog(deps: DebriefDeps, seed: number, entries: readonly LogEntry[], tab: DebriefTab = 'report'): DebriefScreen {
    const t0 = performance.now();
    const timeline = buildTimeline(deps.scenario, seed, entries);
    return new DebriefScreen(deps, timeline, performance.now() - t0, tab);
  }

  mount(root: HTMLElement) {
    this.host = root;
    document.addEventListener('keydown', this.keys);
    this.draw();
  }

  setTab(tab: DebriefTab) {
    this.tab = tab;
    this.draw();
  }

  stats(): DebriefStats {
    return { reportMs: this.reportMs, reportParts: this.reportParts, replayMs: this.replayView?.lastMs ?? null, rounds: this.timeline.frames.length };
  }

  private bar(extra: HTMLElement | null): HTMLElement {
    const tab = (t: DebriefTab, label: string) => button(label, () => this.setTab(t), { 'aria-current': this.tab === t ? 'page' : null, 'data-key': `tab-${t}` });
    return h(
      'nav',
      { class: 'doc-bar', 'aria-label': 'Debrief' },
      h('span', { class: 'brand' }, 'INTERLOCK'),
      h('div', { class: 'tabs-inline' }, tab('report', 'After-action report'), tab('replay', 'Replay round by round')),
      extra,
      h('span', { class: 'spacer' }),
      button(this.deps.backLabel, () => this.deps.back()),
    );
  }

  private draw() {
    const root = this.host;
    if (!root) return;
    this.replayView?.destroy();
    this.replayView = null;
    this.report?.destroy();
    this.report = null;
    if (this.tab === 'report') this.drawReport(root);
    else this.drawReplay(root);
  }

  private drawReport(root: HTMLElement) {
    const t0 = performance.now();
    const report = buildReport(this.timeline);
    const t1 = performance.now();
    const page = reportPage(report);
    this.report = page;
    const name = `interlock-${this.deps.scenario.id}-seed${this.timeline.seed}`;
    const exports = h(
      'div',
      { class: 'exports', role: 'group', 'aria-label': 'Export the report' },
      button('Print / PDF', () => window.print(), { class: 'primary', 'aria-label': 'Print the report or save it as PDF' }),
      button('Markdown', () => download(`${name}-report.md`, reportMarkdown(report), 'text/markdown'), { 'aria-label': 'Download the report as Markdown' }),
      button('CSV', () => download(`${name}-series.csv`, reportCsv(report), 'text/csv'), { 'aria-label': 'Download every time series as CSV' }),
      button('JSON log', () => download(`${name}-log.json`, JSON.stringify(this.timeline.log), 'application/json'), { 'aria-label': 'Download the JSON event log', title: 'Replays with npm run replay; opens again here from the start screen' }),
    );
    render(root, h('div', { class: 'doc-page' }, this.bar(exports), h('main', {}, page.el)));
    page.drawCharts();
    void root.offsetHeight; // layout included in the measure
    // The first report counts the replay of the log too: from the log to the page.
    const t2 = performance.now();
    this.reportMs = t2 - t0 + this.timelineMs;
    this.reportParts = { replay: this.timelineMs, data: t1 - t0, page: t2 - t1 };
    this.timelineMs = 0;
  }

  private drawReplay(root: HTMLElement) {
    const view = new ReplayView({
      scenario: this.deps.scenario,
      timeline: this.timeline,
      mapFactory: this.deps.mapFactory,
      defaultSeat: this.deps.defaultSeat,
      fork: (round, seat, difficulty) => this.fork(round, seat, difficulty),
    });
    this.replayView = view;
    render(root, h('div', { class: 'replay' }, this.bar(view.controls), view.body));
  }

  private fork(round: number, seat: string, difficulty: Difficulty) {
    const sc = this.deps.scenario;
    const { session } = replay(sc, this.timeline.seed, entriesBefore(this.timeline, round));
    const setup: GameSetupRecord = { mode: 'solo', humans: [seat], difficulty };
    const save = makeSave(sc, session, setup, new Date().toISOString());
    session.stop();
    this.deps.fork(save);
  }

  destroy() {
    document.removeEventListener('keydown', this.keys);
    this.replayView?.destroy();
    this.report?.destroy();
    this.host = null;
  }
}
