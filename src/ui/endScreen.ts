// The end of the game: the outcome, every secret revealed, and charts of tension, trust and
// domestic support over the rounds (uPlot). Once the game is over every secret is revealed
// (docs/rules.md §7), so this screen is the one place where the facilitator's view is shown to all.
import { plural } from '../ai/words';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { endLine } from './endCause';
import type { GameState, Scenario } from '../engine';
import { ranks, scoreCard } from './scoreCard';
import { useEffect, useRef } from 'preact/hooks';
import { button, h, type VNode } from './dom';
import { nameOf } from './context';

const OUTCOME_TEXT: Record<string, string> = {
  consolidation: 'Consolidation — the truce became an enforceable compact.',
  drift: 'Drift — the lull holds, but incidents keep rising and nothing is settled.',
  unraveling: 'Unraveling — the truce collapsed into renewed conflict.',
};

interface ChartSeries {
  label: string;
  color: string;
  values: number[];
}

/** A chart of values by round (uPlot draws into the figure once it is on the page), with its table for screen readers. */
function RoundChart({
  title,
  rounds,
  series,
  dash = false,
}: {
  title: string;
  rounds: number[];
  series: ChartSeries[];
  dash?: boolean;
}): VNode {
  const host = useRef<HTMLElement>(null);
  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const plot = new uPlot(
      {
        width: Math.max(300, el.clientWidth - 16),
        height: 220,
        scales: { x: { time: false }, y: { range: [0, 100] } },
        axes: [
          { stroke: '#a9b8c7', grid: { stroke: '#2a3d50' }, label: 'round' },
          { stroke: '#a9b8c7', grid: { stroke: '#2a3d50' } },
        ],
        series: [
          { label: 'round' },
          ...series.map((x, i) => ({ label: x.label, stroke: x.color, width: 2, ...(dash && i % 2 ? { dash: [6, 4] } : {}) })),
        ],
      },
      [rounds, ...series.map((x) => x.values)],
      el,
    );
    return () => plot.destroy();
  }, []);
  return h(
    'figure',
    { class: 'chart', 'aria-label': `${title} by round`, ref: host },
    h('figcaption', {}, h('h2', { class: 'chart-title' }, title)),
    h(
      'table',
      { class: 'sr-only' },
      h('caption', {}, `${title} by round`),
      h('tr', {}, h('th', {}, 'Round'), ...series.map((x) => h('th', {}, x.label))),
      ...rounds.map((r, i) => h('tr', {}, h('td', {}, String(r)), ...series.map((x) => h('td', {}, String(x.values[i] ?? ''))))),
    ),
  );
}

/**
 * The end screen reads the full final state: once the game is over every secret is revealed,
 * so this screen is the one place where the facilitator's view is shown to all.
 */
const ScoreCardOf = ({ sc, s, id, rank }: { sc: Scenario; s: GameState; id: string; rank: number }): VNode => scoreCard(sc, s, id, rank);

export function EndScreen({
  sc,
  s,
  act,
  aiSecrets = [],
}: {
  sc: Scenario;
  s: GameState;
  act: { menu(): void; exportSave(): void; report?: () => void; replay?: () => void };
  aiSecrets?: readonly string[];
}): VNode {
  const rounds = s.history.map((r) => r.round);
  const per = (key: 'support' | 'trust') =>
    sc.delegations.map((d) => ({ label: d.short, color: d.color, values: s.history.map((r) => r[key][d.id] ?? 0) }));
  const charts = h(
    'div',
    { class: 'charts' },
    h(RoundChart, { title: 'Tension', rounds, series: [{ label: 'tension', color: '#ffd166', values: s.history.map((r) => r.tension) }] }),
    h(RoundChart, { title: 'Domestic support', rounds, series: per('support'), dash: true }),
    h(RoundChart, { title: 'Trust the others hold in each delegation', rounds, series: per('trust'), dash: true }),
  );

  const rank = ranks(sc, s);
  const secrets = [...sc.delegations]
    .sort((a, b) => (rank.get(a.id) ?? 0) - (rank.get(b.id) ?? 0))
    .map((d) => h(ScoreCardOf, { key: d.id, sc, s, id: d.id, rank: rank.get(d.id) ?? 0 }));
  const sponsors = s.incidents.map((i) => {
    const named = i.attribution?.named;
    const verdict = !i.attribution
      ? 'never investigated'
      : named === null
        ? 'inquiry inconclusive'
        : named === i.sponsor
          ? 'correctly attributed'
          : `MISATTRIBUTED to ${nameOf(sc, named ?? '')}`;
    return h(
      'li',
      {},
      `#${i.id} (round ${i.round}, ${sc.fronts.find((f) => f.id === i.front)?.name}): sponsored by ${nameOf(sc, i.sponsor)} — ${verdict}`,
    );
  });
  const defections = s.events.filter((e) => e.kind === 'defection').map((e) => h('li', {}, `Round ${e.round}: ${e.text}`));
  const negated = sc.interlocks
    .filter((x) => (s.spans[x.id]?.negatedCount ?? 0) > 0)
    .map((x) => {
      const rec = s.spans[x.id];
      const n = rec?.negatedCount ?? 0;
      const last =
        rec?.lost?.by === 'shock'
          ? `, last undone by a domestic shock (${rec.lost.cause ?? ''})`
          : rec?.lost?.by === 'window'
            ? ', last when its window closed unmatched'
            : '';
      return h('li', {}, `${x.name}: negated or unwound ${plural(n, 'time')}${last}`);
    });

  return h(
    'main',
    { class: 'start' },
    h(
      'div',
      { class: 'start-inner', style: 'width:min(1200px,100%)' },
      h('h1', {}, 'The talks are over'),
      h('p', { class: 'outcome', role: 'status' }, OUTCOME_TEXT[s.outcome ?? 'drift'] ?? ''),
      h('p', { class: 'muted' }, endLine(sc, s)),
      charts,
      h('h2', { style: 'margin-top:16px' }, 'Scores and every secret, revealed'),
      h('div', { class: 'start-grid' }, ...secrets),
      h(
        'div',
        { class: 'start-grid' },
        h(
          'section',
          { class: 'card' },
          h('h3', {}, 'Who really sponsored each incident'),
          sponsors.length ? h('ul', { class: 'plain small' }, ...sponsors) : h('p', { class: 'small' }, 'No incident.'),
        ),
        h(
          'section',
          { class: 'card' },
          h('h3', {}, 'Quiet defections'),
          defections.length
            ? h('ul', { class: 'plain small' }, ...defections)
            : h('p', { class: 'small' }, 'No delegation defected quietly.'),
          aiSecrets.length ? h('h3', {}, 'Why the AI delegations defected, in their own words') : null,
          aiSecrets.length ? h('ul', { class: 'plain small' }, ...aiSecrets.map((t) => h('li', {}, t))) : null,
          h('h3', {}, 'Negated concessions'),
          negated.length ? h('ul', { class: 'plain small' }, ...negated) : h('p', { class: 'small' }, 'None.'),
        ),
      ),
      h(
        'div',
        { class: 'row', style: 'margin-top:16px' },
        act.report ? button('After-action report', act.report, { class: 'primary' }) : null,
        act.replay ? button('Replay round by round', act.replay) : null,
        button('Back to the menu', act.menu, act.report ? {} : { class: 'primary' }),
        button('Export the game log', act.exportSave),
      ),
    ),
  );
}
