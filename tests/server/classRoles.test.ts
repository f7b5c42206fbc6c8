// Roles beyond the delegations (README, "Observers and the press"): a roster line can make a
// student an observer or the press; an observer's link opens the table's public view and its
// messages to everyone, never a delegation's secret, and their notes reach the teacher (records and
// grade sheet); the press publishes news items to one table or all, held for the teacher's approval
// when the class holds messages, recorded in the table's log; the teacher moves a student to a role
// in one action.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { GameView, Scenario } from '../../src/engine';
import type { ClassCreated, ClassOverview, StudentInfo, StudentRecord, TableSummary } from '../../src/net/classProtocol';
import type { ChatLine, SyncMessage, UpdateMessage } from '../../src/net/protocol';
import { ClassDb } from '../../src/server/classDb';
import { parseRoster, placeRoles, splitClass } from '../../src/server/classPlan';
import { parseCsv } from './csv';
import { client, testServer, TEST_FACILITATOR_KEY, type TestClient } from './helpers';

const DELEGATIONS = ['iran', 'usa', 'gulf', 'israel', 'eu', 'iaea'];

type Link = ClassCreated['links'][number];

async function makeClass(url: string, roster: string, tables: number) {
  const teacher = await client(url);
  const r = await teacher.call<ClassCreated>('class.create', {
    title: 'Period 5',
    roster,
    preset: 'drill',
    tables,
    persona: { personality: 'pragmatist', difficulty: 'novice' },
    seed: 21,
    serverKey: TEST_FACILITATOR_KEY,
  });
  if (!r.ok) throw new Error(r.reason);
  return { teacher, links: r.links, auth: { id: r.id, key: r.key } };
}

/** A student opens their link: a delegation's student joins their seat, an observer or the press their table's public view. */
async function open(url: string, link: Link): Promise<{ c: TestClient; info: StudentInfo }> {
  const c = await client(url);
  const loc = await c.call<{ info: StudentInfo }>('student.locate', { token: link.token });
  if (!loc.ok) throw new Error(loc.reason);
  const as = loc.info.student.role === 'delegation' ? { kind: 'seat', token: link.token } : { kind: 'projector' };
  const j = await c.call('room.join', { code: loc.info.code, as, name: loc.info.student.name });
  if (!j.ok) throw new Error(j.reason);
  await c.until((x) => x.view !== null, 5000, 'the view');
  return { c, info: loc.info };
}

const chatLines = (c: TestClient): ChatLine[] => c.received.flatMap((m) => (m.data as Partial<SyncMessage & UpdateMessage>).messages ?? []);

/** Everything a public client received while the game ran holds no delegation's secret (docs/rules.md §9). */
function expectPublicOnly(c: TestClient, secretTexts: readonly string[]) {
  let views = 0;
  for (const v of c.views as GameView[]) {
    if (v.outcome !== null) continue;
    views++;
    expect(v.seed).toBe(0);
    for (const d of Object.values(v.delegations)) expect(d.commit).toBeNull();
    expect(v.quietDefections).toEqual([]);
    expect(Object.keys(v.funding)).toEqual([]);
    for (const inc of v.incidents) expect(inc.sponsor).toBe('hidden');
    for (const e of v.events) expect(e.audience).toBe('all');
    for (const p of v.packages) expect(['accepted', 'fulfilled', 'broken']).toContain(p.status);
  }
  expect(views).toBeGreaterThan(0);
  for (const m of c.received) {
    const d = m.data as Partial<SyncMessage & UpdateMessage>;
    expect(d.notes ?? []).toEqual([]);
    const sc: Scenario | undefined = d.scenario;
    if (sc && d.view?.outcome == null) for (const del of sc.delegations) expect(del.secretObjectives).toEqual([]);
  }
  for (const l of chatLines(c)) expect(l.to).toBe('all');
  const all = JSON.stringify(c.received.filter((m) => (m.data as Partial<SyncMessage>).view?.outcome == null));
  for (const s of secretTexts) expect(all).not.toContain(s);
}

describe('roles in the roster', () => {
  it('reads "Name: observer" and "Name: press" as roles, not team wishes, and spreads them over the tables', () => {
    const r = parseRoster('Ana\nBen: observer\nCy: Press\nDee: blue\nEd: evaluator\nFay');
    expect(r.ok && r.lines.map((l) => [l.name, l.role, l.wish])).toEqual([
      ['Ana', 'delegation', null],
      ['Ben', 'observer', null],
      ['Cy', 'press', null],
      ['Dee', 'delegation', 'blue'],
      ['Ed', 'observer', null],
      ['Fay', 'delegation', null],
    ]);
    if (!r.ok) return;
    // Only the delegations' students take seats; observers go one to a table in turn.
    expect(splitClass(r.lines, DELEGATIONS, 2).map((p) => p.student)).toEqual([0, 3, 5]);
    expect(placeRoles(r.lines, 2)).toEqual([
      { student: 1, table: 0, delegation: '' },
      { student: 2, table: 0, delegation: '' },
      { student: 4, table: 1, delegation: '' },
    ]);
  });
});

describe('an observer and the press at a class', () => {
  it('see only the public view and the messages to all, write notes the teacher grades, publish moderated news items', async () => {
    const dbFile = join(mkdtempSync(join(tmpdir(), 'interlock-roles-')), 'data.sqlite');
    const srv = await testServer({ dbFile });
    const url = srv.url;
    const { teacher, links, auth } = await makeClass(url, 'Ana\nBen\nCy\nDee\nOlu: observer\nPia: press', 2);
    const by = (name: string) => links.find((l) => l.student.name === name)!;
    const olu = by('Olu');
    const pia = by('Pia');
    expect(olu.student).toMatchObject({ role: 'observer', delegation: '' });
    expect(pia.student).toMatchObject({ role: 'press', delegation: '' });
    const table1 = olu.student.table;
    const players = links.filter((l) => l.student.role === 'delegation' && l.student.table === table1);
    expect(players.length).toBeGreaterThanOrEqual(2);
    const [a, b] = players as [Link, Link];
    const other = links.find((l) => l.student.table !== table1 && l.student.role === 'delegation')!;

    // An observer's link opens no seat; it opens the table's public channel.
    const refused = await (await client(url)).call('room.join', { code: table1, as: { kind: 'seat', token: olu.token } });
    expect(refused).toMatchObject({ ok: false, code: 'forbidden' });
    const { c: obs, info: oInfo } = await open(url, olu);
    expect(oInfo.student.role).toBe('observer');
    expect(oInfo.peers).toEqual([]);
    const { c: press, info: pInfo } = await open(url, pia);
    // The press picks a table by its place in the class: it is given no other table's join code.
    const w = await teacher.call<{ overview: ClassOverview }>('class.watch', auth);
    if (!w.ok) throw new Error(w.reason);
    const codes = w.overview.tables.map((t) => t.code);
    const updates: TableSummary[][] = [];
    teacher.socket.on('class.update', (m: { tables: TableSummary[] }) => updates.push(m.tables));
    expect(pInfo.tables).toEqual(w.overview.tables.map((t, index) => ({ index, name: t.name })));
    for (const code of codes.filter((c) => c !== pInfo.code)) expect(JSON.stringify(pInfo)).not.toContain(code);
    const { c: ca } = await open(url, a);
    const { c: cb } = await open(url, b);
    const { c: co } = await open(url, other);

    // Messages: to all reaches the observer; a private one between two delegations does not.
    const say = (c: TestClient, text: string, to: unknown) =>
      c.call('chat.send', { id: `chat-${Math.random().toString(36).slice(2)}`, to, text });
    expect(await say(ca, 'Open letter to all delegations', 'all')).toEqual({ ok: true });
    expect(await say(ca, 'Private offer: meet us halfway', [b.student.delegation])).toEqual({ ok: true });
    await obs.until((c) => chatLines(c).some((l) => l.text === 'Open letter to all delegations'), 5000, 'the public message');
    await cb.until((c) => chatLines(c).some((l) => l.text === 'Private offer: meet us halfway'), 5000, 'the private message');

    // The game runs: the teacher starts and moves the tables on; the AI plays the empty seats (and commits secretly).
    expect(await teacher.call('class.command', { ...auth, msgId: 'roles-start', table: null, command: { kind: 'start' } })).toMatchObject({
      ok: true,
    });
    const room = srv.rooms.get(table1)!;
    for (let i = 0; i < 6 && room.state.round < 2; i++) {
      await teacher.call('class.command', { ...auth, msgId: `roles-adv-${i}`, table: null, command: { kind: 'advance' } });
      await new Promise((r) => setTimeout(r, 300));
    }
    expect(room.state.round).toBeGreaterThanOrEqual(2);

    // Notes: only the observer writes them; the teacher reads them beside the grades and in the CSV.
    const submit = (c: TestClient, token: string, work: unknown) => c.call('student.submit', { token, work });
    expect(await submit(obs, olu.token, { kind: 'note', text: 'Iran kept the table talking in round 1.' })).toEqual({ ok: true });
    // The dashboard (watching since class.watch) hears of it on the table's card.
    await teacher.until(
      () =>
        updates.some((tables) =>
          tables.some(
            (t) => t.code === table1 && t.notes.some((n) => n.by === 'Olu' && n.text === 'Iran kept the table talking in round 1.'),
          ),
        ),
      5000,
      'the note on the dashboard',
    );
    expect(updates.flat().some((t) => t.code !== table1 && t.notes.length > 0)).toBe(false);
    expect(await submit(ca, a.token, { kind: 'note', text: 'a player may not' })).toMatchObject({ ok: false, code: 'refused' });
    expect(await submit(obs, olu.token, { kind: 'statement', round: 2, text: 'not mine' })).toMatchObject({ ok: false });
    expect(await submit(obs, olu.token, { kind: 'note', text: '' })).toMatchObject({ ok: false, code: 'malformed' });

    // The press: straight through when nothing is held; to one table only.
    expect(
      await submit(press, pia.token, {
        kind: 'press',
        id: 'press-item-1',
        text: 'Markets calm as talks go on',
        table: codes.indexOf(table1),
      }),
    ).toEqual({
      ok: true,
      held: false,
    });
    await ca.until((c) => chatLines(c).some((l) => l.from === 'press' && l.text === 'Markets calm as talks go on'), 5000, 'the press item');
    await obs.until((c) => chatLines(c).some((l) => l.from === 'press'), 5000, 'the press item at the observer');
    // A player does not publish, and the press hands in no statement.
    expect(await submit(ca, a.token, { kind: 'press', id: 'press-item-x', text: 'fake news', table: null })).toMatchObject({ ok: false });
    expect(await submit(press, pia.token, { kind: 'note', text: 'x' })).toMatchObject({ ok: false, code: 'refused' });

    expect(await submit(press, pia.token, { kind: 'press', id: 'press-item-y', text: 'Nowhere', table: 7 })).toMatchObject({
      ok: false,
      code: 'not-found',
    });
    // With messages held, a press item to all tables waits on each card until the teacher approves it.
    const settings = w.overview.settings;
    expect(
      await teacher.call('class.settings', { ...auth, settings: { ...settings, moderation: { ...settings.moderation, hold: true } } }),
    ).toEqual({ ok: true });
    expect(await submit(press, pia.token, { kind: 'press', id: 'press-item-2', text: 'Tanker seized, sources say', table: null })).toEqual({
      ok: true,
      held: true,
    });
    const otherRoom = srv.rooms.get(other.student.table)!;
    expect(room.held.map((l) => [l.from, l.text])).toEqual([['press', 'Tanker seized, sources say']]);
    expect(otherRoom.held).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 200));
    expect(chatLines(ca).some((l) => l.text === 'Tanker seized, sources say')).toBe(false);
    expect(await teacher.call('class.release', { ...auth, table: table1, message: room.held[0]!.id, approved: true })).toEqual({
      ok: true,
    });
    await ca.until((c) => chatLines(c).some((l) => l.text === 'Tanker seized, sources say'), 5000, 'the approved press item');
    expect(
      await teacher.call('class.release', { ...auth, table: otherRoom.code, message: otherRoom.held[0]!.id, approved: false }),
    ).toEqual({
      ok: true,
    });
    await new Promise((r) => setTimeout(r, 200));
    expect(chatLines(co).some((l) => l.text === 'Tanker seized, sources say')).toBe(false);

    // What the observer and the press received: the public view only, whatever the game did.
    const secrets = Object.values(room.state.objectives)
      .flat()
      .map((id) => room.scenario.delegations.flatMap((d) => d.secretObjectives).find((o) => o.id === id)?.text ?? '')
      .filter((t) => t.length > 0);
    expect(secrets.length).toBeGreaterThan(0);
    expectPublicOnly(obs, secrets);
    expectPublicOnly(press, secrets);
    expect(JSON.stringify(obs.received)).not.toContain('Private offer');

    // The teacher's records and grade sheet hold the note and the press items.
    const rec = await teacher.call<{ records: StudentRecord[] }>('class.records', auth);
    if (!rec.ok) throw new Error(rec.reason);
    const oluRec = rec.records.find((r) => r.student.id === olu.student.id)!;
    expect(oluRec.notes.map((n) => [n.round, n.text])).toEqual([[room.state.round, 'Iran kept the table talking in round 1.']]);
    expect(oluRec.evidence).toBeNull();
    const piaRec = rec.records.find((r) => r.student.id === pia.student.id)!;
    const name = (code: string) => w.overview.tables.find((t) => t.code === code)!.name;
    expect(piaRec.press.map((p) => [p.text, p.tables])).toEqual([
      ['Markets calm as talks go on', [name(table1)]],
      ['Tanker seized, sources say', w.overview.tables.map((t) => t.name)],
    ]);
    const csv = await teacher.call<{ csv: string }>('class.csv', auth);
    if (!csv.ok) throw new Error(csv.reason);
    const rows = parseCsv(csv.csv);
    const head = rows[0]!;
    const oluRow = rows.find((r) => r[0] === 'Olu')!;
    expect(oluRow[head.indexOf('role')]).toBe('observer');
    expect(oluRow[head.indexOf('observer_notes')]).toContain('Iran kept the table talking in round 1.');
    expect(rows.find((r) => r[0] === 'Pia')![head.indexOf('press_items')]).toBe('2');

    for (const c of [obs, press, ca, cb, co, teacher]) c.close();
    await srv.close();
    // The press items are in the tables' logs: held, released or rejected, and sent.
    const db = new Database(dbFile, { readonly: true });
    const events = db.prepare('SELECT room, kind, body FROM events ORDER BY seq').all() as Array<{
      room: string;
      kind: string;
      body: string;
    }>;
    db.close();
    const pressEvents = (code: string) =>
      events.filter((e) => e.room === code && (e.body.includes('"from":"press"') || e.kind === 'released')).map((e) => e.kind);
    expect(pressEvents(table1)).toEqual(['chat', 'held', 'released', 'chat']);
    expect(pressEvents(other.student.table)).toEqual(['held', 'released']);
  }, 60_000);

  it('the teacher makes a student an observer or the press in one action; their seat closes to their link', async () => {
    const srv = await testServer();
    const { teacher, links, auth } = await makeClass(srv.url, 'Ana\nBen\nCy\nDee', 2);
    const mover = links[0]!;
    const { c: before } = await open(srv.url, mover);
    const to = links[1]!.student.table;
    expect(await teacher.call('class.role', { ...auth, student: mover.student.id, role: 'observer', table: to })).toEqual({ ok: true });
    await before.until((x) => x.sync?.role.kind === 'lobby', 5000, 'the seat to be left');
    expect(srv.rooms.get(mover.student.table)!.seatOf(mover.token)).toBeNull();
    const { info } = await open(srv.url, mover);
    expect(info.student).toMatchObject({ role: 'observer', table: to, delegation: '' });
    // A wrong role or table is refused with a reason; moving them to a seat makes them a player again.
    expect(await teacher.call('class.role', { ...auth, student: mover.student.id, role: 'judge', table: to })).toMatchObject({
      ok: false,
      code: 'malformed',
    });
    expect(await teacher.call('class.role', { ...auth, student: mover.student.id, role: 'press', table: 'ZZZZZZZZ' })).toMatchObject({
      ok: false,
      code: 'not-found',
    });
    expect(
      await teacher.call('class.move', { ...auth, student: mover.student.id, table: to, delegation: links[1]!.student.delegation }),
    ).toEqual({ ok: true });
    const back = await open(srv.url, mover);
    expect(back.info.student.role).toBe('delegation');
    expect(back.c.sync?.role).toEqual({ kind: 'seat', delegation: links[1]!.student.delegation });
    for (const c of [before, back.c, teacher]) c.close();
    await srv.close();
  }, 30_000);
});

describe('a data file written before roles', () => {
  it('is read with every student a delegation’s, and takes roles from then on', () => {
    const db = new Database(':memory:');
    // class_students as it was: no role column.
    db.exec(`CREATE TABLE classes (id TEXT PRIMARY KEY, created_at INTEGER NOT NULL, key_hash TEXT NOT NULL, preset TEXT NOT NULL, settings TEXT NOT NULL);
      CREATE TABLE class_students (class TEXT NOT NULL, id TEXT NOT NULL, name TEXT NOT NULL, room TEXT NOT NULL, delegation TEXT NOT NULL,
        token_hash TEXT NOT NULL UNIQUE, position INTEGER NOT NULL, PRIMARY KEY (class, id));
      INSERT INTO classes VALUES ('c1', 1, 'h', 'drill', '{}');
      INSERT INTO class_students VALUES ('c1', 's1', 'Ana', 'ROOM2345', 'iran', 't1', 0);`);
    const classes = new ClassDb(db);
    expect(classes.students('c1')).toEqual([
      { id: 's1', name: 'Ana', room: 'ROOM2345', delegation: 'iran', tokenHash: 't1', role: 'delegation' },
    ]);
    classes.moveStudent('c1', 's1', 'ROOM2345', '', 'observer');
    expect(classes.students('c1')[0]).toMatchObject({ delegation: '', role: 'observer' });
    db.close();
  });
});
