// Zod schemas for intents: the boundary check for log files and network messages. The engine's
// checkIntent then judges whether a well-formed intent is legal in the current state.
import { z } from 'zod';
import { effects, outcome } from './scenario/schema';
import type { Intent } from './types';

const name = z.string().min(1).max(48);
const intId = z.number().int().min(0).max(1_000_000);
const step = z.strictObject({ delegation: name, move: name, after: z.number().int().min(0).max(7).optional() });
const steps = z.array(step).min(1).max(8);
const reason = z.string().max(400).optional();
const facilitator = z.literal('facilitator');

const commit = z.strictObject({
  moves: z.array(name).max(10),
  defect: z.array(name).max(10),
  allocation: z
    .strictObject({ inspections: z.record(name, z.number().int().min(0).max(20)), observers: z.record(name, z.number().int().min(0).max(20)) })
    .optional(),
  retaliate: z.strictObject({ incident: intId, against: name }).optional(),
});

export const intentSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('package.propose'), actor: name, steps, window: z.number().int(), note: z.string().max(400).optional() }),
  z.strictObject({ type: z.literal('package.accept'), actor: name, package: intId, reason }),
  z.strictObject({ type: z.literal('package.reject'), actor: name, package: intId, reason }),
  z.strictObject({ type: z.literal('package.counter'), actor: name, package: intId, steps, window: z.number().int(), reason }),
  z.strictObject({ type: z.literal('negotiation.ready'), actor: name }),
  z.strictObject({ type: z.literal('commit.submit'), actor: name, commit, by: z.string().max(60).optional() }),
  z.strictObject({ type: z.literal('council.penalize'), actor: name, incident: intId, penalty: name }),
  z.strictObject({ type: z.literal('council.vote'), actor: name, motion: intId, yes: z.boolean() }),
  z.strictObject({ type: z.literal('step.close'), actor: z.enum(['facilitator', 'system']) }),
  z.strictObject({ type: z.literal('facilitator.pause'), actor: facilitator }),
  z.strictObject({ type: z.literal('facilitator.resume'), actor: facilitator }),
  z.strictObject({
    type: z.literal('facilitator.inject'),
    actor: facilitator,
    inject: z.union([
      name,
      z.strictObject({
        title: z.string().min(1).max(80),
        text: z.string().min(1).max(600),
        audience: z.union([z.literal('all'), z.array(name).min(1)]),
        effects,
      }),
    ]),
  }),
  z.strictObject({
    type: z.literal('facilitator.override'),
    actor: facilitator,
    override: z.discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('attribution'), incident: intId, sponsor: name.nullable() }),
      z.strictObject({ kind: z.literal('cancelIncident'), incident: intId }),
      z.strictObject({ kind: z.literal('verification'), move: name, result: z.enum(['verified', 'violation']) }),
    ]),
  }),
  z.strictObject({
    type: z.literal('facilitator.reveal'),
    actor: facilitator,
    what: z.enum(['incident', 'defections', 'objectives']),
    incident: intId.optional(),
    to: name,
  }),
  z.strictObject({ type: z.literal('facilitator.end'), actor: facilitator, outcome, reason }),
]);

/** Parses an untrusted value as an intent; the error names the path of the first problem. */
export function parseIntent(value: unknown): { ok: true; intent: Intent } | { ok: false; error: string } {
  const r = intentSchema.safeParse(value);
  if (r.success) return { ok: true, intent: r.data as Intent };
  const first = r.error.issues[0];
  return { ok: false, error: first ? `${first.path.join('.') || '(intent)'}: ${first.message}` : 'malformed intent' };
}
