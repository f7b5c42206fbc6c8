// Dialogs over the game: how to play, the hot-seat hand-over, the round's resolution, the guide.
import type { Scenario } from '../engine';
import { useEffect, useRef, useState } from 'preact/hooks';
import { button, h, type ComponentChildren, type VNode } from './dom';
import { nameOf } from './context';

interface DialogProps {
  title: string;
  body: ComponentChildren[];
  actions: VNode[];
  cls?: string;
  /** What Esc does (closes the dialog); none for the hot-seat curtain, which only its button lifts. */
  escape?: () => void;
}

/**
 * A modal dialog. It takes the focus when it opens (its primary button: the player's next
 * action), keeps Tab inside itself, closes on Esc, and gives the focus back when it goes.
 */
function Dialog({ title, body, actions, cls, escape }: DialogProps): VNode {
  const id = `dlg-${title.replace(/\W+/g, '-').toLowerCase()}`;
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    (el?.querySelector<HTMLElement>('button.primary') ?? el?.querySelector<HTMLElement>('button'))?.focus();
  }, [id]);
  // Read while rendering, before the dialog takes the focus: the control that opened it.
  const [before] = useState(() => (document.activeElement instanceof HTMLElement ? document.activeElement : null));
  useEffect(() => () => restoreFocus(before), []);
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && escape) {
      e.preventDefault();
      e.stopPropagation();
      escape();
    } else if (e.key === 'Tab') keepTabInside(e, ref.current);
  };
  return h(
    'div',
    { class: `overlay ${cls ?? ''}`, ref, onkeydown: onKey },
    h(
      'div',
      { class: 'dialog', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': id },
      h('h2', { id }, title),
      ...body,
      h('div', { class: 'row', style: 'margin-top:12px;justify-content:flex-end' }, ...actions),
    ),
  );
}

const FOCUSABLE = 'button:not(:disabled), a[href], input:not(:disabled), select:not(:disabled), textarea:not(:disabled), [tabindex="0"]';

function keepTabInside(e: KeyboardEvent, root: HTMLElement | null) {
  const all = root ? [...root.querySelectorAll<HTMLElement>(FOCUSABLE)] : [];
  const first = all[0];
  const last = all.at(-1);
  if (!first || !last) return;
  if (e.shiftKey && document.activeElement === first) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && document.activeElement === last) {
    e.preventDefault();
    first.focus();
  }
}

/** Back to where the focus was before the dialog, or (when that is gone) to the screen's next action. */
function restoreFocus(before: HTMLElement | null) {
  queueMicrotask(() => {
    if (document.querySelector('[role="dialog"]')) return;
    if (before && before !== document.body && before.isConnected && before.offsetParent !== null) before.focus();
    else focusNextAction();
  });
}

/**
 * The control of the player's next action on the screen: an open dialog's primary button, the
 * primary button of the open tab, else the selected tab. Used when the focused control vanished.
 */
export function focusNextAction(): void {
  const target =
    document.querySelector<HTMLElement>('[role="dialog"] button.primary') ??
    document.querySelector<HTMLElement>('[role="tabpanel"] button.primary:not(:disabled)') ??
    document.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]') ??
    document.querySelector<HTMLElement>('main, [role="main"]');
  target?.focus();
}

const dialog = (title: string, body: ComponentChildren[], actions: VNode[], opts: { cls?: string; escape?: () => void } = {}): VNode =>
  h(Dialog, { key: title, title, body, actions, ...opts });

export function howToPlay(sc: Scenario, close: () => void): VNode {
  const p = (t: string) => h('p', {}, t);
  return dialog(
    'How to play',
    [
      p(
        `You lead one delegation in the talks that follow the ceasefire. You have ${sc.tunables.roundLimit} rounds to build a settlement across ${sc.tracks.length} tracks — ${sc.tracks.map((t) => t.name.toLowerCase()).join(', ')} — through three phases.`,
      ),
      h('h3', {}, 'The interlocking-safeties rule'),
      p(
        'Each span of the bridge is a restraint and the steps that must match it. A span is secured only when every step is implemented inside its window and verified by the monitors, and no violation has been verified since. A restraint left unmatched when its window closes is negated: it is reverted and costs its giver domestic support.',
      ),
      p('A phase completes only when every track it names has a secured span. A deal on one track never advances the talks.'),
      h('h3', {}, 'A round'),
      h(
        'ol',
        {},
        h('li', {}, 'Briefing: events arrive; read the log and the map.'),
        h(
          'li',
          {},
          'Negotiation: propose linked packages (start from a span of the interlock table), answer offers, then press “Ready to commit”.',
        ),
        h('li', {}, 'Commit: spend your action points, sealed. Carry out what you promised — the other side is counting on it.'),
        h(
          'li',
          {},
          'Resolution: steps are revealed, matched and verified; proxy incidents strike; the council investigates; tension moves.',
        ),
      ),
      h('h3', {}, 'Winning'),
      p(
        'The shared outcome is Consolidation (Phase C completed), Drift (time runs out) or Unraveling (tension reaches 100 or a strike on a nuclear site). You also score your secret objectives — which may pull against the settlement.',
      ),
      h('h3', {}, 'Keyboard'),
      p('Every control works with Tab and Enter. On the map: arrow keys pan, + and − zoom; “Map as text” lists everything on it.'),
    ],
    [button('Close', close, { class: 'primary' })],
    { escape: close },
  );
}

export function handOver(sc: Scenario, seat: string, step: string, go: () => void): VNode {
  const d = sc.delegations.find((x) => x.id === seat);
  return dialog(
    `Pass the screen to ${d?.name ?? seat}`,
    [h('p', {}, `It is ${d?.name ?? seat}'s turn (${step}). Everyone else, look away: what follows is for ${d?.short ?? seat} only.`)],
    [button(`I am ${d?.short ?? seat} — show my view`, go, { class: 'primary' })],
    { cls: 'handover' },
  );
}

const GUIDE: Array<{ title: string; text: string }> = [
  {
    title: 'Welcome to the talks',
    text: 'This short guide shows what to look at during your first round. You can skip it at any time and open it again with the “Guide” button.',
  },
  {
    title: 'The bridge (left)',
    text: 'Each track of the current phase lists its spans. A span is a restraint and the steps that must match it. Secured spans are solid green; a dashed outline means nothing has happened yet.',
  },
  {
    title: 'What is a span?',
    text: 'Take “Enrichment halt”: Iran halts enrichment above 20%, the Gulf exercises maritime restraint, the US issues a humanitarian waiver. Only when all three are done in the same window and verified does the span hold.',
  },
  {
    title: 'Negotiate (right)',
    text: 'Pick a span from the interlock table to fill a package, then propose it. Every delegation named must accept. AI delegations answer with their reasons.',
  },
  {
    title: 'Commit',
    text: 'When everyone is ready, make your sealed commit: tick the steps you promised. If your side of a span is done but the others do not match it before the window closes, your concession is negated — reverted, and it costs you support at home.',
  },
  {
    title: 'The map (centre)',
    text: 'Fronts are shaded by tension. Incidents appear as icons; dashed outlines mean nobody knows yet who sponsored them. “Map as text” lists everything for keyboard and screen-reader users.',
  },
];

/** The guide's span example comes from the scenario being played (its first span). */
function spanExample(sc: Scenario): string {
  const span = sc.interlocks[0];
  if (!span) return GUIDE[2]?.text ?? '';
  const steps = [span.restraint, ...span.reciprocal].length;
  return `Take “${span.name}”: ${span.text} Only when all ${steps} steps are done in the same window and verified does the span hold.`;
}

export function guide(step: number, next: () => void, skip: () => void, sc?: Scenario): VNode {
  const base = GUIDE[step] ?? GUIDE[0];
  const g = sc && step === 2 && base ? { ...base, text: spanExample(sc) } : base;
  const last = step >= GUIDE.length - 1;
  return dialog(
    `${g?.title ?? ''} (${step + 1}/${GUIDE.length})`,
    [h('p', {}, g?.text ?? '')],
    [button('Skip the guide', skip), button(last ? 'Start playing' : 'Next', last ? skip : next, { class: 'primary' })],
    { escape: skip },
  );
}

export const GUIDE_LENGTH = GUIDE.length;

export function noticeBar(text: string, kind: 'error' | 'info', close: () => void): VNode {
  return h(
    'div',
    {
      class: `notice ${kind}`,
      role: 'alert',
      style: 'position:fixed;top:60px;left:50%;transform:translateX(-50%);z-index:30;max-width:640px',
    },
    text,
    ' ',
    button('Dismiss', close),
  );
}

export function nameList(sc: Scenario, ids: readonly string[]): string {
  return ids.map((d) => nameOf(sc, d)).join(', ');
}
