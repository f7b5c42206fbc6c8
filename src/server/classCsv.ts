// The grade sheet: one row per student, the rubric's criteria as columns. RFC 4180 (CRLF line
// ends, a field quoted when it holds a comma, a quote or a line break, quotes doubled), and safe to
// open in a spreadsheet: a text field that starts like a formula is prefixed with an apostrophe.
import type { ClassSettings, StudentRecord } from '../net/classProtocol';

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(v: string | number | null): string {
  if (v === null) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  const s = FORMULA_START.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const csvRows = (rows: ReadonlyArray<ReadonlyArray<string | number | null>>) =>
  rows.map((r) => r.map(csvField).join(',') + '\r\n').join('');

export function gradeCsv(settings: ClassSettings, tableName: (code: string) => string, records: readonly StudentRecord[]): string {
  const rubric = settings.rubric;
  const max = rubric.reduce((n, c) => n + Math.max(0, ...c.levels.map((l) => l.points)), 0);
  const header = [
    'student',
    'table',
    'delegation',
    'role',
    ...rubric.map((c) => c.name),
    'total',
    'max',
    'statements',
    'reflection',
    'peer_mean',
    'promises_kept',
    'spans_secured',
    'defections_caught',
    'observer_notes',
    'press_items',
    'comment',
  ];
  const rows = records.map((r) => {
    const points = rubric.map((c) => {
      const level = r.grade?.levels[c.id];
      return level === undefined ? null : (c.levels[level]?.points ?? null);
    });
    const graded = points.filter((p): p is number => p !== null);
    const peer = r.peerReceived.length ? r.peerReceived.reduce((n, p) => n + p.score, 0) / r.peerReceived.length : null;
    return [
      r.student.name,
      tableName(r.student.table),
      r.student.delegation,
      r.student.role,
      ...points,
      graded.length ? graded.reduce((a, b) => a + b, 0) : null,
      max,
      r.statements.length,
      r.reflection ? 'yes' : 'no',
      peer === null ? null : Math.round(peer * 10) / 10,
      r.evidence ? `${r.evidence.kept}/${r.evidence.promised}` : null,
      r.evidence?.spansSecured ?? null,
      r.evidence?.defectionsCaught ?? null,
      r.notes.map((n) => `round ${n.round}: ${n.text}`).join(' | '),
      r.student.role === 'press' ? r.press.length : null,
      r.grade?.comment ?? '',
    ];
  });
  return csvRows([header, ...rows]);
}
