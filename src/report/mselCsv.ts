// The events list (MSEL) as a CSV file: exported from the console, edited in a spreadsheet, and
// imported back as one change of the list (rules §10). RFC 4180 (CRLF, quoted fields, doubled
// quotes); a text that starts like a formula is written with an apostrophe before it. Reading a
// file checks everything first: a bad file is refused with the row and column at fault and
// changes nothing.
import { checkMsel, mselRows, type GameState, type MselChange, type MselRow, type Scenario } from '../engine/core';

export const MSEL_COLUMNS = ['id', 'round', 'status', 'title', 'text', 'to', 'tension', 'fronts', 'support', 'expected', 'notes'] as const;
type Column = (typeof MSEL_COLUMNS)[number];

const FORMULA_START = /^[=+\-@\t\r]/;

function field(v: string | number): string {
  if (typeof v === 'number') return String(v);
  const s = FORMULA_START.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const pairs = (rec: Record<string, number> | undefined) =>
  Object.entries(rec ?? {})
    .map(([k, v]) => `${k}:${v}`)
    .join('; ');

function rowOf(r: MselRow): Record<Column, string | number> {
  const i = r.inject;
  return {
    id: i.id,
    round: i.round ?? '',
    status: r.status,
    title: i.title,
    text: i.text,
    to: i.audience === 'all' ? 'all' : i.audience.join('; '),
    tension: i.effects.tension ?? '',
    fronts: pairs(i.effects.fronts),
    support: pairs(i.effects.support),
    expected: i.expected ?? '',
    notes: i.notes ?? '',
  };
}

/** The list as planned now, one event a row. */
export function mselCsv(scenario: Scenario, s: GameState): string {
  const rows = mselRows(scenario, s).map(rowOf);
  return [MSEL_COLUMNS.join(','), ...rows.map((r) => MSEL_COLUMNS.map((c) => field(r[c])).join(','))].map((l) => `${l}\r\n`).join('');
}

/** RFC 4180 records; throws on a quote left open. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cur = '';
  let quoted = false;
  let i = 0;
  const src = text.replace(/^\uFEFF/, '');
  while (i < src.length) {
    const ch = src[i] as string;
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        cur += '"';
        i += 2;
        continue;
      }
      if (ch === '"') quoted = false;
      else cur += ch;
      i += 1;
      continue;
    }
    if (ch === '"' && cur === '') quoted = true;
    else if (ch === ',') {
      row.push(cur);
      cur = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i += 1;
      row.push(cur);
      rows.push(row);
      row = [];
      cur = '';
    } else cur += ch;
    i += 1;
  }
  if (quoted) throw new Error('a quoted field is never closed');
  if (cur !== '' || row.length) {
    row.push(cur);
    rows.push(row);
  }
  return rows.filter((r) => r.some((c) => c.trim() !== ''));
}

/** A field as written by mselCsv: the apostrophe before a formula-like text comes off. */
const unguard = (v: string) => (v.startsWith("'") && FORMULA_START.test(v.slice(1)) ? v.slice(1) : v).trim();

function numberIn(v: string, what: string): number | undefined {
  if (v === '') return undefined;
  const n = Number(v);
  if (!Number.isInteger(n)) throw new Error(`${what} "${v}" is not a whole number`);
  return n;
}

function pairsIn(v: string, what: string, known: (id: string) => boolean): Record<string, number> | undefined {
  if (v === '') return undefined;
  const out: Record<string, number> = {};
  for (const part of v
    .split(/[;\n]/)
    .map((p) => p.trim())
    .filter(Boolean)) {
    const m = /^([a-z][a-z0-9-]*)\s*:\s*([+-]?\d+)$/.exec(part);
    if (!m) throw new Error(`${what} "${part}" is not "id:number"`);
    const [, id, n] = m as unknown as [string, string, string];
    if (!known(id)) throw new Error(`${what}: no "${id}" in this scenario`);
    out[id] = Number(n);
  }
  return out;
}

const STATUSES = ['pending', 'held', 'cancelled', 'fired', 'missed', ''] as const;

/**
 * The changes a CSV file makes to the list as planned now: rounds moved, events held, released or
 * cancelled, new events added. The texts of events already in the list are not changed by a file.
 * Every row is read and the changes are checked together before any is made.
 */
export function mselChangesFromCsv(
  scenario: Scenario,
  s: GameState,
  text: string,
): { ok: true; changes: MselChange[] } | { ok: false; error: string } {
  let records: string[][];
  try {
    records = parseCsv(text);
  } catch (e) {
    return { ok: false, error: `the file is not CSV: ${(e as Error).message}` };
  }
  const [header, ...body] = records;
  if (!header) return { ok: false, error: 'the file is empty' };
  const names = header.map((h) => h.trim().toLowerCase());
  const missing = MSEL_COLUMNS.filter((c) => !names.includes(c));
  if (missing.length) return { ok: false, error: `the first row must name the columns; missing: ${missing.join(', ')}` };
  const current = new Map(mselRows(scenario, s).map((r) => [r.inject.id, r]));
  const delegations = new Set(scenario.delegations.map((d) => d.id));
  const fronts = new Set(scenario.fronts.map((f) => f.id));
  const changes: MselChange[] = [];
  const seen = new Set<string>();
  for (const [k, rec] of body.entries()) {
    const rowNo = k + 2;
    const get = (c: Column) => unguard(rec[names.indexOf(c)] ?? '');
    try {
      const id = get('id');
      if (!id) throw new Error('no id');
      if (seen.has(id)) throw new Error(`"${id}" is listed twice`);
      seen.add(id);
      const round = numberIn(get('round'), 'round');
      const status = get('status').toLowerCase();
      if (!(STATUSES as readonly string[]).includes(status))
        throw new Error(`status "${status}" is not one of ${STATUSES.filter(Boolean).join(', ')}`);
      const now = current.get(id);
      if (now) {
        if (now.status === 'fired' || now.status === 'cancelled') continue;
        if (status === 'cancelled') {
          changes.push({ kind: 'cancel', inject: id });
          continue;
        }
        if ((round ?? null) !== (now.inject.round ?? null)) changes.push({ kind: 'reschedule', inject: id, round: round ?? null });
        if (status === 'held' && now.status !== 'held') changes.push({ kind: 'hold', inject: id });
        if (status === 'pending' && now.status === 'held') changes.push({ kind: 'release', inject: id });
        continue;
      }
      if (status === 'fired' || status === 'missed' || status === 'cancelled') throw new Error(`a new event cannot be "${status}"`);
      const to = get('to');
      const audience =
        to === '' || to.toLowerCase() === 'all'
          ? ('all' as const)
          : to
              .split(/[;\s]+/)
              .filter(Boolean)
              .map((d) => {
                if (!delegations.has(d)) throw new Error(`to: no delegation "${d}"`);
                return d;
              });
      const tension = numberIn(get('tension'), 'tension');
      const frontFx = pairsIn(get('fronts'), 'fronts', (f) => fronts.has(f));
      const supportFx = pairsIn(get('support'), 'support', (d) => delegations.has(d));
      const expected = get('expected');
      const notes = get('notes');
      changes.push({
        kind: 'add',
        event: {
          id,
          title: get('title'),
          text: get('text'),
          audience,
          effects: {
            ...(tension ? { tension } : {}),
            ...(frontFx ? { fronts: frontFx } : {}),
            ...(supportFx ? { support: supportFx } : {}),
          },
          ...(round !== undefined ? { round } : {}),
          ...(expected ? { expected } : {}),
          ...(notes ? { notes } : {}),
        },
      });
      if (status === 'held') changes.push({ kind: 'hold', inject: id });
    } catch (e) {
      return { ok: false, error: `row ${rowNo}: ${(e as Error).message}` };
    }
  }
  if (changes.length === 0) return { ok: false, error: 'the file changes nothing in the events list' };
  const problem = checkMsel(scenario, s, changes);
  return problem ? { ok: false, error: problem } : { ok: true, changes };
}
