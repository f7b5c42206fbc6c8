// A student's class tasks beside their game: the position statement in the rounds the teacher
// chose (handed in during that round, with the commit), and at the end the reflection and the
// confidential peer evaluation of the other delegations' negotiators.
import { useState } from 'preact/hooks';
import type { ClassClient } from '../../net/classClient';
import type { StudentInfo, StudentWork } from '../../net/classProtocol';
import type { GameStore } from '../../store/gameStore';
import { useStore } from '../../store/useStore';
import { button, h, valueOf, type VNode } from '../dom';

export function StudentTasks({
  store,
  client,
  token,
  first,
  nameOf,
  chat,
}: {
  store: GameStore;
  client: ClassClient;
  token: string;
  first: StudentInfo;
  nameOf: (d: string) => string;
  /** Sends a message to every delegation of the table (the class's templates). */
  chat: (text: string) => Promise<void>;
}): VNode | null {
  const ui = useStore(store);
  const [info, setInfo] = useState(first);
  const [open, setOpen] = useState(true);
  const [msg, setMsg] = useState<{ kind: 'error' | 'info'; text: string } | null>(null);
  const [statement, setStatement] = useState('');
  const [answers, setAnswers] = useState<string[]>(() => first.settings.reflectionPrompts.map(() => ''));
  const [ratings, setRatings] = useState<Record<string, { score: number; comment: string }>>({});
  const [template, setTemplate] = useState(0);
  const view = ui.view;
  if (!view || (ui.screen !== 'game' && ui.screen !== 'end')) return null;
  const over = view.outcome !== null;
  const round = view.round;
  const statementDue = !over && info.settings.statementRounds.includes(round);
  const handedIn = info.statements[String(round)];
  const templates = !over ? info.settings.templates : [];
  if (!statementDue && !over && templates.length === 0) return null;

  const submit = async (work: StudentWork, done: string) => {
    const r = await client.call('student.submit', { token, work });
    if (!r.ok) return setMsg({ kind: 'error', text: r.reason });
    setMsg({ kind: 'info', text: done });
    const again = await client.call<{ info: StudentInfo }>('student.locate', { token });
    if (again.ok) setInfo(again.info);
  };

  const body: VNode[] = [];
  if (templates.length)
    body.push(
      h(
        'div',
        { key: 'tpl', class: 'templates' },
        h('h3', {}, 'Messages to the table'),
        h('label', { for: 'tpl-pick', class: 'small' }, 'Your teacher’s messages'),
        h(
          'select',
          { id: 'tpl-pick', value: String(template), onchange: (e: Event) => setTemplate(Number(valueOf(e))) },
          ...templates.map((t, i) => h('option', { value: String(i) }, t)),
        ),
        button(
          'Send to everyone',
          () => void chat(templates[template] ?? templates[0]!).then(() => setMsg({ kind: 'info', text: 'Message sent.' })),
        ),
      ),
    );
  if (statementDue)
    body.push(
      h(
        'div',
        { key: 'st' },
        h('h3', {}, `Position statement — round ${round}`),
        h('p', { class: 'muted small', id: 'stmt-help' }, info.settings.statementPrompt),
        handedIn ? h('p', { class: 'handed-in' }, h('strong', {}, 'Handed in: '), handedIn) : null,
        h('label', { for: 'stmt', class: 'sr-only' }, 'Position statement'),
        h('textarea', {
          id: 'stmt',
          rows: 4,
          maxlength: 2000,
          'aria-describedby': 'stmt-help',
          value: statement,
          oninput: (e: Event) => setStatement(valueOf(e)),
        }),
        button(
          handedIn ? 'Hand in again' : 'Hand in the statement',
          () => void submit({ kind: 'statement', round, text: statement }, 'Statement handed in.'),
          {
            class: 'primary',
            disabled: !statement.trim(),
          },
        ),
      ),
    );
  if (over) {
    body.push(
      h(
        'form',
        {
          key: 'refl',
          'aria-label': 'Reflection',
          onsubmit: (e: Event) => {
            e.preventDefault();
            void submit({ kind: 'reflection', answers }, 'Reflection handed in.');
          },
        },
        h('h3', {}, info.reflection ? 'Reflection (handed in)' : 'Reflection'),
        ...info.settings.reflectionPrompts.map((p, i) =>
          h(
            'div',
            { class: 'field', key: i },
            h('label', { for: `refl-${i}` }, p),
            h('textarea', {
              id: `refl-${i}`,
              rows: 2,
              maxlength: 2000,
              value: answers[i] ?? '',
              oninput: (e: Event) => {
                const v = valueOf(e);
                setAnswers((a) => a.map((x, j) => (j === i ? v : x)));
              },
            }),
          ),
        ),
        h('button', { type: 'submit', class: 'primary' }, 'Hand in the reflection'),
      ),
    );
    if (info.peers.length)
      body.push(
        h(
          'form',
          {
            key: 'peer',
            'aria-label': 'Peer evaluation',
            onsubmit: (e: Event) => {
              e.preventDefault();
              const list = info.peers.map((d) => ({ delegation: d, score: ratings[d]?.score ?? 3, comment: ratings[d]?.comment ?? '' }));
              void submit({ kind: 'peer', ratings: list }, 'Peer evaluation handed in. Only your teacher reads it.');
            },
          },
          h('h3', {}, info.peerDone ? 'Peer evaluation (handed in)' : 'Peer evaluation'),
          h(
            'p',
            { class: 'muted small' },
            'How well did each other delegation’s negotiators keep their word and explain their positions? Only your teacher reads this.',
          ),
          ...info.peers.map((d) =>
            h(
              'fieldset',
              { key: d },
              h('legend', {}, nameOf(d)),
              h(
                'label',
                { class: 'small' },
                'Score (1–5) ',
                h(
                  'select',
                  {
                    'aria-label': `Score for ${nameOf(d)}`,
                    value: String(ratings[d]?.score ?? 3),
                    onchange: (e: Event) => setRatings((r) => ({ ...r, [d]: { comment: r[d]?.comment ?? '', score: Number(valueOf(e)) } })),
                  },
                  ...[1, 2, 3, 4, 5].map((n) => h('option', { value: String(n) }, String(n))),
                ),
              ),
              h('input', {
                type: 'text',
                maxlength: 500,
                'aria-label': `Comment on ${nameOf(d)}`,
                placeholder: 'A comment (optional)',
                value: ratings[d]?.comment ?? '',
                oninput: (e: Event) => {
                  const v = valueOf(e);
                  setRatings((r) => ({ ...r, [d]: { score: r[d]?.score ?? 3, comment: v } }));
                },
              }),
            ),
          ),
          h('button', { type: 'submit', class: 'primary' }, 'Hand in the peer evaluation'),
        ),
      );
  }
  return tasksAside(`Class tasks — ${info.student.name}`, open, setOpen, msg, body);
}

/** The class tasks' panel beside the game: a heading, Hide/Show, the latest notice, then the tasks. */
export function tasksAside(
  title: string,
  open: boolean,
  setOpen: (open: boolean) => void,
  msg: { kind: string; text: string } | null,
  body: Array<VNode | null>,
): VNode {
  return h(
    'aside',
    { class: `student-tasks${open ? '' : ' closed'}`, 'aria-labelledby': 'tasks-h' },
    h(
      'div',
      { class: 'tasks-head' },
      h('h2', { id: 'tasks-h' }, title),
      button(open ? 'Hide' : 'Show', () => setOpen(!open), {
        'aria-expanded': open,
        'aria-label': open ? 'Hide the class tasks' : 'Show the class tasks',
      }),
    ),
    open
      ? h(
          'div',
          { class: 'tasks-body' },
          msg ? h('p', { class: `notice ${msg.kind}`, role: msg.kind === 'error' ? 'alert' : 'status' }, msg.text) : null,
          ...body,
        )
      : null,
  );
}
