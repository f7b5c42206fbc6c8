// AI delegations: honest (a decision depends only on the delegation's own view), explained
// (every decision carries plain words), true to their doctrine (red lines, counters), different
// by personality, and deterministic. Balance over 1,000 games lives in the README (npm run sim).
import { describe, expect, it } from 'vitest';
import { playToEnd } from '../../src/ai/autoplay';
import { parsePersonaSpec, PERSONALITIES, profileOf, type Persona } from '../../src/ai/persona';
import { planCommit } from '../../src/ai/commit';
import { SimTable } from '../../src/ai/play';
import { playSeats, type Stage } from '../../src/ai/scheduler';
import { decideStage } from '../../src/ai/policy';
import type { Decision } from '../../src/ai/words';
import {
  catalog,
  createGame,
  decisionView,
  seatStream,
  openNegotiation,
  parseScenario,
  startBriefing,
  type GameState,
  type Intent,
  type ScenarioInput,
} from '../../src/engine';
import { loadScenario, SCENARIO } from '../engine/fixtures';

const sc = SCENARIO;
const ids = catalog(sc).delegationIds;
const all = (personality: Persona['personality'], difficulty: Persona['difficulty'] = 'standard') =>
  Object.fromEntries(ids.map((d) => [d, { personality, difficulty }]));

/** Plays a game and keeps every decision with the state it was taken in. */
function recordGame(seed: number, personas: Record<string, Persona>, stopAtRound = 99) {
  const table = new SimTable(sc, openNegotiation(startBriefing(sc, createGame(sc, seed))));
  const decisions: Array<{ d: string; decision: Decision; ok: boolean }> = [];
  const states: GameState[] = [];
  for (let guard = 0; !table.done && table.state.round <= stopAtRound && guard < 80; guard++) {
    const before = `${table.state.round}:${table.state.step}`;
    states.push(table.state);
    playSeats(
      {
        table,
        seats: ids,
        onDecision: (d, decision, ok) => {
          decisions.push({ d, decision, ok });
          states.push(table.state);
        },
      },
      (view, d, stage, stream) => decideStage(sc, view, d, personas[d], stage, stream),
    );
    if (!table.done && `${table.state.round}:${table.state.step}` === before) table.send({ type: 'step.close', actor: 'system' });
  }
  return { table, decisions, states };
}

/** Changes everything a delegation may not see: the generator, funding, true sponsors, others' defections, commits and secret events. */
function tamperHidden(s: GameState, viewer: string): GameState {
  const t = structuredClone(s);
  t.rng = (t.rng ^ 0x5bd1e995) | 0;
  for (const k of Object.keys(t.funding)) t.funding[k] = ((t.funding[k] ?? 0) + 37) % 100;
  for (const inc of t.incidents) if (!inc.revealed) inc.sponsor = inc.sponsor === 'spoiler' ? 'independent' : 'spoiler';
  for (const st of t.standing) {
    if (
      st.delegation !== viewer &&
      st.verified &&
      catalog(sc).move.get(st.move)?.defectable &&
      !t.quietDefections.some((q) => q.move === st.move)
    ) {
      t.quietDefections.push({ move: st.move, delegation: st.delegation, round: st.round });
    }
  }
  for (const [d, del] of Object.entries(t.delegations)) {
    if (d !== viewer && del.committed) del.commit = { moves: [], defect: [], retaliate: { incident: 1, against: viewer } };
  }
  t.events.push({ round: t.round, kind: 'secret', text: 'a hidden truth', audience: 'secret' });
  const other = ids.find((d) => d !== viewer) as string;
  t.events.push({ round: t.round, kind: 'intel', text: 'private intelligence', audience: [other] });
  return t;
}

const stagesOf = (s: GameState): Stage[] =>
  s.step === 'commit' ? ['commit'] : s.step === 'negotiation' ? ['propose', 'answer', 'close'] : [];

describe('honesty: an AI decides only from its own view', () => {
  const { states } = recordGame(7, all('pragmatist'), 6);
  // A spread of positions: negotiation with open offers, council business, sealed commits.
  const sample = states.filter((_, i) => i % 9 === 0).filter((s) => s.step === 'negotiation' || s.step === 'commit');

  it('finds positions with hidden facts to change', () => {
    expect(sample.length).toBeGreaterThan(8);
    expect(sample.some((s) => s.incidents.length > 0)).toBe(true);
  });

  for (const difficulty of ['novice', 'standard', 'expert'] as const) {
    it(`${difficulty}: changing hidden fields of the true state changes no decision`, () => {
      let compared = 0;
      for (const s of sample.slice(0, difficulty === 'expert' ? 6 : sample.length)) {
        for (const d of ids) {
          const persona: Persona = { personality: d === 'israel' ? 'hawk' : 'pragmatist', difficulty };
          const tampered = tamperHidden(s, d);
          expect(JSON.stringify(tampered)).not.toBe(JSON.stringify(s));
          for (const stage of stagesOf(s)) {
            if (stage === 'commit' && s.delegations[d]?.committed) continue;
            // The authority hands each seat its stream beside the view; tampering touches neither.
            const a = decideStage(sc, decisionView(s, d), d, persona, stage, seatStream(s, d));
            const b = decideStage(sc, decisionView(tampered, d), d, persona, stage, seatStream(tampered, d));
            expect(b).toEqual(a);
            compared += 1;
          }
        }
      }
      expect(compared).toBeGreaterThan(20);
    });
  }
});

describe('explanations', () => {
  const { decisions } = recordGame(3, {
    ...all('pragmatist'),
    israel: { personality: 'hawk', difficulty: 'standard' },
    eu: { personality: 'dove', difficulty: 'novice' },
  });

  it('every decision carries a reason in plain words, kept in the intent (and so in the log)', () => {
    expect(decisions.length).toBeGreaterThan(40);
    for (const { decision } of decisions) {
      expect(decision.reason.length).toBeGreaterThan(10);
      expect(decision.reason).not.toMatch(/undefined|NaN|\[object/);
      const i = decision.intent as Intent & { reason?: string; note?: string };
      if (i.type === 'package.propose') expect(i.note).toBeTruthy();
      else expect(i.reason).toBeTruthy();
    }
  });

  it('names moves and delegations, and never says a quiet defection in public', () => {
    const commits = decisions.filter((x) => x.decision.intent.type === 'commit.submit');
    expect(commits.some((x) => /“.+”/.test(x.decision.reason))).toBe(true);
    for (const { decision } of decisions) expect(decision.reason).not.toMatch(/Quietly/);
    const answers = decisions.filter((x) => x.decision.intent.type.startsWith('package.'));
    expect(answers.some((x) => /(Iran|US|Gulf|Israel|EU|IAEA)/.test(x.decision.reason))).toBe(true);
  });

  it('a quiet defection is explained only in the sealed commit, with the chance of detection', () => {
    // Hawks defect in about one game of five (most unravel before a step is verified): these seeds hold some.
    const defections = [17, 20, 28].flatMap((seed) =>
      recordGame(seed, all('hawk')).decisions.filter((x) => x.decision.intent.type === 'commit.submit' && x.decision.secret),
    );
    expect(defections.length).toBeGreaterThan(0);
    for (const x of defections) {
      expect(x.decision.secret).toMatch(/chance a round of noticing/);
      // The secret travels in a field of its own, never in the public reason.
      const intent = x.decision.intent as { reason?: string; secretReason?: string };
      expect(intent.secretReason).toBe(x.decision.secret);
      expect(intent.reason).not.toContain(x.decision.secret ?? '');
    }
  });
});

describe('doctrine: red lines and counters', () => {
  const start = () => {
    const s = structuredClone(createGame(sc, 5));
    s.phase = 'A';
    s.step = 'negotiation';
    s.framework = { adopted: true, round: 1 };
    return s;
  };
  const offer = (s: GameState, proposer: string, steps: Array<[string, string]>, window = 1) => {
    const t = new SimTable(sc, s);
    const r = t.send({
      type: 'package.propose',
      actor: proposer,
      steps: steps.map(([delegation, move]) => ({ delegation, move })),
      window,
    });
    expect(r).toEqual({ ok: true });
    return t.state;
  };

  it('the Gulf counters an enrichment halt without inspection access, adding the access, and says why', () => {
    const s = offer(start(), 'iran', [
      ['iran', 'iran-halt-enrichment'],
      ['gulf', 'gulf-maritime-restraint'],
      ['usa', 'usa-humanitarian-waiver'],
    ]);
    const [d] = decideStage(
      sc,
      decisionView(s, 'gulf'),
      'gulf',
      { personality: 'pragmatist', difficulty: 'standard' },
      'answer',
      seatStream(s, 'gulf'),
    );
    expect(d?.intent.type).toBe('package.counter');
    expect(d?.reason).toMatch(/inspection access/);
    const steps = d?.intent.type === 'package.counter' ? d.intent.steps.map((x) => x.move) : [];
    expect(steps).toContain('iran-short-notice-access');
  });

  it('Israel counters an offer that crosses its red line with the step that meets it, in its own words', () => {
    const s = offer(start(), 'eu', [
      ['israel', 'israel-suspend-lebanon-strikes'],
      ['eu', 'eu-humanitarian-channel'],
    ]);
    const [d] = decideStage(
      sc,
      decisionView(s, 'israel'),
      'israel',
      { personality: 'dove', difficulty: 'standard' },
      'answer',
      seatStream(s, 'israel'),
    );
    expect(d?.intent.type).toBe('package.counter');
    expect(d?.reason).toMatch(/^We counter: we stop strikes in Lebanon only when Iran reins in Hezbollah/);
    expect(d?.intent.type === 'package.counter' && d.intent.steps.map((x) => x.move)).toContain('iran-restrain-hezbollah');
  });

  it('a lopsided offer that secures no span is rejected, saying so', () => {
    const s = offer(start(), 'eu', [
      ['usa', 'usa-reduce-patrols'],
      ['eu', 'eu-humanitarian-channel'],
    ]);
    const [d] = decideStage(
      sc,
      decisionView(s, 'usa'),
      'usa',
      { personality: 'pragmatist', difficulty: 'standard' },
      'answer',
      seatStream(s, 'usa'),
    );
    expect(d?.intent.type).toBe('package.reject');
    expect(d?.reason).toMatch(/^We reject: we would give “Reduce naval patrols near Iran's coast”, but the package secures no span/);
  });

  it('an expert joins a council it was offered in round 1, where a standard pragmatist still doubts its partners', () => {
    // README, AI delegations: a pragmatist joins only once it trusts the other joiners enough; an
    // expert weighs the shared outcome and gives up reprisals for the council's inquiries at once.
    const s = structuredClone(createGame(sc, 5));
    s.step = 'negotiation';
    for (const d of ids) for (const o of ids) if (d !== o) (s.trust[d] as Record<string, number>)[o] = 40;
    const joined = offer(s, 'usa', [
      ['usa', 'usa-join-council'],
      ['eu', 'eu-join-council'],
      ['gulf', 'gulf-join-council'],
    ]);
    const answerAs = (difficulty: Persona['difficulty']) =>
      decideStage(
        sc,
        decisionView(joined, 'gulf'),
        'gulf',
        { personality: 'pragmatist', difficulty },
        'answer',
        seatStream(joined, 'gulf'),
      )[0];
    const standard = answerAs('standard');
    expect(standard?.intent.type).toBe('package.reject');
    expect(standard?.reason).toMatch(/right to answer attacks ourselves/);
    expect(answerAs('expert')?.intent.type).toBe('package.accept');
  });

  it('a standard proposer builds the partners’ red lines into its packages; a novice does not', () => {
    const s = start();
    const std = decideStage(
      sc,
      decisionView(s, 'iran'),
      'iran',
      { personality: 'dove', difficulty: 'standard' },
      'propose',
      seatStream(s, 'iran'),
    );
    const halt = std.find((x) => x.intent.type === 'package.propose' && x.intent.steps.some((st) => st.move === 'iran-halt-enrichment'));
    expect(halt?.intent.type === 'package.propose' && halt.intent.steps.map((x) => x.move)).toEqual(
      expect.arrayContaining(['iran-short-notice-access', 'usa-pre-authorize-snapback']),
    );
    const nov = decideStage(
      sc,
      decisionView(s, 'iran'),
      'iran',
      { personality: 'dove', difficulty: 'novice' },
      'propose',
      seatStream(s, 'iran'),
    );
    for (const x of nov)
      if (x.intent.type === 'package.propose') expect(x.intent.steps.map((st) => st.move)).not.toContain('usa-pre-authorize-snapback');
  });

  it('the scenario format stays backward-compatible: a scenario without doctrines loads and plays', () => {
    const bare = loadScenario((raw) => raw.delegations.forEach((d) => delete (d as { doctrine?: unknown }).doctrine));
    const t = new SimTable(bare, openNegotiation(startBriefing(bare, createGame(bare, 2))));
    playToEnd(bare, t);
    expect(t.state.outcome).not.toBeNull();
  });

  it('a doctrine naming an unknown track or another delegation’s move is refused with its path', () => {
    const raw = structuredClone(loadScenario()) as unknown as ScenarioInput;
    const d0 = raw.delegations[0] as ScenarioInput['delegations'][number] & {
      doctrine: { priorities: Record<string, number>; redLines: Array<{ when: string[] }> };
    };
    d0.doctrine.priorities.economy = 3;
    (d0.doctrine.redLines[0] as { when: string[] }).when = ['usa-humanitarian-waiver'];
    const r = parseScenario(raw);
    expect(r.ok).toBe(false);
    const paths = r.ok ? [] : r.problems.map((p) => p.path);
    expect(paths).toContain('delegations[0].doctrine.priorities.economy');
    expect(paths).toContain('delegations[0].doctrine.redLines[0].when[0]');
  });
});

describe('personalities and difficulties', () => {
  const outcomes = (personas: Record<string, Persona>, games: number) => {
    const out = { consolidation: 0, drift: 0, unraveling: 0 };
    for (let g = 1; g <= games; g++) {
      const t = new SimTable(sc, openNegotiation(startBriefing(sc, createGame(sc, 500 + g))));
      playToEnd(sc, t, { personas });
      if (t.state.outcome) out[t.state.outcome] += 1;
    }
    return out;
  };

  it('doves mostly consolidate and hawks mostly unravel (small sample; 1,000 games in the README)', () => {
    expect(outcomes(all('dove'), 20).consolidation).toBeGreaterThanOrEqual(12);
    expect(outcomes(all('hawk'), 20).unraveling).toBeGreaterThanOrEqual(10);
  });

  it('the expert looks ahead, and decides the same way twice from the same view (no clock, no hidden randomness)', () => {
    const expert = { ...all('pragmatist'), iran: { personality: 'hawk', difficulty: 'expert' } as Persona };
    const { decisions, states } = recordGame(9, expert, 5);
    expect(decisions.some((x) => x.d === 'iran' && /sampled futures?\.\)$/.test(x.decision.reason))).toBe(true);
    const s = states.find((x) => x.step === 'commit' && x.phase !== 'ceasefire' && !x.delegations.iran?.committed) as GameState;
    const view = decisionView(s, 'iran');
    const a = decideStage(sc, view, 'iran', expert.iran, 'commit', seatStream(s, 'iran'));
    expect(decideStage(sc, view, 'iran', expert.iran, 'commit', seatStream(s, 'iran'))).toEqual(a);
  });

  it('the expert’s plan without escalation strikes nobody back, where its doctrine’s plan would (README, AI delegations)', () => {
    // Hawks retaliate often: find sealed commits in which the doctrine's plan strikes back.
    const hawks = all('hawk');
    let compared = 0;
    for (let seed = 1; seed <= 6 && compared < 3; seed++) {
      const { states } = recordGame(seed, hawks, 6);
      for (const s of states) {
        if (s.step !== 'commit') continue;
        for (const d of ids) {
          if (s.delegations[d]?.committed) continue;
          const view = decisionView(s, d);
          const p = profileOf(sc, d, hawks[d], seatStream(s, d));
          if (!planCommit(sc, view, d, p).commit.retaliate) continue;
          expect(planCommit(sc, view, d, p, { keepAll: true, defect: 'never', escalate: false }).commit.retaliate).toBeUndefined();
          compared += 1;
        }
      }
    }
    expect(compared).toBeGreaterThan(0);
  });

  it('parses per-delegation specs for the command line', () => {
    expect(parsePersonaSpec('all=dove,iran=hawk', 'personality', PERSONALITIES, ids)).toEqual({
      ok: true,
      value: { iran: 'hawk', usa: 'dove', gulf: 'dove', israel: 'dove', eu: 'dove', iaea: 'dove' },
    });
    expect(parsePersonaSpec('irna=hawk', 'personality', PERSONALITIES, ids)).toMatchObject({
      ok: false,
      error: /unknown delegation "irna"/,
    });
    expect(parsePersonaSpec('iran=falcon', 'personality', PERSONALITIES, ids)).toMatchObject({
      ok: false,
      error: /unknown personality "falcon"/,
    });
  });
});
