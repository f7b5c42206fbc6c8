// The browser benchmarks: builds the game into dist/, serves it with Vite's preview server on a
// free 127.0.0.1 port, and measures it in Debian's Chromium (playwright-core, headless):
//   1. the JavaScript shipped (gzip), with the Phaser chunk on its own;
//   2. page to interactive: from navigation start to "Start solo game" visible and enabled with
//      the main thread idle (no long task for QUIET_MS; the end of the last long task counts);
//   3. the longest main-thread task while the AI delegations play one round (AI in a Web Worker);
//   4. the map's frame rate with 100 new (animated) incidents against the same map without them;
//   5. the debrief: the after-action report of a 12-round game, from its log to the drawn page
//      (median of 5 openings, the first, cold one apart), and the replay of each round;
//   6. 100 load-and-quit cycles of a game in one tab: WebGL context warnings and the heap's growth
//      from the tenth cycle (the code warm) to the hundredth.
// Prints a table, then one JSON line (the last line of output) for machines.
// `--only=debrief` (or another measure's name: interactive, ai, map) runs that one alone.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { build, preview } from 'vite';
import { CHROMIUM, CHROMIUM_ARGS, requireChromium } from './chromium.mjs';

const root = join(import.meta.dirname, '..');
const outDir = join(root, 'dist');
const VIEWPORT = { width: 1280, height: 720 };
/** The main thread counts as idle after this long without a long task. */
const QUIET_MS = 1000;
const TARGETS = {
  jsGzipKB: 500,
  interactiveMs: 1500,
  longestTaskDuringAiTurnMs: 50,
  fpsRatio: 0.8,
  reportMs: 300,
  replayRoundMs: 50,
  cycleHeapGrowthMb: 5,
};
const ONLY = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length) ?? null;
const runs = (name) => ONLY === null || ONLY === name;

const log = (...a) => console.error(...a);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const round1 = (x) => Math.round(x * 10) / 10;

// ---- 1. the JavaScript shipped ------------------------------------------------------------------

function jsSizes() {
  // What the game ships: every chunk reachable from index.html (static and lazy imports, by Vite's
  // manifest) and the AI worker. The map preview page (map.html, built for measure 4) is left out.
  const manifest = JSON.parse(readFileSync(join(outDir, '.vite', 'manifest.json'), 'utf8'));
  const shipped = new Set();
  const walk = (key) => {
    const chunk = manifest[key];
    if (!chunk || shipped.has(chunk.file)) return;
    shipped.add(chunk.file);
    for (const k of [...(chunk.imports ?? []), ...(chunk.dynamicImports ?? [])]) walk(k);
  };
  walk('index.html');
  const dir = join(outDir, 'assets');
  for (const name of readdirSync(dir)) if (/^worker-.*\.js$/.test(name)) shipped.add(`assets/${name}`);
  let total = 0;
  let phaser = 0;
  const files = [];
  for (const file of shipped) {
    if (!file.endsWith('.js')) continue;
    const code = readFileSync(join(outDir, file));
    const gz = gzipSync(code, { level: 9 }).length;
    total += gz;
    // The Phaser chunk is the one holding Phaser's own code (its version banner string).
    const isPhaser = code.includes('Phaser v') || code.includes('phaser.io');
    if (isPhaser) phaser += gz;
    files.push({ name: file, gzipKB: round1(gz / 1000), phaser: isPhaser });
  }
  return { jsGzipKB: round1(total / 1000), phaserChunkGzipKB: round1(phaser / 1000), files };
}

// ---- in-page helpers ----------------------------------------------------------------------------

/** Installed before any page script: records long tasks from the start of the navigation. */
function recordLongTasks() {
  const w = /** @type {any} */ (window);
  w.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  // When "Start solo game" is first visible and enabled (checked on every DOM change and frame).
  w.__startReadyAt = null;
  const check = () => {
    if (w.__startReadyAt !== null) return;
    for (const b of document.querySelectorAll('button')) {
      if (b.textContent?.trim() !== 'Start solo game' || b.disabled) continue;
      const r = b.getBoundingClientRect();
      if (r.width > 0 && r.height > 0 && getComputedStyle(b).visibility !== 'hidden') {
        w.__startReadyAt = performance.now();
        return;
      }
    }
    requestAnimationFrame(check);
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true });
  requestAnimationFrame(check);
}

/** Waits (in Node) until the page has had no long task for QUIET_MS; returns the page's long tasks. */
async function settle(page, timeoutMs = 30_000) {
  const t0 = Date.now();
  for (;;) {
    const s = await page.evaluate(() => {
      const tasks = /** @type {any} */ (window).__longTasks;
      const last = tasks.reduce((m, t) => Math.max(m, t.start + t.duration), 0);
      return { now: performance.now(), last, tasks };
    });
    if (s.now - s.last >= QUIET_MS || Date.now() - t0 > timeoutMs) return s;
    await page.waitForTimeout(100);
  }
}

// ---- 2. page to interactive ---------------------------------------------------------------------

async function interactive(browser, url) {
  const runs = [];
  for (let i = 0; i < 3; i++) {
    const context = await browser.newContext({ viewport: VIEWPORT });
    await context.addInitScript(recordLongTasks);
    const page = await context.newPage();
    await page.goto(url);
    await page.getByRole('button', { name: 'Start solo game' }).waitFor({ state: 'visible' });
    const s = await settle(page);
    const readyAt = await page.evaluate(() => /** @type {any} */ (window).__startReadyAt);
    // Interactive: the button is there and usable, and no long task holds the main thread after.
    const lastTaskEnd = s.tasks.reduce((m, t) => Math.max(m, t.start + t.duration), 0);
    runs.push(Math.max(readyAt ?? s.now, lastTaskEnd));
    await context.close();
  }
  log(`interactive runs (ms): ${runs.map(Math.round).join(', ')}`);
  return Math.round(median(runs));
}

// ---- 3. the longest task during an AI turn ------------------------------------------------------

const visible = async (page, role, name, exact = false) => {
  const l = page.getByRole(role, { name, exact }).first();
  return (await l.count()) > 0 && (await l.isVisible().catch(() => false));
};

async function dismissDialogs(page) {
  for (let i = 0; i < 5; i++) {
    if (await visible(page, 'button', 'Skip the guide')) await page.getByRole('button', { name: 'Skip the guide' }).click();
    else if (await visible(page, 'button', 'Continue', true)) await page.getByRole('button', { name: 'Continue', exact: true }).click();
    else return;
  }
}

const hooks = (page, expr) => page.evaluate(`window.interlock.${expr}`);

async function aiTurn(browser, url) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  await context.addInitScript(recordLongTasks);
  const page = await context.newPage();
  await page.goto(url);
  await page.getByRole('combobox', { name: 'Your delegation' }).selectOption('iran');
  await page.getByRole('spinbutton', { name: 'Seed for the solo game' }).fill('4242');
  await page.getByRole('button', { name: 'Start solo game' }).click();
  await page.getByRole('heading', { name: /Bridge of Phase|Ceasefire — next/ }).waitFor();
  await dismissDialogs(page);
  // The map (the lazy Phaser chunk) mounts and the AI's opening moves end before the turn starts.
  await page.waitForFunction(() => /** @type {any} */ (window).interlock.mapStats() !== null, null, { timeout: 30_000 });
  await page.waitForFunction(() => /** @type {any} */ (window).interlock.thinking() === 0, null, { timeout: 30_000 });
  await settle(page);
  const round = await hooks(page, 'round()');

  const start = await page.evaluate(() => performance.now());
  await page.getByRole('button', { name: 'Ready to commit' }).click();
  await page
    .getByRole('button', { name: 'Seal commit' })
    .or(page.getByRole('button', { name: 'Go to commit' }))
    .first()
    .waitFor({ timeout: 30_000 });
  if (await visible(page, 'button', 'Go to commit')) await page.getByRole('button', { name: 'Go to commit' }).click();
  else if (!(await visible(page, 'button', 'Seal commit'))) await page.getByRole('tab', { name: 'Commit' }).click();
  const seal = page.getByRole('button', { name: 'Seal commit' });
  await seal.waitFor();
  if (!(await seal.isEnabled())) {
    const promised = page.getByRole('checkbox', { name: /promised/ });
    for (let k = 0; k < (await promised.count()); k++) if (await promised.nth(k).isEnabled()) await promised.nth(k).check();
  }
  await seal.click();
  // The AI delegations commit in the worker; the round resolves and its summary opens.
  await page.getByRole('button', { name: 'Continue', exact: true }).waitFor({ timeout: 60_000 });
  await page.getByRole('button', { name: 'Continue', exact: true }).click();
  await page.waitForFunction(
    (r) => /** @type {any} */ (window).interlock.round() > r && /** @type {any} */ (window).interlock.thinking() === 0,
    round,
    { timeout: 60_000 },
  );
  const s = await settle(page);
  const during = s.tasks.filter((t) => t.start >= start);
  const longest = during.reduce((m, t) => Math.max(m, t.duration), 0);
  log(
    `AI turn: round ${round} → ${await hooks(page, 'round()')}, ${Math.round(s.now - start)} ms, long tasks: ${during.map((t) => Math.round(t.duration)).join(', ') || 'none'}`,
  );
  await context.close();
  return Math.round(longest);
}

// ---- 4. the map's frame rate --------------------------------------------------------------------

/** Frames per second over `ms`, by requestAnimationFrame callbacks (and Phaser's own figure). */
function sampleFps(ms) {
  return new Promise((resolve) => {
    const w = /** @type {any} */ (window);
    let frames = 0;
    const phaser = [];
    const t0 = performance.now();
    const tick = (t) => {
      frames += 1;
      if (frames % 10 === 0) phaser.push(w.mapBench.stats().fps);
      if (t - t0 < ms) requestAnimationFrame(tick);
      else resolve({ raf: (frames * 1000) / (t - t0), phaser: phaser.reduce((a, b) => a + b, 0) / Math.max(1, phaser.length) });
    };
    requestAnimationFrame(tick);
  });
}

async function mapFps(browser, url) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  await page.goto(`${url}map.html`);
  await page.waitForFunction(() => /** @type {any} */ (window).mapBench !== undefined, null, { timeout: 30_000 });
  const bare = [];
  const many = [];
  for (let rep = 0; rep < 2; rep++) {
    for (const [n, into] of [
      [0, bare],
      [100, many],
    ]) {
      await page.evaluate((k) => /** @type {any} */ (window).mapBench.addIncidents(k), n);
      await page.waitForTimeout(2000);
      const f = await page.evaluate(sampleFps, 4000);
      const st = await page.evaluate(() => /** @type {any} */ (window).mapBench.stats());
      if (st.incidents !== n) throw new Error(`the map shows ${st.incidents} incidents, not ${n}`);
      log(`map with ${n} incidents: ${round1(f.raf)} fps (rAF), ${round1(f.phaser)} fps (Phaser's actualFps)`);
      into.push(f.raf);
    }
  }
  const renderer = await page.evaluate(() => {
    const g = /** @type {any} */ (window).interlockMap?.game;
    return g?.renderer?.type === 2 ? 'WebGL' : g?.renderer?.type === 1 ? 'Canvas' : 'unknown';
  });
  await context.close();
  const fpsBare = round1(median(bare));
  const fps100 = round1(median(many));
  return { fpsBare, fps100, fpsRatio: Math.round((median(many) / median(bare)) * 100) / 100, renderer };
}

// ---- 5. the debrief -----------------------------------------------------------------------------

/** A 12-round game's log, from the batch simulator (the first seed whose game runs the full length). */
function twelveRoundLog() {
  const dir = mkdtempSync(join(tmpdir(), 'interlock-bench-'));
  for (let seed = 1; seed < 60; seed++) {
    const file = join(dir, `log-${seed}.json`);
    const r = spawnSync(
      process.execPath,
      [join(root, 'scripts', 'cli.mjs'), 'sim', '--games', '1', '--seed', String(seed), '--log', file],
      { encoding: 'utf8' },
    );
    if (r.status !== 0) throw new Error(`sim failed: ${r.stderr}`);
    if (JSON.parse(readFileSync(file, 'utf8')).final.round === 12) return file;
  }
  throw new Error('no 12-round game in 60 seeds');
}

async function debrief(browser, url) {
  const file = twelveRoundLog();
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  await page.goto(url);
  const reports = [];
  for (let i = 0; i < 6; i++) {
    await page.locator('#load-debrief').setInputFiles(file);
    await page.getByRole('heading', { name: 'After-action report', level: 1 }).waitFor();
    const st = await hooks(page, 'debrief()');
    reports.push(st.reportMs);
    log(
      `report ${i + 1}: ${Math.round(st.reportMs)} ms (replay of the log ${Math.round(st.reportParts.replay)}, data ${Math.round(st.reportParts.data)}, page and charts ${Math.round(st.reportParts.page)})`,
    );
    if (i < 5) await page.getByRole('button', { name: 'Back to the menu' }).click();
  }
  await page.getByRole('button', { name: 'Replay round by round' }).click();
  const slider = page.getByRole('slider', { name: 'Round shown' });
  await slider.waitFor();
  await page.waitForFunction(() => /** @type {any} */ (window).interlock.debrief()?.replayMs !== null);
  await page.waitForTimeout(1500); // the map's lazy chunk
  const show = (round) =>
    page.evaluate(async (r) => {
      const input = /** @type {HTMLInputElement} */ (document.getElementById('replay-round'));
      const t0 = performance.now();
      input.value = String(r);
      input.dispatchEvent(new window.Event('input'));
      const sync = performance.now() - t0;
      await new Promise((done) => requestAnimationFrame(() => window.setTimeout(done, 0)));
      return { sync, painted: performance.now() - t0, own: /** @type {any} */ (window).interlock.debrief().replayMs };
    }, round);
  const firstVisit = [];
  const again = [];
  for (const audience of ['facilitator', 'iran']) {
    await page.getByRole('combobox', { name: 'Seen as' }).selectOption(audience);
    for (let r = 1; r <= 12; r++) firstVisit.push(await show(r));
  }
  for (let r = 12; r >= 1; r--) again.push(await show(r));
  await context.close();
  const med = (xs) => Math.round(median(xs) * 10) / 10;
  const max = (xs) => Math.round(Math.max(...xs) * 10) / 10;
  const sorted = reports.slice(1);
  // The page redraws after the input event (Preact batches it): the replay's own measure runs
  // from the input to the page and the map updated.
  log(`replay, first visit of each round (input to page and map, ms): ${firstVisit.map((x) => Math.round(x.own)).join(', ')}`);
  log(
    `replay, cached (ms): ${again.map((x) => Math.round(x.own)).join(', ')}; to the next frame: median ${med(again.map((x) => x.painted))}`,
  );
  return {
    reportFirstMs: Math.round(reports[0]),
    reportMs: Math.round(median(sorted)),
    replayRoundMs: med(firstVisit.map((x) => x.own)),
    replayRoundMaxMs: max(firstVisit.map((x) => x.own)),
    replayCachedMs: med(again.map((x) => x.own)),
    replayToFrameMs: med(firstVisit.map((x) => x.painted)),
  };
}

// ---- main ---------------------------------------------------------------------------------------

async function main() {
  requireChromium();
  log('building into dist/ …');
  await build({ root, logLevel: 'error', build: { outDir, emptyOutDir: true, manifest: true } });
  const sizes = jsSizes();
  const server = await preview({ root, logLevel: 'error', preview: { port: 0, host: '127.0.0.1', strictPort: false } });
  const { port } = server.httpServer.address();
  const url = `http://127.0.0.1:${port}/`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const load = loadavg()
      .map((x) => x.toFixed(2))
      .join(' ');
    const interactiveMs = runs('interactive') ? await interactive(browser, url) : null;
    const longestTaskDuringAiTurnMs = runs('ai') ? await aiTurn(browser, url) : null;
    const fps = runs('map') ? await mapFps(browser, url) : null;
    const deb = runs('debrief') ? await debrief(browser, url) : null;
    const cyc = runs('cycles') ? await cycles(url) : null;
    const result = {
      jsGzipKB: sizes.jsGzipKB,
      phaserChunkGzipKB: sizes.phaserChunkGzipKB,
      interactiveMs,
      longestTaskDuringAiTurnMs,
      fpsBare: fps?.fpsBare ?? null,
      fps100: fps?.fps100 ?? null,
      fpsRatio: fps?.fpsRatio ?? null,
      ...(deb ?? {}),
      ...(cyc ?? {}),
    };
    const ok = (v, ok) => (ok ? 'ok' : 'OVER');
    const rows = [
      [
        'JS shipped, gzip (kB = 1000 B)',
        `${result.jsGzipKB} (Phaser chunk ${result.phaserChunkGzipKB})`,
        `≤ ${TARGETS.jsGzipKB}`,
        ok(0, result.jsGzipKB <= TARGETS.jsGzipKB),
      ],
      ...(interactiveMs !== null
        ? [['page to interactive (ms)', String(interactiveMs), `≤ ${TARGETS.interactiveMs}`, ok(0, interactiveMs <= TARGETS.interactiveMs)]]
        : []),
      ...(longestTaskDuringAiTurnMs !== null
        ? [
            [
              'longest main-thread task, AI turn (ms)',
              String(longestTaskDuringAiTurnMs),
              `≤ ${TARGETS.longestTaskDuringAiTurnMs}`,
              ok(0, longestTaskDuringAiTurnMs <= TARGETS.longestTaskDuringAiTurnMs),
            ],
          ]
        : []),
      ...(fps
        ? [
            [
              `map fps, 100 incidents / bare (${fps.renderer})`,
              `${fps.fps100} / ${fps.fpsBare} = ${fps.fpsRatio}`,
              `≥ ${TARGETS.fpsRatio}`,
              ok(0, fps.fpsRatio >= TARGETS.fpsRatio),
            ],
          ]
        : []),
      ...(deb
        ? [
            [
              'report of a 12-round game, log to page (ms)',
              `${deb.reportMs} (first, cold: ${deb.reportFirstMs})`,
              `≤ ${TARGETS.reportMs}`,
              ok(0, deb.reportMs <= TARGETS.reportMs),
            ],
            [
              'replay of a round, median / worst (ms)',
              `${deb.replayRoundMs} / ${deb.replayRoundMaxMs} (cached ${deb.replayCachedMs})`,
              `≤ ${TARGETS.replayRoundMs}`,
              ok(0, deb.replayRoundMaxMs <= TARGETS.replayRoundMs),
            ],
          ]
        : []),
      ...(cyc
        ? [
            [
              '100 load-and-quit cycles: heap growth 10→100 (MB), WebGL warnings',
              `${cyc.cycleHeapGrowthMb}, ${cyc.cycleWarnings}`,
              `≤ ${TARGETS.cycleHeapGrowthMb}, 0`,
              ok(0, cyc.cycleHeapGrowthMb <= TARGETS.cycleHeapGrowthMb && cyc.cycleWarnings === 0),
            ],
          ]
        : []),
    ];
    const widths = [0, 1, 2, 3].map((c) => Math.max(...rows.map((r) => r[c].length), ['measure', 'value', 'target', ''][c].length));
    const line = (r) => r.map((c, i) => c.padEnd(widths[i])).join('  ');
    console.log(`browser benchmarks — headless Chromium ${browser.version()}, ${VIEWPORT.width}×${VIEWPORT.height}, load average ${load}`);
    console.log(line(['measure', 'value', 'target', '']));
    for (const r of rows) console.log(line(r));
    for (const f of sizes.files) log(`  ${f.name}: ${f.gzipKB} kB gzip${f.phaser ? ' (Phaser)' : ''}`);
    console.log(JSON.stringify(result));
  } finally {
    await browser.close();
    await server.close();
  }
}

// ---- 6. load-and-quit cycles -----------------------------------------------------------------------

/** 100 games opened and left in one tab (the map drawn each time): WebGL warnings and heap growth. */
async function cycles(url) {
  // WebGL drawn in software, as in the browser tests, so each cycle creates and releases a real context.
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [...CHROMIUM_ARGS, '--enable-unsafe-swiftshader', '--use-angle=swiftshader'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1024, height: 768 } });
    const warnings = [];
    page.on('console', (m) => {
      if (/WebGL context/i.test(m.text())) warnings.push(m.text());
    });
    await page.goto(url);
    await page.getByRole('button', { name: 'Start solo game' }).click();
    await page.getByRole('heading', { name: /Ceasefire — next/ }).waitFor();
    const cdp = await page.context().newCDPSession(page);
    const heapMb = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      return (await cdp.send('Runtime.getHeapUsage')).usedSize / 1e6;
    };
    const shown = (role, name) =>
      page
        .getByRole(role, { name, exact: true })
        .isVisible()
        .catch(() => false);
    let settled = 0;
    for (let i = 1; i <= 100; i++) {
      for (let k = 0; k < 5; k++) {
        if (await shown('button', 'Skip the guide')) await page.getByRole('button', { name: 'Skip the guide' }).click();
        else if (await shown('button', 'Continue')) await page.getByRole('button', { name: 'Continue', exact: true }).click();
        else break;
      }
      const bar = page.getByRole('banner');
      if (!(await bar.getByRole('button', { name: 'Quit to menu' }).isVisible()))
        await bar.getByRole('button', { name: 'Menu', exact: true }).click();
      await bar.getByRole('button', { name: 'Quit to menu' }).click();
      await page.getByRole('button', { name: /Continue saved game/ }).click();
      await page.waitForFunction(() => window.interlock.mapStats() !== null);
      if (i === 10) settled = await heapMb();
    }
    return { cycleWarnings: warnings.length, cycleHeapGrowthMb: round1((await heapMb()) - settled) };
  } finally {
    await browser.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
