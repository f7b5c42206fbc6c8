// The debrief and scenario authoring as a facilitator and an instructor meet them (issue 6, "done
// when"): after a session, open the report, walk through the game round by round, fork a what-if
// from round 5 and hand out a PDF; write a scenario from the docs alone, check it and play it;
// print the briefing packs.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { dealtObjectives } from '../../src/engine';
import { makeSave } from '../../src/machine/saveFile';
import { findGame, loadScenario } from '../report/cheater';
import { gamePages } from './harness';
import { dismissDialogs, playStep } from './play';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'interlock-debrief-'));
const pages = gamePages(join(dir, 'dist'));
const consoleErrors = pages.errors;
const fresh = (size = { width: 1280, height: 720 }): Promise<Page> => pages.open({ size, downloads: true });

type Stats = { reportMs: number | null; replayMs: number | null; rounds: number };
const stats = (page: Page) => page.evaluate(() => (window as unknown as { interlock: { debrief(): Stats | null } }).interlock.debrief());

let saved: { file: string; seed: number; iranSecret: string } | null = null;
/** A finished twelve-round game with a quiet defection caught and a misattribution, saved as a player would. */
function finishedSave(): { file: string; seed: number; iranSecret: string } {
  if (saved) return saved;
  const sc = loadScenario('ceasefire-2026.json');
  const { seed, session } = findGame(
    sc,
    (s) =>
      s.state.round === 12 &&
      s.state.violations.length > 0 &&
      s.state.incidents.some((i) => i.attribution?.named && i.attribution.named !== i.sponsor),
  );
  const file = join(dir, `save-${seed}.json`);
  writeFileSync(
    file,
    JSON.stringify(makeSave(sc, session, { mode: 'solo', humans: ['iran'], difficulty: 'standard' }, new Date().toISOString())),
  );
  // Words of a secret objective Iran was dealt in this game (the deal follows the seed).
  const first = dealtObjectives(sc, session.state, 'iran')[0];
  if (!first) throw new Error('Iran was dealt no secret objective');
  saved = { file, seed, iranSecret: first.text.split(':')[0]?.slice(0, 30) ?? first.text };
  return saved;
}

/** Controls on the page without an accessible name (label, aria-label or text). */
const unnamedControls = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('button, select, input, summary, a[href]')]
      .filter(
        (el) =>
          !(
            el.getAttribute('aria-label') ||
            (el as HTMLInputElement).labels?.length ||
            el.textContent?.trim() ||
            el.getAttribute('aria-labelledby')
          ),
      )
      .filter((el) => !el.classList.contains('sr-only'))
      .map((el) => el.outerHTML.slice(0, 80)),
  );

async function downloadText(page: Page, name: string): Promise<string> {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
  const path = await dl.path();
  return readFileSync(path, 'utf8');
}

describe('after a session', () => {
  it('the facilitator opens the report, walks the game round by round, forks a what-if from round 5 and prints a PDF', async () => {
    const { file, iranSecret } = finishedSave();
    const page = await fresh();
    await page.locator('#load-save').setInputFiles(file);
    await page.getByRole('heading', { name: 'The talks are over' }).waitFor();
    await page.getByRole('button', { name: 'After-action report' }).click();

    // The report: every part, the charts drawn, misattributions marked.
    await page.getByRole('heading', { name: 'After-action report', level: 1 }).waitFor();
    for (const h of [
      'Key turning points',
      'The escalation curve',
      'Domestic support and trust',
      'The promise ledger',
      'Quiet defections',
      'Attribution accuracy',
      'Secret objectives',
    ])
      await expect(page.getByRole('heading', { name: h, level: 2 }).count()).resolves.toBe(1);
    expect(await page.locator('figure.chart canvas').count()).toBe(3);
    expect(await page.locator('#promise-ledger tbody tr').count()).toBeGreaterThan(10);
    expect(await page.locator('#attribution').textContent()).toContain('MISATTRIBUTED');
    await expect(page.getByText(/reveals everything/).count()).resolves.toBe(1);
    expect(await unnamedControls(page)).toEqual([]);
    const s1 = await stats(page);
    expect(s1?.rounds).toBe(12);
    expect(s1?.reportMs).toBeGreaterThan(0);
    expect(s1?.reportMs).toBeLessThan(3000); // the 300 ms target is measured by npm run bench

    // Exports: Markdown, CSV of every series, the JSON log.
    expect(await downloadText(page, 'Download the report as Markdown')).toContain('## Promise ledger');
    const csv = (await downloadText(page, 'Download every time series as CSV')).trim().split('\n');
    expect(csv).toHaveLength(13);
    expect(csv[0]).toMatch(/^round,phase,tension,front_tension\./);
    const log = JSON.parse(await downloadText(page, 'Download the JSON event log'));
    expect(log.format).toBe('interlock-log');
    expect(log.final.round).toBe(12);

    // The printed page: A4 at 12 mm margins leaves 703 CSS px; no chart is wider than its figure or the page.
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: 703, height: 1000 });
    const boxes = await page.evaluate(() =>
      [...document.querySelectorAll('figure.chart')].map((f) => {
        const fig = f.getBoundingClientRect();
        const canvas = f.querySelector('canvas')?.getBoundingClientRect();
        return {
          figRight: fig.right,
          canvasLeft: canvas?.left ?? -1,
          canvasRight: canvas?.right ?? 1e9,
          canvasHeight: canvas?.height ?? 0,
          page: document.documentElement.clientWidth,
        };
      }),
    );
    expect(boxes).toHaveLength(3);
    for (const b of boxes) {
      expect(b.canvasLeft).toBeGreaterThanOrEqual(0);
      expect(b.canvasRight).toBeLessThanOrEqual(b.figRight);
      expect(b.figRight).toBeLessThanOrEqual(b.page);
      expect(b.canvasHeight).toBeGreaterThan(100);
    }
    expect(await page.locator('.doc-bar').isVisible()).toBe(false);
    await page.emulateMedia({ media: null });
    await page.setViewportSize({ width: 1280, height: 720 });
    const pdf = (await page.pdf({ format: 'A4', printBackground: true })).toString('latin1');
    expect((pdf.match(/\/Type\s*\/Page[^s]/g) ?? []).length).toBeGreaterThanOrEqual(4);
    expect((pdf.match(/\/Subtype\s*\/Image/g) ?? []).length).toBeGreaterThanOrEqual(3);

    // The replay: round 5 as the facilitator, then as Iran and as the US (no secret of another).
    await page.getByRole('button', { name: 'Replay round by round' }).click();
    const slider = page.getByRole('slider', { name: 'Round shown' });
    await slider.focus();
    await page.keyboard.press('Home');
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
    await expect(page.getByText('Round 5 of 12').count()).resolves.toBe(1);
    await page.getByRole('heading', { name: /Bridge of Phase|Ceasefire — next/ }).waitFor();
    expect(await unnamedControls(page)).toEqual([]);
    await page.getByRole('button', { name: 'Next round' }).click();
    await page.getByRole('button', { name: 'Previous round' }).click();
    await expect(page.getByText('Round 5 of 12').count()).resolves.toBe(1);
    await page.getByText('Map as text').click();
    await expect(
      page
        .locator('details.maptext-d li')
        .filter({ hasText: /Strait of Hormuz/ })
        .count(),
    ).resolves.toBeGreaterThan(0);
    const replayMs = (await stats(page))?.replayMs ?? 1e9;
    expect(replayMs).toBeLessThan(500); // the 50 ms target is measured by npm run bench
    await page.getByRole('combobox', { name: 'Seen as' }).selectOption('iran');
    await expect(page.getByText(iranSecret).count()).resolves.toBeGreaterThan(0);
    await page.getByRole('combobox', { name: 'Seen as' }).selectOption('usa');
    expect(await page.getByText(iranSecret).count()).toBe(0);
    expect(await page.locator('.replay .events li.secret').count()).toBe(0);
    const usaPanel = (await page.locator('.replay aside.right').textContent()) ?? '';
    expect(usaPanel).not.toMatch(/(Iran|Gulf|Israel|EU|IAEA) quietly stops/);
    const ownCommit = page.getByRole('list', { name: 'Your sealed commit' }).getByRole('listitem');
    expect(await ownCommit.count()).toBeLessThanOrEqual(1);
    if (await ownCommit.count()) expect(await ownCommit.textContent()).toMatch(/^US: /);
    await page.getByRole('combobox', { name: 'Seen as' }).selectOption('public');
    expect(await page.locator('.replay .events li.private').count()).toBe(0);
    expect(await page.getByRole('list', { name: /sealed commit/i }).count()).toBe(0);
    await page.getByRole('combobox', { name: 'Seen as' }).selectOption('facilitator');
    await expect(page.getByRole('list', { name: 'Sealed commits' }).getByRole('listitem').count()).resolves.toBe(6);

    // What-if from round 5: a new game that starts at round 5, played on as Iran.
    await page.getByRole('combobox', { name: 'Delegation you play in the what-if' }).selectOption('iran');
    await page.getByRole('button', { name: 'Play on from round 5' }).click();
    await page.getByRole('heading', { name: /Bridge of Phase|Ceasefire — next/ }).waitFor();
    await dismissDialogs(page);
    expect(await page.evaluate(() => (window as unknown as { interlock: { round(): number } }).interlock.round())).toBe(5);
    for (let i = 0; i < 60; i++) {
      await playStep(page);
      if ((await page.evaluate(() => (window as unknown as { interlock: { round(): number } }).interlock.round())) > 5) break;
    }
    expect(await page.evaluate(() => (window as unknown as { interlock: { round(): number } }).interlock.round())).toBe(6);
    await page.context().close();
  }, 300_000);

  it('opens the report of a saved game from the start screen, compares several, and refuses a file that is not one', async () => {
    const page = await fresh();
    const junk = join(dir, 'notes.json');
    writeFileSync(junk, '{"format":"interlock-log","version":1}');
    await page.locator('#load-debrief').setInputFiles(junk);
    await page
      .getByRole('alert')
      .filter({ hasText: /cannot be replayed.*Nothing was changed/ })
      .waitFor();
    await page.locator('#load-debrief').setInputFiles(finishedSave().file);
    await page.getByRole('heading', { name: 'After-action report', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Back to the menu' }).click();
    await page.getByRole('heading', { name: 'Solo game' }).waitFor();
    // Several games side by side: the good files compared, the bad one left out with its reason.
    await page.locator('#load-compare').setInputFiles([finishedSave().file, junk]);
    await page.getByRole('heading', { name: /^1 games? of Ceasefire 2026, side by side/ }).waitFor();
    await expect(page.locator('#comparison tbody tr').count()).resolves.toBe(1);
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/notes\.json: The game cannot be replayed/);
    expect(await page.locator('figure.chart canvas').count()).toBe(2);
    await page.getByRole('button', { name: 'Back to the menu' }).click();
    await page.context().close();
  }, 120_000);
});

describe('before a session', () => {
  it('prints a briefing pack per delegation, each with its own secret objectives only', async () => {
    const page = await fresh();
    await page.getByRole('button', { name: 'Briefing packs' }).click();
    await expect(page.locator('article.brief').count()).resolves.toBe(6);
    await page.getByRole('combobox', { name: 'Briefing packs to show' }).selectOption('gulf');
    const packs = page.locator('article.brief');
    await expect(packs.count()).resolves.toBe(1);
    const text = (await packs.textContent()) ?? '';
    expect(text).toContain('Briefing: Gulf states');
    expect(text).toContain('Confidential');
    expect(text).toContain('Maritime restraint at Hormuz');
    expect(text).not.toContain('Keep a deterrent');
    await page.getByRole('combobox', { name: 'Briefing packs to show' }).selectOption('');
    const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
    expect((pdf.match(/\/Type\s*\/Page[^s]/g) ?? []).length).toBeGreaterThanOrEqual(6);
    await page.context().close();
  }, 120_000);
});

describe('scenario authoring', () => {
  it('an instructor writes a scenario from the docs alone, sees a bad one refused with every problem listed, and plays it to the end', async () => {
    const doc = readFileSync(join(root, 'docs/scenario-format.md'), 'utf8');
    const at = doc.indexOf('<!-- example: hormuz-hotline');
    const start = doc.indexOf('```json\n', at) + 8;
    const example = doc.slice(start, doc.indexOf('```', start));
    const good = join(dir, 'hormuz-hotline.json');
    writeFileSync(good, example);
    const broken = JSON.parse(example);
    broken.moves[5].delegation = 'irna';
    broken.delegations[1].color = 'orange';
    const bad = join(dir, 'broken.json');
    writeFileSync(bad, JSON.stringify(broken));

    const page = await fresh();
    await page.locator('#load-scenario').setInputFiles(bad);
    const problems = page.getByRole('list', { name: 'Problems found' });
    await problems.getByText('delegations[1].color: a colour is #rrggbb').waitFor();
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/Nothing was changed/);
    await expect(page.getByText('Scenario: Ceasefire 2026', { exact: true }).count()).resolves.toBe(1);

    await page.locator('#load-scenario').setInputFiles(good);
    await page.getByText('Scenario: Hormuz Hotline (loaded from a file)').waitFor();
    await page.getByRole('combobox', { name: 'Your delegation' }).selectOption('iran');
    await page.getByRole('spinbutton', { name: 'Seed for the solo game' }).fill('21');
    await page.getByRole('button', { name: 'Start solo game' }).click();
    await page.getByRole('heading', { name: /Bridge of Phase|Ceasefire — next/ }).waitFor();
    await expect(page.getByText(/Phase A, Keep your distance/).count()).resolves.toBeGreaterThan(0);
    let steps = 0;
    while ((await playStep(page)) && steps < 800) steps += 1;
    await expect(page.getByRole('heading', { name: 'The talks are over' }).isVisible()).resolves.toBe(true);
    // The reload keeps the scenario, so the finished game's report opens from its autosave too.
    await page.reload();
    await page.getByText('Scenario: Hormuz Hotline (loaded from a file)').waitFor();
    await page.getByRole('button', { name: 'Use the built-in scenario' }).click();
    await page.getByText('Scenario: Ceasefire 2026', { exact: true }).waitFor();
    await page.context().close();
  }, 300_000);
});

describe('the console', () => {
  it('stayed free of errors through the debrief', () => {
    expect(consoleErrors).toEqual([]);
  });
});
