// The console's record tab: everything the White Cell did, round by round, marked as its own, and
// an Undo (with a reason, after a question) on each act of the running round (rules §10, Undo).
import type { GameView } from '../engine';
import type { WhiteCellAct } from '../net/protocol';
import { h, type VNode } from './dom';
import { useForm } from './form';
import type { ConsoleActions } from './console';
import { Confirm } from './consoleConfirm';

export function RecordPanel({ view, acts, act }: { view: GameView; acts: readonly WhiteCellAct[]; act: ConsoleActions }): VNode {
  const { values, field, set } = useForm({ 'undo-reason': '' });
  const open = acts.filter((a) => a.undoable && !a.undone);
  const undo = (a: WhiteCellAct) => {
    const reason = values['undo-reason'].trim();
    act.action({ kind: 'undo', act: a.id, ...(reason ? { reason } : {}) });
    set('undo-reason', '');
  };
  const time = (at: number | null) =>
    at === null ? '' : `${new Date(at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })} · `;
  return h(
    'div',
    {},
    h(
      'section',
      { class: 'section', 'aria-labelledby': 'undo-h' },
      h('h3', { id: 'undo-h' }, `Undo (round ${view.round})`),
      h(
        'p',
        { class: 'small muted' },
        'Rulings, reveals, injects, seat hand-overs and clock changes can be undone until the round resolves. The undo is logged as the White Cell’s, with its reason; a team that saw a reveal is told it was withdrawn.',
      ),
      h(
        'div',
        { class: 'field' },
        h('label', { for: 'undo-reason' }, 'Reason for the undo (said with it, kept in the record)'),
        h('input', { type: 'text', ...field('undo-reason'), maxlength: 400, placeholder: 'e.g. ruled on the wrong incident' }),
      ),
      open.length === 0
        ? h('p', { class: 'small muted' }, 'Nothing of this round to undo.')
        : h(
            'ul',
            { class: 'plain' },
            ...open.map((a) =>
              h(
                'li',
                { key: a.id, class: 'row' },
                h('span', { class: 'small' }, `${time(a.at)}${a.text}${a.reason ? ` — ${a.reason}` : ''}`),
                h(Confirm, {
                  label: 'Undo',
                  question: `Undo “${a.text}”? The game goes back to what it would be without it.`,
                  yes: 'Yes, undo it',
                  onYes: () => undo(a),
                  attrs: { 'aria-label': `Undo: ${a.text}` },
                }),
              ),
            ),
          ),
    ),
    h(
      'section',
      { class: 'section', 'aria-labelledby': 'record-h' },
      h('h3', { id: 'record-h' }, 'The White Cell record'),
      acts.length === 0
        ? h('p', { class: 'small muted' }, 'Nothing yet.')
        : h(
            'ol',
            { class: 'plain small', 'aria-label': 'What the White Cell did' },
            ...acts.map((a) =>
              h(
                'li',
                { key: a.id, class: a.undone ? 'undone' : '' },
                h('span', { class: 'wc-mark' }, 'White Cell'),
                ` Round ${a.round}${a.step ? `, ${a.step}` : ''}: ${time(a.at)}${a.text}${a.reason ? ` Reason: ${a.reason}` : ''}${a.undone ? ' (undone)' : ''}`,
              ),
            ),
          ),
    ),
  );
}
