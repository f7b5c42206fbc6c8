// The hot wash as a page: discussion prompts tied to this game, the events on the tension curve
// (uPlot, with the events listed as its text equivalent), and what the White Cell changed. The
// console shows it to the facilitator; the projector shows it on the wall in large type (its
// `wall` variant), built from the projector's own public view.
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { HOT_WASH_THEMES, THEME_NAMES, type HotWash, type HotWashMarkKind } from '../report/hotWash';
import { h, type VNode } from './dom';
import './debrief.css';
import './hotWash.css';

const AXIS = '#a9b8c7';
const GRID = 'rgba(125,138,152,0.28)';
const TENSION = '#D55E00';

/** Each kind of event on the curve: its symbol, colour (Okabe–Ito, readable by the colour-blind) and name. */
export const MARK_STYLE: Record<HotWashMarkKind, { symbol: string; color: string; name: string }> = {
  inject: { symbol: '◆', color: '#E69F00', name: 'Inject' },
  'white-cell': { symbol: '✎', color: '#ffd166', name: 'White Cell act' },
  secured: { symbol: '●', color: '#009E73', name: 'Span secured' },
  broken: { symbol: '✕', color: '#CC79A7', name: 'Span broken or unwound' },
  incident: { symbol: '✸', color: '#56B4E9', name: 'Incident' },
};

function TensionCurve({ hw, wall }: { hw: HotWash; wall: boolean }): VNode {
  const host = useRef<HTMLDivElement>(null);
  const rounds = hw.curve.map((x) => x.round);
  const tension = hw.curve.map((x) => x.tension);
  const key = JSON.stringify([hw.curve, hw.marks.map((m) => [m.round, m.kind])]);
  useLayoutEffect(() => {
    const el = host.current;
    if (!el || rounds.length === 0) return;
    const width = Math.max(320, Math.round(el.getBoundingClientRect().width) || 640);
    const height = wall ? Math.max(260, Math.min(440, Math.round(window.innerHeight * 0.36))) : 260;
    // The running round's events stand after the last resolved round.
    const last = Math.max(1, rounds.at(-1) ?? 1, ...hw.marks.map((m) => m.round));
    const font = wall ? '22px system-ui, sans-serif' : '12px system-ui, sans-serif';
    const size = wall ? 30 : 16;
    const plot = new uPlot(
      {
        width,
        height,
        scales: { x: { time: false, range: [0.5, last + 0.5] }, y: { range: [0, 100] } },
        axes: [
          { stroke: AXIS, font, labelFont: font, grid: { stroke: GRID }, ticks: { stroke: GRID }, label: 'round', incrs: [1, 2, 5] },
          { stroke: AXIS, font, labelFont: font, grid: { stroke: GRID }, ticks: { stroke: GRID }, label: 'tension', size: wall ? 80 : 50 },
        ],
        legend: { show: false },
        cursor: { show: false },
        series: [
          { label: 'round' },
          { label: 'Tension', stroke: TENSION, width: wall ? 5 : 3, points: { show: true, size: wall ? 10 : 6 } },
        ],
        hooks: {
          // The events of each round stand beside its point on the curve, never outside the plot.
          draw: [
            (u: uPlot) => {
              const ctx = u.ctx;
              const perRound = new Map<number, number>();
              const step = size * 1.05 * devicePixelRatio;
              ctx.save();
              ctx.textAlign = 'center';
              ctx.textBaseline = 'middle';
              ctx.font = `${size * devicePixelRatio}px system-ui, sans-serif`;
              for (const m of hw.marks) {
                const i = rounds.indexOf(m.round);
                const t = i >= 0 ? (tension[i] ?? 50) : (tension.at(-1) ?? 50);
                const n = perRound.get(m.round) ?? 0;
                perRound.set(m.round, n + 1);
                const base = u.valToPos(t, 'y', true);
                // A column above the point (or below it, where there is more room), wrapping into
                // columns beside it when a round holds more events than one column fits.
                const above = base - u.bbox.top;
                const below = u.bbox.top + u.bbox.height - base;
                const room = Math.max(above, below) - step / 2;
                const cap = Math.max(1, Math.floor(room / step));
                const col = Math.floor(n / cap);
                const row = n % cap;
                const dx = col === 0 ? 0 : (col % 2 ? 1 : -1) * Math.ceil(col / 2) * step;
                const y = above >= below ? base - (row + 1) * step : base + (row + 1) * step;
                const x = u.valToPos(m.round, 'x', true) + dx;
                ctx.fillStyle = MARK_STYLE[m.kind].color;
                ctx.fillText(MARK_STYLE[m.kind].symbol, x, y);
              }
              ctx.restore();
            },
          ],
        },
      },
      [rounds, tension],
      el,
    );
    return () => plot.destroy();
  }, [key, wall]);
  const kinds = Object.keys(MARK_STYLE) as HotWashMarkKind[];
  return h(
    'figure',
    { class: 'hw-curve', 'aria-labelledby': 'hw-curve-h' },
    h('figcaption', {}, h('h2', { id: 'hw-curve-h' }, 'The events on the tension curve')),
    rounds.length
      ? h('div', { class: 'plot', 'aria-hidden': 'true', ref: host })
      : h('p', { class: 'muted' }, 'No round has been resolved yet: the curve starts after the first round.'),
    h(
      'ul',
      { class: 'hw-legend plain', 'aria-label': 'Symbols on the curve' },
      ...kinds.map((k) =>
        h(
          'li',
          { key: k },
          h('span', { class: 'hw-sym', style: `color:${MARK_STYLE[k].color}`, 'aria-hidden': 'true' }, MARK_STYLE[k].symbol),
          ` ${MARK_STYLE[k].name}`,
        ),
      ),
    ),
  );
}

/** The events on the curve as text, newest first (the wall shows the latest few). */
function EventList({ hw, wall }: { hw: HotWash; wall: boolean }): VNode {
  const marks = [...hw.marks].reverse().slice(0, wall ? 4 : undefined);
  return h(
    'section',
    { class: 'hw-events', 'aria-labelledby': 'hw-events-h' },
    h('h2', { id: 'hw-events-h' }, wall ? 'Latest events' : 'The events, round by round'),
    marks.length
      ? h(
          'ol',
          { class: 'plain' },
          ...marks.map((m, i) =>
            h(
              'li',
              { key: i },
              h('span', { class: 'hw-sym', style: `color:${MARK_STYLE[m.kind].color}`, 'aria-hidden': 'true' }, MARK_STYLE[m.kind].symbol),
              h('span', { class: 'hw-round' }, `Round ${m.round}`),
              h('span', { class: 'sr-only' }, `${MARK_STYLE[m.kind].name}: `),
              m.text,
            ),
          ),
        )
      : h('p', { class: 'muted' }, 'Nothing yet.'),
  );
}

export function HotWashPage({ hw, wall = false }: { hw: HotWash; wall?: boolean }): VNode {
  // The wall has room for one question an idea: the latest tied to this game, else the general one.
  const shown = wall ? HOT_WASH_THEMES.flatMap((t) => hw.prompts.filter((p) => p.theme === t).slice(-1)) : hw.prompts;
  return h(
    'div',
    { class: `hw${wall ? ' hw-wall' : ''}` },
    h(
      'header',
      { class: 'hw-head' },
      h('h1', {}, 'Hot wash'),
      h(
        'p',
        { class: 'hw-state' },
        hw.over
          ? `The game is over: ${hw.outcome ?? ''}.${hw.endReason ? ` ${hw.endReason}` : ''}`
          : 'The game is still running: what the room has seen so far.',
      ),
    ),
    h(
      'section',
      { class: 'hw-prompts', 'aria-labelledby': 'hw-prompts-h' },
      h('h2', { id: 'hw-prompts-h' }, 'For discussion'),
      h('ol', {}, ...shown.map((p, i) => h('li', { key: i }, h('strong', { class: 'hw-theme' }, `${THEME_NAMES[p.theme]}. `), p.text))),
    ),
    h('div', { class: 'hw-side' }, h(TensionCurve, { hw, wall }), h(EventList, { hw, wall })),
    wall
      ? null
      : h(
          'section',
          { class: 'hw-whitecell', 'aria-labelledby': 'hw-wc-h' },
          h('h2', { id: 'hw-wc-h' }, 'What the White Cell changed'),
          hw.whiteCell.length
            ? h(
                'ol',
                { class: 'plain' },
                ...hw.whiteCell.map((c, i) =>
                  h(
                    'li',
                    { key: i, class: c.undone ? 'hw-undone' : '' },
                    h('span', { class: 'hw-round' }, `Round ${c.round}`),
                    h('span', { class: 'white-cell-mark' }, c.text),
                    c.reason ? h('span', { class: 'muted' }, ` Reason: ${c.reason}`) : null,
                    c.undone ? h('span', { class: 'muted' }, ' (undone)') : null,
                  ),
                ),
              )
            : h('p', { class: 'muted' }, 'The White Cell has changed nothing so far.'),
        ),
    wall && hw.whiteCell.length
      ? h(
          'section',
          { class: 'hw-whitecell', 'aria-labelledby': 'hw-wc-h' },
          h('h2', { id: 'hw-wc-h' }, 'What the White Cell changed'),
          h('ol', { class: 'plain' }, ...hw.whiteCell.slice(-4).map((c, i) => h('li', { key: i }, `Round ${c.round}: ${c.text}`))),
        )
      : null,
  );
}
