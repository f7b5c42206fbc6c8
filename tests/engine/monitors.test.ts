// Monitors (docs/rules.md, verification): the IAEA checks nuclear steps with the inspection teams
// allocated to their track, observers check security steps on their front, and a public act is
// verified the round it is taken. Each kind's rule is one row of MONITOR_RULES.
import { describe, expect, it } from 'vitest';
import { catalog, MONITOR_RULES, verificationChance, type Move } from '../../src/engine';
import { detectionChance, implementMove, verificationBonus } from '../../src/engine/resolution';
import { gameAt, loadScenario } from './fixtures';

const sc = loadScenario();
const move = (id: string): Move => {
  const m = catalog(sc).move.get(id);
  if (!m) throw new Error(`no move ${id}`);
  return m;
};
const mon = sc.monitors;

describe('monitors', () => {
  it('the IAEA’s chance grows with the inspection teams on the step’s track, and only those', () => {
    const m = move('iran-halt-enrichment');
    expect(m.verifiedBy).toBe('iaea');
    const s = gameAt(sc, 'A');
    const bonus = verificationBonus(sc, s, m.track);
    s.allocation.inspections = {};
    expect(verificationChance(sc, s, m)).toBe(mon.iaeaBase + bonus);
    s.allocation.inspections = { [m.track]: 2 };
    expect(verificationChance(sc, s, m)).toBe(mon.iaeaBase + 2 * mon.iaeaPerTeam + bonus);
    // Observers on fronts do not help inspectors.
    for (const f of Object.values(s.fronts)) f.observers = 3;
    expect(verificationChance(sc, s, m)).toBe(mon.iaeaBase + 2 * mon.iaeaPerTeam + bonus);
  });

  it('observers’ chance grows with the observers on the step’s front, not with inspection teams', () => {
    const m = move('gulf-maritime-restraint');
    expect(m.verifiedBy).toBe('observers');
    const s = gameAt(sc, 'A');
    const bonus = verificationBonus(sc, s, m.track);
    s.allocation.inspections = { [m.track]: 3 };
    for (const f of Object.values(s.fronts)) f.observers = 0;
    expect(verificationChance(sc, s, m)).toBe(mon.observerBase + bonus);
    const front = s.fronts[m.front as string];
    if (!front) throw new Error('no front');
    front.observers = 1;
    expect(verificationChance(sc, s, m)).toBe(mon.observerBase + mon.observerPerTeam + bonus);
  });

  it('a public act is verified the round it is implemented, with certainty', () => {
    const m = move('iran-relief-audit');
    expect(m.verifiedBy).toBe('public');
    const s = gameAt(sc, 'B');
    expect(verificationChance(sc, s, m)).toBe(100);
    implementMove(sc, s, m);
    expect(s.standing.find((st) => st.move === m.id)).toMatchObject({ verified: true, verifiedRound: s.round });
    const watched = move('gulf-maritime-restraint');
    implementMove(sc, s, watched);
    expect(s.standing.find((st) => st.move === watched.id)).toMatchObject({ verified: false, verifiedRound: null });
  });

  it('detection of a quiet defection is measured from each monitor’s own base chance', () => {
    const s = gameAt(sc, 'A');
    for (const id of ['iran-halt-enrichment', 'gulf-maritime-restraint']) {
      const m = move(id);
      const rule = MONITOR_RULES[m.verifiedBy];
      const p = verificationChance(sc, s, m);
      expect(detectionChance(sc, s, m), id).toBe(
        Math.max(0, Math.min(90, sc.tunables.detectionPercent + Math.round((p - rule.base(sc)) / 2))),
      );
    }
  });
});
