// Connects the store to a game: starts, resumes, saves, sends the player's intents, hands the
// screen over in hot-seat play, and keeps the store's view in step with the game.
import { catalog, type Intent, type Scenario } from '../engine';
import { createWorkerAiClient, createInlineAiClient, type AiClient } from '../ai/client';
import { PERSONALITIES, type Persona, type Personality } from '../ai/persona';
import { makeSave, readSave, type GameSetupRecord } from '../machine/saveFile';
import { LocalTransport } from '../net/localTransport';
import { emptyCommit, type GameStore } from '../store/gameStore';

export const AUTOSAVE_KEY = 'interlock.autosave.v1';

/** The AI delegations' character chosen at the start: one personality for all, or mixed by the seed. */
export type AiCharacter = Personality | 'mixed';

export function personasFor(scenario: Scenario, setup: Pick<GameSetupRecord, 'difficulty' | 'personality'>, seed: number): Record<string, Persona> {
  const ids = catalog(scenario).delegationIds;
  const character = setup.personality ?? 'pragmatist';
  return Object.fromEntries(
    ids.map((d, i) => {
      const personality = character === 'mixed' ? (PERSONALITIES[(seed + i * 7) % PERSONALITIES.length] as Personality) : character;
      return [d, { personality, difficulty: setup.difficulty }];
    }),
  );
}

export interface NewGame {
  seed: number;
  mode: 'solo' | 'hotseat';
  humans: string[];
  difficulty: GameSetupRecord['difficulty'];
  personality?: AiCharacter;
}

export class Controller {
  transport: LocalTransport | null = null;
  private setup: GameSetupRecord | null = null;
  private unsubscribe: (() => void) | null = null;
  private lastRound = 0;
  private savedEntries = -1;

  constructor(
    readonly scenario: Scenario,
    readonly store: GameStore,
    private readonly storage: Storage | null = globalThis.localStorage ?? null,
  ) {}

  private aiClient(): AiClient {
    return typeof Worker === 'undefined' ? createInlineAiClient(this.scenario) : createWorkerAiClient(this.scenario);
  }

  start(game: NewGame) {
    const setup: GameSetupRecord = { mode: game.mode, humans: game.humans, difficulty: game.difficulty, personality: game.personality ?? 'pragmatist' };
    const personas = personasFor(this.scenario, setup, game.seed);
    this.attach(new LocalTransport({ scenario: this.scenario, seed: game.seed, humans: [...game.humans], personas }, this.aiClient()), setup);
  }

  /** Resumes from a save's JSON; a bad file leaves the current game and the autosave alone. */
  resume(json: unknown): { ok: true } | { ok: false; error: string } {
    const r = readSave(this.scenario, json);
    if (!r.ok) return r;
    const personas = personasFor(this.scenario, r.save.setup, r.save.log.seed);
    this.attach(
      new LocalTransport(
        { scenario: this.scenario, seed: r.save.log.seed, humans: [...r.save.setup.humans], personas },
        this.aiClient(),
        r.session,
      ),
      r.save.setup,
    );
    return { ok: true };
  }

  savedGame(): unknown {
    const raw = this.storage?.getItem(AUTOSAVE_KEY);
    if (!raw) return null;
    try {
      return JSON.parse(raw);
    } catch {
      return null;
    }
  }

  exportSave(): string | null {
    if (!this.transport || !this.setup) return null;
    return JSON.stringify(makeSave(this.scenario, this.transport.gameSession, this.setup, new Date().toISOString()));
  }

  private autosave() {
    const text = this.exportSave();
    if (text && this.storage) {
      try {
        this.storage.setItem(AUTOSAVE_KEY, text);
      } catch {
        this.store.setState({ notice: { kind: 'error', text: 'The browser refused to store the autosave (storage full?).' } });
      }
    }
  }

  private attach(transport: LocalTransport, setup: GameSetupRecord) {
    this.unsubscribe?.();
    this.transport?.dispose();
    this.transport = transport;
    this.setup = setup;
    this.lastRound = transport.state.round;
    const seat = setup.humans[0] ?? null;
    this.store.setState({
      screen: 'game',
      mode: setup.mode,
      humans: setup.humans,
      seat,
      tab: 'negotiate',
      packageDraft: { steps: [], window: 1, counterTo: null },
      commitDraft: emptyCommit(),
      notice: null,
      unreadResolution: null,
    });
    this.unsubscribe = transport.subscribe(() => this.refresh());
    this.refresh();
    this.autosave();
  }

  private viewCache: { state: unknown; seat: string | null; view: ReturnType<LocalTransport['view']> } | null = null;

  /** The view of the seat on screen, recomputed only when the game state changed. */
  private viewOf(t: LocalTransport, seat: string | null) {
    const c = this.viewCache;
    if (c && c.state === t.state && c.seat === seat) return c.view;
    const view = t.view(seat);
    this.viewCache = { state: t.state, seat, view };
    return view;
  }

  refresh() {
    const t = this.transport;
    if (!t) return;
    const { seat, screen } = this.store.getState();
    const state = t.state;
    const roundChanged = state.round !== this.lastRound || (state.outcome !== null && screen === 'game');
    const patch: Partial<ReturnType<GameStore['getState']>> = {
      view: this.viewOf(t, seat),
      thinking: t.thinking(),
      aiNotes: t.aiNotes(),
    };
    if (roundChanged) {
      patch.unreadResolution = this.lastRound;
      patch.commitDraft = emptyCommit();
      patch.tab = 'negotiate';
      this.lastRound = state.round;
      this.autosave();
    }
    if (t.log.length !== this.savedEntries) {
      // Every accepted intent is saved: a reload continues exactly where the game was.
      this.savedEntries = t.log.length;
      this.autosave();
    }
    if (state.outcome !== null && screen === 'game') {
      patch.screen = 'end';
      patch.view = this.viewOf(t, null);
      this.autosave();
    }
    this.store.setState(patch);
  }

  async send(intent: Intent): Promise<boolean> {
    if (!this.transport) return false;
    const r = await this.transport.send(intent);
    if (!r.ok) this.store.setState({ notice: { kind: 'error', text: r.reason } });
    else this.store.setState({ notice: null });
    this.afterSend(intent);
    return r.ok;
  }

  /** In hot-seat play, after a sealed commit the screen passes to the next human still to commit. */
  private afterSend(intent: Intent) {
    const { mode, humans } = this.store.getState();
    const t = this.transport;
    if (!t || mode !== 'hotseat') return;
    if (intent.type === 'commit.submit') {
      const next = humans.find((d) => !t.state.delegations[d]?.committed);
      if (next && t.state.step === 'commit') this.handOver(next);
      else if (t.state.step === 'negotiation' && humans[0]) this.handOver(humans[0]);
    } else if (intent.type === 'negotiation.ready') {
      const next = humans.find((d) => !t.state.delegations[d]?.ready);
      if (next && t.state.step === 'negotiation') this.handOver(next);
      else if (t.state.step === 'commit' && humans[0]) this.handOver(humans[0]);
    }
  }

  /**
   * Passes a seat between a person and the AI (solo and hot-seat). The seat on screen follows:
   * handing it to the AI shows the next person's seat, or the public view when nobody is left.
   */
  setSeat(delegation: string, by: 'human' | 'ai') {
    const t = this.transport;
    if (!t || !this.setup) return;
    t.setSeat(delegation, by);
    const humans = [...t.humans];
    this.setup = { ...this.setup, humans };
    const { seat } = this.store.getState();
    const nextSeat = by === 'human' ? delegation : seat === delegation ? (humans[0] ?? null) : seat;
    this.store.setState({ humans, seat: nextSeat, commitDraft: emptyCommit(), packageDraft: { steps: [], window: 1, counterTo: null } });
    this.viewCache = null;
    this.refresh();
    this.autosave();
  }

  handOver(to: string) {
    this.store.setState({ screen: 'handover', seat: to, view: null, commitDraft: emptyCommit(), packageDraft: { steps: [], window: 1, counterTo: null } });
  }

  takeSeat() {
    this.store.setState({ screen: 'game' });
    this.refresh();
  }

  quit() {
    this.unsubscribe?.();
    this.transport?.dispose();
    this.transport = null;
    this.store.setState({ screen: 'start', view: null, seat: null });
  }
}
