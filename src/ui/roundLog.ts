// The round log along the bottom: what this seat may know, newest last; collapsible.
import type { GameView, Scenario } from '../engine';
import { button, h } from './dom';

export function roundLog(_sc: Scenario, view: GameView, open: boolean, toggle: () => void): HTMLElement {
  const events = view.events.filter((e) => e.kind !== 'implemented' || e.round < view.round || view.step !== 'commit').slice(-80);
  const list = h(
    'ol',
    { id: 'round-log', 'aria-live': 'polite', 'aria-relevant': 'additions', tabindex: 0 },
    ...events.map((e) => h('li', { class: Array.isArray(e.audience) ? 'private' : '', value: e.round }, `${Array.isArray(e.audience) ? '(private) ' : ''}${e.text}`)),
  );
  queueMicrotask(() => (list.scrollTop = list.scrollHeight));
  return h(
    'section',
    { class: 'log', 'aria-labelledby': 'log-h' },
    h('header', {}, h('h2', { id: 'log-h', style: 'margin:0' }, 'Round log'), h('span', { class: 'small muted' }, 'numbers are rounds'), h('span', { class: 'spacer' }), button(open ? 'Hide log' : 'Show log', toggle, { 'aria-expanded': String(open), 'aria-controls': 'round-log' })),
    open ? list : null,
  );
}
