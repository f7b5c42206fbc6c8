// The round log along the bottom: what this seat may know, newest last; collapsible.
import type { GameView, Scenario } from '../engine';
import type { AiNote } from '../net/transport';
import { button, h } from './dom';

/** The events this seat may see, with what the AI delegations said about their decisions (a sealed commit's reason once the round is resolved). */
export function roundLog(sc: Scenario, view: GameView, open: boolean, toggle: () => void, notes: readonly AiNote[] = []): HTMLElement {
  const events = view.events.filter((e) => e.kind !== 'implemented' || e.round < view.round || view.step !== 'commit');
  const said = notes.filter((n) => !n.sealed || n.round < view.round || view.step === 'ended');
  const short = (d: string) => sc.delegations.find((x) => x.id === d)?.short ?? d;
  type Line = { round: number; cls: string; text: string };
  const lines: Line[] = [];
  let n = 0;
  for (const e of events) {
    // The AI's words of a round follow that round's events.
    while (n < said.length && (said[n] as AiNote).round < e.round) {
      const x = said[n++] as AiNote;
      lines.push({ round: x.round, cls: 'ai-note', text: `${short(x.delegation)} (AI): ${x.text}` });
    }
    lines.push({ round: e.round, cls: Array.isArray(e.audience) ? 'private' : '', text: `${Array.isArray(e.audience) ? '(private) ' : ''}${e.text}` });
  }
  for (; n < said.length; n++) {
    const x = said[n] as AiNote;
    lines.push({ round: x.round, cls: 'ai-note', text: `${short(x.delegation)} (AI): ${x.text}` });
  }
  const list = h(
    'ol',
    { id: 'round-log', 'aria-live': 'polite', 'aria-relevant': 'additions', tabindex: 0 },
    ...lines.slice(-120).map((l) => h('li', { class: l.cls, value: l.round }, l.text)),
  );
  queueMicrotask(() => (list.scrollTop = list.scrollHeight));
  return h(
    'section',
    { class: 'log', 'aria-labelledby': 'log-h' },
    h('header', {}, h('h2', { id: 'log-h', style: 'margin:0' }, 'Round log'), h('span', { class: 'small muted' }, 'numbers are rounds'), h('span', { class: 'spacer' }), button(open ? 'Hide log' : 'Show log', toggle, { 'aria-expanded': String(open), 'aria-controls': 'round-log' })),
    open ? list : null,
  );
}
