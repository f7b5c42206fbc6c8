// Zod schemas for intents: the boundary check for log files and network messages. The engine's
// checkIntent then judges whether a well-formed intent is legal in the current state.
import { int, str, z } from './zod';
import { effects, outcome } from './scenario/schema';
import type { Intent } from './types';
import { MAX_TALK_TEXT } from './talk';

const name = str(48, 1);
const intId = int(0, 1_000_000);
/** Steps a package may hold (a sequenced step names an earlier one by its index). */
export const MAX_PACKAGE_STEPS = 8;
const step = z.strictObject({ delegation: name, move: name, after: z.optional(int(0, MAX_PACKAGE_STEPS - 1)) });
const steps = z.array(step).check(z.minLength(1), z.maxLength(MAX_PACKAGE_STEPS));
const reason = z.optional(str(400));
const facilitator = z.literal('facilitator');

const commit = z.strictObject({
  moves: z.array(name).check(z.maxLength(10)),
  defect: z.array(name).check(z.maxLength(10)),
  allocation: z.optional(z.strictObject({ inspections: z.record(name, int(0, 20)), observers: z.record(name, int(0, 20)) })),
  retaliate: z.optional(z.strictObject({ incident: intId, against: name })),
});

export const intentSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('package.propose'), actor: name, steps, window: z.int(), note: z.optional(str(400)) }),
  z.strictObject({ type: z.literal('package.accept'), actor: name, package: intId, reason }),
  z.strictObject({ type: z.literal('package.reject'), actor: name, package: intId, reason }),
  z.strictObject({ type: z.literal('package.counter'), actor: name, package: intId, steps, window: z.int(), reason }),
  // `reason`: why the delegation did it, in plain words (AI delegations always give one; kept in the log).
  z.strictObject({ type: z.literal('negotiation.ready'), actor: name, reason }),
  z.strictObject({ type: z.literal('commit.submit'), actor: name, commit, by: z.optional(str(60)), reason, secretReason: reason }),
  z.strictObject({ type: z.literal('council.penalize'), actor: name, incident: intId, penalty: name, reason }),
  z.strictObject({ type: z.literal('council.vote'), actor: name, motion: intId, yes: z.boolean(), reason }),
  z.strictObject({
    type: z.literal('dispute.file'),
    actor: name,
    finding: z.discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('attribution'), incident: intId }),
      z.strictObject({ kind: z.literal('violation'), move: name, round: int(0, 1000) }),
    ]),
    statement: z.optional(str(400)),
    reason,
  }),
  z.strictObject({ type: z.literal('dispute.answer'), actor: name, dispute: intId, concede: z.boolean(), reason }),
  z.strictObject({ type: z.literal('dispute.comply'), actor: name, dispute: intId, reason }),
  z.strictObject({
    type: z.literal('talk.say'),
    actor: name,
    to: z.array(name).check(z.minLength(1), z.maxLength(8)),
    text: str(MAX_TALK_TEXT, 1),
    reply: z.optional(z.boolean()),
  }),
  z.strictObject({ type: z.literal('step.close'), actor: z.enum(['facilitator', 'system']) }),
  z.strictObject({ type: z.literal('facilitator.pause'), actor: facilitator }),
  z.strictObject({ type: z.literal('facilitator.resume'), actor: facilitator }),
  z.strictObject({
    type: z.literal('facilitator.inject'),
    actor: facilitator,
    inject: z.union([
      name,
      z.strictObject({
        title: str(80, 1),
        text: str(600, 1),
        audience: z.union([z.literal('all'), z.array(name).check(z.minLength(1))]),
        effects,
      }),
    ]),
    reason,
  }),
  z.strictObject({
    type: z.literal('facilitator.override'),
    actor: facilitator,
    override: z.discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('attribution'), incident: intId, sponsor: z.nullable(name) }),
      z.strictObject({ kind: z.literal('cancelIncident'), incident: intId }),
      z.strictObject({ kind: z.literal('verification'), move: name, result: z.enum(['verified', 'violation']) }),
    ]),
    reason,
  }),
  z.strictObject({
    type: z.literal('facilitator.reveal'),
    actor: facilitator,
    what: z.enum(['incident', 'defections', 'objectives']),
    incident: z.optional(intId),
    whose: z.optional(name),
    to: name,
    reason,
  }),
  z.strictObject({ type: z.literal('facilitator.end'), actor: facilitator, outcome, reason }),
  z.strictObject({
    type: z.literal('facilitator.msel'),
    actor: facilitator,
    changes: z
      .array(
        z.discriminatedUnion('kind', [
          z.strictObject({ kind: z.literal('hold'), inject: name }),
          z.strictObject({ kind: z.literal('release'), inject: name }),
          z.strictObject({ kind: z.literal('cancel'), inject: name }),
          z.strictObject({ kind: z.literal('reschedule'), inject: name, round: z.nullable(int(1, 40)) }),
          z.strictObject({
            kind: z.literal('add'),
            event: z.strictObject({
              id: name,
              title: str(80, 1),
              text: str(600, 1),
              audience: z.union([z.literal('all'), z.array(name).check(z.minLength(1), z.maxLength(8))]),
              effects,
              round: z.optional(int(1, 40)),
              expected: z.optional(str(600)),
              notes: z.optional(str(600)),
            }),
          }),
        ]),
      )
      .check(z.minLength(1), z.maxLength(200)),
  }),
  z.strictObject({ type: z.literal('facilitator.undo'), actor: facilitator, seq: intId, reason }),
]);

/** Parses an untrusted value as an intent; the error names the path of the first problem. */
export function parseIntent(value: unknown): { ok: true; intent: Intent } | { ok: false; error: string } {
  const r = intentSchema.safeParse(value);
  if (r.success) return { ok: true, intent: r.data as Intent };
  const first = r.error.issues[0];
  return { ok: false, error: first ? `${first.path.join('.') || '(intent)'}: ${first.message}` : 'malformed intent' };
}
