// The start-of-round briefing over the game: what opened this round (shocks first), last round's
// outcome, why the figures moved, and what waits for the seat. The report layer builds it from the
// seat's view; this only draws it.
import { useEffect, useRef } from 'preact/hooks';
import type { GameView, Scenario } from '../engine';
import { roundBriefing, type RoundBriefing, type WaitingItem } from '../report/roundBriefing';
import { signed, type Cause, type FigureMove, type LineKind, type SummaryLine } from '../report/roundSummary';
import { button, h, type VNode } from './dom';
import { term } from './glossary';
import './explain.css';

/** The badge of each kind of item waiting for the seat. */
const WAITING_BADGE: Record<WaitingItem['kind'], string> = {
  offer: 'Offer',
  vote: 'Vote',
  dispute: 'Dispute',
  promise: 'Promise',
  window: 'Window',
  verification: 'Verifying',
};

// A word before each line, so its kind never rests on colour alone.
const BADGE: Record<LineKind, string> = {
  phase: 'Phase',
  secured: 'Secured',
  negated: 'Negated',
  unwound: 'Unwound',
  violated: 'Broken',
  incident: 'Incident',
  inquiry: 'Inquiry',
  council: 'Council',
  promise: 'Promises',
  escrow: 'Escrow',
  news: 'News',
  private: 'Only you',
  procedure: 'Step',
};

function lines(items: readonly SummaryLine[], label: string): VNode {
  return h(
    'ul',
    { class: 'plain outcome-list', 'aria-label': label },
    ...items.map((l, i) =>
      h(
        'li',
        { key: i, class: `sum-line ${l.kind}${l.private ? ' private' : ''}` },
        h('span', { class: 'badge' }, BADGE[l.kind]),
        h('span', {}, l.text),
      ),
    ),
  );
}

// The largest causes by name; the many small ones (a point of trust per package) summed in one line.
const SHOWN_CAUSES = 4;
function causeItems(causes: readonly Cause[]): VNode[] {
  const shown = causes.slice(0, SHOWN_CAUSES);
  const rest = causes.slice(SHOWN_CAUSES);
  const sum = Math.round(rest.reduce((a, c) => a + c.delta, 0) * 10) / 10;
  return [
    ...shown.map((c, i) => h('li', { key: i }, h('span', { class: 'delta' }, signed(c.delta)), ` ${c.text}`)),
    ...(rest.length
      ? [
          h(
            'li',
            { key: 'rest' },
            h('span', { class: 'delta' }, signed(sum)),
            ` ${rest.length} smaller causes (${rest.map((c) => c.text).join(', ')})`,
          ),
        ]
      : []),
  ];
}

export function figureList(moves: readonly FigureMove[]): VNode {
  return h(
    'ul',
    { class: 'plain figures' },
    ...moves.map((f) => {
      const delta = f.from === null ? null : f.to - f.from;
      const head = f.from === null ? `${f.label}: ${f.to}` : `${f.label}: ${f.from} → ${f.to} (${signed(delta ?? 0)})`;
      return h(
        'li',
        { key: `${f.figure}-${f.who ?? ''}` },
        h('strong', {}, head),
        f.causes.length
          ? h('ul', { class: 'plain causes' }, ...causeItems(f.causes))
          : delta
            ? null
            : h('span', { class: 'muted small' }, ' — unchanged'),
      );
    }),
  );
}

function body(b: RoundBriefing): Array<VNode | null> {
  const out: Array<VNode | null> = [];
  if (b.opened.length) out.push(h('h3', {}, `Round ${b.round} opens with`), lines(b.opened, `What opened round ${b.round}`));
  if (b.last) {
    out.push(
      h('h3', {}, `Round ${b.last.round}: what happened`),
      b.last.outcomes.length
        ? lines(b.last.outcomes, `Outcome of round ${b.last.round}`)
        : h('p', { class: 'muted' }, 'Nothing was secured, lost or struck.'),
      b.last.outcomes.some((l) => l.kind === 'incident')
        ? h(
            'p',
            { class: 'small muted' },
            'Nobody at the table orders these attacks: the proxy networks strike on their own, and unless one acted alone the council counts its patron as the sponsor. ',
            term('proxy', 'Why?'),
          )
        : null,
      h('h3', {}, 'Why the figures moved'),
      figureList(b.last.figures),
    );
  }
  out.push(
    h('h3', {}, 'Waiting for you'),
    b.waiting.length
      ? h(
          'ul',
          { class: 'plain outcome-list', 'aria-label': 'Waiting for you' },
          ...b.waiting.map((w, i) =>
            h('li', { key: i, class: `sum-line ${w.kind}` }, h('span', { class: 'badge' }, WAITING_BADGE[w.kind]), h('span', {}, w.text)),
          ),
        )
      : h(
          'p',
          { class: 'muted' },
          'No offer, vote or promise waits for you. Propose a package to build the next ',
          term('span', 'span'),
          '.',
        ),
  );
  if (b.last?.procedure.length)
    out.push(
      h(
        'details',
        {},
        h('summary', {}, `Every step of round ${b.last.round} (${b.last.procedure.length})`),
        lines(b.last.procedure, 'Every step'),
      ),
    );
  return out;
}

/** The briefing dialog; Continue (or Esc) closes it and marks the round read for this seat. */
export function BriefingDialog({ sc, view, seat, close }: { sc: Scenario; view: GameView; seat: string; close: () => void }): VNode {
  const ref = useRef<HTMLDivElement>(null);
  const b = roundBriefing(sc, view, seat);
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('button.primary')?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') close();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [view.round, seat]);
  return h(
    'div',
    { class: 'overlay', ref },
    h(
      'div',
      { class: 'dialog briefing-dialog', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'briefing-h' },
      h(
        'div',
        { class: 'row' },
        h('h2', { id: 'briefing-h', style: 'margin:0' }, `Round ${b.round} briefing`),
        h('span', { class: 'spacer' }),
        button('Continue', close, { class: 'primary' }),
      ),
      h('p', { class: 'small muted' }, 'What changed since you last acted, before you negotiate.'),
      ...body(b),
      h('div', { class: 'row', style: 'margin-top:12px;justify-content:flex-end' }, button('Continue to the negotiation', close)),
    ),
  );
}
