// What a client hears waits for the log: in cluster mode a room applies an event in memory at once
// and its write goes to PostgreSQL in the next group commit (pgWorker.ts), so every acknowledgement
// and update the gateway sends is held here until the writes made before it are durable. A room
// whose writes were refused (another process holds it now) never tells anyone what it did not
// save: what it held is dropped (or answered "send it again"), and the room is taken over again
// from its log. So nothing acknowledged is ever lost, as when each write blocked.

interface Held {
  /** The last write posted when this was held: it leaves once that write is durable. */
  after: number;
  room: string | null;
  send: () => void;
  lost: (() => void) | undefined;
}

export class Durability {
  private posted = 0;
  private durable = 0;
  private readonly held: Held[] = [];
  /** Rooms whose writes were refused, until this process takes them again: nothing of theirs leaves. */
  private readonly refused = new Set<string>();

  /** A write of the log was posted (its number, counted from 1 in posting order). */
  wrote(seq: number) {
    this.posted = seq;
  }

  /** Nothing posted is waiting for its commit. */
  get idle() {
    return this.durable >= this.posted;
  }

  /** Runs `send` once every write posted so far is durable; `lost` instead if `room`'s writes were refused by then. */
  whenDurable(room: string | null, send: () => void, lost?: () => void) {
    if (room !== null && this.refused.has(room)) return lost?.();
    if (this.idle) return send();
    this.held.push({ after: this.posted, room, send, lost });
  }

  /** A group commit: durable through `through`; the rooms in `lost` were not written. In posting order. */
  committed(through: number, lost: ReadonlySet<string>) {
    for (const room of lost) this.refused.add(room);
    this.durable = Math.max(this.durable, through);
    let n = 0;
    while (n < this.held.length && this.held[n]!.after <= this.durable) n++;
    for (const h of this.held.splice(0, n)) {
      try {
        if (h.room !== null && this.refused.has(h.room)) h.lost?.();
        else h.send();
      } catch {
        // A client that went away meanwhile: nothing to tell it.
      }
    }
  }

  /** The room is this process's again (taken over from its log): what it sends goes out again. */
  taken(room: string) {
    this.refused.delete(room);
  }
}
