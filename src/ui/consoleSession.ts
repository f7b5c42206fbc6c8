// The facilitator console's session tab: the game's state, pause, close the step, clocks, the log and the end.
import { OUTCOMES, type GameView } from '../engine';
import type { RoomUi } from '../store/gameStore';
import { button, h, valueOf, type VNode } from './dom';
import { numberIn, useForm } from './form';
import type { ConsoleActions } from './console';
import { Confirm } from './consoleConfirm';
import { TalkModelPanel } from './consoleModel';
import { PacePanel } from './consolePace';
import { ProjectorSwitch } from './consoleHotWash';

export function SessionPanel({ room, view, act }: { room: RoomUi; view: GameView; act: ConsoleActions }): VNode {
  const over = view.outcome !== null;
  const { values, field, set } = useForm({
    'clock-negotiation': String(room.info.clocks.negotiation ?? ''),
    'clock-commit': String(room.info.clocks.commit ?? ''),
    'clock-unit': '1',
    'extend-minutes': '2',
    'extend-reason': '',
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
    h(PacePanel, { room, act }),
    h(TalkModelPanel, { call: act.talkModel }),
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
        button(
          'Add time',
          () => {
            const reason = values['extend-reason'].trim();
            act.action({ kind: 'extend', minutes: numberIn(values['extend-minutes']) ?? 0, ...(reason ? { reason } : {}) });
            set('extend-reason', '');
          },
          { disabled: !room.info.clock },
        ),
        h('input', { type: 'number', ...field('extend-minutes'), min: -60, step: 1, style: 'width:70px', 'aria-label': 'Minutes to add' }),
        h('span', { class: 'small muted' }, 'minutes to the running clock'),
        h('input', {
          type: 'text',
          ...field('extend-reason'),
          maxlength: 400,
          placeholder: 'Reason (optional)',
          'aria-label': 'Reason for the time',
        }),
      ),
    ),
    h(
      'section',
      { class: 'section' },
      h('h3', {}, 'Log and end'),
      h(
        'div',
        { class: 'row' },
        button('Download the log', act.download),
        button('Open the after-action report', () => act.debrief('report')),
        button('Open the replay', () => act.debrief('replay')),
        button('Open the hot wash', act.hotWash),
      ),
      h(ProjectorSwitch, { room, act }),
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
        h(Confirm, {
          label: 'End the game',
          question: `End the game now as ${values['end-outcome']}? Every team sees the debrief.`,
          yes: 'Yes, end it',
          onYes: () =>
            act.intent({
              type: 'facilitator.end',
              actor: 'facilitator',
              outcome: values['end-outcome'] as (typeof OUTCOMES)[number],
              reason,
            }),
          // The reason goes into the record and the debrief: the game is not ended without one.
          attrs: { class: 'danger', disabled: over || reason === '' },
        }),
      ),
      h('div', { class: 'row', style: 'margin-top:8px' }, button('Leave the console', act.leave)),
    ),
  );
}

/** Whom an inject is for: the delegations ticked, or everyone when none is. */
