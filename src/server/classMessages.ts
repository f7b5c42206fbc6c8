// The schemas (zod/mini) of every class message: checked before anything else looks at it.
import { z } from 'zod/mini';
import { PRESETS, type ClassSettings, type StudentWork, type TeacherCommand } from '../net/classProtocol';
import { MAX_TABLES } from './classPlan';
import { personaSchema } from './messages';

const text = (max: number, min = 0) => z.string().check(z.minLength(min), z.maxLength(max));
const messageId = text(64, 8);
const classId = text(16, 8);
const teacherKey = text(64, 16);
const studentToken = text(64, 16);
const roomCode = text(16, 4);
const delegationId = text(48, 1);

const teacher = { id: classId, key: teacherKey };

export const createClassMessage = z.strictObject({
  title: text(80, 1),
  /** One student a line: 200 names of 40 characters and their wishes fit. */
  roster: text(12_000, 1),
  preset: z.enum(PRESETS),
  tables: z.optional(z.int().check(z.minimum(1), z.maximum(20))),
  persona: personaSchema,
  seed: z.optional(z.int().check(z.minimum(0), z.maximum(2 ** 31 - 100))),
  /** The server's facilitator key (INTERLOCK_FACILITATOR_KEY), when it has one. */
  serverKey: z.optional(text(128, 1)),
});

export const watchMessage = z.strictObject(teacher);

const teacherCommand = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('start') }),
  z.strictObject({ kind: z.literal('pause') }),
  z.strictObject({ kind: z.literal('resume') }),
  z.strictObject({ kind: z.literal('inject'), inject: text(64, 1) }),
  z.strictObject({ kind: z.literal('advance') }),
  z.strictObject({ kind: z.literal('end') }),
]);

export const commandMessage = z.strictObject({ ...teacher, msgId: messageId, table: z.nullable(roomCode), command: teacherCommand });

export const moveMessage = z.strictObject({ ...teacher, student: text(8, 2), table: roomCode, delegation: delegationId });

export const roleMessage = z.strictObject({ ...teacher, student: text(8, 2), table: roomCode, role: z.enum(['observer', 'press']) });

const rubric = z
  .array(
    z.strictObject({
      id: text(32, 1),
      name: text(80, 1),
      levels: z
        .array(z.strictObject({ label: text(40, 1), points: z.number().check(z.minimum(0), z.maximum(100)) }))
        .check(z.minLength(2), z.maxLength(6)),
    }),
  )
  .check(z.minLength(1), z.maxLength(10));

const moderation = z.strictObject({
  hold: z.boolean(),
  muted: z.array(text(80, 1)).check(z.maxLength(200)),
  privateOff: z.array(z.enum(['negotiation', 'commit'])).check(z.maxLength(2)),
  templates: z.array(text(200, 1)).check(z.maxLength(20)),
});

export const settingsSchema = z.strictObject({
  title: text(80, 1),
  statementRounds: z.array(z.int().check(z.minimum(1), z.maximum(40))).check(z.maxLength(10)),
  statementPrompt: text(400, 1),
  reflectionPrompts: z.array(text(400, 1)).check(z.minLength(1), z.maxLength(10)),
  rubric,
  moderation,
  extraTime: z.record(text(80, 1), z.number().check(z.minimum(0), z.maximum(60))),
});

export const releaseMessage = z.strictObject({ ...teacher, table: roomCode, message: messageId, approved: z.boolean() });

export const settingsMessage = z.strictObject({ ...teacher, settings: settingsSchema });

export const gradeMessage = z.strictObject({
  ...teacher,
  student: text(8, 2),
  levels: z.record(text(32, 1), z.int().check(z.minimum(0), z.maximum(5))),
  comment: text(1000),
});

export const locateMessage = z.strictObject({ token: studentToken });

export const studentWork = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('statement'), round: z.int().check(z.minimum(1), z.maximum(40)), text: text(2000, 1) }),
  z.strictObject({ kind: z.literal('reflection'), answers: z.array(text(2000)).check(z.minLength(1), z.maxLength(10)) }),
  z.strictObject({
    kind: z.literal('peer'),
    ratings: z
      .array(z.strictObject({ delegation: delegationId, score: z.int().check(z.minimum(1), z.maximum(5)), comment: text(500) }))
      .check(z.minLength(1), z.maxLength(8)),
  }),
  z.strictObject({ kind: z.literal('note'), text: text(2000, 1) }),
  z.strictObject({
    kind: z.literal('press'),
    id: messageId,
    text: text(600, 1),
    table: z.nullable(z.int().check(z.minimum(0), z.maximum(MAX_TABLES - 1))),
  }),
]);

export const submitMessage = z.strictObject({ token: studentToken, work: studentWork });

// The schemas accept exactly the protocol's types (a compile-time check).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameCommand: Same<z.infer<typeof teacherCommand>, TeacherCommand> = true;
const sameWork: Same<z.infer<typeof studentWork>, StudentWork> = true;
const sameSettings: Same<z.infer<typeof settingsSchema>, ClassSettings> = true;
void sameCommand;
void sameWork;
void sameSettings;
