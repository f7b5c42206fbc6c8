// A classroom session in Chromium: a facilitator and three teams, each in its own browser
// context, play two rounds with a commit clock, an inject and messages; the server is killed
// (-9) and started again in the middle, and the session goes on by itself.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { serverPages } from './harness';
import { closeOverlays } from './play';

const served = serverPages('room');
const errors = served.errors;

// The server's Content-Security-Policy must let the whole game run (map, AI worker, QR codes).
const page = (): Promise<Page> => served.open({ size: { width: 1280, height: 720 }, csp: true });

const TEAMS = [
  ['iran', 'Iran', 'Team Blue'],
  ['usa', 'US', 'Team Red'],
  ['gulf', 'Gulf', 'Team Gold'],
] as const;

/** Clicks a control; a dialog that opens over it meanwhile (a round ends) is closed first. */
async function press(p: Page, target: ReturnType<Page['getByRole']>) {
  for (let i = 0; i < 5; i++) {
    await closeOverlays(p);
    if (
      await target.click({ timeout: 5000 }).then(
        () => true,
        () => false,
      )
    )
      return;
  }
  await target.click();
}

const roundShown = (p: Page, n: number) => p.getByRole('banner').getByText(`Round ${n}/12`).waitFor({ timeout: 60_000 });

describe('a classroom room in the browser', () => {
  it('a facilitator and three teams play two rounds with a clock, an inject, messages and a server restart', async () => {
    const fac = await page();
    await fac.getByLabel('Your name or team name').fill('Ms Rivera');
    await fac.getByRole('button', { name: 'Create a room as facilitator' }).click();
    await fac.getByRole('tab', { name: 'Session' }).waitFor();
    const code = (await fac.locator('.joincode').textContent())?.trim() ?? '';
    expect(code).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    // The QR code (drawn by the server) encodes the join link and has loaded.
    expect(await fac.locator('img.qr').getAttribute('src')).toContain(encodeURIComponent(`#join=${code.replace('-', '')}`));
    await expect
      .poll(() => fac.locator('img.qr').evaluate((img: HTMLImageElement) => img.naturalWidth), { timeout: 10_000 })
      .toBeGreaterThan(0);

    const teams: Page[] = [];
    for (const [, short, team] of TEAMS) {
      const p = await page();
      await p.getByLabel('Join code').fill(code.toLowerCase());
      await p.getByRole('button', { name: 'Join room' }).click();
      await p.getByLabel('Your team name').fill(team);
      await p.getByRole('button', { name: `Claim ${short}` }).click();
      await p.getByRole('tab', { name: 'Negotiate' }).waitFor();
      teams.push(p);
    }
    // The facilitator sees the three teams in their seats, and sets a 15-second commit clock (two teams seal inside it on a loaded machine).
    for (const [, , team] of TEAMS) await fac.getByRole('cell', { name: team }).first().waitFor();
    // Israel stays an AI seat: the facilitator makes it a hawk expert, and the lobby says so.
    await fac.getByLabel('Personality of the AI for Israel').selectOption('hawk');
    await expect.poll(() => fac.getByLabel('Personality of the AI for Israel').inputValue()).toBe('hawk');
    await fac.getByLabel('Difficulty of the AI for Israel').selectOption('expert');
    await expect.poll(() => fac.getByLabel('Difficulty of the AI for Israel').inputValue()).toBe('expert');
    const lobby = await page();
    await lobby.getByLabel('Join code').fill(code);
    await lobby.getByRole('button', { name: 'Join room' }).click();
    await lobby
      .locator('section.card')
      .filter({ has: lobby.getByRole('heading', { name: 'Israel', exact: true }) })
      .getByText('AI: hawk, expert')
      .waitFor();
    await lobby.close();
    await fac.getByLabel('Commit', { exact: true }).fill('0.25');
    await fac.getByRole('button', { name: 'Set clocks' }).click();
    await fac.getByLabel('When the commit clock reaches zero').selectOption('ai');
    await fac.getByRole('button', { name: 'Start the game' }).click();

    // Each team first reads its round 1 briefing, then Red writes to Blue privately; every team
    // declares ready.
    for (const p of teams) {
      await p.getByRole('dialog', { name: 'Round 1 briefing' }).waitFor();
      await closeOverlays(p);
    }
    const [blue, red, gold] = teams as [Page, Page, Page];
    await red.getByRole('tab', { name: /^Messages/ }).click();
    await red.getByLabel('Send to').selectOption('some');
    await red.getByLabel('Iran', { exact: true }).check();
    await red.getByRole('textbox', { name: 'Message' }).fill('Waiver for a halt?');
    await red.getByRole('button', { name: 'Send message' }).click();
    await blue.getByRole('tab', { name: /^Messages/ }).click();
    await blue.getByText('Waiver for a halt?').waitFor();
    expect(await gold.getByText('Waiver for a halt?').count()).toBe(0);
    await blue.getByRole('tab', { name: 'Negotiate' }).click();
    await red.getByRole('tab', { name: 'Negotiate' }).click();
    for (const p of teams) await press(p, p.getByRole('button', { name: 'Ready to commit' }));

    // Commit: Blue and Red seal theirs; Gold does not, the clock runs out, the AI commits for Gold.
    for (const p of teams) await p.getByRole('timer', { name: 'Commit closes in' }).waitFor({ timeout: 30_000 });
    for (const p of [blue, red]) {
      await press(p, p.getByRole('tab', { name: 'Commit' }));
      await press(p, p.getByRole('button', { name: 'Seal commit' }));
    }
    await fac.getByRole('cell', { name: /committed \(Team Blue\)/ }).waitFor();
    try {
      for (const p of [fac, ...teams]) await roundShown(p, 2);
    } catch (e) {
      for (const [i, p] of [fac, ...teams].entries()) await p.screenshot({ path: `/tmp/shots/fail-${i}.png` });
      throw e;
    }

    // The facilitator writes an inject to everyone; each team reads it in its round log.
    await fac.getByRole('tab', { name: 'Injects' }).click();
    await fac.getByLabel('Title').fill('Tanker seized near Hormuz');
    await fac.getByLabel('Text', { exact: true }).fill('A tanker is held by unknown boarders.');
    await fac.getByLabel('Everyone (public: on the wall too)').check();
    await fac.getByRole('button', { name: 'Fire this inject now' }).click();
    for (const p of teams) await p.getByText('Tanker seized near Hormuz: A tanker is held by unknown boarders.').first().waitFor();

    // The server is killed and started again; every page reconnects by itself.
    await served.srv.kill9();
    for (const p of [fac, ...teams]) await p.getByText('Reconnecting…').waitFor();
    await served.srv.start();
    for (const p of [fac, ...teams]) await p.getByText(`Room ${code}`).waitFor({ timeout: 30_000 });
    for (const p of teams) await closeOverlays(p);
    // A reload brings a laptop back to its seat (the seat token is kept in the browser).
    await gold.reload();
    await gold.getByRole('tab', { name: 'Negotiate' }).waitFor({ timeout: 30_000 });
    await gold.getByRole('heading', { name: 'Team: Team Gold' }).waitFor();
    await closeOverlays(gold);
    await blue.getByRole('tab', { name: /^Messages/ }).click();
    await blue.getByText('Waiver for a halt?').waitFor();
    await blue.getByRole('tab', { name: 'Negotiate' }).click();

    // Gold opens the box with its team link; it stays open while everyone else moves.
    const teamLink = gold.locator('details', { has: gold.getByText('Bring a teammate in') });
    await gold.getByText('Bring a teammate in').click();
    await expect(teamLink.evaluate((d: HTMLDetailsElement) => d.open)).resolves.toBe(true);

    // Round 2 goes on: ready, then all three seal their commits; round 3 opens.
    for (const p of teams) await press(p, p.getByRole('button', { name: 'Ready to commit' }));
    for (const p of teams) {
      await p.getByRole('timer', { name: 'Commit closes in' }).waitFor({ timeout: 30_000 });
      await press(p, p.getByRole('tab', { name: 'Commit' }));
      await press(p, p.getByRole('button', { name: 'Seal commit' }));
    }
    for (const p of [fac, ...teams]) await roundShown(p, 3);
    await expect(teamLink.evaluate((d: HTMLDetailsElement) => d.open)).resolves.toBe(true);
    expect(errors).toEqual([]);
  }, 240_000);
});
