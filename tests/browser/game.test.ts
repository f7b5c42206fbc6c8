// The browser game as a player meets it: the built page in Chromium, driven by accessible names.
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { gamePages } from './harness';
import { dismissDialogs, playStep, startSolo, topBarButton, visible } from './play';

const pages = gamePages();
const consoleErrors = pages.errors;
const fresh = (size = { width: 1280, height: 720 }): Promise<Page> => pages.open({ size });

describe('a solo game in the browser', () => {
  it('is played from the start screen to the end screen by accessible names only', async () => {
    const page = await fresh();
    await startSolo(page, 'iran', 4242);
    let steps = 0;
    while ((await playStep(page)) && steps < 1500) steps += 1;
    await expect(page.getByRole('heading', { name: 'The talks are over' }).isVisible()).resolves.toBe(true);
    const outcome = await page
      .getByRole('status')
      .filter({ hasText: /Consolidation|Drift|Unraveling/ })
      .first()
      .textContent();
    expect(outcome).toMatch(/Consolidation|Drift|Unraveling/);
    // Every secret revealed, and the charts drawn by the charting library.
    await expect(page.getByRole('heading', { name: 'Who really sponsored each incident' }).isVisible()).resolves.toBe(true);
    expect(await page.locator('.uplot canvas').count()).toBeGreaterThanOrEqual(3);
    await page.context().close();
  }, 600_000);
});

describe('the map', () => {
  it('renders the region with the fronts and an incident (not a blank canvas)', async () => {
    const page = await fresh();
    await startSolo(page, 'usa', 77);
    // Play until an incident has happened, then look at the map and its text list.
    for (let i = 0; i < 400; i++) {
      await playStep(page);
      const text = await page.evaluate(() => (window as unknown as { interlock: { mapText(): string[] } }).interlock.mapText());
      if (text.some((l) => l.startsWith('Incident'))) break;
    }
    await dismissDialogs(page);
    await page.getByRole('button', { name: 'Map as text' }).click();
    const list = page.getByRole('region', { name: 'Everything on the map, as text' });
    await expect(list.getByText(/Strait of Hormuz and Gulf waters: tension/).count()).resolves.toBeGreaterThan(0);
    await expect(list.getByText(/^Incident #\d+/).count()).resolves.toBeGreaterThan(0);
    const stats = await page.evaluate(() =>
      (window as unknown as { interlock: { mapStats(): { fronts: number; incidents: number } | null } }).interlock.mapStats(),
    );
    expect(stats?.fronts).toBe(5);
    expect(stats?.incidents).toBeGreaterThan(0);
    // The canvas shows a picture: many distinct colours, not one flat fill.
    const canvas = page.locator('.mapcanvas canvas');
    const png = await canvas.screenshot();
    const colours = await page.evaluate(async (b64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.width;
      c.height = img.height;
      const ctx = c.getContext('2d');
      if (!ctx) return 0;
      ctx.drawImage(img, 0, 0);
      const data = ctx.getImageData(0, 0, c.width, c.height).data;
      const seen = new Set<number>();
      for (let i = 0; i < data.length; i += 4 * 97)
        seen.add(((data[i] ?? 0) >> 3) * 1024 + ((data[i + 1] ?? 0) >> 3) * 32 + ((data[i + 2] ?? 0) >> 3));
      return seen.size;
    }, png.toString('base64'));
    expect(colours).toBeGreaterThan(40);
    // The legend folds away and back with its button (it starts folded on this 1280×720 page).
    const legend = page.getByRole('button', { name: 'Legend' });
    const shown = async () =>
      (await page.evaluate(() => (window as unknown as { interlock: { mapStats(): { legend: boolean } | null } }).interlock.mapStats()))
        ?.legend;
    await expect(legend.getAttribute('aria-pressed')).resolves.toBe('false');
    await expect(shown()).resolves.toBe(false);
    await legend.press('Enter');
    await expect(legend.getAttribute('aria-pressed')).resolves.toBe('true');
    await expect(shown()).resolves.toBe(true);
    await page.context().close();
  }, 300_000);
});

describe('hot-seat', () => {
  it("hides one delegation's view and sealed commit from the next", async () => {
    const page = await fresh();
    await page.getByRole('checkbox', { name: 'Islamic Republic of Iran' }).check();
    await page.getByRole('checkbox', { name: 'United States' }).check();
    await page.getByRole('button', { name: 'Start hot-seat game' }).click();
    // Iran's own secret objectives (whichever were dealt) show only in Iran's seat.
    const panel = 'Your secret objectives (only you see them)';
    // The game opens behind the hand-over curtain, not in Iran's private view.
    await page.getByRole('button', { name: /I am Iran/ }).waitFor();
    expect(await page.getByLabel(panel).count()).toBe(0);
    await page.getByRole('button', { name: /I am Iran/ }).click();
    if (await visible(page, 'button', 'Skip the guide')) await page.getByRole('button', { name: 'Skip the guide' }).click();
    // Each seat reads its start-of-round briefing before it negotiates.
    await page.getByRole('dialog', { name: 'Round 1 briefing' }).waitFor();
    await dismissDialogs(page);
    const iranSecret = ((await page.getByLabel(panel).locator('li').first().innerText()) ?? '').split('\n')[0]!.trim().slice(0, 30);
    expect(iranSecret.length).toBeGreaterThan(10);
    // Iran is ready: the screen passes to the US, and nothing of Iran's view stays on the page.
    await page.getByRole('button', { name: 'Ready to commit' }).click();
    await page.getByRole('button', { name: /I am US/ }).waitFor();
    expect(await page.getByText(iranSecret, { exact: false }).count()).toBe(0);
    await page.getByRole('button', { name: /I am US/ }).click();
    await page.getByRole('dialog', { name: 'Round 1 briefing' }).waitFor();
    expect(await page.getByText(iranSecret, { exact: false }).count()).toBe(0);
    await dismissDialogs(page);
    await page.getByRole('button', { name: 'Ready to commit' }).click();
    // Commit: Iran first, behind the hand-over screen.
    await page.getByRole('button', { name: /I am Iran/ }).click();
    if (await visible(page, 'button', 'Go to commit')) await page.getByRole('button', { name: 'Go to commit' }).click();
    await page.getByRole('tab', { name: 'Commit' }).click();
    const move = page.getByRole('group', { name: 'Moves' }).getByRole('checkbox').first();
    const moveName = ((await move.locator('xpath=..').locator('strong').textContent()) ?? '').trim();
    expect(moveName.length).toBeGreaterThan(3);
    await move.check();
    await page.getByRole('button', { name: 'Seal commit' }).click();
    await page.getByRole('button', { name: /I am US/ }).waitFor();
    expect(await page.getByText(moveName).count()).toBe(0);
    await page.getByRole('button', { name: /I am US/ }).click();
    await page.getByRole('tab', { name: 'Commit' }).click();
    // The US sees that Iran committed, never what.
    await expect(page.getByRole('button', { name: 'Seal commit' }).isVisible()).resolves.toBe(true);
    const logText = (await page.locator('#round-log').textContent()) ?? '';
    expect(logText).not.toContain(moveName);
    expect(await page.getByText(moveName).count()).toBe(0);
    expect(await page.getByText(iranSecret, { exact: false }).count()).toBe(0);
    await page.context().close();
  }, 120_000);
});

describe('saves', () => {
  it('a reload offers to continue exactly where the game was (same state hash)', async () => {
    const page = await fresh();
    await startSolo(page, 'gulf', 99);
    type Hooks = { interlock: { round(): number; step(): string; thinking(): number } };
    // Play on to a quiet moment: round 3 or later, the AIs have committed, the player has not.
    for (let i = 0; i < 200; i++) {
      const { round, step, thinking } = await page.evaluate(() => {
        const w = (window as unknown as Hooks).interlock;
        return { round: w.round(), step: w.step(), thinking: w.thinking() };
      });
      if (round >= 3 && step === 'commit' && thinking === 0 && (await visible(page, 'button', 'Seal commit'))) {
        await page.waitForTimeout(300);
        if ((await page.evaluate(() => (window as unknown as Hooks).interlock.thinking())) === 0) break;
      }
      await playStep(page);
    }
    const before = await page.evaluate(() => (window as unknown as { interlock: { hash(): string } }).interlock.hash());
    await page.reload();
    await page.getByRole('button', { name: /Continue saved game/ }).click();
    await page.getByRole('heading', { name: /Bridge of Phase|Ceasefire — next/ }).waitFor();
    const after = await page.evaluate(() => (window as unknown as { interlock: { hash(): string } }).interlock.hash());
    expect(after).toBe(before);
    await page.context().close();
  }, 300_000);

  it('refuses a corrupt or foreign save file with a clear message and overwrites nothing', async () => {
    const page = await fresh();
    await startSolo(page, 'eu', 5);
    await topBarButton(page, 'Quit to menu');
    const saved = await page.evaluate(() => localStorage.getItem('interlock.autosave.v1'));
    expect(saved).not.toBeNull();
    const dir = mkdtempSync(join(tmpdir(), 'interlock-save-'));
    const bad = join(dir, 'corrupt.json');
    writeFileSync(
      bad,
      '{"format":"interlock-save","version":1,"savedAt":"x","setup":{"mode":"solo","humans":["eu"],"difficulty":"standard"},"log":{"format":"interlock-log","version":1}}',
    );
    await page.locator('#load-save').setInputFiles(bad);
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/cannot be resumed|damaged/);
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/Nothing was overwritten/);
    const notJson = join(dir, 'notes.json');
    writeFileSync(notJson, 'these are my notes');
    await page.locator('#load-save').setInputFiles(notJson);
    // The file is read asynchronously: wait for the new message to replace the previous one.
    await page
      .getByRole('alert')
      .filter({ hasText: /not a save file/ })
      .waitFor({ timeout: 10_000 });
    expect(await page.evaluate(() => localStorage.getItem('interlock.autosave.v1'))).toBe(saved);
    await expect(page.getByRole('heading', { name: 'Solo game' }).isVisible()).resolves.toBe(true);
    await page.context().close();
  }, 120_000);
});

describe('AI delegations', () => {
  it('explain themselves in the round log, and a seat passes to the AI and back between rounds', async () => {
    const page = await fresh();
    await page.getByRole('combobox', { name: 'Character of the AI delegations' }).first().selectOption('dove');
    await startSolo(page, 'iran', 314);
    type Hooks = { interlock: { round(): number } };
    const round = () => page.evaluate(() => (window as unknown as Hooks).interlock.round());
    // The other delegations have answered or proposed with reasons: they are in the round log.
    await page.locator('#round-log li.ai-note').first().waitFor({ timeout: 30_000 });
    const said = (await page.locator('#round-log li.ai-note').allTextContents()).join('\n');
    expect(said).toMatch(/\((AI)\): We (offer|accept|reject|counter|propose)/);
    expect(said).not.toMatch(/Quietly/);
    // Hand Iran to the AI: the game goes on by itself.
    const start = await round();
    await page.getByRole('button', { name: 'Hand Islamic Republic of Iran to the AI' }).click();
    for (let i = 0; i < 300 && (await round()) < start + 1; i++) await page.waitForTimeout(100);
    expect(await round()).toBe(start + 1);
    // With nobody at the screen it waits between rounds, and plays one more on request.
    await dismissDialogs(page).catch(() => undefined);
    await page.getByRole('button', { name: 'Let the AI play this round' }).click();
    for (let i = 0; i < 300 && (await round()) < start + 2; i++) await page.waitForTimeout(100);
    await page.waitForTimeout(500);
    expect(await round()).toBe(start + 2);
    // And take it back (the AI plays on meanwhile, so the button may be redrawn under the click).
    const takeBack = page.getByRole('button', { name: 'Play Islamic Republic of Iran yourself' });
    const handBack = page.getByRole('button', { name: 'Hand Islamic Republic of Iran to the AI' });
    for (let i = 0; i < 30 && (await handBack.count()) === 0; i++) {
      await dismissDialogs(page).catch(() => undefined);
      if (await takeBack.count()) await takeBack.click({ timeout: 2000 }).catch(() => undefined);
      await page.waitForTimeout(200);
    }
    await expect(handBack.count()).resolves.toBe(1);
    for (let i = 0; i < 5; i++) await dismissDialogs(page).catch(() => undefined);
    await expect(
      page
        .getByRole('heading', { name: 'Negotiation' })
        .or(page.getByRole('button', { name: 'Seal commit' }))
        .first()
        .isVisible(),
    ).resolves.toBe(true);
    await page.context().close();
  }, 180_000);
});

describe('the console', () => {
  it('stayed free of errors through all the games above', () => {
    expect(consoleErrors).toEqual([]);
  });
});
