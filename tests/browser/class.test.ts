// A graded class in Chromium (README, "Running a graded class, step by step"): a teacher pastes a
// roster and gets running tables with personal links in a few actions; students open their links,
// write a position statement in round 2, and at the end a reflection and a confidential peer
// evaluation; the teacher fills the rubric and downloads the grade sheet, which parses as CSV. An
// observer writes a note the teacher reads; a press item waits for the teacher's approval, then
// reaches a table.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../server/csv';
import { axe } from './axe';
import { serverPages } from './harness';
import { closeOverlays } from './play';

const SHOTS = process.env.INTERLOCK_SHOTS ?? null;
const served = serverPages('class');
const errors = served.errors;

const page = (url = served.srv.url, size = { width: 1366, height: 768 }): Promise<Page> => served.open({ url, size, downloads: true });

const names = (n: number) =>
  Array.from({ length: n }, (_, i) => `Pupil ${String.fromCharCode(65 + (i % 26))}${i >= 26 ? i : ''}`).join('\n');

async function links(teacher: Page): Promise<Array<{ name: string; url: string }>> {
  const rows = teacher.locator('table.class-list tbody tr');
  const out: Array<{ name: string; url: string }> = [];
  for (let i = 0; i < (await rows.count()); i++) {
    const row = rows.nth(i);
    out.push({ name: (await row.locator('th').textContent()) ?? '', url: await row.locator('input.link').inputValue() });
  }
  return out;
}

describe('a graded class in the browser', () => {
  it('from a pasted roster of 30 names to 5 running tables with links in at most 6 actions', async () => {
    const teacher = await page();
    const t0 = Date.now();
    let actions = 0;
    const act = async (f: () => Promise<void>) => {
      actions++;
      await f();
    };
    await act(() => teacher.getByRole('button', { name: 'Set up a class' }).click());
    await act(() => teacher.getByLabel('Roster: one student a line').fill(names(30)));
    await teacher.getByText('30 students → 5 tables').waitFor();
    await act(() => teacher.getByRole('button', { name: 'Create the class' }).click());
    await teacher.getByRole('heading', { name: 'Students and their links' }).waitFor();
    await act(() => teacher.getByRole('tab', { name: 'Tables' }).click());
    await act(() => teacher.getByRole('button', { name: 'Start all tables' }).click());
    await expect
      .poll(() => teacher.locator('.class-table .class-state', { hasText: /^round 1 of 4/ }).count(), { timeout: 20_000 })
      .toBe(5);
    expect(actions).toBeLessThanOrEqual(6);
    if (SHOTS)
      for (const size of [
        { width: 1024, height: 768 },
        { width: 1366, height: 768 },
        { width: 1920, height: 1080 },
      ]) {
        await teacher.setViewportSize(size);
        await teacher.screenshot({ path: join(SHOTS, `class-tables-${size.width}.png`) });
      }
    // The teacher's own time, from the first click to five running tables (the server's work included).
    expect(Date.now() - t0).toBeLessThan(60_000);
    await teacher.getByRole('tab', { name: 'Students and links' }).click();
    const l = await links(teacher);
    expect(l).toHaveLength(30);
    expect(new Set(l.map((x) => x.url)).size).toBe(30);
    if (SHOTS) await teacher.screenshot({ path: join(SHOTS, 'class-links.png') });
    await teacher.context().close();
  }, 120_000);

  it('runs a graded class: 3 tables, statements in round 2, reflections and peer evaluation at the end, the rubric, the CSV', async () => {
    const teacher = await page();
    await teacher.getByRole('button', { name: 'Set up a class' }).click();
    if (SHOTS) await teacher.screenshot({ path: join(SHOTS, 'class-setup-empty.png') });
    await teacher.getByLabel('Class name').fill('Period 4');
    await teacher.getByLabel('Roster: one student a line').fill('Ana Silva: blue\nBen Okafor\nChen Li\nDara Novak\nEli Haddad\nFay Moreau');
    await teacher.getByLabel('Lesson length').selectOption('drill');
    await teacher.getByLabel('Tables').fill('3');
    await teacher.getByText('6 students → 3 tables').waitFor();
    if (SHOTS) await teacher.screenshot({ path: join(SHOTS, 'class-setup.png') });
    await teacher.getByRole('button', { name: 'Create the class' }).click();
    await teacher.getByRole('heading', { name: 'Students and their links' }).waitFor();
    const l = await links(teacher);
    expect(l).toHaveLength(6);
    // Ana and Dara share Table 1 (the split puts students 1 and 4 at the first table).
    const tableOf = async (name: string) =>
      (await teacher
        .locator('table.class-list tbody tr', { has: teacher.getByRole('rowheader', { name }) })
        .locator('td')
        .first()
        .textContent()) ?? '';
    const anaTable = await tableOf('Ana Silva');
    const mate = l.find((x) => x.name !== 'Ana Silva' && x.name !== '')!;
    const mates = [];
    for (const x of l) if (x.name !== 'Ana Silva' && (await tableOf(x.name)) === anaTable) mates.push(x);
    expect(mates.length).toBeGreaterThan(0);
    const ana = await page(l.find((x) => x.name === 'Ana Silva')!.url);
    const other = await page(mates[0]!.url ?? mate.url);
    for (const p of [ana, other])
      await p
        .getByRole('tab', { name: 'Negotiate' })
        .waitFor({ timeout: 40_000 })
        .catch(async (err: Error) => {
          if (SHOTS) await p.screenshot({ path: join(SHOTS, 'class-student-failed.png') });
          throw err;
        });

    await teacher.getByRole('tab', { name: 'Tables' }).click();
    await teacher.getByRole('button', { name: 'Start all tables' }).click();
    const state1 = teacher.locator('.class-table', { has: teacher.getByRole('heading', { name: anaTable }) }).locator('.class-state');
    await expect.poll(() => state1.textContent(), { timeout: 20_000 }).toMatch(/^round 1 of 3/);
    // The teacher moves every table on to round 2.
    for (let i = 0; i < 8 && !/^round 2/.test((await state1.textContent()) ?? ''); i++) {
      await teacher.getByRole('button', { name: 'Next step at all tables' }).click();
      await teacher.waitForTimeout(800);
    }
    await expect.poll(() => state1.textContent(), { timeout: 20_000 }).toMatch(/^round 2 of 3/);
    if (SHOTS) await teacher.screenshot({ path: join(SHOTS, 'class-dashboard.png') });

    // Round 2: Ana's team writes its position statement.
    await closeOverlays(ana, 3000);
    await ana.getByRole('heading', { name: 'Position statement — round 2' }).waitFor({ timeout: 20_000 });
    const found = await axe(ana, 'student: position statement');
    await ana.getByLabel('Position statement').fill('We will allow inspections if sanctions ease in step.');
    await ana.getByRole('button', { name: 'Hand in the statement' }).click();
    await ana.getByText('Statement handed in.').waitFor();
    if (SHOTS) await ana.screenshot({ path: join(SHOTS, 'class-student-statement.png') });

    // The teacher ends the games; reflections and peer evaluations open.
    await teacher.getByRole('button', { name: 'End all games' }).click();
    await expect.poll(() => state1.textContent(), { timeout: 20_000 }).toMatch(/^over/);
    const secret = 'Kept every promise they made to us';
    for (const [p, comment] of [
      [ana, 'Clear and fair'],
      [other, secret],
    ] as const) {
      await closeOverlays(p, 3000);
      const refl = p.getByRole('form', { name: 'Reflection' });
      await refl.waitFor({ timeout: 20_000 });
      if (p === ana) found.push(...(await axe(p, 'student: reflection and peer evaluation')));
      const boxes = refl.getByRole('textbox');
      for (let i = 0; i < (await boxes.count()); i++) await boxes.nth(i).fill(`Answer ${i + 1}`);
      await refl.getByRole('button', { name: 'Hand in the reflection' }).click();
      await p.getByText('Reflection handed in.').waitFor();
      const peer = p.getByRole('form', { name: 'Peer evaluation' });
      await peer.getByRole('combobox').first().selectOption('4');
      await peer.getByRole('textbox').first().fill(comment);
      await peer.getByRole('button', { name: 'Hand in the peer evaluation' }).click();
      await p.getByText('Peer evaluation handed in. Only your teacher reads it.').waitFor();
    }
    if (SHOTS) await other.screenshot({ path: join(SHOTS, 'class-student-end.png') });
    // Confidential: what the other student wrote about Ana's delegation never reaches Ana's page.
    expect(await ana.content()).not.toContain(secret);

    // The rubric, beside the work and the evidence.
    await teacher.getByRole('tab', { name: 'Assessment' }).click();
    const anaCard = teacher.locator('details.assess-student').filter({ has: teacher.locator('summary', { hasText: 'Ana Silva —' }) });
    await anaCard.locator('summary').click();
    await anaCard.getByText('We will allow inspections if sanctions ease in step.').waitFor();
    await anaCard.getByText(secret).waitFor();
    await anaCard.getByText(/promises kept \d+ of \d+/).waitFor();
    const rubric = anaCard.getByRole('form', { name: 'Rubric for Ana Silva' });
    await rubric.getByRole('group', { name: 'Preparation and position' }).getByLabel('Exemplary (4)').check();
    await rubric.getByRole('group', { name: 'Reflection' }).getByLabel('Proficient (3)').check();
    await rubric.getByLabel('Comment').fill('=strong start, "thoughtful"');
    found.push(...(await axe(teacher, 'class: the rubric')));
    expect(found).toEqual([]);
    await rubric.getByRole('button', { name: 'Save grade for Ana Silva' }).click();
    await teacher.getByText('Grade saved.').waitFor();
    if (SHOTS) await teacher.screenshot({ path: join(SHOTS, 'class-assessment.png'), fullPage: true });
    const [download] = await Promise.all([
      teacher.waitForEvent('download'),
      teacher.getByRole('button', { name: 'Download the grade sheet (CSV)' }).click(),
    ]);
    const rows = parseCsv(readFileSync((await download.path())!, 'utf8'));
    expect(rows).toHaveLength(7);
    const head = rows[0]!;
    expect(head).toEqual(expect.arrayContaining(['student', 'table', 'delegation', 'Preparation and position', 'Reflection', 'total']));
    const anaRow = rows.find((r) => r[0] === 'Ana Silva')!;
    expect(anaRow[head.indexOf('total')]).toBe('7');
    expect(anaRow[head.indexOf('statements')]).toBe('1');
    expect(anaRow[head.indexOf('reflection')]).toBe('yes');
    expect(anaRow[head.indexOf('comment')]).toBe(`'=strong start, "thoughtful"`);

    // The tables compared, from the server.
    await teacher.getByRole('tab', { name: 'Comparison' }).click();
    await expect.poll(() => teacher.locator('table.class-list tbody tr').count(), { timeout: 10_000 }).toBe(3);
    if (SHOTS) await teacher.screenshot({ path: join(SHOTS, 'class-compare.png') });
    expect(errors).toEqual([]);
  }, 240_000);

  it('an observer writes a note the teacher reads; a press item is approved and shown at the table', async () => {
    const teacher = await page();
    await teacher.getByRole('button', { name: 'Set up a class' }).click();
    await teacher.getByLabel('Class name').fill('Period 6');
    await teacher.getByLabel('Roster: one student a line').fill('Ana Silva\nBen Okafor\nOlu Ade: observer\nPia Ray: press');
    await teacher.getByLabel('Lesson length').selectOption('drill');
    await teacher.getByText('4 students → 1 table (2 as observer or press)').waitFor();
    // axe-core on each of the class's pages as it is reached (WCAG 2.2 AA: nothing found).
    const found = await axe(teacher, 'class set-up');
    await teacher.getByRole('button', { name: 'Create the class' }).click();
    await teacher.getByRole('heading', { name: 'Students and their links' }).waitFor();
    found.push(...(await axe(teacher, 'class: students and links')));
    const row = (name: string) => teacher.locator('table.class-list tbody tr', { has: teacher.getByRole('rowheader', { name }) });
    await expect.poll(() => row('Olu Ade').locator('td').nth(1).textContent()).toBe('Observer');
    await expect.poll(() => row('Pia Ray').locator('td').nth(1).textContent()).toBe('Press');
    const l = await links(teacher);
    const url = (name: string) => l.find((x) => x.name === name)!.url;

    // The teacher holds messages for approval, then starts the table.
    await teacher.getByRole('tab', { name: 'Settings and data' }).click();
    await teacher.getByLabel('Hold messages for my approval').check();
    await teacher.getByRole('button', { name: 'Save settings' }).click();
    found.push(...(await axe(teacher, 'class: settings and data')));
    await teacher.getByRole('tab', { name: 'Tables' }).click();
    await teacher.getByRole('button', { name: 'Start all tables' }).click();

    const ana = await page(url('Ana Silva'));
    await ana.getByRole('tab', { name: 'Negotiate' }).waitFor({ timeout: 40_000 });
    const olu = await page(url('Olu Ade'));
    const oluTasks = olu.getByRole('complementary', { name: 'Observer — Olu Ade' });
    await oluTasks.waitFor({ timeout: 40_000 });
    // The observer's page holds no seat: no commit tab, no negotiation controls.
    expect(await olu.getByRole('tab', { name: 'Commit' }).count()).toBe(0);
    const pia = await page(url('Pia Ray'));
    const press = pia.getByRole('form', { name: 'Press item' });
    await press.waitFor({ timeout: 40_000 });
    found.push(...(await axe(olu, 'observer page')), ...(await axe(pia, 'press page')));

    // The press publishes to all tables; with messages held, it waits for the teacher.
    const item = 'Ceasefire talks resume in Muscat';
    await press.getByLabel('News item').fill(item);
    await press.getByLabel('Publish to').selectOption({ label: 'All tables' });
    await press.getByRole('button', { name: 'Publish' }).click();
    await pia.getByText('Sent to your teacher for approval.').waitFor();
    // A round summary may open over the game at any moment (the drill's clocks): closed before each try.
    for (let i = 0; i < 5; i++) {
      await closeOverlays(ana, 3000);
      const clicked = await ana
        .getByRole('tab', { name: /^Messages/ })
        .click({ timeout: 5000 })
        .then(
          () => true,
          () => false,
        );
      if (clicked) break;
    }
    await ana.waitForTimeout(500);
    expect(await ana.getByText(item).count()).toBe(0);
    found.push(...(await axe(teacher, 'class: tables (an item held)')));
    await teacher.getByRole('button', { name: `Approve “${item}”` }).click({ timeout: 20_000 });
    // Shown to the team as a press item, and in the observer's transcript.
    const shown = ana.getByRole('list', { name: 'Messages' }).locator('li', { hasText: item });
    // The drill's short clocks move the round on meanwhile: a round summary may open over the messages.
    await expect
      .poll(
        async () => {
          await closeOverlays(ana, 3000);
          return shown.count();
        },
        { timeout: 20_000 },
      )
      .toBeGreaterThan(0);
    expect(await shown.locator('strong').first().textContent()).toBe('Press');
    await oluTasks.getByRole('list', { name: 'Transcript' }).getByText(item).waitFor({ timeout: 10_000 });

    // The observer's note, read by the teacher in the assessment.
    const note = 'Ana’s team answered the press item within a minute.';
    await oluTasks.getByLabel('Note for the teacher').fill(note);
    await oluTasks.getByRole('button', { name: 'Save the note' }).click();
    await olu.getByText('Note saved. Only your teacher reads it.').waitFor();
    // On the table's card at once, and beside the grades.
    await teacher.getByRole('region', { name: 'Observer notes at Table 1' }).getByText(note).waitFor({ timeout: 10_000 });
    if (SHOTS) await olu.screenshot({ path: join(SHOTS, 'class-observer.png') });
    await teacher.getByRole('tab', { name: 'Assessment' }).click();
    await teacher.getByRole('button', { name: 'Refresh the students’ work' }).click();
    const card = teacher.locator('details.assess-student').filter({ has: teacher.locator('summary', { hasText: 'Olu Ade —' }) });
    await card.locator('summary').click();
    await card.getByText(note).waitFor({ timeout: 10_000 });
    if (SHOTS) await teacher.screenshot({ path: join(SHOTS, 'class-observer-note.png') });
    found.push(...(await axe(teacher, 'class: assessment')));
    expect(found).toEqual([]);
    expect(errors).toEqual([]);
  }, 180_000);
});
