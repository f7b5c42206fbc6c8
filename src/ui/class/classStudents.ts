// The students of a class: each one's table, seat or role and personal link (to copy, print or
// send), and the one action that moves a late or absent student to another seat, or makes them a
// table's observer or its press.
import { useState } from 'preact/hooks';
import type { ClassStudent, StudentRole, TableSummary } from '../../net/classProtocol';
import { button, h, valueOf, type VNode } from '../dom';

const ROLE_LABEL: Record<Exclude<StudentRole, 'delegation'>, string> = { observer: 'Observer', press: 'Press' };

/** A student's place at their table: their delegation, or their role. */
export const placeOf = (s: ClassStudent, nameOf: (d: string) => string) =>
  s.role === 'delegation' ? nameOf(s.delegation) : ROLE_LABEL[s.role];

export const studentUrl = (token: string) => `${location.origin}${location.pathname}#student=${encodeURIComponent(token)}`;

export function StudentList({
  students,
  tables,
  links,
  nameOf,
  move,
}: {
  students: ClassStudent[];
  tables: TableSummary[];
  links: Record<string, string>;
  nameOf: (d: string) => string;
  /** `seat` is a delegation, or '@observer' / '@press' for a role at that table. */
  move: (student: string, table: string, seat: string) => void;
}): VNode {
  const tableName = (code: string) => tables.find((t) => t.code === code)?.name ?? code;
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'students-h' },
    h('h2', { id: 'students-h' }, 'Students and their links'),
    h(
      'p',
      { class: 'muted small' },
      'Each link opens that student’s seat at once (an observer’s or the press’s: their table’s public view and their tasks). Moving a student keeps their link.',
    ),
    h(
      'table',
      { class: 'class-list' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', {}, 'Student'),
          h('th', {}, 'Table'),
          h('th', {}, 'Delegation or role'),
          h('th', {}, 'Personal link'),
          h('th', {}, 'Move to'),
        ),
      ),
      h(
        'tbody',
        {},
        ...students.map((s) =>
          h(
            'tr',
            { key: s.id },
            h('th', { scope: 'row' }, s.name),
            h('td', {}, tableName(s.table)),
            h('td', {}, placeOf(s, nameOf)),
            h(
              'td',
              {},
              links[s.id]
                ? h('input', {
                    class: 'link',
                    type: 'text',
                    readonly: true,
                    value: studentUrl(links[s.id]!),
                    'aria-label': `Personal link of ${s.name}`,
                    onfocus: (e: Event) => (e.currentTarget as HTMLInputElement).select(),
                  })
                : '—',
            ),
            h('td', {}, h(MoveControl, { s, tables, nameOf, move })),
          ),
        ),
      ),
    ),
  );
}

function MoveControl({
  s,
  tables,
  nameOf,
  move,
}: {
  s: ClassStudent;
  tables: TableSummary[];
  nameOf: (d: string) => string;
  move: (student: string, table: string, seat: string) => void;
}): VNode {
  const [to, setTo] = useState(`${s.table}|${s.role === 'delegation' ? s.delegation : `@${s.role}`}`);
  const options = tables.flatMap((t) => [
    ...t.seats.map((seat) =>
      h(
        'option',
        { value: `${t.code}|${seat.delegation}` },
        `${t.name} · ${nameOf(seat.delegation)}${seat.students.length ? '' : ' (AI)'}`,
      ),
    ),
    h('option', { value: `${t.code}|@observer` }, `${t.name} · Observer`),
    h('option', { value: `${t.code}|@press` }, `${t.name} · Press`),
  ]);
  return h(
    'div',
    { class: 'row' },
    h('select', { 'aria-label': `Seat for ${s.name}`, value: to, onchange: (e: Event) => setTo(valueOf(e)) }, ...options),
    button(
      'Move',
      () => {
        const [table, seat] = to.split('|') as [string, string];
        move(s.id, table, seat);
      },
      { 'aria-label': `Move ${s.name}` },
    ),
  );
}
