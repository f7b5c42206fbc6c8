// Every screen at every supported size, by keyboard, and under axe-core: one build, one server
// (rooms included), one Chromium for the whole file. The sizes are the README's: 1024×768 up to
// 1920×1080, and a 768 px portrait tablet.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, ServerProcess } from '../server/process';
import { axe } from './axe';
import { buildOnce, launch } from './harness';
import { dismissDialogs, playStep, startSolo, topBarButton, visible } from './play';

const root = join(import.meta.dirname, '..', '..');
const SIZES = [
  { width: 1024, height: 768 },
  { width: 1280, height: 720 },
  { width: 1280, height: 800 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
  { width: 768, height: 1024 },
];

let browser: Browser;
let srv: ServerProcess;
const errors: string[] = [];

beforeAll(async () => {
  // A build of its own, served by the real server (rooms too), so no other test file's build collides.
  const dir = mkdtempSync(join(tmpdir(), 'interlock-screens-'));
  await buildOnce(join(dir, 'dist'));
  process.env.INTERLOCK_ROOT = dir;
  process.env.INTERLOCK_SCENARIO = join(root, 'assets', 'scenarios', 'ceasefire-2026.json');
  srv = new ServerProcess(await freePort(), join(dir, 'data'));
  await srv.start();
  browser = await launch();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await srv?.kill9();
});

async function open(size = { width: 1280, height: 720 }, guideSeen = true): Promise<Page> {
  const context = await browser.newContext({ viewport: size });
  if (guideSeen) await context.addInitScript(() => localStorage.setItem('interlock.guide.seen', '1'));
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(srv.url);
  return page;
}

/** The page's width against the window's, and the top-bar controls that end outside it. */
const overflow = (page: Page) =>
  page.evaluate(() => {
    const outside = [...document.querySelectorAll<HTMLElement>('[role="banner"] button, [role="banner"] .chip')]
      .filter((el) => el.offsetParent !== null)
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.left < 0 || r.right > window.innerWidth + 0.5 || r.bottom > window.innerHeight;
      })
      .map((el) => el.textContent ?? '');
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth, outside };
  });

/** At every size: no sideways scroll, every top-bar control inside the window. */
async function fitsEverySize(page: Page, where: string) {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    // The map's canvas follows a resize a frame late; it must not widen the page meanwhile either.
    await page.waitForTimeout(120);
    const o = await overflow(page);
    expect({ where, size: size.width, ...o }).toEqual({
      where,
      size: size.width,
      scrollWidth: o.innerWidth,
      innerWidth: o.innerWidth,
      outside: [],
    });
  }
  await page.setViewportSize({ width: 1280, height: 720 });
}

/** axe-core on the page as it stands: every rule, every impact. */

const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return el === document.body || !el ? 'body' : (el.getAttribute('aria-label') ?? el.textContent ?? '').trim();
  });

describe('layout at every supported size', () => {
  it('never scrolls sideways and keeps the top bar inside the window: start, ceasefire, Phase B', async () => {
    const page = await open();
    await fitsEverySize(page, 'start');
    await startSolo(page, 'iran', 4242);
    await fitsEverySize(page, 'ceasefire');
    // The map keeps a usable size on a 1024 px laptop.
    await page.setViewportSize({ width: 1024, height: 768 });
    const map = await page.getByRole('main', { name: 'Map of the region' }).boundingBox();
    expect(map?.width).toBeGreaterThanOrEqual(420);
    expect(map?.height).toBeGreaterThanOrEqual(500);
    // Arrow keys on the focused map pan it; the page itself never moves.
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.getByRole('application', { name: /^Map/ }).focus();
    for (const key of ['ArrowLeft', 'ArrowLeft', 'ArrowRight', 'ArrowDown', 'ArrowUp', 'PageDown', 'End', ' '])
      await page.keyboard.press(key);
    const scrolled = await page.evaluate(() => [
      window.scrollX,
      window.scrollY,
      document.documentElement.scrollLeft,
      document.body.scrollLeft,
    ]);
    expect(scrolled).toEqual([0, 0, 0, 0]);
    // Phase B: the longest labels of the top bar.
    for (let i = 0; i < 800 && !(await page.getByRole('banner').getByText('Phase B').count()); i++) await playStep(page);
    await dismissDialogs(page);
    await fitsEverySize(page, 'phase B');
    await page.context().close();
  }, 400_000);
});

describe('keyboard and focus', () => {
  it('the guide opens on its next step, Esc closes every dialog, the focus never falls to the page', async () => {
    const page = await open({ width: 1280, height: 720 }, false);
    await page.getByRole('button', { name: 'Start solo game' }).click();
    await page.getByRole('dialog').waitFor();
    await expect.poll(() => focused(page)).toBe('Next');
    await page.keyboard.press('Escape');
    // The round's briefing follows the guide, its primary action focused; Esc closes it too.
    await page.getByRole('dialog', { name: 'Round 1 briefing' }).waitFor();
    await expect.poll(() => focused(page)).toBe('Continue');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog').count()).resolves.toBe(0);
    await expect.poll(() => focused(page)).not.toBe('body');
    // Help from the folded top bar: Esc closes it and the focus goes back to "Menu".
    await page.getByRole('banner').getByRole('button', { name: 'Menu', exact: true }).click();
    await page.getByRole('banner').getByRole('button', { name: 'Help', exact: true }).click();
    await page.getByRole('dialog', { name: 'How to play' }).waitFor();
    await expect.poll(() => focused(page)).toBe('Close');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog').count()).resolves.toBe(0);
    await expect.poll(() => focused(page)).toBe('Menu');
    // Esc folds the menu away again, the focus on its button.
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toBe('Guide');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('banner').getByRole('button', { name: 'Help', exact: true }).isVisible()).resolves.toBe(false);
    await expect.poll(() => focused(page)).toBe('Menu');
    // The tabs move with the arrow keys.
    await page.getByRole('tab', { name: 'Negotiate' }).focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => focused(page)).toBe('Commit');
    await expect(page.getByRole('tab', { name: 'Commit' }).getAttribute('aria-selected')).resolves.toBe('true');
    await page.keyboard.press('ArrowLeft');
    // Ready to commit: the button goes, the focus does not fall to the page's body.
    const ready = page.getByRole('button', { name: 'Ready to commit' });
    await ready.focus();
    await page.keyboard.press('Enter');
    await page.waitForTimeout(300);
    await expect.poll(() => focused(page)).not.toBe('body');
    await page.context().close();
  }, 120_000);

  it("the IAEA's allocation refuses more teams than exist at the control, and carries over whole", async () => {
    const page = await open();
    await startSolo(page, 'iaea', 777);
    await page.getByRole('button', { name: 'Ready to commit' }).click();
    await page.getByRole('button', { name: 'Go to commit' }).click({ timeout: 60_000 });
    const legend = page.getByRole('group', { name: /^Monitors:/ });
    const total = Number((await legend.locator('legend').textContent())?.match(/\/(\d+) observer/)?.[1]);
    expect(total).toBeGreaterThan(0);
    const fields = page.getByRole('spinbutton', { name: /^observers at/ });
    const first = fields.first();
    // Arrow up past every team: the field stops at what exists.
    await first.focus();
    for (let i = 0; i < total + 3; i++) await page.keyboard.press('ArrowUp');
    await expect(first.inputValue()).resolves.toBe(String(total));
    await expect(page.getByText(new RegExp(`${total}/${total} observer teams`)).count()).resolves.toBeGreaterThan(0);
    // Another front gets none: a typed number is cut back, and the reason stands beside the field.
    const second = fields.nth(1);
    await second.fill('2');
    await expect(second.inputValue()).resolves.toBe('0');
    const error = page.getByRole('alert').filter({ hasText: `Only ${total} observer teams exist` });
    await expect(error.isVisible()).resolves.toBe(true);
    const [fieldBox, errorBox] = [await second.boundingBox(), await error.boundingBox()];
    expect(Math.abs((errorBox?.y ?? 0) - (fieldBox?.y ?? 999))).toBeLessThan(60);
    // Two on the first front, one on the second; seal; next round starts from exactly that.
    await first.fill('2');
    await second.fill('1');
    const before = await fields.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    const inspectors = await page
      .getByRole('spinbutton', { name: /^inspectors on/ })
      .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    await page.getByRole('button', { name: 'Seal commit' }).click();
    await page.getByRole('button', { name: 'Continue', exact: true }).click({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Ready to commit' }).click();
    await page.getByRole('button', { name: 'Go to commit' }).click({ timeout: 60_000 });
    await expect(fields.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value))).resolves.toEqual(before);
    await expect(
      page.getByRole('spinbutton', { name: /^inspectors on/ }).evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value)),
    ).resolves.toEqual(inspectors);
    await page.context().close();
  }, 180_000);
});

describe('axe-core on every screen', () => {
  it('finds nothing on the start, game, dialog and hand-over screens', async () => {
    const found: string[] = [];
    const page = await open({ width: 1280, height: 720 }, false);
    found.push(...(await axe(page, 'start')));
    await page.getByRole('button', { name: 'How to play' }).click();
    found.push(...(await axe(page, 'help')));
    await page.keyboard.press('Escape');
    // A refused save file: the notice on the start screen.
    await page.locator('#load-save').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{') });
    await page.getByRole('alert').first().waitFor();
    found.push(...(await axe(page, 'start, file refused')));
    await page.getByRole('combobox', { name: 'Your delegation' }).selectOption('iran');
    await page.getByRole('button', { name: 'Start solo game' }).click();
    await page.getByRole('dialog').waitFor();
    found.push(...(await axe(page, 'guide')));
    await page.keyboard.press('Escape');
    await page.getByRole('dialog', { name: 'Round 1 briefing' }).waitFor();
    found.push(...(await axe(page, 'round briefing')));
    await page.keyboard.press('Escape');
    await topBarButton(page, 'Glossary');
    await page.getByRole('dialog').waitFor();
    found.push(...(await axe(page, 'glossary')));
    await page.keyboard.press('Escape');
    for (const tab of ['Negotiate', 'Commit', 'Council & fund']) {
      await page.getByRole('tab', { name: tab }).click();
      found.push(...(await axe(page, `game, ${tab}`)));
    }
    await page.getByRole('button', { name: 'Map as text' }).click();
    found.push(...(await axe(page, 'map as text')));
    await page.getByRole('banner').getByRole('button', { name: 'Menu', exact: true }).click();
    found.push(...(await axe(page, 'top-bar menu open')));
    await page.keyboard.press('Escape');
    // Play round 1: the commit step, then the round's summary.
    await page.getByRole('tab', { name: 'Negotiate' }).click();
    await page.getByRole('button', { name: 'Ready to commit' }).click();
    await page.getByRole('button', { name: 'Go to commit' }).click({ timeout: 60_000 });
    found.push(...(await axe(page, 'commit step')));
    await page.getByRole('button', { name: 'Seal commit' }).click();
    await page.getByRole('button', { name: 'Continue', exact: true }).waitFor({ timeout: 60_000 });
    found.push(...(await axe(page, 'round summary')));
    await page.keyboard.press('Escape');
    await page.context().close();

    // Hot-seat: the hand-over curtain.
    const hot = await open();
    await hot.getByRole('checkbox', { name: 'Islamic Republic of Iran' }).check();
    await hot.getByRole('checkbox', { name: 'United States' }).check();
    await hot.getByRole('button', { name: 'Start hot-seat game' }).click();
    await hot.getByRole('button', { name: /I am Iran/ }).waitFor();
    found.push(...(await axe(hot, 'hot-seat hand-over')));
    await hot.context().close();
    expect(found).toEqual([]);
  }, 300_000);

  it('finds nothing on the end screen, the report and the replay', async () => {
    const found: string[] = [];
    const page = await open();
    // Novice AIs think least: the AI plays the whole game quickest.
    await page.getByRole('combobox', { name: 'Difficulty', exact: true }).selectOption('novice');
    await page.getByRole('button', { name: 'Start solo game' }).click();
    await page.getByRole('dialog').first().waitFor();
    await dismissDialogs(page);
    await page.getByRole('button', { name: 'Hand Islamic Republic of Iran to the AI' }).click();
    for (let i = 0; i < 600 && !(await visible(page, 'heading', 'The talks are over')); i++) {
      if (await visible(page, 'button', 'Let the AI play this round'))
        await page
          .getByRole('button', { name: 'Let the AI play this round' })
          .click()
          .catch(() => undefined);
      else if (await visible(page, 'button', 'Continue', true))
        await page
          .getByRole('button', { name: 'Continue', exact: true })
          .click()
          .catch(() => undefined);
      else await page.waitForTimeout(200);
    }
    found.push(...(await axe(page, 'end')));
    await page.getByRole('button', { name: 'After-action report' }).click();
    await page.getByRole('button', { name: 'Print / PDF' }).waitFor();
    await page.waitForTimeout(1000);
    found.push(...(await axe(page, 'report')));
    await page.getByRole('button', { name: 'Replay round by round' }).click();
    await page.getByRole('application', { name: /^Map/ }).waitFor();
    found.push(...(await axe(page, 'replay')));
    // Back at the menu, the finished game is offered as finished.
    await page.getByRole('button', { name: 'Back to the end screen' }).click();
    await page.getByRole('button', { name: 'Back to the menu' }).click();
    await expect(
      page.getByRole('button', { name: /^Open the finished game \(round \d+, ended in (Consolidation|Drift|Unraveling)\)$/ }).count(),
    ).resolves.toBe(1);
    await expect(page.getByRole('button', { name: /in progress/ }).count()).resolves.toBe(0);
    await page.context().close();
    expect(found).toEqual([]);
  }, 900_000);

  it('finds nothing on the lobby, the facilitator console (each tab, the hot wash) and the projector (live and debrief mode)', async () => {
    const found: string[] = [];
    const fac = await open();
    await fac.getByLabel('Your name or team name').fill('Ms Rivera');
    await fac.getByRole('button', { name: 'Create a room as facilitator' }).click();
    await fac.getByRole('tab', { name: 'Session' }).waitFor();
    const code = (await fac.locator('.joincode').textContent())?.trim() ?? '';
    const tabs = await fac.getByRole('tablist').first().getByRole('tab').allTextContents();
    for (const tab of tabs) {
      await fac.getByRole('tab', { name: tab }).click();
      found.push(...(await axe(fac, `console, ${tab}`)));
    }
    const lobby = await open();
    await lobby.getByLabel('Join code').fill(code);
    await lobby.getByRole('button', { name: 'Join room' }).click();
    await lobby.getByRole('heading', { name: 'Israel', exact: true }).waitFor();
    found.push(...(await axe(lobby, 'lobby')));
    const projector = await open({ width: 1920, height: 1080 });
    await projector.getByLabel('Join code').fill(code);
    await projector.getByRole('button', { name: 'Projector view' }).click();
    await projector.getByRole('application', { name: /^Map/ }).waitFor();
    found.push(...(await axe(projector, 'projector')));
    // The hot wash in the console, and on the wall in debrief mode.
    await fac.getByRole('tab', { name: 'Session' }).click();
    await fac.getByRole('button', { name: 'Open the hot wash' }).click();
    await fac.getByRole('heading', { name: 'For discussion' }).waitFor();
    found.push(...(await axe(fac, 'console, hot wash')));
    await fac.getByRole('button', { name: 'Projector: show the hot wash' }).click();
    await projector.getByRole('heading', { name: 'For discussion' }).waitFor();
    found.push(...(await axe(projector, 'projector, debrief mode')));
    for (const p of [fac, lobby, projector]) await p.context().close();
    expect(found).toEqual([]);
  }, 180_000);
});

describe('the map releases its WebGL context', () => {
  // The heap over 100 cycles is measured by `npm run bench:browser` (a memory target); here, enough
  // cycles to see every game release its WebGL context and leave one canvas behind it.
  it('25 load-and-quit cycles in one tab: no context warning, one canvas, the heap does not climb', async () => {
    const page = await open({ width: 1024, height: 768 });
    const warnings: string[] = [];
    page.on('console', (m) => {
      if (/WebGL context/i.test(m.text())) warnings.push(m.text());
    });
    await page.getByRole('button', { name: 'Start solo game' }).click();
    await page.getByRole('heading', { name: /Ceasefire — next/ }).waitFor();
    const cdp = await page.context().newCDPSession(page);
    const heapMb = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      return (await cdp.send('Runtime.getHeapUsage')).usedSize / 1e6;
    };
    const mapDrawn = () =>
      page.waitForFunction(() => (window as unknown as { interlock: { mapStats(): unknown } }).interlock.mapStats() !== null);
    let settled = 0;
    for (let i = 1; i <= 25; i++) {
      // The round's briefing (or the guide) may stand over the game: closed as a player would.
      await dismissDialogs(page);
      await topBarButton(page, 'Quit to menu');
      await page.getByRole('button', { name: /Continue saved game/ }).click();
      await mapDrawn();
      // After ten cycles the code is warm: from there on the heap must not grow with each game.
      if (i === 10) settled = await heapMb();
    }
    const end = await heapMb();
    expect(warnings).toEqual([]);
    expect(await page.locator('canvas').count()).toBe(1);
    // Before the fix every game left its whole screen behind (about 0.18 MB a cycle, 2.7 MB over 15).
    expect(end - settled).toBeLessThan(2);
    await page.context().close();
  }, 900_000);
});
