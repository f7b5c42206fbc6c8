// The facilitator's console (the White Cell): the room and its seats on the left, and on the
// right the session (pause, clocks, end, the log), injects, rulings and reveals, and messages.
import { catalog, OUTCOMES, type GameView, type Intent, type Scenario } from '../engine';
import { formatCode, type RoomAction } from '../net/protocol';
import type { ConsoleTab, RoomUi } from '../store/gameStore';
import { nameOf } from './context';
import { incidentLine } from './councilPanel';
import { useState } from 'preact/hooks';
import { button, checkedOf, h, valueOf, type VNode } from './dom';
import { numberIn, useForm } from './form';
import { personaPicker } from './personaPicker';
import { joinUrl, projectorUrl } from './roomFlow';

export interface ConsoleActions {
  intent(i: Intent): void;
  action(a: RoomAction): void;
  download(): void;
  setTab(t: ConsoleTab): void;
  qr(url: string, size?: number): VNode;
  leave(): void;
}

/** The room: its code and QR code to join, the projector link, and every seat. */
export function roomSection(sc: Scenario, room: RoomUi, view: GameView, act: ConsoleActions): VNode {
  const url = joinUrl(room.base, room.code);
  const seats = room.info.seats;
  return h(
    'div',
    {},
    h(
      'section',
      { class: 'section', 'aria-labelledby': 'join-h' },
      h('h3', { id: 'join-h' }, 'Join code'),
      h('div', { class: 'joincode', 'aria-label': `Join code ${formatCode(room.code).split('').join(' ')}` }, formatCode(room.code)),
      act.qr(url, 132),
      h('p', { class: 'small muted' }, `Teams open ${room.base.replace(/^https?:\/\//, '')} and type the code, or scan the QR code.`),
      h(
        'div',
        { class: 'row' },
        h('a', { href: projectorUrl(room.code), target: '_blank', rel: 'noopener', class: 'small' }, 'Open the projector view'),
        h('a', { href: url, target: '_blank', rel: 'noopener', class: 'small' }, 'Join link'),
      ),
      room.info.started
        ? null
        : h(
            'div',
            { style: 'margin-top:8px' },
            button('Start the game', () => act.action({ kind: 'start' }), { class: 'primary' }),
            h('p', { class: 'small muted' }, 'Seats no team has claimed are then played by the AI.'),
          ),
    ),
    h(
      'section',
      { class: 'section', 'aria-labelledby': 'seats-h' },
      h('h3', { id: 'seats-h' }, 'Seats'),
      h(
        'table',
        { class: 'seats' },
        h('thead', {}, h('tr', {}, h('th', {}, 'Delegation'), h('th', {}, 'Held by'), h('th', {}, ''))),
        // A body per seat: its row, and under it the persona its AI plays (now or when handed over).
        ...seats.map((s) => {
          const d = view.delegations[s.delegation];
          const status =
            view.step === 'commit'
              ? d?.committed
                ? `committed${d.committedBy ? ` (${d.committedBy})` : ''}`
                : 'not committed'
              : d?.ready
                ? 'ready'
                : '';
          return h(
            'tbody',
            { key: s.delegation },
            h(
              'tr',
              {},
              h(
                'td',
                {},
                h('span', { class: 'dot', style: `background:${sc.delegations.find((x) => x.id === s.delegation)?.color ?? '#888'}` }),
                ` ${nameOf(sc, s.delegation)}`,
              ),
              h(
                'td',
                { class: 'small' },
                s.mode === 'ai' ? `AI${s.team ? ` (team ${s.team} watching)` : ''}` : s.team ? `${s.team}` : 'open',
                s.online.length ? h('div', { class: 'muted' }, `online: ${s.online.join(', ')}`) : null,
                status ? h('div', { class: 'muted' }, status) : null,
              ),
              h(
                'td',
                { class: 'row', style: 'gap:4px' },
                s.mode === 'ai'
                  ? s.team
                    ? button('Back to team', () => act.action({ kind: 'seatMode', delegation: s.delegation, mode: 'human' }), {
                        'aria-label': `Give ${s.delegation} back to its team`,
                      })
                    : null
                  : button('To AI', () => act.action({ kind: 'seatMode', delegation: s.delegation, mode: 'ai', persona: s.persona }), {
                      'aria-label': `Hand ${s.delegation} to the AI`,
                    }),
                s.team
                  ? button('Release', () => act.action({ kind: 'releaseSeat', delegation: s.delegation }), {
                      'aria-label': `Release ${s.delegation}`,
                      class: 'danger',
                    })
                  : null,
              ),
            ),
            h(
              'tr',
              { class: 'persona-row' },
              h(
                'td',
                { colspan: 3 },
                h('span', { class: 'small muted' }, s.mode === 'ai' ? 'The AI plays it as ' : 'If the AI plays it: '),
                personaPicker(nameOf(sc, s.delegation), s.persona, (persona) =>
                  act.action({ kind: 'persona', delegation: s.delegation, persona }),
                ),
              ),
            ),
          );
        }),
      ),
    ),
  );
}

export function consoleTabs(
  sc: Scenario,
  room: RoomUi,
  view: GameView,
  tab: ConsoleTab,
  act: ConsoleActions,
  messages: () => VNode,
): VNode {
  const label = (t: ConsoleTab, text: string) =>
    h(
      'button',
      {
        role: 'tab',
        type: 'button',
        id: `ctab-${t}`,
        'aria-selected': String(tab === t),
        'aria-controls': `cpanel-${t}`,
        onclick: () => act.setTab(t),
      },
      text,
    );
  const body =
    tab === 'session'
      ? h(SessionPanel, { room, view, act })
      : tab === 'injects'
        ? h(InjectsPanel, { sc, view, act })
        : tab === 'rulings'
          ? h(RulingsPanel, { sc, view, act })
          : messages();
  return h(
    'div',
    {},
    h(
      'div',
      { class: 'tabs', role: 'tablist', 'aria-label': 'Facilitator console' },
      label('session', 'Session'),
      label('injects', 'Injects'),
      label('rulings', 'Rulings'),
      label('messages', `Messages (${room.messages.length})`),
    ),
    h('div', { key: tab, role: 'tabpanel', id: `cpanel-${tab}`, 'aria-labelledby': `ctab-${tab}`, class: 'tabpanel' }, body),
  );
}

function SessionPanel({ room, view, act }: { room: RoomUi; view: GameView; act: ConsoleActions }): VNode {
  const over = view.outcome !== null;
  const { values, field } = useForm({
    'clock-negotiation': String(room.info.clocks.negotiation ?? ''),
    'clock-commit': String(room.info.clocks.commit ?? ''),
    'clock-unit': '1',
    'extend-minutes': '2',
    'end-outcome': OUTCOMES[0] as string,
    'end-reason': '',
  });
  const setClocks = () => {
    const k = Number(values['clock-unit']);
    const n = numberIn(values['clock-negotiation']);
    const c = numberIn(values['clock-commit']);
    act.action({ kind: 'clock', step: 'negotiation', minutes: n === null || n <= 0 ? null : n * k });
    act.action({ kind: 'clock', step: 'commit', minutes: c === null || c <= 0 ? null : c * k });
  };
  const reason = values['end-reason'].trim();
  const stepOpen = view.step === 'negotiation' || view.step === 'commit';
  return h(
    'div',
    {},
    h(
      'section',
      { class: 'section' },
      h('h3', {}, 'The game'),
      h(
        'p',
        {},
        over
          ? `Over: ${view.outcome}.`
          : `Round ${view.round}, ${view.step}${view.paused ? ' — paused' : ''}.${room.info.started ? '' : ' Not started yet.'}`,
      ),
      h(
        'div',
        { class: 'row' },
        view.paused
          ? button('Resume', () => act.intent({ type: 'facilitator.resume', actor: 'facilitator' }), {
              key: 'resume',
              class: 'primary',
              disabled: over,
            })
          : button('Pause', () => act.intent({ type: 'facilitator.pause', actor: 'facilitator' }), {
              key: 'pause',
              disabled: over || !room.info.started,
            }),
        button(
          view.step === 'commit' ? 'Close the commit now' : 'Close the negotiation now',
          () => act.intent({ type: 'step.close', actor: 'facilitator' }),
          { disabled: over || !stepOpen || view.paused || !room.info.started },
        ),
      ),
    ),
    h(
      'section',
      { class: 'section' },
      h('h3', {}, 'Clocks'),
      h(
        'div',
        { class: 'row' },
        h('label', { for: 'clock-negotiation' }, 'Negotiation'),
        h('input', { type: 'number', ...field('clock-negotiation'), min: 0.5, step: 0.5, placeholder: 'none', style: 'width:90px' }),
        h('label', { for: 'clock-commit' }, 'Commit'),
        h('input', { type: 'number', ...field('clock-commit'), min: 0.5, step: 0.5, placeholder: 'none', style: 'width:90px' }),
        h(
          'select',
          { ...field('clock-unit'), 'aria-label': 'Clock unit' },
          h('option', { value: '1' }, 'minutes'),
          h('option', { value: '60' }, 'hours'),
          h('option', { value: '1440' }, 'days'),
        ),
      ),
      h(
        'div',
        { class: 'row', style: 'margin-top:6px' },
        button('Set clocks', setClocks, { class: 'primary' }),
        h('span', { class: 'small muted' }, 'Empty: no clock. A new setting applies from the next step.'),
      ),
      h(
        'div',
        { class: 'field' },
        h('label', { for: 'on-expiry' }, 'When the commit clock reaches zero'),
        h(
          'select',
          {
            id: 'on-expiry',
            value: room.info.onExpiry,
            onchange: (e: Event) => act.action({ kind: 'onExpiry', value: valueOf(e) as 'ai' | 'nothing' }),
          },
          h('option', { value: 'ai' }, 'the AI commits for seats that did not'),
          h('option', { value: 'nothing' }, 'seats that did not commit, commit nothing'),
        ),
      ),
      h(
        'div',
        { class: 'row' },
        button('Add time', () => act.action({ kind: 'extend', minutes: numberIn(values['extend-minutes']) ?? 0 }), {
          disabled: !room.info.clock,
        }),
        h('input', { type: 'number', ...field('extend-minutes'), min: -60, step: 1, style: 'width:70px', 'aria-label': 'Minutes to add' }),
        h('span', { class: 'small muted' }, 'minutes to the running clock'),
      ),
    ),
    h(
      'section',
      { class: 'section' },
      h('h3', {}, 'Log and end'),
      h('div', { class: 'row' }, button('Download the log', act.download)),
      h('p', { class: 'small muted' }, 'The event log (replayable with npm run replay) and the transcript of messages and seats.'),
      h(
        'div',
        { class: 'row' },
        h('select', { ...field('end-outcome'), 'aria-label': 'Outcome' }, ...OUTCOMES.map((o) => h('option', { key: o, value: o }, o))),
        h('input', {
          type: 'text',
          ...field('end-reason'),
          maxlength: 400,
          placeholder: 'Why (shown in the debrief)',
          'aria-label': 'Reason for ending',
        }),
        button(
          'End the game',
          () =>
            act.intent({
              type: 'facilitator.end',
              actor: 'facilitator',
              outcome: values['end-outcome'] as (typeof OUTCOMES)[number],
              ...(reason ? { reason } : {}),
            }),
          { class: 'danger', disabled: over },
        ),
      ),
      h('div', { class: 'row', style: 'margin-top:8px' }, button('Leave the console', act.leave)),
    ),
  );
}

/** Whom an inject is for: the delegations ticked, or everyone when none is. */
function AudiencePicker({
  sc,
  prefix,
  chosen,
  set,
}: {
  sc: Scenario;
  prefix: string;
  chosen: readonly string[];
  set: (c: readonly string[]) => void;
}): VNode {
  return h(
    'fieldset',
    {},
    h('legend', {}, 'To (none ticked: everyone)'),
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
            checked: chosen.includes(d.id),
            onchange: (e: Event) => set(checkedOf(e) ? [...chosen, d.id] : chosen.filter((x) => x !== d.id)),
          }),
          d.short,
        ),
      ),
    ),
  );
}

function InjectsPanel({ sc, view, act }: { sc: Scenario; view: GameView; act: ConsoleActions }): VNode {
  const { values, field } = useForm({
    'inject-title': '',
    'inject-text': '',
    'inject-tension': '0',
    'inject-front': '',
    'inject-front-delta': '0',
  });
  const [audience, setAudience] = useState<readonly string[]>([]);
  const fire = () => {
    const effects: Record<string, unknown> = {};
    const t = Number(values['inject-tension']);
    if (t) effects.tension = t;
    const fd = Number(values['inject-front-delta']);
    const front = values['inject-front'];
    if (front && fd) effects.fronts = { [front]: fd };
    act.intent({
      type: 'facilitator.inject',
      actor: 'facilitator',
      inject: {
        title: values['inject-title'].trim(),
        text: values['inject-text'].trim(),
        audience: audience.length ? [...audience] : 'all',
        effects,
      },
    });
  };
  return h(
    'div',
    {},
    h(
      'section',
      { class: 'section' },
      h('h3', {}, 'From the scenario'),
      h(
        'ul',
        { class: 'plain injects' },
        ...sc.injects.map((inj) => {
          const fired = view.firedInjects.includes(inj.id);
          return h(
            'li',
            { key: inj.id },
            h('strong', {}, inj.title),
            h('span', { class: 'small muted' }, inj.round ? ` · scheduled round ${inj.round}` : ' · on demand', fired ? ' · fired' : ''),
            h('div', { class: 'small' }, inj.text),
            button(`Fire: ${inj.title}`, () => act.intent({ type: 'facilitator.inject', actor: 'facilitator', inject: inj.id }), {
              disabled: view.outcome !== null,
            }),
          );
        }),
      ),
    ),
    h(
      'section',
      { class: 'section' },
      h('h3', {}, 'Write one'),
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
      h(AudiencePicker, { sc, prefix: 'inj', chosen: audience, set: setAudience }),
      button('Fire this inject', fire, { class: 'primary', disabled: view.outcome !== null }),
    ),
  );
}

function RulingsPanel({ sc, view, act }: { sc: Scenario; view: GameView; act: ConsoleActions }): VNode {
  const cat = catalog(sc);
  const incidents = view.incidents.filter((i) => !i.cancelled);
  const standing = Object.values(view.standing);
  const first = String(incidents[0]?.id ?? '');
  const { values, field } = useForm({
    'att-incident': first,
    'att-sponsor': '',
    'cancel-incident': first,
    'ver-move': standing[0]?.move ?? '',
    'ver-result': 'verified',
    'reveal-what': 'incident',
    'reveal-incident': first,
    'reveal-to': 'all',
  });
  // A choice whose option is gone (an incident struck off) falls back to the first one offered.
  const pick = (name: 'att-incident' | 'cancel-incident' | 'reveal-incident') =>
    incidents.some((i) => String(i.id) === values[name]) ? values[name] : first;
  const move = standing.some((st) => st.move === values['ver-move']) ? values['ver-move'] : (standing[0]?.move ?? '');
  const incSelect = (name: 'att-incident' | 'cancel-incident' | 'reveal-incident') =>
    h(
      'select',
      { ...field(name), value: pick(name), 'aria-label': 'Incident' },
      ...incidents.map((i) => h('option', { key: i.id, value: String(i.id) }, incidentLine(sc, view, i.id))),
    );
  const o = (override: Extract<Intent, { type: 'facilitator.override' }>['override']) =>
    act.intent({ type: 'facilitator.override', actor: 'facilitator', override });
  const over = view.outcome !== null;
  const what = values['reveal-what'] as 'incident' | 'defections' | 'objectives';
  return h(
    'div',
    {},
    h(
      'section',
      { class: 'section' },
      h('h3', {}, 'Set an attribution'),
      incidents.length
        ? h(
            'div',
            { class: 'row' },
            incSelect('att-incident'),
            h(
              'select',
              { ...field('att-sponsor'), 'aria-label': 'Attributed to' },
              h('option', { value: '' }, 'no one (inconclusive)'),
              ...sc.delegations.map((d) => h('option', { key: d.id, value: d.id }, d.name)),
              h('option', { value: 'independent' }, 'the network itself'),
              h('option', { value: 'spoiler' }, sc.spoilers.name),
            ),
            button(
              'Set attribution',
              () => o({ kind: 'attribution', incident: Number(pick('att-incident')), sponsor: values['att-sponsor'] || null }),
              { disabled: over },
            ),
          )
        : h('p', { class: 'muted small' }, 'No incident yet.'),
    ),
    h(
      'section',
      { class: 'section' },
      h('h3', {}, 'Cancel an incident'),
      incidents.length
        ? h(
            'div',
            { class: 'row' },
            incSelect('cancel-incident'),
            button('Cancel incident', () => o({ kind: 'cancelIncident', incident: Number(pick('cancel-incident')) }), { disabled: over }),
          )
        : h('p', { class: 'muted small' }, 'No incident yet.'),
    ),
    h(
      'section',
      { class: 'section' },
      h('h3', {}, 'Force a verification result'),
      standing.length
        ? h(
            'div',
            { class: 'row' },
            h(
              'select',
              { ...field('ver-move'), value: move, 'aria-label': 'Step in force' },
              ...standing.map((st) =>
                h(
                  'option',
                  { key: st.move, value: st.move },
                  `${nameOf(sc, st.delegation)}: ${cat.move.get(st.move)?.name ?? st.move}${view.quietDefections.some((q) => q.move === st.move) ? ' (quietly abandoned)' : ''}`,
                ),
              ),
            ),
            h(
              'select',
              { ...field('ver-result'), 'aria-label': 'Ruling' },
              h('option', { value: 'verified' }, 'verified'),
              h('option', { value: 'violation' }, 'in violation'),
            ),
            button('Rule', () => o({ kind: 'verification', move, result: values['ver-result'] as 'verified' | 'violation' }), {
              disabled: over,
            }),
          )
        : h('p', { class: 'muted small' }, 'No step in force yet.'),
    ),
    h(
      'section',
      { class: 'section' },
      h('h3', {}, 'Reveal hidden information'),
      h(
        'div',
        { class: 'row' },
        h(
          'select',
          { ...field('reveal-what'), 'aria-label': 'What to reveal' },
          h('option', { value: 'incident' }, 'the true sponsor of an incident'),
          h('option', { value: 'defections' }, 'quiet defections'),
          h('option', { value: 'objectives' }, 'secret objectives'),
        ),
        incidents.length ? incSelect('reveal-incident') : null,
        h(
          'select',
          { ...field('reveal-to'), 'aria-label': 'Reveal to' },
          h('option', { value: 'all' }, 'everyone'),
          ...sc.delegations.map((d) => h('option', { key: d.id, value: d.id }, d.name)),
        ),
      ),
      button(
        'Reveal',
        () =>
          act.intent({
            type: 'facilitator.reveal',
            actor: 'facilitator',
            what,
            ...(what === 'incident' ? { incident: Number(pick('reveal-incident')) } : {}),
            to: values['reveal-to'],
          }),
        { class: 'primary', disabled: over },
      ),
      h('p', { class: 'small muted' }, 'Every ruling and reveal is written in the event log.'),
    ),
  );
}
