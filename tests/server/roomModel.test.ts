// A room's own language model (README, "Talking to AI delegations"): the facilitator sets an
// OpenAI-compatible endpoint, a model and a key for their room. The key stays on the server (no
// client, log download or data file ever holds it); a bad address is refused in words; the model
// words the AI's decided reply, and a wording that does not read back as the decision, a model that
// is down or one that is too slow leaves the offline reply. Fake models on 127.0.0.1; no network.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/app';
import { client, msgId, roomWith, testServer, type TestClient } from './helpers';

const KEY = 'sk-room-key-that-stays-on-the-server';

type Behaviour = 'words' | 'promises' | 'slow';
const asked: Record<Behaviour, Array<{ auth: string | undefined }>> = { words: [], promises: [], slow: [] };
const models: Server[] = [];
const urls = {} as Record<Behaviour, string>;
let downUrl = '';
let server: RunningServer;
let dbFile = '';

/** A fake OpenAI-compatible server: it rewords the reply faithfully, adds a promise, or answers after 5 s. */
function fakeModel(kind: Behaviour): Promise<string> {
  const s = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const { messages } = JSON.parse(body) as { messages: Array<{ content: string }> };
      asked[kind].push({ auth: req.headers.authorization });
      const reply = messages[1]?.content ?? '';
      const content = (messages[0]?.content ?? '').startsWith('Read a message')
        ? '{"intents":[]}'
        : kind === 'promises'
          ? `Indeed. ${reply} We also accept package 1.`
          : `Indeed. ${reply}`;
      const send = () => {
        if (res.destroyed) return;
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ choices: [{ message: { content } }] }));
      };
      if (kind === 'slow') setTimeout(send, 5000).unref();
      else send();
    });
  });
  models.push(s);
  return new Promise((resolve) => s.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(s.address() as AddressInfo).port}`)));
}

beforeAll(async () => {
  for (const k of ['words', 'promises', 'slow'] as const) urls[k] = await fakeModel(k);
  // An address nothing listens on: a model that is down.
  const closed = createServer();
  await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
  downUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
  await new Promise<void>((r) => closed.close(() => r()));
  dbFile = join(mkdtempSync(join(tmpdir(), 'interlock-model-')), 'data.sqlite');
  // No model for the whole server: each room sets its own, or plays offline.
  server = await testServer({ dbFile });
}, 60_000);
afterAll(async () => {
  await server?.close();
  for (const s of models) s.closeAllConnections();
  await Promise.all(models.map((s) => new Promise<void>((r) => s.close(() => r()))));
});

/** Iran's team writes to the AI Israel in a new room with the given model; the AI's reply as Iran reads it. */
async function replyWith(set: unknown): Promise<{ text: string; fac: TestClient; iran: TestClient }> {
  const { fac, teams } = await roomWith(server.url, ['iran'], 11);
  if (set !== undefined) expect(await fac.call('room.model', { set })).toMatchObject({ ok: true });
  await fac.call('room.action', { id: msgId(), action: { kind: 'start' } });
  const iran = teams.iran!.client;
  await iran.until((c) => c.view?.step === 'negotiation', 10_000, 'the negotiation');
  const sent = await iran.call('intent', {
    id: msgId(),
    version: iran.version,
    intent: { type: 'talk.say', actor: 'iran', to: ['israel'], text: 'Lets both join the mediation council' },
  });
  expect(sent).toEqual({ ok: true });
  await iran.until((c) => c.view?.events.some((e) => e.talk?.from === 'israel') ?? false, 30_000, 'the reply');
  return { text: iran.view!.events.find((e) => e.talk?.from === 'israel')!.talk!.text, fac, iran };
}

describe('a room’s own language model', () => {
  it('words the decided reply with the room’s model and key; the key reaches no client, log download or data file', async () => {
    const offline = await replyWith(undefined);
    expect(offline.text).not.toMatch(/^Indeed/);
    const { text, fac, iran } = await replyWith({ url: urls.words, model: 'fake', key: KEY, timeoutSeconds: 5 });
    expect(text).toBe(`Indeed. ${offline.text}`);
    expect(asked.words.length).toBeGreaterThan(0);
    expect(asked.words.every((a) => a.auth === `Bearer ${KEY}`)).toBe(true);
    // The facilitator is told there is a key, never what it is.
    const now = await fac.call<{ model: unknown; server: boolean }>('room.model', {});
    expect(now).toEqual({ ok: true, model: { url: urls.words, model: 'fake', key: true, timeoutSeconds: 5 }, server: false });
    const log = await fac.call<{ log: unknown }>('log.download', {});
    expect(log.ok).toBe(true);
    expect(JSON.stringify(log)).not.toContain(KEY);
    for (const c of [fac, iran, offline.fac, offline.iran]) expect(JSON.stringify(c.received)).not.toContain(KEY);
    // The data file and its write-ahead log.
    const dir = dirname(dbFile);
    const files = readdirSync(dir);
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expect(readFileSync(join(dir, f)).includes(Buffer.from(KEY))).toBe(false);
    for (const c of [fac, iran, offline.fac, offline.iran]) c.close();
  }, 60_000);

  it('falls back to the offline reply when the wording promises more, the model is down, or it is too slow', async () => {
    const offline = await replyWith(undefined);
    const promised = await replyWith({ url: urls.promises, model: 'fake' });
    expect(asked.promises.length).toBeGreaterThan(0);
    expect(promised.text).toBe(offline.text);
    const down = await replyWith({ url: downUrl, model: 'fake' });
    expect(down.text).toBe(offline.text);
    const t0 = Date.now();
    const slow = await replyWith({ url: urls.slow, model: 'fake', timeoutSeconds: 1 });
    expect(asked.slow.length).toBeGreaterThan(0);
    expect(slow.text).toBe(offline.text);
    // Timed out well before the slow model would have answered.
    expect(Date.now() - t0).toBeLessThan(5000 + 4000);
    for (const r of [offline, promised, down, slow]) for (const c of [r.fac, r.iran]) c.close();
  }, 90_000);

  it('refuses a bad address in words, and anyone but the facilitator; none set: offline again', async () => {
    const { fac, teams } = await roomWith(server.url, ['iran'], 5);
    for (const url of ['ftp://127.0.0.1:11434', 'not an address', 'http://user:secret@127.0.0.1:11434']) {
      const r = await fac.call('room.model', { set: { url, model: 'm' } });
      expect(r).toMatchObject({ ok: false, code: 'malformed', reason: expect.stringContaining('http:// or https://') });
    }
    expect(await fac.call('room.model', { set: { url: 'http://127.0.0.1:1', model: '' } })).toMatchObject({
      ok: false,
      code: 'malformed',
      reason: expect.stringContaining('the model needs a name'),
    });
    expect(await fac.call('room.model', { set: { url: 'http://127.0.0.1:1', model: 'm', timeoutSeconds: 600 } })).toMatchObject({
      ok: false,
      code: 'malformed',
      reason: expect.stringContaining('from 1 to 60 seconds'),
    });
    const iran = teams.iran!.client;
    expect(await iran.call('room.model', { set: { url: urls.words, model: 'm', key: KEY } })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    const stranger = await client(server.url);
    expect(await stranger.call('room.model', {})).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await fac.call('room.model', { set: { url: ` ${urls.words} `, model: 'fake' } })).toEqual({
      ok: true,
      model: { url: urls.words, model: 'fake', key: false, timeoutSeconds: 8 },
      server: false,
    });
    expect(await fac.call('room.model', { set: null })).toEqual({ ok: true, model: null, server: false });
    for (const c of [fac, iran, stranger]) c.close();
  }, 30_000);
});
