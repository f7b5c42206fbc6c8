// The delegation panel (goals, secret objectives, support, action points) and the bridge: every
// span of the phase in its state, so a player sees why the phase does not advance.
import { apAvailable, bridgeStatus, inForce, objectivesOf, standingStep, type GameView, type Interlock, type Scenario } from '../engine';
import { h, type VNode } from './dom';
import { colorOf, moveOf, nameOf, trackName } from './context';
import { revealedObjectives } from './revealedObjectives';

export function delegationPanel(sc: Scenario, view: GameView, seat: string): VNode {
  const d = sc.delegations.find((x) => x.id === seat);
  const st = view.delegations[seat];
  if (!d || !st) return h('div', {});
  const trustIn = sc.delegations.filter((o) => o.id !== seat).map((o) => ({ o, t: view.trust[seat]?.[o.id] ?? 50 }));
  const objectives = objectivesOf(sc, view, seat);
  return h(
    'section',
    { class: 'section', 'aria-labelledby': 'me-h' },
    h('h2', { id: 'me-h', class: 'row' }, h('span', { class: 'dot', style: `background:${d.color}` }), d.name),
    h('p', { class: 'muted small' }, d.summary),
    h(
      'div',
      { class: 'stat' },
      h('span', {}, 'Domestic support'),
      h('strong', {}, `${st.support}`),
      h(
        'div',
        { class: 'bar', style: 'grid-column: 1 / -1', role: 'img', 'aria-label': `Domestic support ${st.support} of 100` },
        h('i', { style: `width:${st.support}%` }),
      ),
      h('span', {}, 'Action points this round'),
      h('strong', {}, `${apAvailable(view, seat)} of ${sc.tunables.actionPoints}`),
    ),
    h('h3', { style: 'margin-top:10px' }, 'Public goals'),
    h('ul', { class: 'plain small' }, ...d.goals.map((g) => h('li', {}, `• ${g}`))),
    h('h3', { style: 'margin-top:10px' }, 'Secret objectives'),
    h(
      'ul',
      { class: 'plain small secret', 'aria-label': 'Your secret objectives (only you see them)' },
      ...objectives.map((o) =>
        h('li', {}, `${o.met ? '✔' : '○'} ${o.text} `, h('span', { class: 'muted' }, `(${o.points} pts${o.met ? ', met now' : ''})`)),
      ),
    ),
    revealedObjectives(sc, seat, view.outcome !== null),
    h('h3', { style: 'margin-top:10px' }, 'Your trust in the others'),
    h(
      'ul',
      { class: 'plain small' },
      ...trustIn.map(({ o, t }) =>
        h(
          'li',
          { key: o.id, class: 'row' },
          h('span', { class: 'dot', style: `background:${o.color}` }),
          h('span', { style: 'width:60px' }, o.short),
          h(
            'div',
            { class: 'bar', style: 'flex:1', role: 'img', 'aria-label': `Trust in ${o.short}: ${t}` },
            h('i', { style: `width:${t}%;background:${colorOf(sc, o.id)}` }),
          ),
          h('span', {}, String(t)),
        ),
      ),
    ),
  );
}

type StepState = 'not yet' | 'implemented' | 'verified';

function stepState(view: GameView, move: string): StepState {
  const st = standingStep(view, move);
  if (!st) return 'not yet';
  return st.verified ? 'verified' : 'implemented';
}

const ICON: Record<string, string> = {
  idle: '○',
  proposed: '◌',
  agreed: '◎',
  open: '◐',
  pending: '◑',
  secured: '●',
  negated: '✕',
  violated: '⚠',
};

/** The state a player reads off a span: proposed and agreed come from packages. */
export function spanLabel(view: GameView, span: Interlock): { status: string; text: string } {
  const rec = view.spans[span.id];
  const status = rec?.status ?? 'idle';
  const steps = [span.restraint, ...span.reciprocal];
  const inPackage = (statuses: string[]) =>
    view.packages.some((p) => statuses.includes(p.status) && steps.every((m) => p.steps.some((s) => s.move === m)));
  const done = steps.filter((m) => inForce(view, m)).length;
  const verified = steps.filter((m) => standingStep(view, m)?.verified).length;
  switch (status) {
    case 'secured':
      return { status, text: `Secured in round ${rec?.securedRound ?? '?'}: every step in force and verified.` };
    case 'pending':
      return { status, text: `All steps in; ${verified} of ${steps.length} verified so far.` };
    case 'open':
      return {
        status,
        text: `${done} of ${steps.length} steps implemented; the window closes at the end of round ${rec?.closesRound ?? '?'}.`,
      };
    case 'negated':
      return { status, text: 'Negated: the window closed before the other side matched it.' };
    case 'violated':
      return { status, text: 'Broken: a monitor verified a violation.' };
    default:
      if (inPackage(['accepted'])) return { status: 'agreed', text: 'Agreed in a package: now every side must implement its step.' };
      if (inPackage(['proposed'])) return { status: 'proposed', text: 'Proposed, waiting for answers.' };
      return { status: 'idle', text: 'Not started: propose it as a linked package.' };
  }
}

export function bridgePanel(sc: Scenario, view: GameView): VNode {
  const bridge = bridgeStatus(sc, view);
  if (!bridge) return h('div', {});
  const { phase } = bridge;
  const trackEls = bridge.tracks.map(({ track: trackId, needed, secured, spans: spanIds }) => {
    const spans = sc.interlocks.filter((x) => spanIds.includes(x.id));
    return h(
      'div',
      { key: trackId, class: 'track', role: 'group', 'aria-label': `${trackName(sc, trackId)}: ${secured} of ${needed} secured` },
      h(
        'div',
        { class: 'track-head' },
        h('span', {}, trackName(sc, trackId)),
        h('span', {}, `${secured}/${needed} ${secured >= needed ? '✔' : ''}`),
      ),
      h(
        'div',
        { class: 'spans' },
        ...spans.map((span) => {
          const lab = spanLabel(view, span);
          const steps = [span.restraint, ...span.reciprocal].map((m) => {
            const mv = moveOf(sc, m);
            const s = stepState(view, m);
            return `${nameOf(sc, mv?.delegation ?? '')}: ${mv?.name ?? m} — ${s}`;
          });
          return h(
            'div',
            {
              key: span.id,
              class: `span ${lab.status}`,
              tabindex: 0,
              title: steps.join('\n'),
              'aria-label': `${span.name}: ${lab.status}. ${lab.text} Steps: ${steps.join('; ')}.`,
            },
            h('span', { class: 'icon', 'aria-hidden': 'true' }, ICON[lab.status] ?? '○'),
            h('strong', {}, span.name),
            h('span', { class: 'why' }, lab.text),
          );
        }),
      ),
    );
  });
  const heading =
    view.phase === 'ceasefire' ? `Ceasefire — next: Phase ${phase.id}, ${phase.name}` : `Bridge of Phase ${phase.id}: ${phase.name}`;
  const blocked = bridge.blocked;
  const missing = blocked?.kind === 'tracks' ? blocked.tracks.map((t) => trackName(sc, t)) : [];
  const why =
    view.phase === 'ceasefire'
      ? !blocked
        ? 'The framework is agreed: Phase A starts next round.'
        : `Agree a framework (a package in which ${sc.framework.requiredDelegations.map((d) => nameOf(sc, d)).join(' and ')} endorse the benchmark calendar, with at least ${sc.framework.minParties} parties) to start Phase A.`
      : missing.length
        ? `The phase does not advance yet: ${missing.join(', ')} still need${missing.length === 1 ? 's' : ''} a secured span. A deal on one track never completes a phase.`
        : 'Every track holds: the phase completes at the end of this round.';
  return h(
    'section',
    { class: 'section', 'aria-labelledby': 'bridge-h' },
    h('h2', { id: 'bridge-h' }, heading),
    h('p', { class: 'small muted', id: 'bridge-why' }, why),
    h('div', { class: 'bridge' }, ...trackEls),
  );
}
