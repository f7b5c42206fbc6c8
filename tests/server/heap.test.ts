// Rooms leave nothing behind: the heap stays flat across many create/join/play/close cycles.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/app';
import { client, msgId, testServer } from './helpers';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

let server: RunningServer;
beforeAll(async () => {
  server = await testServer();
}, 60_000);
afterAll(async () => {
  await server?.close();
});

async function cycle(c: Awaited<ReturnType<typeof client>>) {
  const created = await c.call<{ code: string; key: string }>('room.create', { name: 'T' });
  if (!created.ok) throw new Error(created.reason);
  await c.call('room.join', { code: created.code, as: { kind: 'facilitator', key: created.key } });
  await c.call('chat.send', { id: msgId(), to: 'all', text: 'hello' });
  await c.call('intent', { id: msgId(), version: c.version, intent: { type: 'facilitator.pause', actor: 'facilitator' } });
  server.rooms.close(created.code, true);
}

const heap = async () => {
  await new Promise((r) => setTimeout(r, 50));
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};

describe('room lifecycle', () => {
  it('keeps the heap flat over many room create/dispose cycles', async () => {
    // A fresh connection per room: closing a room disconnects its clients.
    const batch = async (n: number) => {
      for (let i = 0; i < n; i++) {
        const c = await client(server.url);
        await cycle(c);
        c.close();
      }
    };
    await batch(50);
    const before = await heap();
    await batch(300);
    const after = await heap();
    const growth = (after - before) / 1024 / 1024;
    process.stdout.write(
      `heap: ${(before / 1048576).toFixed(1)} MB → ${(after / 1048576).toFixed(1)} MB over 300 rooms (${growth.toFixed(2)} MB)\n`,
    );
    expect(server.rooms.rooms.size).toBe(0);
    expect(growth).toBeLessThan(3);
  }, 120_000);
});
