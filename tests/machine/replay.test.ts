// Golden replays with fixed seeds (OpenFront's hash-contract tests), the event log as a file
// (docs/rules.md §11), its refusals, and persistence of a running game.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { playStep, playToEnd } from '../../src/ai/autoplay';
import { ENGINE_VERSION, type Intent, type Outcome, type Scenario } from '../../src/engine';
import { parseScenarioText } from '../../src/engine/scenario/load';
import type { LogEntry } from '../../src/machine/gameMachine';
import { makeLogFile, replay, replayLogFile, ReplayError, type LogFile } from '../../src/machine/replay';
import { GameSession, MACHINE_VERSION, type PersistedGame } from '../../src/machine/session';

/**
 * The final state of an AI-only game of the default scenario, per seed.
 *
 * A rule change that changes these values changes what every saved log replays to: it must bump
 * ENGINE_VERSION (src/engine/setup.ts), so old logs and saves are refused, and then update the
 * values here (run this file; the failure prints the new hash). Tuning the AI alone changes them
 * too, without touching old logs: then only the values here are updated.
 */
const GOLDEN: Record<number, { hash: string; outcome: Outcome; round: number }> = {
  1: { hash: '4dc3959d62070c38', outcome: 'consolidation', round: 11 },
  2: { hash: 'daf2022d37c960af', outcome: 'consolidation', round: 7 },
  3: { hash: 'e4298098194665ae', outcome: 'unraveling', round: 10 },
};

const SCENARIO_FILE = fileURLToPath(new URL('../../assets/scenarios/ceasefire-2026.json', import.meta.url));
const SCENARIO_TEXT = readFileSync(SCENARIO_FILE, 'utf8');

function parse(text: string): Scenario {
  const r = parseScenarioText(text);
  if (!r.ok) throw new Error(`the scenario does not load: ${JSON.stringify(r.problems)}`);
  return r.scenario;
}

const scenario = parse(SCENARIO_TEXT);

function playedGame(seed: number): GameSession {
  const session = GameSession.start(scenario, seed);
  playToEnd(scenario, session);
  return session;
}

/** A log file as it would be read back from disk: through JSON text. */
const throughJson = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** The error thrown by fn, which must be a ReplayError. */
function replayErrorOf(fn: () => unknown): ReplayError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ReplayError);
    return err as ReplayError;
  }
  throw new Error('expected a ReplayError, but nothing was thrown');
}

describe('golden replays of AI-only games', () => {
  for (const seed of [1, 2, 3]) {
    it(`seed ${seed} ends in the recorded state`, () => {
      const session = playedGame(seed);
      const golden = GOLDEN[seed];
      expect({ hash: session.hash(), outcome: session.state.outcome, round: session.state.round }).toEqual(golden);
    });
  }

  it('the same seed gives the same game twice; another seed another game', () => {
    const a = playedGame(1);
    const b = playedGame(1);
    expect(b.hash()).toBe(a.hash());
    expect(b.log).toEqual(a.log);
    expect(playedGame(2).hash()).not.toBe(a.hash());
  });

  it('replay(scenario, seed, log) reproduces the hash and the machine state', () => {
    for (const seed of [1, 2, 3]) {
      const played = playedGame(seed);
      const replayed = replay(scenario, seed, played.log);
      expect(replayed.hash).toBe(played.hash());
      expect(replayed.state).toEqual(played.state);
      expect(replayed.session.machineValue).toEqual(played.machineValue);
      expect(replayed.session.done).toBe(true);
    }
  });
});

describe('the log file', () => {
  const played = playedGame(3);
  const file = makeLogFile(scenario, played);
  /** A fresh, editable copy of the file as read from disk. */
  const copy = (): LogFile => throughJson(file);

  it('records the scenario, the seed, the versions and the final state', () => {
    expect(file).toMatchObject({
      format: 'interlock-log',
      engineVersion: ENGINE_VERSION,
      scenario: { id: scenario.id },
      seed: 3,
      final: { hash: played.hash(), round: played.state.round, outcome: played.state.outcome, entries: played.log.length },
    });
    expect(file.entries).toEqual(played.log);
  });

  it('survives a JSON round trip and replays to the same hash', () => {
    const result = replayLogFile(scenario, copy());
    expect(result.hash).toBe(played.hash());
    expect(result.session.machineValue).toEqual(played.machineValue);
  });

  describe('is refused, with a reason a person understands, when', () => {
    /** The index of the last commit entry of the file that commits at least one move. */
    const lastCommitWithMoves = () => {
      const i = file.entries.findLastIndex((e) => e.intent.type === 'commit.submit' && e.intent.commit.moves.length > 0);
      expect(i, 'the game has a commit with moves').toBeGreaterThanOrEqual(0);
      return i;
    };
    const commitOf = (f: LogFile, i: number) => {
      const intent = f.entries[i]?.intent as Intent;
      if (intent.type !== 'commit.submit') throw new Error('not a commit');
      return intent.commit;
    };

    it('a committed move is replaced by one that does not exist', () => {
      const f = copy();
      const i = lastCommitWithMoves();
      commitOf(f, i).moves[0] = 'iran-build-bomb';
      const err = replayErrorOf(() => replayLogFile(scenario, f));
      expect(err.message).toMatch(new RegExp(`entry ${i + 1} \\(commit\\.submit by \\w+\\) is refused`));
      expect(err.message).toMatch(/unknown move "iran-build-bomb"/);
    });

    it("a committed move is replaced by another delegation's move", () => {
      const f = copy();
      const i = lastCommitWithMoves();
      const actor = f.entries[i]?.actor;
      const foreign = scenario.moves.find((m) => m.delegation !== actor && m.kind === 'step');
      commitOf(f, i).moves[0] = foreign?.id ?? '';
      expect(replayErrorOf(() => replayLogFile(scenario, f)).message).toMatch(/refused: .* is not this delegation's move/);
    });

    it('a committed move is taken out (the edited log still replays, to another state)', () => {
      const f = copy();
      commitOf(f, lastCommitWithMoves()).moves = [];
      const err = replayErrorOf(() => replayLogFile(scenario, f));
      expect(err.message).toMatch(/replay gives state [0-9a-f]{16}, the log recorded [0-9a-f]{16}/);
      expect(err.message).toMatch(/edited/);
    });

    it('the last entries are cut off but the final record is kept', () => {
      const f = copy();
      f.entries = f.entries.slice(0, -5);
      const err = replayErrorOf(() => replayLogFile(scenario, f));
      expect(err.message).toMatch(`says it has ${file.entries.length} entries but holds ${file.entries.length - 5}`);
      expect(err.message).toMatch(/truncated/);
    });

    it('the last entries are cut off and the entry count is fixed up to match', () => {
      const f = copy();
      f.entries = f.entries.slice(0, -5);
      f.final.entries = f.entries.length;
      expect(replayErrorOf(() => replayLogFile(scenario, f)).message).toMatch(/the log recorded .*truncated/);
    });

    it('an entry is taken out of the middle', () => {
      const f = copy();
      f.entries.splice(10, 1);
      f.final.entries = f.entries.length;
      expect(replayErrorOf(() => replayLogFile(scenario, f)).message).toMatch(/entry 11: sequence number 12 is out of order/);
    });

    it('an entry claims another round than the one it is replayed in', () => {
      const entries: LogEntry[] = throughJson([...played.log]);
      const last = entries[entries.length - 1];
      if (last) last.round += 1;
      expect(replayErrorOf(() => replay(scenario, 3, entries)).message).toMatch(/recorded in round \d+, but the game is in round \d+/);
    });

    it("an entry's actor is not the actor of its intent", () => {
      const f = copy();
      const first = f.entries[0];
      if (first) first.actor = first.intent.actor === 'usa' ? 'iran' : 'usa';
      expect(replayErrorOf(() => replayLogFile(scenario, f)).message).toMatch(/entry 1.*actor/);
    });

    it('the log is of another scenario', () => {
      const f = copy();
      f.scenario.id = 'gulf-summit-2030';
      expect(replayErrorOf(() => replayLogFile(scenario, f)).message).toBe(
        `the log is of scenario "gulf-summit-2030", not "${scenario.id}"`,
      );
    });

    it('the log was written by another engine version', () => {
      const f = copy();
      f.engineVersion = ENGINE_VERSION + 1;
      const err = replayErrorOf(() => replayLogFile(scenario, f));
      expect(err.message).toMatch(/another version of the game/);
      expect(err.message).toMatch(`engine ${ENGINE_VERSION + 1}`);
    });

    it('the scenario text was changed since the game was played', () => {
      const changed = parse(SCENARIO_TEXT.replace('"startTension": 40,', '"startTension": 45,'));
      expect(changed.tunables.startTension).toBe(45);
      expect(replayErrorOf(() => replayLogFile(changed, copy())).message).toBe(
        `the log was played on a different version of scenario "${scenario.id}"`,
      );
    });

    it('the file is not a log at all', () => {
      for (const notALog of [42, null, 'interlock-log', [], [file], { ...copy(), format: 'interlock-save' }])
        expect(replayErrorOf(() => replayLogFile(scenario, notALog)).message, JSON.stringify(notALog)?.slice(0, 40)).toBe(
          'this is not an Interlock log file',
        );
    });

    it('the file misses fields or has malformed ones, and the path of the problem is named', () => {
      const cases: Array<[string, (f: Record<string, unknown>) => void, RegExp]> = [
        ['no entries', (f) => delete f.entries, /malformed at entries/],
        ['no seed', (f) => delete f.seed, /malformed at seed/],
        ['a negative seed', (f) => (f.seed = -1), /malformed at seed/],
        ['no final record', (f) => delete f.final, /malformed at final/],
        [
          'an entry without an intent',
          (f) => delete (f.entries as Array<Record<string, unknown>>)[0]?.intent,
          /malformed at entries\.0\.intent/,
        ],
        [
          'an intent of an unknown type',
          (f) => ((f.entries as Array<{ intent: { type: string } }>)[0]!.intent.type = 'package.steal'),
          /malformed at entries\.0\.intent/,
        ],
        ['an unknown extra field', (f) => (f.comment = 'hand-edited'), /malformed at/],
      ];
      for (const [what, edit, message] of cases) {
        const f = copy() as unknown as Record<string, unknown>;
        edit(f);
        expect(replayErrorOf(() => replayLogFile(scenario, f)).message, what).toMatch(message);
      }
    });
  });
});

describe('persistence of a running game', () => {
  /** A game stopped in the middle: a few AI-played steps into round 3 or so. */
  function midGame(seed: number, steps: number): GameSession {
    const session = GameSession.start(scenario, seed);
    for (let i = 0; i < steps && !session.done; i++) {
      const before = `${session.state.round}:${session.state.step}`;
      playStep(scenario, session);
      if (`${session.state.round}:${session.state.step}` === before) session.send({ type: 'step.close', actor: 'system' });
    }
    return session;
  }

  it('persist → JSON → restore gives the same hash, machine state and log, and plays on identically', () => {
    const original = midGame(1, 5);
    expect(original.done).toBe(false);
    const restored = GameSession.restore(scenario, throughJson(original.persist()));
    expect(restored.hash()).toBe(original.hash());
    expect(restored.machineValue).toEqual(original.machineValue);
    expect(restored.log).toEqual(original.log);
    playToEnd(scenario, original);
    playToEnd(scenario, restored);
    expect(restored.hash()).toBe(original.hash());
    expect(restored.hash()).toBe(GOLDEN[1]?.hash);
  });

  it('a save taken mid-game stays as it was while both the game and a game restored from it play on', () => {
    const original = midGame(1, 5);
    const saved = original.persist();
    const frozen = JSON.stringify(saved);
    const first = GameSession.restore(scenario, saved);
    playToEnd(scenario, original);
    playToEnd(scenario, first);
    expect(JSON.stringify(saved)).toBe(frozen);
    // Restored again from the same object (not through JSON), it is still the mid-game position.
    const second = GameSession.restore(scenario, saved);
    expect(second.log.length).toBe(JSON.parse(frozen).snapshot.context.log.length);
    playToEnd(scenario, second);
    expect(second.hash()).toBe(original.hash());
    expect(second.log).toEqual(original.log);
  });

  it('a finished game restores as finished', () => {
    const finished = playedGame(2);
    const restored = GameSession.restore(scenario, throughJson(finished.persist()));
    expect(restored.done).toBe(true);
    expect(restored.hash()).toBe(finished.hash());
    expect(restored.machineValue).toBe(finished.state.outcome);
  });

  describe('refuses a snapshot', () => {
    const saved = midGame(2, 3).persist();
    const edited = (patch: Partial<PersistedGame>) => ({ ...throughJson(saved), ...patch }) as PersistedGame;

    it('of another machine version', () => {
      expect(() => GameSession.restore(scenario, edited({ machineVersion: MACHINE_VERSION + 1 }))).toThrow(
        `made by another version of the game (machine ${MACHINE_VERSION + 1}, engine ${ENGINE_VERSION}`,
      );
    });

    it('of another engine version', () => {
      expect(() => GameSession.restore(scenario, edited({ engineVersion: ENGINE_VERSION + 1 }))).toThrow(
        `made by another version of the game (machine ${MACHINE_VERSION}, engine ${ENGINE_VERSION + 1}`,
      );
    });

    it('of another scenario', () => {
      expect(() => GameSession.restore(scenario, edited({ scenarioId: 'gulf-summit-2030' }))).toThrow(
        `this snapshot is of scenario "gulf-summit-2030", not "${scenario.id}"`,
      );
    });

    it('that is not a snapshot', () => {
      expect(() => GameSession.restore(scenario, edited({ format: 'interlock-log' as PersistedGame['format'] }))).toThrow(
        'not an Interlock snapshot',
      );
    });
  });
});
