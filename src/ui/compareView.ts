// Several games side by side: their outcomes and headline figures in one table, their tension and
// secured spans over the rounds in two charts (with the data as tables), exported as CSV.
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import './debrief.css';
import type { Scenario } from '../engine';
import { comparisonCsv, type ComparedGame } from '../report/compare';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { button, h, type VNode } from './dom';
import { download } from './download';

const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#F0E442', '#7d8a98'];
const AXIS = '#7d8a98';
const GRID = 'rgba(125,138,152,0.28)';

export interface CompareProps {
  sc: Scenario;
  games: readonly ComparedGame[];
  refused: readonly string[];
  act: { back(): void };
}

export function ComparePage({ sc, games, refused, act }: CompareProps): VNode {
  const page = useRef<HTMLElement>(null);
  const hosts = useRef(new Map<string, HTMLElement>());
  const maxRounds = Math.max(1, ...games.map((g) => g.report.history.length));
  const rounds = Array.from({ length: maxRounds }, (_, i) => i + 1);
  const pending: Array<(w: number) => uPlot | null> = [];
  const colour = (i: number) => PALETTE[i % PALETTE.length] ?? AXIS;
  const pct = (v: number | null) => (v === null ? '—' : `${v}%`);

  const chart = (title: string, pick: (h: ComparedGame['report']['history'][number]) => number, max: number) => {
    const id = `cmp-${title.replace(/\W+/g, '-').toLowerCase()}`;
    const host = h('div', { 'aria-hidden': 'true', ref: (el: HTMLElement | null) => el && hosts.current.set(id, el) });
    const values = games.map((g) =>
      rounds.map((r) => {
        const rec = g.report.history[r - 1];
        return rec ? pick(rec) : null;
      }),
    );
    const table = h(
      'table',
      { class: 'data' },
      h('caption', {}, `${title}, by round`),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Round'), ...games.map((g) => h('th', { scope: 'col', class: 'num' }, g.name)))),
      h(
        'tbody',
        {},
        ...rounds.map((r, i) =>
          h('tr', {}, h('th', { scope: 'row' }, String(r)), ...values.map((v) => h('td', { class: 'num' }, String(v[i] ?? '—')))),
        ),
      ),
    );
    pending.push((w) => {
      const el = hosts.current.get(id);
      return el
        ? new uPlot(
            {
              width: Math.round(Math.max(280, Math.min(680, w - 20))),
              height: 220,
              scales: { x: { time: false }, y: { range: [0, max] } },
              axes: [
                { stroke: AXIS, grid: { stroke: GRID }, ticks: { stroke: GRID }, label: 'round', incrs: [1, 2, 5] },
                { stroke: AXIS, grid: { stroke: GRID }, ticks: { stroke: GRID } },
              ],
              legend: { live: false },
              cursor: { show: false },
              series: [
                { label: 'round' },
                ...games.map((g, i) => ({ label: g.name, stroke: colour(i), width: 2, ...(i >= PALETTE.length ? { dash: [6, 3] } : {}) })),
              ],
            },
            [rounds, ...values] as uPlot.AlignedData,
            el,
          )
        : null;
    });
    return h(
      'figure',
      { class: 'chart', 'aria-labelledby': `${id}-h` },
      h('figcaption', {}, h('h3', { id: `${id}-h` }, title)),
      host,
      h('details', { class: 'text-equivalent' }, h('summary', {}, `${title} as a table`), h('div', { class: 'table-wrap' }, table)),
    );
  };

  const th = (t: string, cls = '') => h('th', { scope: 'col', class: cls }, t);
  const count = (o: string) => games.filter((g) => g.outcome === o).length;
  const table = h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { class: 'data', id: 'comparison' },
      h('caption', {}, 'One row per game'),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          th('Game'),
          th('Seed', 'num'),
          th('Outcome'),
          th('Rounds', 'num'),
          th('Tension at the end (peak)', 'num'),
          th('Spans secured', 'num'),
          th('Negated', 'num'),
          th('Violations', 'num'),
          th('Promises kept', 'num'),
          th('Attributions correct', 'num'),
        ),
      ),
      h(
        'tbody',
        {},
        ...games.map((g, i) =>
          h(
            'tr',
            {},
            h('th', { scope: 'row' }, h('span', { class: 'dot', style: `background:${colour(i)};margin-right:6px` }), g.name),
            h('td', { class: 'num' }, String(g.seed)),
            h('td', {}, g.outcome),
            h('td', { class: 'num' }, String(g.rounds)),
            h('td', { class: 'num' }, `${g.finalTension} (${g.peakTension})`),
            h('td', { class: 'num' }, String(g.secured)),
            h('td', { class: 'num' }, String(g.negated)),
            h('td', { class: 'num' }, String(g.violations)),
            h('td', { class: 'num' }, pct(g.promisesKept)),
            h('td', { class: 'num' }, pct(g.attributionCorrect)),
          ),
        ),
      ),
    ),
  );
  const scores = h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { class: 'data', id: 'comparison-scores' },
      h('caption', {}, 'Scores: the shared outcome, secret objectives met, a tenth of domestic support'),
      h('thead', {}, h('tr', {}, th('Game'), ...sc.delegations.map((d) => th(d.short, 'num')))),
      h(
        'tbody',
        {},
        ...games.map((g) =>
          h(
            'tr',
            {},
            h('th', { scope: 'row' }, g.name),
            ...sc.delegations.map((d) => h('td', { class: 'num' }, String(g.scores[d.id] ?? '—'))),
          ),
        ),
      ),
    ),
  );

  const tension = chart('Tension', (r) => r.tension, 100);
  const secured = chart(
    'Spans secured',
    (r) => r.secured,
    Math.max(4, ...games.flatMap((g) => g.report.history.map((r) => r.secured))) + 1,
  );
  // The charts size to the page: drawn once it is laid out.
  useLayoutEffect(() => {
    const doc = page.current;
    if (!doc) return;
    const style = getComputedStyle(doc);
    const width = doc.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    const column = width >= 2 * 520 + 12 ? (width - 12) / 2 : width;
    const plots = pending.map((draw) => draw(column || 680));
    return () => plots.forEach((p) => p?.destroy());
  }, [games]);
  const doc = h(
    'main',
    { class: 'doc', ref: page },
    h('h1', {}, `${games.length} game${games.length === 1 ? '' : 's'} of ${sc.title}, side by side`),
    h(
      'p',
      { class: 'lede', role: 'status' },
      `Consolidation ${count('consolidation')} · drift ${count('drift')} · unraveling ${count('unraveling')}${count('in progress') ? ` · in progress ${count('in progress')}` : ''}`,
    ),
    refused.length
      ? h('div', { class: 'banner', role: 'alert' }, `Left out (${refused.length}):`, h('ul', {}, ...refused.map((r) => h('li', {}, r))))
      : null,
    table,
    h('div', { class: 'charts2' }, tension, secured),
    scores,
  );
  return h(
    'div',
    { class: 'doc-page' },
    h(
      'nav',
      { class: 'doc-bar', 'aria-label': 'Comparison' },
      h('span', { class: 'brand' }, 'INTERLOCK'),
      h('span', {}, 'Compare games'),
      h(
        'div',
        { class: 'exports', role: 'group', 'aria-label': 'Export the comparison' },
        button('Print / PDF', () => window.print(), { class: 'primary', 'aria-label': 'Print the comparison or save it as PDF' }),
        button('CSV', () => download(`interlock-${sc.id}-comparison.csv`, comparisonCsv(sc, games), 'text/csv'), {
          'aria-label': 'Download the comparison as CSV',
        }),
      ),
      h('span', { class: 'spacer' }),
      button('Back to the menu', act.back),
    ),
    doc,
  );
}
