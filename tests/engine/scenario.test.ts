// The default scenario loads, and malformed scenarios are refused with the JSON path and the
// reason of every problem (docs/scenario-format.md).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseScenario, parseScenarioText, type Problem, type ScenarioResult } from '../../src/engine/scenario/load';

// Malformed variants are built by mutating raw JSON, which has no static type.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

const FILE = fileURLToPath(new URL('../../assets/scenarios/ceasefire-2026.json', import.meta.url));
const SOURCE = readFileSync(FILE, 'utf8');

/** A fresh deep copy of the default scenario's raw JSON. */
const clone = (): Loose => structuredClone(JSON.parse(SOURCE) as Loose);

/** Index of the item with this id in a list of the raw JSON; fails loudly if it is missing. */
function indexOf(list: Loose, id: string): number {
  const i = (list as Array<{ id: string }>).findIndex((x) => x.id === id);
  if (i < 0) throw new Error(`the default scenario has no "${id}"`);
  return i;
}

function problemsOf(result: ScenarioResult): Problem[] {
  if (result.ok) throw new Error('expected the scenario to be refused, but it loaded');
  return result.problems;
}

/** The result is a refusal that lists a problem at exactly this path, with a matching reason. */
function expectProblem(result: ScenarioResult, path: string, message: RegExp): void {
  expect(result.ok).toBe(false);
  expect(problemsOf(result)).toContainEqual({ path, message: expect.stringMatching(message) as unknown });
}

describe('the default scenario "Ceasefire 2026"', () => {
  const result = parseScenarioText(SOURCE);

  it('loads without problems', () => {
    expect(result.ok ? [] : result.problems).toEqual([]);
    expect(result.ok).toBe(true);
  });

  if (!result.ok) return;
  const s = result.scenario;

  it('has the six delegations, each with two or three secret objectives', () => {
    expect(s.id).toBe('ceasefire-2026');
    expect(s.delegations.map((d) => d.id)).toEqual(['iran', 'usa', 'gulf', 'israel', 'eu', 'iaea']);
    for (const d of s.delegations) {
      expect(d.secretObjectives.length).toBeGreaterThanOrEqual(2);
      expect(d.secretObjectives.length).toBeLessThanOrEqual(3);
    }
    expect(new Set(s.delegations.map((d) => d.color.toUpperCase())).size).toBe(6);
  });

  it('has the four indivisible tracks and three phases that each name all of them', () => {
    expect(s.tracks.map((t) => t.id)).toEqual(['nuclear', 'missiles', 'proxies', 'sanctions']);
    expect(s.phases.map((p) => p.id)).toEqual(['A', 'B', 'C']);
    for (const p of s.phases) expect(Object.keys(p.requires).sort()).toEqual(['missiles', 'nuclear', 'proxies', 'sanctions']);
  });

  it('has five fronts placed in the region and three proxy networks', () => {
    expect(s.fronts.map((f) => f.id)).toEqual(['lebanon', 'syria', 'iraq', 'red-sea', 'hormuz']);
    for (const f of s.fronts) {
      expect(f.lon).toBeGreaterThan(30);
      expect(f.lon).toBeLessThan(62);
      expect(f.lat).toBeGreaterThan(10);
      expect(f.lat).toBeLessThan(40);
    }
    expect(s.proxyNetworks.map((n) => n.id)).toEqual(['hezbollah', 'houthis', 'iraqi-militias']);
  });

  it('has at least 40 moves, covering every delegation and every track', () => {
    expect(s.moves.length).toBeGreaterThanOrEqual(40);
    for (const d of s.delegations) expect(s.moves.some((m) => m.delegation === d.id)).toBe(true);
    for (const t of s.tracks) expect(s.moves.some((m) => m.track === t.id)).toBe(true);
  });

  it('has the special moves other parts of the game rely on', () => {
    const tagged = (tag: string) => s.moves.filter((m) => (m.tags as string[]).includes(tag)).map((m) => m.delegation);
    expect(tagged('war-trigger')).toEqual(['israel']);
    expect(tagged('framework').sort()).toEqual(['eu', 'gulf', 'iran', 'israel', 'usa']);
    expect(tagged('council').sort()).toEqual(['eu', 'gulf', 'iaea', 'iran', 'israel', 'usa']);
    expect(tagged('codify')).toHaveLength(1);
    expect(tagged('snapback')).toContain('usa');
    expect(tagged('stop-loss')).toEqual(expect.arrayContaining(['iran', 'usa', 'eu']));
    expect(tagged('relief').length).toBeGreaterThanOrEqual(4);
  });

  it('has an interlock table, injects and a four-rung incentive ladder', () => {
    expect(s.interlocks.length).toBeGreaterThanOrEqual(10);
    for (const phase of ['A', 'B', 'C'] as const)
      for (const t of s.tracks)
        expect(
          s.interlocks.some((x) => x.phase === phase && x.track === t.id),
          `${phase}/${t.id}`,
        ).toBe(true);
    expect(s.injects.length).toBeGreaterThanOrEqual(12);
    expect(s.injects.filter((i) => i.shock !== undefined)).toHaveLength(2);
    expect(s.council.ladder.map((r) => r.id)).toEqual([
      'humanitarian-relief',
      'capacity-building',
      'investment-guarantees',
      'normalization-talks',
    ]);
  });
});

interface Variant {
  name: string;
  /** Mutates the clone and returns the exact JSON path of the expected problem. */
  mutate: (s: Loose) => string;
  message: RegExp;
}

const variants: Variant[] = [
  // --- the shape (zod) ---
  {
    name: 'a wrong schemaVersion',
    mutate: (s) => ((s.schemaVersion = 2), 'schemaVersion'),
    message: /schema version 1.*has 2/,
  },
  {
    name: 'a missing title',
    mutate: (s) => (delete s.title, 'title'),
    message: /expected string/,
  },
  {
    name: 'an unknown extra field at the top',
    mutate: (s) => ((s.author = 'someone'), '(root)'),
    message: /Unrecognized key.*author/,
  },
  {
    name: 'an unknown extra field in a move',
    mutate: (s) => ((s.moves[0].colour = 'red'), 'moves[0]'),
    message: /Unrecognized key.*colour/,
  },
  {
    name: 'a bad colour',
    mutate: (s) => ((s.delegations[2].color = 'orange'), 'delegations[2].color'),
    message: /#rrggbb/,
  },
  {
    name: 'an id in capitals',
    mutate: (s) => ((s.delegations[0].id = 'Iran'), 'delegations[0].id'),
    message: /lower-case/,
  },
  {
    name: 'a negative cost',
    mutate: (s) => ((s.moves[3].cost = -1), 'moves[3].cost'),
    message: /too small/i,
  },
  {
    name: 'a fraction where an integer is needed',
    mutate: (s) => ((s.fronts[0].radiusKm = 120.5), 'fronts[0].radiusKm'),
    message: /expected int/,
  },
  {
    name: 'a tension effect out of range',
    mutate: (s) => {
      const i = indexOf(s.moves, 'israel-strike-nuclear-site');
      s.moves[i].effects.tension = 150;
      return `moves[${i}].effects.tension`;
    },
    message: /too big/i,
  },
  {
    name: 'a start tension out of range',
    mutate: (s) => ((s.tunables.startTension = 120), 'tunables.startTension'),
    message: /too big/i,
  },
  {
    name: 'an unknown condition type',
    mutate: (s) => (
      (s.delegations[1].secretObjectives[0].condition = { type: 'weatherIsFine' }),
      'delegations[1].secretObjectives[0].condition.type'
    ),
    message: /discriminator/i,
  },
  {
    name: 'an unknown move tag',
    mutate: (s) => ((s.moves[0].tags = ['magic']), 'moves[0].tags[0]'),
    message: /expected one of/,
  },
  {
    name: 'an unknown phase in a move',
    mutate: (s) => ((s.moves[2].phases = ['A', 'D']), 'moves[2].phases[1]'),
    message: /expected one of/,
  },
  {
    name: 'a phase naming one track only',
    mutate: (s) => ((s.phases[1].requires = { nuclear: 1 }), 'phases[1].requires'),
    message: /at least two tracks/,
  },
  {
    name: 'an empty move list',
    mutate: (s) => ((s.moves = []), 'moves'),
    message: /too small/i,
  },
  {
    name: 'an inject audience that is neither "all" nor a list',
    mutate: (s) => ((s.injects[0].audience = 'everyone'), 'injects[0].audience'),
    message: /invalid input/i,
  },

  // --- the references ---
  {
    name: 'a move with an unknown delegation',
    mutate: (s) => ((s.moves[0].delegation = 'russia'), 'moves[0].delegation'),
    message: /unknown delegation "russia"/,
  },
  {
    name: 'a move with an unknown track',
    mutate: (s) => ((s.moves[1].track = 'economy'), 'moves[1].track'),
    message: /unknown track "economy"/,
  },
  {
    name: 'an unknown front in effects.fronts',
    mutate: (s) => {
      const i = indexOf(s.moves, 'iran-pull-back-launchers');
      s.moves[i].effects.fronts = { gaza: -5 };
      return `moves[${i}].effects.fronts.gaza`;
    },
    message: /unknown front "gaza"/,
  },
  {
    name: 'an unknown network in effects.funding',
    mutate: (s) => {
      const i = indexOf(s.moves, 'iran-cut-militia-financing');
      s.moves[i].effects.funding = { hamas: -25 };
      return `moves[${i}].effects.funding.hamas`;
    },
    message: /unknown network "hamas"/,
  },
  {
    name: 'an unknown network in a defection gain',
    mutate: (s) => {
      const i = indexOf(s.moves, 'iran-restrain-hezbollah');
      s.moves[i].defection = { funding: { hamas: 10 } };
      return `moves[${i}].defection.funding.hamas`;
    },
    message: /unknown network "hamas"/,
  },
  {
    name: 'a defection gain on a move that cannot be defected on',
    mutate: (s) => {
      const i = indexOf(s.moves, 'iran-halt-enrichment');
      s.moves[i].defection = { support: 3 };
      return `moves[${i}].defection`;
    },
    message: /cannot be defected/,
  },
  {
    name: 'a move verified by observers without a front',
    mutate: (s) => {
      const i = indexOf(s.moves, 'gulf-maritime-restraint');
      delete s.moves[i].front;
      return `moves[${i}].front`;
    },
    message: /must name the front/,
  },
  {
    name: 'a duplicate move id',
    mutate: (s) => ((s.moves[1].id = s.moves[0].id as string), 'moves[1].id'),
    message: /duplicate id/,
  },
  {
    name: 'a duplicate delegation id',
    mutate: (s) => ((s.delegations[1].id = 'iran'), 'delegations[1].id'),
    message: /duplicate id "iran"/,
  },
  {
    name: 'a duplicate inject id',
    mutate: (s) => ((s.injects[3].id = s.injects[2].id as string), 'injects[3].id'),
    message: /duplicate id/,
  },
  {
    name: 'an interlock naming an unknown move',
    mutate: (s) => ((s.interlocks[0].restraint = 'iran-build-a-bomb'), 'interlocks[0].restraint'),
    message: /unknown move "iran-build-a-bomb"/,
  },
  {
    name: 'an interlock on an unknown track',
    mutate: (s) => ((s.interlocks[4].track = 'economy'), 'interlocks[4].track'),
    message: /unknown track/,
  },
  {
    name: 'a move that is a step of two spans',
    mutate: (s) => {
      const first = s.interlocks[0];
      const second = s.interlocks[1];
      expect(first.phase).toBe(second.phase);
      second.reciprocal.push(first.reciprocal[0]);
      return `interlocks[1].reciprocal[${second.reciprocal.length - 1}]`;
    },
    message: /already a step of span "a-enrichment-halt"/,
  },
  {
    name: 'a pledge used as a span step',
    mutate: (s) => ((s.interlocks[0].reciprocal[0] = 'gulf-join-council'), 'interlocks[0].reciprocal[0]'),
    message: /is a pledge/,
  },
  {
    name: 'a reciprocal step from the same delegation as the restraint',
    mutate: (s) => ((s.interlocks[0].reciprocal[0] = 'iran-short-notice-access'), 'interlocks[0].reciprocal[0]'),
    message: /another delegation/,
  },
  {
    name: "a span step that is not available in the span's phase",
    mutate: (s) => ((s.interlocks[0].reciprocal[0] = 'gulf-host-observers'), 'interlocks[0].reciprocal[0]'),
    message: /not available in phase A/,
  },
  {
    name: 'a phase requiring more secured spans on a track than the table has',
    mutate: (s) => ((s.phases[0].requires.nuclear = 3), 'phases[0].requires.nuclear'),
    message: /needs 3 secured span\(s\) on "nuclear" but the interlock table has 1/,
  },
  {
    name: 'a phase requiring an unknown track',
    mutate: (s) => ((s.phases[2].requires.economy = 1), 'phases[2].requires.economy'),
    message: /unknown track "economy"/,
  },
  {
    name: 'phases that are not exactly A, B and C',
    mutate: (s) => ((s.phases[2].id = 'B'), 'phases'),
    message: /exactly A, B and C/,
  },
  {
    name: 'an objective condition naming an unknown span',
    mutate: (s) => {
      const d = indexOf(s.delegations, 'gulf');
      const o = indexOf(s.delegations[d].secretObjectives, 'gulf-militias-defunded');
      s.delegations[d].secretObjectives[o].condition = { type: 'spanSecured', span: 'no-such-span' };
      return `delegations[${d}].secretObjectives[${o}].condition.span`;
    },
    message: /unknown interlock "no-such-span"/,
  },
  {
    name: 'an objective condition naming an unknown move',
    mutate: (s) => (
      (s.delegations[0].secretObjectives[0].condition = { type: 'moveNeverImplemented', move: 'nope' }),
      'delegations[0].secretObjectives[0].condition.move'
    ),
    message: /unknown move "nope"/,
  },
  {
    name: 'a proxy network with an unknown patron',
    mutate: (s) => ((s.proxyNetworks[0].patron = 'russia'), 'proxyNetworks[0].patron'),
    message: /unknown delegation "russia"/,
  },
  {
    name: 'a proxy network on an unknown front',
    mutate: (s) => ((s.proxyNetworks[2].fronts[1] = 'kurdistan'), 'proxyNetworks[2].fronts[1]'),
    message: /unknown front "kurdistan"/,
  },
  {
    name: 'an inject with an unknown audience',
    mutate: (s) => ((s.injects[1].audience = ['hamas']), 'injects[1].audience[0]'),
    message: /unknown delegation "hamas"/,
  },
  {
    name: 'an inject scheduled after the round limit',
    mutate: (s) => ((s.injects[0].round = 13), 'injects[0].round'),
    message: /after the round limit \(12\)/,
  },
  {
    name: 'a shock on an unknown delegation',
    mutate: (s) => ((s.injects[0].shock = 'france'), 'injects[0].shock'),
    message: /unknown delegation "france"/,
  },
  {
    name: 'a framework delegation without a framework move',
    mutate: (s) => (s.framework.requiredDelegations.push('iaea'), 'framework.requiredDelegations[2]'),
    message: /no move tagged "framework"/,
  },
  {
    name: 'a step of a phase C span available in phase B (built ahead of time)',
    mutate: (s) => {
      const m = s.moves.find((x: { id: string }) => x.id === 'israel-border-pullback');
      m.phases = ['B', 'C'];
      return 'interlocks[12].reciprocal[0]';
    },
    message: /step of a phase C span but is available earlier \(B\)/,
  },
  {
    name: 'an unknown monitor allocator',
    mutate: (s) => ((s.monitors.allocator = 'un'), 'monitors.allocator'),
    message: /unknown delegation "un"/,
  },
  {
    name: 'an unknown escrow recipient',
    mutate: (s) => ((s.escrow.recipient = 'iraq'), 'escrow.recipient'),
    message: /unknown delegation "iraq"/,
  },
  {
    name: 'an unknown front in a ladder rung',
    mutate: (s) => ((s.council.ladder[0].effects.fronts = { gaza: -3 }), 'council.ladder[0].effects.fronts.gaza'),
    message: /unknown front "gaza"/,
  },
  {
    name: 'an unknown spoiler front',
    mutate: (s) => ((s.spoilers.fronts[1] = 'cyprus'), 'spoilers.fronts[1]'),
    message: /unknown front "cyprus"/,
  },
];

describe('malformed scenarios are refused with the path and the reason', () => {
  it('starts from a file that loads', () => {
    expect(parseScenario(clone()).ok).toBe(true);
  });

  it.each(variants)('$name', ({ mutate, message }) => {
    const s = clone();
    const path = mutate(s);
    expectProblem(parseScenario(s), path, message);
  });

  it('refuses text that is not JSON at all', () => {
    expectProblem(parseScenarioText('{ "schemaVersion": 1, "id": '), '(file)', /not valid JSON/);
    expectProblem(parseScenarioText('Ceasefire 2026'), '(file)', /not valid JSON/);
  });

  it('refuses an empty object, listing every missing section', () => {
    const problems = problemsOf(parseScenario({}));
    const paths = problems.map((p) => p.path);
    for (const key of ['schemaVersion', 'id', 'title', 'tunables', 'delegations', 'moves', 'interlocks', 'injects'])
      expect(paths).toContain(key);
  });

  it('refuses an array or null instead of an object', () => {
    expectProblem(parseScenario([]), '(root)', /expected object, received array/);
    expectProblem(parseScenario(null), '(root)', /expected object, received null/);
    expectProblem(parseScenarioText('[]'), '(root)', /expected object/);
  });

  it('lists every shape problem in a file, not just the first', () => {
    const s = clone();
    delete s.title;
    s.delegations[3].color = 'blue';
    s.moves[5].cost = 7;
    s.fronts[4].startTension = -1;
    const paths = problemsOf(parseScenario(s)).map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['title', 'delegations[3].color', 'moves[5].cost', 'fronts[4].startTension']));
  });

  it('lists every reference problem in a file, not just the first', () => {
    const s = clone();
    s.moves[0].delegation = 'russia';
    s.proxyNetworks[1].patron = 'russia';
    s.interlocks[2].restraint = 'nope';
    s.tunables.roundLimit = 9;
    const scheduledLate = (s.injects as Array<{ round?: number }>)
      .map((inj, i) => (inj.round !== undefined && inj.round > 9 ? `injects[${i}].round` : undefined))
      .filter((p): p is string => p !== undefined);
    expect(scheduledLate.length).toBeGreaterThanOrEqual(2);
    const paths = problemsOf(parseScenario(s)).map((p) => p.path);
    expect(paths).toEqual(
      expect.arrayContaining(['moves[0].delegation', 'proxyNetworks[1].patron', 'interlocks[2].restraint', ...scheduledLate]),
    );
  });

  it('never returns a half-loaded scenario', () => {
    const s = clone();
    s.moves[0].track = 'economy';
    const result = parseScenario(s);
    expect(result.ok).toBe(false);
    expect('scenario' in result).toBe(false);
  });
});
