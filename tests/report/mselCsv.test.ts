// The events list as CSV (docs/rules.md §10; docs/scenario-format.md): exported, edited, imported
// back as one change; a bad file gets a clear error and changes nothing.
import { describe, expect, it } from 'vitest';
import { mselRows } from '../../src/engine';
import { GameSession } from '../../src/machine/session';
import { MSEL_COLUMNS, mselChangesFromCsv, mselCsv, parseCsv } from '../../src/report/mselCsv';
import { SCENARIO, send } from '../engine/fixtures';

const fresh = () => GameSession.start(SCENARIO, 9);

/** The exported file with one cell of one event's row replaced. */
function edit(csv: string, id: string, column: (typeof MSEL_COLUMNS)[number], value: string): string {
  const rows = parseCsv(csv);
  const header = rows[0] as string[];
  const row = rows.find((r) => r[0] === id) as string[];
  row[header.indexOf(column)] = value;
  return rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\r\n');
}

describe('the events list as CSV', () => {
  it('exports every event with its round, status, recipients, effect, expected actions and notes', () => {
    const g = fresh();
    const rows = parseCsv(mselCsv(SCENARIO, g.state));
    expect(rows[0]).toEqual([...MSEL_COLUMNS]);
    expect(rows).toHaveLength(SCENARIO.injects.length + 1);
    const tanker = rows.find((r) => r[0] === 'tanker-seized');
    expect(tanker?.slice(1, 3)).toEqual(['2', 'pending']);
    expect(tanker?.[MSEL_COLUMNS.indexOf('fronts')]).toBe('hormuz:10');
    expect(tanker?.[MSEL_COLUMNS.indexOf('expected')]).toMatch(/maritime/);
    expect(rows.find((r) => r[0] === 'intercepted-transfers')?.[MSEL_COLUMNS.indexOf('to')]).toBe('israel');
  });

  it('reads back unchanged as no change, and an edited file as the changes it makes', () => {
    const g = fresh();
    const csv = mselCsv(SCENARIO, g.state);
    expect(mselChangesFromCsv(SCENARIO, g.state, csv)).toEqual({ ok: false, error: 'the file changes nothing in the events list' });
    let edited = edit(csv, 'tanker-seized', 'round', '4');
    edited = edit(edited, 'donor-conference', 'status', 'held');
    edited = edit(edited, 'oil-price-spike', 'status', 'cancelled');
    edited +=
      '\r\nport-strike,3,pending,Port strike,"Dockers strike in Bandar Abbas, ships wait.",iran; gulf,2,hormuz:5,iran:-3,Iran asks for calm,Private\r\n';
    const r = mselChangesFromCsv(SCENARIO, g.state, edited);
    expect(r).toEqual({
      ok: true,
      changes: [
        { kind: 'reschedule', inject: 'tanker-seized', round: 4 },
        { kind: 'hold', inject: 'donor-conference' },
        { kind: 'cancel', inject: 'oil-price-spike' },
        {
          kind: 'add',
          event: {
            id: 'port-strike',
            title: 'Port strike',
            text: 'Dockers strike in Bandar Abbas, ships wait.',
            audience: ['iran', 'gulf'],
            effects: { tension: 2, fronts: { hormuz: 5 }, support: { iran: -3 } },
            round: 3,
            expected: 'Iran asks for calm',
            notes: 'Private',
          },
        },
      ],
    });
    if (!r.ok) return;
    send(g, { type: 'facilitator.msel', actor: 'facilitator', changes: r.changes });
    const status = new Map(mselRows(SCENARIO, g.state).map((x) => [x.inject.id, x]));
    expect(status.get('tanker-seized')?.inject.round).toBe(4);
    expect(status.get('donor-conference')?.status).toBe('held');
    expect(status.get('port-strike')?.added).toBe(true);
  });

  it('refuses a bad file with the row at fault, and the list stays as it was', () => {
    const g = fresh();
    const csv = mselCsv(SCENARIO, g.state);
    const bad: Array<[string, RegExp]> = [
      ['', /empty/],
      ['id,round\r\nx,1\r\n', /missing: status, title/],
      [csv + 'new-one,3,pending,"Unclosed,text,all,,,,,\r\n', /not CSV: a quoted field is never closed/],
      [csv + 'new-one,3,pending,T,Text,atlantis,,,,,\r\n', /^row 18: to: no delegation "atlantis"/],
      [csv + 'new-one,three,pending,T,Text,all,,,,,\r\n', /^row 18: round "three" is not a whole number/],
      [csv + 'new-one,3,pending,T,Text,all,,mars:4,,,\r\n', /fronts: no "mars"/],
      [csv + 'new-one,1,pending,T,Text,all,,,,,\r\n', /round 1 is not a later round/],
      [edit(csv, 'tanker-seized', 'status', 'exploded'), /status "exploded" is not one of/],
      [csv + 'tanker-seized,3,pending,T,Text,all,,,,,\r\n', /"tanker-seized" is listed twice/],
    ];
    for (const [text, error] of bad) {
      const r = mselChangesFromCsv(SCENARIO, g.state, text);
      expect(r.ok, String(error)).toBe(false);
      if (!r.ok) expect(r.error).toMatch(error);
    }
    expect(g.state.msel).toBeUndefined();
  });

  it('keeps a formula-like text as text both ways', () => {
    const g = fresh();
    const csv = mselCsv(SCENARIO, g.state) + "calc,3,pending,'=SUM(A1),'+1 for the Gulf,all,,,,,\r\n";
    const r = mselChangesFromCsv(SCENARIO, g.state, csv);
    expect(r.ok && r.changes[0]).toMatchObject({ kind: 'add', event: { title: '=SUM(A1)', text: '+1 for the Gulf' } });
    // And out again: the export quotes it, so a spreadsheet shows the text, not a formula.
    if (r.ok) send(g, { type: 'facilitator.msel', actor: 'facilitator', changes: r.changes });
    expect(mselCsv(SCENARIO, g.state)).toContain("'=SUM(A1)");
    expect(mselCsv(SCENARIO, g.state)).toContain("'+1 for the Gulf");
  });
});
