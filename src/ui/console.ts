// The facilitator's console (the White Cell): the room and its seats on the left, and on the
// right the session (pause, clocks, end, the log), injects, rulings and reveals, and messages.
import { catalog, OUTCOMES, type GameView, type Intent, type Scenario } from '../engine';
import { formatCode, type RoomAction } from '../net/protocol';
import type { ConsoleTab, RoomUi } from '../store/gameStore';
import { nameOf } from './context';
import { incidentLine } from './councilPanel';
import { button, h, kept } from './dom';
import { personaPicker } from './personaPicker';
import { joinUrl, projectorUrl } from './roomFlow';

export interface ConsoleActions {
  intent(i: Intent): void;
  action(a: RoomAction): void;
  download(): void;
  setTab(t: ConsoleTab): void;
  qr(url: string, size?: number): HTMLElement;
  leave(): void;
}

const num = (el: HTMLInputElement) => {
  const n = Number(el.value);
  return el.value.trim() === '' || !Number.isFinite(n) ? null : n;
};

/** The room: its code and QR code to join, the projector link, and every seat. */
export function roomSection(sc: Scenario, room: RoomUi, view: GameView, act: ConsoleActions): HTMLElement {
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
      h('div', { class: 'row' }, h('a', { href: projectorUrl(room.code), target: '_blank', rel: 'noopener', class: 'small' }, 'Open the projector view'), h('a', { href: url, target: '_blank', rel: 'noopener', class: 'small' }, 'Join link')),
      room.info.started ? null : h('div', { style: 'margin-top:8px' }, button('Start the game', () => act.action({ kind: 'start' }), { class: 'primary' }), h('p', { class: 'small muted' }, 'Seats no team has claimed are then played by the AI.')),
    ),
    h(
      'section',
      { class: 'section', 'aria-labelledby': 'seats-h' },
      h('h3', { id: 'seats-h' }, 'Seats'),
      h(
        'table',
        { class: 'seats' },
        h('thead', {}, h('tr', {}, h('th', {}, 'Delegation'), h('th', {}, 'Held by'), h('th', {}, 'AI'), h('th', {}, ''))),
        h(
          'tbody',
          {},
          ...seats.map((s) => {
            const d = view.delegations[s.delegation];
            const status = view.step === 'commit' ? (d?.committed ? `committed${d.committedBy ? ` (${d.committedBy})` : ''}` : 'not committed') : d?.ready ? 'ready' : '';
            return h(
              'tr',
              {},
              h('td', {}, h('span', { class: 'dot', style: `background:${sc.delegations.find((x) => x.id === s.delegation)?.color ?? '#888'}` }), ` ${nameOf(sc, s.delegation)}`),
              h(
                'td',
                { class: 'small' },
                s.mode === 'ai' ? `AI${s.team ? ` (team ${s.team} watching)` : ''}` : s.team ? `${s.team}` : 'open',
                s.online.length ? h('div', { class: 'muted' }, `online: ${s.online.join(', ')}`) : null,
                status ? h('div', { class: 'muted' }, status) : null,
              ),
              h('td', {}, personaPicker(nameOf(sc, s.delegation), s.persona, (persona) => act.action({ kind: 'persona', delegation: s.delegation, persona }))),
              h(
                'td',
                { class: 'row', style: 'gap:4px' },
                s.mode === 'ai'
                  ? s.team
                    ? button('Back to team', () => act.action({ kind: 'seatMode', delegation: s.delegation, mode: 'human' }), { 'aria-label': `Give ${s.delegation} back to its team` })
                    : null
                  : button('To AI', () => act.action({ kind: 'seatMode', delegation: s.delegation, mode: 'ai', persona: s.persona }), { 'aria-label': `Hand ${s.delegation} to the AI` }),
                s.team ? button('Release', () => act.action({ kind: 'releaseSeat', delegation: s.delegation }), { 'aria-label': `Release ${s.delegation}`, class: 'danger' }) : null,
              ),
            );
          }),
        ),
      ),
    ),
  );
}

export function consoleTabs(sc: Scenario, room: RoomUi, view: GameView, tab: ConsoleTab, act: ConsoleActions, messages: () => HTMLElement): HTMLElement {
  const label = (t: ConsoleTab, text: string) =>
    h('button', { role: 'tab', type: 'button', id: `ctab-${t}`, 'aria-selected': String(tab === t), 'aria-controls': `cpanel-${t}`, onclick: () => act.setTab(t) }, text);
  const body = tab === 'session' ? sessionPanel(sc, room, view, act) : tab === 'injects' ? injectsPanel(sc, view, act) : tab === 'rulings' ? rulingsPanel(sc, view, act) : messages();
  return h(
    'div',
    {},
    h('div', { class: 'tabs', role: 'tablist', 'aria-label': 'Facilitator console' }, label('session', 'Session'), label('injects', 'Injects'), label('rulings', 'Rulings'), label('messages', `Messages (${room.messages.length})`)),
    h('div', { role: 'tabpanel', id: `cpanel-${tab}`, 'aria-labelledby': `ctab-${tab}`, class: 'tabpanel' }, body),
  );
}

function sessionPanel(sc: Scenario, room: RoomUi, view: GameView, act: ConsoleActions): HTMLElement {
  const over = view.outcome !== null;
  const neg = h('input', { type: 'number', ...kept('clock-negotiation'), min: 0.5, step: 0.5, value: room.info.clocks.negotiation ?? '', placeholder: 'none', style: 'width:90px' });
  const com = h('input', { type: 'number', ...kept('clock-commit'), min: 0.5, step: 0.5, value: room.info.clocks.commit ?? '', placeholder: 'none', style: 'width:90px' });
  const unit = h('select', { ...kept('clock-unit'), 'aria-label': 'Clock unit' }, h('option', { value: '1' }, 'minutes'), h('option', { value: '60' }, 'hours'), h('option', { value: '1440' }, 'days'));
  const setClocks = () => {
    const k = Number(unit.value);
    const n = num(neg);
    const c = num(com);
    act.action({ kind: 'clock', step: 'negotiation', minutes: n === null || n <= 0 ? null : n * k });
    act.action({ kind: 'clock', step: 'commit', minutes: c === null || c <= 0 ? null : c * k });
  };
  const expiry = h(
    'select',
    { id: 'on-expiry', onchange: (e: Event) => act.action({ kind: 'onExpiry', value: (e.target as HTMLSelectElement).value as 'ai' | 'nothing' }) },
    h('option', { value: 'ai', selected: room.info.onExpiry === 'ai' }, 'the AI commits for seats that did not'),
    h('option', { value: 'nothing', selected: room.info.onExpiry === 'nothing' }, 'seats that did not commit, commit nothing'),
  );
  const extra = h('input', { type: 'number', ...kept('extend-minutes'), value: 2, min: -60, step: 1, style: 'width:70px', 'aria-label': 'Minutes to add' });
  const outcome = h('select', { ...kept('end-outcome'), 'aria-label': 'Outcome' }, ...OUTCOMES.map((o) => h('option', { value: o }, o)));
  const reason = h('input', { type: 'text', ...kept('end-reason'), maxlength: 400, placeholder: 'Why (shown in the debrief)', 'aria-label': 'Reason for ending' });
  const stepOpen = view.step === 'negotiation' || view.step === 'commit';
  return h(
    'div',
    {},
    h(
      'section',
      { class: 'section' },
      h('h3', {}, 'The game'),
      h('p', {}, over ? `Over: ${view.outcome}.` : `Round ${view.round}, ${view.step}${view.paused ? ' — paused' : ''}.${room.info.started ? '' : ' Not started yet.'}`),
      h(
        'div',
        { class: 'row' },
        view.paused
          ? button('Resume', () => act.intent({ type: 'facilitator.resume', actor: 'facilitator' }), { class: 'primary', disabled: over })
          : button('Pause', () => act.intent({ type: 'facilitator.pause', actor: 'facilitator' }), { disabled: over || !room.info.started }),
        button(view.step === 'commit' ? 'Close the commit now' : 'Close the negotiation now', () => act.intent({ type: 'step.close', actor: 'facilitator' }), { disabled: over || !stepOpen || view.paused || !room.info.started }),
      ),
    ),
    h(
      'section',
      { class: 'section' },
      h('h3', {}, 'Clocks'),
      h('div', { class: 'row' }, h('label', { for: 'clock-negotiation' }, 'Negotiation'), neg, h('label', { for: 'clock-commit' }, 'Commit'), com, unit),
      h('div', { class: 'row', style: 'margin-top:6px' }, button('Set clocks', setClocks, { class: 'primary' }), h('span', { class: 'small muted' }, 'Empty: no clock. A new setting applies from the next step.')),
      h('div', { class: 'field' }, h('label', { for: 'on-expiry' }, 'When the commit clock reaches zero'), expiry),
      h('div', { class: 'row' }, button('Add time', () => act.action({ kind: 'extend', minutes: num(extra) ?? 0 }), { disabled: !room.info.clock }), extra, h('span', { class: 'small muted' }, 'minutes to the running clock')),
    ),
    h(
      'section',
      { class: 'section' },
      h('h3', {}, 'Log and end'),
      h('div', { class: 'row' }, button('Download the log', act.download)),
      h('p', { class: 'small muted' }, 'The event log (replayable with npm run replay) and the transcript of messages and seats.'),
      h('div', { class: 'row' }, outcome, reason, button('End the game', () => act.intent({ type: 'facilitator.end', actor: 'facilitator', outcome: outcome.value as (typeof OUTCOMES)[number], ...(reason.value.trim() ? { reason: reason.value.trim() } : {}) }), { class: 'danger', disabled: over })),
      h('div', { class: 'row', style: 'margin-top:8px' }, button('Leave the console', act.leave)),
    ),
  );
}

function audiencePicker(sc: Scenario, prefix: string) {
  const boxes = sc.delegations.map((d) => h('input', { type: 'checkbox', ...kept(`${prefix}-${d.id}`), value: d.id }));
  const el = h('fieldset', {}, h('legend', {}, 'To (none ticked: everyone)'), h('div', { class: 'seat-list' }, ...sc.delegations.map((d, i) => h('label', { for: `${prefix}-${d.id}`, class: 'row' }, boxes[i] as HTMLElement, d.short))));
  const value = (): 'all' | string[] => {
    const chosen = boxes.filter((b) => b.checked).map((b) => b.value);
    return chosen.length ? chosen : 'all';
  };
  return { el, value };
}

function injectsPanel(sc: Scenario, view: GameView, act: ConsoleActions): HTMLElement {
  const title = h('input', { type: 'text', ...kept('inject-title'), maxlength: 80, placeholder: 'Tanker seized near Hormuz' });
  const text = h('textarea', { ...kept('inject-text'), rows: 3, maxlength: 600, style: 'width:100%', placeholder: 'What happened, as the delegations read it.' });
  const tension = h('input', { type: 'number', ...kept('inject-tension'), min: -20, max: 20, value: 0, style: 'width:70px' });
  const front = h('select', { ...kept('inject-front'), 'aria-label': 'Front' }, h('option', { value: '' }, 'no front'), ...sc.fronts.map((f) => h('option', { value: f.id }, f.name)));
  const frontDelta = h('input', { type: 'number', ...kept('inject-front-delta'), min: -20, max: 20, value: 0, style: 'width:70px', 'aria-label': 'Front tension change' });
  const aud = audiencePicker(sc, 'inj');
  const fire = () => {
    const effects: Record<string, unknown> = {};
    const t = Number(tension.value);
    if (t) effects.tension = t;
    const fd = Number(frontDelta.value);
    if (front.value && fd) effects.fronts = { [front.value]: fd };
    act.intent({ type: 'facilitator.inject', actor: 'facilitator', inject: { title: title.value.trim(), text: text.value.trim(), audience: aud.value(), effects } });
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
            {},
            h('strong', {}, inj.title),
            h('span', { class: 'small muted' }, inj.round ? ` · scheduled round ${inj.round}` : ' · on demand', fired ? ' · fired' : ''),
            h('div', { class: 'small' }, inj.text),
            button(`Fire: ${inj.title}`, () => act.intent({ type: 'facilitator.inject', actor: 'facilitator', inject: inj.id }), { disabled: view.outcome !== null }),
          );
        }),
      ),
    ),
    h(
      'section',
      { class: 'section' },
      h('h3', {}, 'Write one'),
      h('div', { class: 'field' }, h('label', { for: 'inject-title' }, 'Title'), title),
      h('div', { class: 'field' }, h('label', { for: 'inject-text' }, 'Text'), text),
      h('div', { class: 'row' }, h('label', { for: 'inject-tension' }, 'Tension'), tension, front, frontDelta),
      aud.el,
      button('Fire this inject', fire, { class: 'primary', disabled: view.outcome !== null }),
    ),
  );
}

function rulingsPanel(sc: Scenario, view: GameView, act: ConsoleActions): HTMLElement {
  const cat = catalog(sc);
  const incidents = view.incidents.filter((i) => !i.cancelled);
  const incSelect = (id: string) => h('select', { ...kept(id), 'aria-label': 'Incident' }, ...incidents.map((i) => h('option', { value: i.id }, incidentLine(sc, view, i.id))));
  const attInc = incSelect('att-incident');
  const sponsor = h('select', { ...kept('att-sponsor'), 'aria-label': 'Attributed to' }, h('option', { value: '' }, 'no one (inconclusive)'), ...sc.delegations.map((d) => h('option', { value: d.id }, d.name)), h('option', { value: 'independent' }, 'the network itself'), h('option', { value: 'spoiler' }, sc.spoilers.name));
  const cancelInc = incSelect('cancel-incident');
  const standing = Object.values(view.standing);
  const move = h('select', { ...kept('ver-move'), 'aria-label': 'Step in force' }, ...standing.map((st) => h('option', { value: st.move }, `${nameOf(sc, st.delegation)}: ${cat.move.get(st.move)?.name ?? st.move}${view.quietDefections.some((q) => q.move === st.move) ? ' (quietly abandoned)' : ''}`)));
  const result = h('select', { ...kept('ver-result'), 'aria-label': 'Ruling' }, h('option', { value: 'verified' }, 'verified'), h('option', { value: 'violation' }, 'in violation'));
  const what = h('select', { ...kept('reveal-what'), 'aria-label': 'What to reveal' }, h('option', { value: 'incident' }, 'the true sponsor of an incident'), h('option', { value: 'defections' }, 'quiet defections'), h('option', { value: 'objectives' }, 'secret objectives'));
  const revInc = incSelect('reveal-incident');
  const to = h('select', { ...kept('reveal-to'), 'aria-label': 'Reveal to' }, h('option', { value: 'all' }, 'everyone'), ...sc.delegations.map((d) => h('option', { value: d.id }, d.name)));
  const o = (override: Extract<Intent, { type: 'facilitator.override' }>['override']) => act.intent({ type: 'facilitator.override', actor: 'facilitator', override });
  const over = view.outcome !== null;
  return h(
    'div',
    {},
    h(
      'section',
      { class: 'section' },
      h('h3', {}, 'Set an attribution'),
      incidents.length ? h('div', { class: 'row' }, attInc, sponsor, button('Set attribution', () => o({ kind: 'attribution', incident: Number(attInc.value), sponsor: sponsor.value || null }), { disabled: over })) : h('p', { class: 'muted small' }, 'No incident yet.'),
    ),
    h('section', { class: 'section' }, h('h3', {}, 'Cancel an incident'), incidents.length ? h('div', { class: 'row' }, cancelInc, button('Cancel incident', () => o({ kind: 'cancelIncident', incident: Number(cancelInc.value) }), { disabled: over })) : h('p', { class: 'muted small' }, 'No incident yet.')),
    h('section', { class: 'section' }, h('h3', {}, 'Force a verification result'), standing.length ? h('div', { class: 'row' }, move, result, button('Rule', () => o({ kind: 'verification', move: move.value, result: result.value as 'verified' | 'violation' }), { disabled: over })) : h('p', { class: 'muted small' }, 'No step in force yet.')),
    h(
      'section',
      { class: 'section' },
      h('h3', {}, 'Reveal hidden information'),
      h('div', { class: 'row' }, what, incidents.length ? revInc : null, to),
      button('Reveal', () => act.intent({ type: 'facilitator.reveal', actor: 'facilitator', what: what.value as 'incident' | 'defections' | 'objectives', ...(what.value === 'incident' ? { incident: Number(revInc.value) } : {}), to: to.value }), { class: 'primary', disabled: over }),
      h('p', { class: 'small muted' }, 'Every ruling and reveal is written in the event log.'),
    ),
  );
}
