// The round log along the bottom: what this seat may know, newest last; collapsible.
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { GameView, Scenario } from '../engine';
import type { AiNote } from '../net/transport';
import { button, h, type VNode } from './dom';

interface Line {
  key: string;
  round: number;
  cls: string;
  text: string;
}

/** The events this seat may see, with what the AI delegations said about their decisions (a sealed commit's reason once the round is resolved). */
export function logLines(sc: Scenario, view: GameView, notes: readonly AiNote[]): Line[] {
  const short = (d: string) => sc.delegations.find((x) => x.id === d)?.short ?? d;
  // Keys are positions in the game's append-only lists, so a line keeps its element as others arrive.
  const events = view.events
    .map((e, i) => ({ e, key: `e${i}` }))
    .filter(({ e }) => e.kind !== 'implemented' || e.round < view.round || view.step !== 'commit');
  const said = notes.map((x, i) => ({ x, key: `n${i}` })).filter(({ x }) => !x.sealed || x.round < view.round || view.step === 'ended');
  const note = ({ x, key }: (typeof said)[number]): Line => ({
    key,
    round: x.round,
    cls: 'ai-note',
    text: `${short(x.delegation)} (AI): ${x.text}`,
  });
  const lines: Line[] = [];
  let n = 0;
  for (const { e, key } of events) {
    // The AI's words of a round follow that round's events.
    for (let next = said[n]; next && next.x.round < e.round; next = said[++n]) lines.push(note(next));
    lines.push({
      key,
      round: e.round,
      cls: Array.isArray(e.audience) ? 'private' : '',
      text: `${Array.isArray(e.audience) ? '(private) ' : ''}${e.text}`,
    });
  }
  for (; n < said.length; n++) lines.push(note(said[n] as (typeof said)[number]));
  return lines;
}

/**
 * Keeps a scrolled list at its bottom as lines arrive, but only while the reader is there: one
 * who scrolled up to read stays where they are.
 */
export function useStickToBottom<T extends HTMLElement>(deps: unknown[]) {
  const ref = useRef<T>(null);
  const atBottom = useRef(true);
  const onScroll = () => {
    const el = ref.current;
    if (el) atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < 4;
  };
  useLayoutEffect(() => {
    const el = ref.current;
    if (el && atBottom.current) el.scrollTop = el.scrollHeight;
  }, deps);
  return { ref, onScroll };
}

export function RoundLog({
  sc,
  view,
  open,
  toggle,
  notes = [],
}: {
  sc: Scenario;
  view: GameView;
  open: boolean;
  toggle: () => void;
  notes?: readonly AiNote[];
}): VNode {
  const lines = logLines(sc, view, notes).slice(-120);
  const stick = useStickToBottom<HTMLOListElement>([lines.length, lines.at(-1)?.key, open]);
  return h(
    'section',
    { class: 'log', 'aria-labelledby': 'log-h' },
    h(
      'header',
      {},
      h('h2', { id: 'log-h', style: 'margin:0' }, 'Round log'),
      h('span', { class: 'small muted' }, 'numbers are rounds'),
      h('span', { class: 'spacer' }),
      button(open ? 'Hide log' : 'Show log', toggle, { 'aria-expanded': String(open), 'aria-controls': 'round-log' }),
    ),
    open
      ? h(
          'ol',
          { id: 'round-log', 'aria-live': 'polite', 'aria-relevant': 'additions', tabindex: 0, ref: stick.ref, onscroll: stick.onScroll },
          ...lines.map((l) => h('li', { key: l.key, class: l.cls, value: l.round }, l.text)),
        )
      : null,
  );
}
