// The White Cell's record of what it did to a room besides the game: seats handed to the AI and
// back, released, time added, clocks and the AI's pace changed. Each is a logged room event with
// its wall time, the round and step it happened in, and the facilitator's reason if given, so the
// downloaded record and the console show the facilitator's hand (the game's own log has the rest).
import type { RoomAction } from '../net/protocol';
import type { RoomState, WhiteCellEntry } from './roomEvents';

/** The record's line for an action the room accepted, or null for one not worth a line (a persona). */
export function recordEntry(
  before: RoomState,
  a: RoomAction,
  at: number,
  where: { round: number; step: string },
  name: (delegation: string) => string,
): WhiteCellEntry | null {
  const base = { at, round: where.round, step: where.step };
  const reason = 'reason' in a && a.reason?.trim() ? { reason: a.reason.trim() } : {};
  const line = (text: string): WhiteCellEntry => ({ ...base, text, ...reason });
  switch (a.kind) {
    case 'start': {
      const teams = [...before.seats.values()].filter((s) => s.team !== null).length;
      return line(`Started the game with ${teams} team${teams === 1 ? '' : 's'} seated; the AI plays the other seats.`);
    }
    case 'seatMode': {
      const team = before.seats.get(a.delegation)?.team;
      return line(
        a.mode === 'ai'
          ? `Handed ${name(a.delegation)} to the AI${team ? ` (team ${team} watching)` : ''}.`
          : `Gave ${name(a.delegation)} back to ${team ? `team ${team}` : 'its team'}.`,
      );
    }
    case 'releaseSeat': {
      const team = before.seats.get(a.delegation)?.team;
      return line(`Released ${name(a.delegation)}${team ? ` from team ${team}` : ''}.`);
    }
    case 'extend':
      return line(a.minutes >= 0 ? `Added ${a.minutes} min to the running clock.` : `Took ${-a.minutes} min off the running clock.`);
    case 'clock':
      return line(a.minutes === null ? `Took the ${a.step} clock away.` : `Set the ${a.step} clock to ${a.minutes} min.`);
    case 'onExpiry':
      return line(
        a.value === 'ai' ? 'At zero the AI now commits for seats that did not.' : 'At zero seats that did not commit now commit nothing.',
      );
    case 'pace':
      return line(
        a.seconds === null ? 'AI seats now finish a step when its clock runs out.' : `AI seats now finish a step after ${a.seconds} s.`,
      );
    case 'persona':
      return null;
  }
}
