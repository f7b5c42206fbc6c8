// The projector view: the map and the public dashboard, made for a wall read from 10 m (every text
// at least 1/60 of the image's width, 32 px at 1080p: README, "Running a tabletop exercise").
// It shows only the public view (no delegation's secrets, no facilitator's): the latest public
// inject as a card over the map, a big clock, a paused screen, the latest events at the top of
// the dashboard, and no map controls. After the end it shows the outcome, not a stale trajectory.
import { bridgeStatus, type GameEvent, type GameView, type Scenario } from '../engine';
import type { RoomUi } from '../store/gameStore';
import { formatCode } from '../net/protocol';
import { h, type VNode } from './dom';
import { cividis } from '../map/design';
import { trackName } from './context';
import { clockChip } from './roomPanels';
import { phaseLabel, trajectory } from './topBar';
import './whiteCell.css';

const OUTCOME_WORDS: Record<string, string> = { consolidation: 'Consolidation', drift: 'Drift', unraveling: 'Unraveling' };

export function projectorTop(sc: Scenario, view: GameView, room: RoomUi): VNode {
  const traj = trajectory(view);
  const over = view.outcome !== null;
  return h(
    'header',
    { class: 'topbar projector-top', role: 'banner' },
    h('h1', { class: 'brand' }, 'INTERLOCK'),
    h('span', { class: 'chip' }, `Round ${view.round}/${sc.tunables.roundLimit}`),
    h('span', { class: 'chip' }, phaseLabel(sc, view.phase)),
    h(
      'span',
      { class: 'chip step' },
      over ? `Over: ${OUTCOME_WORDS[view.outcome ?? ''] ?? view.outcome}` : view.paused ? 'Paused' : view.step,
    ),
    h('span', { class: 'spacer' }),
    over ? null : h('span', { class: 'chip' }, traj.label),
    h('span', { class: 'chip joinhint' }, `Join: ${formatCode(room.code)}`),
  );
}

/** The newest public inject of this round: the card the wall shows while the round lasts. */
export function wallInject(view: GameView): GameEvent | null {
  for (let i = view.events.length - 1; i >= 0; i--) {
    const e = view.events[i];
    if (!e || e.round !== view.round) return null;
    if (e.kind === 'inject' && e.audience === 'all') return e;
  }
  return null;
}

/** Over the map: the paused screen, the outcome at the end, or the inject card. */
export function projectorOverlay(view: GameView): VNode | null {
  if (view.outcome !== null)
    return h(
      'div',
      { class: 'wall-card wall-end', role: 'status' },
      h('div', { class: 'wall-kicker' }, 'The game is over'),
      h('div', { class: 'wall-title' }, OUTCOME_WORDS[view.outcome] ?? view.outcome),
      view.endReason ? h('p', {}, view.endReason) : null,
    );
  if (view.paused)
    return h(
      'div',
      { class: 'wall-card wall-paused', role: 'status' },
      h('div', { class: 'wall-title' }, 'PAUSED'),
      h('p', {}, 'Pens down: the White Cell has paused the game.'),
    );
  const inj = wallInject(view);
  if (!inj) return null;
  const [title, ...rest] = inj.text.split(': ');
  return h(
    'div',
    { class: 'wall-card wall-inject', role: 'status', 'aria-live': 'polite' },
    h('div', { class: 'wall-kicker' }, `Inject · round ${inj.round}`),
    h('div', { class: 'wall-title' }, title),
    rest.length ? h('p', {}, rest.join(': ')) : null,
  );
}

/** The longest line the wall's dashboard shows: two lines of its type (the dashboard fits two such). */
export const WALL_HEADLINE_CHARS = 64;

/**
 * The wall's line for an event: its first sentence ("Span negated: Enrichment halt."), an inject
 * by its title (its card over the map has the rest), cut at a word to two lines of the wall's type
 * at most; the round log keeps every word.
 */
export function wallHeadline(e: GameEvent): string {
  const end = e.text.search(/[.!?] /);
  const line = e.kind === 'inject' ? `Inject: ${e.text.split(': ')[0] ?? e.text}` : end < 0 ? e.text : e.text.slice(0, end + 1);
  if (line.length <= WALL_HEADLINE_CHARS) return line;
  const cut = line.slice(0, WALL_HEADLINE_CHARS - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), WALL_HEADLINE_CHARS / 2)).trimEnd()}…`;
}

/** The bridge as the back of the room reads it: the phase to reach and each track's secured spans. */
function wallBridge(sc: Scenario, view: GameView): VNode | null {
  const bridge = bridgeStatus(sc, view);
  if (!bridge) return null;
  const heading = view.phase === 'ceasefire' ? `Spans for Phase ${bridge.phase.id}` : `Bridge of Phase ${bridge.phase.id}`;
  return h(
    'section',
    { class: 'wall-bridge', 'aria-labelledby': 'wall-bridge-h' },
    h('h2', { class: 'wall-h', id: 'wall-bridge-h' }, heading),
    h(
      'ul',
      { class: 'plain wall-tracks', 'aria-label': 'Spans secured per track' },
      ...bridge.tracks.map((t) =>
        h(
          'li',
          { key: t.track, class: t.secured >= t.needed ? 'done' : '' },
          h('span', {}, trackName(sc, t.track)),
          h('strong', {}, `${t.secured}/${t.needed}${t.secured >= t.needed ? ' ✔' : ''}`),
        ),
      ),
    ),
  );
}

/** The key to the fronts' colours, in the wall's type (the map's own legend is too small for 10 m). */
export function wallLegend(): VNode {
  // A swatch per level, at the middle of its range: a front is filled with cividis(tension / 100).
  const levels: Array<[string, number]> = [
    ['calm', 15],
    ['tense', 40],
    ['high', 62],
    ['critical', 87],
  ];
  const hex = (t: number) =>
    `#${cividis(t / 100)
      .toString(16)
      .padStart(6, '0')}`;
  return h(
    'aside',
    { class: 'wall-legend', 'aria-label': 'Front tension colours' },
    h('span', { class: 'wall-legend-title' }, 'Front tension'),
    ...levels.map(([word, t]) =>
      h(
        'span',
        { class: 'wall-legend-level' },
        h('span', { class: 'wall-swatch', style: `background:${hex(t)}`, 'aria-hidden': 'true' }),
        word,
      ),
    ),
  );
}

export function projectorDashboard(sc: Scenario, view: GameView, room?: RoomUi): VNode {
  // Two lines fit the wall in its type; the round log and the hot wash keep the rest.
  const events = view.events.filter((e) => e.audience === 'all').slice(-2);
  return h(
    'aside',
    { class: 'projector-dash', 'aria-label': 'Public dashboard' },
    room && view.outcome === null && room.info.clock
      ? h('div', { class: 'bigclock' }, clockChip(room.info.clock, room.skewMs, true))
      : null,
    h(
      'div',
      { class: 'bigstat' },
      h('span', {}, 'Tension'),
      h('strong', {}, String(view.tension)),
      h('meter', { min: 0, max: 100, low: 50, high: 75, optimum: 10, value: view.tension, 'aria-label': `Tension ${view.tension} of 100` }),
    ),
    // The latest events come first: the wall's most important line must never be below the fold.
    h('h2', { class: 'wall-h' }, 'Latest'),
    h(
      'ol',
      { class: 'plain headlines', 'aria-label': 'Latest events' },
      ...events.reverse().map((e, i) => h('li', { key: i }, wallHeadline(e))),
    ),
    h(
      'ul',
      { class: 'plain fronts', 'aria-label': 'Tension per front' },
      ...sc.fronts.map((f) => h('li', {}, h('span', {}, f.name), h('strong', {}, String(view.fronts[f.id]?.tension ?? 0)))),
    ),
    h(
      'div',
      { class: 'fundline' },
      h('span', {}, 'Fund ', h('strong', {}, `${view.escrow.balance}`)),
      h('span', {}, 'Council ', h('strong', {}, view.council.founded ? `${view.council.members.length} members` : 'not founded')),
    ),
    wallBridge(sc, view),
  );
}
