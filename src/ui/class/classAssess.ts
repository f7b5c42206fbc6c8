// Assessment beside the play: each student's statements, reflection, the peer ratings their
// delegation received (the teacher's eyes only), the engine's evidence and their delegation's
// messages, with the rubric to fill in; the grade sheet (CSV) and a printable report per student.
import { useState } from 'preact/hooks';
import type { ClassSettings, StudentRecord } from '../../net/classProtocol';
import { button, h, valueOf, type VNode } from '../dom';

export interface AssessActs {
  nameOf: (d: string) => string;
  tableName: (code: string) => string;
  grade: (student: string, levels: Record<string, number>, comment: string) => void;
  csv: () => void;
  refresh: () => void;
  print: (student: string) => void;
}

function evidenceText(r: StudentRecord): string {
  const e = r.evidence;
  if (!e) return 'no evidence (the table is closed)';
  return `promises kept ${e.kept} of ${e.promised} · spans secured ${e.spansSecured} · defections caught ${e.defectionsCaught}`;
}

/** An observer's notes or the press's items, with their round or tables. */
function RoleWorkView({ r, act }: { r: StudentRecord; act: AssessActs }): VNode {
  const observer = r.student.role === 'observer';
  return h(
    'div',
    { class: 'student-work' },
    h('p', { class: 'muted small' }, `${act.tableName(r.student.table)} · ${observer ? 'Observer' : 'Press'}`),
    h('h3', { class: 'work-h' }, observer ? 'Observer’s notes' : 'News items published'),
    observer
      ? r.notes.length
        ? h('ul', {}, ...r.notes.map((n, i) => h('li', { key: i }, h('strong', {}, `Round ${n.round}: `), n.text)))
        : h('p', { class: 'muted' }, 'No notes yet.')
      : r.press.length
        ? h('ul', {}, ...r.press.map((p) => h('li', { key: p.id }, h('strong', {}, `${p.tables.join(', ')}: `), p.text)))
        : h('p', { class: 'muted' }, 'No items yet.'),
  );
}

/** What a student did and wrote (also the printable report). */
export function StudentWorkView({ r, settings, act }: { r: StudentRecord; settings: ClassSettings; act: AssessActs }): VNode {
  if (r.student.role !== 'delegation') return h(RoleWorkView, { r, act });
  const peer = r.peerReceived;
  const mean = peer.length ? (peer.reduce((n, p) => n + p.score, 0) / peer.length).toFixed(1) : null;
  return h(
    'div',
    { class: 'student-work' },
    h('p', { class: 'muted small' }, `${act.tableName(r.student.table)} · ${act.nameOf(r.student.delegation)}`),
    h('h3', { class: 'work-h' }, 'Evidence from the game'),
    h('p', {}, evidenceText(r)),
    h('h3', { class: 'work-h' }, 'Position statements'),
    r.statements.length
      ? h('ul', {}, ...r.statements.map((s) => h('li', { key: s.round }, h('strong', {}, `Round ${s.round} (${s.by}): `), s.text)))
      : h('p', { class: 'muted' }, 'None handed in.'),
    h('h3', { class: 'work-h' }, 'Reflection'),
    r.reflection
      ? h(
          'ol',
          {},
          ...settings.reflectionPrompts.map((p, i) =>
            h('li', { key: i }, h('p', { class: 'muted small' }, p), h('p', {}, r.reflection?.[i] || '—')),
          ),
        )
      : h('p', { class: 'muted' }, 'Not handed in.'),
    h('h3', { class: 'work-h' }, 'Peer evaluation of their delegation (confidential)'),
    peer.length
      ? h(
          'ul',
          {},
          h('li', {}, `Mean ${mean} of 5, from ${peer.length} rating${peer.length > 1 ? 's' : ''}`),
          ...peer.map((p, i) => h('li', { key: i }, `${p.from}: ${p.score}/5${p.comment ? ` — ${p.comment}` : ''}`)),
        )
      : h('p', { class: 'muted' }, 'No ratings yet.'),
  );
}

function RubricForm({ r, settings, act }: { r: StudentRecord; settings: ClassSettings; act: AssessActs }): VNode {
  const [levels, setLevels] = useState<Record<string, number>>(r.grade?.levels ?? {});
  const [comment, setComment] = useState(r.grade?.comment ?? '');
  return h(
    'form',
    {
      class: 'rubric',
      'aria-label': `Rubric for ${r.student.name}`,
      onsubmit: (e: Event) => {
        e.preventDefault();
        act.grade(r.student.id, levels, comment);
      },
    },
    ...settings.rubric.map((c) =>
      h(
        'fieldset',
        { key: c.id },
        h('legend', {}, c.name),
        ...c.levels.map((l, i) =>
          h(
            'label',
            { key: i, class: 'level' },
            h('input', {
              type: 'radio',
              name: `${r.student.id}-${c.id}`,
              checked: levels[c.id] === i,
              onchange: () => setLevels((old) => ({ ...old, [c.id]: i })),
            }),
            ` ${l.label} (${l.points})`,
          ),
        ),
      ),
    ),
    h(
      'div',
      { class: 'field' },
      h('label', { for: `comment-${r.student.id}` }, 'Comment'),
      h('textarea', {
        id: `comment-${r.student.id}`,
        rows: 2,
        maxlength: 1000,
        value: comment,
        oninput: (e: Event) => setComment(valueOf(e)),
      }),
    ),
    h(
      'div',
      { class: 'row' },
      h('button', { type: 'submit', class: 'primary' }, `Save grade for ${r.student.name}`),
      button('Printable report', () => act.print(r.student.id), { 'aria-label': `Printable report for ${r.student.name}` }),
    ),
  );
}

export function Assessment({
  records,
  settings,
  act,
}: {
  records: StudentRecord[] | null;
  settings: ClassSettings;
  act: AssessActs;
}): VNode {
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'assess-h' },
    h('h2', { id: 'assess-h' }, 'Assessment'),
    h(
      'div',
      { class: 'row' },
      button('Refresh the students’ work', act.refresh),
      button('Download the grade sheet (CSV)', act.csv, { class: 'primary' }),
    ),
    records === null
      ? h('p', { class: 'muted' }, 'Loading…')
      : h(
          'div',
          { class: 'assess-list' },
          ...records.map((r) =>
            h(
              'details',
              { key: r.student.id, class: 'assess-student' },
              h('summary', {}, `${r.student.name} — ${r.grade ? 'graded' : 'not graded'}`),
              h(
                'div',
                { class: 'assess-body' },
                h(StudentWorkView, { r, settings, act }),
                h(
                  'div',
                  {},
                  h(RubricForm, { r, settings, act }),
                  r.transcript.length
                    ? h(
                        'details',
                        { class: 'small' },
                        h('summary', {}, 'Their delegation’s messages'),
                        h('ul', {}, ...r.transcript.map((l, i) => h('li', { key: i }, `${l.by} → ${l.to}: ${l.text}`))),
                      )
                    : null,
                ),
              ),
            ),
          ),
        ),
  );
}
