// An optional language model behind an OpenAI-compatible endpoint (/v1/chat/completions: Ollama,
// llama.cpp's server, vLLM). It never decides. It may (1) word a reply the AI has already decided,
// and (2) propose a reading of a message the offline reader did not understand. Both are checked:
// a worded reply must read back (offline) to exactly the decided acts and name no secret, a
// proposed reading must pass the game's own intent schema and name the scenario's own moves.
// Anything else, a timeout or an error, and the offline result stands.
import { z } from 'zod/mini';
import { catalog, intentSchema, type Intent, type Scenario } from '../../engine';
import { parseMessage, type TalkIntent } from './parse';

export interface ModelSettings {
  /** The server's address ("http://127.0.0.1:11434") or the full /v1/chat/completions address. */
  url: string;
  model: string;
  /** Sent as a bearer token; kept where the settings are (the server, in rooms). */
  key?: string;
  timeoutMs?: number;
}

/** An http(s) address a server can be reached at, with no user or password in it (a key has its own field). */
function isEndpoint(url: string): boolean {
  try {
    const u = new URL(url);
    return (u.protocol === 'http:' || u.protocol === 'https:') && !u.username && !u.password;
  } catch {
    return false;
  }
}

/** What a person typing an address (a room's facilitator, the solo player) is told when it is refused. */
export const ENDPOINT_PROBLEM =
  'the model’s address must be an http:// or https:// address, such as http://127.0.0.1:11434 (a key goes in its own field)';

const TIMEOUT_RANGE = 'the timeout is from 1 to 60 seconds';

/** The settings a facilitator or a solo player types: checked at the boundary. */
export const talkModelInput = z.strictObject({
  url: z.string().check(
    z.maxLength(500, 'an address of at most 500 characters'),
    z.refine((u) => isEndpoint(u.trim()), { message: ENDPOINT_PROBLEM }),
  ),
  model: z.string().check(z.minLength(1, 'the model needs a name'), z.maxLength(100, 'a model name of at most 100 characters')),
  key: z.optional(z.string().check(z.maxLength(500, 'a key of at most 500 characters'))),
  /** How long a reply may take before the offline one is used (1–60 s; 8 s when not given). */
  timeoutSeconds: z.optional(
    z.int('the timeout is a whole number of seconds').check(z.minimum(1, TIMEOUT_RANGE), z.maximum(60, TIMEOUT_RANGE)),
  ),
});
export type TalkModelInput = z.infer<typeof talkModelInput>;

export function modelSettings(input: TalkModelInput): ModelSettings {
  const key = input.key?.trim();
  return {
    url: input.url.trim(),
    model: input.model.trim(),
    ...(key ? { key } : {}),
    ...(input.timeoutSeconds ? { timeoutMs: input.timeoutSeconds * 1000 } : {}),
  };
}

/** What a facilitator is told of a room's model: never the key, only whether there is one. */
export interface TalkModelInfo {
  url: string;
  model: string;
  key: boolean;
  timeoutSeconds: number;
}

export const modelInfo = (s: ModelSettings): TalkModelInfo => ({
  url: s.url,
  model: s.model,
  key: !!s.key,
  timeoutSeconds: Math.round((s.timeoutMs ?? 8000) / 1000),
});

const completion = z.object({ choices: z.array(z.object({ message: z.object({ content: z.string() }) })).check(z.minLength(1)) });

export function endpointOf(url: string): string {
  const trimmed = url.replace(/\/+$/, '');
  return /\/chat\/completions$/.test(trimmed) ? trimmed : `${trimmed}${/\/v1$/.test(trimmed) ? '' : '/v1'}/chat/completions`;
}

/** One completion, or an error (network, timeout, a malformed answer). */
async function complete(settings: ModelSettings, system: string, user: string): Promise<string> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), settings.timeoutMs ?? 8000);
  try {
    const res = await fetch(endpointOf(settings.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(settings.key ? { authorization: `Bearer ${settings.key}` } : {}) },
      body: JSON.stringify({
        model: settings.model,
        temperature: 0,
        max_tokens: 400,
        messages: [
          { role: 'system', content: system },
          { role: 'user', content: user },
        ],
      }),
      signal: abort.signal,
    });
    if (!res.ok) throw new Error(`the model answered ${res.status}`);
    const body = completion.safeParse(await res.json());
    if (!body.success) throw new Error('the model sent no completion');
    return (body.data.choices[0]?.message.content ?? '').trim();
  } finally {
    clearTimeout(timer);
  }
}

/** What an intent commits to, as one line: the same for a reply's acts and for what its words read as. */
function commitments(intents: ReadonlyArray<Intent | TalkIntent>): string[] {
  const out: string[] = [];
  for (const i of intents) {
    if (i.type === 'package.propose' || i.type === 'package.counter')
      out.push(
        `package ${i.steps
          .map((s) => s.move)
          .sort()
          .join(',')}`,
      );
    else if (i.type === 'package.accept' || i.type === 'package.reject') out.push(`${i.type} ${i.package}`);
  }
  return out.sort();
}

export interface WordingRequest {
  scenario: Scenario;
  /** The AI delegation that replies, and the one it answers. */
  me: string;
  to: string;
  /** The offline reply, decided and complete. */
  reply: string;
  /** What the AI did before replying (its reply must read as exactly these). */
  acts: readonly Intent[];
}

export type Worded = { text: string; by: 'model' } | { text: string; by: 'offline'; why: string };

/** The decided reply in the model's words, or the offline reply when those words say anything else. */
export async function wordReply(settings: ModelSettings, req: WordingRequest): Promise<Worded> {
  const { scenario, me, to } = req;
  const cat = catalog(scenario);
  const name = (d: string) => cat.delegation.get(d)?.short ?? d;
  let text: string;
  try {
    text = await complete(
      settings,
      `You speak for the delegation ${name(me)} in a negotiation game. Rewrite the reply you are given to ${name(to)} in plain, courteous diplomatic English, at most 80 words. Keep every act it states, with the same package numbers and the same moves by their names; add no offer, promise, acceptance or refusal; reveal nothing else.`,
      req.reply,
    );
  } catch (err) {
    return { text: req.reply, by: 'offline', why: (err as Error).message };
  }
  if (!text || text.length > 600) return { text: req.reply, by: 'offline', why: 'the wording is empty or too long' };
  const secrets = cat.delegation.get(me)?.secretObjectives.map((o) => o.text.toLowerCase()) ?? [];
  const lower = text.toLowerCase();
  if (/secret|objective/.test(lower) || secrets.some((s) => lower.includes(s)))
    return { text: req.reply, by: 'offline', why: 'the wording touches a secret' };
  const read = parseMessage({ scenario, from: me, to }, text);
  if (JSON.stringify(commitments(read.intents)) !== JSON.stringify(commitments(req.acts)))
    return { text: req.reply, by: 'offline', why: 'the wording does not read back as what was decided' };
  return { text, by: 'model' };
}

const question = z.strictObject({ type: z.literal('question'), actor: z.string(), about: z.string() });
const ALLOWED = new Set(['package.propose', 'package.counter', 'package.accept', 'package.reject', 'question']);

export interface ParseRequest {
  scenario: Scenario;
  from: string;
  to: string;
  text: string;
}

/** The model's reading of a message, when it passes the schema and names only the sender and real moves; else null. */
export async function proposeParse(settings: ModelSettings, req: ParseRequest): Promise<TalkIntent[] | null> {
  const { scenario, from, to } = req;
  const cat = catalog(scenario);
  const moves = scenario.moves.map((m) => `${m.id} (${cat.delegation.get(m.delegation)?.short}): ${m.name}`).join('\n');
  let raw: string;
  try {
    raw = await complete(
      settings,
      `Read a message from the delegation "${from}" to "${to}" in a negotiation game as JSON: {"intents":[...]}. Each intent is one of {"type":"package.propose","actor":"${from}","steps":[{"delegation","move"}],"window":1}, {"type":"package.accept"|"package.reject","actor":"${from}","package":N}, {"type":"package.counter","actor":"${from}","package":N,"steps":[...],"window":1}, {"type":"question","actor":"${from}","about":"<delegation id>"}. Use only these moves:\n${moves}\nAnswer with the JSON only; an empty list if the message offers nothing.`,
      req.text,
    );
  } catch {
    return null;
  }
  let json: unknown;
  try {
    json = JSON.parse(raw.slice(raw.indexOf('{'), raw.lastIndexOf('}') + 1));
  } catch {
    return null;
  }
  const list = (json as { intents?: unknown } | null)?.intents;
  if (!Array.isArray(list) || list.length === 0 || list.length > 4) return null;
  const out: TalkIntent[] = [];
  for (const item of list) {
    const type = (item as { type?: unknown } | null)?.type;
    if (typeof type !== 'string' || !ALLOWED.has(type)) return null;
    if (type === 'question') {
      const q = question.safeParse(item);
      if (!q.success || q.data.actor !== from || !cat.delegation.has(q.data.about)) return null;
      out.push({ type: 'question', actor: from, about: q.data.about });
      continue;
    }
    const r = intentSchema.safeParse(item);
    if (!r.success) return null;
    const i = r.data as Intent;
    // The sender's own words only: a reading never speaks for the recipient or anyone else.
    if (i.actor !== from) return null;
    if (i.type === 'package.propose' || i.type === 'package.counter') {
      if (i.steps.some((s) => cat.move.get(s.move)?.delegation !== s.delegation)) return null;
      const steps = i.steps.map((s) => ({ delegation: s.delegation, move: s.move }));
      const window = Math.min(3, Math.max(1, i.window));
      out.push(
        i.type === 'package.propose'
          ? { type: i.type, actor: from, steps, window }
          : { type: i.type, actor: from, package: i.package, steps, window },
      );
    } else if (i.type === 'package.accept' || i.type === 'package.reject') out.push({ type: i.type, actor: from, package: i.package });
    else return null;
  }
  return out;
}
