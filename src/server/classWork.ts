// What students hand in and what the teacher grades: position statements at the chosen rounds
// (one per team, during that round), reflections and the confidential peer evaluation once the
// table's game is over, and the rubric's levels. Peer evaluations reach the teacher only.
import type {
  ObserverNote,
  PeerRating,
  PressItem,
  StudentInfo,
  StudentRecord,
  StudentRole,
  StudentWork,
  TableSummary,
} from '../net/classProtocol';
import type { Ack } from '../net/protocol';
import type { StudentRow, WorkRow } from './classDb';
import { publicStudent, type ClassEntry, type Classes } from './classes';
import { delegationEvidence, tableGame } from './classSummary';

const refused = (reason: string): Ack<never> => ({ ok: false, code: 'refused', reason });

/** An observer's notes in one class: enough for a lesson over days, not a store for anything else. */
const MAX_NOTES = 300;

/** What each role hands in. */
const WORK_OF: Record<StudentRole, ReadonlyArray<StudentWork['kind']>> = {
  delegation: ['statement', 'reflection', 'peer'],
  observer: ['note'],
  press: ['press'],
};
const ROLE_WORDS: Record<StudentRole, string> = {
  delegation: 'a delegation’s student hands in statements, reflections and peer evaluations',
  observer: 'an observer writes notes for the teacher',
  press: 'the press publishes news items',
};
const WORK_WORDS: Record<StudentWork['kind'], string> = {
  statement: 'a position statement',
  reflection: 'a reflection',
  peer: 'a peer evaluation',
  note: 'an observer’s note',
  press: 'a news item',
};

const statementKey = (room: string, delegation: string, round: number) => `statement:${room}:${delegation}:${round}`;

/** Delegations of the student's table that other students play (whose negotiators can be rated). */
function peersOf(c: ClassEntry, s: StudentRow): string[] {
  if (s.role !== 'delegation') return [];
  const ds = new Set(
    c.students.filter((x) => x.role === 'delegation' && x.room === s.room && x.delegation !== s.delegation).map((x) => x.delegation),
  );
  return [...ds].sort();
}

/** An observer's notes and the press's items, from the class's work rows, oldest first. */
function notesOf(work: readonly WorkRow[], s: StudentRow): ObserverNote[] {
  return work.filter((w) => w.kind === 'note' && w.student === s.id).map((w) => w.body as ObserverNote);
}
function pressOf(work: readonly WorkRow[], s: StudentRow): PressItem[] {
  return work.filter((w) => w.kind === 'press' && w.student === s.id).map((w) => w.body as PressItem);
}

/** The observers' newest notes per table (by the table's code where each was written), for the dashboard's cards. */
export function tableNotes(classes: Classes, c: ClassEntry, newest = 5): Map<string, TableSummary['notes']> {
  const out = new Map<string, TableSummary['notes']>();
  for (const w of classes.db.work(c.row.id)) {
    if (w.kind !== 'note') continue;
    const n = w.body as ObserverNote;
    const list = out.get(n.table) ?? [];
    list.push({ by: c.students.find((s) => s.id === w.student)?.name ?? '', round: n.round, text: n.text });
    out.set(n.table, list.slice(-newest));
  }
  return out;
}

export function studentInfo(classes: Classes, c: ClassEntry, s: StudentRow): StudentInfo {
  const work = classes.db.work(c.row.id);
  const statements: Record<string, string> = {};
  for (const w of work)
    if (w.kind === 'statement' && w.key.startsWith(`statement:${s.room}:${s.delegation}:`))
      statements[w.key.split(':')[3]!] = (w.body as { text: string }).text;
  const reflection = work.find((w) => w.key === `reflection:${s.id}`);
  return {
    classId: c.row.id,
    student: publicStudent(c, s),
    code: s.room,
    settings: {
      statementRounds: c.settings.statementRounds,
      statementPrompt: c.settings.statementPrompt,
      reflectionPrompts: c.settings.reflectionPrompts,
      templates: c.settings.moderation.templates,
    },
    peers: peersOf(c, s),
    statements,
    reflection: reflection ? (reflection.body as { answers: string[] }).answers : null,
    // Only whether it was handed in: what anyone rated stays with the teacher.
    peerDone: work.some((w) => w.key === `peer:${s.id}`),
    notes: notesOf(work, s),
    press: pressOf(work, s),
    tables: s.role === 'press' ? c.tables.map((t, index) => ({ index, name: t.name })) : [],
  };
}

export function submitWork(classes: Classes, c: ClassEntry, s: StudentRow, w: StudentWork, now: number): Ack<{ held?: boolean }> {
  const room = classes.room(s.room);
  if (!room) return refused('your table is closed');
  const st = room.state;
  if (!WORK_OF[s.role].includes(w.kind)) return refused(`${ROLE_WORDS[s.role]}: not ${WORK_WORDS[w.kind]}`);
  switch (w.kind) {
    case 'note': {
      const text = w.text.trim();
      if (!text) return refused('an empty note');
      const n = classes.db.work(c.row.id).filter((x) => x.kind === 'note' && x.student === s.id).length;
      if (n >= MAX_NOTES) return refused(`at most ${MAX_NOTES} notes: ask your teacher`);
      const note: ObserverNote = { at: now, table: s.room, round: st.round, text };
      classes.db.putWork(c.row.id, { key: `note:${s.id}:${n + 1}`, student: s.id, kind: 'note', body: note, at: now });
      return { ok: true };
    }
    case 'press': {
      const r = classes.publish(c, s, w.id, w.text, w.table);
      if (!r.ok) return r;
      const names = r.tables.map((code) => c.tables.find((t) => t.code === code)?.name ?? code);
      const item: PressItem = { id: w.id, at: now, tables: names, text: w.text.trim() };
      classes.db.putWork(c.row.id, { key: `press:${s.id}:${w.id}`, student: s.id, kind: 'press', body: item, at: now });
      return { ok: true, held: r.held };
    }
    case 'statement': {
      if (!c.settings.statementRounds.includes(w.round)) return refused(`no statement is asked for in round ${w.round}`);
      if (!room.started || st.outcome !== null || st.round !== w.round)
        return refused(`the statement of round ${w.round} is written during round ${w.round}`);
      const text = w.text.trim();
      if (!text) return refused('an empty statement');
      classes.db.putWork(c.row.id, {
        key: statementKey(s.room, s.delegation, w.round),
        student: s.id,
        kind: 'statement',
        body: { text, by: s.name, step: st.step },
        at: now,
      });
      return { ok: true };
    }
    case 'reflection': {
      if (st.outcome === null) return refused('reflections open when your table’s game is over');
      if (w.answers.length !== c.settings.reflectionPrompts.length)
        return refused(`${c.settings.reflectionPrompts.length} answers, one for each prompt`);
      classes.db.putWork(c.row.id, {
        key: `reflection:${s.id}`,
        student: s.id,
        kind: 'reflection',
        body: { answers: w.answers.map((a) => a.trim()) },
        at: now,
      });
      return { ok: true };
    }
    case 'peer': {
      if (st.outcome === null) return refused('the peer evaluation opens when your table’s game is over');
      const peers = new Set(peersOf(c, s));
      const wrong = w.ratings.find((r) => !peers.has(r.delegation));
      if (wrong) return refused(`"${wrong.delegation}" is not another delegation of your table played by students`);
      if (new Set(w.ratings.map((r) => r.delegation)).size !== w.ratings.length) return refused('one rating for each delegation');
      classes.db.putWork(c.row.id, { key: `peer:${s.id}`, student: s.id, kind: 'peer', body: { ratings: w.ratings }, at: now });
      return { ok: true };
    }
  }
}

export function setGrade(
  classes: Classes,
  c: ClassEntry,
  studentId: string,
  levels: Record<string, number>,
  comment: string,
  now: number,
): Ack {
  if (!c.students.some((s) => s.id === studentId)) return { ok: false, code: 'not-found', reason: 'no such student in this class' };
  for (const [criterion, level] of Object.entries(levels)) {
    const crit = c.settings.rubric.find((r) => r.id === criterion);
    if (!crit) return refused(`no criterion "${criterion}" in the rubric`);
    if (!crit.levels[level]) return refused(`no level ${level + 1} for "${crit.name}"`);
  }
  classes.db.putWork(c.row.id, { key: `grade:${studentId}`, student: studentId, kind: 'grade', body: { levels, comment }, at: now });
  return { ok: true };
}

/** Everything the teacher grades from, one record per student (teacher only: it holds the peer evaluations). */
export function records(classes: Classes, c: ClassEntry): StudentRecord[] {
  const work = classes.db.work(c.row.id);
  const byKey = new Map<string, WorkRow>(work.map((w) => [w.key, w]));
  const peers = work.filter((w) => w.kind === 'peer');
  const name = (code: string) => c.tables.find((t) => t.code === code)?.name ?? code;
  return c.students.map((s) => {
    const room = classes.room(s.room);
    const statements = work
      .filter((w) => w.kind === 'statement' && w.key.startsWith(`statement:${s.room}:${s.delegation}:`))
      .map((w) => ({ round: Number(w.key.split(':')[3]), ...(w.body as { text: string; by: string }) }))
      .map(({ round, text, by }) => ({ round, text, by }));
    const received: StudentRecord['peerReceived'] = [];
    for (const p of peers) {
      const from = c.students.find((x) => x.id === p.student);
      if (!from || from.room !== s.room) continue;
      for (const r of (p.body as { ratings: PeerRating[] }).ratings)
        if (r.delegation === s.delegation) received.push({ from: from.name, score: r.score, comment: r.comment });
    }
    const reflection = byKey.get(`reflection:${s.id}`);
    const grade = byKey.get(`grade:${s.id}`);
    return {
      student: publicStudent(c, s),
      statements,
      reflection: reflection ? (reflection.body as { answers: string[] }).answers : null,
      peerReceived: received,
      evidence: room && s.role === 'delegation' ? delegationEvidence(tableGame(room, name(s.room)), s.delegation) : null,
      grade: grade ? (grade.body as { levels: Record<string, number>; comment: string }) : null,
      transcript: room
        ? room.chat
            .filter((l) => (s.role === 'press' ? l.from === 'press' && l.by === s.name : l.from === s.delegation))
            .slice(-30)
            .map((l) => ({ by: l.by, to: Array.isArray(l.to) ? l.to.join(', ') : l.to, text: l.text }))
        : [],
      notes: notesOf(work, s),
      press: pressOf(work, s),
    };
  });
}
