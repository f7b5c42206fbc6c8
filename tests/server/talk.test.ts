// A team writes to an AI seat of a room; the AI answers in the room's log. With a language model
// given to the server (a fake OpenAI-compatible server here), the reply is worded by the model
// when its words read back as the decided acts, and the model's key never reaches a client.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/app';
import { serverSettings } from '../../src/server/settings';
import { msgId, roomWith, testServer } from './helpers';

const KEY = 'sk-model-key-never-to-a-client';
let model: Server;
const asked: Array<{ auth: string | undefined; system: string }> = [];
let server: RunningServer;

beforeAll(async () => {
  model = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const { messages } = JSON.parse(body) as { messages: Array<{ content: string }> };
      const system = messages[0]?.content ?? '';
      asked.push({ auth: req.headers.authorization, system });
      // Words the decided reply a little differently; reads nothing into messages.
      const content = system.startsWith('Read a message') ? '{"intents":[]}' : `Indeed. ${messages[1]?.content ?? ''}`;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ choices: [{ message: { content } }] }));
    });
  });
  await new Promise<void>((resolve) => model.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(model.address() as AddressInfo).port}`;
  server = await testServer({ talkModel: { url, model: 'fake', key: KEY, timeoutMs: 3000 } });
}, 60_000);
afterAll(async () => {
  await server?.close();
  await new Promise<void>((resolve) => model.close(() => resolve()));
});

describe('messages to an AI seat of a room', () => {
  it('are answered in the log, in the model’s words when they fit, and the key stays on the server', async () => {
    const { fac, teams } = await roomWith(server.url, ['iran'], 11);
    // The room sets none of its own: the facilitator is told the server's is used (never its key).
    expect(await fac.call('room.model', {})).toEqual({ ok: true, model: null, server: true });
    await fac.call('room.action', { id: msgId(), action: { kind: 'start' } });
    const iran = teams.iran!.client;
    await iran.until((c) => c.view?.step === 'negotiation', 10_000, 'the negotiation');
    const sent = await iran.call('intent', {
      id: msgId(),
      version: iran.version,
      intent: { type: 'talk.say', actor: 'iran', to: ['israel'], text: 'Lets both join the mediation council' },
    });
    expect(sent).toEqual({ ok: true });
    await iran.until((c) => c.view?.events.some((e) => e.talk?.from === 'israel') ?? false, 20_000, 'the reply');
    const reply = iran.view!.events.find((e) => e.talk?.from === 'israel')!.talk!;
    expect(reply.text).toMatch(/^Indeed\. /);
    expect(reply.reply).toBe(true);
    // The reply states an act the log holds.
    if (/tabled it as our own package/.test(reply.text))
      expect(iran.view!.packages.some((p) => p.proposer === 'israel' && p.steps.some((s) => s.move === 'iran-join-council'))).toBe(true);
    expect(asked.some((a) => a.auth === `Bearer ${KEY}`)).toBe(true);
    expect(JSON.stringify(iran.received)).not.toContain(KEY);
    expect(JSON.stringify(fac.received)).not.toContain(KEY);
    iran.close();
    fac.close();
  }, 60_000);

  it('take the model from the server’s environment, only an http(s) address', () => {
    expect(serverSettings({}).talkModel).toBeNull();
    expect(serverSettings({ INTERLOCK_TALK_MODEL_URL: 'file:///etc/passwd' }).talkModel).toBeNull();
    expect(
      serverSettings({
        INTERLOCK_TALK_MODEL_URL: 'http://127.0.0.1:11434',
        INTERLOCK_TALK_MODEL: 'llama3.2',
        INTERLOCK_TALK_MODEL_KEY: 'k',
      }).talkModel,
    ).toEqual({
      url: 'http://127.0.0.1:11434',
      model: 'llama3.2',
      key: 'k',
    });
  });
});
