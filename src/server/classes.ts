// The classes of this server: a teacher's roster made into tables (rooms) in one step, each
// student bound to a seat by a personal token; the teacher's commands to all tables or one; a
// student moved with one action; and the class deleted with all it stored. Written work and grades
// are classWork.ts; the dashboard's picture of a table is classSummary.ts.
import { createHmac, randomBytes } from 'node:crypto';
import type { Persona } from '../ai/persona';
import { catalog, type Intent, type Scenario } from '../engine';
import type { ClassCreated, ClassSettings, ClassStudent, PresetId, StudentRole, TeacherCommand } from '../net/classProtocol';
import type { Ack } from '../net/protocol';
import { chatVerdict, moderationChanges } from './classModeration';
import { ClassDb, type ClassRow, type StudentRow, type TableRow } from './classDb';
import { defaultSettings, defaultTables, lessonScenario, MAX_TABLES, parseRoster, placeRoles, PRESET_TABLE, splitClass } from './classPlan';
import type { RoomDb } from './db';
import { hashSecret, newSecret, type Room } from './room';
import type { Rooms } from './rooms';

export interface ClassInput {
  title: string;
  roster: string;
  preset: PresetId;
  tables?: number | undefined;
  persona: Persona;
  seed?: number | undefined;
}

export interface ClassEntry {
  row: ClassRow;
  settings: ClassSettings;
  tables: TableRow[];
  students: StudentRow[];
}

const refused = (reason: string): Ack<never> => ({ ok: false, code: 'refused', reason });
const notFound = (reason: string): Ack<never> => ({ ok: false, code: 'not-found', reason });

export class Classes {
  readonly db: ClassDb;
  private readonly classes = new Map<string, ClassEntry>();
  private readonly byToken = new Map<string, { cls: ClassEntry; student: StudentRow }>();
  private readonly listeners = new Map<string, Set<(table: string) => void>>();
  private readonly watched = new WeakSet<Room>();

  constructor(
    roomDb: RoomDb,
    private readonly rooms: Rooms,
    private readonly scenario: Scenario,
    private readonly now: () => number = Date.now,
  ) {
    this.db = new ClassDb(roomDb.sqlite);
    for (const row of this.db.all()) {
      const stored = JSON.parse(row.settings) as ClassSettings;
      const entry: ClassEntry = {
        row,
        settings: {
          ...stored,
          moderation: stored.moderation ?? { hold: false, muted: [], privateOff: [], templates: [] },
          extraTime: stored.extraTime ?? {},
        },
        tables: this.db.tables(row.id),
        students: this.db.students(row.id),
      };
      this.adopt(entry);
    }
  }

  private adopt(entry: ClassEntry) {
    this.classes.set(entry.row.id, entry);
    for (const s of entry.students) this.byToken.set(s.tokenHash, { cls: entry, student: s });
    for (const t of entry.tables) {
      const room = this.rooms.get(t.code);
      if (room) this.watch(entry.row.id, room);
    }
  }

  /** Every change of a table is passed on to the class's listeners (the dashboards); its students' messages pass the class's moderation. */
  private watch(id: string, room: Room) {
    if (this.watched.has(room)) return;
    this.watched.add(room);
    room.chatPolicy = (line, state) => {
      const m = this.classes.get(id)?.settings.moderation;
      return m ? chatVerdict(m, room.code, line, state.step) : 'send';
    };
    room.clockGrace = (state) => {
      const extra = this.classes.get(id)?.settings.extraTime ?? {};
      let most = 0;
      for (const [d, ds] of Object.entries(state.delegations)) {
        const unfinished = state.step === 'commit' ? !ds.committed : state.step === 'negotiation' && !ds.ready;
        if (unfinished) most = Math.max(most, extra[`${room.code}:${d}`] ?? 0);
      }
      return most * 60_000;
    };
    room.subscribe((c) => {
      if (c.view || c.room) for (const l of this.listeners.get(id) ?? []) l(room.code);
    });
  }

  /** Tells the class's dashboards that a table's card changed without its room changing (an observer's note). */
  touch(id: string, table: string) {
    for (const l of this.listeners.get(id) ?? []) l(table);
  }

  listen(id: string, fn: (table: string) => void): () => void {
    const set = this.listeners.get(id) ?? new Set();
    set.add(fn);
    this.listeners.set(id, set);
    return () => set.delete(fn);
  }

  get(id: string): ClassEntry | undefined {
    return this.classes.get(id);
  }

  /** The class a teacher key opens (a wrong key and an unknown class answer alike). */
  opened(id: string, key: string): ClassEntry | null {
    const c = this.classes.get(id);
    return c && hashSecret(key) === c.row.keyHash ? c : null;
  }

  room(code: string): Room | undefined {
    return this.rooms.get(code);
  }

  /** A student's token, derived from the teacher's key: the data file alone holds only its hash. */
  static token(key: string, classId: string, studentId: string): string {
    return createHmac('sha256', key).update(`${classId}:${studentId}`).digest('base64url');
  }

  studentOf(token: string): { cls: ClassEntry; student: StudentRow } | null {
    return this.byToken.get(hashSecret(token)) ?? null;
  }

  /** Makes the class: the roster split into tables, every table a room with its clocks, its students seated, its empty seats the AI's. */
  create(input: ClassInput, maxRooms = Infinity): Ack<ClassCreated> {
    const roster = parseRoster(input.roster);
    if (!roster.ok) return refused(roster.reason);
    const delegations = catalog(this.scenario).delegationIds;
    const preset = PRESET_TABLE[input.preset];
    const players = roster.lines.filter((l) => l.role === 'delegation').length;
    const count = input.tables ?? defaultTables(players, delegations.length);
    if (count < 1 || count > MAX_TABLES) return refused(`from 1 to ${MAX_TABLES} tables`);
    if (count > roster.lines.length) return refused(`${count} tables for ${roster.lines.length} students: fewer tables, please`);
    if (this.rooms.rooms.size + count > maxRooms)
      return { ok: false, code: 'unavailable', reason: 'the server holds as many rooms as it can' };
    const placements = [...splitClass(roster.lines, delegations, count), ...placeRoles(roster.lines, count)].sort(
      (a, b) => a.student - b.student,
    );
    const sc = lessonScenario(this.scenario, preset.rounds);
    const id = randomBytes(9).toString('base64url');
    const key = newSecret();
    const personas = Object.fromEntries(delegations.map((d) => [d, input.persona]));
    const tables: TableRow[] = [];
    for (let t = 0; t < count; t++) {
      const { room } = this.rooms.create(input.seed === undefined ? undefined : input.seed + t, personas, sc);
      room.action(`class-${id}-${t}-n`, { kind: 'clock', step: 'negotiation', minutes: preset.negotiation });
      room.action(`class-${id}-${t}-c`, { kind: 'clock', step: 'commit', minutes: preset.commit });
      room.action(`class-${id}-${t}-e`, { kind: 'onExpiry', value: 'ai' });
      tables.push({ code: room.code, name: `Table ${t + 1}` });
    }
    const students: StudentRow[] = placements.map((p, i) => {
      const sid = `s${i + 1}`;
      return {
        id: sid,
        name: roster.lines[p.student]!.name,
        room: tables[p.table]!.code,
        delegation: p.delegation,
        tokenHash: hashSecret(Classes.token(key, id, sid)),
        role: roster.lines[p.student]!.role,
      };
    });
    const row: ClassRow = {
      id,
      createdAt: this.now(),
      keyHash: hashSecret(key),
      preset: input.preset,
      settings: JSON.stringify(defaultSettings(input.title, preset)),
    };
    this.db.create(row, tables, students);
    for (const s of students.filter((x) => x.role === 'delegation'))
      this.rooms.get(s.room)?.seatStudent(s.delegation, teamName(students, s.room, s.delegation), s.tokenHash);
    const entry: ClassEntry = { row, settings: JSON.parse(row.settings) as ClassSettings, tables, students };
    this.adopt(entry);
    return { ok: true, id, key, links: this.links(entry, key) };
  }

  links(c: ClassEntry, key: string): ClassCreated['links'] {
    return c.students.map((s) => ({ student: publicStudent(c, s), token: Classes.token(key, c.row.id, s.id) }));
  }

  students(c: ClassEntry): ClassStudent[] {
    return c.students.map((s) => publicStudent(c, s));
  }

  /** A teacher's command, to one table or to all of them; tables where it does not apply are skipped. */
  command(c: ClassEntry, cmd: TeacherCommand, table: string | null, msgId: string): Ack<{ applied: number }> {
    const codes = table === null ? c.tables.map((t) => t.code) : c.tables.filter((t) => t.code === table).map((t) => t.code);
    if (codes.length === 0) return notFound('no such table in this class');
    let applied = 0;
    let last: Ack | null = null;
    for (const code of codes) {
      const room = this.rooms.get(code);
      if (!room) continue;
      const id = `${msgId}-${code}`;
      const r: Ack =
        cmd.kind === 'start'
          ? room.action(id, { kind: 'start' })
          : room.receiveIntent({ kind: 'facilitator' }, 'Teacher', { id, version: room.version, intent: teacherIntent(cmd) });
      last = r;
      if (r.ok) applied++;
    }
    if (applied === 0 && last && !last.ok) return table === null ? refused(`no table took it: ${last.reason}`) : last;
    return { ok: true, applied };
  }

  /** Moves a student (late, absent, or a team to balance) to a seat of any table of the class: one action, their link unchanged. */
  move(c: ClassEntry, studentId: string, table: string, delegation: string): Ack {
    const s = c.students.find((x) => x.id === studentId);
    if (!s) return notFound('no such student in this class');
    const to = this.rooms.get(table);
    if (!to || !c.tables.some((t) => t.code === table)) return notFound('no such table in this class');
    if (!to.seats.has(delegation)) return notFound(`no delegation "${delegation}" at that table`);
    if (s.role === 'delegation' && s.room === table && s.delegation === delegation) return { ok: true };
    this.place(c, s, table, delegation, 'delegation');
    return to.seatStudent(delegation, teamName(c.students, table, delegation), s.tokenHash);
  }

  /** Makes a student an observer or the press at a table: one action; a seat they held goes back to its team, or to the AI. */
  setRole(c: ClassEntry, studentId: string, role: Exclude<StudentRole, 'delegation'>, table: string): Ack {
    const s = c.students.find((x) => x.id === studentId);
    if (!s) return notFound('no such student in this class');
    if (!c.tables.some((t) => t.code === table)) return notFound('no such table in this class');
    if (s.role === role && s.room === table) return { ok: true };
    this.place(c, s, table, '', role);
    return { ok: true };
  }

  /** Writes a student's new place, and takes them off the seat they held (their token stops opening it). */
  private place(c: ClassEntry, s: StudentRow, table: string, delegation: string, role: StudentRole) {
    const old = { room: s.room, delegation: s.delegation, role: s.role };
    s.room = table;
    s.delegation = delegation;
    s.role = role;
    this.db.moveStudent(c.row.id, s.id, table, delegation, role);
    if (old.role !== 'delegation') return;
    const left = teamName(c.students, old.room, old.delegation);
    this.rooms.get(old.room)?.unseatStudent(old.delegation, s.tokenHash, left || null);
  }

  /**
   * A press item to one table or all: it reaches the teams as a message to everyone from the
   * press, or waits for the teacher's approval on each table's card when the class holds messages.
   */
  publish(c: ClassEntry, s: StudentRow, id: string, text: string, table: number | null): Ack<{ tables: string[]; held: boolean }> {
    if (s.role !== 'press') return refused('only the press publishes news items');
    const one = table === null ? null : c.tables[table];
    const codes = table === null ? c.tables.map((t) => t.code) : one ? [one.code] : [];
    if (codes.length === 0) return notFound('no such table in this class');
    const body = text.trim();
    if (!body) return refused('an empty news item');
    const hold = c.settings.moderation.hold;
    const sent: string[] = [];
    let last: Ack | null = null;
    for (const code of codes) {
      const room = this.rooms.get(code);
      if (!room) continue;
      // The student's id in the message id: a press item never takes the id a team's message will use.
      const r = room.pressItem(`press-${s.id}-${id}-${code}`, s.name, body, hold);
      last = r;
      if (r.ok) sent.push(code);
    }
    if (sent.length === 0) return last && !last.ok ? last : refused('no table is open');
    return { ok: true, tables: sent, held: hold };
  }

  saveSettings(c: ClassEntry, settings: ClassSettings) {
    for (const t of c.tables)
      for (const text of moderationChanges(c.settings.moderation, settings.moderation, t.code))
        this.rooms.get(t.code)?.noteModeration(`The teacher: ${text}.`);
    c.settings = settings;
    this.db.saveSettings(c.row.id, JSON.stringify(settings));
  }

  /** Deletes the class: its tables' rooms and logs, its students, their work and the grades. */
  delete(c: ClassEntry) {
    for (const t of c.tables) this.rooms.close(t.code, true);
    for (const s of c.students) this.byToken.delete(s.tokenHash);
    this.db.delete(c.row.id);
    this.classes.delete(c.row.id);
    this.listeners.delete(c.row.id);
  }
}

function teacherIntent(cmd: Exclude<TeacherCommand, { kind: 'start' }>): Intent {
  switch (cmd.kind) {
    case 'pause':
      return { type: 'facilitator.pause', actor: 'facilitator' };
    case 'resume':
      return { type: 'facilitator.resume', actor: 'facilitator' };
    case 'inject':
      return { type: 'facilitator.inject', actor: 'facilitator', inject: cmd.inject };
    case 'advance':
      return { type: 'step.close', actor: 'facilitator' };
    case 'end':
      return { type: 'facilitator.end', actor: 'facilitator', outcome: 'drift', reason: 'the teacher ended the lesson' };
  }
}

/** A seat's team name: its students' names. */
export function teamName(students: readonly StudentRow[], room: string, delegation: string): string {
  return students
    .filter((s) => s.role === 'delegation' && s.room === room && s.delegation === delegation)
    .map((s) => s.name)
    .join(', ')
    .slice(0, 120);
}

export function publicStudent(c: ClassEntry, s: StudentRow): ClassStudent {
  return { id: s.id, name: s.name, table: s.room, delegation: s.delegation, role: s.role };
}
