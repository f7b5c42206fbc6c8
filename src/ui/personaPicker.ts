// The AI's persona at a room seat (a personality and a difficulty): chosen by the facilitator in
// the console, for a seat the AI plays or will play, and shown in the lobby.
import { useEffect, useState } from 'preact/hooks';
import { DIFFICULTIES, PERSONALITIES, type Persona } from '../ai/persona';
import { h, valueOf, type VNode } from './dom';

export const personaLabel = (p: Persona) => `${p.personality}, ${p.difficulty}`;

interface PickerProps {
  name: string;
  current: Persona;
  choose: (p: Persona) => void;
}

/**
 * Two selects for one seat's AI; a change is sent at once (the room keeps it in its log). The
 * picker keeps what was chosen until the room echoes it, so a second change made before the
 * echo does not undo the first.
 */
function PersonaPicker({ name, current, choose }: PickerProps): VNode {
  const [draft, setDraft] = useState(current);
  useEffect(() => setDraft(current), [current.personality, current.difficulty]);
  const select = <K extends keyof Persona>(key: K, options: readonly Persona[K][], label: string) =>
    h(
      'select',
      {
        'aria-label': `${label} of the AI for ${name}`,
        value: draft[key],
        onchange: (e: Event) => {
          const next = { ...draft, [key]: valueOf(e) } as Persona;
          setDraft(next);
          choose(next);
        },
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

export const personaPicker = (name: string, current: Persona, choose: (p: Persona) => void): VNode =>
  h(PersonaPicker, { name, current, choose });
