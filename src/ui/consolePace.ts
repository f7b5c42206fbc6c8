// The console's AI pace: AI seats finish a step at the room's clocks (the default) or after a pace
// the facilitator sets, never faster than people can follow; and the warning that a round would
// run with no person in it (every seat on the AI).
import type { RoomUi } from '../store/gameStore';
import { h, valueOf, type VNode } from './dom';
import type { ConsoleActions } from './console';

/** Paces offered, in seconds per step (the server refuses under 5). */
const PACES = [10, 30, 60, 120, 300];

/** The seats people hold (claimed and not handed to the AI). */
export const humanSeats = (room: RoomUi) => room.info.seats.filter((s) => s.mode === 'human');

/** Words for what a round without people does, at this room's settings. */
export function noHumanWarning(room: RoomUi): string {
  const { negotiation, commit } = room.info.clocks;
  const pace =
    room.info.pace !== null
      ? `${room.info.pace} s a step`
      : negotiation !== null && commit !== null
        ? `the clocks (${negotiation} + ${commit} min a round)`
        : 'the clocks, or 30 s for a step without one';
  return `No team holds a seat: the AI plays every delegation, at ${pace}. Pause, or let a team claim a seat, to keep people in the game.`;
}

export function PacePanel({ room, act }: { room: RoomUi; act: ConsoleActions }): VNode {
  const nobody = room.info.started && humanSeats(room).length === 0;
  return h(
    'section',
    { class: 'section', 'aria-labelledby': 'pace-h' },
    h('h3', { id: 'pace-h' }, 'AI pace'),
    nobody ? h('p', { class: 'warning small', role: 'alert' }, noHumanWarning(room)) : null,
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'ai-pace' }, 'AI seats finish a step'),
      h(
        'select',
        {
          id: 'ai-pace',
          value: room.info.pace === null ? '' : String(room.info.pace),
          onchange: (e: Event) => {
            const v = valueOf(e);
            act.action({ kind: 'pace', seconds: v === '' ? null : Number(v) });
          },
        },
        h('option', { value: '' }, 'when the clock runs out'),
        ...PACES.map((p) => h('option', { key: p, value: String(p) }, p < 60 ? `after ${p} seconds` : `after ${p / 60} min`)),
      ),
    ),
    h(
      'p',
      { class: 'small muted' },
      'The AI proposes and answers at once, but says it is ready, or seals its commit, only then: a round never runs faster than people can follow. Closing a step sends it in at once.',
    ),
  );
}
