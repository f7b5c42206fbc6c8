// A standard solo game in the browser where the AI does not hand the person its own span: in the
// first round of Phase A no AI offers the US its span "Enrichment halt"; the person writes the
// offer itself (from the interlock table, by accessible names), rewrites it once if the answers say
// what is missing, and the span is then secured.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { gamePages } from './harness';
import { dismissDialogs, startSolo, visible } from './play';

const pages = gamePages();
const SPAN = 'Enrichment halt';

type Hooks = { interlock: { round(): number; step(): string | null; thinking(): number } };
const round = (page: Page) => page.evaluate(() => (window as unknown as Hooks).interlock.round());
const step = (page: Page) => page.evaluate(() => (window as unknown as Hooks).interlock.step());
const settled = async (page: Page) => {
  for (let i = 0; i < 200; i++) {
    if ((await page.evaluate(() => (window as unknown as Hooks).interlock.thinking())) === 0) return;
    await page.waitForTimeout(50);
  }
};
const spanState = async (page: Page) => {
  const deck = page.locator(`[aria-label^="${SPAN}:"]`).first();
  return (await deck.count()) ? ((await deck.getAttribute('aria-label')) ?? '') : '';
};
/** The log's line for the span once it is secured (it stays when the bridge moves on to the next phase). */
const securedLine = (page: Page) => page.getByText(`Span secured: ${SPAN}`).count();

/** The person's part of a step, without proposing anything: accept offers, get ready, commit what was promised, close dialogs. */
async function answerStep(page: Page): Promise<boolean> {
  if (await visible(page, 'heading', 'The talks are over')) return false;
  for (const name of ['Skip the guide', 'Continue']) {
    if (await visible(page, 'button', name, true)) {
      await page.getByRole('button', { name, exact: true }).click();
      return true;
    }
  }
  const ready = page.getByRole('button', { name: 'Ready to commit' });
  if ((await ready.count()) && (await ready.isEnabled())) {
    await settled(page);
    for (let i = 0; i < 10; i++) {
      const accept = page.getByRole('button', { name: /^Accept package/ }).first();
      if (!(await accept.count())) break;
      await accept.click({ timeout: 2000 }).catch(() => undefined);
      await settled(page);
    }
    await ready.click({ timeout: 2000 }).catch(() => undefined);
    return true;
  }
  if (await visible(page, 'button', 'Go to commit')) {
    await page.getByRole('button', { name: 'Go to commit' }).click();
    return true;
  }
  const seal = page.getByRole('button', { name: 'Seal commit' });
  if (await seal.count()) {
    const promised = page.getByRole('checkbox', { name: /promised/ });
    for (let k = 0; k < (await promised.count()); k++) {
      const box = promised.nth(k);
      if ((await box.isEnabled()) && !(await box.isChecked())) await box.check({ timeout: 2000 }).catch(() => undefined);
    }
    if (await seal.isEnabled()) await seal.click({ timeout: 2000 }).catch(() => undefined);
    return true;
  }
  await page.waitForTimeout(100);
  return true;
}

describe('a standard solo game leaves the person real work', () => {
  it('the US must write the offer for its own span before it is secured', async () => {
    const page = await pages.open({ size: { width: 1366, height: 768 } });
    await startSolo(page, 'usa', 1);

    // Through the ceasefire, answering only, to the negotiation of Phase A's first round.
    for (let i = 0; i < 300; i++) {
      const inA = await visible(page, 'heading', /Bridge of Phase A/);
      if (inA && (await step(page)) === 'negotiation') break;
      expect(await answerStep(page)).toBe(true);
    }
    await dismissDialogs(page);
    await settled(page);
    const firstRound = await round(page);
    // The AI delegations have made their offers for this round: none of them is the US's span.
    expect(await spanState(page)).toMatch(new RegExp(`^${SPAN}: not started`));

    // A seat never sees another delegation's secret objectives unless the White Cell revealed them.
    expect(await visible(page, 'heading', 'Revealed to you by the White Cell')).toBe(false);

    // The person writes it from the interlock table and sends it.
    const pick = page.getByRole('combobox', { name: 'Start from a span of the interlock table' });
    const propose = page.getByRole('button', { name: 'Propose package' });
    await pick.selectOption({ label: `${SPAN} (Nuclear)` });
    await expect(propose.isEnabled()).resolves.toBe(true);
    await propose.click();
    await settled(page);
    // Turned down: the Gulf says why (an enrichment halt without short-notice inspections leaves it
    // exposed), Iran that one round is too short. The person reads the answers and writes it again,
    // with the inspections and a longer window, as often as a persistent student would.
    for (const window of ['2', '3']) {
      if (!/^Enrichment halt: not started/.test(await spanState(page))) break;
      expect(await page.getByText(/short-notice inspection/).count()).toBeGreaterThan(0);
      await pick.selectOption({ label: `${SPAN} (Nuclear)` });
      await page.getByRole('combobox', { name: 'Delegation whose move to add' }).selectOption({ label: 'Islamic Republic of Iran' });
      await page.getByRole('combobox', { name: 'Move to add to the package' }).selectOption('iran-short-notice-access');
      await page.getByRole('button', { name: 'Add step' }).click();
      await page.getByRole('combobox', { name: 'Window in rounds' }).selectOption(window);
      await propose.click();
      await settled(page);
    }
    // On the table, or agreed.
    expect(await spanState(page)).toMatch(new RegExp(`^${SPAN}: (proposed|agreed)`));
    expect(await round(page)).toBe(firstRound);

    // Played on, answering and keeping its word, until the span is secured.
    for (let i = 0; i < 400 && !(await securedLine(page)); i++) if (!(await answerStep(page))) break;
    expect(await securedLine(page)).toBeGreaterThan(0);
    await page.context().close();
  }, 600_000);
});
