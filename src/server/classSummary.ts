// A table of a class as the teacher's dashboard shows it, and the class's tables compared at the
// end (the report's comparison, computed here from each room's log: no download).
import { bridgeStatus } from '../engine';
import type { ComparedTable, Evidence, TableSummary } from '../net/classProtocol';
import { compareGame, type ComparedGame } from '../report/compare';
import type { ClassEntry } from './classes';
import type { Room } from './room';

export function tableSummary(
  c: ClassEntry,
  name: string,
  room: Room | undefined,
  code: string,
  notes: TableSummary['notes'] = [],
): TableSummary {
  if (!room)
    return {
      code,
      name,
      started: false,
      round: 0,
      roundLimit: 0,
      phase: '',
      step: 'closed',
      paused: false,
      tension: 0,
      outcome: null,
      bridge: [],
      clock: null,
      unsealed: [],
      seats: [],
      version: 0,
      held: [],
      notes,
    };
  const s = room.state;
  const online = new Map<string, number>();
  for (const d of room.devices.values())
    if (d.role.kind === 'seat') online.set(d.role.delegation, (online.get(d.role.delegation) ?? 0) + 1);
  const c0 = room.clock;
  return {
    code,
    name,
    started: room.started,
    round: s.round,
    roundLimit: room.scenario.tunables.roundLimit,
    phase: s.phase,
    step: s.step,
    paused: s.paused,
    tension: s.tension,
    outcome: s.outcome,
    bridge: (bridgeStatus(room.scenario, s)?.tracks ?? []).map((t) => ({ track: t.track, secured: t.secured, needed: t.needed })),
    clock: c0 ? { step: c0.step, endsAt: c0.endsAt, remainingMs: c0.remainingMs, totalMs: c0.totalMs } : null,
    unsealed:
      room.started && s.step === 'commit'
        ? Object.entries(s.delegations)
            .filter(([, d]) => !d.committed)
            .map(([id]) => id)
        : [],
    seats: [...room.seats.values()].map((seat) => ({
      delegation: seat.delegation,
      mode: seat.mode,
      students: c.students.filter((x) => x.room === code && x.delegation === seat.delegation).map((x) => x.name),
      online: online.get(seat.delegation) ?? 0,
    })),
    version: room.version,
    held: room.held.map((l) => ({ id: l.id, from: l.from, by: l.by, to: Array.isArray(l.to) ? l.to.join(', ') : l.to, text: l.text })),
    notes,
  };
}

const cache = new WeakMap<Room, { version: number; game: ComparedGame }>();

/** The report of a table's game so far (cached per log version: the report replays the log). */
export function tableGame(room: Room, name: string): ComparedGame {
  const hit = cache.get(room);
  if (hit && hit.version === room.version) return hit.game;
  const game = compareGame(room.scenario, name, room.seed, room.session.log);
  cache.set(room, { version: room.version, game });
  return game;
}

export function comparedTable(room: Room, name: string): ComparedTable {
  const g = tableGame(room, name);
  return {
    code: room.code,
    name,
    outcome: g.outcome,
    rounds: g.rounds,
    finalTension: g.finalTension,
    peakTension: g.peakTension,
    secured: g.secured,
    violations: g.violations,
    promisesKept: g.promisesKept,
    attributionCorrect: g.attributionCorrect,
    tension: g.report.history.map((h) => h.tension),
  };
}

/** What the engine's record says of one delegation: promises made and kept, spans its steps secured, its defections caught. */
export function delegationEvidence(g: ComparedGame, delegation: string): Evidence {
  const promised = g.report.ledger.rows.filter((r) => r.delegation === delegation && r.agreed !== null && !r.pledge);
  const mine = g.report.ledger.instances.filter((i) => i.delegation === delegation);
  return {
    promised: promised.length,
    kept: promised.filter((r) => r.delivery !== null).length,
    spansSecured: mine.filter((i) => i.matched !== null).length,
    defectionsCaught: mine.filter((i) => i.ended?.how === 'violated').length,
  };
}
