// The dashboard's tables, live and side by side: round, phase and step, tension, the bridge, the
// clock, who has not sealed, and the seats; each with its own commands (pause, resume, next step,
// inject, end).
import type { TableSummary, TeacherCommand } from '../../net/classProtocol';
import { formatCode } from '../../net/protocol';
import { button, h, type VNode } from '../dom';

export interface TableActs {
  command: (cmd: TeacherCommand, table: string | null) => void;
  /** Lets a held message through, or rejects it. */
  release: (table: string, message: string, approved: boolean) => void;
  /** Teams muted now (`CODE:delegation`), and the switch. */
  muted: string[];
  mute: (table: string, delegation: string, muted: boolean) => void;
  /** Extra minutes per team (`CODE:delegation`), and the setting. */
  extra: Record<string, number>;
  setExtra: (table: string, delegation: string, minutes: number) => void;
  nameOf: (delegation: string) => string;
  injects: Array<{ id: string; title: string }>;
  /** Server time now (corrected for this computer's clock). */
  now: () => number;
}

const mmss = (ms: number) => {
  const s = Math.max(0, Math.ceil(ms / 1000));
  return s >= 3600
    ? `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`
    : `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

export function clockText(t: TableSummary, now: number): string {
  const c = t.clock;
  if (!c) return t.started ? 'no clock' : 'not started';
  const left = c.endsAt === null ? c.remainingMs : c.endsAt - now;
  return `${c.step}: ${mmss(left)}${c.endsAt === null ? ' (paused)' : ''}`;
}

function stateText(t: TableSummary): string {
  if (t.step === 'closed') return 'closed';
  if (!t.started) return 'waiting to start';
  if (t.outcome) return `over: ${t.outcome}`;
  return `round ${t.round} of ${t.roundLimit} · phase ${t.phase} · ${t.step}${t.paused ? ' · paused' : ''}`;
}

export function InjectPicker({ id, injects, send }: { id: string; injects: TableActs['injects']; send: (inject: string) => void }): VNode {
  return h(
    'div',
    { class: 'row inject-pick' },
    h('label', { for: id, class: 'sr-only' }, 'Inject'),
    h('select', { id, 'aria-label': 'Inject to send' }, ...injects.map((i) => h('option', { value: i.id }, i.title))),
    button('Send inject', () => {
      const el = document.getElementById(id) as HTMLSelectElement | null;
      if (el?.value) send(el.value);
    }),
  );
}

export function TableCard({ t, act }: { t: TableSummary; act: TableActs }): VNode {
  const tensionLevel = t.tension >= 70 ? 'bad' : t.tension >= 45 ? 'warn' : 'ok';
  return h(
    'section',
    { class: 'card class-table', 'aria-labelledby': `t-${t.code}` },
    h(
      'div',
      { class: 'class-table-head' },
      h('h2', { id: `t-${t.code}` }, t.name),
      h('span', { class: 'muted small' }, formatCode(t.code)),
    ),
    h('p', { class: 'class-state' }, stateText(t)),
    h(
      'div',
      { class: 'class-meters' },
      h(
        'div',
        {
          class: `class-tension ${tensionLevel}`,
          role: 'meter',
          'aria-valuemin': 0,
          'aria-valuemax': 100,
          'aria-valuenow': t.tension,
          'aria-label': 'Tension',
        },
        h('span', {}, `Tension ${t.tension}`),
        h('span', { class: 'class-bar', style: `width:${Math.min(100, t.tension)}%` }),
      ),
      h('p', { class: 'clock' }, `Clock — ${clockText(t, act.now())}`),
    ),
    t.bridge.length
      ? h(
          'p',
          { class: 'bridge small', 'aria-label': 'The bridge' },
          'Bridge: ',
          t.bridge.map((b) => `${b.track} ${b.secured}/${b.needed}${b.secured >= b.needed ? ' ✔' : ''}`).join(' · '),
        )
      : null,
    t.unsealed.length ? h('p', { class: 'unsealed small' }, 'Not sealed: ', t.unsealed.map(act.nameOf).join(', ')) : null,
    h(
      'ul',
      { class: 'class-seats small' },
      ...t.seats.map((s) =>
        h(
          'li',
          { key: s.delegation },
          h('strong', {}, act.nameOf(s.delegation)),
          ' — ',
          s.students.length ? s.students.join(', ') : 'AI',
          s.students.length ? h('span', { class: s.online ? 'online' : 'offline' }, s.online ? ' ● online' : ' ○ offline') : null,
          s.students.length
            ? button(
                act.muted.includes(`${t.code}:${s.delegation}`) ? 'Unmute' : 'Mute',
                () => act.mute(t.code, s.delegation, !act.muted.includes(`${t.code}:${s.delegation}`)),
                {
                  class: 'small-btn',
                  'aria-label': `${act.muted.includes(`${t.code}:${s.delegation}`) ? 'Unmute' : 'Mute'} ${act.nameOf(s.delegation)} at ${t.name}`,
                },
              )
            : null,
          s.students.length
            ? h(
                'select',
                {
                  class: 'small-btn',
                  title: 'Extra time a step (accommodation)',
                  'aria-label': `Extra time for ${act.nameOf(s.delegation)} at ${t.name}`,
                  value: String(act.extra[`${t.code}:${s.delegation}`] ?? 0),
                  onchange: (e: Event) => act.setExtra(t.code, s.delegation, Number((e.currentTarget as HTMLSelectElement).value)),
                },
                ...[0, 1, 2, 5, 10].map((m) => h('option', { value: String(m) }, m ? `+${m} min` : 'no extra time')),
              )
            : null,
        ),
      ),
    ),
    t.notes.length
      ? h(
          'div',
          { class: 'held', role: 'region', 'aria-label': `Observer notes at ${t.name}` },
          h('h3', {}, 'Observer notes'),
          h(
            'ul',
            { class: 'small' },
            ...t.notes.map((n, i) => h('li', { key: i }, h('strong', {}, `${n.by}, round ${n.round}: `), n.text)),
          ),
        )
      : null,
    t.held.length
      ? h(
          'div',
          { class: 'held', role: 'region', 'aria-label': `Messages waiting at ${t.name}` },
          h('h3', {}, `Waiting for approval (${t.held.length})`),
          ...t.held.map((m) =>
            h(
              'div',
              { key: m.id, class: 'held-line' },
              h(
                'p',
                { class: 'small' },
                h('strong', {}, m.from === 'press' ? `Press item by ${m.by} → all: ` : `${m.by} (${act.nameOf(m.from)}) → ${m.to}: `),
                m.text,
              ),
              button('Approve', () => act.release(t.code, m.id, true), { 'aria-label': `Approve “${m.text}”` }),
              button('Reject', () => act.release(t.code, m.id, false), { 'aria-label': `Reject “${m.text}”` }),
            ),
          ),
        )
      : null,
    h(
      'div',
      { class: 'row' },
      !t.started
        ? button('Start', () => act.command({ kind: 'start' }, t.code), { 'aria-label': `Start ${t.name}` })
        : t.paused
          ? button('Resume', () => act.command({ kind: 'resume' }, t.code), { 'aria-label': `Resume ${t.name}` })
          : button('Pause', () => act.command({ kind: 'pause' }, t.code), { 'aria-label': `Pause ${t.name}` }),
      button('Next step', () => act.command({ kind: 'advance' }, t.code), { 'aria-label': `Next step at ${t.name}` }),
      button('End', () => act.command({ kind: 'end' }, t.code), { 'aria-label': `End the game at ${t.name}` }),
    ),
    h(InjectPicker, { id: `inject-${t.code}`, injects: act.injects, send: (inject) => act.command({ kind: 'inject', inject }, t.code) }),
  );
}

export function AllTables({ tables, act }: { tables: TableSummary[]; act: TableActs }): VNode {
  return h(
    'div',
    {},
    h(
      'div',
      { class: 'row class-all', role: 'group', 'aria-label': 'All tables' },
      button('Start all tables', () => act.command({ kind: 'start' }, null), { class: 'primary' }),
      button('Pause all', () => act.command({ kind: 'pause' }, null)),
      button('Resume all', () => act.command({ kind: 'resume' }, null)),
      button('Next step at all tables', () => act.command({ kind: 'advance' }, null)),
      button('End all games', () => act.command({ kind: 'end' }, null)),
      h(InjectPicker, { id: 'inject-all', injects: act.injects, send: (inject) => act.command({ kind: 'inject', inject }, null) }),
    ),
    h('div', { class: 'class-grid' }, ...tables.map((t) => h(TableCard, { key: t.code, t, act }))),
  );
}
