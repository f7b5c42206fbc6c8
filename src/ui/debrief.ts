// The debrief screen: the after-action report and the replay of one game, built from its event
// log, with the exports and the what-if fork. Reached from the end screen and from a saved game or
// log file on the start screen.
import { useMemo, useState } from 'preact/hooks';
import type { Scenario } from '../engine';
import type { LogEntry } from '../machine/gameMachine';
import { replay } from '../machine/replay';
import { makeSave, type GameSetupRecord, type SaveFile } from '../machine/saveFile';
import { reportCsv, reportMarkdown } from '../report/exports';
import { buildReport } from '../report/report';
import { buildTimeline, entriesBefore, type Timeline } from '../report/timeline';
import { button, h, type VNode } from './dom';
import { download } from './download';
import type { MapFactory } from './mapPort';
import { ReportPage } from './reportView';
import { ReplayView, type Difficulty, type ReplayStats } from './replayView';

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

/** One game's debrief: its timeline (the log replayed once into round frames) and where it opens. */
export interface Debrief {
  deps: DebriefDeps;
  timeline: Timeline;
  tab: DebriefTab;
  /** What the screens measured (the page's test hooks and the benchmark read it). */
  stats: DebriefStats & ReplayStats & { timelineMs: number };
}

/** Replays the log once into round frames; throws a ReplayError for a log that does not fit. */
export function debriefFromLog(deps: DebriefDeps, seed: number, entries: readonly LogEntry[], tab: DebriefTab = 'report'): Debrief {
  const t0 = performance.now();
  const timeline = buildTimeline(deps.scenario, seed, entries);
  return {
    deps,
    timeline,
    tab,
    stats: { reportMs: null, reportParts: null, replayMs: null, rounds: timeline.frames.length, timelineMs: performance.now() - t0 },
  };
}

export function DebriefScreen({ debrief }: { debrief: Debrief }): VNode {
  const [tab, setTab] = useState(debrief.tab);
  const { deps } = debrief;
  const bar = (extra: VNode | null) =>
    h(
      'nav',
      { class: 'doc-bar', 'aria-label': 'Debrief' },
      h('span', { class: 'brand' }, 'INTERLOCK'),
      h(
        'div',
        { class: 'tabs-inline' },
        button('After-action report', () => setTab('report'), { 'aria-current': tab === 'report' ? 'page' : null }),
        button('Replay round by round', () => setTab('replay'), { 'aria-current': tab === 'replay' ? 'page' : null }),
      ),
      extra,
      h('span', { class: 'spacer' }),
      button(deps.backLabel, () => deps.back()),
    );
  if (tab === 'replay')
    return h(ReplayView, {
      key: 'replay',
      deps: {
        scenario: deps.scenario,
        timeline: debrief.timeline,
        mapFactory: deps.mapFactory,
        defaultSeat: deps.defaultSeat,
        fork: (round, seat, difficulty) => fork(debrief, round, seat, difficulty),
      },
      stats: debrief.stats,
      bar,
    });
  return h(ReportTab, { key: 'report', debrief, bar });
}

function ReportTab({ debrief, bar }: { debrief: Debrief; bar: (extra: VNode | null) => VNode }): VNode {
  const { timeline, stats, deps } = debrief;
  const t0 = performance.now();
  const report = useMemo(() => buildReport(timeline), [timeline]);
  const t1 = performance.now();
  const drawn = () => {
    void document.body.offsetHeight; // layout included in the measure
    // The first report counts the replay of the log too: from the log to the page.
    const t2 = performance.now();
    stats.reportMs = t2 - t0 + stats.timelineMs;
    stats.reportParts = { replay: stats.timelineMs, data: t1 - t0, page: t2 - t1 };
    stats.timelineMs = 0;
  };
  const name = `interlock-${deps.scenario.id}-seed${timeline.seed}`;
  const exports = h(
    'div',
    { class: 'exports', role: 'group', 'aria-label': 'Export the report' },
    button('Print / PDF', () => window.print(), { class: 'primary', title: 'Print the report or save it as PDF' }),
    button('Markdown', () => download(`${name}-report.md`, reportMarkdown(report), 'text/markdown'), {
      'aria-label': 'Download the report as Markdown',
    }),
    button('CSV', () => download(`${name}-series.csv`, reportCsv(report), 'text/csv'), {
      'aria-label': 'Download every time series as CSV',
    }),
    button('JSON event log', () => download(`${name}-log.json`, JSON.stringify(timeline.log), 'application/json'), {
      'aria-label': 'Download the JSON event log',
      title: 'Replays with npm run replay; opens again here from the start screen',
    }),
  );
  return h('div', { class: 'doc-page' }, bar(exports), h('main', {}, h(ReportPage, { report, onDrawn: drawn })));
}

/** A what-if: a new game from the start of `round`, the rounds before it replayed exactly. */
function fork(debrief: Debrief, round: number, seat: string, difficulty: Difficulty) {
  const sc = debrief.deps.scenario;
  const { session } = replay(sc, debrief.timeline.seed, entriesBefore(debrief.timeline, round));
  const setup: GameSetupRecord = { mode: 'solo', humans: [seat], difficulty };
  const save = makeSave(sc, session, setup, new Date().toISOString());
  session.stop();
  debrief.deps.fork(save);
}
