// Who plays each seat in solo and hot-seat play: a person at this screen or the AI (with its
// character). Any seat can pass to the AI and back; the AI takes over where the seat stands, a
// person from the AI's next decision. In hot-seat play, the screen passes between the people.
import type { UiState } from '../store/gameStore';
import type { App } from './app';
import { button, h, type VNode } from './dom';

export function SeatSwitcher({ app, ui }: { app: App; ui: UiState }): VNode | null {
  const t = app.controller.local;
  // In a room the facilitator hands seats to the AI and back (the console).
  if (ui.mode === 'room' || !t) return null;
  const personas = t.setup.personas ?? {};
  const rows = app.scenario.delegations.map((d) => {
    const human = ui.humans.includes(d.id);
    const p = personas[d.id];
    const who = human ? 'played by a person' : `AI${p ? ` — ${p.personality}, ${p.difficulty}` : ''}`;
    return h(
      'li',
      { key: d.id, class: 'row small' },
      h('span', { style: 'flex:1' }, h('strong', {}, d.short), ` · ${who}`),
      human
        ? button('Hand to the AI', () => app.controller.setSeat(d.id, 'ai'), { key: 'ai', 'aria-label': `Hand ${d.name} to the AI` })
        : button('Play it', () => app.controller.setSeat(d.id, 'human'), { key: 'human', 'aria-label': `Play ${d.name} yourself` }),
      human && ui.mode === 'hotseat' && d.id !== ui.seat
        ? button('Pass the screen', () => app.controller.handOver(d.id), { 'aria-label': `Pass the screen to ${d.name}` })
        : null,
    );
  });
  const waiting = t.waiting
    ? h(
        'div',
        { class: 'notice info', role: 'status' },
        'Every seat is played by the AI: it waits at the start of each round. ',
        button('Let the AI play this round', () => t.playNextRound(), { class: 'primary' }),
      )
    : null;
  return h(
    'section',
    { class: 'section', 'aria-labelledby': 'seats-h' },
    h('h3', { id: 'seats-h' }, 'Seats'),
    h('p', { class: 'small muted' }, 'Any seat can pass between a person and the AI; best between rounds.'),
    waiting,
    h('ul', { class: 'plain' }, ...rows),
  );
}
