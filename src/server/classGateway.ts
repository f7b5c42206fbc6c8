// The socket.io side of classes: the teacher's messages (each carries the class's id and key),
// the students' (each carries the student's own token), their allowances (limits.ts), and the
// dashboard's live picture, pushed to the teacher's connections within a moment of any change.
import type { Server, Socket } from 'socket.io';
import type { ClassToClient, ClassToServer, TableSummary } from '../net/classProtocol';
import { MAX_MESSAGE_BYTES, type Ack, type ErrorCode } from '../net/protocol';
import { gradeCsv } from './classCsv';
import type { ClassEntry, Classes } from './classes';
import {
  commandMessage,
  createClassMessage,
  gradeMessage,
  locateMessage,
  moveMessage,
  releaseMessage,
  roleMessage,
  settingsMessage,
  submitMessage,
  watchMessage,
} from './classMessages';
import { comparedTable, tableSummary } from './classSummary';
import { records, setGrade, studentInfo, submitWork, tableNotes } from './classWork';
import { Allowances, clientAddress, DEFAULT_LIMITS, type BucketRule } from './limits';

type ClassSocket = Socket<ClassToServer, ClassToClient>;

export interface ClassLimits {
  /** Messages per second of one address to classes (as a seat's: a teacher clicks, a class hands in). */
  messages: BucketRule;
  /** Classes one address may make (each holds several rooms): 3 an hour. */
  classes: BucketRule;
  /** How long the dashboard gathers changes before it sends them, in ms. */
  pushMs: number;
}

export const DEFAULT_CLASS_LIMITS: ClassLimits = {
  messages: DEFAULT_LIMITS.address,
  classes: { rate: 3 / 3600, burst: 3 },
  pushMs: 50,
};

export interface ClassGatewayOptions {
  limits?: Partial<ClassLimits>;
  facilitatorKey?: string | null;
  maxRooms?: number;
  trustProxy?: boolean;
  now?: () => number;
}

const fail = (code: ErrorCode, reason: string): Ack<never> => ({ ok: false, code, reason });
const NO_CLASS = fail('forbidden', 'no class with that id and key');

function firstProblem(r: { success: false; error: { issues: Array<{ path: PropertyKey[]; message: string }> } }): string {
  const p = r.error.issues[0];
  return p ? `${p.path.map(String).join('.') || '(message)'}: ${p.message}` : 'malformed message';
}

export class ClassGateway {
  private readonly limits: ClassLimits;
  private readonly messages: Allowances;
  private readonly creates: Allowances;
  private readonly pending = new Map<string, Set<string>>();
  private readonly unlisten = new Map<string, () => void>();
  /** The dashboard pushes waiting to be sent, cleared when the server closes (the data file closes after). */
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  private readonly now: () => number;

  constructor(
    private readonly io: Server,
    private readonly classes: Classes,
    private readonly opts: ClassGatewayOptions = {},
  ) {
    this.limits = { ...DEFAULT_CLASS_LIMITS, ...opts.limits };
    this.messages = new Allowances(this.limits.messages);
    this.creates = new Allowances(this.limits.classes);
    this.now = opts.now ?? Date.now;
    io.on('connection', (socket) => this.connect(socket as unknown as ClassSocket));
  }

  private connect(socket: ClassSocket) {
    const address = clientAddress(socket.handshake.address, socket.handshake.headers['x-forwarded-for'], !!this.opts.trustProxy);
    const on = <K extends keyof ClassToServer>(event: K, handle: (m: unknown) => Ack<object>) => {
      socket.on(event, ((m: unknown, ack: unknown) => {
        const reply = typeof ack === 'function' ? (ack as (r: Ack<object>) => void) : () => undefined;
        if (!this.messages.take(address)) return reply(fail('throttled', 'too many messages: slow down'));
        let size: number;
        try {
          size = m === undefined ? 0 : JSON.stringify(m).length;
        } catch {
          return reply(fail('malformed', 'the message is not JSON'));
        }
        if (size > MAX_MESSAGE_BYTES)
          return reply(fail('too-large', `the message is too large (${size} bytes; at most ${MAX_MESSAGE_BYTES})`));
        try {
          reply(handle(m));
        } catch (err) {
          reply(fail('unavailable', `the server failed: ${(err as Error).message}`));
        }
      }) as never);
    };
    const teacher = <T extends { id: string; key: string }>(
      schema: {
        safeParse(
          m: unknown,
        ): { success: true; data: T } | { success: false; error: { issues: Array<{ path: PropertyKey[]; message: string }> } };
      },
      handle: (c: ClassEntry, data: T) => Ack<object>,
    ) => {
      return (m: unknown) => {
        const r = schema.safeParse(m);
        if (!r.success) return fail('malformed', firstProblem(r));
        const c = this.classes.opened(r.data.id, r.data.key);
        return c ? handle(c, r.data) : NO_CLASS;
      };
    };

    on('class.create', (m) => {
      const r = createClassMessage.safeParse(m);
      if (!r.success) return fail('malformed', firstProblem(r));
      const keyed = !!this.opts.facilitatorKey && r.data.serverKey === this.opts.facilitatorKey;
      if (!keyed && !this.creates.take(address))
        return fail('throttled', 'this computer has made 3 classes within the hour: try again later, or use this server’s facilitator key');
      return this.classes.create(r.data, this.opts.maxRooms ?? 1000);
    });
    on(
      'class.watch',
      teacher(watchMessage, (c) => {
        void socket.join(`class:${c.row.id}`);
        this.follow(c.row.id);
        return {
          ok: true,
          overview: { id: c.row.id, settings: c.settings, students: this.classes.students(c), tables: this.tables(c), now: this.now() },
        };
      }),
    );
    on(
      'class.links',
      teacher(watchMessage, (c, d) => ({ ok: true, links: this.classes.links(c, d.key) })),
    );
    on(
      'class.command',
      teacher(commandMessage, (c, d) => this.classes.command(c, d.command, d.table, d.msgId)),
    );
    on(
      'class.move',
      teacher(moveMessage, (c, d) => {
        const r = this.classes.move(c, d.student, d.table, d.delegation);
        if (r.ok) this.rosterChanged(c);
        return r;
      }),
    );
    on(
      'class.role',
      teacher(roleMessage, (c, d) => {
        const r = this.classes.setRole(c, d.student, d.role, d.table);
        if (r.ok) this.rosterChanged(c);
        return r;
      }),
    );
    on(
      'class.settings',
      teacher(settingsMessage, (c, d) => {
        this.classes.saveSettings(c, d.settings);
        return { ok: true };
      }),
    );
    on(
      'class.records',
      teacher(watchMessage, (c) => ({ ok: true, records: records(this.classes, c) })),
    );
    on(
      'class.grade',
      teacher(gradeMessage, (c, d) => setGrade(this.classes, c, d.student, d.levels, d.comment, this.now())),
    );
    on(
      'class.compare',
      teacher(watchMessage, (c) => ({
        ok: true,
        tables: c.tables.flatMap((t) => {
          const room = this.classes.room(t.code);
          return room ? [comparedTable(room, t.name)] : [];
        }),
      })),
    );
    on(
      'class.csv',
      teacher(watchMessage, (c) => ({
        ok: true,
        csv: gradeCsv(c.settings, (code) => c.tables.find((t) => t.code === code)?.name ?? code, records(this.classes, c)),
      })),
    );
    on(
      'class.delete',
      teacher(watchMessage, (c) => {
        this.unlisten.get(c.row.id)?.();
        this.unlisten.delete(c.row.id);
        this.classes.delete(c);
        return { ok: true };
      }),
    );
    on(
      'class.release',
      teacher(releaseMessage, (c, d) => {
        const room = c.tables.some((t) => t.code === d.table) ? this.classes.room(d.table) : undefined;
        return room ? room.release(d.message, d.approved) : fail('not-found', 'no such table in this class');
      }),
    );
    on('student.locate', (m) => {
      const r = locateMessage.safeParse(m);
      if (!r.success) return fail('malformed', firstProblem(r));
      const at = this.classes.studentOf(r.data.token);
      if (!at) return fail('forbidden', 'that personal link is not valid (any more): ask your teacher for yours');
      return { ok: true, info: studentInfo(this.classes, at.cls, at.student) };
    });
    on('student.submit', (m) => {
      const r = submitMessage.safeParse(m);
      if (!r.success) return fail('malformed', firstProblem(r));
      const at = this.classes.studentOf(r.data.token);
      if (!at) return fail('forbidden', 'that personal link is not valid (any more): ask your teacher for yours');
      const done = submitWork(this.classes, at.cls, at.student, r.data.work, this.now());
      if (done.ok && r.data.work.kind === 'note') this.classes.touch(at.cls.row.id, at.student.room);
      return done;
    });
  }

  /** A student moved (to a seat or a role): every dashboard of the class gets the tables and the roster. */
  private rosterChanged(c: ClassEntry) {
    this.io.to(`class:${c.row.id}`).emit('class.update', { tables: this.tables(c), now: this.now(), students: this.classes.students(c) });
  }

  private tables(c: ClassEntry): TableSummary[] {
    const notes = tableNotes(this.classes, c);
    return c.tables.map((t) => tableSummary(c, t.name, this.classes.room(t.code), t.code, notes.get(t.code)));
  }

  /** Changes of the class's tables are gathered for a moment, then sent to its dashboards in one message. */
  private follow(id: string) {
    if (this.unlisten.has(id)) return;
    this.unlisten.set(
      id,
      this.classes.listen(id, (code) => {
        let set = this.pending.get(id);
        if (!set) {
          set = new Set();
          this.pending.set(id, set);
          const timer = setTimeout(() => {
            this.timers.delete(timer);
            this.flush(id);
          }, this.limits.pushMs);
          this.timers.add(timer);
        }
        set.add(code);
      }),
    );
  }

  /** Stops following the classes: no push is left to run against a closed data file. */
  dispose() {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    this.pending.clear();
    for (const off of this.unlisten.values()) off();
    this.unlisten.clear();
  }

  private flush(id: string) {
    const codes = this.pending.get(id);
    this.pending.delete(id);
    const c = this.classes.get(id);
    if (!codes || !c) return;
    const notes = tableNotes(this.classes, c);
    const tables = c.tables
      .filter((t) => codes.has(t.code))
      .map((t) => tableSummary(c, t.name, this.classes.room(t.code), t.code, notes.get(t.code)));
    this.io.to(`class:${id}`).emit('class.update', { tables, now: this.now() });
  }
}
