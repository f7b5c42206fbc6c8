// The right-hand panel of a seat: the negotiation, commit, council (and, in a room, messages) tabs.
import type { ChatTo } from '../net/protocol';
import type { Tab } from '../store/gameStore';
import { commitPanel } from './commitPanel';
import type { Ctx } from './context';
import { councilPanel } from './councilPanel';
import { button, h, type VNode } from './dom';
import { negotiationPanel } from './negotiationPanel';
import { MessagesPanel } from './roomPanels';
import { TalkBox } from './talkBox';
import { phaseLabel } from './topBar';

export function SeatTabs({ ctx, chat, older }: { ctx: Ctx; chat: (to: ChatTo, text: string) => void; older: () => void }): VNode {
  const tab = ctx.ui.tab;
  const room = ctx.ui.room;
  const label = (t: Tab, text: string) =>
    h(
      'button',
      {
        role: 'tab',
        type: 'button',
        id: `tab-${t}`,
        'aria-selected': String(tab === t),
        'aria-controls': `panel-${t}`,
        tabindex: tab === t ? 0 : -1,
        onclick: () => ctx.set({ tab: t }),
      },
      text,
    );
  const body =
    tab === 'messages' && room
      ? h(MessagesPanel, { sc: ctx.sc, me: ctx.seat, lines: room.messages, send: chat, older: room.olderMessages ? older : undefined })
      : tab === 'negotiate'
        ? h('div', {}, negotiationPanel(ctx), h('div', { class: 'tabpanel' }, h(TalkBox, { ctx })))
        : tab === 'commit'
          ? commitPanel(ctx)
          : councilPanel(ctx);
  const waiting =
    ctx.view.step === 'commit' && tab !== 'commit'
      ? h(
          'div',
          { class: 'notice info', style: 'margin:8px 12px' },
          'The commit step is open. ',
          button('Go to commit', () => ctx.set({ tab: 'commit' }), { class: 'primary' }),
        )
      : null;
  return h(
    'div',
    {},
    h(
      'div',
      { class: 'tabs', role: 'tablist', 'aria-label': phaseLabel(ctx.sc, ctx.view.phase), onkeydown: arrowsBetweenTabs },
      label('negotiate', 'Negotiate'),
      label('commit', 'Commit'),
      label('council', 'Council & fund'),
      room ? label('messages', `Messages${room.messages.length ? ` (${room.messages.length})` : ''}`) : null,
    ),
    waiting,
    // Keyed by tab: each tab's panel is its own element, never patched into another's.
    h('div', { key: tab, role: 'tabpanel', id: `panel-${tab}`, 'aria-labelledby': `tab-${tab}` }, body),
  );
}

/** Left and Right (Home, End) move between the tabs and open the one they reach, as a tab list does. */
function arrowsBetweenTabs(e: KeyboardEvent) {
  const tabs = [...(e.currentTarget as HTMLElement).querySelectorAll<HTMLElement>('[role="tab"]')];
  const at = tabs.indexOf(document.activeElement as HTMLElement);
  if (at < 0) return;
  const to =
    e.key === 'ArrowRight'
      ? (at + 1) % tabs.length
      : e.key === 'ArrowLeft'
        ? (at - 1 + tabs.length) % tabs.length
        : e.key === 'Home'
          ? 0
          : e.key === 'End'
            ? tabs.length - 1
            : -1;
  if (to < 0) return;
  e.preventDefault();
  tabs[to]?.focus();
  tabs[to]?.click();
}
