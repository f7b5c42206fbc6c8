// The parts of the interface that exist only in a room: the start card, the lobby where a team
// claims its delegation, the clock, the team box with its link, and the messages.
import type { Scenario } from '../engine';
import { formatCode, normalizeCode, type ChatLine, type ChatTo, type ClockInfo } from '../net/protocol';
import type { RoomUi } from '../store/gameStore';
import { nameOf } from './context';
import { useEffect, useState } from 'preact/hooks';
import { term } from './glossary';
import { button, checkedOf, h, valueOf, type VNode } from './dom';
import { useStickToBottom } from './roundLog';
import { personaLabel } from './personaPicker';
import { teamUrl } from './roomFlow';

export interface RoomStartActions {
  create(name: string, serverKey?: string): void;
  join(code: string, name: string): void;
  projector(code: string): void;
  rejoin(): void;
  /** The teacher's pages: a class of several tables made from a roster. */
  classSetup(): void;
}

export function RoomStartCard({ saved, act }: { saved: { code: string; kind: string } | null; act: RoomStartActions }): VNode {
  const [name, setName] = useState('');
  const [code, setCode] = useState('');
  const [serverKey, setServerKey] = useState('');
  const who = () => name.trim() || 'Guest';
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'room-h' },
    h('h2', { id: 'room-h' }, 'Classroom room'),
    h(
      'p',
      { class: 'muted' },
      'Teams join from their own laptops with a code; empty seats are played by the AI; the facilitator runs the clock.',
    ),
    saved
      ? h(
          'div',
          { class: 'row', style: 'margin-bottom:8px' },
          button(`Rejoin room ${formatCode(saved.code)} (${saved.kind})`, act.rejoin, { class: 'primary' }),
        )
      : null,
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'room-name' }, 'Your name or team name'),
      h('input', {
        type: 'text',
        id: 'room-name',
        maxlength: 40,
        autocomplete: 'nickname',
        placeholder: 'e.g. Ana, or Team Blue',
        value: name,
        oninput: (e: Event) => setName(valueOf(e)),
      }),
    ),
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'room-code' }, 'Join code'),
      h('input', {
        type: 'text',
        id: 'room-code',
        maxlength: 12,
        autocomplete: 'off',
        placeholder: 'XXXX-XXXX',
        style: 'text-transform:uppercase;letter-spacing:0.1em',
        value: code,
        oninput: (e: Event) => setCode(valueOf(e)),
      }),
    ),
    h(
      'div',
      { class: 'row' },
      button('Join room', () => act.join(normalizeCode(code), who()), { class: 'primary' }),
      button('Projector view', () => act.projector(normalizeCode(code))),
    ),
    h('p', { class: 'muted small', style: 'margin-top:12px' }, 'Instructor or ', term('whiteCell'), '?'),
    h(
      'div',
      { class: 'row' },
      button('Create a room as facilitator', () => act.create(name.trim() || 'Facilitator', serverKey.trim())),
      button('Set up a class', act.classSetup),
    ),
    h(
      'details',
      { class: 'small', style: 'margin-top:8px' },
      h('summary', {}, 'This server has a facilitator key'),
      h(
        'p',
        { class: 'muted small' },
        'A server started with a facilitator key keeps rooms in reserve for those who know it, however many rooms others opened.',
      ),
      h(
        'div',
        { class: 'field' },
        h('label', { for: 'server-key' }, 'Facilitator key of the server'),
        h('input', {
          type: 'password',
          id: 'server-key',
          maxlength: 128,
          autocomplete: 'off',
          value: serverKey,
          oninput: (e: Event) => setServerKey(valueOf(e)),
        }),
      ),
    ),
  );
}

/** A teammate opening the team link is asked for a name first, so the team and the White Cell see who joined. */
export function JoinNameScreen({ join }: { join: (name: string) => void }): VNode {
  const [name, setName] = useState('');
  const go = () => {
    if (name.trim()) join(name.trim());
  };
  return h(
    'main',
    { class: 'start' },
    h(
      'div',
      { class: 'start-inner' },
      h('h1', {}, 'Interlock'),
      h('p', { class: 'tagline' }, 'You are joining your team’s seat. Your team and the facilitator see who is online.'),
      h(
        'form',
        {
          class: 'card',
          onsubmit: (e: Event) => {
            e.preventDefault();
            go();
          },
        },
        h(
          'div',
          { class: 'field' },
          h('label', { for: 'join-name' }, 'Your name'),
          h('input', {
            type: 'text',
            id: 'join-name',
            maxlength: 40,
            autocomplete: 'nickname',
            required: true,
            value: name,
            oninput: (e: Event) => setName(valueOf(e)),
          }),
        ),
        h('button', { type: 'submit', class: 'primary', disabled: name.trim() === '' }, 'Join my team'),
      ),
    ),
  );
}

export function joiningScreen(): VNode {
  return h(
    'main',
    { class: 'start' },
    h('div', { class: 'start-inner' }, h('h1', {}, 'Interlock'), h('p', { class: 'tagline', role: 'status' }, 'Connecting to the room…')),
  );
}

/** The lobby: every delegation, who holds it, and a button to claim a free one. */
export function LobbyScreen({
  sc,
  room,
  notice,
  act,
}: {
  sc: Scenario;
  room: RoomUi;
  notice: { kind: string; text: string } | null;
  act: { claim(d: string, name: string): void; leave(): void };
}): VNode {
  const [name, setName] = useState(room.name === 'guest' ? '' : room.name);
  const seats = room.info.seats;
  return h(
    'main',
    { class: 'start' },
    h(
      'div',
      { class: 'start-inner' },
      h('h1', {}, `Room ${formatCode(room.code)}`),
      h(
        'p',
        { class: 'tagline' },
        room.info.started
          ? 'The game is under way. Claim a free delegation (it is played by the AI until you do).'
          : 'Claim your team’s delegation. The facilitator starts the game when the teams are in.',
      ),
      notice ? h('div', { class: `notice ${notice.kind}`, role: 'alert' }, notice.text) : null,
      h(
        'div',
        { class: 'field', style: 'max-width:360px' },
        h('label', { for: 'team-name' }, 'Your team name'),
        h('input', {
          type: 'text',
          id: 'team-name',
          maxlength: 40,
          placeholder: 'Team name',
          value: name,
          oninput: (e: Event) => setName(valueOf(e)),
        }),
      ),
      h(
        'div',
        { class: 'start-grid lobby' },
        ...sc.delegations.map((d) => {
          const seat = seats.find((s) => s.delegation === d.id);
          const held = seat?.team ?? null;
          return h(
            'section',
            { key: d.id, class: 'card', style: `border-top:4px solid ${d.color}` },
            h('h2', {}, d.name),
            h('p', { class: 'muted small' }, d.summary),
            seat && (seat.mode !== 'human' || !held) ? h('p', { class: 'small' }, `AI: ${personaLabel(seat.persona)}`) : null,
            held
              ? h(
                  'p',
                  {},
                  `Held by ${held}${seat?.online.length ? ` (${seat.online.length} online)` : ''}. Teammates join with their team link.`,
                )
              : button(`Claim ${d.short}`, () => act.claim(d.id, name.trim() || `Team ${d.short}`), { class: 'primary' }),
          );
        }),
      ),
      h('div', { class: 'row', style: 'margin-top:16px' }, button('Leave the room', act.leave)),
    ),
  );
}

/** A QR code for a link, drawn by the server as SVG (the page ships no QR library). */
export const qr = (url: string, size = 160): VNode =>
  h('img', { class: 'qr', width: size, height: size, alt: `QR code for ${url}`, src: `/qr.svg?text=${encodeURIComponent(url)}` });

/** Whole minutes and seconds left (or days and hours for long clocks). */
export function formatLeft(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  if (s >= 86_400) return `${Math.floor(s / 86_400)} d ${Math.floor((s % 86_400) / 3600)} h`;
  if (s >= 3600) return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min`;
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** The clock of the open step, counting down on its own (its interval ends with it). */
export function Clock({ clock, skewMs, big = false }: { clock: ClockInfo | null; skewMs: number; big?: boolean }): VNode | null {
  const [now, setNow] = useState(() => Date.now());
  const running = clock !== null && clock.endsAt !== null;
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, [running]);
  if (!clock) return null;
  const label = clock.step === 'negotiation' ? 'Negotiation closes in' : 'Commit closes in';
  const left = clock.endsAt === null ? clock.remainingMs : clock.endsAt - (now + skewMs);
  return h(
    'span',
    { class: `chip clock ${big ? 'big' : ''}`, role: 'timer', 'aria-label': label },
    h('span', { class: 'small muted' }, clock.endsAt === null ? `${label} (paused)` : label),
    h('strong', {}, formatLeft(left)),
  );
}

export const clockChip = (clock: ClockInfo | null, skewMs: number, big = false): VNode => h(Clock, { clock, skewMs, big });

export function connectionChip(room: RoomUi): VNode | null {
  if (room.connection === 'online') return h('span', { class: 'chip', title: 'Connected to the room' }, `Room ${formatCode(room.code)}`);
  return h('span', { class: 'chip warn', role: 'status' }, room.connection === 'reconnecting' ? 'Reconnecting…' : 'Disconnected');
}

/** The team box on a seat's screen: who is online, and the link that brings a teammate in. */
export function TeamSection({ sc, room, seat, qr }: { sc: Scenario; room: RoomUi; seat: string; qr: (url: string) => VNode }): VNode {
  const [open, setOpen] = useState(false);
  const info = room.info.seats.find((s) => s.delegation === seat);
  const link = room.token ? teamUrl(room.base, room.code, room.token) : null;
  return h(
    'section',
    { class: 'section', 'aria-labelledby': 'team-h' },
    h('h3', { id: 'team-h' }, `Team: ${info?.team ?? nameOf(sc, seat)}`),
    h(
      'p',
      { class: 'small' },
      `Online: ${info?.online.join(', ') || '—'}${info?.mode === 'ai' ? ' · the facilitator handed this seat to the AI' : ''}`,
    ),
    link
      ? h(
          'details',
          { open, ontoggle: (e: Event) => setOpen((e.currentTarget as HTMLDetailsElement).open) },
          h('summary', { class: 'small' }, 'Bring a teammate in'),
          h('p', { class: 'small muted' }, 'Anyone with this link plays for your delegation. Share it only with your team.'),
          h('input', {
            type: 'text',
            readonly: true,
            value: link,
            'aria-label': 'Team link',
            style: 'width:100%',
            onfocus: (e: Event) => (e.target as HTMLInputElement).select(),
          }),
          qr(link),
        )
      : null,
  );
}

const toLabel = (sc: Scenario, to: ChatTo, from: string) => {
  if (to === 'all') return 'to all';
  if (to === 'team') return 'team';
  return `to ${to.map((d) => (d === 'facilitator' ? 'the White Cell' : nameOf(sc, d))).join(', ')}`;
  void from;
};

/** Messages: private to one delegation, to a group, to all, or the team channel. */
export function MessagesPanel({
  sc,
  me,
  lines,
  send,
  older,
}: {
  sc: Scenario;
  me: string | null;
  lines: readonly ChatLine[];
  send: (to: ChatTo, text: string) => void;
  older?: (() => void) | undefined;
}): VNode {
  const others = sc.delegations.filter((d) => d.id !== me);
  const [text, setText] = useState('');
  const [mode, setMode] = useState('all');
  const [chosen, setChosen] = useState<readonly string[]>([]);
  const stick = useStickToBottom<HTMLOListElement>([lines.length]);
  const submit = () => {
    const t = text.trim();
    if (!t) return;
    let to: ChatTo = mode === 'team' ? 'team' : mode === 'white-cell' ? ['facilitator'] : 'all';
    if (mode === 'some') {
      if (!chosen.length) return;
      to = [...chosen];
    }
    send(to, t);
    setText('');
  };
  const toggle = (d: string, on: boolean) => setChosen(on ? [...chosen, d] : chosen.filter((x) => x !== d));
  return h(
    'div',
    { class: 'tabpanel messages' },
    older
      ? h(
          'div',
          { class: 'row', style: 'justify-content:center;margin-bottom:6px' },
          button('Show older messages', older, { class: 'small' }),
        )
      : null,
    h(
      'ol',
      { class: 'chat', 'aria-live': 'polite', 'aria-label': 'Messages', ref: stick.ref, onscroll: stick.onScroll },
      ...lines.map((l, i) =>
        h(
          'li',
          { key: i, class: l.from === me ? 'mine' : '' },
          h('span', { class: 'dot', style: `background:${sc.delegations.find((d) => d.id === l.from)?.color ?? '#ccc'}` }),
          h('strong', {}, l.from === 'facilitator' ? 'White Cell' : l.from === 'press' ? 'Press' : nameOf(sc, l.from)),
          h(
            'span',
            { class: 'small muted' },
            ` ${l.by} · ${toLabel(sc, l.to, l.from)} · ${l.round ? `round ${l.round}, ` : ''}${new Date(l.at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}`,
          ),
          h('div', {}, l.text),
        ),
      ),
    ),
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'chat-to' }, 'Send to'),
      h(
        'select',
        { id: 'chat-to', 'aria-label': 'Send to', value: mode, onchange: (e: Event) => setMode(valueOf(e)) },
        h('option', { value: 'all' }, 'Everyone'),
        h('option', { value: 'some' }, 'Chosen delegations (private or group)'),
        me ? h('option', { value: 'team' }, 'My team only') : null,
        me ? h('option', { value: 'white-cell' }, 'The White Cell (the facilitator) only') : null,
      ),
    ),
    h(
      'fieldset',
      {},
      h('legend', {}, 'Delegations (for a private or group message)'),
      h(
        'div',
        { class: 'seat-list' },
        ...others.map((d) =>
          h(
            'label',
            { key: d.id, for: `to-${d.id}`, class: 'row' },
            h('input', {
              type: 'checkbox',
              id: `to-${d.id}`,
              value: d.id,
              checked: chosen.includes(d.id),
              onchange: (e: Event) => toggle(d.id, checkedOf(e)),
            }),
            d.short,
          ),
        ),
      ),
    ),
    h('textarea', {
      id: 'chat-text',
      rows: 3,
      maxlength: 1000,
      'aria-label': 'Message',
      style: 'width:100%',
      value: text,
      oninput: (e: Event) => setText(valueOf(e)),
    }),
    h('div', { class: 'row', style: 'margin-top:6px' }, button('Send message', submit, { class: 'primary' })),
  );
}
