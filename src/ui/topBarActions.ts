// The top bar's buttons. On a wide bar they stand in a row; on a narrow one (a 1024 px laptop, a
// tablet) they fold behind one "Menu" button, so no control ever leaves the viewport. One set
// of buttons serves both: CSS decides whether their list is a row or a pop-up (layout.css).
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { button, h, type VNode } from './dom';

export interface TopBarAction {
  label: string;
  title?: string;
  run(): void;
}

export function TopBarActions({ actions }: { actions: readonly TopBarAction[] }): VNode {
  const [open, setOpen] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLDivElement>(null);
  // Opening moves the focus into the list (its first button), in the same frame as the list shows.
  useLayoutEffect(() => {
    if (open) list.current?.querySelector<HTMLElement>('button')?.focus();
  }, [open]);
  // The list closes when the focus leaves it and its toggle (a click elsewhere, Tab past the end).
  const onFocusOut = (e: FocusEvent) => {
    const next = e.relatedTarget as Node | null;
    if (open && !(e.currentTarget as HTMLElement).contains(next)) setOpen(false);
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || !open) return;
    e.stopPropagation();
    setOpen(false);
    toggle.current?.focus();
  };
  return h(
    'div',
    { class: 'topbar-actions', onkeydown: onKey, onfocusout: onFocusOut },
    h(
      'button',
      {
        type: 'button',
        class: 'topbar-more',
        ref: toggle,
        'aria-expanded': String(open),
        'aria-controls': 'topbar-menu',
        onclick: () => setOpen(!open),
      },
      'Menu',
    ),
    h(
      'div',
      { class: 'topbar-menu', id: 'topbar-menu', ref: list, 'data-open': open ? 'true' : 'false' },
      ...actions.map((a) =>
        button(
          a.label,
          () => {
            // The folded list hides this button: the focus waits on "Menu", where a dialog gives it back.
            if (open) toggle.current?.focus();
            setOpen(false);
            a.run();
          },
          a.title ? { title: a.title } : {},
        ),
      ),
    ),
  );
}
