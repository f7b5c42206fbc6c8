// A tabletop exercise run by the White Cell in Chromium: a console, a projector at 1920×1080 and
// one team. Injects reach the wall as a card and a scheduled one fired early cannot fire again;
// the ground truth is in the console only; secret objectives revealed to the team are on its
// screen, also after a reload; the team writes to the White Cell; the paused screen and the end
// with the White Cell's reason reach the wall and the team. The White Cell fills its evaluation
// guide during play and downloads the report with the improvement plan.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { serverPages } from './harness';
import { closeOverlays } from './play';

/** A folder to save screenshots in (the hot wash in the console and on the wall), when set. */
const SHOTS = process.env.INTERLOCK_SHOTS ?? null;

const served = serverPages('whitecell');
const errors = served.errors;

const page = (size = { width: 1366, height: 768 }): Promise<Page> => served.open({ url: null, size, downloads: true });

describe('a White Cell exercise', () => {
  it('injects on the wall, ground truth in the console, reveals, messages to control, pause and the end', async () => {
    const fac = await page();
    await fac.goto(served.srv.url);
    await fac.getByLabel('Your name or team name').fill('White Cell');
    await fac.getByRole('button', { name: 'Create a room as facilitator' }).click();
    await fac.getByRole('tab', { name: 'Session' }).waitFor({ timeout: 60_000 });
    const code = ((await fac.locator('.joincode').textContent()) ?? '').trim();

    const iran = await page();
    await iran.goto(served.srv.url);
    await iran.getByLabel('Join code').fill(code);
    await iran.getByRole('button', { name: 'Join room' }).click();
    await iran.getByLabel('Your team name').fill('Team Tehran');
    await iran.getByRole('button', { name: 'Claim Iran' }).click();
    await iran.getByRole('tab', { name: 'Negotiate' }).waitFor({ timeout: 60_000 });

    const wall = await page({ width: 1920, height: 1080 });
    await wall.goto(`${served.srv.url}/#projector=${code.replace('-', '')}`);
    await wall.getByRole('banner').getByText('Round 1/12').waitFor({ timeout: 60_000 });
    // No map controls on the wall.
    expect(await wall.getByRole('button', { name: 'Map as text' }).count()).toBe(0);

    // A teammate opens the team link on another laptop: asked for a name first, never "Guest".
    const token = await iran.evaluate(
      () => (JSON.parse(localStorage.getItem('interlock.room.v1') ?? '{}') as { as?: { token?: string } }).as?.token,
    );
    const mate = await page();
    await mate.goto(`${served.srv.url}/#join=${code.replace('-', '')}&seat=${encodeURIComponent(token ?? '')}`);
    await mate.getByLabel('Your name').fill('Samira');
    await mate.getByRole('button', { name: 'Join my team' }).click();
    await mate.getByRole('tab', { name: 'Negotiate' }).waitFor({ timeout: 60_000 });
    await fac
      .getByText(/online: .*Samira/)
      .first()
      .waitFor({ timeout: 60_000 });
    expect(await fac.getByText(/online: .*Guest/).count()).toBe(0);
    await mate.close();
    await fac.getByRole('cell', { name: 'Team Tehran' }).first().waitFor({ timeout: 60_000 });
    await fac.getByRole('button', { name: 'Start the game' }).click();
    // Started: the console says so (an intent made from the view before the start would be stale).
    await fac.getByText('Round 1, negotiation.', { exact: true }).waitFor({ timeout: 60_000 });
    await fac.getByRole('tab', { name: 'Injects' }).click();
    // A click made from a view the server judged stale is refused with a notice: the controller fires again.
    const card = wall.locator('.wall-inject').getByText('Drone strike on shipping');
    for (let i = 0; i < 3 && !(await card.isVisible()); i++) {
      await fac.getByRole('button', { name: 'Fire now: Drone strike on shipping' }).click();
      await card.waitFor({ timeout: 20_000 }).catch(() => undefined);
    }
    await card.waitFor({ timeout: 20_000 });
    // Pulled forward, a scheduled inject is spent: it cannot be fired again.
    const protests = fac.getByRole('button', { name: 'Fire now: Hard-line protests in Tehran' });
    await protests.click();
    // Spent: its row has no actions left and says it fired.
    await protests.waitFor({ state: 'detached', timeout: 60_000 });
    await fac
      .getByRole('listitem')
      .filter({ hasText: 'Hard-line protests in Tehran' })
      .getByText(/· fired/)
      .waitFor();

    // The events list: a scheduled event is held; a written one waits for an explicit choice of
    // recipients (ticking nobody is no choice), goes to them only, and the form is cleared after.
    await fac.getByRole('button', { name: 'Hold: Tanker seized near Hormuz' }).click();
    await fac.getByRole('button', { name: 'Release: Tanker seized near Hormuz' }).waitFor({ timeout: 60_000 });
    await fac.getByLabel('Title').fill('Port strike');
    await fac.getByLabel('Text', { exact: true }).fill('Dockers strike in Bandar Abbas.');
    const fireWritten = fac.getByRole('button', { name: 'Fire this inject now' });
    expect(await fireWritten.isDisabled()).toBe(true);
    await fac.getByLabel('Only these delegations (private):').check();
    expect(await fireWritten.isDisabled()).toBe(true);
    await fac.getByLabel('Iran', { exact: true }).check();
    await fireWritten.click();
    await expect.poll(() => fac.getByLabel('Title').inputValue(), { timeout: 20_000 }).toBe('');
    await closeOverlays(iran);
    await iran.getByText('Port strike').first().waitFor({ timeout: 60_000 });
    // Private to Iran: nowhere on the wall (neither its inject card nor its latest events).
    expect(await wall.getByText(/Port strike|Bandar Abbas/).count()).toBe(0);
    // A bad CSV is refused with the reason, and changes nothing.
    await fac
      .getByLabel('Import a list (CSV):')
      .setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from('id,round\nx,1\n') });
    await fac.getByText(/Not imported: the first row must name the columns.*The events list is unchanged/).waitFor();

    // The ground truth is the console's alone.
    await fac.getByRole('tab', { name: 'Truth' }).click();
    await fac.getByText('WHITE CELL’S EYES ONLY').waitFor();
    expect(await wall.getByText('EYES ONLY').count()).toBe(0);
    expect(await iran.getByText('EYES ONLY').count()).toBe(0);

    // Reveal the Gulf's secret objectives to Iran, with a reason; the form asks first.
    await fac.getByRole('tab', { name: 'Rulings' }).click();
    await fac.getByLabel('What to reveal').selectOption('objectives');
    await fac.getByLabel('Whose objectives').selectOption('gulf');
    await fac.getByLabel('Reveal to').selectOption('iran');
    await fac.getByLabel('Reason for the reveal').fill('a leak from Riyadh');
    await fac.getByRole('button', { name: 'Reveal', exact: true }).click();
    await fac.getByRole('button', { name: 'Yes, reveal it' }).click();
    await iran.getByText('Revealed to you by the White Cell').waitFor({ timeout: 60_000 });
    await iran
      .getByText(/Gulf.*secret objectives/)
      .first()
      .waitFor();
    await iran.reload();
    await iran.getByText('Revealed to you by the White Cell').waitFor({ timeout: 60_000 });
    // The form is empty again: a second click cannot reveal to someone else.
    expect(await fac.getByLabel('Reveal to').inputValue()).toBe('');

    // Undo the reveal (this round, with a reason, after a question): Iran's panel withdraws it.
    await fac.getByRole('tab', { name: 'Undo' }).click();
    await fac.getByLabel('Reason for the undo (said with it, kept in the record)').fill('revealed too early');
    await fac.getByRole('button', { name: /^Undo: Revealed the secret objectives of/ }).click();
    await fac.getByRole('button', { name: 'Yes, undo it' }).click();
    await iran.getByText('Revealed to you by the White Cell').waitFor({ state: 'detached', timeout: 60_000 });
    await fac
      .getByText(/\(undone\)/)
      .first()
      .waitFor({ timeout: 60_000 });

    // The team writes to the White Cell.
    await closeOverlays(iran);
    await iran.getByRole('tab', { name: /^Messages/ }).click();
    await iran.getByLabel('Send to').selectOption('white-cell');
    await iran.getByRole('textbox', { name: 'Message' }).fill('May we offer a second inspection site?');
    await iran.getByRole('button', { name: 'Send message' }).click();
    await fac.getByRole('tab', { name: /^Messages/ }).click();
    await fac.getByText('May we offer a second inspection site?').waitFor({ timeout: 60_000 });

    // The evaluation guide, filled during play: a rating, a line of the log, an observation, notes
    // and the plan's owner and date; it survives a reload of the console and stays off the wall and the team's screen.
    const notes = 'Iran named a sponsor before the inquiry reported';
    await fac.getByRole('tab', { name: 'Evaluation' }).click();
    await fac.getByLabel('Objective').selectOption({ label: 'Respond to incidents with evidence' });
    await fac.getByRole('radio', { name: 'Performed with major challenges' }).check();
    const logLine = fac.getByLabel('Line of the log');
    const firstLine = (await logLine.locator('option').nth(1).getAttribute('value')) ?? '';
    expect(firstLine).not.toBe('');
    await logLine.selectOption(firstLine);
    await fac.getByRole('button', { name: 'Attach the log line' }).click();
    await fac.getByRole('textbox', { name: 'Observation' }).fill('Iran asked the White Cell about a second site');
    await fac.getByRole('button', { name: 'Add the observation' }).click();
    await fac.getByLabel('Notes', { exact: true }).fill(notes);
    await fac.getByLabel('Owner', { exact: true }).fill('Exercise director');
    await fac.getByLabel('Due', { exact: true }).fill('2027-01-15');
    await fac.getByRole('button', { name: 'Save this objective' }).click();
    await fac.getByText('Saved “Respond to incidents with evidence”.').waitFor({ timeout: 60_000 });
    await fac.reload();
    await closeOverlays(fac);
    await fac.getByRole('tab', { name: 'Evaluation' }).click({ timeout: 60_000 });
    await fac.getByLabel('Objective').selectOption({ label: 'Respond to incidents with evidence ✓' });
    expect(await fac.getByLabel('Notes', { exact: true }).inputValue()).toBe(notes);
    expect(await fac.getByRole('radio', { name: 'Performed with major challenges' }).isChecked()).toBe(true);
    await fac.getByRole('list', { name: 'Observed actions' }).getByText('(log)').waitFor();
    // The report with the guide and the plan, as Markdown: the plan's line is there, with the owner and the date.
    const [dl] = await Promise.all([
      fac.waitForEvent('download'),
      fac.getByRole('button', { name: 'Download the report with the evaluation and improvement plan as Markdown' }).click(),
    ]);
    const md = readFileSync((await dl.path()) ?? '', 'utf8');
    expect(md).toMatch(/^# After-action report: /);
    const plan = md.split('## Improvement plan')[1] ?? '';
    const row = plan.split('\n').find((l) => l.startsWith('| Respond to incidents with evidence |'));
    expect(row?.split(' | ').map((c) => c.trim())).toEqual([
      '| Respond to incidents with evidence',
      'Performed with major challenges',
      expect.stringContaining(notes),
      expect.any(String),
      'Exercise director',
      '2027-01-15 |',
    ]);
    expect(md).toContain('- Round 1: Iran asked the White Cell about a second site');
    for (const p of [iran, wall]) expect(await p.content()).not.toContain(notes);
    // A round passes (the White Cell closes each step), so the hot wash has a curve to draw.
    await fac.getByRole('tab', { name: 'Session' }).click();
    await fac.getByRole('button', { name: 'Close the negotiation now' }).click();
    await fac.getByRole('button', { name: 'Close the commit now' }).click({ timeout: 60_000 });
    await fac.getByText(/^Round 2, /).waitFor({ timeout: 60_000 });

    // The hot wash opens from the console in one click: prompts, the curve, the White Cell's hand with reasons.
    await fac.getByRole('button', { name: 'Open the hot wash' }).click();
    await fac.getByRole('heading', { name: 'For discussion' }).waitFor({ timeout: 60_000 });
    await fac.getByRole('heading', { name: 'What the White Cell changed' }).waitFor();
    await fac
      .getByText(/Reason: a leak from Riyadh/)
      .first()
      .waitFor();
    // The console's hot wash is the White Cell's: the private inject is in it.
    await fac
      .locator('.hw-events')
      .getByText(/Port strike/)
      .first()
      .waitFor();
    if (SHOTS) {
      await fac.screenshot({ path: join(SHOTS, 'hotwash-console-1366.png') });
      await fac.setViewportSize({ width: 1920, height: 1080 });
      await fac.screenshot({ path: join(SHOTS, 'hotwash-console-1920.png') });
      await fac.setViewportSize({ width: 1366, height: 768 });
    }
    // The wall switches to its debrief mode in one click, and shows only what the public may see.
    await fac.getByRole('button', { name: 'Projector: show the hot wash' }).click();
    await wall.getByRole('heading', { name: 'Hot wash' }).waitFor({ timeout: 60_000 });
    await wall.getByRole('heading', { name: 'For discussion' }).waitFor();
    expect(await wall.getByText(/Port strike|Bandar Abbas|leak from Riyadh|Revealed/).count()).toBe(0);
    const smallest = await wall.evaluate(() =>
      Math.min(...[...document.querySelectorAll('.hw-wall li, .hw-wall p')].map((el) => parseFloat(getComputedStyle(el).fontSize))),
    );
    expect(smallest).toBeGreaterThanOrEqual(28);
    if (SHOTS) await wall.screenshot({ path: join(SHOTS, 'hotwash-projector-1920.png') });
    await fac.getByRole('button', { name: 'Projector: back to the live game' }).click();
    await wall.getByRole('complementary', { name: 'Public dashboard' }).waitFor({ timeout: 60_000 });
    expect(await wall.getByRole('heading', { name: 'Hot wash' }).count()).toBe(0);
    await fac.getByRole('button', { name: 'Back to the console' }).click();

    // Pause: the wall shows it.
    await fac.getByRole('tab', { name: 'Session' }).click();
    await fac.getByRole('button', { name: 'Pause' }).click();
    await wall.locator('.wall-paused').waitFor({ timeout: 60_000 });

    // End, with a reason, after a confirmation.
    await fac.getByLabel('Outcome').selectOption('drift');
    await fac.getByLabel('Reason for ending').fill('the class ran out of time');
    await fac.getByRole('button', { name: 'End the game' }).click();
    await fac.getByRole('button', { name: 'Yes, end it' }).click();
    await iran
      .getByText(/The White Cell ended the game in round 2 of 12, as drift\. Their reason: the class ran out of time/)
      .waitFor({ timeout: 60_000 });
    await wall.locator('.wall-end').waitFor({ timeout: 60_000 });
    expect(await wall.getByRole('banner').getByText('Drifting').count()).toBe(0);

    // The debrief opens from the console in one click; the White Cell's undo is in it, marked as its own.
    await fac.getByRole('button', { name: 'Open the after-action report' }).click();
    await fac.getByRole('heading', { name: 'Key turning points' }).waitFor({ timeout: 60_000 });
    await fac
      .getByText(/The White Cell undid: .*Why undone: revealed too early/)
      .first()
      .waitFor();
    await fac.getByRole('button', { name: 'Back to the console' }).first().click();
    await fac.getByRole('tab', { name: 'Session' }).waitFor({ timeout: 60_000 });
    expect(errors).toEqual([]);
  }, 300_000);
});
