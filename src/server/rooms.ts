// All the rooms of this server: creating them with a join code, restoring them from the data
// file at start, the clocks' tick, the AI of each room, and closing them.
import { randomInt } from 'node:crypto';
import type { Persona } from '../ai/persona';
import { ENGINE_VERSION, type Scenario } from '../engine';
import { CODE_ALPHABET, CODE_LENGTH } from '../net/protocol';
import type { AiPool } from './aiPool';
import type { RoomRow, RoomStore } from './db';
import { DEFAULT_IDLE, idleTooLong, type IdleLimits } from './limits';
import { hashSecret, newSecret, Room } from './room';
import { RoomAi, type AiPace } from './roomAi';
import type { ModelSettings } from '../ai/talk/model';

export interface RoomsOptions {
  db: RoomStore;
  pool: AiPool;
  scenario: Scenario;
  now?: () => number;
  /** How often the clocks are checked, in ms. */
  tickMs?: number;
  /** A room with no event for this long is closed (kept in the file, not in memory). */
  idle?: Partial<IdleLimits>;
  /** The server's language model for the AI seats' messages (INTERLOCK_TALK_MODEL_URL), or none; a room's own comes first. */
  talkModel?: ModelSettings | null;
  /** 'instant' lets AI seats act at once, for tests and benches; rooms keep their pace otherwise. */
  aiPace?: AiPace;
}

/** A join code drawn from a cryptographic generator: 31^8 ≈ 8.5e11 codes, so guessing one fails. */
export function newCode(): string {
  let out = '';
  for (let i = 0; i < CODE_LENGTH; i++) out += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return out;
}

export class Rooms {
  readonly rooms = new Map<string, Room>();
  private readonly ais = new Map<Room, RoomAi>();
  private readonly now: () => number;
  private readonly timer: NodeJS.Timeout;
  /** Called when a room is added (created or restored), so the gateway can listen to it. */
  onRoom: ((room: Room) => void) | null = null;
  /** Called when a room is closed, before it is disposed. */
  onClose: ((room: Room) => void) | null = null;

  private readonly idle: IdleLimits;

  constructor(private readonly opts: RoomsOptions) {
    this.now = opts.now ?? Date.now;
    this.idle = { ...DEFAULT_IDLE, ...opts.idle };
    this.timer = setInterval(() => this.tick(), opts.tickMs ?? 250);
    this.timer.unref();
  }

  private adopt(room: Room) {
    const ai = new RoomAi(room, this.opts.pool, this.opts.aiPace, () => room.talkModel ?? this.opts.talkModel ?? null);
    this.ais.set(room, ai);
    room.drive = () => void ai.drive();
    room.beforeClose = () => ai.flush();
    room.subscribe((c) => {
      if (c.view || c.room) void ai.drive();
    });
    this.rooms.set(room.code, room);
    this.onRoom?.(room);
  }

  /** A new room; `personas` are the AI's personality and difficulty for seats the facilitator chose; `scenario` a class's lesson version. */
  create(seed?: number, personas: Record<string, Persona> = {}, scenario: Scenario = this.opts.scenario): { room: Room; key: string } {
    let code = newCode();
    while (this.rooms.has(code) || this.opts.db.roomExists(code)) code = newCode();
    const key = newSecret();
    const sc = scenario;
    const init = { code, scenario: sc, seed: seed ?? randomInt(2 ** 31 - 1), keyHash: hashSecret(key), createdAt: this.now() };
    this.opts.db.createRoom({
      code,
      createdAt: init.createdAt,
      scenarioId: sc.id,
      scenarioJson: JSON.stringify(sc),
      seed: init.seed,
      keyHash: init.keyHash,
      engineVersion: ENGINE_VERSION,
    });
    const room = new Room(init, this.opts.db, this.now);
    room.choosePersonas(personas);
    this.adopt(room);
    return { room, key };
  }

  /** Restores every open room from its log; a room that cannot be restored is reported, not fatal. */
  restoreAll(parseScenario: (json: string) => Scenario): { restored: number; failed: Array<{ code: string; error: string }> } {
    const failed: Array<{ code: string; error: string }> = [];
    let restored = 0;
    for (const row of this.opts.db.openRooms()) {
      try {
        if (this.restoreOne(row, parseScenario)) restored++;
      } catch (err) {
        failed.push({ code: row.code, error: (err as Error).message });
      }
    }
    return { restored, failed };
  }

  /** The AI seats whose last word on the step is held for the room's pace. */
  holding(room: Room): string[] {
    return this.ais.get(room)?.holding() ?? [];
  }

  /**
   * Restores one room from its log (a restart, or in cluster mode a takeover); a room idle too
   * long is closed instead (null). Throws when the log cannot be replayed.
   */
  restoreOne(row: RoomRow, parseScenario: (json: string) => Scenario): Room | null {
    if (this.now() - row.updatedAt > this.idle.days * 86_400_000) {
      this.opts.db.closeRoom(row.code);
      return null;
    }
    if (row.engineVersion !== ENGINE_VERSION) throw new Error(`made by engine ${row.engineVersion}, this is ${ENGINE_VERSION}`);
    const scenario = row.scenarioJson === JSON.stringify(this.opts.scenario) ? this.opts.scenario : parseScenario(row.scenarioJson);
    const room = new Room(
      { code: row.code, scenario, seed: row.seed, keyHash: row.keyHash, createdAt: row.createdAt, updatedAt: row.updatedAt },
      this.opts.db,
      this.now,
    );
    room.restore(this.opts.db.events(row.code), this.opts.db.snapshot(row.code));
    if (idleTooLong(room, this.now(), this.idle)) {
      room.dispose();
      this.opts.db.closeRoom(row.code);
      return null;
    }
    this.adopt(room);
    room.syncClock();
    if (room.started) room.drive?.();
    return room;
  }

  /** Lets a room go from memory and leaves its log as it is (cluster mode: another process holds it now). */
  release(code: string) {
    const room = this.rooms.get(code);
    if (!room) return;
    room.dispose();
    this.ais.delete(room);
    this.rooms.delete(code);
  }

  get(code: string): Room | undefined {
    return this.rooms.get(code);
  }

  private lastSweep = 0;

  private tick() {
    const now = this.now();
    if (now - this.lastSweep > 600_000) {
      // Every ten minutes: idle rooms leave memory (their log stays in the file).
      this.lastSweep = now;
      for (const room of [...this.rooms.values()]) if (idleTooLong(room, now, this.idle)) this.close(room.code);
    }
    for (const room of this.rooms.values()) {
      this.ais.get(room)?.pulse();
      room.tick(async (r) => {
        const ai = this.ais.get(r);
        const humans = [...r.seats.values()].filter((s) => s.mode !== 'ai').map((s) => s.delegation);
        if (ai) await ai.commitFor(humans);
      });
    }
  }

  /** Closes a room: it leaves memory; its log stays in the data file unless `forget`. */
  close(code: string, forget = false) {
    const room = this.rooms.get(code);
    if (room) {
      this.onClose?.(room);
      room.dispose();
      this.ais.delete(room);
      this.rooms.delete(code);
    }
    if (forget) this.opts.db.deleteRoom(code);
    else this.opts.db.closeRoom(code);
  }

  dispose() {
    clearInterval(this.timer);
    for (const room of this.rooms.values()) room.dispose();
    this.rooms.clear();
  }
}
