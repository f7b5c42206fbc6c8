// The schemas (zod/mini) of every message a client sends to a room: checked first, before the
// seat, the version or the engine look at it. Their types must match the protocol's.
import { z } from 'zod/mini';
import { DIFFICULTIES, PERSONALITIES } from '../ai/persona';
import { talkModelInput } from '../ai/talk/model';
import { evaluationEntrySchema } from '../report/evaluation';
import { STEP_CLOCKS, type ChatTo, type RoomAction } from '../net/protocol';

const text = (max: number, min = 0) => z.string().check(z.minLength(min), z.maxLength(max));
const delegationId = text(48, 1);
/** A client's message id: applied once, however often it is sent again. */
const messageId = text(64, 8);

export const displayName = text(40, 1);

export const personaSchema = z.strictObject({ personality: z.enum(PERSONALITIES), difficulty: z.enum(DIFFICULTIES) });

export const createRoomMessage = z.strictObject({
  name: displayName,
  seed: z.optional(z.int().check(z.minimum(0), z.maximum(2 ** 31 - 1))),
  /** The AI's persona per seat, chosen as the room is made. */
  personas: z.optional(z.record(delegationId, personaSchema)),
  /** The server's facilitator key (INTERLOCK_FACILITATOR_KEY), when it has one. */
  key: z.optional(text(128, 1)),
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
  /** The scenario the page holds already (the key of its last sync): the sync leaves it out if it is still the one. */
  scenarioKey: z.optional(text(512, 1)),
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
export const olderChatMessage = z.strictObject({ before: messageId });

/** A facilitator's AI pace: never quicker than people can follow, never slower than an hour a step. */
export const MIN_PACE_SECONDS = 5;
const MAX_PACE_SECONDS = 3600;

/** A clock runs from six seconds (tests, drills) to two weeks (a game played between lessons). */
const MAX_CLOCK_MINUTES = 14 * 24 * 60;

export const roomAction = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('start') }),
  z.strictObject({
    kind: z.literal('clock'),
    step: z.enum(STEP_CLOCKS),
    minutes: z.nullable(z.number().check(z.minimum(0.1), z.maximum(MAX_CLOCK_MINUTES))),
  }),
  z.strictObject({
    kind: z.literal('extend'),
    minutes: z.number().check(z.minimum(-60), z.maximum(MAX_CLOCK_MINUTES)),
    reason: z.optional(text(400)),
  }),
  z.strictObject({ kind: z.literal('onExpiry'), value: z.enum(['nothing', 'ai']) }),
  z.strictObject({
    kind: z.literal('seatMode'),
    delegation: delegationId,
    mode: z.enum(['ai', 'human']),
    persona: z.optional(personaSchema),
    reason: z.optional(text(400)),
  }),
  z.strictObject({ kind: z.literal('persona'), delegation: delegationId, persona: personaSchema }),
  z.strictObject({ kind: z.literal('releaseSeat'), delegation: delegationId, reason: z.optional(text(400)) }),
  z.strictObject({ kind: z.literal('pace'), seconds: z.nullable(z.int().check(z.minimum(MIN_PACE_SECONDS), z.maximum(MAX_PACE_SECONDS))) }),
  z.strictObject({ kind: z.literal('projector'), mode: z.enum(['live', 'hotwash']) }),
  z.strictObject({ kind: z.literal('undo'), act: z.string().check(z.regex(/^(game|room):\d{1,7}$/)), reason: z.optional(text(400)) }),
]);
export const roomActionMessage = z.strictObject({ id: messageId, action: roomAction });

/** The facilitator's language model for the room (talkModelInput checks the address), or none; no `set`: a question. */
export const roomModelMessage = z.strictObject({ set: z.optional(z.nullable(talkModelInput)) });

// The schemas accept exactly the protocol's types (a compile-time check).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameChatTo: Same<z.infer<typeof chatTo>, ChatTo> = true;
const sameAction: Same<z.infer<typeof roomAction>, RoomAction> = true;
void sameChatTo;
void sameAction;

/** The White Cell saves its evaluation of one exercise objective (the entry whole). */
export const evaluationSaveMessage = z.strictObject({ id: messageId, objective: text(48, 1), entry: evaluationEntrySchema });
