// Briefing packs: a printable briefing per delegation, generated from the scenario — the
// situation, its goals, its secret objectives, its levers and moves, and the interlocks that
// concern it — for an instructor to hand out before a session. Each delegation's pack holds its
// own secrets only; print one pack per team.
import type { Monitor, Scenario } from '../engine';
import { useState } from 'preact/hooks';
import { button, h, valueOf, type VNode } from './dom';
import './debrief.css';

// How a briefing names each monitor: one entry per kind (a new kind is a compile error here).
const MONITOR: Record<Monitor, string> = { iaea: 'IAEA inspectors', observers: 'observers', public: 'public act' };
const PHASE = (sc: Scenario, id: string) =>
  id === 'ceasefire'
    ? 'Ceasefire'
    : `Phase ${id}${sc.phases.find((p) => p.id === id) ? ` (${sc.phases.find((p) => p.id === id)?.name})` : ''}`;

export function briefingPack(sc: Scenario, delegationId: string): VNode {
  const d = sc.delegations.find((x) => x.id === delegationId);
  if (!d) return h('article', {});
  const name = (id: string) => sc.delegations.find((x) => x.id === id)?.short ?? id;
  const moveName = (id: string) => sc.moves.find((m) => m.id === id)?.name ?? id;
  const own = sc.moves.filter((m) => m.delegation === d.id);
  const spans = sc.interlocks.filter((x) => [x.restraint, ...x.reciprocal].some((m) => own.some((o) => o.id === m)));
  const exposed = sc.fronts.filter((f) => f.exposed.includes(d.id));
  const networks = sc.proxyNetworks.filter((n) => n.patron === d.id);
  const t = sc.tunables;
  const id = `brief-${d.id}`;
  const roleText =
    d.role === 'guarantor'
      ? 'a guarantor of the settlement'
      : d.role === 'monitor'
        ? 'the monitors who verify every step'
        : 'a party to the settlement';
  return h(
    'article',
    { class: 'brief', 'aria-labelledby': id, style: `--brief-colour:${d.color}` },
    h(
      'header',
      {},
      h('span', { class: 'dot', style: `background:${d.color};width:16px;height:16px` }),
      h('h2', { id }, `Briefing: ${d.name}`),
      h('span', { class: 'spacer' }),
      h('span', { class: 'muted small' }, sc.title),
    ),
    h('h3', {}, 'The situation'),
    h('p', {}, sc.summary),
    h('p', {}, `You are ${roleText}. ${d.summary}`),
    h(
      'p',
      { class: 'small muted' },
      `${t.roundLimit} rounds; ${t.actionPoints} action points a round; domestic support at the start: ${d.startSupport}. A concession holds only when the matching steps on the other side come in the same window and are verified. The talks end in consolidation (Phase C complete), unraveling (tension reaches 100) or drift (the rounds run out).`,
    ),
    h(
      'div',
      { class: 'cols' },
      h('section', {}, h('h3', {}, 'Your goals'), h('ul', {}, ...d.goals.map((g) => h('li', {}, g)))),
      h('section', {}, h('h3', {}, 'Your levers'), h('ul', {}, ...d.levers.map((l) => h('li', {}, l)))),
    ),
    h(
      'section',
      { class: 'confidential', 'aria-label': `Secret objectives of ${d.name}: confidential` },
      h('h3', {}, 'Confidential — your secret objectives'),
      h(
        'p',
        { class: 'small' },
        'Do not show this part to the other delegations. You score these points at the end, on top of the shared outcome (consolidation 40, drift 15, unraveling 0) and a tenth of your domestic support.',
      ),
      h('ul', {}, ...d.secretObjectives.map((o) => h('li', {}, `${o.text} (${o.points} points)`))),
    ),
    h('h3', {}, 'The interlocks that concern you'),
    spans.length
      ? h(
          'table',
          { class: 'data' },
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              h('th', { scope: 'col' }, 'Span'),
              h('th', { scope: 'col' }, 'When'),
              h('th', { scope: 'col' }, 'Your step'),
              h('th', { scope: 'col' }, 'Must be matched by'),
              h('th', { scope: 'col', class: 'num' }, 'Window'),
            ),
          ),
          h(
            'tbody',
            {},
            ...spans.map((x) => {
              const steps = [x.restraint, ...x.reciprocal];
              const mine = steps.filter((m) => own.some((o) => o.id === m));
              const others = steps.filter((m) => !mine.includes(m));
              return h(
                'tr',
                {},
                h('td', {}, h('strong', {}, x.name), h('br', {}), h('span', { class: 'small muted' }, x.text)),
                h('td', {}, `${PHASE(sc, x.phase)}, ${sc.tracks.find((tr) => tr.id === x.track)?.name ?? x.track}`),
                h(
                  'td',
                  {},
                  mine.map(moveName).join('; '),
                  mine.includes(x.restraint) ? h('span', { class: 'small muted' }, ' (the restraint: you take the risk)') : null,
                ),
                h('td', {}, others.map((m) => `${name(sc.moves.find((o) => o.id === m)?.delegation ?? '')}: ${moveName(m)}`).join('; ')),
                h('td', { class: 'num' }, `${x.window} round${x.window > 1 ? 's' : ''}`),
              );
            }),
          ),
        )
      : h(
          'p',
          {},
          'No span of the interlock table names one of your steps: your weight is in the council, the fund and your answers to packages.',
        ),
    h('h3', {}, 'Your moves'),
    h(
      'table',
      { class: 'data' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, 'Move'),
          h('th', { scope: 'col' }, 'Track'),
          h('th', { scope: 'col' }, 'Phases'),
          h('th', { scope: 'col', class: 'num' }, 'Cost'),
          h('th', { scope: 'col' }, 'Checked by'),
        ),
      ),
      h(
        'tbody',
        {},
        ...own.map((m) =>
          h(
            'tr',
            {},
            h(
              'td',
              {},
              h('strong', {}, m.name),
              m.kind === 'pledge' ? h('span', { class: 'small muted' }, ' (pledge: takes effect when its package is agreed)') : null,
              h('br', {}),
              h('span', { class: 'small muted' }, m.text),
            ),
            h('td', {}, sc.tracks.find((tr) => tr.id === m.track)?.name ?? m.track),
            h('td', {}, m.phases.map((p) => (p === 'ceasefire' ? 'ceasefire' : p)).join(', ')),
            h('td', { class: 'num' }, String(m.cost)),
            h('td', {}, `${MONITOR[m.verifiedBy]}${m.front ? ` (${sc.fronts.find((f) => f.id === m.front)?.name ?? m.front})` : ''}`),
          ),
        ),
      ),
    ),
    exposed.length || networks.length
      ? h(
          'section',
          {},
          h('h3', {}, 'Exposure'),
          exposed.length ? h('p', {}, `Incidents on these fronts strike you: ${exposed.map((f) => f.name).join('; ')}.`) : null,
          networks.length ? h('p', {}, `You fund: ${networks.map((n) => `${n.name} (${n.text})`).join(' ')}`) : null,
        )
      : null,
  );
}

export interface BriefingActions {
  back(): void;
}

/** The briefing packs page: every delegation, or one, ready to print. */
export function BriefingPage({ sc, act }: { sc: Scenario; act: BriefingActions }): VNode {
  const [shown, setShown] = useState('');
  return h(
    'div',
    { class: 'doc-page' },
    h(
      'div',
      { class: 'doc-bar', role: 'toolbar', 'aria-label': 'Briefing packs' },
      h('span', { class: 'brand' }, 'INTERLOCK'),
      h('span', {}, 'Briefing packs'),
      h('span', { class: 'spacer' }),
      h('label', { for: 'brief-pick', class: 'small muted' }, 'Show'),
      h(
        'select',
        { id: 'brief-pick', 'aria-label': 'Briefing packs to show', value: shown, onchange: (e: Event) => setShown(valueOf(e)) },
        h('option', { value: '' }, 'Every delegation'),
        ...sc.delegations.map((d) => h('option', { key: d.id, value: d.id }, d.name)),
      ),
      button('Print or save as PDF', () => window.print(), { class: 'primary' }),
      button('Back to the menu', act.back),
    ),
    h(
      'main',
      { class: 'doc' },
      h('h1', { class: 'no-print' }, `Briefing packs: ${sc.title}`),
      h(
        'p',
        { class: 'muted no-print' },
        'A briefing per delegation, generated from the scenario. Each holds that delegation’s secret objectives: hand each team its own pack only. In print, each pack starts on a new page.',
      ),
      h('div', { id: 'briefing-packs' }, ...(shown ? [shown] : sc.delegations.map((d) => d.id)).map((id) => briefingPack(sc, id))),
    ),
  );
}
