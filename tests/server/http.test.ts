// The server's HTTP side attacked as a hostile page or student would: malformed request targets,
// other methods, floods of QR codes, other origins; and what it serves: compressed files made at
// build time, caching, no source maps, the security headers on every answer.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { get as httpGet, type IncomingHttpHeaders } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error a plain JavaScript build script, without types
import { precompress } from '../../scripts/precompress.mjs';
import type { RunningServer } from '../../src/server/app';
import { client, msgId, roomWith, root, testServer } from './helpers';

const HEALTH_KEY = 'health-key-for-the-test-0001';
const dist = mkdtempSync(join(tmpdir(), 'interlock-dist-'));
const script = `console.log(${JSON.stringify('the game '.repeat(2000))});\n`;
mkdirSync(join(dist, 'assets'));
writeFileSync(
  join(dist, 'index.html'),
  `<!doctype html><title>Interlock</title><script type="module" src="/assets/index-AbC123.js"></script>`,
);
writeFileSync(join(dist, 'assets', 'index-AbC123.js'), script);
writeFileSync(join(dist, 'assets', 'index-AbC123.js.map'), '{"version":3,"sources":["secret.ts"]}');

let server: RunningServer;
beforeAll(async () => {
  expect(precompress(dist)).toBe(2);
  server = await testServer({ distDir: dist, healthKey: HEALTH_KEY, allowedOrigins: ['http://projector.school.example'] });
}, 60_000);
afterAll(async () => {
  await server?.close();
});

/** Sends a raw request line (fetch would clean the target up first) and returns the status. */
function raw(target: string, method = 'GET'): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = connect(server.port, '127.0.0.1', () =>
      s.write(`${method} ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`),
    );
    let out = '';
    s.setTimeout(3000, () => reject(new Error(`no answer to ${target}`)));
    s.on('data', (b) => (out += b.toString()));
    s.on('end', () => resolve(Number(/^HTTP\/1\.1 (\d+)/.exec(out)?.[1] ?? 0)));
    s.on('error', reject);
  });
}

/** A GET whose body is left as sent (fetch would decompress it). */
function getRaw(path: string, headers: Record<string, string>): Promise<{ headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    httpGet(`${server.url}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

describe('every request target', () => {
  it('is answered, 400 when malformed, and the rooms go on', async () => {
    const { fac, teams } = await roomWith(server.url, ['iran']);
    await fac.call('room.action', { id: msgId(), action: { kind: 'start' } });
    for (const target of ['/%', '/%E0%A4%A', '/assets/%ff.js', '//[', '/%00', '//evil.example/x', '*'])
      expect(await raw(target), target).toBe(400);
    // The same page still answers, and the room still plays.
    expect(await raw('/')).toBe(200);
    const iran = teams.iran!.client;
    await iran.until((c) => c.room?.started === true, 5000, 'the start');
    expect(await iran.call('intent', { id: msgId(), version: iran.version, intent: { type: 'negotiation.ready', actor: 'iran' } })).toEqual(
      { ok: true },
    );
    fac.close();
    iran.close();
  });

  it('answers other methods with 405, unknown pages with the game, unknown files with 404', async () => {
    expect(await raw('/', 'POST')).toBe(405);
    expect(await raw('/qr.svg?text=x', 'DELETE')).toBe(405);
    const page = await fetch(`${server.url}/room/ABCD-2345`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Interlock</title>');
    expect((await fetch(`${server.url}/assets/missing-123.js`)).status).toBe(404);
  });
});

describe('the game files', () => {
  it('come brotli- or gzip-compressed from the build, raw to a client that accepts neither', async () => {
    const path = '/assets/index-AbC123.js';
    const br = await getRaw(path, { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.body.length).toBeLessThan(script.length / 10);
    expect(brotliDecompressSync(br.body).toString()).toBe(script);
    const gz = await getRaw(path, { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(script);
    const plain = await getRaw(path, {});
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(script);
  });

  it('are cached for good when hashed, asked again when not (the page)', async () => {
    expect((await fetch(`${server.url}/assets/index-AbC123.js`)).headers.get('cache-control')).toMatch(/max-age=31536000.*immutable/);
    expect((await fetch(`${server.url}/`)).headers.get('cache-control')).toBe('no-cache');
  });

  it('leave the source maps out unless the server is told to serve them', async () => {
    expect((await fetch(`${server.url}/assets/index-AbC123.js.map`)).status).toBe(404);
    expect((await fetch(`${server.url}/assets/index-AbC123.js.ma%70`)).status).toBe(404);
    const withMaps = await testServer({ distDir: dist, sourceMaps: true });
    try {
      expect((await fetch(`${withMaps.url}/assets/index-AbC123.js.map`)).status).toBe(200);
    } finally {
      await withMaps.close();
    }
  });
});

describe('the security headers', () => {
  it('are on every answer: the page, a file, /healthz, /qr.svg, socket.io, and errors', async () => {
    const answers = await Promise.all(
      ['/', '/assets/index-AbC123.js', '/healthz', '/qr.svg?text=hello', '/socket.io/?EIO=4&transport=polling', '/nothing.js'].map((p) =>
        fetch(`${server.url}${p}`),
      ),
    );
    for (const r of answers) {
      expect(r.headers.get('x-content-type-options'), r.url).toBe('nosniff');
      expect(r.headers.get('content-security-policy'), r.url).toMatch(/frame-ancestors 'none'/);
      expect(r.headers.get('referrer-policy'), r.url).toBe('no-referrer');
      expect(r.headers.get('x-frame-options'), r.url).toBe('DENY');
    }
    const csp = answers[0]!.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
  });
});

describe('/healthz', () => {
  it('tells anyone the status only, and the details to whoever holds the health key', async () => {
    expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ ok: true, status: 'ok' });
    expect(await (await fetch(`${server.url}/healthz?key=wrong`)).json()).toEqual({ ok: true, status: 'ok' });
    const details = await (await fetch(`${server.url}/healthz?key=${HEALTH_KEY}`)).json();
    expect(details).toMatchObject({ ok: true, status: 'ok', rooms: expect.any(Number), heapUsedMB: expect.any(Number) });
  });
});

describe('/qr.svg', () => {
  it('is rate-limited per address: a flood gets 429 after a burst, and the server stays quick', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 45; i++) statuses.push((await fetch(`${server.url}/qr.svg?text=${i}`)).status);
    expect(statuses.slice(0, 25).every((s) => s === 200)).toBe(true);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(10);
    const t0 = performance.now();
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expect(performance.now() - t0).toBeLessThan(500);
  });
});

describe('room connections from another site', () => {
  const refused = (origin: string) =>
    new Promise<string>((resolve) => {
      const c = client(server.url, { origin }).then(
        (t) => {
          t.close();
          resolve('connected');
        },
        (err: Error) => resolve(err.message),
      );
      void c;
    });

  it('are refused unless the server allows that origin; the same origin is accepted', async () => {
    expect(await refused('http://evil.example')).not.toBe('connected');
    expect(await refused(server.url)).toBe('connected');
    expect(await refused('http://projector.school.example')).toBe('connected');
  });
});

describe('the last-resort handler', () => {
  it('logs an error nothing caught and keeps the process (and its rooms) running', () => {
    const code = `import { keepRunning } from './src/server/settings.ts';
      keepRunning();
      setTimeout(() => { throw new Error('a bug in one room'); }, 10);
      setTimeout(() => { Promise.reject(new Error('a lost promise')); }, 20);
      setTimeout(() => { console.log('still serving'); }, 100);`;
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
      cwd: root,
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(r.stdout).toContain('still serving');
    expect(r.stderr).toContain('a bug in one room');
    expect(r.stderr).toContain('a lost promise');
    expect(r.status).toBe(0);
  });

  it('does not spin when its own log is a closed pipe (a server started as `npm start | head`)', () => {
    // stderr is a pipe whose reader is gone: every write fails with EPIPE. The process must keep
    // serving without burning the CPU on logging that its logging failed.
    const out = join(mkdtempSync(join(tmpdir(), 'interlock-epipe-')), 'cpu.txt');
    const code = `import { writeFileSync } from 'node:fs';
      import { keepRunning } from './src/server/settings.ts';
      keepRunning();
      const t0 = process.cpuUsage();
      setTimeout(() => { throw new Error('a bug in one room'); }, 200);
      setTimeout(() => {
        const c = process.cpuUsage(t0);
        writeFileSync(process.env.OUT, String((c.user + c.system) / 1000));
        process.exit(0);
      }, 1700);`;
    const r = spawnSync('bash', ['-c', `"${process.execPath}" --import tsx --input-type=module -e "$CODE" 2>&1 >/dev/null | true`], {
      cwd: root,
      encoding: 'utf8',
      timeout: 20_000,
      env: { ...process.env, CODE: code, OUT: out },
    });
    expect(r.status).toBe(0);
    const cpuMs = Number(readFileSync(out, 'utf8'));
    // An idle process over 1.5 s uses a few tens of ms; a loop of failed logging uses nearly all of it.
    expect(cpuMs).toBeLessThan(700);
  });
});
