// The tasks of a student who plays no delegation, beside their table's public view: an observer
// reads the table's transcript (its messages to everyone) and writes notes only the teacher reads;
// the press publishes news items to one table or to all (held for the teacher's approval when the
// class holds messages).
import { useState } from 'preact/hooks';
import type { ClassClient } from '../../net/classClient';
import type { StudentInfo, StudentWork } from '../../net/classProtocol';
import type { GameStore } from '../../store/gameStore';
import { useStore } from '../../store/useStore';
import { h, valueOf, type VNode } from '../dom';
import { tasksAside } from './studentTasks';

let pressSeq = 0;
/** A press item's id: the server applies it once, however often it is sent. */
const pressId = () => `press-${Date.now().toString(36)}-${(pressSeq++).toString(36)}`;

export function RoleTasks({
  store,
  client,
  token,
  first,
  nameOf,
}: {
  store: GameStore;
  client: ClassClient;
  token: string;
  first: StudentInfo;
  nameOf: (d: string) => string;
}): VNode | null {
  const ui = useStore(store);
  const [info, setInfo] = useState(first);
  const [open, setOpen] = useState(true);
  const [msg, setMsg] = useState<{ kind: 'error' | 'info'; text: string } | null>(null);
  const [text, setText] = useState('');
  const [target, setTarget] = useState('all');
  if (!ui.view || !ui.room) return null;
  const observer = info.student.role === 'observer';

  const submit = async (work: StudentWork, done: (held: boolean) => string) => {
    const r = await client.call<{ held?: boolean }>('student.submit', { token, work });
    if (!r.ok) return setMsg({ kind: 'error', text: r.reason });
    setMsg({ kind: 'info', text: done(r.held === true) });
    setText('');
    const again = await client.call<{ info: StudentInfo }>('student.locate', { token });
    if (again.ok) setInfo(again.info);
  };

  const transcript = ui.room.messages.filter((l) => l.to === 'all');
  const body: Array<VNode | null> = observer
    ? [
        h('h3', { key: 'th' }, 'Transcript'),
        transcript.length
          ? h(
              'ol',
              { key: 'tr', class: 'chat transcript', 'aria-label': 'Transcript' },
              ...transcript.map((l) =>
                h(
                  'li',
                  { key: l.id },
                  h('strong', {}, `${l.from === 'press' ? 'Press' : l.from === 'facilitator' ? 'White Cell' : nameOf(l.from)} (${l.by})`),
                  l.round ? h('span', { class: 'small muted' }, ` · round ${l.round}`) : null,
                  h('div', {}, l.text),
                ),
              ),
            )
          : h('p', { key: 'tr', class: 'muted small' }, 'No messages to everyone yet.'),
        h(
          'form',
          {
            key: 'note',
            'aria-label': 'Observer notes',
            onsubmit: (e: Event) => {
              e.preventDefault();
              void submit({ kind: 'note', text }, () => 'Note saved. Only your teacher reads it.');
            },
          },
          h('label', { for: 'obs-note' }, 'Note for the teacher'),
          h('textarea', { id: 'obs-note', rows: 3, maxlength: 2000, value: text, oninput: (e: Event) => setText(valueOf(e)) }),
          h('button', { type: 'submit', class: 'primary', disabled: !text.trim() }, 'Save the note'),
        ),
        info.notes.length
          ? h(
              'ul',
              { key: 'mine', 'aria-label': 'Your notes' },
              ...info.notes.map((n, i) => h('li', { key: i }, h('strong', {}, `Round ${n.round}: `), n.text)),
            )
          : null,
      ]
    : [
        h(
          'form',
          {
            key: 'press',
            'aria-label': 'Press item',
            onsubmit: (e: Event) => {
              e.preventDefault();
              void submit({ kind: 'press', id: pressId(), text, table: target === 'all' ? null : Number(target) }, (held) =>
                held ? 'Sent to your teacher for approval.' : 'Published.',
              );
            },
          },
          h('label', { for: 'press-text' }, 'News item'),
          h('textarea', { id: 'press-text', rows: 3, maxlength: 600, value: text, oninput: (e: Event) => setText(valueOf(e)) }),
          h('label', { for: 'press-to' }, 'Publish to'),
          h(
            'select',
            { id: 'press-to', value: target, onchange: (e: Event) => setTarget(valueOf(e)) },
            h('option', { value: 'all' }, 'All tables'),
            ...info.tables.map((t) => h('option', { value: String(t.index) }, t.name)),
          ),
          h('button', { type: 'submit', class: 'primary', disabled: !text.trim() }, 'Publish'),
        ),
        info.press.length
          ? h('ul', { key: 'mine', 'aria-label': 'Your news items' }, ...info.press.map((p) => h('li', { key: p.id }, p.text)))
          : null,
      ];
  const title = `${observer ? 'Observer' : 'Press'} — ${info.student.name}`;
  return tasksAside(title, open, setOpen, msg, body);
}
