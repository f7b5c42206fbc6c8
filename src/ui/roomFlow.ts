// Classroom rooms from the page's side: create a room (the facilitator), join one by code,
// claim a delegation, come back after a reload. The room's code (socket.io) loads only when a
// room is used, so solo players never download it.
import type { Role } from '../net/protocol';
import type { JoinAs, RoomCredentials, RoomTransport } from '../net/roomTransport';
import type { Controller } from './controller';

export const ROOM_KEY = 'interlock.room.v1';

export interface RoomLink {
  code: string;
  seat?: string;
  projector?: boolean;
}

/** Reads a room link from the address (#join=CODE, #join=CODE&seat=TOKEN, #projector=CODE). */
export function readRoomLink(hash: string): RoomLink | null {
  const p = new URLSearchParams(hash.replace(/^#/, ''));
  const projector = p.get('projector');
  if (projector) return { code: projector, projector: true };
  const code = p.get('join');
  if (!code) return null;
  const seat = p.get('seat');
  return seat ? { code, seat } : { code };
}

export const joinUrl = (base: string, code: string) => `${base}${location.pathname}#join=${code}`;
export const teamUrl = (base: string, code: string, token: string) =>
  `${base}${location.pathname}#join=${code}&seat=${encodeURIComponent(token)}`;
export const projectorUrl = (code: string) => `${location.origin}${location.pathname}#projector=${code}`;

export class RoomFlow {
  constructor(
    private readonly controller: Controller,
    private readonly storage: Storage | null = globalThis.localStorage ?? null,
  ) {}

  saved(): RoomCredentials | null {
    try {
      const raw = this.storage?.getItem(ROOM_KEY);
      return raw ? (JSON.parse(raw) as RoomCredentials) : null;
    } catch {
      return null;
    }
  }

  private remember(c: RoomCredentials | null) {
    try {
      if (c) this.storage?.setItem(ROOM_KEY, JSON.stringify(c));
      else this.storage?.removeItem(ROOM_KEY);
    } catch {
      /* private mode: the room still works, a reload will ask again */
    }
  }

  private error(text: string) {
    this.controller.store.setState({ screen: 'start', notice: { kind: 'error', text } });
  }

  /** `serverKey`: the server's facilitator key, when it has one (it keeps rooms in reserve for it). */
  async create(name: string, serverKey?: string) {
    this.controller.store.setState({ screen: 'joining', notice: null });
    try {
      const { RoomTransport } = await import('../net/roomTransport');
      const { code, key } = await RoomTransport.create(name, undefined, serverKey || undefined);
      await this.join({ code, as: { kind: 'facilitator', key }, name });
    } catch (err) {
      this.error(`Could not open a room: ${(err as Error).message}`);
    }
  }

  async join(creds: RoomCredentials): Promise<boolean> {
    this.controller.store.setState({ screen: 'joining', notice: null });
    let t: RoomTransport;
    try {
      const { RoomTransport } = await import('../net/roomTransport');
      t = await RoomTransport.open(creds);
    } catch (err) {
      if (creds.as.kind !== 'lobby' && creds.as.kind !== 'projector') this.remember(null);
      this.error(`Could not join room ${creds.code}: ${(err as Error).message}`);
      return false;
    }
    if (creds.as.kind !== 'projector') this.remember(creds);
    t.onNotice((n) => {
      this.controller.store.setState({ notice: n });
      if (t.role.kind === 'lobby') this.remember({ ...t.credentials, as: { kind: 'lobby' } });
    });
    this.controller.attachRoom(t, this.screenFor(t.role));
    t.subscribe(() => {
      // A released seat lands in the lobby; an ended game on the debrief.
      const want = this.screenFor(t.role);
      const ui = this.controller.store.getState();
      if (ui.screen === 'end') return;
      if (t.view().outcome !== null && t.role.kind !== 'facilitator' && t.role.kind !== 'projector')
        return this.controller.store.setState({ screen: 'end' });
      if (want.screen !== ui.screen || want.seat !== ui.seat) this.controller.store.setState(want);
    });
    return true;
  }

  private screenFor(role: Role): { screen: 'lobby' | 'game' | 'console' | 'projector'; seat: string | null } {
    if (role.kind === 'seat') return { screen: 'game', seat: role.delegation };
    if (role.kind === 'facilitator') return { screen: 'console', seat: null };
    if (role.kind === 'projector') return { screen: 'projector', seat: null };
    return { screen: 'lobby', seat: null };
  }

  async claim(delegation: string, name: string) {
    const t = this.controller.room;
    if (!t) return;
    const r = await t.claim(delegation, name);
    if (!r.ok) return this.controller.store.setState({ notice: { kind: 'error', text: r.reason } });
    this.remember(t.credentials);
    this.controller.store.setState({ notice: null });
  }

  /** Follows a link from the address bar; the token leaves the address at once. */
  async follow(link: RoomLink, name: string) {
    history.replaceState(null, '', location.pathname + location.search);
    const as: JoinAs = link.projector ? { kind: 'projector' } : link.seat ? { kind: 'seat', token: link.seat } : { kind: 'lobby' };
    await this.join({ code: link.code, as, name });
  }

  leave() {
    this.remember(null);
    this.controller.quit();
  }
}
