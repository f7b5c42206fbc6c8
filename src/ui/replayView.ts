// The replay: a finished or saved game round by round — the map, the bridge and the round's
// events — seen as the facilitator (everything), the public (the projector), or one delegation
// (its own view only: viewFor filters the secrets at the source). Views are cached per round and
// audience, so moving between rounds only redraws.
import { facilitatorView, publicView, viewFor, type GameState, type GameView, type Scenario } from '../engine';
import type { Timeline } from '../report/timeline';
import type { MapFactory, MapPort } from './app';
import { button, h, render } from './dom';
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

export class ReplayView {
  readonly controls: HTMLElement;
  readonly body: HTMLElement;
  round: number;
  moment: Moment = 'end';
  audience = 'facilitator';
  /** Main-thread time of the last round shown, in ms (the replay target is ≤ 50 ms). */
  lastMs = 0;
  private readonly views = new Map<string, GameView>();
  private map: MapPort | null = null;
  private readonly left = h('aside', { class: 'left', 'aria-label': 'The bridge and the delegation seen' });
  private readonly right = h('aside', { class: 'right', 'aria-label': 'What happened in this round' });
  private readonly mapText = h('ul', {});
  private readonly slider: HTMLInputElement;
  private readonly label = h('span', { class: 'chip round-chip', 'aria-live': 'polite' });
  private readonly phaseNote = h('p', { class: 'small muted', style: 'margin:0 0 6px' });
  private seat: string;
  private difficulty: Difficulty = 'standard';

  constructor(private readonly deps: ReplayDeps) {
    const { scenario: sc, timeline: t } = deps;
    const last = t.frames.length;
    this.round = last;
    this.seat = deps.defaultSeat ?? sc.delegations[0]?.id ?? '';
    this.slider = h('input', { type: 'range', min: 1, max: last, step: 1, value: last, id: 'replay-round', 'aria-label': 'Round shown' });
    this.slider.addEventListener('input', () => this.show(Number(this.slider.value)));
    const moment = h(
      'select',
      { id: 'replay-moment', 'aria-label': 'Moment of the round' },
      h('option', { value: 'end', selected: true }, 'Resolved'),
      h('option', { value: 'start' }, 'Opening'),
    );
    moment.addEventListener('change', () => {
      this.moment = moment.value as Moment;
      this.show(this.round);
    });
    const audience = h(
      'select',
      { id: 'replay-audience', 'aria-label': 'Seen as' },
      h('option', { value: 'facilitator', selected: true }, 'Facilitator (everything)'),
      h('option', { value: 'public' }, 'The public (projector)'),
      ...sc.delegations.map((d) => h('option', { value: d.id }, d.short === d.name ? d.name : `${d.short} — its own view`)),
    );
    audience.addEventListener('change', () => {
      this.audience = audience.value;
      this.show(this.round);
    });
    this.controls = h(
      'div',
      { class: 'scrub', role: 'group', 'aria-label': 'Replay controls' },
      button('◀ Previous', () => this.show(this.round - 1), { 'aria-label': 'Previous round', 'aria-keyshortcuts': 'PageUp' }),
      this.slider,
      button('Next ▶', () => this.show(this.round + 1), { 'aria-label': 'Next round', 'aria-keyshortcuts': 'PageDown' }),
      this.label,
      h('label', { for: 'replay-moment', class: 'small muted' }, 'Moment'),
      moment,
      h('label', { for: 'replay-audience', class: 'small muted' }, 'Seen as'),
      audience,
    );
    const canvasHost = h('div', { class: 'mapcanvas', 'aria-hidden': 'true' });
    const mapWrap = h(
      'section',
      { class: 'mapwrap', 'aria-label': 'Map of the region in the round shown' },
      canvasHost,
      h('details', { class: 'maptext-d' }, h('summary', {}, 'Map as text'), this.mapText),
    );
    this.body = h('div', { style: 'display:contents' }, this.left, mapWrap, this.right);
    queueMicrotask(() => {
      if (!this.body.isConnected) return;
      this.map = deps.mapFactory(canvasHost, sc);
      this.show(this.round);
    });
    this.show(this.round);
  }

  /** Page Up / Page Down step through the rounds from anywhere on the replay screen. */
  onKey(e: KeyboardEvent) {
    const t = e.target as HTMLElement | null;
    if (t && (t.tagName === 'SELECT' || t.tagName === 'TEXTAREA' || (t.tagName === 'INPUT' && (t as HTMLInputElement).type !== 'range'))) return;
    if (e.key === 'PageUp') this.show(this.round - 1);
    else if (e.key === 'PageDown') this.show(this.round + 1);
    else return;
    e.preventDefault();
  }

  private stateOf(round: number, moment: Moment): GameState | null {
    const f = this.deps.timeline.frames[round - 1];
    return f ? f[moment] : null;
  }

  /** The view of a round for the chosen audience, built once. */
  viewOf(round: number, moment: Moment, audience: string): GameView | null {
    const key = `${round}:${moment}:${audience}`;
    let v = this.views.get(key);
    if (!v) {
      const s = this.stateOf(round, moment);
      if (!s) return null;
      v = audience === 'facilitator' ? facilitatorView(s) : audience === 'public' ? publicView(s) : viewFor(s, audience);
      this.views.set(key, v);
    }
    return v;
  }

  show(round: number) {
    const t0 = performance.now();
    const { scenario: sc, timeline: t } = this.deps;
    const r = Math.max(1, Math.min(t.frames.length, Math.round(round)));
    this.round = r;
    this.slider.value = String(r);
    this.slider.setAttribute('aria-valuetext', `Round ${r} of ${t.frames.length}`);
    const frame = t.frames[r - 1];
    const view = this.viewOf(r, this.moment, this.audience);
    if (!frame || !view) return;
    const momentText = this.moment === 'start' ? 'as it opened' : frame.resolved ? 'after its resolution' : 'as the game was saved';
    this.label.textContent = `Round ${r} of ${t.frames.length}`;
    this.label.title = `${phaseLabel(sc, view.phase)} · ${momentText}`;
    this.phaseNote.textContent = `${phaseLabel(sc, view.phase)} · ${momentText}`;
    const seat = this.audience !== 'facilitator' && this.audience !== 'public' ? this.audience : null;
    render(this.left, seat ? delegationPanel(sc, view, seat) : null, bridgePanel(sc, view));
    const lines = this.map?.show(view) ?? [];
    render(this.mapText, ...lines.map((l) => h('li', {}, l)));
    render(this.right, ...this.roundPanel(view, r));
    this.lastMs = performance.now() - t0;
  }

  private roundPanel(view: GameView, round: number): HTMLElement[] {
    const sc = this.deps.scenario;
    const seen = this.audience === 'facilitator' ? 'Everything, secrets included.' : this.audience === 'public' ? 'What the public dashboard and the projector showed: no secrets.' : `Only what ${sc.delegations.find((d) => d.id === this.audience)?.name ?? this.audience} could see: its own secrets, nobody else's.`;
    const events = view.events.filter((e) => e.round === round && (this.moment === 'end' || e.kind === 'round' || e.kind === 'inject' || e.kind === 'phase' || e.kind === 'shock'));
    const incidents = view.incidents.filter((i) => i.round === round);
    const fig = (label: string, value: string) => h('span', {}, `${label} `, h('strong', {}, value));
    return [
      h('h2', { id: 'replay-round-h' }, `Round ${round}`),
      this.phaseNote,
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
              h('li', { class: e.audience === 'secret' ? 'secret' : Array.isArray(e.audience) ? 'private' : '' }, `${e.audience === 'secret' ? '(secret) ' : Array.isArray(e.audience) ? '(private) ' : ''}${e.text}`),
            ),
          )
        : h('p', { class: 'muted small' }, 'Nothing recorded.'),
      ...this.dealings(view, round),
      this.whatIf(round),
    ];
  }

  /** The round's packages and sealed commits, as far as this audience may see them. */
  private dealings(view: GameView, round: number): HTMLElement[] {
    const sc = this.deps.scenario;
    const name = (id: string) => sc.delegations.find((d) => d.id === id)?.short ?? id;
    const move = (id: string) => sc.moves.find((m) => m.id === id)?.name ?? id;
    const packages = view.packages.filter((p) => p.round === round || p.acceptedRound === round);
    const commits = this.moment === 'end' ? sc.delegations.map((d) => ({ d, c: view.delegations[d.id]?.commit ?? null })).filter((x) => x.c !== null) : [];
    const out: HTMLElement[] = [];
    if (packages.length)
      out.push(
        h('h3', { style: 'margin-top:10px' }, 'Packages'),
        h(
          'ul',
          { class: 'events', 'aria-label': 'Packages of the round' },
          ...packages.map((p) => h('li', {}, `#${p.id} by ${name(p.proposer)} — ${p.status}: ${p.steps.map((st) => `${name(st.delegation)}: ${move(st.move)}`).join('; ')}`)),
        ),
      );
    if (commits.length)
      out.push(
        h('h3', { style: 'margin-top:10px' }, this.audience === 'facilitator' ? 'Sealed commits' : 'Your sealed commit'),
        h(
          'ul',
          { class: 'events', 'aria-label': this.audience === 'facilitator' ? 'Sealed commits' : 'Your sealed commit' },
          ...commits.map(({ d, c }) =>
            h(
              'li',
              { class: c?.defect.length ? (this.audience === 'facilitator' ? 'secret' : 'private') : '' },
              `${d.short}: ${c?.moves.length ? c.moves.map(move).join('; ') : 'no move'}${c?.defect.length ? ` — quietly abandons ${c.defect.map(move).join('; ')}` : ''}${c?.retaliate ? ` — retaliates against ${name(c.retaliate.against)}` : ''}`,
            ),
          ),
        ),
      );
    return out;
  }

  private whatIf(round: number): HTMLElement {
    const sc = this.deps.scenario;
    const seat = h('select', { id: 'whatif-seat', 'aria-label': 'Delegation you play in the what-if' }, ...sc.delegations.map((d) => h('option', { value: d.id, selected: d.id === this.seat }, d.name)));
    seat.addEventListener('change', () => (this.seat = seat.value));
    const diff = h(
      'select',
      { id: 'whatif-difficulty', 'aria-label': 'AI difficulty in the what-if' },
      ...(['novice', 'standard', 'expert'] as const).map((d) => h('option', { value: d, selected: d === this.difficulty }, d[0]?.toUpperCase() + d.slice(1))),
    );
    diff.addEventListener('change', () => (this.difficulty = diff.value as Difficulty));
    return h(
      'section',
      { class: 'whatif', 'aria-labelledby': 'whatif-h' },
      h('h3', { id: 'whatif-h' }, 'What if…'),
      h('p', { class: 'small' }, `Fork a new game at the start of round ${round}: the rounds before it replay exactly as they were played, then you take a seat and play on. The what-if becomes the game saved in this browser (export the JSON log first to keep the original).`),
      h('div', { class: 'field' }, h('label', { for: 'whatif-seat' }, 'You play'), seat),
      h('div', { class: 'field' }, h('label', { for: 'whatif-difficulty' }, 'AI difficulty'), diff),
      button(`Play on from round ${round}`, () => this.deps.fork(round, this.seat, this.difficulty), { class: 'primary' }),
    );
  }

  destroy() {
    this.map?.destroy();
    this.map = null;
  }
}
