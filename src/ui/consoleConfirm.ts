// An action of the White Cell that convicts, ends or hands a game away asks first, in place: the
// button opens a question with "Yes" and "Cancel" (keyboard reachable, announced), so a stray click
// or a double click never acts on its own.
import { useState } from 'preact/hooks';
import { button, h, type Attrs, type VNode } from './dom';

export function Confirm({
  label,
  question,
  yes,
  onYes,
  attrs = {},
  ask = true,
}: {
  label: string;
  /** What the facilitator is asked, in full ("Rule Iran's step in violation?"). */
  question: string;
  /** The confirming button's words ("Yes, rule it"). */
  yes: string;
  onYes: () => void;
  attrs?: Attrs;
  /** False when this time the action needs no question (it neither convicts nor ends). */
  ask?: boolean;
}): VNode {
  const [open, setOpen] = useState(false);
  if (!ask) return button(label, onYes, attrs);
  if (!open) return button(label, () => setOpen(true), attrs);
  return h(
    'div',
    { class: 'confirm', role: 'alertdialog', 'aria-label': question },
    h('p', { class: 'small', role: 'status' }, question),
    h(
      'div',
      { class: 'row' },
      button(
        yes,
        () => {
          setOpen(false);
          onYes();
        },
        { class: 'danger', autofocus: true },
      ),
      button('Cancel', () => setOpen(false)),
    ),
  );
}
