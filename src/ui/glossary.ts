// The glossary dialog and the inline explanations: a dotted term shows its entry on hover and on
// keyboard focus (WCAG 1.4.13: it stays while hovered, and Esc hides it without moving focus).
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { button, h, type ComponentChildren, type VNode } from './dom';
import { GLOSSARY, type TermKey } from './glossaryText';
import './explain.css';

/** A term with its explanation on hover and focus; `children` replaces the printed word. */
export function Term({ k, children }: { k: TermKey; children?: ComponentChildren }): VNode {
  const id = useId();
  const [hidden, setHidden] = useState(false);
  const entry = GLOSSARY[k];
  return h(
    'span',
    {
      class: `term${hidden ? ' tip-hidden' : ''}`,
      tabindex: 0,
      'aria-describedby': id,
      onkeydown: (e: Event) => {
        if ((e as KeyboardEvent).key === 'Escape' && !hidden) {
          e.stopPropagation();
          setHidden(true);
        }
      },
      onblur: () => setHidden(false),
      onmouseleave: () => setHidden(false),
    },
    children ?? entry.term,
    h('span', { class: 'tip', role: 'tooltip', id }, h('strong', {}, `${entry.term}: `), entry.text),
  );
}

/** Shorthand: `term('span', 'spans')`. */
export const term = (k: TermKey, children?: ComponentChildren): VNode => h(Term, { k, ...(children !== undefined ? { children } : {}) });

/** Every entry, in the order of the content module, as a definition list. */
export function GlossaryDialog({ close }: { close: () => void }): VNode {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('button')?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') close();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const entries = Object.entries(GLOSSARY) as Array<[TermKey, (typeof GLOSSARY)[TermKey]]>;
  return h(
    'div',
    { class: 'overlay glossary-overlay', ref },
    h(
      'div',
      { class: 'dialog', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'glossary-h' },
      h(
        'div',
        { class: 'row' },
        h('h2', { id: 'glossary-h', style: 'margin:0' }, 'Glossary'),
        h('span', { class: 'spacer' }),
        button('Close glossary', close, { class: 'primary' }),
      ),
      h(
        'p',
        { class: 'small muted' },
        'The words of the talks, in a sentence or two. Dotted words on every screen show the same text when you point at them or Tab to them.',
      ),
      h(
        'dl',
        { class: 'glossary' },
        ...entries.flatMap(([k, e]) => [h('dt', { key: `t-${k}`, id: `gl-${k}` }, e.term), h('dd', { key: `d-${k}` }, e.text)]),
      ),
    ),
  );
}

/** The glossary's opener, on every screen (fixed in a corner, above the page and below dialogs). */
export function glossaryButton(open: () => void): VNode {
  return button('Glossary', open, { class: 'glossary-open', 'aria-haspopup': 'dialog' });
}
