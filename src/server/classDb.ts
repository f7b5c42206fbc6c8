// The classes in the server's data file, beside the rooms (db.ts owns the file and its version):
// a class, its tables (room codes), its students (the hash of each one's seat token) and their
// written work and grades, one row per piece of work so a second hand-in replaces the first.
import type Database from 'better-sqlite3';
import type { StudentRole } from '../net/classProtocol';

export const CLASS_SCHEMA = `
  CREATE TABLE IF NOT EXISTS classes (
    id TEXT PRIMARY KEY,
    created_at INTEGER NOT NULL,
    key_hash TEXT NOT NULL,
    preset TEXT NOT NULL,
    settings TEXT NOT NULL
  );
  CREATE TABLE IF NOT EXISTS class_tables (
    class TEXT NOT NULL REFERENCES classes(id) ON DELETE CASCADE,
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    position INTEGER NOT NULL,
    PRIMARY KEY (class, code)
  );
  CREATE TABLE IF NOT EXISTS class_students (
    class TEXT NOT NULL REFERENCES classes(id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    name TEXT NOT NULL,
    room TEXT NOT NULL,
    delegation TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    position INTEGER NOT NULL,
    role TEXT NOT NULL DEFAULT 'delegation',
    PRIMARY KEY (class, id)
  );
  CREATE TABLE IF NOT EXISTS class_work (
    class TEXT NOT NULL REFERENCES classes(id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    student TEXT NOT NULL,
    kind TEXT NOT NULL,
    body TEXT NOT NULL,
    at INTEGER NOT NULL,
    PRIMARY KEY (class, key)
  );
`;

export interface ClassRow {
  id: string;
  createdAt: number;
  keyHash: string;
  preset: string;
  settings: string;
}
export interface TableRow {
  code: string;
  name: string;
}
export interface StudentRow {
  id: string;
  name: string;
  room: string;
  delegation: string;
  tokenHash: string;
  role: StudentRole;
}
export interface WorkRow {
  key: string;
  student: string;
  kind: string;
  body: unknown;
  at: number;
}

export class ClassDb {
  constructor(private readonly db: Database.Database) {
    // Files written before roles beyond the delegations: every student played a delegation.
    const columns = this.db.prepare('PRAGMA table_info(class_students)').all() as Array<{ name: string }>;
    if (!columns.some((c) => c.name === 'role'))
      this.db.exec("ALTER TABLE class_students ADD COLUMN role TEXT NOT NULL DEFAULT 'delegation'");
  }

  create(c: ClassRow, tables: TableRow[], students: StudentRow[]) {
    this.db.transaction(() => {
      this.db
        .prepare('INSERT INTO classes (id, created_at, key_hash, preset, settings) VALUES (?, ?, ?, ?, ?)')
        .run(c.id, c.createdAt, c.keyHash, c.preset, c.settings);
      const t = this.db.prepare('INSERT INTO class_tables (class, code, name, position) VALUES (?, ?, ?, ?)');
      tables.forEach((row, i) => t.run(c.id, row.code, row.name, i));
      const s = this.db.prepare(
        'INSERT INTO class_students (class, id, name, room, delegation, token_hash, position, role) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      );
      students.forEach((row, i) => s.run(c.id, row.id, row.name, row.room, row.delegation, row.tokenHash, i, row.role));
    })();
  }

  all(): ClassRow[] {
    return this.db
      .prepare('SELECT id, created_at AS createdAt, key_hash AS keyHash, preset, settings FROM classes ORDER BY created_at')
      .all() as ClassRow[];
  }

  tables(id: string): TableRow[] {
    return this.db.prepare('SELECT code, name FROM class_tables WHERE class = ? ORDER BY position').all(id) as TableRow[];
  }

  students(id: string): StudentRow[] {
    return this.db
      .prepare('SELECT id, name, room, delegation, token_hash AS tokenHash, role FROM class_students WHERE class = ? ORDER BY position')
      .all(id) as StudentRow[];
  }

  moveStudent(id: string, student: string, room: string, delegation: string, role: StudentRole) {
    this.db
      .prepare('UPDATE class_students SET room = ?, delegation = ?, role = ? WHERE class = ? AND id = ?')
      .run(room, delegation, role, id, student);
  }

  saveSettings(id: string, settings: string) {
    this.db.prepare('UPDATE classes SET settings = ? WHERE id = ?').run(settings, id);
  }

  putWork(id: string, w: WorkRow) {
    this.db
      .prepare(
        'INSERT INTO class_work (class, key, student, kind, body, at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (class, key) DO UPDATE SET student = excluded.student, body = excluded.body, at = excluded.at',
      )
      .run(id, w.key, w.student, w.kind, JSON.stringify(w.body), w.at);
  }

  work(id: string): WorkRow[] {
    const rows = this.db.prepare('SELECT key, student, kind, body, at FROM class_work WHERE class = ? ORDER BY at').all(id) as Array<
      Omit<WorkRow, 'body'> & { body: string }
    >;
    return rows.map((r) => ({ ...r, body: JSON.parse(r.body) as unknown }));
  }

  /** Deletes the class and everything written in it (its rooms are deleted by the caller). */
  delete(id: string) {
    this.db.prepare('DELETE FROM classes WHERE id = ?').run(id);
  }
}
