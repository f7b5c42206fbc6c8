// What a facilitator's action or a chat message means for a room: checked against the room as it
// is, and turned into the one event the room logs (or the reason it is refused). Pure, like the
// reducer that then applies the event.
import type { Ack, ChatLine, ChatTo, Role, RoomAction } from '../net/protocol';
import { extendClock } from './roomClock';
import type { RoomEvent, RoomState } from './roomEvents';

const notFound = (delegation: string): Ack => ({ ok: false, code: 'not-found', reason: `no delegation "${delegation}" in this scenario` });
const refused = (reason: string): Ack => ({ ok: false, code: 'refused', reason });

export function actionEvent(room: RoomState, a: RoomAction, now: number): RoomEvent | Ack {
  switch (a.kind) {
    case 'start':
      return room.started ? refused('the game has already started') : { kind: 'start' };
    case 'clock':
      return { kind: 'clocks', step: a.step, minutes: a.minutes };
    case 'extend':
      return room.clock ? { kind: 'clock', clock: extendClock(room.clock, a.minutes, now) } : refused('no clock is running');
    case 'onExpiry':
      return { kind: 'onExpiry', value: a.value };
    case 'persona':
      return room.seats.has(a.delegation) ? { kind: 'persona', delegation: a.delegation, persona: a.persona } : notFound(a.delegation);
    case 'seatMode': {
      const seat = room.seats.get(a.delegation);
      if (!seat) return notFound(a.delegation);
      if (a.mode === 'human' && seat.team === null && room.started) return refused('no team holds this seat: a team must claim it first');
      const mode = a.mode === 'human' && seat.team === null ? 'open' : a.mode;
      return { kind: 'seatMode', delegation: a.delegation, mode, ...(a.persona ? { persona: a.persona } : {}) };
    }
    case 'releaseSeat':
      return room.seats.has(a.delegation) ? { kind: 'release', delegation: a.delegation } : notFound(a.delegation);
    case 'pace':
      return { kind: 'pace', seconds: a.seconds };
    case 'projector':
      return { kind: 'projector', mode: a.mode };
    case 'undo':
      // The room judges an undo against its record and its game (Room.undo).
      return refused('an undo is judged by the room');
  }
}

export interface ChatMessage {
  id: string;
  to: ChatTo;
  text: string;
}

export function chatEvent(
  room: RoomState,
  role: Role,
  by: string,
  msg: ChatMessage,
  now: number,
  where?: { round: number; step: string },
): Extract<RoomEvent, { kind: 'chat' }> | Ack {
  const from = role.kind === 'seat' ? role.delegation : role.kind === 'facilitator' ? 'facilitator' : null;
  if (from === null) return { ok: false, code: 'forbidden', reason: 'only seats and the facilitator send messages' };
  if (msg.to === 'team' && from === 'facilitator') return refused('the facilitator has no team channel');
  if (Array.isArray(msg.to)) {
    // A seat may write to the White Cell alone ('facilitator'): requests, appeals, "may we do X?".
    const unknown = msg.to.find((d) => !room.seats.has(d) && !(d === 'facilitator' && from !== 'facilitator'));
    if (unknown) return refused(`no delegation "${unknown}"`);
  }
  const line: ChatLine = { id: msg.id, at: now, from, by, to: msg.to, text: msg.text.trim(), ...(where ?? {}) };
  if (!line.text) return refused('an empty message');
  return { kind: 'chat', line };
}
