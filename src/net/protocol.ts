// The room protocol between the browser and the server (socket.io events): the messages' types
// and limits. The server checks everything a client sends with the schemas of
// src/server/messages.ts before anything else happens.
import type { Persona } from '../ai/persona';
import type { GameView, Scenario } from '../engine';
import type { TalkModelInfo } from '../ai/talk/model';
import type { ViewPatch } from './viewPatch';
import type { EvaluationGuide } from '../report/evaluation';

/** Join codes: 8 letters and digits without look-alikes (0/O, 1/I/L), shown as XXXX-XXXX. */
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const CODE_LENGTH = 8;
export const normalizeCode = (raw: string) => raw.toUpperCase().replace(/[^0-9A-Z]/g, '');
export const formatCode = (code: string) => `${code.slice(0, 4)}-${code.slice(4)}`;

/** The largest message a client may send (bytes of JSON); larger ones are refused. */
export const MAX_MESSAGE_BYTES = 16 * 1024;

export const STEP_CLOCKS = ['negotiation', 'commit'] as const;
export type ClockedStep = (typeof STEP_CLOCKS)[number];

export type ChatTo = 'all' | 'team' | string[];

export type RoomAction =
  | { kind: 'start' }
  | { kind: 'clock'; step: ClockedStep; minutes: number | null }
  | { kind: 'extend'; minutes: number; reason?: string | undefined }
  | { kind: 'onExpiry'; value: 'nothing' | 'ai' }
  | { kind: 'seatMode'; delegation: string; mode: 'ai' | 'human'; persona?: Persona | undefined; reason?: string | undefined }
  /** Who the AI is when it plays a seat: its personality and difficulty. */
  | { kind: 'persona'; delegation: string; persona: Persona }
  | { kind: 'releaseSeat'; delegation: string; reason?: string | undefined }
  /** How fast AI seats may finish a step: null at the room's clocks, or after this many seconds (docs/architecture.md, AI pacing). */
  | { kind: 'pace'; seconds: number | null }
  /** Undo a White Cell act of this round: 'game:<log entry>' (a ruling, reveal, inject) or 'room:<record line>' (rules §10). */
  | { kind: 'undo'; act: string; reason?: string | undefined }
  /** What the wall shows: the live game, or the hot wash for the debrief. */
  | { kind: 'projector'; mode: ProjectorMode };

/** The projector's mode: the live game, or the hot wash (debrief mode). */
export type ProjectorMode = 'live' | 'hotwash';

/** One White Cell act as the console lists it, to undo it until its round resolves. */
export interface WhiteCellAct {
  /** 'game:<log entry>' or 'room:<record line>'. */
  id: string;
  round: number;
  step: string;
  /** Wall time (epoch ms), when known. */
  at: number | null;
  text: string;
  reason: string | null;
  undoable: boolean;
  undone: boolean;
  /** The line of an undo itself. */
  isUndo: boolean;
}

export type Role = { kind: 'facilitator' } | { kind: 'seat'; delegation: string } | { kind: 'lobby' } | { kind: 'projector' };

export type Ack<T = object> = ({ ok: true } & T) | { ok: false; code: ErrorCode; reason: string };
export type ErrorCode = 'malformed' | 'too-large' | 'throttled' | 'forbidden' | 'not-found' | 'stale' | 'refused' | 'unavailable';

export interface SeatInfo {
  delegation: string;
  mode: 'ai' | 'human' | 'open';
  /** Names of the devices holding the seat now (online) and the team's name. */
  team: string | null;
  online: string[];
  /** The AI's personality and difficulty when it plays this seat. */
  persona: Persona;
}

export interface ClockInfo {
  step: ClockedStep;
  /** Epoch ms when the step closes; null while paused. */
  endsAt: number | null;
  /** Ms left when paused. */
  remainingMs: number;
  totalMs: number;
}

export interface RoomInfo {
  code: string;
  started: boolean;
  seats: SeatInfo[];
  clock: ClockInfo | null;
  clocks: Record<ClockedStep, number | null>;
  onExpiry: 'nothing' | 'ai';
  /** AI seats finish a step at the clocks (null) or after this many seconds. */
  pace: number | null;
  /** What the projector shows: the live game or the hot wash (set from the console). */
  projector: ProjectorMode;
  /** Server time when this was sent, so clients can correct their clock's skew. */
  now: number;
}

export interface ChatLine {
  id: string;
  at: number;
  from: string; // a delegation id or 'facilitator'
  by: string;
  to: ChatTo;
  text: string;
  /** Where the game was when it was sent. */
  round?: number;
  step?: string;
}

export interface PublicNote {
  round: number;
  delegation: string;
  text: string;
  sealed: boolean;
  /** The AI's secret reasoning (a quiet defection); notes go to the facilitator only. */
  secret?: string;
}

/** The whole picture for one client: sent on join and after a stale intent. */
export interface SyncMessage {
  version: number;
  role: Role;
  /** Left out when the join said the page holds this scenario already (`scenarioKey`). */
  scenario?: Scenario;
  /** Which scenario this audience sees now: a page sends it back when it joins again. */
  scenarioKey: string;
  view: GameView;
  /** The sequence number of this view: patches apply to it in order. */
  viewSeq: number;
  /** The server's addresses on the local network (for join links made on the server's own machine). */
  addresses: string[];
  room: RoomInfo;
  /** The newest chat lines this client may read; `olderMessages` when there are more ('chat.older'). */
  messages: ChatLine[];
  olderMessages: boolean;
  notes: PublicNote[];
  thinking: string[];
  /** The White Cell's acts (the facilitator only), to undo them until their round resolves. */
  acts?: WhiteCellAct[];
}

/** What changed: the audience's view (as a patch of the last one), room info, or new chat lines. */
export interface UpdateMessage {
  version: number;
  patch?: ViewPatch;
  scenario?: Scenario;
  /** The key of `scenario`, with it. */
  scenarioKey?: string;
  room?: RoomInfo;
  messages?: ChatLine[];
  notes?: PublicNote[];
  thinking?: string[];
  acts?: WhiteCellAct[];
  /** The White Cell's evaluation guide as just saved (the facilitator's channel only, never a team's). */
  evaluation?: EvaluationGuide;
}

export interface ServerToClient {
  sync(m: SyncMessage): void;
  update(m: UpdateMessage): void;
  notice(m: { kind: 'error' | 'info'; text: string }): void;
}

export interface ClientToServer {
  'room.create'(m: unknown, ack: (r: Ack<{ code: string; key: string }>) => void): void;
  'room.join'(m: unknown, ack: (r: Ack<{ role: Role }>) => void): void;
  'seat.claim'(m: unknown, ack: (r: Ack<{ token: string }>) => void): void;
  intent(m: unknown, ack: (r: Ack) => void): void;
  'chat.send'(m: unknown, ack: (r: Ack) => void): void;
  'room.action'(m: unknown, ack: (r: Ack) => void): void;
  'log.download'(m: unknown, ack: (r: Ack<{ log: unknown }>) => void): void;
  /** The page of chat lines before the line `before` (the oldest this client holds). */
  'chat.older'(m: unknown, ack: (r: Ack<{ messages: ChatLine[]; more: boolean }>) => void): void;
  /** The White Cell's exercise evaluation guide (the facilitator only; a save reaches the other facilitator pages as an update). */
  'evaluation.get'(m: unknown, ack: (r: Ack<{ evaluation: EvaluationGuide }>) => void): void;
  /** Saves the evaluation of one exercise objective: { id, objective, entry }. */
  'evaluation.save'(m: unknown, ack: (r: Ack<{ evaluation: EvaluationGuide }>) => void): void;
  /** Asks for the whole picture again (a patch did not fit the view this client holds). */
  'room.sync'(m: unknown, ack: (r: Ack) => void): void;
  /**
   * The facilitator's language model for this room's AI messages: `set` replaces it (null: none),
   * no `set` only asks. The answer never carries the key, only whether there is one.
   */
  'room.model'(m: unknown, ack: (r: Ack<{ model: TalkModelInfo | null; server: boolean }>) => void): void;
}
