// npm run bench:abuse [-- --seconds N] [--only flood|hammer|page] [--json]
// The room server attacked by one student's machine, on loopback (issue #13 targets), with the
// server as its own process (what npm start runs):
//   1. a bystander room's intent → all 8 clients, p95 ≤ 50 ms: quiet, while 40 connections of
//      one address flood, and while 60 connections hammer joins on a seat whose chat is full;
//   2. the bytes a new laptop downloads to reach the start screen (Chromium) ≤ 450 kB, and any
//      Content-Security-Policy violation there or once a solo game with its map is on screen.
// Needs the built game (npm run bench:abuse builds it first) and /usr/bin/chromium.
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { chromium } from 'playwright-core';
import { intFlag, parseArgs } from './args';
import { BenchClient, BenchServer, benchRoom, fanoutOnce, freePort, msgId, nextAddress, pct, r2, type BenchRoom } from './benchServer';

const { flags } = parseArgs(process.argv.slice(2));
const SECONDS = intFlag(flags, 'seconds', 6);
const only = typeof flags.only === 'string' ? flags.only : null;
const runs = (phase: string) => only === null || only === phase;
const json = flags.json === true;
const say = (s: string) => !json && process.stdout.write(`${s}\n`);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const TARGETS = { bystanderP95Ms: 50, startScreenKB: 450 };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const server = new BenchServer(await freePort(), process.cwd());
await server.start();

/** Samples the bystander room's fan-out, one intent every 100 ms, while `attack` runs. */
async function bystanderDuring(room: BenchRoom, attack: (until: number) => Promise<unknown>) {
  const until = performance.now() + SECONDS * 1000;
  const running = attack(until);
  const times: number[] = [];
  await sleep(300);
  while (performance.now() < until) {
    times.push(await fanoutOnce(room));
    await sleep(100);
  }
  await running;
  await sleep(500);
  return { samples: times.length, medianMs: r2(pct(times, 0.5)), p95Ms: r2(pct(times, 0.95)), maxMs: r2(Math.max(...times)) };
}

const bystander = await benchRoom(server.url, 1);
const victim = await benchRoom(server.url, 2);
await sleep(300);

const quiet = await bystanderDuring(bystander, async () => undefined);
say(`bystander room, quiet: median ${quiet.medianMs} ms, p95 ${quiet.p95Ms} ms (${quiet.samples} intents)`);

/** 40 connections of one address send chats into the victim room as fast as they can, and connect again whenever the server cuts them off. */
async function floodPhase() {
  let sent = 0;
  let cut = 0;
  const address = nextAddress();
  const token = victim.tokens.iran as string;
  const line = 'spam '.repeat(100);
  const r = await bystanderDuring(bystander, async (until) => {
    const clients = Array.from({ length: 40 }, () => new BenchClient(server.url, address));
    await Promise.all(
      clients.map(async (c) => {
        // Cut off by the server, it connects again at once (socket.io would not by itself).
        c.socket.on('disconnect', () => {
          cut++;
          if (performance.now() < until) setTimeout(() => c.socket.connect(), 20);
        });
        while (performance.now() < until) {
          if (!c.socket.connected) {
            await sleep(20);
            continue;
          }
          c.socket.emit('room.join', { code: victim.code, as: { kind: 'seat', token }, name: 'flood' }, () => undefined);
          for (let k = 0; k < 20; k++) c.socket.emit('chat.send', { id: msgId(), to: 'all', text: line }, () => undefined);
          sent += 21;
          await sleep(5);
        }
      }),
    );
    for (const c of clients) c.socket.close();
  });
  say(`bystander room, 40 connections of one address flooding (${sent} messages sent, cut off ${cut} times): median ${r.medianMs} ms, p95 ${r.p95Ms} ms (target p95 ≤ ${TARGETS.bystanderP95Ms} ms)`);
  return { ...r, sent, cut };
}

/** The victim room's chat filled to its limits: every delegation writes until refused, from enough laptops to do it in seconds. */
async function fillChat(): Promise<number> {
  const text = 'a long message to fill the chat '.repeat(15);
  for (const [d, token] of Object.entries(victim.tokens)) {
    for (let refused = false; !refused; ) {
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

/**
 * 60 workers hammer joins on that seat, each join on a new connection (a join on a connection
 * already in the seat changes nothing), each answered with the whole picture.
 */
async function hammerPhase(addresses: () => string) {
  let joins = 0;
  const token = victim.tokens.iran as string;
  const attempt = async () => {
    const c = new BenchClient(server.url, addresses(), { reconnection: false });
    const connected = await Promise.race([c.ready().then(() => true), new Promise<boolean>((r) => c.socket.once('connect_error', () => r(false))), sleep(2000).then(() => false)]);
    if (connected) {
      const a = await c.call('room.join', { code: victim.code, as: { kind: 'seat', token }, name: 'hammer' }, 2000).catch(() => null);
      if (a?.ok) joins++;
    }
    c.socket.close();
    if (!connected) await sleep(20);
  };
  const r = await bystanderDuring(bystander, async (until) => {
    await Promise.all(
      Array.from({ length: 60 }, async () => {
        while (performance.now() < until) await attempt();
      }),
    );
  });
  return { ...r, joins };
}

let flood = null;
if (runs('flood')) flood = await floodPhase();
let hammer = null;
let hammer60 = null;
let syncBytes = 0;
if (runs('hammer')) {
  syncBytes = await fillChat();
  const laptop = nextAddress();
  hammer = await hammerPhase(() => laptop);
  say(`bystander room, 60 connections of one address joining a seat whose chat is full (${hammer.joins} joins answered; a join's sync ${r2(syncBytes / 1024)} KB): median ${hammer.medianMs} ms, p95 ${hammer.p95Ms} ms (target p95 ≤ ${TARGETS.bystanderP95Ms} ms)`);
  hammer60 = await hammerPhase(nextAddress);
  say(`bystander room, the same from 60 addresses (${hammer60.joins} joins answered): median ${hammer60.medianMs} ms, p95 ${hammer60.p95Ms} ms`);
}

// The start screen in Chromium: every byte the network delivered (compressed, with headers).
async function startScreen() {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is missing at ${CHROMIUM}. Install it with: apt-get install -y chromium (or set CHROMIUM_PATH).`);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-quic'] });
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
    await page.waitForFunction(() => (window as unknown as { interlock?: { mapStats(): unknown } }).interlock?.mapStats() != null, null, { timeout: 30_000 }).catch(() => undefined);
    await sleep(1500);
    const violations = [...(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)), ...consoleCsp];
    return { startScreenKB: r2(startBytes / 1000), files: startFiles, cspViolations: violations };
  } finally {
    await browser.close();
  }
}
const page = runs('page') ? await startScreen() : null;
if (page) say(`start screen of a new laptop: ${page.startScreenKB} kB over the network (${page.files.length} files: ${page.files.join(', ')}) (target ≤ ${TARGETS.startScreenKB} kB)`);
if (page) say(`Content-Security-Policy violations on the start screen and in a solo game with its map: ${page.cspViolations.length ? page.cspViolations.join(' | ') : 'none'}`);
const load = loadavg();
say(`load average at the end: ${load.map((x) => x.toFixed(2)).join(' ')} (the machine is shared)`);

const result = { quiet, flood, hammer: hammer && { ...hammer, syncKB: r2(syncBytes / 1024) }, hammer60Addresses: hammer60, startScreen: page, loadavg: load, targets: TARGETS };
if (json) process.stdout.write(`${JSON.stringify(result)}\n`);
for (const room of [bystander, victim]) for (const c of room.clients) c.socket.close();
await server.dispose();
process.exit(0);
