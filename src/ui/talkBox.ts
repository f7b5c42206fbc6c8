// Writing to the AI delegations in words (solo, hot-seat and rooms alike): a message is an
// intent (talk.say) like any other, and the AI's reply comes back as an event in the seat's view.
// What the AI understood and what it did are in its reply; the game's own controls stay the way
// to act.
import { useState } from 'preact/hooks';
import { MAX_TALK_TEXT } from '../engine';
import { nameOf, type Ctx } from './context';
import { h, valueOf, type VNode } from './dom';
import { useStickToBottom } from './roundLog';

/** The delegations the AI plays now, as this page knows them. */
function aiSeats(ctx: Ctx): string[] {
  const room = ctx.ui.room;
  if (room) return room.info.seats.filter((s) => s.mode === 'ai').map((s) => s.delegation);
  return ctx.sc.delegations.map((d) => d.id).filter((d) => !ctx.ui.humans.includes(d));
}

export function TalkBox({ ctx }: { ctx: Ctx }): VNode | null {
  const { sc, view, seat } = ctx;
  const ais = aiSeats(ctx).filter((d) => d !== seat);
  const [to, setTo] = useState<string | null>(null);
  const [text, setText] = useState('');
  const lines = view.events.filter((e) => e.talk && seat !== null && (e.talk.from === seat || e.talk.to.includes(seat))).slice(-12);
  const stick = useStickToBottom<HTMLOListElement>([lines.length]);
  if (!seat || ais.length === 0 || view.step === 'ended') return null;
  const target = to !== null && ais.includes(to) ? to : (ais[0] as string);
  const submit = () => {
    const t = text.trim();
    if (!t) return;
    ctx.send({ type: 'talk.say', actor: seat, to: [target], text: t.slice(0, MAX_TALK_TEXT) });
    setText('');
  };
  return h(
    'section',
    { class: 'section talk', 'aria-labelledby': 'talk-h' },
    h('h3', { id: 'talk-h' }, 'Talk to the AI delegations'),
    h(
      'p',
      { class: 'small muted' },
      'Offer steps in your own words ("we halt enrichment if you keep your navies back"), answer a package by number, or ask what a delegation wants. The AI says what it understood and what it does.',
    ),
    lines.length
      ? h(
          'ol',
          {
            class: 'chat',
            'aria-live': 'polite',
            'aria-label': 'Conversation with the AI delegations',
            ref: stick.ref,
            onscroll: stick.onScroll,
          },
          ...lines.map((e, i) =>
            h(
              'li',
              { key: i, class: e.talk?.from === seat ? 'mine' : '' },
              h('span', { class: 'dot', style: `background:${sc.delegations.find((d) => d.id === e.talk?.from)?.color ?? '#ccc'}` }),
              h('strong', {}, `${nameOf(sc, e.talk?.from ?? '')} → ${(e.talk?.to ?? []).map((d) => nameOf(sc, d)).join(', ')}`),
              ' ',
              h('span', {}, e.talk?.text ?? ''),
            ),
          ),
        )
      : null,
    h(
      'form',
      {
        class: 'talkform',
        onsubmit: (e: Event) => {
          e.preventDefault();
          submit();
        },
      },
      h('label', { for: 'talk-to', class: 'small' }, 'Write to'),
      h(
        'select',
        { id: 'talk-to', value: target, onchange: (e: Event) => setTo(valueOf(e)) },
        ...ais.map((d) => h('option', { value: d }, nameOf(sc, d))),
      ),
      h('label', { for: 'talk-text', class: 'small' }, 'Message to the AI'),
      h('textarea', {
        id: 'talk-text',
        rows: 2,
        maxlength: MAX_TALK_TEXT,
        value: text,
        oninput: (e: Event) => setText(valueOf(e)),
        // Ctrl+Enter (or ⌘+Enter) sends; Enter alone starts a new line.
        onkeydown: (e: KeyboardEvent) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            submit();
          }
        },
      }),
      h('button', { type: 'submit', class: 'primary', disabled: !text.trim() }, 'Send to the AI'),
    ),
  );
}
