// Roles of the international organisations (docs/rules.md §6.3 and §6.5): the scenario names the
// council's chair, who carries a tied penalty motion, and the escrow fund's holder, who gains the
// recipient's trust with each tranche paid and loses it when a secured span finds the fund empty.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  applyIntent,
  checkIntent,
  formatProblems,
  parseScenario,
  resolveRound,
  type GameState,
  type Intent,
  type Scenario,
  type ScenarioInput,
} from '../../src/engine';
import { gameAt, loadScenario, monitorsAt, openSpan, quiet, SEEDS, stand, stepsOf, trustIn } from './fixtures';

describe('the default scenario gives the roles', () => {
  it('the European capitals chair the council and hold the escrow fund; the IAEA verifies nuclear steps', () => {
    const sc = loadScenario();
    expect(sc.council.chair).toBe('eu');
    expect(sc.escrow.holder).toBe('eu');
    const iranNuclearSteps = sc.moves.filter((m) => m.delegation === 'iran' && m.track === 'nuclear' && m.kind === 'step' && m.defectable);
    expect(iranNuclearSteps.length).toBeGreaterThan(0);
    for (const m of iranNuclearSteps) expect(m.verifiedBy, m.id).toBe('iaea');
    expect(sc.monitors.allocator).toBe('iaea');
  });

  it('the checker refuses a role given to a delegation that does not exist', () => {
    const chair = parseScenario(
      withRaw((raw) => {
        raw.council.chair = 'un';
      }),
    );
    expect(chair.ok).toBe(false);
    if (!chair.ok) expect(formatProblems(chair.problems)).toMatch(/council\.chair/);
    const holder = parseScenario(
      withRaw((raw) => {
        raw.escrow.holder = 'world-bank';
      }),
    );
    expect(holder.ok).toBe(false);
    if (!holder.ok) expect(formatProblems(holder.problems)).toMatch(/escrow\.holder/);
  });
});

/** The default scenario file's raw input, edited, not yet checked. */
function withRaw(edit: (raw: ScenarioInput) => void): unknown {
  const raw = JSON.parse(
    readFileSync(fileURLToPath(new URL('../../assets/scenarios/ceasefire-2026.json', import.meta.url)), 'utf8'),
  ) as ScenarioInput;
  edit(raw);
  return raw;
}

describe('§6.3 the chair carries a tied penalty motion', () => {
  const MEMBERS = ['usa', 'eu', 'gulf', 'israel'];

  function withMotion(scenario: Scenario, members = MEMBERS): GameState {
    let s = gameAt(scenario, 'A', 2);
    s.step = 'negotiation';
    s.council = { ...s.council, founded: true, round: 1, members };
    s.incidents = [
      {
        id: 1,
        round: 1,
        front: 'syria',
        network: null,
        kind: 'rocket',
        severity: 1,
        sponsor: 'iran',
        cancelled: false,
        revealed: false,
        attribution: { named: 'iran', confidence: 80, round: 1, override: false },
      },
    ];
    s = play(scenario, s, { type: 'council.penalize', actor: 'usa', incident: 1, penalty: scenario.council.penalties[0]?.id ?? '' });
    return s;
  }
  const vote = (actor: string, yes: boolean): Intent => ({ type: 'council.vote', actor, motion: 1, yes });
  const status = (s: GameState) => s.council.motions[0]?.status;

  it('a tie with the chair voting for passes the motion and the sponsor pays the penalty', () => {
    const sc = loadScenario();
    const s = withMotion(sc);
    const before = s.delegations.iran?.penalties ?? 0;
    const after = play(sc, s, vote('eu', true), vote('gulf', false), vote('israel', false));
    expect(status(after)).toBe('passed');
    expect(after.delegations.iran?.penalties).toBe(before + 1);
  });

  it('a tie with the chair voting against fails the motion', () => {
    const sc = loadScenario();
    const after = play(sc, withMotion(sc), vote('eu', false), vote('gulf', true), vote('israel', false));
    expect(status(after)).toBe('failed');
  });

  it('half against does not end the motion while the chair, a member, may still carry it', () => {
    const sc = loadScenario();
    const waiting = play(sc, withMotion(sc), vote('gulf', false), vote('israel', false));
    expect(status(waiting)).toBe('open');
    expect(status(play(sc, waiting, vote('eu', true)))).toBe('passed');
  });

  it('a chair outside the council breaks no tie', () => {
    const sc = loadScenario();
    const members = ['usa', 'gulf', 'israel', 'iran'];
    const after = play(sc, withMotion(sc, members), vote('gulf', true), vote('israel', false), vote('iran', false));
    expect(status(after)).toBe('failed');
  });

  it('without a chair in the scenario, half against fails the motion', () => {
    const sc = loadScenario((raw) => {
      delete raw.council.chair;
    });
    const after = play(sc, withMotion(sc), vote('gulf', false), vote('israel', false));
    expect(status(after)).toBe('failed');
  });
});

function play(scenario: Scenario, s: GameState, ...intents: Intent[]): GameState {
  for (const i of intents) {
    expect(checkIntent(scenario, s, i), `${i.type} by ${i.actor}`).toBeNull();
    s = applyIntent(scenario, s, i);
  }
  return s;
}

describe('§6.5 the escrow holder answers to the recipient for the fund', () => {
  const SC = loadScenario(quiet, monitorsAt(100));
  const HOLDER = SC.escrow.holder ?? '';
  const RECIPIENT = SC.escrow.recipient;
  const GAIN = SC.escrow.holderTrust;

  function awaitingChecks(scenario: Scenario, seed: number, balance: number): GameState {
    const s = gameAt(scenario, 'A', 2, seed);
    s.escrow.balance = balance;
    for (const m of stepsOf(scenario, 'a-border-calm')) stand(scenario, s, m);
    openSpan(scenario, s, 'a-border-calm', 2, 'pending');
    return s;
  }
  const securedNow = (s: GameState) => s.spans['a-border-calm']?.status === 'secured';

  it(`a tranche paid raises the recipient's trust in the holder by ${GAIN}; no span, no change`, () => {
    expect(GAIN).toBeGreaterThan(0);
    let paid = 0;
    for (const seed of SEEDS) {
      const s = awaitingChecks(SC, seed, 40);
      const after = resolveRound(SC, s);
      const delta = trustIn(after, RECIPIENT, HOLDER) - trustIn(s, RECIPIENT, HOLDER);
      if (!securedNow(after)) {
        expect(delta).toBe(0);
        continue;
      }
      paid += 1;
      expect(delta).toBe(GAIN);
    }
    expect(paid).toBeGreaterThanOrEqual(30);
  });

  it(`a secured span that finds the fund empty lowers the recipient's trust in the holder by ${GAIN}`, () => {
    let empty = 0;
    for (const seed of SEEDS) {
      const s = awaitingChecks(SC, seed, 0);
      const after = resolveRound(SC, s);
      if (!securedNow(after)) continue;
      empty += 1;
      expect(trustIn(after, RECIPIENT, HOLDER) - trustIn(s, RECIPIENT, HOLDER)).toBe(-GAIN);
    }
    expect(empty).toBeGreaterThanOrEqual(30);
  });

  it('without a holder the fund moves nobody’s trust', () => {
    const sc = loadScenario(quiet, monitorsAt(100), (raw) => {
      delete raw.escrow.holder;
    });
    let secured = 0;
    for (const seed of SEEDS.slice(0, 10)) {
      const s = awaitingChecks(sc, seed, 40);
      const after = resolveRound(sc, s);
      if (securedNow(after)) secured += 1;
      expect(after.trust[RECIPIENT]).toEqual(s.trust[RECIPIENT]);
    }
    // Spans were secured (tranches fell due), so the fund had occasion to move trust.
    expect(secured).toBeGreaterThan(0);
  });
});
