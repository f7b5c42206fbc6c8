// The White Cell's record of what it did to a room besides the game: seats handed to the AI and
// back, released, time added, clocks and the AI's pace changed. Each is a logged room event with
// its wall time, the round and step it happened in, and the facilitator's reason if given, so the
// downloaded record and the console show the facilitator's hand (the game's own log has the rest).
import { catalog, type Intent, type Scenario } from '../engine';
import type { Ack, RoomAction } from '../net/protocol';
import { extendClock } from './roomClock';
import type { RoomEvent, RoomState, RoomUndo, WhiteCellEntry } from './roomEvents';

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
  const line = (text: string, was?: RoomUndo): WhiteCellEntry => ({ ...base, text, ...reason, ...(was ? { was } : {}) });
  const seatWas = (delegation: string): RoomUndo | undefined => {
    const seat = before.seats.get(delegation);
    return seat && before.started ? { kind: 'seat', delegation, mode: seat.mode, team: seat.team, tokens: [...seat.tokens] } : undefined;
  };
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
        seatWas(a.delegation),
      );
    }
    case 'releaseSeat': {
      const team = before.seats.get(a.delegation)?.team;
      return line(`Released ${name(a.delegation)}${team ? ` from team ${team}` : ''}.`, seatWas(a.delegation));
    }
    case 'extend':
      return line(a.minutes >= 0 ? `Added ${a.minutes} min to the running clock.` : `Took ${-a.minutes} min off the running clock.`, {
        kind: 'extend',
        minutes: a.minutes,
      });
    case 'clock':
      return line(a.minutes === null ? `Took the ${a.step} clock away.` : `Set the ${a.step} clock to ${a.minutes} min.`, {
        kind: 'clocks',
        step: a.step,
        minutes: before.clocks[a.step],
      });
    case 'onExpiry':
      return line(
        a.value === 'ai' ? 'At zero the AI now commits for seats that did not.' : 'At zero seats that did not commit now commit nothing.',
        { kind: 'onExpiry', value: before.onExpiry },
      );
    case 'pace':
      return line(
        a.seconds === null ? 'AI seats now finish a step when its clock runs out.' : `AI seats now finish a step after ${a.seconds} s.`,
        { kind: 'pace', seconds: before.pace },
      );
    case 'persona':
    case 'projector':
    case 'undo':
      return null;
  }
}

/**
 * Undoing the record's line `index` (rules §10, Undo): the room event that puts back what it
 * changed, or why it cannot be undone. A room act is undone once, and only in its own round.
 */
export function undoEvent(room: RoomState, index: number, now: number, where: { round: number; step: string }): RoomEvent | Ack {
  const entry = room.record[index];
  const refused = (reason: string): Ack => ({ ok: false, code: 'refused', reason });
  if (!entry) return { ok: false, code: 'not-found', reason: `no line ${index} in the White Cell record` };
  if (entry.undone) return refused('that act is already undone');
  if (!entry.was) return refused('that act cannot be undone');
  if (entry.round !== where.round) return refused(`that act was in round ${entry.round}, which has resolved`);
  const was = entry.was;
  switch (was.kind) {
    case 'seat':
      return { kind: 'seat', delegation: was.delegation, mode: was.mode, team: was.team, tokens: was.tokens };
    case 'clocks':
      return { kind: 'clocks', step: was.step, minutes: was.minutes };
    case 'pace':
      return { kind: 'pace', seconds: was.seconds };
    case 'onExpiry':
      return { kind: 'onExpiry', value: was.value };
    case 'extend':
      if (!room.clock || room.clock.round !== entry.round || room.clock.step !== entry.step)
        return refused('the clock that time was added to has closed');
      return { kind: 'clock', clock: extendClock(room.clock, -was.minutes, now) };
  }
}

/** A White Cell act on the game in a line of the console's list (its reason is shown beside it). */
export function describeAct(scenario: Scenario, i: Intent): string {
  const cat = catalog(scenario);
  const del = (d: string) => (d === 'all' ? 'everyone' : (cat.delegation.get(d)?.name ?? d));
  switch (i.type) {
    case 'facilitator.override': {
      const o = i.override;
      if (o.kind === 'verification')
        return `Ruled "${cat.move.get(o.move)?.name ?? o.move}" ${o.result === 'verified' ? 'verified' : 'in violation'}.`;
      if (o.kind === 'cancelIncident') return `Struck incident #${o.incident} from the record.`;
      return `Attributed incident #${o.incident} to ${o.sponsor === null ? 'no one' : o.sponsor === 'spoiler' ? 'spoiler cells' : del(o.sponsor)}.`;
    }
    case 'facilitator.reveal': {
      const what =
        i.what === 'incident'
          ? `the sponsor of incident #${i.incident ?? '?'}`
          : i.what === 'defections'
            ? 'the quiet defections'
            : `the secret objectives of ${i.whose ? del(i.whose) : 'every delegation'}`;
      return `Revealed ${what} to ${del(i.to)}.`;
    }
    case 'facilitator.inject': {
      const title = typeof i.inject === 'string' ? (scenario.injects.find((x) => x.id === i.inject)?.title ?? i.inject) : i.inject.title;
      return `Fired the inject "${title}".`;
    }
    case 'facilitator.undo':
      return `Undid entry #${i.seq}.`;
    default:
      return i.type;
  }
}
