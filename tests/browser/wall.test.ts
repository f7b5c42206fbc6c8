// The live projector made for the wall (README, "Running a tabletop exercise"): read from 10 m.
// The rule: a character must be at least 1/200 of the viewing distance tall (5 cm at 10 m); a
// 16:9 image 3 m wide puts 1920 pixels across, 1.5625 mm each, so text must be 32 px at 1080p:
// 1/60 of the image's width at any resolution. Every visible text of the live wall is measured,
// the map's labels too (the scene reports their size), nothing leaves the screen, and axe passes.
// Also here: two White Cell consoles on one room share the evaluation guide live (a server push).
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axe } from './axe';
import { serverPages } from './harness';

/** A folder to save screenshots in (the wall at 1920×1080 and 1366×768), when set. */
const SHOTS = process.env.INTERLOCK_SHOTS ?? null;

const served = serverPages('wall');

interface WallMeasure {
  smallest: { px: number; text: string };
  clock: number;
  overflow: string[];
  overlaps: string[];
  labels: { smallest: number } | null;
}

/** Every visible text on the live wall: its computed size, whether it leaves the screen or its box, and overlaps between texts. */
function measureWall(page: Page): Promise<WallMeasure> {
  return page.evaluate(() => {
    const vw = window.innerWidth;
    const vh = window.innerHeight;
    const shown = (el: Element) => {
      const cs = getComputedStyle(el);
      const r = el.getBoundingClientRect();
      // Visually hidden text (read aloud only) is 1×1 px and clipped.
      return cs.visibility !== 'hidden' && cs.display !== 'none' && r.width > 2 && r.height > 2 && cs.clip !== 'rect(0px, 0px, 0px, 0px)';
    };
    const texts: Array<{ el: Element; rects: DOMRect[]; text: string }> = [];
    const walker = document.createTreeWalker(document.querySelector('.game.projector') ?? document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent?.trim() ?? '';
      const el = n.parentElement;
      if (!text || !el || !shown(el)) continue;
      const range = document.createRange();
      range.selectNodeContents(n);
      texts.push({ el, rects: [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0), text });
    }
    let smallest = { px: Infinity, text: '' };
    const overflow: string[] = [];
    for (const t of texts) {
      const px = parseFloat(getComputedStyle(t.el).fontSize);
      if (px < smallest.px) smallest = { px, text: t.text.slice(0, 60) };
      for (const r of t.rects)
        if (r.left < -0.5 || r.top < -0.5 || r.right > vw + 0.5 || r.bottom > vh + 0.5) overflow.push(`off screen: ${t.text.slice(0, 40)}`);
      // Clipped by a box that scrolls or hides its overflow (an ellipsis, a panel that would scroll).
      for (let a: Element | null = t.el; a && a !== document.body; a = a.parentElement) {
        const cs = getComputedStyle(a);
        if (cs.overflowX === 'visible' && cs.overflowY === 'visible') continue;
        const box = a.getBoundingClientRect();
        for (const r of t.rects)
          if (r.right > box.right + 1 || r.bottom > box.bottom + 1 || r.left < box.left - 1 || r.top < box.top - 1)
            overflow.push(`clipped by ${a.className || a.tagName}: ${t.text.slice(0, 40)}`);
      }
    }
    const overlaps: string[] = [];
    for (let i = 0; i < texts.length; i++)
      for (let j = i + 1; j < texts.length; j++) {
        const a = texts[i]!;
        const b = texts[j]!;
        // The inject card lies over the map on purpose; texts inside it are compared among themselves.
        for (const ra of a.rects)
          for (const rb of b.rects) {
            const w = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left);
            const h = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
            if (w > 1 && h > 1) overlaps.push(`${a.text.slice(0, 30)} ✕ ${b.text.slice(0, 30)}`);
          }
      }
    const clockEl = document.querySelector('.bigclock strong');
    const hook = (window as unknown as { interlock: { mapStats(): { labelPx?: number } | null } }).interlock.mapStats();
    return {
      smallest,
      clock: clockEl ? parseFloat(getComputedStyle(clockEl).fontSize) : 0,
      overflow: [...new Set(overflow)],
      overlaps: [...new Set(overlaps)],
      labels: hook?.labelPx ? { smallest: hook.labelPx } : null,
    };
  });
}

/** A room with one team (it holds the game at each step: the test server's AI seats act at once), started. */
async function startedRoom(): Promise<{ fac: Page; code: string }> {
  const fac = await served.open({ url: served.srv.url });
  await fac.getByLabel('Your name or team name').fill('White Cell');
  await fac.getByRole('button', { name: 'Create a room as facilitator' }).click();
  await fac.getByRole('tab', { name: 'Session' }).waitFor({ timeout: 60_000 });
  const code = ((await fac.locator('.joincode').textContent()) ?? '').trim();
  const iran = await served.open({ url: served.srv.url });
  await iran.getByLabel('Join code').fill(code);
  await iran.getByRole('button', { name: 'Join room' }).click();
  await iran.getByLabel('Your team name').fill('Team Tehran');
  await iran.getByRole('button', { name: 'Claim Iran' }).click();
  await iran.getByRole('tab', { name: 'Negotiate' }).waitFor({ timeout: 60_000 });
  await fac.getByRole('cell', { name: 'Team Tehran' }).first().waitFor({ timeout: 60_000 });
  await fac.getByRole('button', { name: 'Start the game' }).click();
  await fac.getByText('Round 1, negotiation.', { exact: true }).waitFor({ timeout: 60_000 });
  return { fac, code };
}

describe('the live projector on the wall', () => {
  it('every text at 1/60 of the width (32 px at 1080p) or more, a big clock, nothing off screen or overlapping, axe-clean', async () => {
    const { fac, code } = await startedRoom();

    const wall = await served.open({ url: `${served.srv.url}/#projector=${code.replace('-', '')}`, size: { width: 1920, height: 1080 } });
    await wall.getByRole('complementary', { name: 'Public dashboard' }).waitFor({ timeout: 60_000 });
    // A public inject on the wall: its card is text the room must read too.
    await fac.getByRole('tab', { name: 'Injects' }).click();
    const card = wall.locator('.wall-inject');
    for (let i = 0; i < 3 && !(await card.isVisible()); i++) {
      await fac.getByRole('button', { name: 'Fire now: Drone strike on shipping' }).click();
      await card.waitFor({ timeout: 20_000 }).catch(() => undefined);
    }
    await card.waitFor({ timeout: 20_000 });
    await wall.waitForFunction(
      () => (window as unknown as { interlock: { mapStats(): { fronts: number } | null } }).interlock.mapStats()?.fronts ?? 0 > 0,
      undefined,
      { timeout: 60_000 },
    );
    await wall.waitForTimeout(500);

    for (const size of [
      { width: 1920, height: 1080 },
      { width: 1366, height: 768 },
    ]) {
      await wall.setViewportSize(size);
      await wall.waitForTimeout(700);
      const min = size.width / 60;
      const m = await measureWall(wall);
      if (SHOTS) await wall.screenshot({ path: join(SHOTS, `projector-live-${size.width}.png`) });
      console.log(`wall ${size.width}×${size.height}: ${JSON.stringify(m)}`);
      expect(m.smallest.px, `smallest text at ${size.width}: "${m.smallest.text}"`).toBeGreaterThanOrEqual(min - 0.01);
      expect(m.clock).toBeGreaterThanOrEqual((size.width / 1920) * 96);
      expect(m.overflow).toEqual([]);
      expect(m.overlaps).toEqual([]);
      expect(m.labels?.smallest ?? 0).toBeGreaterThanOrEqual(min - 0.01);
      expect(await wall.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.scrollHeight])).toEqual([
        size.width,
        size.height,
      ]);
    }
    // The rule speaks of a character's height; CSS sizes the em. The wall's font at 32 px, measured:
    // a capital's height (H) and a lower-case letter's (x), for the README's conversion.
    const glyphs = await wall.evaluate(() => {
      const el = document.querySelector('.projector-dash') ?? document.body;
      const ctx = document.createElement('canvas').getContext('2d');
      if (!ctx) return null;
      ctx.font = `32px ${getComputedStyle(el).fontFamily}`;
      return { cap: ctx.measureText('H').actualBoundingBoxAscent, x: ctx.measureText('x').actualBoundingBoxAscent };
    });
    console.log(`wall font at 32 px: cap height ${glyphs?.cap} px, x-height ${glyphs?.x} px`);
    expect(glyphs?.cap ?? 0).toBeGreaterThan(20);
    expect(await axe(wall, 'live projector')).toEqual([]);
    // The dashboard's worst case, last (the page is closed after): both latest events two lines long.
    await wall.setViewportSize({ width: 1920, height: 1080 });
    await wall.waitForTimeout(700);
    await wall.evaluate(() => {
      for (const li of document.querySelectorAll('.headlines li'))
        li.textContent = 'Incident #12: maritime attack, Strait of Hormuz and Gulf waters, severity 3.';
    });
    const long = await measureWall(wall);
    // Each wraps to two lines (or more), and still nothing is clipped at the bottom of the dashboard.
    const lines = await wall.evaluate(() =>
      [...document.querySelectorAll('.headlines li')].map(
        (li) => li.getBoundingClientRect().height / parseFloat(getComputedStyle(li).fontSize),
      ),
    );
    for (const l of lines) expect(l).toBeGreaterThanOrEqual(2);
    if (SHOTS) await wall.screenshot({ path: join(SHOTS, 'projector-live-1920-long-events.png') });
    expect(long.overflow).toEqual([]);
    expect(long.overlaps).toEqual([]);
    await wall.close();
    expect(served.errors).toEqual([]);
  }, 240_000);
});

describe('two White Cell consoles on one room', () => {
  it('share the evaluation guide live: a save on the controller’s console appears on the evaluator’s without a reload', async () => {
    const { fac: controller } = await startedRoom();
    // The evaluator opens the room's console in a second window of the same browser (the room's key is kept there).
    const evaluator = await controller.context().newPage();
    await evaluator.goto(served.srv.url);
    await evaluator.getByRole('tab', { name: 'Evaluation' }).click({ timeout: 60_000 });
    await evaluator.getByLabel('Objective').selectOption({ label: 'Respond to incidents with evidence' });
    expect(await evaluator.getByLabel('Notes', { exact: true }).inputValue()).toBe('');

    const notes = 'The teams waited for the inquiry before naming a sponsor';
    await controller.getByRole('tab', { name: 'Evaluation' }).click();
    await controller.getByLabel('Objective').selectOption({ label: 'Respond to incidents with evidence' });
    await controller.getByRole('radio', { name: 'Performed with some challenges' }).check();
    await controller.getByLabel('Notes', { exact: true }).fill(notes);
    await controller.getByRole('button', { name: 'Save this objective' }).click();
    await controller.getByText('Saved “Respond to incidents with evidence”.').waitFor({ timeout: 60_000 });

    // Pushed by the server: the evaluator's open guide shows it, and the objective is marked rated.
    await expect.poll(() => evaluator.getByLabel('Notes', { exact: true }).inputValue(), { timeout: 20_000 }).toBe(notes);
    expect(await evaluator.getByRole('radio', { name: 'Performed with some challenges' }).isChecked()).toBe(true);
    await evaluator.getByRole('option', { name: 'Respond to incidents with evidence ✓' }).waitFor({ state: 'attached' });
    // Kept with the room: a reload reads it back.
    await evaluator.reload();
    await evaluator.getByRole('tab', { name: 'Evaluation' }).click({ timeout: 60_000 });
    await evaluator.getByLabel('Objective').selectOption({ label: 'Respond to incidents with evidence ✓' });
    expect(await evaluator.getByLabel('Notes', { exact: true }).inputValue()).toBe(notes);
    expect(served.errors).toEqual([]);
  }, 240_000);
});
