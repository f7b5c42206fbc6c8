// A class made in one step (README, "Running a graded class"): the roster read line by line, the
// split into tables of delegation teams, the lesson presets, and the grade sheet's CSV.
import { describe, expect, it } from 'vitest';
import { csvField, csvRows } from '../../src/server/classCsv';
import { defaultTables, lessonScenario, parseRoster, PRESET_TABLE, splitClass } from '../../src/server/classPlan';
import { parseScenario } from '../../src/engine';
import { parseCsv } from './csv';
import { defaultScenario } from './helpers';

const DELEGATIONS = ['iran', 'usa', 'gulf', 'israel', 'eu', 'iaea'];
const names = (n: number) => Array.from({ length: n }, (_, i) => `Student ${i + 1}`).join('\n');

describe('the roster', () => {
  it('reads one student a line, with an optional team wish after a colon, semicolon or tab', () => {
    const r = parseRoster('Ana Silva\n\n  Ben Okafor : Blue \nChen Li;blue\nDara\tRed\n');
    expect(r).toEqual({
      ok: true,
      lines: [
        { name: 'Ana Silva', wish: null, role: 'delegation' },
        { name: 'Ben Okafor', wish: 'blue', role: 'delegation' },
        { name: 'Chen Li', wish: 'blue', role: 'delegation' },
        { name: 'Dara', wish: 'red', role: 'delegation' },
      ],
    });
  });

  it('tells two students of the same name apart, and refuses an empty roster or a too long name', () => {
    const r = parseRoster('Sam\nsam');
    expect(r.ok && r.lines.map((l) => l.name)).toEqual(['Sam', 'sam (2)']);
    expect(parseRoster('\n  \n').ok).toBe(false);
    expect(parseRoster('x'.repeat(41))).toMatchObject({ ok: false, reason: expect.stringContaining('40') });
  });
});

describe('the split into tables', () => {
  it('makes 5 tables of one student a seat from 30 names', () => {
    const r = parseRoster(names(30));
    if (!r.ok) throw new Error(r.reason);
    const tables = defaultTables(30, DELEGATIONS.length);
    expect(tables).toBe(5);
    const p = splitClass(r.lines, DELEGATIONS, tables);
    expect(p).toHaveLength(30);
    const seats = new Set(p.map((x) => `${x.table}:${x.delegation}`));
    expect(seats.size).toBe(30);
  });

  it('fills every seat of a table before doubling one, and keeps tables within one student of each other', () => {
    const r = parseRoster(names(20));
    if (!r.ok) throw new Error(r.reason);
    const p = splitClass(r.lines, DELEGATIONS, 3);
    const perTable = [0, 1, 2].map((t) => p.filter((x) => x.table === t).length);
    expect(Math.max(...perTable) - Math.min(...perTable)).toBeLessThanOrEqual(1);
    for (const t of [0, 1, 2]) {
      const counts = DELEGATIONS.map((d) => p.filter((x) => x.table === t && x.delegation === d).length);
      expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
    }
  });

  it('keeps students with the same wish on one seat', () => {
    const r = parseRoster('A: pair\nB\nC: pair\nD\nE\nF');
    if (!r.ok) throw new Error(r.reason);
    const p = splitClass(r.lines, DELEGATIONS, 1);
    expect(p[0]!.delegation).toBe(p[2]!.delegation);
    expect(p.filter((x) => x.delegation === p[0]!.delegation)).toHaveLength(2);
  });
});

describe('lesson presets', () => {
  it('set the round limit and leave out injects scheduled after it, and the scenario stays valid', () => {
    const sc = lessonScenario(defaultScenario(), PRESET_TABLE.lesson45.rounds);
    expect(sc.tunables.roundLimit).toBe(4);
    expect(sc.injects.every((i) => i.round === undefined || i.round <= 4)).toBe(true);
    expect(parseScenario(JSON.parse(JSON.stringify(sc))).ok).toBe(true);
  });

  it('a 90-minute lesson plays more rounds with longer clocks than a 45-minute one', () => {
    expect(PRESET_TABLE.lesson90.rounds).toBeGreaterThan(PRESET_TABLE.lesson45.rounds);
    expect(PRESET_TABLE.lesson90.negotiation).toBeGreaterThanOrEqual(PRESET_TABLE.lesson45.negotiation);
    expect(PRESET_TABLE.days.negotiation).toBeGreaterThanOrEqual(60 * 12);
  });
});

describe('the grade sheet as CSV', () => {
  it('quotes commas, quotes and line breaks (RFC 4180) and ends lines with CRLF', () => {
    const text = csvRows([
      ['name', 'comment'],
      ['Silva, Ana', 'said "no"\nthen yes'],
    ]);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(parseCsv(text)).toEqual([
      ['name', 'comment'],
      ['Silva, Ana', 'said "no"\nthen yes'],
    ]);
  });

  it('never lets a text cell start a formula in a spreadsheet', () => {
    for (const evil of ['=HYPERLINK("x")', '+1', '-2+3', '@SUM(A1)', '\tx', '\rx']) expect(csvField(evil)).toMatch(/^"?'/);
    expect(csvField(-3)).toBe('-3');
    expect(csvField(null)).toBe('');
  });
});
