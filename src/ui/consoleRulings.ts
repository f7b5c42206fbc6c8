// The facilitator console's rulings tab: attributions, cancelled incidents, verification results and reveals.
import { catalog, type GameView, type Intent, type Scenario } from '../engine';
import { nameOf } from './context';
import { incidentLine } from './councilPanel';
import { button, h, type VNode } from './dom';
import { useForm } from './form';
import type { ConsoleActions } from './console';

export function RulingsPanel({ sc, view, act }: { sc: Scenario; view: GameView; act: ConsoleActions }): VNode {
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
