// The aids that make the game readable at a glance, played as a newcomer would, by accessible
// names: the start-of-round briefing, the glossary and inline explanations, the bridge as a
// picture, proxy funding for its patron, honest Counter and Ready, pledges on the Commit tab, the
// score breakdown. Screenshots of each go to $SHOTS (default: a folder in the system's temp dir).
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { gamePages } from './harness';
import { playStep, topBarButton, visible } from './play';

const pages = gamePages(join(tmpdir(), 'interlock-dist-explain'));
const SHOTS = process.env.SHOTS ?? join(tmpdir(), 'interlock-explain-shots');
mkdirSync(SHOTS, { recursive: true });
const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`) });

/** A solo game as Iran, the guide already seen, up to the first briefing. */
async function soloIran(size: { width: number; height: number }, seed = 4242): Promise<Page> {
  const page = await pages.open({ size, init: () => localStorage.setItem('interlock.guide.seen', '1') });
  await page.getByRole('combobox', { name: 'Your delegation' }).selectOption('iran');
  await page.getByRole('spinbutton', { name: 'Seed for the solo game' }).fill(String(seed));
  await page.getByRole('button', { name: 'Start solo game' }).click();
  await page.getByRole('heading', { name: 'Round 1 briefing' }).waitFor();
  return page;
}

const GLOSSARY_TERMS = [
  'Span',
  'Window',
  'Pledge',
  'Snapback',
  'Escrow tranche',
  'Escrow fund',
  'Incentive ladder',
  'Codify (automatic responses)',
  'Quiet defection',
  'Stop-loss',
  'Additional Protocol',
  'White Cell',
  'Proxy networks and sponsorship',
];

describe('understood at a glance', () => {
  it('briefs each round before the negotiation, explains its words, draws the bridge, and keeps Counter and Ready honest', async () => {
    const page = await soloIran({ width: 1366, height: 768 });
    const dialog = page.getByRole('dialog', { name: 'Round 1 briefing' });
    // What waits for the player, before it negotiates: the framework offer.
    // (The AI delegations' offers reach the briefing as they are made.)
    const waiting = dialog.getByRole('list', { name: 'Waiting for you' }).getByText(/Package #1 from .+ waits for your answer/);
    await waiting.waitFor({ timeout: 15_000 });
    await expect(waiting.count()).resolves.toBe(1);
    await shot(page, '1366-r1-briefing');
    await page.keyboard.press('Escape');
    await expect(dialog.count()).resolves.toBe(0);

    // The glossary from the game screen: every term the newcomer met, Esc closes it.
    await topBarButton(page, 'Glossary');
    const glossary = page.getByRole('dialog', { name: 'Glossary' });
    for (const t of GLOSSARY_TERMS)
      await expect(
        glossary
          .getByRole('term')
          .filter({ hasText: new RegExp(`^${t.replace(/[()]/g, '\\$&')}$`) })
          .count(),
        t,
      ).resolves.toBe(1);
    await shot(page, '1366-glossary');
    await page.keyboard.press('Escape');
    await expect(glossary.count()).resolves.toBe(0);

    // An inline explanation shows on keyboard focus and Esc hides it.
    const support = page.locator('.term', { hasText: 'Domestic support' }).first();
    await support.focus();
    const tip = page.getByRole('tooltip').filter({ hasText: /How much backing a delegation has at home/ });
    await expect(tip.isVisible()).resolves.toBe(true);
    await page.keyboard.press('Escape');
    await expect(tip.isVisible()).resolves.toBe(false);

    // The patron sees the networks it funds, with why they count as its own.
    await expect(page.getByRole('img', { name: /^Hezbollah funding \d+ of 100$/ }).count()).resolves.toBe(1);

    // The bridge as a picture with a text alternative naming every track and state.
    const bridge = page.getByRole('img', { name: /^The bridge of the first phase\./ });
    await expect(bridge.getAttribute('aria-label')).resolves.toMatch(/Nuclear: 0 of 1 secured \(.*not started/);
    await bridge.scrollIntoViewIfNeeded();
    await bridge.screenshot({ path: join(SHOTS, '1366-bridge-r1.png') });

    // Ready warns about the unanswered offer, and the button says so to a screen reader.
    const warning = page.locator('#ready-warning');
    await expect(warning.textContent()).resolves.toMatch(/(One offer is|\d offers are) still unanswered: #1\b.*they lapse unanswered/);
    await expect(page.getByRole('button', { name: 'Ready to commit' }).getAttribute('aria-describedby')).resolves.toBe('ready-warning');

    // Counter: the form comes into view with the focus, and the original stays open after sending.
    await page.getByRole('button', { name: 'Counter package 1' }).click();
    const heading = page.getByRole('heading', { name: 'Counter-offer to #1' });
    await heading.waitFor();
    // The focus moves in the frame after the form is drawn.
    await page.waitForFunction(() => document.activeElement?.id === 'compose-h', null, { timeout: 5000 });
    await expect(heading.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await expect(page.getByText(/Editing a counter-offer to #1\./).count()).resolves.toBe(1);
    // A counter must differ from the original (identical packages are refused): a longer window.
    await page.getByRole('combobox', { name: 'Window in rounds' }).selectOption('2');
    await page.getByRole('button', { name: 'Send counter-offer' }).click();
    // The log says what was sent and that #1 stays open; then either #1 is still offered (with a
    // note on its card) or the AI parties agreed the counter, and the log says #1 closed for it.
    const log = page.locator('#round-log');
    await log.getByText(/Iran counters #1 with #\d+; #1 stays open until one of them is agreed\./).waitFor();
    await page
      .getByRole('article', { name: 'Package 1 from US, proposed' })
      .getByText(/You sent counter-offer #\d+\./)
      .or(log.getByText(/Package #1 closes: its counter #\d+ was agreed instead\./))
      .first()
      .waitFor();
    await shot(page, '1366-counter-sent');

    // Pledges on the Commit tab: answer the offers, get ready, open the commit.
    for (let i = 0; i < 6; i++) {
      const accept = page.getByRole('button', { name: /^Accept package/ }).first();
      if (!(await accept.count())) break;
      await accept.click({ timeout: 2000 }).catch(() => undefined);
    }
    await page.getByRole('button', { name: 'Ready to commit' }).click();
    await page.getByRole('button', { name: 'Go to commit' }).click();
    await page.getByRole('heading', { name: /Your pledges in force/ }).waitFor();
    await expect(
      page
        .getByRole('heading', { name: /Your pledges in force/ })
        .locator('xpath=..')
        .textContent(),
    ).resolves.toMatch(/Endorse the benchmark calendar/);
    await shot(page, '1366-commit-pledges');

    // The next round opens with its briefing: last round's outcome first, then why the figures moved.
    for (let i = 0; i < 200 && !(await visible(page, 'heading', 'Round 2 briefing')); i++) await playStep(page);
    const r2 = page.getByRole('dialog', { name: 'Round 2 briefing' });
    await expect(r2.getByRole('heading', { name: 'Round 1: what happened' }).count()).resolves.toBe(1);
    await expect(r2.getByRole('heading', { name: 'Why the figures moved' }).count()).resolves.toBe(1);
    await expect(r2.getByText(/^Tension: 40 → \d+ \([+−]?\d+\)$/).count()).resolves.toBe(1);
    await shot(page, '1366-r2-briefing');

    // A few rounds on, the picture shows spans in their states, each with its word.
    for (let i = 0; i < 400 && !(await visible(page, 'heading', 'Round 4 briefing')); i++) await playStep(page);
    await shot(page, '1366-r4-briefing');
    await page.getByRole('button', { name: 'Continue', exact: true }).click();
    const later = page.getByRole('img', { name: /^The bridge of Phase/ });
    await expect(later.getAttribute('aria-label')).resolves.toMatch(
      /(secured|verifying|building|negated|unwound|broken|agreed|proposed)\b/,
    );
    await later.scrollIntoViewIfNeeded();
    await later.screenshot({ path: join(SHOTS, '1366-bridge-r4.png') });
    await page.locator('.bridge').screenshot({ path: join(SHOTS, '1366-bridge-list-r4.png') });
    await page.context().close();
  }, 400_000);

  for (const size of [
    { width: 1024, height: 768 },
    { width: 1920, height: 1080 },
  ]) {
    it(`shows the briefing, the glossary opener and the bridge picture at ${size.width}×${size.height}`, async () => {
      const page = await soloIran(size);
      await shot(page, `${size.width}-r1-briefing`);
      await page.getByRole('button', { name: 'Continue', exact: true }).click();
      // The glossary is one of the top bar's buttons (folded behind Menu on a narrow bar).
      await topBarButton(page, 'Glossary');
      await page.getByRole('dialog', { name: 'Glossary' }).waitFor();
      await page.keyboard.press('Escape');
      const bridge = page.getByRole('img', { name: /^The bridge of/ });
      await bridge.scrollIntoViewIfNeeded();
      const box = await bridge.boundingBox();
      expect(box?.width ?? 0).toBeGreaterThan(200);
      await shot(page, `${size.width}-game`);
      await bridge.screenshot({ path: join(SHOTS, `${size.width}-bridge.png`) });
      await page.context().close();
    }, 200_000);
  }

  it('breaks each score down on the end screen and ranks the delegations', async () => {
    const page = await soloIran({ width: 1366, height: 768 }, 7);
    await page.getByRole('button', { name: 'Continue', exact: true }).click();
    await page.getByRole('button', { name: 'Hand Islamic Republic of Iran to the AI' }).click();
    for (let i = 0; i < 60 && !(await visible(page, 'heading', 'The talks are over')); i++) {
      const go = page.getByRole('button', { name: 'Let the AI play this round' });
      if (await go.count()) await go.click({ timeout: 5000 }).catch(() => undefined);
      else await page.waitForTimeout(300);
    }
    await page.getByRole('heading', { name: 'The talks are over' }).waitFor();
    const tables = page.getByRole('table', { name: 'How the score is made' });
    await expect(tables.count()).resolves.toBe(6);
    const first = tables.first();
    await expect(first.getByRole('row', { name: /^Shared outcome: (Consolidation|Drift|Unraveling) \d+$/ }).count()).resolves.toBe(1);
    await expect(first.getByRole('row', { name: /^Domestic support \d+ ÷ 10, rounded down \d+$/ }).count()).resolves.toBe(1);
    const total = await first.getByRole('row', { name: /^Total \d+$/ }).textContent();
    const heading = await page
      .getByRole('heading', { name: /points/ })
      .first()
      .textContent();
    expect(heading).toContain(`${total?.replace('Total', '')} points`);
    await expect(page.getByText(/^1st — top score$/).count()).resolves.toBeGreaterThan(0);
    await first.scrollIntoViewIfNeeded();
    await shot(page, '1366-end-scores');
    await page.context().close();
  }, 400_000);
});
