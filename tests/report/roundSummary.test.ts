// The round summaries and briefings (src/report): outcome first, every figure's move explained by
// the causes the engine recorded (docs/rules.md §4), and only what the seat may see.
import { describe, expect, it } from 'vitest';
import { playToEnd } from '../../src/ai/autoplay';
import { applyIntent, publicView, viewFor, type GameState, type Intent } from '../../src/engine';
import { GameSession } from '../../src/machine/session';
import { roundBriefing, unansweredOffers } from '../../src/report/roundBriefing';
import { roundSummary } from '../../src/report/roundSummary';
import { spanInfo } from '../../src/report/spanStatus';
import { gameAt, SCENARIO, secure, stand } from '../engine/fixtures';

const finished = (seed: number): GameState => {
  const session = GameSession.start(SCENARIO, seed);
  playToEnd(SCENARIO, session);
  return session.state;
};
const GAMES = [3, 11, 29].map(finished);

describe('every change of tension, support and trust is recorded with its cause', () => {
  it('the causes of a round add up to the change of tension and of each support in the history', () => {
    for (const s of GAMES) {
      for (const row of s.history.slice(1)) {
        const prev = s.history.find((x) => x.round === row.round - 1);
        if (!prev) continue;
        const sum = (figure: string, who: string | null) =>
          s.changes.filter((c) => c.round === row.round && c.figure === figure && c.who === who).reduce((a, c) => a + c.delta, 0);
        expect(sum('tension', null), `tension, round ${row.round}`).toBe(row.tension - prev.tension);
        for (const d of Object.keys(row.support))
          expect(sum('support', d), `${d} support, round ${row.round}`).toBe((row.support[d] ?? 0) - (prev.support[d] ?? 0));
      }
    }
  });

  it('a quiet defection’s gain at home is seen by the defector only; a misdirected retaliation’s extra cost by nobody', () => {
    for (const s of GAMES) {
      for (const c of s.changes.filter((x) => x.cause.startsWith('Quietly stopping'))) expect(c.audience).toEqual([c.who]);
      const pub = publicView(s);
      expect(pub.changes.every((c) => c.audience === 'all')).toBe(true);
      for (const d of SCENARIO.delegations)
        for (const c of viewFor(s, d.id).changes)
          expect(c.audience === 'all' || (Array.isArray(c.audience) && c.audience.includes(d.id))).toBe(true);
    }
  });
});

describe('a round summary puts the outcome first, then why the figures moved', () => {
  it('outcome lines come before procedure, and tension comes with its causes', () => {
    const s = GAMES[0] as GameState;
    const v = viewFor(s, 'iran');
    for (const row of s.history.slice(1)) {
      const sum = roundSummary(SCENARIO, v, row.round, 'iran');
      expect(sum.outcomes.every((l) => l.kind !== 'procedure')).toBe(true);
      expect(sum.procedure.every((l) => l.kind === 'procedure')).toBe(true);
      const tension = sum.figures.find((f) => f.figure === 'tension');
      expect(tension?.to).toBe(row.tension);
      if (tension && tension.from !== null && tension.to !== tension.from) expect(tension.causes.length).toBeGreaterThan(0);
      // Secured spans and incidents lead the procedure ("X implements ...").
      const texts = sum.outcomes.map((l) => l.text).join('\n');
      for (const e of v.events.filter((x) => x.round === row.round && (x.kind === 'span.secured' || x.kind === 'incident')))
        expect(texts).toContain(e.text);
    }
  });

  it('the first round moves from the scenario’s starting figures', () => {
    const s = GAMES[1] as GameState;
    const [tension, support] = roundSummary(SCENARIO, viewFor(s, 'iran'), 1, 'iran').figures;
    expect(tension?.from).toBe(SCENARIO.tunables.startTension);
    expect(support?.from).toBe(SCENARIO.delegations.find((d) => d.id === 'iran')?.startSupport);
  });

  it('"Phase A complete" is reported in the round that completed it', () => {
    const s = GAMES.find((g) => g.history.some((r, i) => r.phase === 'A' && s_next(g, i) === 'B'));
    expect(s, 'a game that completes phase A').toBeDefined();
    if (!s) return;
    const i = s.history.findIndex((r, k) => r.phase === 'A' && s_next(s, k) === 'B');
    const round = s.history[i]?.round ?? 0;
    const sum = roundSummary(SCENARIO, publicView(s), round, null);
    expect(sum.outcomes[0]?.kind).toBe('phase');
    expect(sum.outcomes[0]?.text).toMatch(/^Phase A complete/);
    expect(roundSummary(SCENARIO, publicView(s), round + 1, null).outcomes.some((l) => /Phase A complete/.test(l.text))).toBe(false);
  });
});

function s_next(s: GameState, i: number): string | undefined {
  return s.history[i + 1]?.phase;
}

describe('the start-of-round briefing tells a seat what changed before it acts', () => {
  /** Phase B, round 5: Iran's border restraint secured in round 4, then hard-line protests in Tehran open round 5. */
  function shocked(): GameState {
    const s = gameAt(SCENARIO, 'B', 5);
    s.step = 'negotiation';
    secure(SCENARIO, s, 'a-border-calm', 4);
    const protests: Intent = { type: 'facilitator.inject', actor: 'facilitator', inject: 'hardline-protests-tehran' };
    return applyIntent(SCENARIO, s, protests);
  }

  it('a domestic shock that undid a secured span leads the briefing of the round it happens in, and the bridge says why', () => {
    const s = shocked();
    const b = roundBriefing(SCENARIO, viewFor(s, 'iran'), 'iran');
    expect(b.opened[0]?.kind).toBe('unwound');
    expect(b.opened[0]?.text).toMatch(/no longer secured/);
    const span = SCENARIO.interlocks.find((x) => x.id === 'a-border-calm');
    if (!span) throw new Error('no span');
    const info = spanInfo(SCENARIO, viewFor(s, 'israel'), span);
    expect(info.state).toBe('unwound');
    expect(info.text).toMatch(/^Undone in round 5 by a domestic shock/);
    expect(info.text).not.toMatch(/window closed/);
  });

  it('offers waiting, and steps awaiting verification, are listed with who owes what', () => {
    let s = gameAt(SCENARIO, 'A', 3);
    s.step = 'negotiation';
    stand(SCENARIO, s, 'iran-halt-enrichment', { round: 3, verified: false });
    stand(SCENARIO, s, 'gulf-maritime-restraint', { round: 3, verified: true });
    const rec = s.spans['a-enrichment-halt'];
    const steps = SCENARIO.interlocks.find((x) => x.id === 'a-enrichment-halt');
    for (const m of steps ? steps.reciprocal : []) stand(SCENARIO, s, m, { round: 3, verified: true });
    if (rec) Object.assign(rec, { status: 'pending', openedRound: 3, closesRound: 4 });
    s = applyIntent(SCENARIO, s, {
      type: 'package.propose',
      actor: 'usa',
      steps: [
        { delegation: 'usa', move: 'usa-pre-authorize-snapback' },
        { delegation: 'iran', move: 'iran-short-notice-access' },
      ],
      window: 2,
    });
    const v = viewFor(s, 'iran');
    const b = roundBriefing(SCENARIO, v, 'iran');
    expect(b.waiting.find((w) => w.kind === 'offer')?.text).toMatch(/^Package #1 from US waits for your answer/);
    expect(b.waiting.find((w) => w.kind === 'verification')?.text).toMatch(/awaits verification of Iran's “Halt enrichment/);
    expect(unansweredOffers(v, 'iran')).toEqual([1]);
    // Another seat sees neither the offer (not a party) nor anything of it.
    expect(roundBriefing(SCENARIO, viewFor(s, 'israel'), 'israel').waiting.some((w) => w.kind === 'offer')).toBe(false);
  });

  it('a dispute to answer waits for its respondent; a ruling to comply with waits for its filer (rules §6.6)', () => {
    let s = gameAt(SCENARIO, 'A', 3);
    s.step = 'negotiation';
    s.incidents.push({
      id: 1,
      round: 2,
      front: 'lebanon',
      network: 'hezbollah',
      kind: 'rocket',
      severity: 1,
      sponsor: 'independent',
      attribution: { named: 'israel', confidence: 70, round: 2, override: false },
      cancelled: false,
      revealed: false,
    });
    s = applyIntent(SCENARIO, s, { type: 'dispute.file', actor: 'israel', finding: { kind: 'attribution', incident: 1 } });
    const respondent = s.disputes?.[0]?.respondent ?? '';
    expect(roundBriefing(SCENARIO, viewFor(s, respondent), respondent).waiting.find((w) => w.kind === 'dispute')?.text).toMatch(
      /^Dispute #1 from Israel waits for your answer/,
    );
    expect(roundBriefing(SCENARIO, viewFor(s, 'usa'), 'usa').waiting.some((w) => w.kind === 'dispute')).toBe(false);
    const upheld = { ...s, disputes: (s.disputes ?? []).map((x) => ({ ...x, stage: 'upheld' as const, complyBy: 3 })) };
    expect(roundBriefing(SCENARIO, viewFor(upheld, 'israel'), 'israel').waiting.find((w) => w.kind === 'dispute')?.text).toMatch(
      /comply by the end of round 3's commit/,
    );
  });
});
