// Property tests over random intent sequences (invariants of docs/rules.md): legal intents, forgeries
// and malformed numbers (randomIntents.ts) are driven through a real GameSession, and after every
// single intent the game's invariants are checked. A refused intent changes nothing; an accepted
// one adds one log entry; replay of the log gives the same state hash; views never leak another
// seat's secrets.
import fc from 'fast-check';
import { afterAll, describe, expect, it, onTestFinished, vi } from 'vitest';
import { playStep, type Table } from '../../src/ai/autoplay';
import {
  canonicalJson,
  legalIntents,
  parseIntent,
  publicView,
  spanSecured,
  standingStep,
  stateHash,
  viewFor,
  type GameState,
  type Intent,
} from '../../src/engine';
import { replay } from '../../src/machine/replay';
import { GameSession, type SendResult } from '../../src/machine/session';
import { IDS, OUTCOMES, Picker, TOTAL_WEIGHT, cat, planFor, scenario, type Choice, type Expect } from './randomIntents';

/**
 * Runs × random choices per run (25,000 planned; a run stops early when its game ends, so about
 * 14,000 random intents are sent), plus the intents of the AI's warm-up and turns.
 */
const RUNS = 500;
const INTENTS_PER_RUN = 50;
/** Half the runs start at round 1; the others after up to this many AI-played steps (2 a round). */
const MAX_WARMUP_STEPS = 20;

// ---------------------------------------------------------------------------------------------
// The invariants, checked after every intent. Plain checks, not expect(): they run millions of
// times, and a failure still names the intent and the value.

function check(ok: boolean, message: () => string): void {
  if (!ok) throw new Error(message());
}

/**
 * Every state the session hands out is frozen, deeply: an engine rule that writes to a state it
 * was given (instead of its private copy) throws right there, with the stack of the culprit.
 */
function deepFreeze(value: unknown): void {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const v of Object.values(value)) deepFreeze(v);
}

/** Hashes of frozen states, by identity: a frozen state cannot change, so its hash cannot. */
const hashes = new WeakMap<GameState, string>();
function hashOf(s: GameState): string {
  let h = hashes.get(s);
  if (h === undefined) {
    h = stateHash(s);
    if (Object.isFrozen(s)) hashes.set(s, h);
  }
  return h;
}

const inRange = (v: number) => Number.isFinite(v) && v >= 0 && v <= 100;

function checkInvariants(s: GameState, after: string) {
  check(inRange(s.tension), () => `tension is ${s.tension} after ${after}`);
  for (const [id, f] of Object.entries(s.fronts)) check(inRange(f.tension), () => `front ${id} tension is ${f.tension} after ${after}`);
  for (const [id, d] of Object.entries(s.delegations)) check(inRange(d.support), () => `support of ${id} is ${d.support} after ${after}`);
  for (const [a, row] of Object.entries(s.trust))
    for (const [b, v] of Object.entries(row)) check(inRange(v), () => `trust of ${a} in ${b} is ${v} after ${after}`);

  const e = s.escrow;
  const start = scenario.escrow.startBalance;
  check(e.balance >= 0, () => `the escrow balance is ${e.balance} after ${after}`);
  check(e.paid <= e.pledged + start, () => `escrow paid ${e.paid} > pledged ${e.pledged} + start ${start} after ${after}`);
  // Money leaves the fund only as a tranche paid or as a forfeit of a refused ruling (§6.6).
  check(e.balance === start + e.pledged - e.paid - (e.forfeited ?? 0), () => `escrow ${JSON.stringify(e)} does not add up after ${after}`);

  for (const span of scenario.interlocks) {
    const secured = spanSecured(scenario, s, span.id);
    if (secured) {
      for (const move of cat.spanSteps.get(span.id) ?? []) {
        const st = standingStep(s, move);
        check(st !== undefined, () => `secured span ${span.id}: step ${move} does not stand, after ${after}`);
        check(st?.verified === true, () => `secured span ${span.id}: step ${move} is not verified, after ${after}`);
      }
    }
    check(s.spans[span.id]?.status !== 'secured' || secured, () => `span ${span.id} is marked secured but is not, after ${after}`);
  }
}

function checkViews(s: GameState, after: string) {
  const defectionsShownTo = (d: string) => s.revealed.defections.includes('all') || s.revealed.defections.includes(d);
  for (const d of IDS) {
    const v = viewFor(s, d);
    check(v.rng !== s.rng || s.rng === 0, () => `${d}'s view shows the generator after ${after}`);
    check(Object.keys(v.funding).length === 0, () => `${d}'s view shows true proxy funding after ${after}`);
    check(
      v.delegations[d]?.commit === s.delegations[d]?.commit ||
        canonicalJson(v.delegations[d]?.commit) === canonicalJson(s.delegations[d]?.commit),
      () => `${d} does not see its own commit after ${after}`,
    );
    for (const other of IDS) {
      if (other === d) continue;
      check(v.delegations[other]?.commit === null, () => `${d} sees ${other}'s sealed commit after ${after}`);
      check(
        v.delegations[other]?.committed === s.delegations[other]?.committed,
        () => `${d} cannot see whether ${other} committed after ${after}`,
      );
    }
    if (!defectionsShownTo(d))
      for (const q of v.quietDefections)
        check(q.delegation === d, () => `${d} sees ${q.delegation}'s quiet defection on ${q.move} after ${after}`);
    for (const q of s.quietDefections)
      if (q.delegation === d)
        check(v.quietDefections.includes(q), () => `${d} does not see its own quiet defection on ${q.move} after ${after}`);
    for (const ev of v.events)
      check(
        ev.audience === 'all' || (Array.isArray(ev.audience) && ev.audience.includes(d)),
        () => `${d} sees an event meant for ${JSON.stringify(ev.audience)}: ${ev.text}`,
      );
    for (const pkg of v.packages)
      check(
        pkg.parties.includes(d) || ['accepted', 'fulfilled', 'broken'].includes(pkg.status),
        () => `${d} sees package #${pkg.id} (${pkg.status}) between ${pkg.parties.join(', ')}`,
      );
    const revealedTo = new Set(s.revealed.incidents.filter((r) => r.to === 'all' || r.to === d).map((r) => r.id));
    for (const inc of v.incidents)
      check(
        inc.revealed || revealedTo.has(inc.id) || inc.sponsor === 'hidden',
        () => `${d} sees the true sponsor of incident #${inc.id} after ${after}`,
      );
  }
  const pub = publicView(s);
  for (const d of IDS) check(pub.delegations[d]?.commit === null, () => `the public view shows ${d}'s sealed commit after ${after}`);
  if (!s.revealed.defections.includes('all'))
    check(pub.quietDefections.length === 0, () => `the public view shows a quiet defection after ${after}`);
}

// ---------------------------------------------------------------------------------------------
// A table that checks everything around each intent; the AI plays through it too.

const stats = {
  sequences: 0,
  choices: 0,
  randomIntents: 0,
  aiIntents: 0,
  accepted: 0,
  refused: 0,
  mustRefuse: 0,
  mustAccept: 0,
  maxRound: 0,
  /** States seen with something for the invariants to bite on. */
  seen: { securedSpan: 0, quietDefection: 0, escrowPaid: 0, sealedCommit: 0, paused: 0, violation: 0 },
  phases: new Set<string>(),
  outcomes: new Set<string>(),
};

class CheckedTable implements Table {
  constructor(readonly session: GameSession) {
    deepFreeze(session.state);
  }
  get state() {
    return this.session.state;
  }
  get done() {
    return this.session.done;
  }

  send(intent: Intent, expectation: Expect = 'any', why = 'an AI decision'): SendResult {
    const session = this.session;
    const before = session.state;
    const logBefore = session.log;
    const n = logBefore.length;
    const r = session.send(intent);
    const after = `${why}: ${JSON.stringify(intent)} in round ${before.round}, step ${before.step}${before.paused ? ' (paused)' : ''}`;
    if (why === 'an AI decision' || why === 'the clock') stats.aiIntents++;
    else stats.randomIntents++;
    if (expectation === 'refuse') stats.mustRefuse++;
    if (expectation === 'accept') stats.mustAccept++;
    if (r.ok) {
      stats.accepted++;
      check(expectation !== 'refuse', () => `accepted ${after}`);
      const log = session.log;
      check(log.length === n + 1, () => `${log.length - n} log entries for ${after}`);
      for (let i = 0; i < n; i++) check(log[i] === logBefore[i], () => `log entry ${i + 1} changed by ${after}`);
      expect(log[n], `the log entry of ${after}`).toEqual({ seq: n + 1, round: before.round, actor: intent.actor, intent });
    } else {
      stats.refused++;
      check(expectation !== 'accept', () => `refused (${r.reason}) ${after}`);
      check(r.reason.trim() !== '', () => `a refusal without a reason: ${after}`);
      check(hashOf(session.state) === hashOf(before), () => `refused ${after} changed the state hash`);
      check(session.log === logBefore, () => `refused ${after} changed the log`);
    }
    deepFreeze(session.state);
    deepFreeze(session.log);
    countCoverage(session.state);
    checkInvariants(session.state, after);
    checkViews(session.state, after);
    return r;
  }
}

function countCoverage(s: GameState) {
  const seen = stats.seen;
  if (Object.values(s.spans).some((x) => x.status === 'secured')) seen.securedSpan++;
  if (s.quietDefections.length > 0) seen.quietDefection++;
  if (s.escrow.paid > 0) seen.escrowPaid++;
  if (Object.values(s.delegations).some((d) => d.commit !== null)) seen.sealedCommit++;
  if (s.paused) seen.paused++;
  if (s.violations.length > 0) seen.violation++;
}

/** One AI step, as playToEnd plays it: the AI seats act, then the clock closes the step. */
function aiStep(table: CheckedTable) {
  if (table.done) return;
  const before = `${table.state.round}:${table.state.step}`;
  playStep(scenario, table);
  if (!table.done && `${table.state.round}:${table.state.step}` === before)
    table.send({ type: 'step.close', actor: 'system' }, 'any', 'the clock');
}

function runSequence(seed: number, warmup: number, choices: readonly Choice[]) {
  const session = GameSession.start(scenario, seed);
  const table = new CheckedTable(session);
  checkInvariants(session.state, 'the start');
  for (let i = 0; i < warmup && !table.done; i++) aiStep(table);
  for (const choice of choices) {
    // After the end, intents go to a stopped actor (the test below covers that).
    if (session.done) break;
    stats.choices++;
    const planned = planFor(choice, session.state);
    if ('ai' in planned) aiStep(table);
    else table.send(planned.intent, planned.expect, planned.why);
  }
  const replayed = replay(scenario, seed, session.log);
  expect(replayed.hash, 'replay of the log reproduces the state hash').toBe(hashOf(session.state));
  expect(replayed.session.machineValue).toEqual(session.machineValue);
  stats.sequences++;
  stats.maxRound = Math.max(stats.maxRound, session.state.round);
  stats.phases.add(session.state.phase);
  if (session.state.outcome) stats.outcomes.add(session.state.outcome);
  session.stop();
  replayed.session.stop();
}

const choiceArb = fc.record({ kind: fc.nat({ max: TOTAL_WEIGHT - 1 }), seed: fc.integer({ min: -0x80000000, max: 0x7fffffff }) });

describe('random intent sequences through a GameSession', () => {
  afterAll(() => {
    console.info(
      `properties: ${stats.sequences} sequences, ${stats.choices} random choices; ${stats.randomIntents} random intents and ${stats.aiIntents} AI intents ` +
        `(${stats.accepted} accepted, ${stats.refused} refused; ${stats.mustAccept} had to be accepted, ${stats.mustRefuse} refused); ` +
        `rounds up to ${stats.maxRound}; states seen with ${JSON.stringify(stats.seen)}; last phases ${[...stats.phases].join(', ')}; outcomes ${[...stats.outcomes].join(', ') || 'none'}`,
    );
  });

  it('keep every invariant after every intent, and replay to the same hash', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 0xffffffff }),
        fc.oneof(fc.constant(0), fc.nat({ max: MAX_WARMUP_STEPS })),
        fc.array(choiceArb, { minLength: INTENTS_PER_RUN, maxLength: INTENTS_PER_RUN }),
        (seed, warmup, choices) => runSequence(seed, warmup, choices),
      ),
      { numRuns: RUNS },
    );
    // A run that never saw the game move on, or never saw refusals, would prove little.
    expect(stats.randomIntents).toBeGreaterThanOrEqual(10_000);
    expect(stats.mustRefuse).toBeGreaterThan(RUNS * 5);
    expect(stats.mustAccept).toBeGreaterThan(RUNS * 5);
    expect(stats.maxRound).toBeGreaterThan(6);
    for (const [what, n] of Object.entries(stats.seen)) expect(n, `states with ${what}`).toBeGreaterThan(100);
    // About 15 s on an idle 2-core machine; room to spare when the machine is busy.
  }, 180_000);

  it('refuses every delegation and facilitator intent once the game is over', () => {
    // GameSession.send forwards intents to the stopped actor after the end, and XState warns
    // about each one (reported); the warnings are muted here, the refusals are checked.
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    onTestFinished(() => warn.mockRestore());
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 0xffffffff }),
        fc.constantFrom(...OUTCOMES),
        fc.array(choiceArb, { minLength: 20, maxLength: 20 }),
        (seed, outcome, choices) => {
          const session = GameSession.start(scenario, seed);
          const table = new CheckedTable(session);
          table.send({ type: 'facilitator.end', actor: 'facilitator', outcome }, 'accept', 'the facilitator ends the game');
          expect(session.done).toBe(true);
          expect(session.state.outcome).toBe(outcome);
          for (const d of IDS) expect(legalIntents(scenario, session.state, d)).toEqual([]);
          for (const choice of choices) {
            const planned = planFor(choice, session.state);
            // Reveals after the end are the subject of the known-bug test below.
            if ('ai' in planned || planned.intent.type === 'facilitator.reveal') continue;
            table.send(planned.intent, 'refuse', `after the end, ${planned.why}`);
          }
          expect(replay(scenario, seed, session.log).hash).toBe(session.hash());
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('the boundary schema (parseIntent) in front of the engine', () => {
  it('accepts the intents legalIntents offers', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), fc.nat({ max: 16 }), fc.integer(), (seed, steps, pickSeed) => {
        const session = GameSession.start(scenario, seed);
        const table = new CheckedTable(session);
        for (let i = 0; i < steps && !session.done; i++) aiStep(table);
        const p = new Picker(pickSeed);
        for (const d of IDS) {
          const legal = legalIntents(scenario, session.state, d);
          for (let i = 0; i < Math.min(8, legal.length); i++) {
            const intent = p.pick(legal);
            expect(parseIntent(intent), JSON.stringify(intent)).toEqual({ ok: true, intent });
          }
        }
      }),
      { numRuns: 30 },
    );
  });

  it('refuses malformed numbers in a custom inject (checkIntent does not look at them)', () => {
    const crafted = (effects: object) =>
      parseIntent({ type: 'facilitator.inject', actor: 'facilitator', inject: { title: 't', text: 'x', audience: 'all', effects } });
    for (const effects of [
      { escrow: -50 },
      { tension: Number.NaN },
      { tension: 1.5 },
      { support: { iran: 1000 } },
      { fronts: { lebanon: -Infinity } },
    ])
      expect(crafted(effects).ok, JSON.stringify(effects)).toBe(false);
  });
});

// Edges found by the properties above, now fixed.
describe('facilitator edges', () => {
  it('a custom inject with a negative escrow effect is refused and the fund is untouched', () => {
    const session = GameSession.start(scenario, 7);
    const r = session.send({
      type: 'facilitator.inject',
      actor: 'facilitator',
      inject: { title: 'Donors withdraw', text: 'The fund is raided.', audience: 'all', effects: { escrow: -50 } },
    });
    expect(session.state.escrow.balance).toBeGreaterThanOrEqual(0);
    expect(r.ok).toBe(false);
  });

  it('after the end nothing more is accepted (the debrief reveals every secret anyway)', () => {
    const session = GameSession.start(scenario, 7);
    session.send({ type: 'facilitator.end', actor: 'facilitator', outcome: 'drift' });
    const r = session.send({ type: 'facilitator.reveal', actor: 'facilitator', what: 'objectives', to: 'all' });
    expect(r).toEqual({ ok: false, reason: 'the game is over' });
  });
});
