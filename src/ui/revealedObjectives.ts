// What the White Cell revealed to this seat of the others' secret objectives: the scenario a seat
// reads carries another delegation's objectives only once they were revealed to it (engine:
// scenarioFor), so every one listed here was revealed; it stays after a reload.
import type { Scenario } from '../engine';
import { h, type VNode } from './dom';

export function revealedObjectives(sc: Scenario, seat: string, over: boolean): VNode | null {
  if (over) return null; // the end screen shows every objective
  const others = sc.delegations.filter((d) => d.id !== seat && d.secretObjectives.length > 0);
  if (others.length === 0) return null;
  return h(
    'section',
    { class: 'revealed-objectives', 'aria-labelledby': 'revealed-obj-h' },
    h('h3', { id: 'revealed-obj-h', style: 'margin-top:10px' }, 'Revealed to you by the White Cell'),
    ...others.map((d) =>
      h(
        'div',
        { key: d.id, class: 'small' },
        h('strong', {}, `${d.name}’s secret objectives`),
        h('ul', { class: 'plain' }, ...d.secretObjectives.map((o) => h('li', {}, `• ${o.text} (${o.points} pts)`))),
      ),
    ),
  );
}
