// npm run bench:abuse [-- --seconds N] [--only flood|hammer|page] [--json]
// The room server attacked by one student's machine, on loopback (issue #13 targets), with the
// server as its own process (what npm start runs):
//   1. a bystander room's intent → all 8 clients, p95 ≤ 50 ms: quiet, while 40 connections of
//      one address flood, and while 60 connections hammer joins on a seat whose chat is full;
//   2. the bytes a new laptop downloads to reach the start screen (Chromium) ≤ 450 kB, and any
//      Content-Security-Policy violation there or once a solo game with its map is on screen.
// Needs the built game (npm run bench:abuse builds it first) and /usr/bin/chromium.
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, requireChromium } from '../../scripts/chromium.mjs';
import { intFlag, parseArgs } from './args';
import { runAttack, type AttackOrder, type AttackResult } from './abuseAttacks';
import { BenchClient, BenchServer, benchRoom, fanoutOnce, freePort, msgId, nextAddress, pct, r2, type BenchRoom } from './benchServer';

// The attacker's thread: runs its order and reports back (see attackPhase).
if (!isMainThread) {
  const { order, block } = workerData as { order: AttackOrder; block: number };
  parentPort?.postMessage(await runAttack(order, block));
  await new Promise(() => undefined);
}

const { flags } = parseArgs(process.argv.slice(2));
const SECONDS = intFlag(flags, 'seconds', 6);
const only = typeof flags.only === 'string' ? flags.only : null;
const runs = (phase: string) => only === null || only === phase;
const json = flags.json === true;
const say = (s: string) => !json && process.stdout.write(`${s}\n`);
const TARGETS = { bystanderP95Ms: 50, startScreenKB: 450 };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const server = new BenchServer(await freePort(), process.cwd());
await server.start();

/** Samples the bystander room's fan-out, one intent every 100 ms, while `attack` runs. */
async function bystanderDuring(room: BenchRoom, attack: () => Promise<unknown>) {
  const until = performance.now() + SECONDS * 1000;
  const cpu0 = server.cpuSeconds();
  const running = attack();
  const times: number[] = [];
  await sleep(300);
  while (performance.now() < until) {
    times.push(await fanoutOnce(room));
    await sleep(100);
  }
  await running;
  await sleep(500);
  // The server's own share of one core over the phase (100% = one core busy all along).
  const serverCpu = Math.round(((server.cpuSeconds() - cpu0) / (SECONDS + 0.5)) * 100);
  return { samples: times.length, medianMs: r2(pct(times, 0.5)), p95Ms: r2(pct(times, 0.95)), maxMs: r2(Math.max(...times)), serverCpu };
}

const bystander = await benchRoom(server.url, 1);
const victim = await benchRoom(server.url, 2);
await sleep(300);

const quiet = await bystanderDuring(bystander, async () => undefined);
say(
  `bystander room, quiet: median ${quiet.medianMs} ms, p95 ${quiet.p95Ms} ms (${quiet.samples} intents; server CPU ${quiet.serverCpu}% of a core)`,
);

/** The victim room's chat filled to its limits: every delegation writes until refused, from enough laptops to do it in seconds. */
async function fillChat(): Promise<number> {
  const text = 'a long message to fill the chat '.repeat(15);
  for (const [d, token] of Object.entries(victim.tokens)) {
    for (let refused = false; !refused;) {
      const c = new BenchClient(server.url, nextAddress(), { reconnection: false });
      await c.ready();
      await c.call('room.join', { code: victim.code, as: { kind: 'seat', token }, name: `writer ${d}` });
      const answers = await Promise.all(Array.from({ length: 25 }, () => c.call('chat.send', { id: msgId(), to: 'all', text })));
      refused = answers.some((a) => !a.ok && a.code === 'refused');
      c.socket.close();
    }
  }
  const probe = new BenchClient(server.url, nextAddress(), { reconnection: false });
  await probe.ready();
  let bytes = 0;
  probe.socket.on('sync', (m: unknown) => (bytes = JSON.stringify(m).length));
  await probe.call('room.join', { code: victim.code, as: { kind: 'seat', token: victim.tokens.iran }, name: 'probe' });
  await sleep(200);
  probe.socket.close();
  return bytes;
}

/** Runs an attack in a worker thread (this same file) and samples the bystander meanwhile. */
let blocks = 0;
async function attackPhase(kind: AttackOrder['kind'], oneAddress: boolean) {
  const order: AttackOrder = {
    kind,
    url: server.url,
    code: victim.code,
    token: victim.tokens.iran as string,
    seconds: SECONDS,
    oneAddress,
  };
  let result: AttackResult = { sent: 0, cut: 0, joins: 0 };
  const r = await bystanderDuring(bystander, async () => {
    const worker = new Worker(new URL(import.meta.url), { workerData: { order, block: ++blocks } });
    result = await new Promise<AttackResult>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    await worker.terminate();
  });
  return { ...r, ...result };
}

let flood = null;
if (runs('flood')) {
  flood = await attackPhase('flood', true);
  say(
    `bystander room, 40 connections of one address flooding (${flood.sent} messages sent, cut off ${flood.cut} times): median ${flood.medianMs} ms, p95 ${flood.p95Ms} ms (target p95 ≤ ${TARGETS.bystanderP95Ms} ms; server CPU ${flood.serverCpu}% of a core)`,
  );
}
let hammer = null;
let hammer60 = null;
let syncBytes = 0;
if (runs('hammer')) {
  syncBytes = await fillChat();
  hammer = await attackPhase('hammer', true);
  say(
    `bystander room, 60 connections of one address joining a seat whose chat is full (${hammer.sent} joins sent on new connections, ${hammer.joins} accepted; a join's sync ${r2(syncBytes / 1024)} KB): median ${hammer.medianMs} ms, p95 ${hammer.p95Ms} ms (target p95 ≤ ${TARGETS.bystanderP95Ms} ms; server CPU ${hammer.serverCpu}% of a core)`,
  );
  hammer60 = await attackPhase('hammer', false);
  say(
    `bystander room, the same from 60 addresses (${hammer60.sent} sent, ${hammer60.joins} accepted): median ${hammer60.medianMs} ms, p95 ${hammer60.p95Ms} ms (server CPU ${hammer60.serverCpu}% of a core)`,
  );
}

// The start screen in Chromium: every byte the network delivered (compressed, with headers).
async function startScreen() {
  requireChromium();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    await context.addInitScript(() => {
      const w = window as unknown as { __csp: string[] };
      w.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    let bytes = 0;
    const files: string[] = [];
    cdp.on('Network.responseReceived', (e: { response: { url: string } }) => files.push(new URL(e.response.url).pathname));
    cdp.on('Network.loadingFinished', (e: { encodedDataLength: number }) => (bytes += e.encodedDataLength));
    const consoleCsp: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) consoleCsp.push(m.text());
    });
    await page.goto(server.url);
    await page.getByRole('button', { name: 'Start solo game' }).waitFor({ state: 'visible', timeout: 30_000 });
    await sleep(500);
    const startBytes = bytes;
    const startFiles = [...new Set(files)];
    // On into a solo game with its map (Phaser, the AI worker): the policy must let them run.
    await page.getByRole('button', { name: 'Start solo game' }).click();
    await page
      .waitForFunction(() => (window as unknown as { interlock?: { mapStats(): unknown } }).interlock?.mapStats() != null, null, {
        timeout: 30_000,
      })
      .catch(() => undefined);
    await sleep(1500);
    const violations = [...(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)), ...consoleCsp];
    return { startScreenKB: r2(startBytes / 1000), files: startFiles, cspViolations: violations };
  } finally {
    await browser.close();
  }
}
const page = runs('page') ? await startScreen() : null;
if (page)
  say(
    `start screen of a new laptop: ${page.startScreenKB} kB over the network (${page.files.length} files: ${page.files.join(', ')}) (target ≤ ${TARGETS.startScreenKB} kB)`,
  );
if (page)
  say(
    `Content-Security-Policy violations on the start screen and in a solo game with its map: ${page.cspViolations.length ? page.cspViolations.join(' | ') : 'none'}`,
  );
const load = loadavg();
say(`load average at the end: ${load.map((x) => x.toFixed(2)).join(' ')} (the machine is shared)`);

const result = {
  quiet,
  flood,
  hammer: hammer && { ...hammer, syncKB: r2(syncBytes / 1024) },
  hammer60Addresses: hammer60,
  startScreen: page,
  loadavg: load,
  targets: TARGETS,
};
if (json) process.stdout.write(`${JSON.stringify(result)}\n`);
for (const room of [bystander, victim]) for (const c of room.clients) c.socket.close();
await server.dispose();
process.exit(0);
