// A room's event log, typed: every change of a room is one of these events, and the room is the
// fold of its log by `reduceRoom`, the same function live and on restore after a restart. The
// game itself is the machine's (an 'intent' event is replayed into it, room.ts); the reducer
// keeps the rest: seats and their personas, clocks, chat.
import { DEFAULT_PERSONA, DIFFICULTIES, PERSONALITIES, type Persona } from '../ai/persona';
import type { Intent } from '../engine';
import type { ChatLine, ChatTo, ClockedStep, ProjectorMode } from '../net/protocol';
import { STEP_CLOCKS } from '../net/protocol';
import type { ClockState } from './roomClock';

export type SeatMode = 'open' | 'human' | 'ai';

/** What a White Cell room act changed, as it was before: enough to put it back (rules §10, Undo). */
export type RoomUndo =
  | { kind: 'seat'; delegation: string; mode: SeatMode; team: string | null; tokens: string[] }
  | { kind: 'clocks'; step: ClockedStep; minutes: number | null }
  | { kind: 'pace'; seconds: number | null }
  | { kind: 'onExpiry'; value: 'nothing' | 'ai' }
  /** Minutes the act added to the running clock (negative: took off). */
  | { kind: 'extend'; minutes: number };

export interface WhiteCellEntry {
  at: number;
  round: number;
  step: string;
  text: string;
  reason?: string;
  /** How to undo it (room acts that can be undone until their round resolves). */
  was?: RoomUndo;
  /** This line undoes the record's line at this index. */
  undoes?: number;
  /** Set on a line a later line undid. */
  undone?: true;
}

export interface SeatState {
  delegation: string;
  mode: SeatMode;
  team: string | null;
  /** Hashes of the seat's tokens (a team link opens the seat). */
  tokens: readonly string[];
  /** Who the AI is when it plays this seat. */
  persona: Persona;
}

export interface RoomState {
  started: boolean;
  seats: ReadonlyMap<string, SeatState>;
  clocks: Readonly<Record<ClockedStep, number | null>>;
  onExpiry: 'nothing' | 'ai';
  /** AI seats finish a step at the clocks (null) or after this many seconds of it. */
  pace: number | null;
  /** What the projector shows: the live game or the hot wash. */
  projector: ProjectorMode;
  clock: ClockState | null;
  chat: readonly ChatLine[];
  /** What the White Cell did to the room (not the game): seats, clocks, pace, with times and reasons. */
  record: readonly WhiteCellEntry[];
  /** Messages waiting for the moderator's approval (a class that holds messages). */
  held: readonly ChatLine[];
}

export type RoomEvent =
  /** `round` and `step`: where the game was when it was accepted (metadata for the record; replay reads only the intent). */
  | { kind: 'intent'; intent: Intent; round?: number; step?: string }
  /** A line of the White Cell's record: a seat handed over, time added, a clock or the pace changed, with its reason. */
  | { kind: 'whiteCell'; entry: WhiteCellEntry }
  | { kind: 'start' }
  | { kind: 'claim'; delegation: string; team: string; tokenHash: string }
  | { kind: 'release'; delegation: string }
  /** One token of a seat withdrawn (a class moved its student); `team` is the seat's team name after it. */
  | { kind: 'unclaim'; delegation: string; tokenHash: string; team: string | null }
  | { kind: 'seatMode'; delegation: string; mode: SeatMode; persona?: Persona }
  /** A seat put back as it was (an undone hand-over or release): its mode, team and tokens. */
  | { kind: 'seat'; delegation: string; mode: SeatMode; team: string | null; tokens: string[] }
  | { kind: 'persona'; delegation: string; persona: Persona }
  | { kind: 'clocks'; step: ClockedStep; minutes: number | null }
  | { kind: 'onExpiry'; value: 'nothing' | 'ai' }
  | { kind: 'pace'; seconds: number | null }
  | { kind: 'projector'; mode: ProjectorMode }
  | { kind: 'clock'; clock: ClockState | null }
  | { kind: 'chat'; line: ChatLine }
  /** Moderation: a message held for approval, a held one approved (a 'chat' event follows) or rejected, a rule changed. */
  | { kind: 'held'; line: ChatLine }
  | { kind: 'released'; id: string; approved: boolean }
  | { kind: 'moderation'; text: string };

/** The default clocks of a classroom round: negotiation 4 minutes, commit 1. */
export const DEFAULT_CLOCKS: Record<ClockedStep, number | null> = { negotiation: 4, commit: 1 };

export function initialRoomState(delegations: readonly string[]): RoomState {
  return {
    started: false,
    seats: new Map(delegations.map((d) => [d, { delegation: d, mode: 'open', team: null, tokens: [], persona: DEFAULT_PERSONA }])),
    clocks: DEFAULT_CLOCKS,
    onExpiry: 'ai',
    pace: null,
    projector: 'live',
    clock: null,
    chat: [],
    record: [],
    held: [],
  };
}

function withSeat(s: RoomState, delegation: string, change: (seat: SeatState) => SeatState): RoomState {
  const seat = s.seats.get(delegation);
  if (!seat) return s;
  const seats = new Map(s.seats);
  seats.set(delegation, change(seat));
  return { ...s, seats };
}

/** The room after one event. Pure: the state is never mutated, so views of it can be shared. */
export function reduceRoom(s: RoomState, e: RoomEvent): RoomState {
  switch (e.kind) {
    case 'intent':
      return s;
    case 'start': {
      // Seats no team claimed are played by the AI from now on.
      const seats = new Map([...s.seats].map(([d, seat]) => [d, seat.mode === 'open' ? { ...seat, mode: 'ai' as const } : seat]));
      return { ...s, started: true, seats };
    }
    case 'claim':
      return withSeat(s, e.delegation, (seat) => ({ ...seat, team: e.team, mode: 'human', tokens: [...seat.tokens, e.tokenHash] }));
    case 'release':
      return withSeat(s, e.delegation, (seat) => ({ ...seat, team: null, tokens: [], mode: s.started ? 'ai' : 'open' }));
    case 'unclaim':
      return withSeat(s, e.delegation, (seat) => {
        const tokens = seat.tokens.filter((t) => t !== e.tokenHash);
        if (tokens.length > 0) return { ...seat, tokens, team: e.team ?? seat.team };
        return { ...seat, tokens, team: null, mode: s.started ? 'ai' : 'open' };
      });
    case 'seatMode':
      return withSeat(s, e.delegation, (seat) => ({ ...seat, mode: e.mode, persona: e.persona ?? seat.persona }));
    case 'persona':
      return withSeat(s, e.delegation, (seat) => ({ ...seat, persona: e.persona }));
    case 'seat':
      return withSeat(s, e.delegation, (seat) => ({ ...seat, mode: e.mode, team: e.team, tokens: [...e.tokens] }));
    case 'clocks':
      return { ...s, clocks: { ...s.clocks, [e.step]: e.minutes } };
    case 'onExpiry':
      return { ...s, onExpiry: e.value };
    case 'pace':
      return { ...s, pace: e.seconds };
    case 'projector':
      return { ...s, projector: e.mode };
    case 'clock':
      return { ...s, clock: e.clock };
    case 'chat':
      return { ...s, chat: [...s.chat, e.line] };
    case 'whiteCell': {
      const target = e.entry.undoes;
      const record = target === undefined ? s.record : s.record.map((x, i): WhiteCellEntry => (i === target ? { ...x, undone: true } : x));
      return { ...s, record: [...record, e.entry] };
    }
    case 'held':
      return { ...s, held: [...s.held, e.line] };
    case 'released':
      return { ...s, held: s.held.filter((l) => l.id !== e.id) };
    case 'moderation':
      return s;
  }
}

// ——— the log's encoding: a kind and a JSON body (the layout of store version 1, kept) ———

export function encodeEvent(e: RoomEvent): { kind: RoomEvent['kind']; body: unknown } {
  switch (e.kind) {
    case 'clock':
      return { kind: e.kind, body: e.clock };
    case 'chat':
      return { kind: e.kind, body: e.line };
    default: {
      const { kind, ...body } = e;
      return { kind, body };
    }
  }
}

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const str = (b: Record<string, unknown>, k: string): string => {
  const v = b[k];
  if (typeof v !== 'string') throw new Error(`"${k}" is not a string`);
  return v;
};
const oneOf = <T extends string>(v: unknown, allowed: readonly T[], what: string): T => {
  if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v))
    throw new Error(`${what} "${String(v)}" is not one of ${allowed.join(', ')}`);
  return v as T;
};

function chatLine(b: unknown): ChatLine {
  if (!isObj(b)) throw new Error('a chat line is not an object');
  const to = b.to;
  if (!(to === 'all' || to === 'team' || (Array.isArray(to) && to.every((x) => typeof x === 'string'))))
    throw new Error('a chat line has no recipients');
  return {
    id: str(b, 'id'),
    at: Number(b.at),
    from: str(b, 'from'),
    by: str(b, 'by'),
    to: to as ChatTo,
    text: str(b, 'text'),
    ...(typeof b.round === 'number' ? { round: b.round } : {}),
    ...(typeof b.step === 'string' ? { step: b.step } : {}),
  };
}

function clockState(b: unknown): ClockState | null {
  if (b === null) return null;
  if (!isObj(b) || typeof b.totalMs !== 'number' || typeof b.remainingMs !== 'number') throw new Error('a clock is not a clock');
  return b as unknown as ClockState;
}

export function persona(b: unknown): Persona {
  if (!isObj(b)) throw new Error('a persona is not an object');
  return { personality: oneOf(b.personality, PERSONALITIES, 'personality'), difficulty: oneOf(b.difficulty, DIFFICULTIES, 'difficulty') };
}

const minutesOrNull = (v: unknown, what: string): number | null => {
  if (v !== null && typeof v !== 'number') throw new Error(`${what} is not a number`);
  return v;
};

function seatBack(b: Record<string, unknown>): Omit<Extract<RoomEvent, { kind: 'seat' }>, 'kind'> {
  const tokens = b.tokens;
  if (!Array.isArray(tokens) || !tokens.every((t) => typeof t === 'string')) throw new Error('a seat has no token list');
  return {
    delegation: str(b, 'delegation'),
    mode: oneOf(b.mode, ['open', 'human', 'ai'] as const, 'seat mode'),
    team: b.team === null ? null : str(b, 'team'),
    tokens: tokens as string[],
  };
}

function roomUndo(v: unknown): RoomUndo {
  const b = isObj(v) ? v : {};
  switch (b.kind) {
    case 'seat':
      return { kind: 'seat', ...seatBack(b) };
    case 'clocks':
      return { kind: 'clocks', step: oneOf(b.step, STEP_CLOCKS, 'clocked step'), minutes: minutesOrNull(b.minutes, 'clock minutes') };
    case 'pace':
      return { kind: 'pace', seconds: minutesOrNull(b.seconds, 'the AI pace') };
    case 'onExpiry':
      return { kind: 'onExpiry', value: oneOf(b.value, ['nothing', 'ai'] as const, 'on expiry') };
    case 'extend':
      if (typeof b.minutes !== 'number') throw new Error('added minutes are not a number');
      return { kind: 'extend', minutes: b.minutes };
    default:
      throw new Error(`a White Cell entry's undo "${String(b.kind)}" is not known`);
  }
}

/** Reads one event of the log back; an event this server does not understand is an error, never skipped. */
export function decodeEvent(kind: string, body: unknown): RoomEvent {
  const b = isObj(body) ? body : {};
  switch (kind) {
    case 'intent':
      // The engine judges the intent again when it is replayed.
      if (!isObj(b.intent)) throw new Error('an intent event holds no intent');
      return {
        kind,
        intent: b.intent as unknown as Intent,
        ...(typeof b.round === 'number' ? { round: b.round } : {}),
        ...(typeof b.step === 'string' ? { step: b.step } : {}),
      };
    case 'start':
      return { kind };
    case 'claim':
      return { kind, delegation: str(b, 'delegation'), team: str(b, 'team'), tokenHash: str(b, 'tokenHash') };
    case 'release':
      return { kind, delegation: str(b, 'delegation') };
    case 'unclaim':
      return { kind, delegation: str(b, 'delegation'), tokenHash: str(b, 'tokenHash'), team: b.team === null ? null : str(b, 'team') };
    case 'seatMode':
      return {
        kind,
        delegation: str(b, 'delegation'),
        mode: oneOf(b.mode, ['open', 'human', 'ai'] as const, 'seat mode'),
        ...(b.persona === undefined ? {} : { persona: persona(b.persona) }),
      };
    case 'persona':
      return { kind, delegation: str(b, 'delegation'), persona: persona(b.persona) };
    case 'seat':
      return { kind, ...seatBack(b) };
    case 'clocks': {
      const minutes = b.minutes;
      if (minutes !== null && typeof minutes !== 'number') throw new Error('clock minutes are not a number');
      return { kind, step: oneOf(b.step, STEP_CLOCKS, 'clocked step'), minutes };
    }
    case 'onExpiry':
      return { kind, value: oneOf(b.value, ['nothing', 'ai'] as const, 'on expiry') };
    case 'pace': {
      const seconds = b.seconds;
      if (seconds !== null && typeof seconds !== 'number') throw new Error('the AI pace is not a number');
      return { kind, seconds };
    }
    case 'projector':
      return { kind, mode: oneOf(b.mode, ['live', 'hotwash'] as const, 'projector mode') };
    case 'clock':
      return { kind, clock: clockState(body) };
    case 'chat':
      return { kind, line: chatLine(body) };
    case 'whiteCell': {
      const en = isObj(b.entry) ? b.entry : {};
      if (typeof en.at !== 'number' || typeof en.round !== 'number') throw new Error('a White Cell entry has no time or round');
      return {
        kind,
        entry: {
          at: en.at,
          round: en.round,
          step: str(en, 'step'),
          text: str(en, 'text'),
          ...(typeof en.reason === 'string' ? { reason: en.reason } : {}),
          ...(en.was === undefined ? {} : { was: roomUndo(en.was) }),
          ...(typeof en.undoes === 'number' ? { undoes: en.undoes } : {}),
        },
      };
    }
    case 'held':
      return { kind, line: chatLine(b.line) };
    case 'released':
      return { kind, id: str(b, 'id'), approved: b.approved === true };
    case 'moderation':
      return { kind, text: str(b, 'text') };
    default:
      throw new Error(`unknown event kind "${kind}"`);
  }
}
