// The after-action report as a page: figures, turning points, charts (uPlot) with tables as their
// text equivalents, the promise ledger, attribution, objectives. It prints to A4 (debrief.css).
import { plural } from '../ai/words';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import './debrief.css';
import './whiteCell.css';
import { promiseVerdict, type LedgerRow } from '../report/ledger';
import { nameIn, type Report, type TurningPoint } from '../report/report';
import { OUTCOME_LINE } from '../report/exports';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { h, type VNode } from './dom';

/** Colours readable on the dark screen and on paper alike. */
const AXIS = '#7d8a98';
const GRID = 'rgba(125,138,152,0.28)';
const TENSION = '#D55E00';
/** Charts never grow wider than a printed A4 page's text width (~700 CSS px). */
const MAX_CHART_WIDTH = 680;

interface Series {
  label: string;
  color: string;
  values: number[];
  width?: number;
  dash?: number[];
}

const KIND_ICON: Record<TurningPoint['kind'], string> = {
  secured: '●',
  negated: '✕',
  violated: '⚠',
  incident: '✸',
  phase: '▶',
  framework: '◆',
  council: '◆',
  war: '☢',
  'white-cell': '✎',
  end: '■',
};

/** The report; its charts are drawn once the page is laid out (they size to it), then `onDrawn` is told. */
export function ReportPage({ report: r, onDrawn }: { report: Report; onDrawn?: () => void }): VNode {
  const sc = r.scenario;
  const page = useRef<HTMLElement>(null);
  const hosts = useRef(new Map<string, HTMLElement>());
  const rounds = r.history.map((x) => x.round);
  const move = (id: string) => sc.moves.find((m) => m.id === id)?.name ?? id;
  const del = (id: string) => nameIn(sc, id);
  const pending: Array<(docWidth: number) => uPlot | null> = [];

  /** Chart widths follow from the page's width, measured once (one layout, not one per chart). */
  const chart = (title: string, series: Series[], yLabel: string, half = false): VNode => {
    const id = `chart-${title.replace(/\W+/g, '-').toLowerCase()}`;
    const host = h('div', { class: 'plot', 'aria-hidden': 'true', ref: (el: HTMLElement | null) => el && hosts.current.set(id, el) });
    const table = h(
      'table',
      { class: 'data' },
      h('caption', {}, `${title}, by round`),
      h(
        'thead',
        {},
        h('tr', {}, h('th', { scope: 'col' }, 'Round'), ...series.map((x) => h('th', { scope: 'col', class: 'num' }, x.label))),
      ),
      h(
        'tbody',
        {},
        ...rounds.map((rd, i) =>
          h('tr', {}, h('th', { scope: 'row' }, String(rd)), ...series.map((x) => h('td', { class: 'num' }, String(x.values[i] ?? '')))),
        ),
      ),
    );
    const fig = h(
      'figure',
      { class: 'chart', id, 'aria-labelledby': `${id}-h` },
      h('figcaption', {}, h('h3', { id: `${id}-h` }, title)),
      host,
      h('details', { class: 'text-equivalent' }, h('summary', {}, `${title} as a table`), h('div', { class: 'table-wrap' }, table)),
    );
    pending.push((docWidth) => {
      const column = half && docWidth >= 2 * 520 + 12 ? (docWidth - 12) / 2 : docWidth;
      const width = Math.round(Math.max(280, Math.min(MAX_CHART_WIDTH, column - 20)));
      const el = hosts.current.get(id);
      return el
        ? new uPlot(
            {
              width,
              height: 210,
              scales: { x: { time: false }, y: { range: [0, 100] } },
              axes: [
                { stroke: AXIS, grid: { stroke: GRID }, ticks: { stroke: GRID }, label: 'round', incrs: [1, 2, 5] },
                { stroke: AXIS, grid: { stroke: GRID }, ticks: { stroke: GRID }, label: yLabel },
              ],
              legend: { live: false },
              cursor: { show: false },
              series: [
                { label: 'round' },
                ...series.map((x) => ({
                  label: x.label,
                  stroke: x.color,
                  width: x.width ?? 2,
                  ...(x.dash ? { dash: x.dash } : {}),
                  points: { show: rounds.length < 16 },
                })),
              ],
            },
            [rounds, ...series.map((x) => x.values)],
            el,
          )
        : null;
    });
    return fig;
  };

  const per = (key: 'support' | 'trust') =>
    sc.delegations.map((d, i) => ({
      label: d.short,
      color: d.color,
      values: r.history.map((x) => x[key][d.id] ?? 0),
      ...(i % 2 ? { dash: [6, 3] } : {}),
    }));
  const escalation = chart(
    'Escalation curve',
    [
      { label: 'Tension', color: TENSION, values: r.history.map((x) => x.tension), width: 3 },
      ...sc.fronts.map((f, i) => ({
        label: f.name,
        color: ['#56B4E9', '#009E73', '#CC79A7', '#E69F00', '#0072B2', '#F0E442'][i % 6] ?? AXIS,
        values: r.history.map((x) => x.fronts[f.id] ?? 0),
        width: 1.5,
        dash: [5, 4],
      })),
    ],
    'tension',
  );
  const support = chart('Domestic support per delegation', per('support'), 'support', true);
  const trust = chart('Trust the others hold in each delegation', per('trust'), 'trust', true);

  // Figures at a glance.
  const agreedSteps = r.ledger.rows.filter((x) => x.agreed !== null && !x.pledge);
  const delivered = agreedSteps.filter((x) => x.delivery !== null).length;
  const violations = r.ledger.instances.filter((i) => i.ended?.how === 'violated').length;
  const negations = r.spanCounts.reduce((n, x) => n + x.negated, 0);
  const secured = r.spanCounts.reduce((n, x) => n + x.secured, 0);
  const a = r.attribution;
  const figure = (value: string, label: string) => h('div', { class: 'figure' }, h('strong', {}, value), h('span', {}, label));
  const figures = h(
    'div',
    { class: 'figures' },
    figure(r.over ? (r.outcome ?? '—') : 'in progress', 'outcome'),
    figure(String(r.history.length), r.over ? 'rounds played' : 'rounds resolved so far'),
    figure(String(r.history.at(-1)?.tension ?? '—'), r.over ? 'tension at the end' : 'tension after the last resolved round'),
    figure(String(secured), 'times a span was secured'),
    figure(
      agreedSteps.length ? `${Math.round((100 * delivered) / agreedSteps.length)}%` : '—',
      `promised steps delivered${r.over ? '' : ' so far'} (${delivered} of ${agreedSteps.length})`,
    ),
    figure(String(negations), 'spans negated or unwound'),
    figure(String(violations), 'verified violations'),
    figure(
      a.named ? `${Math.round((100 * a.correct) / a.named)}%` : '—',
      `council attributions correct (${a.correct} of ${a.named}${a.ruled ? `; ${a.ruled} ruled by the White Cell, not counted` : ''})`,
    ),
  );

  const turning = h(
    'ol',
    { class: 'turning' },
    ...r.turningPoints.map((t) =>
      h(
        'li',
        {},
        h('span', { class: 'r' }, `Round ${t.round}`),
        h('span', { 'aria-hidden': 'true' }, KIND_ICON[t.kind]),
        h(
          'span',
          {
            class:
              t.kind === 'violated' || t.kind === 'negated' || t.kind === 'war'
                ? 'verdict-bad'
                : t.kind === 'secured'
                  ? 'verdict-good'
                  : t.kind === 'white-cell'
                    ? 'white-cell-mark'
                    : '',
          },
          t.text,
        ),
        h('span', { class: 'd' }, t.tension ? `tension ${t.tension > 0 ? '+' : ''}${t.tension}` : ''),
      ),
    ),
  );

  const verdictClass = (row: LedgerRow) => {
    const how = row.delivery?.ended?.how;
    if (how || (row.settled === 'broken' && !row.delivery)) return 'verdict-bad';
    return row.delivery?.matched != null ? 'verdict-good' : '';
  };
  const spanName = (id: string | null) => (id ? (sc.interlocks.find((x) => x.id === id)?.name ?? id) : '—');
  const th = (t: string, cls = '') => h('th', { scope: 'col', class: cls }, t);
  const ledger = h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { class: 'data', id: 'promise-ledger' },
      h('caption', {}, 'Every step offered in a package, and what became of it. “Quietly abandoned” was secret during the game.'),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          th('Pkg'),
          th('Offered', 'num'),
          th('By'),
          th('Step'),
          th('Span'),
          th('Answer'),
          th('Implemented', 'num'),
          th('Verified', 'num'),
          th('Quietly abandoned', 'num'),
          th('What became of it'),
        ),
      ),
      h(
        'tbody',
        {},
        ...r.ledger.rows.map((row) =>
          h(
            'tr',
            {},
            h('td', {}, `#${row.package}`),
            h('td', { class: 'num' }, String(row.offered)),
            h('td', {}, del(row.proposer)),
            h('td', {}, `${del(row.delegation)}: ${move(row.move)}`),
            h('td', {}, spanName(row.span)),
            h('td', {}, row.agreed !== null ? `agreed r${row.agreed}${row.settled ? `, ${row.settled}` : ''}` : row.answer),
            h('td', { class: 'num' }, String(row.delivery?.implemented ?? '—')),
            h('td', { class: 'num' }, String(row.delivery?.verified ?? '—')),
            h('td', { class: `num ${row.delivery?.defected ? 'secret-mark' : ''}` }, String(row.delivery?.defected ?? '—')),
            h('td', { class: verdictClass(row) }, promiseVerdict(row)),
          ),
        ),
      ),
    ),
  );
  const unilateral = r.ledger.unilateral.length
    ? h(
        'div',
        { class: 'table-wrap' },
        h(
          'table',
          { class: 'data' },
          h('caption', {}, 'Steps taken outside any agreed package'),
          h('thead', {}, h('tr', {}, th('Round', 'num'), th('Step'), th('Verified', 'num'), th('What became of it'))),
          h(
            'tbody',
            {},
            ...r.ledger.unilateral.map((i) =>
              h(
                'tr',
                {},
                h('td', { class: 'num' }, String(i.implemented)),
                h('td', {}, `${del(i.delegation)}: ${move(i.move)}`),
                h('td', { class: 'num' }, String(i.verified ?? '—')),
                h(
                  'td',
                  { class: i.ended ? 'verdict-bad' : '' },
                  i.ended ? `${i.ended.how} in round ${i.ended.round}` : 'in force at the end',
                ),
              ),
            ),
          ),
        ),
      )
    : null;

  const defections = r.defections.length
    ? h(
        'ul',
        {},
        ...r.defections.map((d) => {
          const caught = r.ledger.instances.find((i) => i.move === d.move && i.defected === d.round)?.ended?.how === 'violated';
          return h(
            'li',
            {},
            `Round ${d.round}: ${del(d.delegation)} quietly stopped “${move(d.move)}” — `,
            h('span', { class: caught ? 'verdict-good' : 'verdict-bad' }, caught ? 'caught by the monitors' : 'never caught'),
          );
        }),
      )
    : h('p', {}, 'No delegation defected quietly.');

  const attribution = h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { class: 'data', id: 'attribution' },
      h('caption', {}, 'What the council believed, against the true sponsor'),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          th('Incident'),
          th('Round', 'num'),
          th('Front'),
          th('Kind'),
          th('Severity', 'num'),
          th('True sponsor'),
          th('Council finding'),
          th('Verdict'),
        ),
      ),
      h(
        'tbody',
        {},
        ...a.rows.map(({ incident: i, verdict }) =>
          h(
            'tr',
            {},
            h('td', {}, `#${i.id}`),
            h('td', { class: 'num' }, String(i.round)),
            h('td', {}, sc.fronts.find((f) => f.id === i.front)?.name ?? i.front),
            h('td', {}, i.kind),
            h('td', { class: 'num' }, String(i.severity)),
            h('td', {}, del(i.sponsor)),
            h(
              'td',
              {},
              i.attribution
                ? i.attribution.named === null
                  ? `inconclusive (${i.attribution.confidence}%)`
                  : `${del(i.attribution.named)} (${i.attribution.confidence}%${i.attribution.override ? ', set by the White Cell' : ''})`
                : '—',
            ),
            h(
              'td',
              { class: verdict === 'misattributed' ? 'verdict-bad' : verdict === 'correct' ? 'verdict-good' : '' },
              verdict === 'misattributed' ? 'MISATTRIBUTED' : verdict,
            ),
          ),
        ),
      ),
    ),
  );

  const objectives = h(
    'div',
    { class: 'objectives' },
    ...r.objectives.map((o) => {
      const d = sc.delegations.find((x) => x.id === o.delegation);
      return h(
        'section',
        { 'aria-label': `${d?.name ?? o.delegation}: ${o.score} points` },
        h(
          'h3',
          { class: 'row' },
          h('span', { class: 'dot', style: `background:${d?.color ?? '#888'}` }),
          `${d?.name ?? o.delegation} — ${o.score} points`,
        ),
        h(
          'ul',
          { class: 'plain small' },
          ...o.objectives.map((x) =>
            h(
              'li',
              {},
              h('span', { class: x.met ? 'verdict-good' : 'verdict-bad' }, x.met ? '✔ met' : '✕ not met'),
              ` ${x.text} (${x.points})`,
            ),
          ),
        ),
      );
    }),
  );

  const spans = h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { class: 'data' },
      h('caption', {}, 'Every span of the interlock table'),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          th('Span'),
          th('Phase'),
          th('Track'),
          th('Secured', 'num'),
          th('Negated', 'num'),
          th('Violated', 'num'),
          th('At the end'),
        ),
      ),
      h(
        'tbody',
        {},
        ...r.spanCounts.map((x) =>
          h(
            'tr',
            {},
            h('td', {}, x.name),
            h('td', {}, x.phase),
            h('td', {}, x.track),
            h('td', { class: 'num' }, String(x.secured)),
            h('td', { class: 'num' }, String(x.negated)),
            h('td', { class: 'num' }, String(x.violated)),
            h('td', {}, x.status),
          ),
        ),
      ),
    ),
  );

  const section = (id: string, title: string, ...body: Array<VNode | null>) =>
    h('section', { 'aria-labelledby': id }, h('h2', { id }, title), ...body);
  /** Long tables: laid out only when scrolled near (content-visibility), so the page opens fast. */
  const tableSection = (id: string, title: string, ...body: Array<VNode | null>) =>
    h('section', { 'aria-labelledby': id, class: 'lazy' }, h('h2', { id }, title), ...body);
  // Charts are drawn once the page is laid out; their widths follow from the page's, measured once.
  useLayoutEffect(() => {
    const el = page.current;
    if (!el) return;
    const style = getComputedStyle(el);
    const docWidth = el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    const plots = pending.map((draw) => draw(docWidth || MAX_CHART_WIDTH));
    onDrawn?.();
    return () => plots.forEach((p) => p?.destroy());
  }, [r]);
  return h(
    'article',
    { class: 'doc report', id: 'report', ref: page },
    h('p', { class: 'muted small' }, `${sc.title} · seed ${r.seed} · ${r.entries} logged intents · state ${r.hash}`),
    h('h1', {}, 'After-action report'),
    h(
      'p',
      { class: 'lede', role: 'status' },
      r.over ? (OUTCOME_LINE[r.outcome ?? ''] ?? '') : `The game is not over: this is round ${r.rounds}.`,
    ),
    r.over ? h('p', { class: 'muted' }, r.endReason ?? '') : null,
    h(
      'p',
      { class: 'banner' },
      r.over
        ? 'A post-game document for the facilitator and the debrief: it reveals everything, including what each delegation kept secret (quiet defections, true sponsors, secret objectives).'
        : 'For the facilitator only: the game is still running and this report reveals every secret (quiet defections, true sponsors, secret objectives).',
    ),
    figures,
    section('tp-h', 'Key turning points', turning),
    section('esc-h', 'The escalation curve', escalation),
    section('ts-h', 'Domestic support and trust', h('div', { class: 'charts2' }, support, trust)),
    tableSection('pl-h', 'The promise ledger', ledger, unilateral),
    tableSection('qd-h', 'Quiet defections', defections),
    tableSection(
      'at-h',
      'Attribution accuracy',
      h(
        'p',
        {},
        `${plural(a.rows.length, 'incident')}. The council named a sponsor ${plural(a.named, 'time')}, correctly ${plural(a.correct, 'time')}; ${a.misattributed} misattributed; ${a.inconclusive} inconclusive.`,
      ),
      a.rows.length ? attribution : null,
      ...a.misdirectedRetaliations.map((m) => h('p', { class: 'verdict-bad' }, m)),
    ),
    tableSection('so-h', 'Secret objectives', objectives),
    tableSection('sp-h', 'The bridge, span by span', spans),
  );
}
