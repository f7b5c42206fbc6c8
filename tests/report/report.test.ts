// The after-action report from the event log: the round frames agree with the game, the promise
// ledger accounts for every offered step and every violation, and the exports carry the series.
import { describe, expect, it } from 'vitest';
import { playStep, playToEnd } from '../../src/ai/autoplay';
import { facilitatorView, publicView, viewFor, type Scenario } from '../../src/engine';
import { replay } from '../../src/machine/replay';
import { GameSession } from '../../src/machine/session';
import { findGame, loadScenario } from './cheater';
import { reportCsv, reportMarkdown } from '../../src/report/exports';
import { promiseVerdict } from '../../src/report/ledger';
import { defectionsIn, implementations } from '../../src/report/secrets';
import { buildReport } from '../../src/report/report';
import { compareGame, comparisonCsv } from '../../src/report/compare';
import { buildTimeline, entriesBefore } from '../../src/report/timeline';

const load = loadScenario;
const scenario = load('ceasefire-2026.json');

function played(sc: Scenario, seed: number): GameSession {
  const s = GameSession.start(sc, seed);
  playToEnd(sc, s);
  return s;
}

/** A 12-round game with quiet defections, a verified violation and a negated span (deterministic). */
const long = findGame(
  scenario,
  (s) =>
    s.state.round === 12 &&
    s.state.violations.length > 0 &&
    s.state.events.some((e) => e.kind === 'span.negated') &&
    s.state.events.some((e) => e.kind === 'defection'),
);

describe('the timeline of a game', () => {
  const t = buildTimeline(scenario, long.seed, long.session.log);

  it('replays to the same final state, with one frame per round', () => {
    expect(t.hash).toBe(long.session.hash());
    expect(t.frames.map((f) => f.round)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(t.over).toBe(true);
  });

  it("keeps each round's resolved state: its record is the one the next round starts from", () => {
    for (const [i, f] of t.frames.entries()) {
      expect(f.end.history.at(-1)?.round).toBe(f.round);
      const next = t.frames[i + 1];
      if (next) {
        expect(next.start.history[f.round - 1]).toEqual(f.end.history.at(-1));
        expect(next.start.round).toBe(f.round + 1);
      }
      expect(f.start.step).toBe('negotiation');
    }
  });

  it('forks a what-if at the start of any round', () => {
    const { state } = replay(scenario, long.seed, entriesBefore(t, 5));
    expect(state.round).toBe(5);
    expect(state.step).toBe('negotiation');
    expect(state).toEqual(t.frames[4]?.start);
  });

  it('stops at the round a saved game was left in', () => {
    const s = GameSession.start(scenario, 9);
    while (s.state.round < 3 || s.state.step !== 'commit') playStep(scenario, s);
    const mid = buildTimeline(scenario, 9, s.log);
    expect(mid.over).toBe(false);
    expect(mid.frames.at(-1)).toMatchObject({ round: 3, resolved: false });
    expect(mid.frames.at(-1)?.end).toEqual(s.state);
  });
});

describe('the after-action report', () => {
  const t = buildTimeline(scenario, long.seed, long.session.log);
  const r = buildReport(t);

  it('lists every step offered in every package', () => {
    const offered = t.final.packages.reduce((n, p) => n + p.steps.length, 0);
    expect(r.ledger.rows.length).toBe(offered);
    expect(offered).toBeGreaterThan(10);
    for (const row of r.ledger.rows) expect(promiseVerdict(row).length).toBeGreaterThan(5);
  });

  it('marks every verified violation and every negation in the ledger', () => {
    for (const v of t.final.violations) {
      expect(r.ledger.instances).toContainEqual(expect.objectContaining({ move: v.move, ended: { round: v.round, how: 'violated' } }));
    }
    // Every round in which a window closed unmatched has a step negated in the ledger, and the reverse.
    const negatedRounds = new Set(t.final.events.filter((e) => e.kind === 'span.negated').map((e) => e.round));
    expect(negatedRounds.size).toBeGreaterThan(0);
    const ledgerRounds = new Set(r.ledger.instances.filter((i) => i.ended?.how === 'negated').map((i) => i.ended?.round));
    expect([...ledgerRounds].sort()).toEqual([...negatedRounds].sort());
    const shockRounds = new Set(t.final.events.filter((e) => e.kind === 'shock').map((e) => e.round));
    for (const i of r.ledger.instances.filter((x) => x.ended?.how === 'unwound by a domestic shock'))
      expect(shockRounds.has(i.ended?.round ?? -1)).toBe(true);
    // Every quiet defection of the game is found, with its delegation and round.
    const defectionEvents = t.final.events.filter((e) => e.kind === 'defection');
    expect(r.defections.length).toBe(defectionEvents.length);
    for (const d of r.defections) {
      expect(implementations(t.final).some((i) => i.move === d.move)).toBe(true);
      expect(r.ledger.instances.some((i) => i.move === d.move && i.defected === d.round)).toBe(true);
    }
    // A caught defection ends its step as a violation in the round it was caught.
    for (const v of t.final.violations) {
      const inst = r.ledger.instances.find((i) => i.move === v.move && i.ended?.round === v.round);
      if (inst?.defected != null) expect(inst.defected).toBeLessThanOrEqual(v.round);
    }
  });

  it('matches promises to spans that were secured', () => {
    const secured = Object.values(t.final.spans).reduce((n, x) => n + x.securedCount, 0);
    if (secured > 0) expect(r.ledger.instances.some((i) => i.matched !== null)).toBe(true);
    expect(r.turningPoints.filter((p) => p.kind === 'secured').length).toBe(secured);
  });

  it("judges every incident's attribution against its true sponsor", () => {
    const a = r.attribution;
    expect(a.rows.length).toBe(t.final.incidents.length);
    for (const row of a.rows) {
      const named = row.incident.attribution?.named;
      if (row.verdict === 'correct') expect(named).toBe(row.incident.sponsor);
      if (row.verdict === 'misattributed') expect(named).not.toBe(row.incident.sponsor);
    }
    expect(a.correct + a.misattributed).toBe(a.named);
  });

  it('exports every time series as CSV and the whole report as Markdown', () => {
    const csv = reportCsv(r).trim().split('\n');
    expect(csv.length).toBe(13);
    expect(csv[0]).toContain('tension');
    expect(csv[0]).toContain('support.iran');
    expect(csv[0]).toContain('trust_in.iaea');
    expect(csv[0]).toContain('front_tension.hormuz');
    expect(csv[1]?.split(',').length).toBe(csv[0]?.split(',').length);
    const md = reportMarkdown(r);
    for (const h of [
      '# After-action report',
      '## Promise ledger',
      '## Escalation curve',
      '## Attribution accuracy',
      '## Secret objectives',
      '## Key turning points',
    ])
      expect(md).toContain(h);
  });

  it('reads only from the log: the same log gives the same report', () => {
    const again = buildReport(buildTimeline(scenario, long.seed, [...long.session.log]));
    expect(reportMarkdown(again)).toBe(reportMarkdown(r));
  });
});

describe('views of a replayed round', () => {
  it("show a delegation nothing of the others' secrets, even after the game", () => {
    // A game in which a quiet defection stands at the end of some round (not found out the round it began).
    const lasting = (seed: number, s: GameSession) =>
      buildTimeline(scenario, seed, s.log).frames.some((f) => defectionsIn(f.end).length > 0);
    const game = findGame(scenario, (s) => s.state.events.some((e) => e.kind === 'defection') && lasting(s.state.seed, s));
    const t = buildTimeline(scenario, game.seed, game.session.log);
    const defected = t.frames.find((f) => defectionsIn(f.end).length > 0);
    expect(defected).toBeDefined();
    if (!defected) return;
    const d = defectionsIn(defected.end)[0];
    const other = scenario.delegations.find((x) => x.id !== d?.delegation)?.id ?? '';
    expect(defectionsIn(viewFor(defected.end, other))).toEqual([]);
    expect(defectionsIn(publicView(defected.end))).toEqual([]);
    expect(defectionsIn(viewFor(defected.end, d?.delegation ?? ''))).toContainEqual(d);
    expect(defectionsIn(facilitatorView(defected.end))).toContainEqual(d);
    for (const i of publicView(t.final).incidents) if (!i.revealed) expect(i.sponsor).toBe('hidden');
  });
});

describe('the smaller scenario', () => {
  it('gives a report too', () => {
    const sc = load('gulf-waters.json');
    const s = played(sc, 3);
    const r = buildReport(buildTimeline(sc, 3, s.log));
    expect(r.history.length).toBe(s.state.history.length);
    expect(reportCsv(r)).toContain('front_tension.red-sea');
  });
});

describe('several games compared', () => {
  it('gives one row per game with its headline figures', () => {
    const games = [1, 2, 3].map((seed) => {
      const s = played(scenario, seed);
      return { g: compareGame(scenario, `seed-${seed}`, seed, s.log), state: s.state };
    });
    for (const { g, state } of games) {
      expect(g.outcome).toBe(state.outcome);
      expect(g.rounds).toBe(state.round);
      expect(g.finalTension).toBe(state.history.at(-1)?.tension);
      expect(g.violations).toBe(state.violations.length);
    }
    const csv = comparisonCsv(
      scenario,
      games.map((x) => x.g),
    )
      .trim()
      .split('\n');
    expect(csv).toHaveLength(4);
    expect(csv[0]).toContain('score.iran');
    expect(csv[1]).toMatch(/^seed-1,1,/);
  });
});
