// Classes on a real server (README, "Running a graded class"): a roster made into tables with
// personal links, a student's link opening their own seat and nothing else, a student moved with
// one action, statements timed with the rounds, confidential peer evaluations, grades and the
// CSV, the dashboard's live picture, and the class deleted with all it stored.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ClassCreated, ClassOverview, StudentInfo, StudentRecord, TableSummary } from '../../src/net/classProtocol';
import { parseCsv } from './csv';
import { client, testServer, TEST_FACILITATOR_KEY, withTestServer, type TestClient } from './helpers';

const server = withTestServer();

const roster = (n: number) => Array.from({ length: n }, (_, i) => `Student ${i + 1}`).join('\n');

async function makeClass(url: string, n: number, extra: Record<string, unknown> = {}) {
  const teacher = await client(url);
  const r = await teacher.call<ClassCreated>('class.create', {
    title: 'Period 3',
    roster: roster(n),
    preset: 'drill',
    persona: { personality: 'pragmatist', difficulty: 'novice' },
    seed: 11,
    serverKey: TEST_FACILITATOR_KEY,
    ...extra,
  });
  if (!r.ok) throw new Error(r.reason);
  return { teacher, ...r, auth: { id: r.id, key: r.key } };
}

async function studentJoin(url: string, token: string): Promise<{ c: TestClient; info: StudentInfo }> {
  const c = await client(url);
  const loc = await c.call<{ info: StudentInfo }>('student.locate', { token });
  if (!loc.ok) throw new Error(loc.reason);
  const j = await c.call('room.join', { code: loc.info.code, as: { kind: 'seat', token }, name: loc.info.student.name });
  if (!j.ok) throw new Error(j.reason);
  await c.until((x) => x.view !== null, 5000, 'the seat view');
  return { c, info: loc.info };
}

describe('a class made in one step', () => {
  it('splits 30 students into 5 tables of one student a seat, each with a personal link that opens that seat at once', async () => {
    const { teacher, links, auth } = await makeClass(server().url, 30);
    const w = await teacher.call<{ overview: ClassOverview }>('class.watch', auth);
    if (!w.ok) throw new Error(w.reason);
    expect(w.overview.tables).toHaveLength(5);
    expect(links).toHaveLength(30);
    expect(new Set(links.map((l) => l.token)).size).toBe(30);
    for (const t of w.overview.tables) expect(t.seats.every((s) => s.mode === 'human' && s.students.length === 1)).toBe(true);
    const first = links[0]!;
    const { c, info } = await studentJoin(server().url, first.token);
    expect(info.student.name).toBe('Student 1');
    // Their own seat's view: the server says which delegation it is, and hides the others' secrets.
    expect(c.sync?.role).toEqual({ kind: 'seat', delegation: first.student.delegation });
    expect(c.view?.viewer).toEqual({ kind: 'delegation', id: first.student.delegation });
    c.close();
    teacher.close();
  });

  it('fills the empty seats with the AI persona chosen, and refuses a wrong key or a malformed roster', async () => {
    const { teacher, auth } = await makeClass(server().url, 4, { tables: 1, persona: { personality: 'hawk', difficulty: 'expert' } });
    const w = await teacher.call<{ overview: ClassOverview }>('class.watch', auth);
    if (!w.ok) throw new Error(w.reason);
    const seats = w.overview.tables[0]!.seats;
    expect(seats.filter((s) => s.mode === 'human')).toHaveLength(4);
    expect(seats.filter((s) => s.mode === 'open')).toHaveLength(2);
    const room = server().rooms.get(w.overview.tables[0]!.code)!;
    const open = seats.find((s) => s.mode === 'open')!.delegation;
    expect(room.personaOf(open)).toEqual({ personality: 'hawk', difficulty: 'expert' });
    expect(await teacher.call('class.watch', { id: auth.id, key: 'x'.repeat(40) })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await teacher.call('class.create', { title: 'x', roster: 5, preset: 'drill', persona: {} })).toMatchObject({
      ok: false,
      code: 'malformed',
    });
    expect(await teacher.call('student.locate', { token: 'y'.repeat(43) })).toMatchObject({ ok: false, code: 'forbidden' });
    teacher.close();
  });

  it('moves a late student to another table in one action: the old seat is closed to their link, the new one opens', async () => {
    const { teacher, links, auth } = await makeClass(server().url, 8, { tables: 2 });
    const mover = links[0]!;
    const { c: before } = await studentJoin(server().url, mover.token);
    const target = links.find((l) => l.student.table !== mover.student.table)!;
    const r = await teacher.call('class.move', {
      ...auth,
      student: mover.student.id,
      table: target.student.table,
      delegation: target.student.delegation,
    });
    expect(r).toEqual({ ok: true });
    await before.until((x) => x.sync?.role.kind === 'lobby', 5000, 'the old seat to be left');
    const { c: after, info } = await studentJoin(server().url, mover.token);
    expect(info.code).toBe(target.student.table);
    expect(after.sync?.role).toEqual({ kind: 'seat', delegation: target.student.delegation });
    before.close();
    after.close();
    teacher.close();
  });
});

describe('assessment tied to play', () => {
  it('takes statements in the chosen round, reflections and peer evaluations at the end; peer evaluations reach the teacher only', async () => {
    const { teacher, links, auth } = await makeClass(server().url, 3, { tables: 1 });
    const [a, b] = links as [ClassCreated['links'][0], ClassCreated['links'][0]];
    const { c: ca } = await studentJoin(server().url, a.token);
    const { c: cb, info: ib } = await studentJoin(server().url, b.token);
    const submit = (token: string, work: unknown) => teacher.call('student.submit', { token, work });
    expect(await teacher.call('class.command', { ...auth, msgId: 'cmd-start-1', table: null, command: { kind: 'start' } })).toMatchObject({
      ok: true,
    });
    await ca.until((x) => x.view?.round === 1 && x.view.step === 'negotiation', 10_000, 'round 1');
    expect(await submit(a.token, { kind: 'statement', round: 2, text: 'We want inspections.' })).toMatchObject({
      ok: false,
      code: 'refused',
    });
    // The teacher closes steps until round 2 opens.
    for (let i = 0; i < 6 && ca.view?.round !== 2; i++) {
      await teacher.call('class.command', { ...auth, msgId: `cmd-adv-${i}-x`, table: null, command: { kind: 'advance' } });
      await new Promise((r) => setTimeout(r, 300));
    }
    await ca.until((x) => x.view?.round === 2, 10_000, 'round 2');
    expect(await submit(a.token, { kind: 'statement', round: 2, text: 'We want inspections.' })).toEqual({ ok: true });
    expect(await submit(a.token, { kind: 'reflection', answers: ['a', 'b', 'c', 'd', 'e'] })).toMatchObject({ ok: false });
    expect(await teacher.call('class.command', { ...auth, msgId: 'cmd-end-1', table: null, command: { kind: 'end' } })).toMatchObject({
      ok: true,
    });
    await ca.until((x) => x.view?.outcome !== null, 10_000, 'the end');
    expect(await submit(a.token, { kind: 'reflection', answers: ['r1', 'r2', 'r3', 'r4', 'r5'] })).toEqual({ ok: true });
    const secret = 'CONFIDENTIAL-RATING-TEXT';
    expect(await submit(a.token, { kind: 'peer', ratings: [{ delegation: a.student.delegation, score: 5, comment: 'me' }] })).toMatchObject(
      {
        ok: false,
      },
    );
    expect(await submit(a.token, { kind: 'peer', ratings: [{ delegation: b.student.delegation, score: 2, comment: secret }] })).toEqual({
      ok: true,
    });
    // B rates too; neither B's page nor anything sent to a student carries A's rating.
    expect(ib.peers).toContain(a.student.delegation);
    const locB = await cb.call<{ info: StudentInfo }>('student.locate', { token: b.token });
    const locA = await ca.call<{ info: StudentInfo }>('student.locate', { token: a.token });
    expect(locA.ok && locA.info.peerDone).toBe(true);
    for (const text of [JSON.stringify(locB), JSON.stringify(locA), JSON.stringify(ca.received), JSON.stringify(cb.received)])
      expect(text).not.toContain(secret);
    const rec = await teacher.call<{ records: StudentRecord[] }>('class.records', auth);
    if (!rec.ok) throw new Error(rec.reason);
    const recB = rec.records.find((r) => r.student.id === b.student.id)!;
    expect(recB.peerReceived).toEqual([{ from: a.student.name, score: 2, comment: secret }]);
    const recA = rec.records.find((r) => r.student.id === a.student.id)!;
    expect(recA.statements).toEqual([{ round: 2, text: 'We want inspections.', by: a.student.name }]);
    expect(recA.reflection).toEqual(['r1', 'r2', 'r3', 'r4', 'r5']);
    expect(recA.evidence).toMatchObject({ promised: expect.any(Number), kept: expect.any(Number) });
    // The rubric filled for A, then the grade sheet: one row per student, the rubric's columns.
    expect(
      await teacher.call('class.grade', { ...auth, student: a.student.id, levels: { preparation: 3, reflection: 2 }, comment: '=cmd|x' }),
    ).toEqual({
      ok: true,
    });
    expect(await teacher.call('class.grade', { ...auth, student: a.student.id, levels: { nope: 1 }, comment: '' })).toMatchObject({
      ok: false,
    });
    const csv = await teacher.call<{ csv: string }>('class.csv', auth);
    if (!csv.ok) throw new Error(csv.reason);
    const rows = parseCsv(csv.csv);
    expect(rows[0]).toEqual(expect.arrayContaining(['student', 'Preparation and position', 'Reflection', 'total', 'peer_mean']));
    expect(rows).toHaveLength(1 + 3);
    const rowA = rows.find((r) => r[0] === a.student.name)!;
    const col = (name: string) => rowA[rows[0]!.indexOf(name)];
    expect(col('Preparation and position')).toBe('4');
    expect(col('Reflection')).toBe('3');
    expect(col('total')).toBe('7');
    expect(col('comment')).toBe("'=cmd|x");
    // The comparison of the tables, from the server.
    const cmp = await teacher.call<{ tables: Array<{ outcome: string; tension: number[] }> }>('class.compare', auth);
    expect(cmp.ok && cmp.tables[0]!.outcome).toBe('drift');
    ca.close();
    cb.close();
    teacher.close();
  }, 60_000);
});

describe('the dashboard', () => {
  it('hears of a table’s change within a second, and deleting the class deletes its rooms and its work', async () => {
    const { teacher, links, auth } = await makeClass(server().url, 12, { tables: 2 });
    const w = await teacher.call<{ overview: ClassOverview }>('class.watch', auth);
    if (!w.ok) throw new Error(w.reason);
    const updates: Array<{ at: number; tables: TableSummary[] }> = [];
    teacher.socket.on('class.update', (m: { tables: TableSummary[] }) => updates.push({ at: Date.now(), tables: m.tables }));
    const t0 = Date.now();
    await teacher.call('class.command', {
      ...auth,
      msgId: 'cmd-start-dash',
      table: w.overview.tables[1]!.code,
      command: { kind: 'start' },
    });
    await teacher.until(
      () => updates.some((u) => u.tables.some((t) => t.code === w.overview.tables[1]!.code && t.started)),
      2000,
      'the update',
    );
    const seen = updates.find((u) => u.tables.some((t) => t.started))!;
    expect(seen.at - t0).toBeLessThan(1000);
    expect(updates.flatMap((u) => u.tables).some((t) => t.code === w.overview.tables[0]!.code && t.started)).toBe(false);
    const codes = w.overview.tables.map((t) => t.code);
    expect(await teacher.call('class.delete', auth)).toEqual({ ok: true });
    for (const code of codes) expect(server().rooms.get(code)).toBeUndefined();
    expect(await teacher.call('student.locate', { token: links[0]!.token })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await teacher.call('class.watch', auth)).toMatchObject({ ok: false, code: 'forbidden' });
    teacher.close();
  });
});

describe('a class in the data file', () => {
  it('comes back after a restart: its tables, its students’ links and their work', async () => {
    const dbFile = join(mkdtempSync(join(tmpdir(), 'interlock-class-')), 'data.sqlite');
    let srv = await testServer({ dbFile });
    const { teacher, links, auth } = await makeClass(srv.url, 6, { tables: 1 });
    teacher.close();
    await srv.close();
    srv = await testServer({ dbFile });
    try {
      const c = await client(srv.url);
      const loc = await c.call<{ info: StudentInfo }>('student.locate', { token: links[2]!.token });
      expect(loc.ok && loc.info.student.name).toBe('Student 3');
      const w = await c.call<{ overview: ClassOverview }>('class.watch', auth);
      expect(w.ok && w.overview.tables[0]!.seats.filter((s) => s.mode === 'human')).toHaveLength(6);
      c.close();
    } finally {
      await srv.close();
    }
  }, 60_000);
});
