// The room protocol between the browser and the server (socket.io events). Everything a client
// sends is checked with these schemas on the server before anything else happens.
import { z } from 'zod/mini';
import type { GameView, Scenario } from '../engine';
import type { ViewPatch } from './viewPatch';

const text = (max: number, min = 0) => z.string().check(z.minLength(min), z.maxLength(max));
const delegationId = text(48, 1);
/** A client's message id: applied once, however often it is sent again. */
const messageId = text(64, 8);

/** Join codes: 8 letters and digits without look-alikes (0/O, 1/I/L), shown as XXXX-XXXX. */
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const CODE_LENGTH = 8;
export const normalizeCode = (raw: string) => raw.toUpperCase().replace(/[^0-9A-Z]/g, '');
export const formatCode = (code: string) => `${code.slice(0, 4)}-${code.slice(4)}`;

/** The largest message a client may send (bytes of JSON); larger ones are refused. */
export const MAX_MESSAGE_BYTES = 16 * 1024;

export const displayName = text(40, 1);

export const createRoomMessage = z.strictObject({
  name: displayName,
  seed: z.optional(z.int().check(z.minimum(0), z.maximum(2 ** 31 - 1))),
});

export const joinMessage = z.strictObject({
  code: text(16, 4),
  as: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('facilitator'), key: text(64, 16) }),
    z.strictObject({ kind: z.literal('seat'), token: text(64, 16) }),
    z.strictObject({ kind: z.literal('lobby') }),
    z.strictObject({ kind: z.literal('projector') }),
  ]),
  name: z.optional(displayName),
});

export const claimMessage = z.strictObject({ delegation: delegationId, name: displayName });

export const intentMessage = z.strictObject({
  id: messageId,
  /** The room version of the view the intent was made from. */
  version: z.int().check(z.minimum(0)),
  intent: z.unknown(),
});

export const chatTo = z.union([z.literal('all'), z.literal('team'), z.array(delegationId).check(z.minLength(1), z.maxLength(8))]);
export const chatMessage = z.strictObject({ id: messageId, to: chatTo, text: text(1000, 1) });

export const STEP_CLOCKS = ['negotiation', 'commit'] as const;
export type ClockedStep = (typeof STEP_CLOCKS)[number];
/** A clock runs from one minute to two weeks (a game played between lessons). */
const MAX_CLOCK_MINUTES = 14 * 24 * 60;

export const roomAction = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('start') }),
  z.strictObject({
    kind: z.literal('clock'),
    step: z.enum(STEP_CLOCKS),
    minutes: z.nullable(z.number().check(z.minimum(0.1), z.maximum(MAX_CLOCK_MINUTES))),
  }),
  z.strictObject({ kind: z.literal('extend'), minutes: z.number().check(z.minimum(-60), z.maximum(MAX_CLOCK_MINUTES)) }),
  z.strictObject({ kind: z.literal('onExpiry'), value: z.enum(['nothing', 'ai']) }),
  z.strictObject({ kind: z.literal('seatMode'), delegation: delegationId, mode: z.enum(['ai', 'human']) }),
  z.strictObject({ kind: z.literal('releaseSeat'), delegation: delegationId }),
]);
export const roomActionMessage = z.strictObject({ id: messageId, action: roomAction });

export type CreateRoomMessage = z.infer<typeof createRoomMessage>;
export type JoinMessage = z.infer<typeof joinMessage>;
export type IntentMessage = z.infer<typeof intentMessage>;
export type ChatTo = z.infer<typeof chatTo>;
export type RoomAction = z.infer<typeof roomAction>;

export type Role = { kind: 'facilitator' } | { kind: 'seat'; delegation: string } | { kind: 'lobby' } | { kind: 'projector' };

export type Ack<T = object> = ({ ok: true } & T) | { ok: false; code: ErrorCode; reason: string };
export type ErrorCode = 'malformed' | 'too-large' | 'throttled' | 'forbidden' | 'not-found' | 'stale' | 'refused' | 'unavailable';

export interface SeatInfo {
  delegation: string;
  mode: 'ai' | 'human' | 'open';
  /** Names of the devices holding the seat now (online) and the team's name. */
  team: string | null;
  online: string[];
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
}

export interface PublicNote {
  round: number;
  delegation: string;
  text: string;
  sealed: boolean;
}

/** The whole picture for one client: sent on join and after a stale intent. */
export interface SyncMessage {
  version: number;
  role: Role;
  scenario: Scenario;
  view: GameView;
  /** The sequence number of this view: patches apply to it in order. */
  viewSeq: number;
  room: RoomInfo;
  messages: ChatLine[];
  notes: PublicNote[];
  thinking: string[];
}

/** What changed: the audience's view (as a patch of the last one), room info, or new chat lines. */
export interface UpdateMessage {
  version: number;
  patch?: ViewPatch;
  scenario?: Scenario;
  room?: RoomInfo;
  messages?: ChatLine[];
  notes?: PublicNote[];
  thinking?: string[];
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
  /** Asks for the whole picture again (a patch did not fit the view this client holds). */
  'room.sync'(m: unknown, ack: (r: Ack) => void): void;
}
