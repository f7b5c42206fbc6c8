// Talking to AI delegations in the browser: a solo player writes to an AI delegation, reads its
// reply, and the AI does what the reply says; a team in a room does the same with an AI seat.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, ServerProcess } from '../server/process';
import { buildOnce, launch } from './harness';
import { dismissDialogs, startSolo } from './play';

let browser: Awaited<ReturnType<typeof launch>>;
let srv: ServerProcess;
const errors: string[] = [];

beforeAll(async () => {
  await buildOnce();
  srv = new ServerProcess(await freePort(), mkdtempSync(join(tmpdir(), 'interlock-talk-')));
  await srv.start();
  browser = await launch();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await srv?.kill9();
});

async function page(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const p = await context.newPage();
  p.on('pageerror', (e) => errors.push(String(e)));
  await p.goto(srv.url);
  return p;
}

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
});
