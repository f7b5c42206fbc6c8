// Connects the store to a game: starts, resumes, saves, sends the player's intents, hands the
// screen over in hot-seat play, and keeps the store's view in step with the game.
import { loadTalkModel } from './talkModelSettings';
import { catalog, type GameState, type Intent, type Scenario } from '../engine';
import { createWorkerAiClient, type AiClient } from '../ai/client';
import { PERSONALITIES, type Persona, type Personality } from '../ai/persona';
import { makeSave, readSave, type GameSetupRecord } from '../machine/saveFile';
import { LocalTransport } from '../net/localTransport';
import type { RoomTransport } from '../net/roomTransport';
import type { Transport } from '../net/transport';
import { emptyCommit, emptyPackage, type GameStore, type UiState } from '../store/gameStore';

export const AUTOSAVE_KEY = 'interlock.autosave.v1';

/** The AI delegations' character chosen at the start: one personality for all, or mixed by the seed. */
export type AiCharacter = Personality | 'mixed';

export function personasFor(
  scenario: Scenario,
  setup: Pick<GameSetupRecord, 'difficulty' | 'personality'>,
  seed: number,
): Record<string, Persona> {
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
  transport: Transport | null = null;
  /** The game running in this page (solo, hot-seat): saves and hashes come from it. */
  local: LocalTransport | null = null;
  /** The room this page is in, if any. */
  room: RoomTransport | null = null;
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
    // Every browser the game supports runs module workers; the AI is not bundled into the page.
    return createWorkerAiClient(this.scenario);
  }

  start(game: NewGame) {
    const setup: GameSetupRecord = {
      mode: game.mode,
      humans: game.humans,
      difficulty: game.difficulty,
      personality: game.personality ?? 'pragmatist',
    };
    const personas = personasFor(this.scenario, setup, game.seed);
    this.attach(
      new LocalTransport(
        { scenario: this.scenario, seed: game.seed, humans: [...game.humans], personas, talkModel: loadTalkModel(this.storage) },
        this.aiClient(),
      ),
      setup,
    );
  }

  /** Resumes from a save's JSON; a bad file leaves the current game and the autosave alone. */
  resume(json: unknown): { ok: true } | { ok: false; error: string } {
    const r = readSave(this.scenario, json);
    if (!r.ok) return r;
    const personas = personasFor(this.scenario, r.save.setup, r.save.log.seed);
    this.attach(
      new LocalTransport(
        {
          scenario: this.scenario,
          seed: r.save.log.seed,
          humans: [...r.save.setup.humans],
          personas,
          talkModel: loadTalkModel(this.storage),
        },
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
    if (!this.local || !this.setup) return null;
    return JSON.stringify(makeSave(this.scenario, this.local.gameSession, this.setup, new Date().toISOString()));
  }

  /** The state the end screen shows: the local game's, or the room's final view (every secret revealed). */
  endState(): GameState | null {
    if (this.local) return this.local.state;
    return this.room?.view() ?? null;
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
    this.setup = setup;
    this.connect(
      transport,
      // Hot-seat opens behind the hand-over curtain: the first seat's secrets wait for its player.
      {
        mode: setup.mode,
        humans: setup.humans,
        seat: setup.humans[0] ?? null,
        screen: setup.mode === 'hotseat' ? 'handover' : 'game',
        room: null,
      },
      () => (this.local = transport),
    );
    this.autosave();
  }

  /** Plays in a room: the same store and panels, fed by the room's views. */
  attachRoom(transport: RoomTransport, patch: Partial<UiState>) {
    this.setup = null;
    this.connect(transport, { mode: 'room', humans: [], ...patch }, () => (this.room = transport));
  }

  private connect(transport: Transport, patch: Partial<UiState>, adopt: () => void) {
    this.unsubscribe?.();
    this.transport?.dispose();
    this.local = null;
    this.room = null;
    this.transport = transport;
    adopt();
    this.lastRound = transport.progress().round;
    this.savedEntries = -1;
    this.viewCache = null;
    this.store.setState({
      ...patch,
      tab: 'negotiate',
      packageDraft: emptyPackage(),
      commitDraft: emptyCommit(),
      notice: null,
      unreadResolution: null,
    });
    this.unsubscribe = transport.subscribe(() => this.refresh());
    this.refresh();
  }

  private viewCache: { changes: number; seat: string | null; view: ReturnType<Transport['view']> } | null = null;

  /** The view of the seat on screen, recomputed only when the game changed. */
  private viewOf(t: Transport, seat: string | null) {
    const c = this.viewCache;
    const changes = t.progress().changes;
    if (c && c.changes === changes && c.seat === seat) return c.view;
    const view = t.view(seat);
    this.viewCache = { changes, seat, view };
    return view;
  }

  refresh() {
    const t = this.transport;
    if (!t) return;
    const { seat, screen } = this.store.getState();
    const state = t.progress();
    const roundChanged = state.round !== this.lastRound || (state.outcome !== null && screen === 'game');
    const patch: Partial<ReturnType<GameStore['getState']>> = {
      view: this.viewOf(t, seat),
      thinking: t.thinking(),
      aiNotes: t.aiNotes(),
    };
    if (this.room) patch.room = roomUi(this.room);
    if (roundChanged) {
      patch.unreadResolution = this.lastRound;
      patch.commitDraft = emptyCommit();
      patch.tab = 'negotiate';
      this.lastRound = state.round;
      this.autosave();
    }
    if (this.local && state.changes !== this.savedEntries) {
      // Every accepted intent is saved: a reload continues exactly where the game was.
      this.savedEntries = state.changes;
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
    const t = this.local;
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
    const t = this.local;
    if (!t || !this.setup) return;
    t.setSeat(delegation, by);
    const humans = [...t.humans];
    this.setup = { ...this.setup, humans };
    const { seat } = this.store.getState();
    const nextSeat = by === 'human' ? delegation : seat === delegation ? (humans[0] ?? null) : seat;
    this.store.setState({ humans, seat: nextSeat, commitDraft: emptyCommit(), packageDraft: emptyPackage() });
    this.viewCache = null;
    this.refresh();
    this.autosave();
  }

  handOver(to: string) {
    this.store.setState({ screen: 'handover', seat: to, view: null, commitDraft: emptyCommit(), packageDraft: emptyPackage() });
  }

  takeSeat() {
    // The seat opens on the tab of its turn: a sealed commit on Commit.
    this.store.setState({ screen: 'game', tab: this.transport?.progress().step === 'commit' ? 'commit' : 'negotiate' });
    this.refresh();
  }

  quit() {
    this.unsubscribe?.();
    this.transport?.dispose();
    this.transport = null;
    this.local = null;
    this.room = null;
    this.store.setState({ screen: 'start', view: null, seat: null, room: null, mode: 'solo' });
  }
}

/** What the interface shows of a room besides the game: seats, clock, messages, connection. */
export function roomUi(t: RoomTransport): NonNullable<UiState['room']> {
  return {
    code: t.room.code,
    role: t.role,
    info: t.room,
    messages: t.messages,
    olderMessages: t.olderMessages,
    connection: t.connection,
    skewMs: t.skewMs,
    name: t.credentials.name,
    token: t.credentials.as.kind === 'seat' ? t.credentials.as.token : null,
    base: shareableBase(t.addresses),
    acts: t.acts,
    evaluation: t.evaluation,
  };
}

/** The page's address, or the server's address on the network when the page is on loopback. */
export function shareableBase(addresses: readonly string[]): string {
  const loopback = /^(localhost|127\.|\[::1\])/.test(location.hostname);
  return loopback && addresses[0] ? addresses[0] : location.origin;
}
