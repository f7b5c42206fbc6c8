// What a player reads off one span of the bridge: its state, why it does not hold (a window that
// closed, a domestic shock, a verified violation), and which steps it still waits for. Pure: the
// scenario and a view in, words out; the bridge panel, its picture, the projector and the briefing
// all read it, so they never disagree.
import { standingStep, type GameView, type Interlock, type Monitor, type Scenario } from '../engine';

export type SpanState = 'idle' | 'proposed' | 'agreed' | 'open' | 'pending' | 'secured' | 'negated' | 'unwound' | 'violated';

export type StepState = 'not yet' | 'implemented' | 'verified';

export interface SpanStep {
  move: string;
  name: string;
  delegation: string;
  /** The delegation's short name. */
  who: string;
  state: StepState;
  /** Who checks it, in words. */
  monitor: string;
}

export interface SpanInfo {
  id: string;
  name: string;
  track: string;
  state: SpanState;
  /** One sentence: where the span stands and why. */
  text: string;
  steps: SpanStep[];
  /** The steps it waits for: not yet implemented (open), or implemented and not yet verified (pending). */
  awaiting: SpanStep[];
}

// One entry per monitor kind: a new kind is a compile error here.
const MONITOR: Record<Monitor, string> = { iaea: 'IAEA inspectors', observers: 'regional observers', public: 'seen by all' };

const short = (sc: Scenario, id: string) => sc.delegations.find((d) => d.id === id)?.short ?? id;
const moveName = (sc: Scenario, id: string) => sc.moves.find((m) => m.id === id)?.name ?? id;
const list = (steps: SpanStep[], what: (s: SpanStep) => string) => steps.map(what).join('; ');

export function spanInfo(sc: Scenario, view: GameView, span: Interlock): SpanInfo {
  const rec = view.spans[span.id];
  const moves = [span.restraint, ...span.reciprocal];
  const steps: SpanStep[] = moves.map((id) => {
    const m = sc.moves.find((x) => x.id === id);
    const st = standingStep(view, id);
    return {
      move: id,
      name: m?.name ?? id,
      delegation: m?.delegation ?? '',
      who: short(sc, m?.delegation ?? ''),
      state: !st ? 'not yet' : st.verified ? 'verified' : 'implemented',
      monitor: m ? MONITOR[m.verifiedBy] : '',
    };
  });
  const base = { id: span.id, name: span.name, track: span.track, steps };
  const inPackage = (statuses: string[]) =>
    view.packages.some((p) => statuses.includes(p.status) && moves.every((m) => p.steps.some((s) => s.move === m)));
  const lost = rec?.lost ?? null;
  switch (rec?.status ?? 'idle') {
    case 'secured':
      return {
        ...base,
        state: 'secured',
        awaiting: [],
        text: `Secured in round ${rec?.securedRound ?? '?'}: every step in force and verified.`,
      };
    case 'pending': {
      const awaiting = steps.filter((s) => s.state === 'implemented');
      return {
        ...base,
        state: 'pending',
        awaiting,
        text: `Every step is in; awaiting verification of ${list(awaiting, (s) => `${s.who}'s “${s.name}” (${s.monitor})`)}.`,
      };
    }
    case 'open': {
      const awaiting = steps.filter((s) => s.state === 'not yet');
      const done = steps.length - awaiting.length;
      return {
        ...base,
        state: 'open',
        awaiting,
        text: `${done} of ${steps.length} steps in; still to come: ${list(awaiting, (s) => `${s.who}'s “${s.name}”`)}. The window closes at the end of round ${rec?.closesRound ?? '?'}.`,
      };
    }
    case 'negated':
      if (lost?.by === 'shock')
        return {
          ...base,
          state: 'unwound',
          awaiting: [],
          text: `Undone in round ${lost.round} by a domestic shock (${lost.cause ?? 'domestic politics'}): ${short(sc, lost.delegation ?? '')} pulled back “${moveName(sc, lost.move ?? '')}”, and the other steps fell with it. Agree it again to rebuild it.`,
        };
      return {
        ...base,
        state: 'negated',
        awaiting: [],
        text: `Negated${lost ? ` in round ${lost.round}` : ''}: the window closed before every step was in and verified. Agree it again to rebuild it.`,
      };
    case 'violated':
      return {
        ...base,
        state: 'violated',
        awaiting: [],
        text: lost?.move
          ? `Broken in round ${lost.round}: a monitor verified that ${short(sc, lost.delegation ?? '')} is not carrying out “${moveName(sc, lost.move)}”.`
          : 'Broken: a monitor verified a violation.',
      };
    default:
      if (inPackage(['accepted']))
        return { ...base, state: 'agreed', awaiting: steps, text: 'Agreed in a package: now every side must implement its step.' };
      if (inPackage(['proposed'])) return { ...base, state: 'proposed', awaiting: [], text: 'Proposed, waiting for answers.' };
      return { ...base, state: 'idle', awaiting: [], text: 'Not started: propose it as a linked package.' };
  }
}
