// A class made in one step, as pure functions: the roster a teacher pastes, read line by line;
// the students split into tables (rooms) and delegation teams, keeping wished-for teams together;
// and a lesson preset turned into the rounds and clocks of every table.
import type { Scenario } from '../engine';
import type { ClassSettings, PresetId, StudentRole } from '../net/classProtocol';
import defaults from '../../assets/classroom/defaults.json';

export interface RosterLine {
  name: string;
  /** A team wish: students with the same wish play the same delegation (when the split allows). */
  wish: string | null;
  /** "Name: observer" or "Name: press" gives a role beyond the delegations; any other wish is a team's. */
  role: StudentRole;
}

/** The wishes that are roles, not teams. */
const ROLE_WISHES: Record<string, StudentRole> = { observer: 'observer', evaluator: 'observer', press: 'press', journalist: 'press' };

export const MAX_STUDENTS = 200;
export const MAX_TABLES = 20;

/**
 * One student a line: "Name" or "Name: wish" (also "Name; wish" or a tab, as pasted from a
 * spreadsheet). Blank lines are skipped; a name appearing twice gets a number, so both can be told apart.
 */
export function parseRoster(text: string): { ok: true; lines: RosterLine[] } | { ok: false; reason: string } {
  const lines: RosterLine[] = [];
  const seen = new Map<string, number>();
  for (const [i, raw] of text.split(/\r?\n/).entries()) {
    const line = raw.trim();
    if (!line) continue;
    const [namePart, ...rest] = line.split(/[:;\t]/);
    let name = (namePart ?? '').trim().replace(/\s+/g, ' ');
    const wish = rest.join(' ').trim().toLowerCase().replace(/\s+/g, ' ') || null;
    if (!name) return { ok: false, reason: `line ${i + 1} has no name` };
    if (name.length > 40) return { ok: false, reason: `line ${i + 1}: a name of at most 40 characters` };
    const n = (seen.get(name.toLowerCase()) ?? 0) + 1;
    seen.set(name.toLowerCase(), n);
    if (n > 1) name = `${name} (${n})`;
    const role = (wish !== null && ROLE_WISHES[wish]) || 'delegation';
    lines.push({ name, wish: role === 'delegation' ? wish : null, role });
  }
  if (lines.length === 0) return { ok: false, reason: 'the roster is empty: one student name a line' };
  if (lines.length > MAX_STUDENTS) return { ok: false, reason: `at most ${MAX_STUDENTS} students in one class` };
  return { ok: true, lines };
}

export interface Placement {
  /** Index of the roster line. */
  student: number;
  table: number;
  delegation: string;
}

/** One table per full set of delegations, by default: 30 students and 6 delegations make 5 tables of one student a seat. */
export const defaultTables = (students: number, delegations: number) => Math.max(1, Math.ceil(students / Math.max(1, delegations)));

/**
 * Splits the roster into `tables` tables, each seat of a table a team. Groups (a shared wish, or
 * one student alone) are placed largest first on the emptiest table, then on the emptiest seat of
 * it, so tables differ by at most the size of a group and no seat is doubled while another is empty.
 */
export function splitClass(roster: readonly RosterLine[], delegations: readonly string[], tables: number): Placement[] {
  const groups = new Map<string, number[]>();
  roster.forEach((l, i) => {
    if (l.role !== 'delegation') return;
    const key = l.wish === null ? `#${i}` : `wish:${l.wish}`;
    groups.set(key, [...(groups.get(key) ?? []), i]);
  });
  // Largest first; ties keep the roster's order (stable sort), so the split is reproducible.
  const ordered = [...groups.values()].sort((a, b) => b.length - a.length);
  const load = Array.from({ length: tables }, () => new Map<string, number>(delegations.map((d) => [d, 0])));
  const total = (t: Map<string, number>) => [...t.values()].reduce((a, b) => a + b, 0);
  const out: Placement[] = [];
  for (const g of ordered) {
    let table = 0;
    for (let t = 1; t < tables; t++) if (total(load[t]!) < total(load[table]!)) table = t;
    const seats = load[table]!;
    let seat = delegations[0]!;
    for (const d of delegations) if (seats.get(d)! < seats.get(seat)!) seat = d;
    seats.set(seat, seats.get(seat)! + g.length);
    for (const student of g) out.push({ student, table, delegation: seat });
  }
  return out.sort((a, b) => a.student - b.student);
}

/** Observers and the press, each role spread over the tables in the roster's order (delegation ''). */
export function placeRoles(roster: readonly RosterLine[], tables: number): Placement[] {
  const next: Record<StudentRole, number> = { delegation: 0, observer: 0, press: 0 };
  const out: Placement[] = [];
  roster.forEach((l, student) => {
    if (l.role === 'delegation') return;
    out.push({ student, table: next[l.role]++ % tables, delegation: '' });
  });
  return out;
}

export interface Preset {
  label: string;
  rounds: number;
  negotiation: number;
  commit: number;
}

/** The lesson presets (content: assets/classroom/defaults.json); 'drill' is a quick run-through with short clocks. */
export const PRESET_TABLE: Record<PresetId, Preset> = {
  lesson45: defaults.presets.lesson45,
  lesson90: defaults.presets.lesson90,
  days: defaults.presets.days,
  drill: { label: 'Drill (short clocks, 3 rounds)', rounds: 3, negotiation: 0.25, commit: 0.15 },
};

/**
 * The scenario a table plays under a preset: its round limit set to the preset's rounds. Injects
 * scheduled after the last round could never fire; they are left out so the scenario stays valid.
 */
export function lessonScenario(sc: Scenario, rounds: number): Scenario {
  const roundLimit = Math.max(3, Math.min(40, Math.round(rounds)));
  if (roundLimit === sc.tunables.roundLimit) return sc;
  return {
    ...sc,
    tunables: { ...sc.tunables, roundLimit },
    injects: sc.injects.filter((i) => i.round === undefined || i.round <= roundLimit),
  };
}

export function defaultSettings(title: string, preset: Preset): ClassSettings {
  return {
    title,
    statementRounds: [Math.min(2, preset.rounds)],
    statementPrompt: defaults.statementPrompt,
    reflectionPrompts: [...defaults.reflectionPrompts],
    rubric: defaults.rubric.map((c) => ({ ...c, levels: c.levels.map((l) => ({ ...l })) })),
    moderation: { hold: false, muted: [], privateOff: [], templates: [] },
    extraTime: {},
  };
}
