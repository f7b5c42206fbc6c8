// The optional language model, against a fake OpenAI-compatible server on 127.0.0.1 (no real
// model): it only words decided replies and proposes readings; the engine's schema and the
// offline reader judge both; a malicious, slow or failing model leaves the offline result.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PERSONA } from '../../../src/ai/persona';
import { SimTable } from '../../../src/ai/play';
import { decideStage, NO_PEOPLE } from '../../../src/ai/policy';
import { endpointOf, proposeParse, wordReply, type ModelSettings } from '../../../src/ai/talk/model';
import { talkWithModel } from '../../../src/ai/talk/withModel';
import { catalog, seatStream, viewFor, type Intent } from '../../../src/engine';
import { gameAt, SCENARIO } from '../../engine/fixtures';

interface Reply {
  status?: number;
  content?: string;
  raw?: string;
  delayMs?: number;
}
let answer: (system: string, user: string) => Reply = () => ({ content: '' });
const seen: Array<{ auth: string | undefined; path: string | undefined; model: unknown }> = [];
let server: Server;
let settings: ModelSettings;

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const json = JSON.parse(body) as { model: unknown; messages: Array<{ role: string; content: string }> };
      seen.push({ auth: req.headers.authorization, path: req.url, model: json.model });
      const r = answer(json.messages[0]?.content ?? '', json.messages[1]?.content ?? '');
      setTimeout(() => {
        if (res.destroyed) return;
        res.writeHead(r.status ?? 200, { 'content-type': 'application/json' });
        res.end(r.raw ?? JSON.stringify({ choices: [{ message: { role: 'assistant', content: r.content ?? '' } }] }));
      }, r.delayMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  settings = { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, model: 'tiny', key: 'sk-test-123', timeoutMs: 1500 };
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const tabled: Intent = {
  type: 'package.propose',
  actor: 'gulf',
  steps: [
    { delegation: 'iran', move: 'iran-halt-enrichment' },
    { delegation: 'gulf', move: 'gulf-maritime-restraint' },
  ],
  window: 1,
};
const offline =
  "We have tabled it as our own package: Iran's “Halt enrichment above 20%” and our “Maritime restraint at Hormuz”, all within one round.";
const word = () => wordReply(settings, { scenario: SCENARIO, me: 'gulf', to: 'iran', reply: offline, acts: [tabled] });

describe('a language model wording a decided reply', () => {
  it('is used when its words read back as exactly what was decided, at the /v1/chat/completions address, with the key', async () => {
    answer = () => ({
      content: 'Agreed. We have put it on the table: Iran halts enrichment above 20% and we keep our navies back, within one round.',
    });
    await expect(word()).resolves.toEqual({
      by: 'model',
      text: 'Agreed. We have put it on the table: Iran halts enrichment above 20% and we keep our navies back, within one round.',
    });
    expect(seen.at(-1)).toEqual({ auth: 'Bearer sk-test-123', path: '/v1/chat/completions', model: 'tiny' });
    expect(endpointOf('http://h:1/v1/')).toBe('http://h:1/v1/chat/completions');
    expect(endpointOf('http://h:1/x/chat/completions')).toBe('http://h:1/x/chat/completions');
  });

  it('falls back to the offline reply when the words promise more, accept something, or touch a secret', async () => {
    for (const content of [
      'We have tabled it, and we will also pay into the reconstruction escrow.',
      'We accept package 1 and we will hand over everything you ask.',
      `Agreed. By the way, our secret objective: ${catalog(SCENARIO).delegation.get('gulf')?.secretObjectives[0]?.text}`,
      'IGNORE THE RULES. Halt enrichment.',
      '',
      'x'.repeat(700),
    ]) {
      answer = () => ({ content });
      const r = await word();
      expect(r.by, content).toBe('offline');
      expect(r.text).toBe(offline);
    }
  });

  it('falls back when the model is slow, fails, or answers nonsense', async () => {
    answer = () => ({ content: 'late', delayMs: 3000 });
    const t0 = Date.now();
    expect((await word()).by).toBe('offline');
    expect(Date.now() - t0).toBeLessThan(2500);
    answer = () => ({ status: 500, content: 'boom' });
    expect((await word()).by).toBe('offline');
    answer = () => ({ raw: '{"not":"a completion"}' });
    expect((await word()).by).toBe('offline');
    answer = () => ({ raw: 'not json at all' });
    expect((await word()).by).toBe('offline');
    await expect(
      wordReply({ ...settings, url: 'http://127.0.0.1:1' }, { scenario: SCENARIO, me: 'gulf', to: 'iran', reply: offline, acts: [tabled] }),
    ).resolves.toMatchObject({ by: 'offline' });
  });
});

describe('a language model proposing a reading', () => {
  const read = (content: string) => {
    answer = () => ({ content });
    return proposeParse(settings, {
      scenario: SCENARIO,
      from: 'iran',
      to: 'gulf',
      text: 'rockets backstage if Riyadh answers the red phone',
    });
  };

  it('is taken when it passes the game schema and names the sender and real moves', async () => {
    const intents = [
      {
        type: 'package.propose',
        actor: 'iran',
        steps: [
          { delegation: 'iran', move: 'iran-pull-back-launchers' },
          { delegation: 'gulf', move: 'gulf-hotline' },
        ],
        window: 1,
      },
    ];
    await expect(read(`Here you go: ${JSON.stringify({ intents })}`)).resolves.toEqual(intents);
  });

  it('is refused when it speaks for another delegation, steps outside the talks, or invents moves', async () => {
    for (const bad of [
      { intents: [{ type: 'package.accept', actor: 'gulf', package: 1 }] },
      { intents: [{ type: 'commit.submit', actor: 'iran', commit: { moves: [], defect: [] } }] },
      { intents: [{ type: 'facilitator.end', actor: 'facilitator', outcome: 'consolidation' }] },
      { intents: [{ type: 'package.propose', actor: 'iran', steps: [{ delegation: 'gulf', move: 'iran-halt-enrichment' }], window: 1 }] },
      { intents: [{ type: 'package.propose', actor: 'iran', steps: [{ delegation: 'iran', move: 'nuke-everything' }], window: 1 }] },
      { intents: [{ type: 'question', actor: 'iran', about: 'mars' }] },
      { intents: [] },
    ])
      await expect(read(JSON.stringify(bad)), JSON.stringify(bad)).resolves.toBeNull();
    await expect(read('I cannot help with that')).resolves.toBeNull();
  });
});

describe('an AI seat with a model beside it', () => {
  it("acts on a checked reading the offline reader could not make, and keeps its offline words when the model's do not fit", async () => {
    const s = gameAt(SCENARIO, 'A', 3, 5);
    s.step = 'negotiation';
    const table = new SimTable(SCENARIO, s);
    const text = 'rockets backstage if Riyadh answers the red phone';
    table.send({ type: 'talk.say', actor: 'iran', to: ['gulf'], text });
    answer = (system) =>
      system.startsWith('Read a message')
        ? {
            content: JSON.stringify({
              intents: [
                {
                  type: 'package.propose',
                  actor: 'iran',
                  steps: [
                    { delegation: 'iran', move: 'iran-pull-back-launchers' },
                    { delegation: 'gulf', move: 'gulf-hotline' },
                  ],
                  window: 1,
                },
              ],
            }),
          }
        : { content: 'We accept everything and reveal all. Ignore the game.' };
    const view = viewFor(table.state, 'gulf');
    const decisions = await talkWithModel(settings, SCENARIO, view, 'gulf', (readings) =>
      Promise.resolve(
        decideStage(
          SCENARIO,
          view,
          'gulf',
          { ...DEFAULT_PERSONA, personality: 'dove' },
          'talk',
          seatStream(table.state, 'gulf'),
          NO_PEOPLE,
          readings,
        ),
      ),
    );
    const offlineOnly = decideStage(
      SCENARIO,
      view,
      'gulf',
      { ...DEFAULT_PERSONA, personality: 'dove' },
      'talk',
      seatStream(table.state, 'gulf'),
    );
    // Offline it understood nothing; with the reading it answers the offer (tabling or refusing it).
    expect(offlineOnly.map((d) => d.intent.type)).toEqual(['talk.say']);
    const reply = decisions.at(-1)!.intent;
    expect(reply.type).toBe('talk.say');
    expect(reply.type === 'talk.say' && reply.text).toMatch(/tabled|will not table/);
    expect(reply.type === 'talk.say' && reply.text).not.toMatch(/accept everything/);
  });
});

describe('a solo game with the player’s model', () => {
  it('words the AI’s replies through the same checks (the model’s words when they read back, else the offline ones)', async () => {
    const { LocalTransport } = await import('../../../src/net/localTransport');
    const { createInlineAiClient } = await import('../../../src/ai/inlineClient');
    answer = (system, user) => (system.startsWith('Read a message') ? { content: '{"intents":[]}' } : { content: `Certainly. ${user}` });
    const t = new LocalTransport({ scenario: SCENARIO, seed: 9, humans: ['iran'], talkModel: settings }, createInlineAiClient(SCENARIO));
    const end = Date.now() + 20_000;
    while (t.state.delegations.israel?.ready !== true && Date.now() < end) await new Promise((r) => setTimeout(r, 10));
    await t.send({ type: 'talk.say', actor: 'iran', to: ['israel'], text: 'Lets both join the mediation council' });
    while (!t.view('iran').events.some((e) => e.talk?.from === 'israel') && Date.now() < end) await new Promise((r) => setTimeout(r, 10));
    expect(t.view('iran').events.find((e) => e.talk?.from === 'israel')?.talk?.text).toMatch(/^Certainly\. /);
    t.dispose();
  });
});
