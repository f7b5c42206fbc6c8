// The facilitator console's events list (MSEL): the scenario's events and those added in play, each
// with its round, recipients, mechanical effect, expected player actions and controller notes; hold,
// release, reschedule, cancel, fire early; add an event or write one on the spot; CSV out and in.
import { mselRows, type GameView, type Inject, type MselChange, type MselRow, type Scenario } from '../engine';
import { useState } from 'preact/hooks';
import { mselChangesFromCsv, mselCsv } from '../report/mselCsv';
import { button, checkedOf, h, valueOf, type VNode } from './dom';
import { download } from './download';
import { useForm } from './form';
import type { ConsoleActions } from './console';
import { Confirm } from './consoleConfirm';

/** Who receives an event: nobody is chosen until the facilitator says "everyone" or ticks delegations. */
export type AudienceChoice = { kind: 'unset' } | { kind: 'all' } | { kind: 'some'; ids: readonly string[] };

export function AudiencePicker({
  sc,
  prefix,
  choice,
  set,
}: {
  sc: Scenario;
  prefix: string;
  choice: AudienceChoice;
  set: (c: AudienceChoice) => void;
}): VNode {
  const ids = choice.kind === 'some' ? choice.ids : [];
  return h(
    'fieldset',
    {},
    h('legend', {}, 'To (choose: everyone, or only the delegations ticked)'),
    h(
      'label',
      { for: `${prefix}-everyone`, class: 'row' },
      h('input', {
        type: 'radio',
        name: `${prefix}-to`,
        id: `${prefix}-everyone`,
        checked: choice.kind === 'all',
        onchange: () => set({ kind: 'all' }),
      }),
      'Everyone (public: on the wall too)',
    ),
    h(
      'label',
      { for: `${prefix}-some`, class: 'row' },
      h('input', {
        type: 'radio',
        name: `${prefix}-to`,
        id: `${prefix}-some`,
        checked: choice.kind === 'some',
        onchange: () => set({ kind: 'some', ids }),
      }),
      'Only these delegations (private):',
    ),
    h(
      'div',
      { class: 'seat-list' },
      ...sc.delegations.map((d) =>
        h(
          'label',
          { key: d.id, for: `${prefix}-${d.id}`, class: 'row' },
          h('input', {
            type: 'checkbox',
            id: `${prefix}-${d.id}`,
            value: d.id,
            checked: ids.includes(d.id),
            onchange: (e: Event) => set({ kind: 'some', ids: checkedOf(e) ? [...ids, d.id] : ids.filter((x) => x !== d.id) }),
          }),
          d.short,
        ),
      ),
    ),
  );
}

/** The audience an inject goes to, or null while the choice is not made (a private one with nobody ticked is no choice). */
export const audienceOf = (c: AudienceChoice): 'all' | string[] | null =>
  c.kind === 'all' ? 'all' : c.kind === 'some' && c.ids.length > 0 ? [...c.ids] : null;

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

/** What an inject does to the game, in the controller's words (the MSEL's "mechanical effect"). */
export function injectEffect(sc: Scenario, inj: Inject): string {
  const e = inj.effects;
  const name = (id: string) => sc.delegations.find((d) => d.id === id)?.short ?? sc.fronts.find((f) => f.id === id)?.name ?? id;
  const parts: string[] = [];
  if (e.tension) parts.push(`tension ${signed(e.tension)}`);
  for (const [f, v] of Object.entries(e.fronts ?? {})) parts.push(`${name(f)} ${signed(v)}`);
  for (const [d, v] of Object.entries(e.support ?? {})) parts.push(`${name(d)} support ${signed(v)}`);
  if (e.escrow) parts.push(`escrow ${signed(e.escrow)}`);
  if (inj.shock) parts.push(`unwinds one of ${name(inj.shock)}'s secured steps unless a stop-loss holds`);
  return parts.join('; ') || 'no mechanical effect (information only)';
}

const BLANK = {
  'inject-title': '',
  'inject-text': '',
  'inject-tension': '0',
  'inject-front': '',
  'inject-front-delta': '0',
  'inject-round': '',
  'inject-expected': '',
  'inject-notes': '',
};

const STATUS_WORDS: Record<MselRow['status'], string> = {
  pending: 'pending',
  held: 'HELD',
  cancelled: 'cancelled',
  fired: 'fired',
  missed: 'missed (its round passed)',
};

/** A new event's id from its title, unlike every id in the list. */
function newId(title: string, taken: ReadonlySet<string>): string {
  const base = (
    title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'event'
  )
    .replace(/^[^a-z]+/, 'e-')
    .slice(0, 40);
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

function EventRow({ sc, view, row, act }: { sc: Scenario; view: GameView; row: MselRow; act: ConsoleActions }): VNode {
  const inj = row.inject;
  const [round, setRound] = useState(inj.round === undefined ? '' : String(inj.round));
  const change = (c: MselChange) => act.intent({ type: 'facilitator.msel', actor: 'facilitator', changes: [c] });
  const open = view.outcome === null && (row.status === 'pending' || row.status === 'held' || row.status === 'missed');
  const fireable = view.outcome === null && row.status !== 'cancelled' && !(row.status === 'fired' && inj.round !== undefined);
  const to = inj.audience === 'all' ? 'everyone' : inj.audience.map((d) => sc.delegations.find((x) => x.id === d)?.short ?? d).join(', ');
  const roundField = `round-${inj.id}`;
  return h(
    'li',
    { key: inj.id, class: row.status === 'held' ? 'held' : '' },
    h('strong', {}, inj.title),
    h(
      'span',
      { class: 'small muted' },
      inj.round ? ` · round ${inj.round}` : ' · on demand',
      ` · ${STATUS_WORDS[row.status]}`,
      row.added ? ' · added in play' : '',
    ),
    h('div', { class: 'small' }, inj.text),
    h('div', { class: 'small muted' }, `To: ${to} · Effect: ${injectEffect(sc, inj)}`),
    inj.expected ? h('div', { class: 'small' }, h('em', {}, 'Expected: '), inj.expected) : null,
    inj.notes ? h('div', { class: 'small' }, h('em', {}, 'Controller notes: '), inj.notes) : null,
    fireable || open
      ? h(
          'div',
          { class: 'row', style: 'gap:4px;flex-wrap:wrap' },
          // A scheduled event fires once (docs/rules.md §10): pulled forward, it is spent; one on demand may fire again.
          fireable
            ? button(`Fire now: ${inj.title}`, () => act.intent({ type: 'facilitator.inject', actor: 'facilitator', inject: inj.id }))
            : null,
          inj.round !== undefined && row.status === 'pending'
            ? button('Hold', () => change({ kind: 'hold', inject: inj.id }), { 'aria-label': `Hold: ${inj.title}` })
            : null,
          row.status === 'held'
            ? button('Release', () => change({ kind: 'release', inject: inj.id }), { 'aria-label': `Release: ${inj.title}` })
            : null,
          ...(open
            ? [
                h('label', { for: roundField, class: 'sr-only' }, `New round for ${inj.title} (empty: on demand)`),
                h('input', {
                  type: 'number',
                  id: roundField,
                  min: view.round + 1,
                  max: sc.tunables.roundLimit,
                  value: round,
                  placeholder: 'on demand',
                  style: 'width:90px',
                  oninput: (e: Event) => setRound(valueOf(e)),
                }),
                button(
                  'Reschedule',
                  () => change({ kind: 'reschedule', inject: inj.id, round: round.trim() === '' ? null : Number(round) }),
                  { 'aria-label': `Reschedule: ${inj.title}` },
                ),
                h(Confirm, {
                  label: 'Cancel event',
                  question: `Cancel “${inj.title}”? It will never fire.`,
                  yes: 'Yes, cancel it',
                  onYes: () => change({ kind: 'cancel', inject: inj.id }),
                  attrs: { 'aria-label': `Cancel event: ${inj.title}` },
                }),
              ]
            : []),
        )
      : null,
  );
}

export function InjectsPanel({ sc, view, act }: { sc: Scenario; view: GameView; act: ConsoleActions }): VNode {
  const { values, field, set } = useForm(BLANK);
  const [audience, setAudience] = useState<AudienceChoice>({ kind: 'unset' });
  const [csvStatus, setCsvStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const rows = mselRows(sc, view);
  const clear = () => {
    for (const k of Object.keys(BLANK) as Array<keyof typeof BLANK>) set(k, BLANK[k]);
    setAudience({ kind: 'unset' });
  };
  const effects = () => {
    const e: Record<string, unknown> = {};
    const t = Number(values['inject-tension']);
    if (t) e.tension = t;
    const fd = Number(values['inject-front-delta']);
    const front = values['inject-front'];
    if (front && fd) e.fronts = { [front]: fd };
    return e;
  };
  const to = audienceOf(audience);
  const title = values['inject-title'].trim();
  const text = values['inject-text'].trim();
  const ready = to !== null && title !== '' && text !== '' && view.outcome === null;
  const fire = () => {
    if (!ready) return;
    act.intent({ type: 'facilitator.inject', actor: 'facilitator', inject: { title, text, audience: to, effects: effects() } });
    clear();
  };
  const addToList = () => {
    if (!ready) return;
    const round = values['inject-round'].trim();
    const expected = values['inject-expected'].trim();
    const notes = values['inject-notes'].trim();
    act.intent({
      type: 'facilitator.msel',
      actor: 'facilitator',
      changes: [
        {
          kind: 'add',
          event: {
            id: newId(title, new Set(rows.map((r) => r.inject.id))),
            title,
            text,
            audience: to,
            effects: effects() as Inject['effects'],
            ...(round ? { round: Number(round) } : {}),
            ...(expected ? { expected } : {}),
            ...(notes ? { notes } : {}),
          },
        },
      ],
    });
    clear();
  };
  const importCsv = async (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const r = mselChangesFromCsv(sc, view, await file.text());
    if (!r.ok) {
      setCsvStatus({ ok: false, text: `Not imported: ${r.error}. The events list is unchanged.` });
      return;
    }
    act.intent({ type: 'facilitator.msel', actor: 'facilitator', changes: r.changes });
    setCsvStatus({ ok: true, text: `Imported: ${r.changes.length} change${r.changes.length === 1 ? '' : 's'} to the events list.` });
  };
  return h(
    'div',
    {},
    h(
      'section',
      { class: 'section', 'aria-labelledby': 'msel-h' },
      h('h3', { id: 'msel-h' }, 'Events list (MSEL)'),
      h(
        'div',
        { class: 'row', style: 'gap:6px;flex-wrap:wrap' },
        button('Export the list (CSV)', () => download(`interlock-events-round${view.round}.csv`, mselCsv(sc, view), 'text/csv')),
        h('label', { for: 'msel-import', class: 'small' }, 'Import a list (CSV):'),
        h('input', { type: 'file', id: 'msel-import', accept: '.csv,text/csv', onchange: (e: Event) => void importCsv(e) }),
      ),
      csvStatus ? h('p', { class: csvStatus.ok ? 'small' : 'small warning', role: 'status' }, csvStatus.text) : null,
      h('ul', { class: 'plain injects' }, ...rows.map((row) => h(EventRow, { key: row.inject.id, sc, view, row, act }))),
    ),
    h(
      'section',
      { class: 'section', 'aria-labelledby': 'write-h' },
      h('h3', { id: 'write-h' }, 'Write an event: fire it now, or add it to the list'),
      h(
        'div',
        { class: 'field' },
        h('label', { for: 'inject-title' }, 'Title'),
        h('input', { type: 'text', ...field('inject-title'), maxlength: 80, placeholder: 'Tanker seized near Hormuz' }),
      ),
      h(
        'div',
        { class: 'field' },
        h('label', { for: 'inject-text' }, 'Text'),
        h('textarea', {
          ...field('inject-text'),
          rows: 3,
          maxlength: 600,
          style: 'width:100%',
          placeholder: 'What happened, as the delegations read it.',
        }),
      ),
      h(
        'div',
        { class: 'row' },
        h('label', { for: 'inject-tension' }, 'Tension'),
        h('input', { type: 'number', ...field('inject-tension'), min: -20, max: 20, style: 'width:70px' }),
        h(
          'select',
          { ...field('inject-front'), 'aria-label': 'Front' },
          h('option', { value: '' }, 'no front'),
          ...sc.fronts.map((f) => h('option', { key: f.id, value: f.id }, f.name)),
        ),
        h('input', {
          type: 'number',
          ...field('inject-front-delta'),
          min: -20,
          max: 20,
          style: 'width:70px',
          'aria-label': 'Front tension change',
        }),
      ),
      h(AudiencePicker, { sc, prefix: 'inj', choice: audience, set: setAudience }),
      to === null ? h('p', { class: 'small muted' }, 'Choose who receives it: everyone, or tick the delegations.') : null,
      button('Fire this inject now', fire, { class: 'primary', disabled: !ready }),
      h(
        'details',
        {},
        h('summary', {}, 'Or add it to the events list'),
        h(
          'div',
          { class: 'field' },
          h('label', { for: 'inject-round' }, `Round (${view.round + 1}–${sc.tunables.roundLimit}; empty: on demand)`),
          h('input', { type: 'number', ...field('inject-round'), min: view.round + 1, max: sc.tunables.roundLimit, style: 'width:90px' }),
        ),
        h(
          'div',
          { class: 'field' },
          h('label', { for: 'inject-expected' }, 'Expected player actions'),
          h('input', { type: 'text', ...field('inject-expected'), maxlength: 600 }),
        ),
        h(
          'div',
          { class: 'field' },
          h('label', { for: 'inject-notes' }, 'Controller notes'),
          h('input', { type: 'text', ...field('inject-notes'), maxlength: 600 }),
        ),
        button('Add to the events list', addToList, { disabled: !ready }),
      ),
    ),
  );
}
