// The attacks of the abuse benchmark, run in a worker thread of their own so the attacker's work
// never delays the bystander's clients in the measuring thread (as another laptop would not).
import { performance } from 'node:perf_hooks';
import { BenchClient, msgId, nextAddress, useAddressBlock } from './benchServer';

export interface AttackOrder {
  kind: 'flood' | 'hammer';
  url: string;
  code: string;
  token: string;
  seconds: number;
  /** All connections from one address (one student's laptop), or each from its own. */
  oneAddress: boolean;
}

export interface AttackResult {
  sent: number;
  cut: number;
  joins: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** 40 connections send chats into the room as fast as they can, and connect again whenever the server cuts them off. */
async function flood(o: AttackOrder, until: number, addressOf: () => string): Promise<AttackResult> {
  let sent = 0;
  let cut = 0;
  const line = 'spam '.repeat(100);
  const clients = Array.from({ length: 40 }, () => new BenchClient(o.url, addressOf()));
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
        c.socket.emit('room.join', { code: o.code, as: { kind: 'seat', token: o.token }, name: 'flood' }, () => undefined);
        for (let k = 0; k < 20; k++) c.socket.emit('chat.send', { id: msgId(), to: 'all', text: line }, () => undefined);
        sent += 21;
        await sleep(5);
      }
    }),
  );
  for (const c of clients) c.socket.close();
  return { sent, cut, joins: 0 };
}

/** 60 workers join the seat again and again, each join on a new connection (one already in the seat changes nothing). */
async function hammer(o: AttackOrder, until: number, addressOf: () => string): Promise<AttackResult> {
  let joins = 0;
  let sent = 0;
  const attempt = async () => {
    const c = new BenchClient(o.url, addressOf(), { reconnection: false });
    const connected = await Promise.race([
      c.ready().then(() => true),
      new Promise<boolean>((r) => c.socket.once('connect_error', () => r(false))),
      sleep(2000).then(() => false),
    ]);
    if (connected) {
      sent++;
      const a = await c.call('room.join', { code: o.code, as: { kind: 'seat', token: o.token }, name: 'hammer' }, 2000).catch(() => null);
      if (a?.ok) joins++;
    }
    c.socket.close();
    if (!connected) await sleep(20);
  };
  await Promise.all(
    Array.from({ length: 60 }, async () => {
      while (performance.now() < until) await attempt();
    }),
  );
  return { sent, cut: 0, joins };
}

export async function runAttack(o: AttackOrder, block: number): Promise<AttackResult> {
  // Addresses of their own (127.<block>.x.y), apart from the measuring thread's.
  useAddressBlock(block);
  const one = nextAddress();
  const addressOf = o.oneAddress ? () => one : nextAddress;
  const until = performance.now() + o.seconds * 1000;
  return o.kind === 'flood' ? flood(o, until, addressOf) : hammer(o, until, addressOf);
}
