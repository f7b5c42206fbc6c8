// The interface keeps what the player typed, picked and scrolled while the game moves on: a note
// half-written in the package composer survives an AI's answer, and a reader scrolled up in the
// round log stays where they are when a round resolves.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { gamePages } from './harness';
import { dismissDialogs, playStep, startSolo } from './play';

const dir = mkdtempSync(join(tmpdir(), 'interlock-view-'));
const pages = gamePages(join(dir, 'dist'));

type Hooks = { interlock: { round(): number; step(): string; thinking(): number }; aiDelay?: number };
const thinking = (page: Page) => page.evaluate(() => (window as unknown as Hooks).interlock.thinking());
const round = (page: Page) => page.evaluate(() => (window as unknown as Hooks).interlock.round());

/**
 * A page whose AI answers can be held back: the AI's worker replies reach the page `aiDelay` ms
 * late, so the test knows the answer arrives after the player has typed (not before).
 */
const fresh = (): Promise<Page> =>
  pages.open({
    init: () => {
      const Native = window.Worker;
      class HeldWorker extends Native {
        override set onmessage(fn: ((e: MessageEvent) => void) | null) {
          super.onmessage =
            fn &&
            ((e: MessageEvent) => {
              const delay = (window as unknown as { aiDelay?: number }).aiDelay ?? 0;
              if (delay) setTimeout(() => fn.call(this, e), delay);
              else fn.call(this, e);
            });
        }
        override get onmessage() {
          return super.onmessage;
        }
      }
      window.Worker = HeldWorker;
    },
  });

/** Waits until the AI delegations have finished their turn and the player may negotiate. */
async function quiet(page: Page) {
  for (let i = 0; i < 300 && (await thinking(page)) > 0; i++) await page.waitForTimeout(100);
  await dismissDialogs(page);
  await page.getByRole('button', { name: 'Ready to commit' }).waitFor();
}

describe('the package composer', () => {
  it('keeps the typed note, the delegation and the move picked, and the steps, through an AI answer', async () => {
    const page = await fresh();
    await startSolo(page, 'iran', 4242);
    // On to Phase A, whose spans the interlock table offers as packages.
    for (let i = 0; i < 400 && !(await page.getByRole('heading', { name: /Bridge of Phase A/ }).count()); i++) await playStep(page);
    await quiet(page);
    // A proposal the AI delegations must answer; their answer is held back 2 s.
    await page.evaluate(() => ((window as unknown as Hooks).aiDelay = 2000));
    const pick = page.getByRole('combobox', { name: 'Start from a span of the interlock table' });
    const propose = page.getByRole('button', { name: 'Propose package' });
    const spans = await pick.locator('option').count();
    for (let k = 1; k < spans && !(await propose.isEnabled()); k++) await pick.selectOption({ index: k });
    await propose.click();
    const mine = page.locator('section', { has: page.getByRole('heading', { name: 'Your proposals this round' }) });
    await mine.waitFor();
    expect(await thinking(page)).toBeGreaterThan(0);

    // Meanwhile the player starts the next package: another delegation, one of its moves, a
    // step added, and a note they are still writing (the caret in the middle of it).
    const who = page.getByRole('combobox', { name: 'Delegation whose move to add' });
    await who.selectOption('usa');
    const move = page.getByRole('combobox', { name: 'Move to add to the package' });
    const moves = await move.locator('option').allTextContents();
    expect(moves.length).toBeGreaterThan(1);
    await move.selectOption({ index: 1 });
    const chosen = await move.inputValue();
    await page.getByRole('button', { name: 'Add step' }).click();
    const steps = page.getByRole('list', { name: 'Steps of the package' }).getByRole('listitem');
    await expect(steps.count()).resolves.toBe(1);
    const note = 'Natanz first, then the waiver — not the other way round';
    const noteBox = page.getByRole('textbox', { name: 'Message with the package' });
    await noteBox.fill(note);
    await noteBox.press('Home');
    for (let i = 0; i < 6; i++) await noteBox.press('ArrowRight');
    // The answer had not come yet: what follows is drawn over the player's unfinished package.
    expect(await mine.locator('.reply').count()).toBe(0);

    await mine.locator('.reply').first().waitFor({ timeout: 30_000 });
    for (let i = 0; i < 100 && (await thinking(page)) > 0; i++) await page.waitForTimeout(100);
    await expect(noteBox.inputValue()).resolves.toBe(note);
    // Still writing: the focus and the caret are where the player left them.
    await expect(noteBox.evaluate((el: HTMLInputElement) => [document.activeElement === el, el.selectionStart])).resolves.toEqual([
      true,
      6,
    ]);
    await expect(who.inputValue()).resolves.toBe('usa');
    await expect(move.inputValue()).resolves.toBe(chosen);
    await expect(steps.count()).resolves.toBe(1);
    await expect(steps.first().textContent()).resolves.toContain((moves[1] ?? '').split(' (')[0]);
    await page.context().close();
  }, 180_000);
});

/** Where the reader is in the round log: the first line in sight and its offset from the top. */
const position = (page: Page) =>
  page.locator('#round-log').evaluate((ol) => {
    const top = ol.getBoundingClientRect().top;
    const first = [...ol.children].find((li) => li.getBoundingClientRect().bottom > top + 1) as HTMLElement | undefined;
    return {
      text: first?.textContent ?? '',
      offset: first ? first.getBoundingClientRect().top - top : 0,
      lines: ol.children.length,
      fromBottom: ol.scrollHeight - ol.scrollTop - ol.clientHeight,
      scrollable: ol.scrollHeight > ol.clientHeight + 60,
    };
  });

/** Plays on until the round after `from` has begun (the resolution summary closed). */
async function playRound(page: Page, from: number) {
  for (let i = 0; i < 400 && (await round(page)) <= from; i++) await playStep(page);
  expect(await round(page)).toBe(from + 1);
  await dismissDialogs(page);
}

describe('the round log', () => {
  it('stays where its reader scrolled to while a round resolves, and follows the news only from the bottom', async () => {
    const page = await fresh();
    await startSolo(page, 'gulf', 99);
    // Enough rounds for a log longer than its box.
    for (let r = 1; r < 6 && !(await position(page)).scrollable; r++) await playRound(page, await round(page));
    expect((await position(page)).scrollable).toBe(true);

    // The reader scrolls up with the wheel, as a person does, and reads.
    const log = page.locator('#round-log');
    await log.hover();
    await page.mouse.wheel(0, -60);
    await page.waitForTimeout(200);
    const before = await position(page);
    expect(before.fromBottom).toBeGreaterThan(20);
    await playRound(page, await round(page));
    const after = await position(page);
    expect(after.lines).toBeGreaterThan(before.lines);
    expect(after.text).toBe(before.text);
    expect(Math.abs(after.offset - before.offset)).toBeLessThanOrEqual(2);

    // Back at the bottom, the log follows the next round's news.
    await log.evaluate((ol) => (ol.scrollTop = ol.scrollHeight));
    await log.dispatchEvent('scroll');
    const lines = (await position(page)).lines;
    await playRound(page, await round(page));
    const end = await position(page);
    expect(end.lines).toBeGreaterThan(lines);
    expect(end.fromBottom).toBeLessThan(4);
    await page.context().close();
  }, 300_000);
});

describe('the console', () => {
  it('stayed free of errors through the games above', () => {
    expect(pages.errors).toEqual([]);
  });
});
