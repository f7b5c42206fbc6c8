// The AI's persona at a room seat (a personality and a difficulty): chosen by the facilitator in
// the console, for a seat the AI plays or will play, and shown in the lobby.
import { DIFFICULTIES, PERSONALITIES, type Persona } from '../ai/persona';
import { h, valueOf, type VNode } from './dom';

export const personaLabel = (p: Persona) => `${p.personality}, ${p.difficulty}`;

/** Two selects for one seat's AI, showing the room's choice; a change is sent at once (the room keeps it in its log). */
export function personaPicker(name: string, current: Persona, choose: (p: Persona) => void): VNode {
  const select = <K extends keyof Persona>(key: K, options: readonly Persona[K][], label: string) =>
    h(
      'select',
      {
        'aria-label': `${label} of the AI for ${name}`,
        value: current[key],
        onchange: (e: Event) => choose({ ...current, [key]: valueOf(e) }),
      },
      ...options.map((o) => h('option', { key: o, value: o }, o)),
    );
  return h(
    'span',
    { class: 'row', style: 'gap:4px' },
    select('personality', PERSONALITIES, 'Personality'),
    select('difficulty', DIFFICULTIES, 'Difficulty'),
  );
}
