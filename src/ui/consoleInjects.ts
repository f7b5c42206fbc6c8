// The facilitator console's injects tab: fire one of the scenario's events, or write one on the spot.
import { type GameView, type Scenario } from '../engine';
import { useState } from 'preact/hooks';
import { button, checkedOf, h, type VNode } from './dom';
import { useForm } from './form';
import type { ConsoleActions } from './console';

export function AudiencePicker({
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

export function InjectsPanel({ sc, view, act }: { sc: Scenario; view: GameView; act: ConsoleActions }): VNode {
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
              // A scheduled inject fires once (docs/rules.md §10): pulled forward, it is spent.
              disabled: view.outcome !== null || (fired && inj.round !== undefined),
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
