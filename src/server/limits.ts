// Allowances kept per client identity — an address, or an address and a seat — not per
// connection, so reconnecting or opening forty connections buys nothing. Each is a token bucket;
// refusals add to a score that only time lowers, and a client whose score passes the limit is cut
// off at its next message, whichever of its connections sends it.
import { MAX_MESSAGE_BYTES, type Ack, type ErrorCode } from '../net/protocol';

export interface BucketRule {
  /** Tokens earned per second, and the most that can be saved up. */
  rate: number;
  burst: number;
}

interface Bucket {
  tokens: number;
  last: number;
  /** Refusals not yet forgiven (lowered by `rate` per second). */
  refusals: number;
  /** Wrong join codes or keys in a row: each costs more than the one before. */
  badJoins: number;
}

/** The most identities remembered at once: past it, the ones idle longest are forgotten first. */
const MAX_IDENTITIES = 50_000;

export class Allowances {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    readonly rule: BucketRule,
    private readonly now: () => number = Date.now,
  ) {}

  private bucket(key: string): Bucket {
    const now = this.now();
    let b = this.buckets.get(key);
    if (!b) {
      b = { tokens: this.rule.burst, last: now, refusals: 0, badJoins: 0 };
      if (this.buckets.size >= MAX_IDENTITIES) this.forgetIdle();
    } else {
      // Re-inserted, so the map's order is the order of last use.
      this.buckets.delete(key);
      const earned = ((now - b.last) / 1000) * this.rule.rate;
      b.tokens = Math.min(this.rule.burst, b.tokens + earned);
      b.refusals = Math.max(0, b.refusals - earned);
      if (b.tokens >= this.rule.burst) b.badJoins = 0;
      b.last = now;
    }
    this.buckets.set(key, b);
    return b;
  }

  /** Takes `cost` tokens if there are that many; false (and a refusal counted) if not. */
  take(key: string, cost = 1): boolean {
    const b = this.bucket(key);
    if (b.tokens >= cost) {
      b.tokens -= cost;
      return true;
    }
    b.refusals += 1;
    return false;
  }

  /** Counts a refusal for another reason (a message too large), weighing `weight` refusals. */
  refuse(key: string, weight = 1) {
    this.bucket(key).refusals += weight;
  }

  /** A wrong code or key: the n-th in a row costs n tokens (at most 10). */
  badJoin(key: string) {
    const b = this.bucket(key);
    b.badJoins += 1;
    b.tokens -= Math.min(b.badJoins, 10);
  }

  refusals(key: string): number {
    return this.bucket(key).refusals;
  }

  /** Seconds until `cost` tokens are there again. */
  waitSeconds(key: string, cost = 1): number {
    const b = this.bucket(key);
    return Math.max(0, (cost - b.tokens) / this.rule.rate);
  }

  /** Drops the older half of the identities, so an attacker with many addresses cannot grow the map without end. */
  private forgetIdle() {
    let n = this.buckets.size / 2;
    for (const key of this.buckets.keys()) {
      if (n-- <= 0) break;
      this.buckets.delete(key);
    }
  }

  get size() {
    return this.buckets.size;
  }
}

/** The limits of a room server; each can be changed in the gateway's options. */
export interface ClientLimits {
  /** Messages per second (and burst) of one seat or facilitator on one address. */
  seat: BucketRule;
  /** Messages per second of everything else one address sends (joining, the lobby, the projector). */
  address: BucketRule;
  /** New connections (socket.io handshakes) per second of one address. */
  connections: BucketRule;
  /** TCP connections per second of one address (a browser opens a few per page). */
  tcp: BucketRule;
  /** Rooms one address may create (per second: 10 an hour, 10 at once). */
  rooms: BucketRule;
  /** QR codes one address may ask for. */
  qr: BucketRule;
  /** Joins of one seat or console, from all addresses together (a team has a few laptops). */
  seatJoins: BucketRule;
  /** Joins of one room's lobby and projector, from all addresses together (a class at once). */
  roomJoins: BucketRule;
  /**
   * Messages asking for the whole picture (a join, a resync) of one identity: an allowance of their
   * own, so a client that has just used up its messages still joins again and resyncs after a drop.
   */
  picture: BucketRule;
  /** Refusals not yet forgiven after which a client is cut off. */
  cutAfter: number;
}

export const DEFAULT_LIMITS: ClientLimits = {
  seat: { rate: 10, burst: 30 },
  address: { rate: 20, burst: 60 },
  connections: { rate: 2, burst: 60 },
  tcp: { rate: 30, burst: 300 },
  rooms: { rate: 10 / 3600, burst: 10 },
  qr: { rate: 1, burst: 30 },
  seatJoins: { rate: 2, burst: 20 },
  roomJoins: { rate: 5, burst: 60 },
  picture: { rate: 3, burst: 20 },
  cutAfter: 100,
};

export type Verdict = { refusal: Ack<never> | null; cut: boolean };

/**
 * The allowance of every message a client sends, before it is parsed: one bucket per address for
 * what it sends outside a seat, and one per address and seat (or facilitator) inside one.
 */
export class ClientGate {
  private readonly anywhere: Allowances;
  private readonly seated: Allowances;
  private readonly pictures: Allowances;
  private readonly rooms: Allowances;
  private readonly seatJoins: Allowances;
  private readonly roomJoins: Allowances;

  constructor(readonly limits: ClientLimits = DEFAULT_LIMITS) {
    this.anywhere = new Allowances(limits.address);
    this.seated = new Allowances(limits.seat);
    this.pictures = new Allowances(limits.picture);
    this.rooms = new Allowances(limits.rooms);
    this.seatJoins = new Allowances(limits.seatJoins);
    this.roomJoins = new Allowances(limits.roomJoins);
  }

  private bucketOf(id: Identity): [Allowances, string] {
    return id.seat ? [this.seated, `${id.address}|${id.seat}`] : [this.anywhere, id.address];
  }

  /**
   * `picture`: the message asks for the whole picture (a join, a resync). It spends the picture
   * allowance only: after a drop the page joins and resyncs by itself, whatever it sent before.
   */
  admit(id: Identity, message: unknown, picture = false): Verdict {
    const [messages, key] = this.bucketOf(id);
    const allowance = picture ? this.pictures : messages;
    if (messages.refusals(key) + this.pictures.refusals(key) > this.limits.cutAfter)
      return { refusal: fail('throttled', 'too many refused messages: this connection is closed'), cut: true };
    if (!allowance.take(key))
      return {
        refusal: fail('throttled', picture ? 'too many joins or resyncs: slow down' : 'too many messages: slow down'),
        cut: false,
      };
    let size: number;
    try {
      size = message === undefined ? 0 : JSON.stringify(message).length;
    } catch {
      allowance.refuse(key);
      return { refusal: fail('malformed', 'the message is not JSON'), cut: false };
    }
    if (size > MAX_MESSAGE_BYTES) {
      // A refusal like any other, weighed by its size: sending huge messages ends in a cut.
      allowance.refuse(key, Math.ceil(size / MAX_MESSAGE_BYTES));
      return { refusal: fail('too-large', `the message is too large (${size} bytes; at most ${MAX_MESSAGE_BYTES})`), cut: false };
    }
    return { refusal: null, cut: false };
  }

  /** A wrong join code or key costs more each time, so guessing runs out of allowance quickly. */
  badJoin(address: string) {
    this.anywhere.badJoin(address);
  }

  /** Whether one more device may join this seat (`CODE:delegation`, `CODE:facilitator`) or this room's lobby. */
  mayJoin(code: string, seat: string | null): boolean {
    return seat ? this.seatJoins.take(`${code}:${seat}`) : this.roomJoins.take(code);
  }

  /** Whether this address may create a room now; if not, in how many minutes it may. */
  createRoom(address: string): { ok: true } | { ok: false; minutes: number } {
    if (this.rooms.take(address)) return { ok: true };
    return { ok: false, minutes: Math.max(1, Math.ceil(this.rooms.waitSeconds(address) / 60)) };
  }
}

export interface Identity {
  address: string;
  /** `CODE:delegation` or `CODE:facilitator` once the connection holds a seat or the console. */
  seat: string | null;
}

const fail = (code: ErrorCode, reason: string): Ack<never> => ({ ok: false, code, reason });

/** The address of a client: the peer's, or the first X-Forwarded-For one behind a trusted proxy. */
export function clientAddress(peer: string | undefined, forwardedFor: string | string[] | undefined, trustProxy: boolean): string {
  if (trustProxy && forwardedFor) {
    const first = (Array.isArray(forwardedFor) ? forwardedFor[0] : forwardedFor)?.split(',')[0]?.trim();
    if (first) return first;
  }
  return (peer ?? 'unknown').replace(/^::ffff:/, '');
}

/** How long a room may sit without any event before it leaves memory (its log stays in the file). */
export interface IdleLimits {
  /** A room some team joined: a game can run over weeks of lessons. */
  days: number;
  /** A room no team ever joined: made and forgotten, or made to fill the server. */
  teamlessHours: number;
}

export const DEFAULT_IDLE: IdleLimits = { days: 30, teamlessHours: 2 };

export function idleTooLong(
  room: { lastEventAt: number; seats: ReadonlyMap<string, { readonly team: string | null }> },
  now: number,
  idle: IdleLimits,
): boolean {
  const quiet = now - room.lastEventAt;
  if (quiet > idle.days * 86_400_000) return true;
  const teamless = [...room.seats.values()].every((s) => s.team === null);
  return teamless && quiet > idle.teamlessHours * 3_600_000;
}
