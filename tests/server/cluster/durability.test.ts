// Cluster mode's group commits (README, "Several processes"): an event is acknowledged, and
// broadcast, only once the shared log holds it; a room whose write was refused tells nobody what
// it did not save. Durability is the gate between the two.
import { describe, expect, it } from 'vitest';
import { Durability } from '../../../src/server/cluster/durability';

describe('what clients hear waits for the group commit', () => {
  it('sends at once when nothing is waiting for the log', () => {
    const d = new Durability();
    const out: string[] = [];
    d.whenDurable('A', () => out.push('sync'));
    expect(out).toEqual(['sync']);
  });

  it('holds an acknowledgement until the commit that holds its write, then sends in order', () => {
    const d = new Durability();
    const out: string[] = [];
    d.wrote(1);
    d.whenDurable('A', () => out.push('ack 1'));
    d.wrote(2);
    d.whenDurable('B', () => out.push('ack 2'));
    d.whenDurable(null, () => out.push('create'));
    expect(out).toEqual([]);
    d.committed(1, new Set());
    expect(out).toEqual(['ack 1']);
    d.committed(2, new Set());
    expect(out).toEqual(['ack 1', 'ack 2', 'create']);
    d.whenDurable('A', () => out.push('after'));
    expect(out.at(-1)).toBe('after');
  });

  it('a room whose write was refused sends nothing of what it did not save, and says so to the sender', () => {
    const d = new Durability();
    const out: string[] = [];
    d.wrote(1);
    d.whenDurable(
      'A',
      () => out.push('ack A'),
      () => out.push('send A again'),
    );
    d.whenDurable('A', () => out.push('update A'));
    d.whenDurable('B', () => out.push('ack B'));
    d.committed(1, new Set(['A']));
    expect(out).toEqual(['send A again', 'ack B']);
    // Until the room is taken again from its log, it says nothing.
    d.whenDurable(
      'A',
      () => out.push('late A'),
      () => out.push('refused A'),
    );
    expect(out.at(-1)).toBe('refused A');
    d.taken('A');
    d.whenDurable('A', () => out.push('A again'));
    expect(out.at(-1)).toBe('A again');
  });

  it('a client gone meanwhile does not stop the others hearing', () => {
    const d = new Durability();
    const out: string[] = [];
    d.wrote(1);
    d.whenDurable('A', () => {
      throw new Error('socket closed');
    });
    d.whenDurable('A', () => out.push('next'));
    d.committed(1, new Set());
    expect(out).toEqual(['next']);
  });
});
