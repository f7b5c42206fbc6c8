// The class protocol (socket.io events `class.*`): a teacher's class of several tables (rooms),
// its students, their written work and the teacher's grades. The server checks every message with
// the schemas of src/server/classMessages.ts first.
import type { Persona } from '../ai/persona';
import type { Ack, ClockInfo } from './protocol';

export const PRESETS = ['lesson45', 'lesson90', 'days', 'drill'] as const;
export type PresetId = (typeof PRESETS)[number];

export interface RubricLevel {
  label: string;
  points: number;
}
export interface RubricCriterion {
  id: string;
  name: string;
  levels: RubricLevel[];
}

/** How students' messages are moderated (every change is written into each table's log). */
export interface Moderation {
  /** Students' messages wait for the teacher's approval. */
  hold: boolean;
  /** Teams whose messages are refused, as `CODE:delegation`. */
  muted: string[];
  /** Steps in which private messages (to some delegations) are refused. */
  privateOff: Array<'negotiation' | 'commit'>;
  /** When not empty, students send only these messages (younger classes). */
  templates: string[];
}

/** What the teacher can change after the class is made. */
export interface ClassSettings {
  title: string;
  /** Rounds at which each team writes a position statement (during that round). */
  statementRounds: number[];
  statementPrompt: string;
  reflectionPrompts: string[];
  rubric: RubricCriterion[];
  moderation: Moderation;
  /** Accommodations: extra minutes per team (`CODE:delegation`), given once per step when that team has not finished it. */
  extraTime: Record<string, number>;
}

/**
 * What a student is at their table: a delegation's negotiator, an observer (the public view and
 * the messages to all; writes notes for the teacher) or the press (publishes news items, moderated).
 */
export const STUDENT_ROLES = ['delegation', 'observer', 'press'] as const;
export type StudentRole = (typeof STUDENT_ROLES)[number];

export interface ClassStudent {
  id: string;
  name: string;
  table: string;
  /** The seat a delegation's student plays; '' for an observer or the press. */
  delegation: string;
  role: StudentRole;
}

/** An observer's note for the teacher: where and when it was written. */
export interface ObserverNote {
  at: number;
  table: string;
  round: number;
  text: string;
}

/** A news item the press published: to one table or to all, held for approval when moderation is on. */
export interface PressItem {
  id: string;
  at: number;
  /** The names of the tables it went (or waits to go) to. */
  tables: string[];
  text: string;
}

/** One table of the class as the dashboard shows it. */
export interface TableSummary {
  code: string;
  name: string;
  started: boolean;
  round: number;
  roundLimit: number;
  phase: string;
  step: string;
  paused: boolean;
  tension: number;
  outcome: string | null;
  /** The bridge of the current phase: secured of needed, per track. */
  bridge: Array<{ track: string; secured: number; needed: number }>;
  clock: ClockInfo | null;
  /** Delegations (people or AI) that have not sealed their commit in the commit step. */
  unsealed: string[];
  seats: Array<{ delegation: string; mode: 'ai' | 'human' | 'open'; students: string[]; online: number }>;
  /** The table's log version (grows with every change). */
  version: number;
  /** Students' messages waiting for approval. */
  held: Array<{ id: string; from: string; by: string; to: string; text: string }>;
  /** The observers' newest notes written at this table (the teacher's eyes only). */
  notes: Array<{ by: string; round: number; text: string }>;
}

export interface ClassOverview {
  id: string;
  settings: ClassSettings;
  students: ClassStudent[];
  tables: TableSummary[];
  /** Server time when sent (clients correct clock skew with it). */
  now: number;
}

export type TeacherCommand =
  | { kind: 'start' }
  | { kind: 'pause' }
  | { kind: 'resume' }
  | { kind: 'inject'; inject: string }
  /** Closes the open step now (negotiation or commit), as its clock running out would. */
  | { kind: 'advance' }
  | { kind: 'end' };

/** A student's page: where they sit and what is asked of them. */
export interface StudentInfo {
  classId: string;
  student: ClassStudent;
  code: string;
  settings: Pick<ClassSettings, 'statementRounds' | 'statementPrompt' | 'reflectionPrompts'> & { templates: string[] };
  /** The other delegations of the table (for the peer evaluation). */
  peers: string[];
  /** What this student (or their team, for statements) has handed in. */
  statements: Record<string, string>;
  reflection: string[] | null;
  peerDone: boolean;
  /** An observer's own notes, and the press's own items (empty for a delegation's student). */
  notes: ObserverNote[];
  press: PressItem[];
  /** The class's tables a press item may go to, by position (the press only; their join codes are not given). */
  tables: Array<{ index: number; name: string }>;
}

export interface PeerRating {
  delegation: string;
  score: number;
  comment: string;
}

export type StudentWork =
  | { kind: 'statement'; round: number; text: string }
  | { kind: 'reflection'; answers: string[] }
  | { kind: 'peer'; ratings: PeerRating[] }
  /** An observer's note (any time): only the teacher reads it. */
  | { kind: 'note'; text: string }
  /** A press item to one table (its position in the class) or to all (null). */
  | { kind: 'press'; id: string; text: string; table: number | null };

export interface Evidence {
  promised: number;
  kept: number;
  spansSecured: number;
  defectionsCaught: number;
}

/** Everything the teacher grades from, per student. */
export interface StudentRecord {
  student: ClassStudent;
  statements: Array<{ round: number; text: string; by: string }>;
  reflection: string[] | null;
  /** The ratings other delegations' students gave this student's delegation (teacher only). */
  peerReceived: Array<{ from: string; score: number; comment: string }>;
  evidence: Evidence | null;
  grade: { levels: Record<string, number>; comment: string } | null;
  /** What the student's delegation wrote in the table's messages (the newest 30 lines). */
  transcript: Array<{ by: string; to: string; text: string }>;
  /** An observer's notes and the press's items (empty for a delegation's student). */
  notes: ObserverNote[];
  press: PressItem[];
}

export interface ComparedTable {
  code: string;
  name: string;
  outcome: string;
  rounds: number;
  finalTension: number;
  peakTension: number;
  secured: number;
  violations: number;
  promisesKept: number | null;
  attributionCorrect: number | null;
  tension: number[];
}

export interface ClassCreated {
  id: string;
  key: string;
  links: Array<{ student: ClassStudent; token: string }>;
}

export interface ClassToServer {
  'class.create'(m: unknown, ack: (r: Ack<ClassCreated>) => void): void;
  'class.watch'(m: unknown, ack: (r: Ack<{ overview: ClassOverview }>) => void): void;
  'class.command'(m: unknown, ack: (r: Ack) => void): void;
  'class.move'(m: unknown, ack: (r: Ack) => void): void;
  /** Makes a student an observer or the press at a table (one action; a seat they held goes back to its team or the AI). */
  'class.role'(m: unknown, ack: (r: Ack) => void): void;
  'class.settings'(m: unknown, ack: (r: Ack) => void): void;
  'class.records'(m: unknown, ack: (r: Ack<{ records: StudentRecord[] }>) => void): void;
  'class.grade'(m: unknown, ack: (r: Ack) => void): void;
  'class.compare'(m: unknown, ack: (r: Ack<{ tables: ComparedTable[] }>) => void): void;
  'class.csv'(m: unknown, ack: (r: Ack<{ csv: string }>) => void): void;
  'class.delete'(m: unknown, ack: (r: Ack) => void): void;
  'class.release'(m: unknown, ack: (r: Ack) => void): void;
  'class.links'(m: unknown, ack: (r: Ack<{ links: Array<{ student: ClassStudent; token: string }> }>) => void): void;
  'student.locate'(m: unknown, ack: (r: Ack<{ info: StudentInfo }>) => void): void;
  'student.submit'(m: unknown, ack: (r: Ack) => void): void;
}

export interface ClassToClient {
  /** Tables that changed (only those), and the students when one was moved. */
  'class.update'(m: { tables: TableSummary[]; now: number; students?: ClassStudent[] }): void;
}

export type { Persona };
