// The one loop that plays AI seats, for every table: solo and hot-seat (net/localTransport.ts),
// rooms (server/roomAi.ts), the command line (autoplay.ts) and the expert's simulated futures
// (lookahead.ts). A negotiation is: proposals, answers until nothing is left open (counters and
// re-proposals need answers too), then council business and readiness; then the sealed commits.
// The loop asks one seat one question at a time; a decide function that answers at once (the
// command line, the lookahead) plays the step through synchronously, one that returns a promise
// (a Web Worker, the server's AI threads) is awaited between questions.
import {
  decisionView,
  hasDisputeBusiness,
  hasUnansweredTalk,
  seatStream,
  viewFor,
  type GameState,
  type GameView,
  type Intent,
} from '../engine/core';
import type { Decision } from './words';

/** Anything that takes intents: the machine's session, the engine driven directly, an authority. */
export interface Table {
  readonly state: GameState;
  readonly done: boolean;
  send(intent: Intent): { ok: true } | { ok: false; reason: string };
}

/** 'talk': answering the messages written to the seat (src/ai/talk); its view then carries the seat's own messages. */
export type Stage = 'talk' | 'propose' | 'answer' | 'close' | 'commit';

/**
 * Public facts about the table that a seat's view leaves out: who is played by people (every
 * player knows which seats are people), and the round the current phase began (the view leaves
 * the round history out).
 */
export interface Seating {
  people: readonly string[];
  phaseSince: number;
}

export function seatingOf(s: GameState, people: readonly string[]): Seating {
  let since = 1;
  for (const h of s.history) if (h.phase !== s.phase) since = Math.max(since, h.round + 1);
  return { people, phaseSince: since };
}

/** Decides one stage for one seat from its own view and its seat's random stream (engine: seatStream, never in a view). */
export type Decider = (view: GameView, delegation: string, stage: Stage, stream: number, seating: Seating) => Decision[];
/** The same, where the answer may come later (a worker). */
export type AsyncDecider = (
  view: GameView,
  delegation: string,
  stage: Stage,
  stream: number,
  seating: Seating,
) => Decision[] | Promise<Decision[]>;

/** Answer passes after the proposals: enough for a counter and an answer to it. */
export const ANSWER_PASSES = 4;

export function hasOffersToAnswer(s: GameState, d: string): boolean {
  return s.packages.some((p) => p.status === 'proposed' && p.parties.includes(d) && !p.accepted.includes(d));
}

/** A proposal of this seat was refused this round (it may propose it again without the refusers). */
function hasRefusedStructure(s: GameState, d: string): boolean {
  return (
    s.phase === 'ceasefire' &&
    s.packages.some((p) => p.proposer === d && p.round === s.round && p.status === 'rejected' && p.replies.length > 0)
  );
}

const proposedThisRound = (s: GameState, d: string) => s.packages.some((p) => p.proposer === d && p.round === s.round);

const READY = 'Ready to commit: we have answered every offer made to us this round.';
export const readyDecision = (d: string): Decision => ({ intent: { type: 'negotiation.ready', actor: d, reason: READY }, reason: READY });

/**
 * What the loop remembers of a round between two runs on the same table (a live game runs it
 * again after every change): who was asked to propose, and who to close. After a reload the
 * state itself says it (a ready seat, or one with a proposal this round, is past proposing).
 */
export class RoundBook {
  private readonly proposed = new Map<string, number>();
  private readonly closed = new Map<string, number>();

  /** True the first time a seat is asked to propose in a round. */
  propose(d: string, round: number): boolean {
    if (this.proposed.get(d) === round) return false;
    this.proposed.set(d, round);
    return true;
  }

  /** True the first time a seat is asked to close its negotiation in a round. */
  close(d: string, round: number): boolean {
    if (this.closed.get(d) === round) return false;
    this.closed.set(d, round);
    return true;
  }
}

export interface SeatPlay {
  table: Table;
  /** The seats the AI plays: asked again before each decision is taken (a person may take one back meanwhile). */
  seats: readonly string[] | (() => readonly string[]);
  /** The seats people play (default: every seat the AI does not play). */
  people?: () => readonly string[];
  /** Kept by callers that run the loop more than once on a step (default: a new one). */
  book?: RoundBook;
  /** Called with every decision taken and whether the table accepted it. */
  onDecision?: (delegation: string, decision: Decision, accepted: boolean) => void;
}

interface Ask {
  delegation: string;
  stage: Stage;
  view: GameView;
  stream: number;
  seating: Seating;
}

/** The loop itself: yields each question, receives its decisions, and sends them to the table. */
function* seatTurns(play: SeatPlay): Generator<Ask, void, Decision[]> {
  const { table } = play;
  const book = play.book ?? new RoundBook();
  const list = play.seats;
  const seats = typeof list === 'function' ? list : () => list;
  const { round, step } = table.state;
  const still = () => !table.done && table.state.step === step && table.state.round === round && !table.state.paused;
  const take = (d: string, decisions: Decision[]) => {
    let refused = false;
    for (const decision of decisions) {
      if (!seats().includes(d)) return;
      const intent = refused && decision.fallback ? decision.fallback : decision.intent;
      const r = table.send(intent);
      if (!r.ok) refused = true;
      play.onDecision?.(d, intent === decision.intent ? decision : { intent, reason: decision.reason }, r.ok);
    }
  };
  const people = play.people ?? (() => Object.keys(table.state.delegations).filter((x) => !seats().includes(x)));
  function* ask(d: string, stage: Stage): Generator<Ask, void, Decision[]> {
    const s = table.state;
    // Only the talk stage reads the seat's messages; every other decision is made from the view without the log.
    const view = stage === 'talk' ? viewFor(s, d) : decisionView(s, d);
    take(d, yield { delegation: d, stage, view, stream: seatStream(s, d), seating: seatingOf(s, people()) });
  }
  /** Answers to the messages written to the AI seats (their replies ask for no answer, so two seats never talk in a loop). */
  function* talk(): Generator<Ask, void, Decision[]> {
    for (const d of seats()) {
      if (!still()) return;
      if (hasUnansweredTalk(table.state.events, d)) yield* ask(d, 'talk');
    }
  }
  const ready = (d: string) => table.state.delegations[d]?.ready === true;

  if (step === 'negotiation') {
    for (const d of seats()) {
      if (!still()) return;
      if (ready(d) || proposedThisRound(table.state, d) || !book.propose(d, round)) continue;
      yield* ask(d, 'propose');
    }
    yield* talk();
    for (let pass = 0; pass < ANSWER_PASSES; pass++) {
      let any = false;
      for (const d of seats()) {
        if (!still()) return;
        if (!hasOffersToAnswer(table.state, d) && !hasRefusedStructure(table.state, d)) continue;
        any = true;
        yield* ask(d, 'answer');
      }
      if (!any) break;
    }
    for (const d of seats()) {
      if (!still() || ready(d) || !book.close(d, round)) continue;
      const council = table.state.council;
      if ((council.founded && council.members.includes(d)) || hasDisputeBusiness(table.state, d)) yield* ask(d, 'close');
      if (still() && !ready(d)) take(d, [readyDecision(d)]);
    }
  } else if (step === 'commit') {
    yield* talk();
    for (const d of seats()) {
      if (!still() || table.state.delegations[d]?.committed) continue;
      yield* ask(d, 'commit');
    }
  }
}

const isPromise = (x: unknown): x is Promise<Decision[]> => typeof (x as { then?: unknown } | null)?.then === 'function';

/**
 * Plays the current step for the AI seats; returns when the step has moved on or all have acted.
 * With a decider that answers at once it runs to the end before returning.
 */
export function playSeats(play: SeatPlay, decide: Decider): void;
export function playSeats(play: SeatPlay, decide: AsyncDecider): Promise<void> | void;
export function playSeats(play: SeatPlay, decide: AsyncDecider): Promise<void> | void {
  const turns = seatTurns(play);
  let next = turns.next();
  while (!next.done) {
    const { view, delegation, stage, stream, seating } = next.value;
    const out = decide(view, delegation, stage, stream, seating);
    if (isPromise(out)) return finish(turns, out, decide);
    next = turns.next(out);
  }
}

async function finish(turns: Generator<Ask, void, Decision[]>, first: Promise<Decision[]>, decide: AsyncDecider): Promise<void> {
  let next = turns.next(await first);
  while (!next.done) {
    const { view, delegation, stage, stream, seating } = next.value;
    next = turns.next(await decide(view, delegation, stage, stream, seating));
  }
}

const where = (t: Table) => `${t.state.round}:${t.state.step}`;

/** Plays step after step (at most `maxSteps`), closing a step the seats leave open as a clock would, while `more()` holds. */
export function playSteps(play: SeatPlay, decide: Decider, maxSteps: number, more: () => boolean = () => true) {
  const { table } = play;
  for (let i = 0; i < maxSteps && !table.done && more(); i++) {
    const before = where(table);
    playSeats(play, decide);
    if (!table.done && where(table) === before) table.send({ type: 'step.close', actor: 'system' });
  }
}

export interface DriverOptions extends Omit<SeatPlay, 'book' | 'seats'> {
  seats: () => readonly string[];
  decide: AsyncDecider;
  /** Whether the AI may act at all now (the room has started, the game is not over, …). */
  mayAct: () => boolean;
}

/**
 * Drives the AI seats of a live game (solo, hot-seat, a room): one step after another, and again
 * when something changed while it was thinking. Calls made meanwhile only ask for another run.
 */
export class SeatDriver {
  private driving = false;
  private again = false;
  private readonly book = new RoundBook();

  constructor(private readonly opts: DriverOptions) {}

  async drive(): Promise<void> {
    if (this.driving) {
      this.again = true;
      return;
    }
    this.driving = true;
    const { table } = this.opts;
    try {
      let moved = false;
      do {
        this.again = false;
        if (!this.opts.mayAct()) return;
        const before = where(table);
        await playSeats(
          { table, seats: this.opts.seats, book: this.book, ...(this.opts.onDecision ? { onDecision: this.opts.onDecision } : {}) },
          this.opts.decide,
        );
        // The seats' own last ready or commit can move the round on: they act on the new step too.
        moved = where(table) !== before;
      } while (this.again || moved);
    } finally {
      this.driving = false;
    }
  }
}
