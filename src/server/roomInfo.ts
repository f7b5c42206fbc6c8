// What a room shows its clients besides the game: its seats, its clock, the messages each role
// may read, the AI's notes, and the facilitator's log download.
import { ENGINE_VERSION } from '../engine';
import { logFor } from '../machine/logView';
import { makeLogFile, type LogFile } from '../machine/replay';
import type { ChatLine, PublicNote, Role, RoomInfo, SeatInfo } from '../net/protocol';
import { chatPage } from './chatLimits';
import type { Room } from './room';

export function seatInfo(room: Room): SeatInfo[] {
  const online = new Map<string, string[]>();
  for (const d of room.devices.values()) {
    if (d.role.kind !== 'seat') continue;
    const list = online.get(d.role.delegation) ?? [];
    list.push(d.name);
    online.set(d.role.delegation, list);
  }
  return [...room.seats.values()].map((s) => ({
    delegation: s.delegation,
    mode: s.mode,
    team: s.team,
    online: online.get(s.delegation) ?? [],
    persona: s.persona,
  }));
}

export function roomInfo(room: Room): RoomInfo {
  const c = room.clock;
  return {
    code: room.code,
    started: room.started,
    seats: seatInfo(room),
    clock: c ? { step: c.step, endsAt: c.endsAt, remainingMs: c.remainingMs, totalMs: c.totalMs } : null,
    clocks: { ...room.clocks },
    onExpiry: room.onExpiry,
    pace: room.pace,
    projector: room.projector,
    now: room.now(),
  };
}

/**
 * Chat lines a role may read: the facilitator reads everything; a seat its own lines, lines to all
 * and lines to it; the public (the projector, a class's observer) what every delegation reads: lines to all.
 */
export function canRead(role: Role, line: ChatLine): boolean {
  if (role.kind === 'facilitator') return true;
  if (role.kind === 'projector') return line.to === 'all';
  if (role.kind !== 'seat') return false;
  const me = role.delegation;
  if (line.from === me) return true;
  if (line.to === 'all') return true;
  return Array.isArray(line.to) && line.to.includes(me);
}

/** The newest page of the lines a role may read (before the line `before`, when given). */
export const chatFor = (room: Room, role: Role, before: string | null = null) =>
  chatPage(
    room.chat.filter((l) => canRead(role, l)),
    before,
  );

/** AI reasons can name packages that only their parties see: the facilitator reads them. */
export const notesFor = (room: Room, role: Role): PublicNote[] => (role.kind === 'facilitator' ? room.notes : []);

export function logFile(room: Room): { log: LogFile; transcript: unknown } {
  return {
    // The facilitator's file: an AI's secret reasons only once the game is over.
    log: makeLogFile(room.scenario, {
      state: room.session.state,
      log: logFor(room.session.log, { kind: 'facilitator' }, room.session.state.outcome !== null),
    }),
    transcript: {
      format: 'interlock-room-transcript',
      room: room.code,
      engineVersion: ENGINE_VERSION,
      seats: seatInfo(room).map(({ delegation, mode, team, persona }) => ({ delegation, mode, team, persona })),
      chat: room.chat,
      // The record with times: the White Cell's room actions, and every intent's wall time, round and step.
      whiteCell: room.record.map((e) => ({ ...e, at: new Date(e.at).toISOString() })),
      intents: room.log.timedIntents(),
    },
  };
}
