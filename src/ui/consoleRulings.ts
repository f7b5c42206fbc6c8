// The facilitator console's rulings tab: attributions, cancelled incidents, verification results and
// reveals. Each takes a reason (said with the ruling, kept in the log); rulings that convict or
// strike something from the record ask first; after each ruling the whole form is cleared, so a
// second click never rules the old verdict against another party.
import { catalog, type GameView, type Intent, type Scenario } from '../engine';
import { nameOf } from './context';
import { incidentLine } from './councilPanel';
import { h, type VNode } from './dom';
import { useForm } from './form';
import type { ConsoleActions } from './console';
import { Confirm } from './consoleConfirm';
import { disputeLine } from './disputePanel';

const BLANK = {
  'att-incident': '',
  'att-sponsor': '',
  'att-reason': '',
  'cancel-incident': '',
  'cancel-reason': '',
  'ver-move': '',
  'ver-result': '',
  'ver-reason': '',
  'reveal-what': 'incident',
  'reveal-incident': '',
  'reveal-whose': '',
  'reveal-to': '',
  'reveal-reason': '',
};
type Field = keyof typeof BLANK;

export function RulingsPanel({ sc, view, act }: { sc: Scenario; view: GameView; act: ConsoleActions }): VNode {
  const cat = catalog(sc);
  const incidents = view.incidents.filter((i) => !i.cancelled);
  const standing = Object.values(view.standing);
  const { values, field, set } = useForm(BLANK);
  const clear = (...names: Field[]) => {
    for (const n of names) set(n, BLANK[n]);
  };
  // A choice whose option is gone (an incident struck off) counts as no choice.
  const incident = (name: 'att-incident' | 'cancel-incident' | 'reveal-incident') =>
    incidents.some((i) => String(i.id) === values[name]) ? Number(values[name]) : null;
  const move = standing.some((st) => st.move === values['ver-move']) ? values['ver-move'] : null;
  const reasonOf = (name: Field) => {
    const r = values[name].trim();
    return r ? { reason: r } : {};
  };
  const choose = (name: Field, label: string, placeholder: string, options: VNode[]) =>
    h('select', { ...field(name), 'aria-label': label }, h('option', { value: '' }, placeholder), ...options);
  const incSelect = (name: 'att-incident' | 'cancel-incident' | 'reveal-incident') =>
    choose(
      name,
      'Incident',
      'choose an incident…',
      incidents.map((i) => h('option', { key: i.id, value: String(i.id) }, incidentLine(sc, view, i.id))),
    );
  const reasonBox = (name: Field, what: string) =>
    h('input', {
      type: 'text',
      ...field(name),
      maxlength: 400,
      placeholder: 'Reason (said with the ruling)',
      'aria-label': `Reason for ${what}`,
    });
  const o = (override: Extract<Intent, { type: 'facilitator.override' }>['override'], reason: Field) =>
    act.intent({ type: 'facilitator.override', actor: 'facilitator', override, ...reasonOf(reason) });
  const over = view.outcome !== null;
  const what = values['reveal-what'] as 'incident' | 'defections' | 'objectives';
  const attInc = incident('att-incident');
  const cancelInc = incident('cancel-incident');
  const revealInc = incident('reveal-incident');
  const verdict = values['ver-result'] as '' | 'verified' | 'violation';
  const stepName = move
    ? `${nameOf(sc, standing.find((st) => st.move === move)?.delegation ?? '')}: ${cat.move.get(move)?.name ?? move}`
    : '';
  const sponsor = values['att-sponsor'];
  const sponsorName =
    sponsor === ''
      ? 'no one'
      : sponsor === 'independent'
        ? 'the network itself'
        : sponsor === 'spoiler'
          ? sc.spoilers.name
          : nameOf(sc, sponsor);
  const revealTo = values['reveal-to'];
  const revealReady = revealTo !== '' && (what !== 'incident' || revealInc !== null);
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
            reasonBox('att-reason', 'the attribution'),
            h(Confirm, {
              label: 'Set attribution',
              question: `Attribute incident #${attInc ?? ''} to ${sponsorName}? The ruling is public.`,
              yes: 'Yes, attribute it',
              ask: sponsor !== '',
              onYes: () => {
                if (attInc === null) return;
                o({ kind: 'attribution', incident: attInc, sponsor: sponsor || null }, 'att-reason');
                clear('att-incident', 'att-sponsor', 'att-reason');
              },
              attrs: { disabled: over || attInc === null },
            }),
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
            reasonBox('cancel-reason', 'cancelling the incident'),
            h(Confirm, {
              label: 'Cancel incident',
              question: `Strike incident #${cancelInc ?? ''} from the record?`,
              yes: 'Yes, strike it',
              onYes: () => {
                if (cancelInc === null) return;
                o({ kind: 'cancelIncident', incident: cancelInc }, 'cancel-reason');
                clear('cancel-incident', 'cancel-reason');
              },
              attrs: { disabled: over || cancelInc === null },
            }),
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
            choose(
              'ver-move',
              'Step in force',
              'choose a step…',
              standing.map((st) =>
                h(
                  'option',
                  { key: st.move, value: st.move },
                  `${nameOf(sc, st.delegation)}: ${cat.move.get(st.move)?.name ?? st.move}${view.quietDefections.some((q) => q.move === st.move) ? ' (quietly abandoned)' : ''}`,
                ),
              ),
            ),
            choose('ver-result', 'Ruling', 'choose a ruling…', [
              h('option', { value: 'verified' }, 'verified'),
              h('option', { value: 'violation' }, 'in violation'),
            ]),
            reasonBox('ver-reason', 'the verification ruling'),
            h(Confirm, {
              label: 'Rule',
              question: `Rule "${stepName}" ${verdict === 'violation' ? 'IN VIOLATION (its span breaks, tension rises)' : 'verified'}?`,
              yes: verdict === 'violation' ? 'Yes, rule it in violation' : 'Yes, rule it verified',
              onYes: () => {
                if (!move || !verdict) return;
                o({ kind: 'verification', move, result: verdict }, 'ver-reason');
                clear('ver-move', 'ver-result', 'ver-reason');
              },
              attrs: { disabled: over || !move || !verdict },
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
        what === 'incident' && incidents.length ? incSelect('reveal-incident') : null,
        what === 'objectives'
          ? h(
              'select',
              { ...field('reveal-whose'), 'aria-label': 'Whose objectives' },
              h('option', { value: '' }, 'of every delegation'),
              ...sc.delegations.map((d) => h('option', { key: d.id, value: d.id }, `of ${d.name}`)),
            )
          : null,
        choose('reveal-to', 'Reveal to', 'reveal to…', [
          h('option', { value: 'all' }, 'everyone'),
          ...sc.delegations.map((d) => h('option', { key: d.id, value: d.id }, d.name)),
        ]),
        reasonBox('reveal-reason', 'the reveal'),
      ),
      h(Confirm, {
        label: 'Reveal',
        question: `Reveal this to ${revealTo === 'all' ? 'everyone' : nameOf(sc, revealTo)}? A reveal cannot be taken back.`,
        yes: 'Yes, reveal it',
        onYes: () => {
          if (!revealReady) return;
          act.intent({
            type: 'facilitator.reveal',
            actor: 'facilitator',
            what,
            ...(what === 'incident' && revealInc !== null ? { incident: revealInc } : {}),
            ...(what === 'objectives' && values['reveal-whose'] ? { whose: values['reveal-whose'] } : {}),
            to: revealTo,
            ...reasonOf('reveal-reason'),
          });
          clear('reveal-incident', 'reveal-whose', 'reveal-to', 'reveal-reason');
        },
        attrs: { class: 'primary', disabled: over || !revealReady },
      }),
      h('p', { class: 'small muted' }, 'Every ruling and reveal is written in the event log, marked as the White Cell’s, with its reason.'),
    ),
    h(
      'section',
      { class: 'section', 'aria-labelledby': 'console-disputes-h' },
      h('h3', { id: 'console-disputes-h' }, 'Binding disputes and rulings'),
      view.disputes?.length
        ? h('ul', { class: 'plain small' }, ...[...view.disputes].reverse().map((x) => h('li', { key: x.id }, disputeLine(sc, x))))
        : h(
            'p',
            { class: 'small muted' },
            'No dispute filed. The panel rules on the facts you see: a finding is struck when it was wrong.',
          ),
    ),
  );
}
