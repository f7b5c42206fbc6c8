// A running game: the machine's actor, with a send that says why an intent was refused,
// the event log, the state hash, and persistence with a version stamp.
import { createActor, type Actor } from 'xstate';
import { ENGINE_VERSION, checkIntent, stateHash, type GameState, type Intent, type Scenario } from '../engine';
import { createGameMachine, undoProblemIn, type GameMachine, type LogEntry } from './gameMachine';

export const SNAPSHOT_FORMAT = 'interlock-snapshot';
export const MACHINE_VERSION = 1;

export type SendResult = { ok: true } | { ok: false; reason: string };

export interface PersistedGame {
  format: typeof SNAPSHOT_FORMAT;
  machineVersion: number;
  engineVersion: number;
  scenarioId: string;
  snapshot: unknown;
}

const machines = new WeakMap<Scenario, GameMachine>();
export function machineFor(scenario: Scenario): GameMachine {
  let m = machines.get(scenario);
  if (!m) {
    m = createGameMachine(scenario);
    machines.set(scenario, m);
  }
  return m;
}

export class GameSession {
  private readonly actor: Actor<GameMachine>;

  private constructor(
    readonly scenario: Scenario,
    actor: Actor<GameMachine>,
  ) {
    this.actor = actor;
  }

  static start(scenario: Scenario, seed: number): GameSession {
    return new GameSession(scenario, createActor(machineFor(scenario), { input: { seed } }).start());
  }

  /** Restores a persisted game; refuses one from another version or scenario. */
  static restore(scenario: Scenario, saved: PersistedGame): GameSession {
    if (saved.format !== SNAPSHOT_FORMAT) throw new Error('not an Interlock snapshot');
    if (saved.machineVersion !== MACHINE_VERSION || saved.engineVersion !== ENGINE_VERSION)
      throw new Error(
        `this snapshot was made by another version of the game (machine ${saved.machineVersion}, engine ${saved.engineVersion}; this is ${MACHINE_VERSION}, ${ENGINE_VERSION})`,
      );
    if (saved.scenarioId !== scenario.id) throw new Error(`this snapshot is of scenario "${saved.scenarioId}", not "${scenario.id}"`);
    const actor = createActor(machineFor(scenario), {
      snapshot: saved.snapshot as ReturnType<Actor<GameMachine>['getPersistedSnapshot']>,
      input: { seed: 0 },
    }).start();
    return new GameSession(scenario, actor);
  }

  get state(): GameState {
    return this.actor.getSnapshot().context.game;
  }

  get log(): readonly LogEntry[] {
    return this.actor.getSnapshot().context.log;
  }

  /** The log entries of the White Cell's acts that can still be undone (this round's, not undone). */
  get undoableSeqs(): number[] {
    return (this.actor.getSnapshot().context.acts ?? []).map((a) => a.seq);
  }

  /** The machine's state, e.g. { phaseA: 'negotiation' } or 'drift'. */
  get machineValue(): unknown {
    return this.actor.getSnapshot().value;
  }

  get done(): boolean {
    return this.actor.getSnapshot().status === 'done';
  }

  /** Sends an intent to the machine; a refused one changes nothing and comes back with the reason. */
  send(intent: Intent): SendResult {
    if (this.done) return { ok: false, reason: 'the game is over' };
    const before = this.log.length;
    const state = this.state;
    this.actor.send(intent);
    if (this.log.length > before) return { ok: true };
    if (intent.type === 'facilitator.undo')
      return { ok: false, reason: undoProblemIn(this.scenario, this.actor.getSnapshot().context, intent) ?? 'not accepted now' };
    return { ok: false, reason: checkIntent(this.scenario, state, intent) ?? 'not accepted at this point of the round' };
  }

  hash(): string {
    return stateHash(this.state);
  }

  persist(): PersistedGame {
    return {
      format: SNAPSHOT_FORMAT,
      machineVersion: MACHINE_VERSION,
      engineVersion: ENGINE_VERSION,
      scenarioId: this.scenario.id,
      snapshot: this.actor.getPersistedSnapshot(),
    };
  }

  subscribe(listener: () => void): () => void {
    const sub = this.actor.subscribe(listener);
    return () => sub.unsubscribe();
  }

  stop() {
    this.actor.stop();
  }
}
