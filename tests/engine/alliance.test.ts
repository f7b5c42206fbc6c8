// Diverging allied priorities (docs/rules.md §8.1): an agreed package that touches one ally's
// priority tracks and none of another's costs the passed-over ally `strainTrust` trust in each
// served ally that is a party; a compensating step on the passed-over ally's priority, or a
// package of pledges only, costs nothing.
import { describe, expect, it } from 'vitest';
import { applyIntent, checkIntent, type GameState, type Intent, type PackageStep, type Scenario } from '../../src/engine';
import { gameAt, loadScenario, trustIn } from './fixtures';

const SC = loadScenario();
/** The same scenario without the price: what the rest of the rules do to trust on agreement. */
const FREE = loadScenario((raw) => {
  if (raw.alliance) raw.alliance.strainTrust = 0;
});
const STRAIN = SC.alliance?.strainTrust ?? 0;

/** Proposes a package as Iran and has every other party accept it; returns the state after agreement. */
function agree(scenario: Scenario, steps: PackageStep[]): GameState {
  let s = gameAt(scenario, 'A', 2);
  s.step = 'negotiation';
  const intents: Intent[] = [{ type: 'package.propose', actor: 'iran', steps, window: 2 }];
  for (const d of [...new Set(steps.map((x) => x.delegation))])
    if (d !== 'iran') intents.push({ type: 'package.accept', actor: d, package: 1 });
  for (const i of intents) {
    expect(checkIntent(scenario, s, i), `${i.type} by ${i.actor}`).toBeNull();
    s = applyIntent(scenario, s, i);
  }
  expect(s.packages[0]?.status).toBe('accepted');
  return s;
}

/** What the rule itself changes in `truster`'s trust in `trusted`: the same package with and without the price. */
function strainOf(steps: PackageStep[], truster: string, trusted: string): number {
  const before = gameAt(SC, 'A', 2);
  const priced = trustIn(agree(SC, steps), truster, trusted) - trustIn(before, truster, trusted);
  const free = trustIn(agree(FREE, steps), truster, trusted) - trustIn(before, truster, trusted);
  return priced - free;
}

// Nuclear serves the United States, missiles the Gulf, sanctions the European capitals.
const HALT_FOR_RESTRAINT: PackageStep[] = [
  { delegation: 'iran', move: 'iran-halt-enrichment' },
  { delegation: 'gulf', move: 'gulf-maritime-restraint' },
];
const WITH_CHANNEL: PackageStep[] = [...HALT_FOR_RESTRAINT, { delegation: 'eu', move: 'eu-humanitarian-channel' }];

describe('§8.1 diverging allied priorities', () => {
  it('the default scenario gives the three allies distinct priorities and a price', () => {
    expect(STRAIN).toBeGreaterThan(0);
    expect(SC.alliance?.priorities).toMatchObject({ usa: ['nuclear'], eu: ['sanctions'] });
    expect(SC.alliance?.priorities.gulf).toEqual(expect.arrayContaining(['missiles']));
  });

  it(`a package serving the US and Gulf priorities but not the European one costs the Europeans ${STRAIN} trust in the Gulf, a party`, () => {
    expect(strainOf(HALT_FOR_RESTRAINT, 'eu', 'gulf')).toBe(-STRAIN);
  });

  it('a served ally that is not a party to the package is not blamed', () => {
    expect(strainOf(HALT_FOR_RESTRAINT, 'eu', 'usa')).toBe(0);
  });

  it('an ally whose priority the package serves feels no strain', () => {
    expect(strainOf(HALT_FOR_RESTRAINT, 'gulf', 'iran')).toBe(0);
    expect(strainOf(HALT_FOR_RESTRAINT, 'usa', 'gulf')).toBe(0);
  });

  it('a compensating step on the passed-over priority removes the cost', () => {
    expect(strainOf(WITH_CHANNEL, 'eu', 'gulf')).toBe(0);
    expect(strainOf(WITH_CHANNEL, 'usa', 'gulf')).toBe(0);
  });

  it('a package of pledges only (the council) serves no priority and costs nothing', () => {
    const council: PackageStep[] = [
      { delegation: 'iran', move: 'iran-join-council' },
      { delegation: 'usa', move: 'usa-join-council' },
      { delegation: 'gulf', move: 'gulf-join-council' },
    ];
    expect(strainOf(council, 'eu', 'gulf')).toBe(0);
    expect(strainOf(council, 'usa', 'gulf')).toBe(0);
  });

  it('the strain is reported to the passed-over ally', () => {
    const s = agree(SC, HALT_FOR_RESTRAINT);
    const e = s.events.find((x) => x.kind === 'alliance.strain');
    expect(e?.text).toMatch(/serves Gulf but passes over the priorities of EU/);
    expect(e?.audience === 'all' || (Array.isArray(e?.audience) && e.audience.includes('eu'))).toBe(true);
  });
});
