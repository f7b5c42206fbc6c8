// Talking to AI delegations in the browser: a solo player writes to an AI delegation, reads its
// reply, and the AI does what the reply says; a team in a room does the same with an AI seat; a
// facilitator gives the room a language model (a fake one on 127.0.0.1) whose words the team reads,
// and its key never reaches a page.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { serverPages } from './harness';
import { dismissDialogs, startSolo } from './play';

const served = serverPages('talk');
const errors = served.errors;

const page = (): Promise<Page> => served.open();

/** Writes to the Gulf (an AI seat) by the message box's accessible names, waits for its reply, and accepts the package it tabled. */
async function talkAndAccept(p: Page) {
  await p.getByRole('tab', { name: 'Negotiate' }).click();
  await p.getByRole('combobox', { name: 'Write to' }).selectOption('gulf');
  await p.getByRole('textbox', { name: 'Message to the AI' }).fill('Lets both sign the benchmark calender');
  await p.getByRole('textbox', { name: 'Message to the AI' }).press('Control+Enter');
  const conversation = p.getByRole('list', { name: 'Conversation with the AI delegations' });
  await conversation.getByText('Lets both sign the benchmark calender').waitFor();
  await conversation.getByText(/We have tabled it as our own package/).waitFor({ timeout: 30_000 });
  // The package the reply announced is on the table, from the US, and the player's acceptance agrees it.
  const card = p.locator('.pkg', { hasText: 'Tabled in answer to Iran' });
  await card.waitFor();
  expect(await card.getAttribute('aria-label')).toMatch(/from Gulf, proposed/);
  await card.getByRole('button', { name: /^Accept package/ }).click();
  await expect.poll(() => card.getAttribute('aria-label'), { timeout: 10_000 }).toMatch(/accepted/);
}

describe('talking to AI delegations', () => {
  it('in solo play: the AI answers in words and does what it said', async () => {
    const p = await page();
    await startSolo(p, 'iran', 77);
    await dismissDialogs(p);
    await talkAndAccept(p);
    // A message it cannot read: it says so and offers the closest moves.
    await p.getByRole('textbox', { name: 'Message to the AI' }).fill('could you lower the price of oil for our tankers');
    await p.getByRole('button', { name: 'Send to the AI' }).click();
    await p
      .getByRole('list', { name: 'Conversation with the AI delegations' })
      .getByText(/The closest moves we see/)
      .waitFor({ timeout: 30_000 });
    await p.screenshot({ path: join(tmpdir(), 'talk-solo.png') });
    await p.context().close();
    expect(errors).toEqual([]);
  }, 180_000);

  it('in a room: a team writes to an AI seat and sees the same', async () => {
    const fac = await page();
    await fac.getByLabel('Your name or team name').fill('Ms Rivera');
    await fac.getByRole('button', { name: 'Create a room as facilitator' }).click();
    await fac.getByRole('tab', { name: 'Session' }).waitFor();
    const code = (await fac.locator('.joincode').textContent())?.trim() ?? '';
    const team = await page();
    await team.getByLabel('Join code').fill(code);
    await team.getByRole('button', { name: 'Join room' }).click();
    await team.getByLabel('Your team name').fill('Team Blue');
    await team.getByRole('button', { name: 'Claim Iran' }).click();
    await team.getByRole('tab', { name: 'Negotiate' }).waitFor();
    await fac.getByRole('cell', { name: 'Team Blue' }).first().waitFor();
    await fac.getByRole('button', { name: 'Start the game' }).click();
    await team.getByRole('combobox', { name: 'Write to' }).waitFor({ timeout: 30_000 });
    await dismissDialogs(team);
    await talkAndAccept(team);
    await team.screenshot({ path: join(tmpdir(), 'talk-room.png') });
    expect(errors).toEqual([]);
  }, 180_000);

  it('in a room with the facilitator’s model: the team reads its words; a bad address is refused; the key reaches no page', async () => {
    const KEY = 'sk-browser-room-key-never-to-a-page';
    const asked: string[] = [];
    const model: Server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        const { messages } = JSON.parse(body) as { messages: Array<{ content: string }> };
        asked.push(req.headers.authorization ?? '');
        const system = messages[0]?.content ?? '';
        res.writeHead(200, { 'content-type': 'application/json' });
        const content = system.startsWith('Read a message') ? '{"intents":[]}' : `Indeed. ${messages[1]?.content ?? ''}`;
        res.end(JSON.stringify({ choices: [{ message: { content } }] }));
      });
    });
    await new Promise<void>((r) => model.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(model.address() as AddressInfo).port}`;
    const frames: string[] = [];
    const watch = (p: Page) => p.on('websocket', (ws) => ws.on('framereceived', (f) => frames.push(String(f.payload))));

    const fac = await page();
    watch(fac);
    await fac.getByLabel('Your name or team name').fill('Ms Rivera');
    await fac.getByRole('button', { name: 'Create a room as facilitator' }).click();
    await fac.getByRole('tab', { name: 'Session' }).waitFor();
    const panel = fac.getByRole('region', { name: 'Language model for messages (optional)' });
    await panel.getByText('None: the AI delegations read and answer messages offline.').waitFor();
    await panel.getByLabel('Model server address').fill('localhost:11434');
    await panel.getByRole('button', { name: 'Use this model' }).click();
    await panel
      .getByRole('alert')
      .getByText(/http:\/\/ or https:\/\//)
      .waitFor();
    await panel.getByLabel('Model server address').fill(url);
    await panel.getByLabel('Model', { exact: true }).fill('fake');
    await panel.getByLabel('Key (kept on the server)').fill(KEY);
    await panel.getByRole('button', { name: 'Use this model' }).click();
    await panel.getByText(`This room: fake at ${url}, with a key (kept on the server)`).waitFor();
    expect(await panel.getByLabel('Key (kept on the server)').inputValue()).toBe('');

    const code = (await fac.locator('.joincode').textContent())?.trim() ?? '';
    const team = await page();
    watch(team);
    await team.getByLabel('Join code').fill(code);
    await team.getByRole('button', { name: 'Join room' }).click();
    await team.getByLabel('Your team name').fill('Team Blue');
    await team.getByRole('button', { name: 'Claim Iran' }).click();
    await team.getByRole('tab', { name: 'Negotiate' }).waitFor();
    await fac.getByRole('cell', { name: 'Team Blue' }).first().waitFor();
    await fac.getByRole('button', { name: 'Start the game' }).click();
    await team.getByRole('combobox', { name: 'Write to' }).waitFor({ timeout: 30_000 });
    await dismissDialogs(team);
    await team.getByRole('tab', { name: 'Negotiate' }).click();
    await team.getByRole('combobox', { name: 'Write to' }).selectOption('gulf');
    await team.getByRole('textbox', { name: 'Message to the AI' }).fill('Lets both sign the benchmark calender');
    await team.getByRole('button', { name: 'Send to the AI' }).click();
    const conversation = team.getByRole('list', { name: 'Conversation with the AI delegations' });
    await conversation.getByText(/^Indeed\. /).waitFor({ timeout: 30_000 });
    expect(asked).toContain(`Bearer ${KEY}`);
    expect(frames.length).toBeGreaterThan(0);
    for (const f of frames) expect(f).not.toContain(KEY);
    for (const p of [fac, team]) expect(await p.content()).not.toContain(KEY);
    for (const p of [fac, team]) await p.context().close();
    model.closeAllConnections();
    await new Promise<void>((r) => model.close(() => r()));
    expect(errors).toEqual([]);
  }, 180_000);
});
