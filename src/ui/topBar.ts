// The top bar: round, phase, step, tension gauge, trajectory, who is thinking, menu.
import type { GameView, Scenario } from '../engine';
import { h, type VNode } from './dom';
import { TopBarActions, type TopBarAction } from './topBarActions';
import { nameOf } from './context';

const STEPS = [
  ['briefing', 'Briefing'],
  ['negotiation', 'Negotiation'],
  ['commit', 'Commit'],
  ['resolution', 'Resolution'],
] as const;

/** Consolidating, drifting or unraveling, from tension and its trend and the secured spans. */
export function trajectory(view: GameView): { label: string; detail: string } {
  const h2 = view.history.slice(-2);
  const trend = h2.length === 2 ? (h2[1]?.tension ?? 0) - (h2[0]?.tension ?? 0) : 0;
  const secured = view.history.at(-1)?.secured ?? 0;
  if (view.tension >= 75 || trend >= 8)
    return { label: 'Unraveling', detail: `tension ${view.tension}, ${trend >= 0 ? '+' : ''}${trend} last round` };
  if (secured >= 2 && trend <= 0)
    return { label: 'Consolidating', detail: `${secured} spans secured, tension ${trend >= 0 ? '+' : ''}${trend}` };
  return { label: 'Drifting', detail: `tension ${view.tension}, ${trend >= 0 ? '+' : ''}${trend} last round` };
}

export function phaseLabel(sc: Scenario, phase: string): string {
  if (phase === 'ceasefire') return 'Ceasefire';
  const p = sc.phases.find((x) => x.id === phase);
  return p ? `Phase ${p.id} — ${p.name}` : phase;
}

/** The phase chip; the phase's name folds away on a narrow bar (the full label stays its name and title). */
function phaseChip(sc: Scenario, phase: string): VNode {
  const full = phaseLabel(sc, phase);
  const [head, name] = full.split(' — ');
  return h('span', { class: 'chip phase', title: full }, head, name ? h('span', { class: 'phase-name' }, ` — ${name}`) : null);
}

export function topBar(
  sc: Scenario,
  view: GameView,
  thinking: readonly string[],
  act: { help(): void; glossary?: () => void; save?: () => void; quit(): void; tutorial?: () => void },
  /** What a room adds: its clock and the connection. */
  extra: Array<VNode | null> = [],
): VNode {
  const traj = trajectory(view);
  return h(
    'header',
    { class: 'topbar', role: 'banner' },
    h('h1', { class: 'brand' }, 'INTERLOCK'),
    h(
      'span',
      { class: 'chip', 'aria-label': `Round ${view.round} of ${sc.tunables.roundLimit}` },
      `Round ${view.round}/${sc.tunables.roundLimit}`,
    ),
    phaseChip(sc, view.phase),
    h(
      'nav',
      { class: 'steps', 'aria-label': 'Steps of the round' },
      ...STEPS.map(([id, label]) =>
        h('span', { class: view.step === id ? 'now' : '', 'aria-current': view.step === id ? 'step' : null }, label),
      ),
    ),
    h(
      'div',
      { class: 'gauge' },
      h('label', { for: 'tension-meter', class: 'small muted' }, 'Tension'),
      h('meter', {
        id: 'tension-meter',
        min: 0,
        max: 100,
        low: 50,
        high: 75,
        optimum: 10,
        value: view.tension,
        'aria-valuetext': `${view.tension} of 100`,
      }),
      h('strong', {}, String(view.tension)),
    ),
    // After the end the outcome replaces the trajectory and the pause: nothing stale beside it.
    view.outcome !== null
      ? h('span', { class: 'chip', role: 'status' }, `Over: ${view.outcome}`)
      : h('span', { class: 'chip', title: traj.detail, 'aria-label': `Trajectory: ${traj.label}, ${traj.detail}` }, traj.label),
    view.paused && view.outcome === null
      ? h('span', { class: 'chip warn', role: 'status', title: 'Paused by the facilitator' }, 'Paused')
      : null,
    ...extra,
    h('span', { class: 'spacer' }),
    h(
      'span',
      { class: 'small thinking-status', role: 'status', 'aria-live': 'polite' },
      thinking.length ? h('span', { class: 'thinking' }, `${thinking.map((d) => nameOf(sc, d)).join(', ')} thinking…`) : '',
    ),
    h(TopBarActions, {
      actions: [
        act.tutorial ? { label: 'Guide', title: 'A guided tour of this screen', run: act.tutorial } : null,
        { label: 'Help', title: 'How to play', run: act.help },
        act.glossary ? { label: 'Glossary', title: 'The words of the game explained', run: act.glossary } : null,
        act.save ? { label: 'Save file', title: 'Download this game as a save file', run: act.save } : null,
        act.save ? { label: 'Quit to menu', title: 'Back to the start screen', run: act.quit } : { label: 'Leave the room', run: act.quit },
      ].filter((a): a is TopBarAction => a !== null),
    }),
  );
}
