// The replay: a finished or saved game round by round — the map, the bridge and the round's
// events — seen as the facilitator (everything), the public (the projector), or one delegation
// (its own view only: viewFor filters the secrets at the source). Views are cached per round and
// audience, so moving between rounds only redraws.
import { mapHostAttrs } from './mapPanel';
import { facilitatorView, publicView, scenarioFor, viewFor, type GameState, type GameView, type Scenario } from '../engine';
import type { Timeline } from '../report/timeline';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { MapFactory, MapPort } from './mapPort';
import { button, h, valueOf, type VNode } from './dom';
import { bridgePanel, delegationPanel } from './leftPanel';
import { phaseLabel } from './topBar';
import './debrief.css';

export type Moment = 'end' | 'start';
export type Difficulty = 'novice' | 'standard' | 'expert';

export interface ReplayDeps {
  scenario: Scenario;
  timeline: Timeline;
  mapFactory: MapFactory;
  /** Starts a what-if: a new game from the start of `round`, `seat` played by a person. */
  fork(round: number, seat: string, difficulty: Difficulty): void;
  defaultSeat: string | null;
}

/** The replay's own measure: main-thread time of the last round shown, in ms (the target is ≤ 50 ms). */
export interface ReplayStats {
  replayMs: number | null;
}

/** The view of a round for an audience, built once per round, moment and audience. */
function useViews(timeline: Timeline) {
  const views = useRef(new Map<string, GameView>());
  return (round: number, moment: Moment, audience: string): GameView | null => {
    const key = `${round}:${moment}:${audience}`;
    let v = views.current.get(key);
    if (!v) {
      const s: GameState | undefined = timeline.frames[round - 1]?.[moment];
      if (!s) return null;
      v = audience === 'facilitator' ? facilitatorView(s) : audience === 'public' ? publicView(s) : viewFor(s, audience);
      views.current.set(key, v);
    }
    return v;
  };
}

/** The controls (in the debrief's bar) and the round shown: the bridge, the map and what happened. */
export function ReplayView({ deps, stats, bar }: { deps: ReplayDeps; stats: ReplayStats; bar: (controls: VNode) => VNode }): VNode {
  const { scenario: sc, timeline: t } = deps;
  const last = t.frames.length;
  const [round, setRoundRaw] = useState(last);
  const [moment, setMoment] = useState<Moment>('end');
  const [audience, setAudience] = useState('facilitator');
  const started = useRef(performance.now());
  const setRound = (r: number) => {
    started.current = performance.now();
    setRoundRaw(Math.max(1, Math.min(last, Math.round(r))));
  };
  const viewOf = useViews(t);
  const map = useRef<MapPort | null>(null);
  const host = useRef<HTMLDivElement>(null);
  const [mapLines, setMapLines] = useState<string[]>([]);
  const view = viewOf(round, moment, audience);
  const frame = t.frames[round - 1];

  useLayoutEffect(() => {
    if (!host.current) return;
    map.current = deps.mapFactory(host.current, sc);
    return () => {
      map.current?.destroy();
      map.current = null;
    };
  }, []);
  // The map follows the round shown; the measure ends once the page and the map have it.
  useLayoutEffect(() => {
    if (view && map.current) setMapLines(map.current.show(view));
    stats.replayMs = performance.now() - started.current;
  }, [view]);
  useEffect(() => () => void (stats.replayMs = null), []);
  // Page Up / Page Down step through the rounds from anywhere on the replay screen.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const el = e.target as HTMLElement | null;
      if (
        el &&
        (el.tagName === 'SELECT' || el.tagName === 'TEXTAREA' || (el.tagName === 'INPUT' && (el as HTMLInputElement).type !== 'range'))
      )
        return;
      if (e.key === 'PageUp') setRound(round - 1);
      else if (e.key === 'PageDown') setRound(round + 1);
      else return;
      e.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [round]);

  const momentText = moment === 'start' ? 'as it opened' : frame?.resolved ? 'after its resolution' : 'as the game was saved';
  const phaseText = view ? `${phaseLabel(sc, view.phase)} · ${momentText}` : '';
  const controls = h(
    'div',
    { class: 'scrub', role: 'group', 'aria-label': 'Replay controls' },
    button('◀ Previous', () => setRound(round - 1), { 'aria-label': 'Previous round', 'aria-keyshortcuts': 'PageUp' }),
    h('input', {
      type: 'range',
      min: 1,
      max: last,
      step: 1,
      value: String(round),
      id: 'replay-round',
      'aria-label': 'Round shown',
      'aria-valuetext': `Round ${round} of ${last}`,
      oninput: (e: Event) => setRound(Number(valueOf(e))),
    }),
    button('Next ▶', () => setRound(round + 1), { 'aria-label': 'Next round', 'aria-keyshortcuts': 'PageDown' }),
    h('span', { class: 'chip round-chip', 'aria-live': 'polite', title: phaseText }, `Round ${round} of ${last}`),
    h('label', { for: 'replay-moment', class: 'small muted' }, 'Moment'),
    h(
      'select',
      {
        id: 'replay-moment',
        'aria-label': 'Moment of the round',
        value: moment,
        onchange: (e: Event) => ((started.current = performance.now()), setMoment(valueOf(e) as Moment)),
      },
      h('option', { value: 'end' }, 'Resolved'),
      h('option', { value: 'start' }, 'Opening'),
    ),
    h('label', { for: 'replay-audience', class: 'small muted' }, 'Seen as'),
    h(
      'select',
      {
        id: 'replay-audience',
        'aria-label': 'Seen as',
        value: audience,
        onchange: (e: Event) => ((started.current = performance.now()), setAudience(valueOf(e))),
      },
      h('option', { value: 'facilitator' }, 'Facilitator (everything)'),
      h('option', { value: 'public' }, 'The public (projector)'),
      ...sc.delegations.map((d) => h('option', { key: d.id, value: d.id }, d.short === d.name ? d.name : `${d.short} — its own view`)),
    ),
  );
  const seat = audience !== 'facilitator' && audience !== 'public' ? audience : null;
  return h(
    'div',
    { class: 'replay' },
    bar(controls),
    h(
      'aside',
      { class: 'left', 'aria-label': 'The bridge and the delegation seen' },
      // The seat reads the scenario as it did then: others' objectives only once revealed to it.
      view && seat ? delegationPanel(scenarioFor(sc, view, { kind: 'delegation', id: seat }), view, seat) : null,
      view ? bridgePanel(sc, view) : null,
    ),
    // The map is the replay's main content; the asides stay top-level landmarks beside it.
    h(
      'main',
      { class: 'mapwrap', 'aria-labelledby': 'replay-title' },
      h('h1', { id: 'replay-title', class: 'sr-only' }, 'Replay of the game: the map of the region'),
      h('div', { class: 'mapcanvas', ref: host, ...mapHostAttrs }),
      h('details', { class: 'maptext-d' }, h('summary', {}, 'Map as text'), h('ul', {}, ...mapLines.map((l, i) => h('li', { key: i }, l)))),
    ),
    h(
      'aside',
      { class: 'right', 'aria-label': 'What happened in this round' },
      view ? h(RoundPanel, { deps, view, round, moment, audience, phaseText }) : null,
    ),
  );
}

interface RoundProps {
  deps: ReplayDeps;
  view: GameView;
  round: number;
  moment: Moment;
  audience: string;
  phaseText: string;
}

function RoundPanel({ deps, view, round, moment, audience, phaseText }: RoundProps): VNode {
  const sc = deps.scenario;
  const seen =
    audience === 'facilitator'
      ? 'Everything, secrets included.'
      : audience === 'public'
        ? 'What the public dashboard and the projector showed: no secrets.'
        : `Only what ${sc.delegations.find((d) => d.id === audience)?.name ?? audience} could see: its own secrets, nobody else's.`;
  const events = view.events.filter(
    (e) => e.round === round && (moment === 'end' || e.kind === 'round' || e.kind === 'inject' || e.kind === 'phase' || e.kind === 'shock'),
  );
  const incidents = view.incidents.filter((i) => i.round === round);
  const fig = (label: string, value: string) => h('span', {}, `${label} `, h('strong', {}, value));
  return h(
    'div',
    { style: 'display:contents' },
    h('h2', { id: 'replay-round-h' }, `Round ${round}`),
    h('p', { class: 'small muted', style: 'margin:0 0 6px' }, phaseText),
    h('p', { class: 'viewer-note' }, seen),
    h(
      'div',
      { class: 'figures-row' },
      fig('Tension', String(view.tension)),
      fig('Escrow', String(view.escrow.balance)),
      fig('Council', view.council.founded ? `rung ${view.council.rung}` : 'not founded'),
      fig('Incidents', String(incidents.length)),
    ),
    h('h3', { style: 'margin-top:10px' }, 'What happened'),
    events.length
      ? h(
          'ul',
          { class: 'events', 'aria-labelledby': 'replay-round-h' },
          ...events.map((e) =>
            h(
              'li',
              { class: e.audience === 'secret' ? 'secret' : Array.isArray(e.audience) ? 'private' : '' },
              `${e.audience === 'secret' ? '(secret) ' : Array.isArray(e.audience) ? '(private) ' : ''}${e.text}`,
            ),
          ),
        )
      : h('p', { class: 'muted small' }, 'Nothing recorded.'),
    ...dealings(sc, view, round, moment, audience),
    h(WhatIf, { deps, round }),
  );
}

/** The round's packages and sealed commits, as far as this audience may see them. */
function dealings(sc: Scenario, view: GameView, round: number, moment: Moment, audience: string): VNode[] {
  const name = (id: string) => sc.delegations.find((d) => d.id === id)?.short ?? id;
  const move = (id: string) => sc.moves.find((m) => m.id === id)?.name ?? id;
  const packages = view.packages.filter((p) => p.round === round || p.acceptedRound === round);
  const commits =
    moment === 'end' ? sc.delegations.map((d) => ({ d, c: view.delegations[d.id]?.commit ?? null })).filter((x) => x.c !== null) : [];
  const out: VNode[] = [];
  if (packages.length)
    out.push(
      h('h3', { style: 'margin-top:10px' }, 'Packages'),
      h(
        'ul',
        { class: 'events', 'aria-label': 'Packages of the round' },
        ...packages.map((p) =>
          h(
            'li',
            { key: p.id },
            `#${p.id} by ${name(p.proposer)} — ${p.status}: ${p.steps.map((st) => `${name(st.delegation)}: ${move(st.move)}`).join('; ')}`,
          ),
        ),
      ),
    );
  if (commits.length)
    out.push(
      h('h3', { style: 'margin-top:10px' }, audience === 'facilitator' ? 'Sealed commits' : 'Your sealed commit'),
      h(
        'ul',
        { class: 'events', 'aria-label': audience === 'facilitator' ? 'Sealed commits' : 'Your sealed commit' },
        ...commits.map(({ d, c }) =>
          h(
            'li',
            { key: d.id, class: c?.defect.length ? (audience === 'facilitator' ? 'secret' : 'private') : '' },
            `${d.short}: ${c?.moves.length ? c.moves.map(move).join('; ') : 'no move'}${c?.defect.length ? ` — quietly abandons ${c.defect.map(move).join('; ')}` : ''}${c?.retaliate ? ` — retaliates against ${name(c.retaliate.against)}` : ''}`,
          ),
        ),
      ),
    );
  return out;
}

/** The what-if: fork a new game at the start of the round shown; the choices survive moving between rounds. */
function WhatIf({ deps, round }: { deps: ReplayDeps; round: number }): VNode {
  const sc = deps.scenario;
  const [seat, setSeat] = useState(deps.defaultSeat ?? sc.delegations[0]?.id ?? '');
  const [difficulty, setDifficulty] = useState<Difficulty>('standard');
  return h(
    'section',
    { class: 'whatif', 'aria-labelledby': 'whatif-h' },
    h('h3', { id: 'whatif-h' }, 'What if…'),
    h(
      'p',
      { class: 'small' },
      `Fork a new game at the start of round ${round}: the rounds before it replay exactly as they were played, then you take a seat and play on. The what-if becomes the game saved in this browser (export the JSON log first to keep the original).`,
    ),
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'whatif-seat' }, 'You play'),
      h(
        'select',
        { id: 'whatif-seat', 'aria-label': 'Delegation you play in the what-if', value: seat, onchange: (e: Event) => setSeat(valueOf(e)) },
        ...sc.delegations.map((d) => h('option', { key: d.id, value: d.id }, d.name)),
      ),
    ),
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'whatif-difficulty' }, 'AI difficulty'),
      h(
        'select',
        {
          id: 'whatif-difficulty',
          'aria-label': 'AI difficulty in the what-if',
          value: difficulty,
          onchange: (e: Event) => setDifficulty(valueOf(e) as Difficulty),
        },
        ...(['novice', 'standard', 'expert'] as const).map((d) => h('option', { key: d, value: d }, d[0]?.toUpperCase() + d.slice(1))),
      ),
    ),
    button(`Play on from round ${round}`, () => deps.fork(round, seat, difficulty), { class: 'primary' }),
  );
}
