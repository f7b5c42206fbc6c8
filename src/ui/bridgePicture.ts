// The bridge as a picture, the game's signature image: one deck per track of the phase, one
// segment per span, drawn in its state. Each state has its own shape and pattern and a word under
// it (never colour alone), and the picture carries a text alternative; the span list below it is
// the full text version.
import type { GameView, Scenario } from '../engine';
import type { BridgeStatus } from '../engine';
import type { SpanInfo, SpanState } from '../report/spanStatus';
import { h, type VNode } from './dom';

// The word under a segment and a glyph inside it, per state.
export const STATE_WORD: Record<SpanState, string> = {
  idle: 'not started',
  proposed: 'proposed',
  agreed: 'agreed',
  open: 'building',
  pending: 'verifying',
  secured: 'secured',
  negated: 'negated',
  unwound: 'unwound',
  violated: 'broken',
};
const GLYPH: Record<SpanState, string> = {
  idle: '',
  proposed: '?',
  agreed: '=',
  open: '…',
  pending: '⌛',
  secured: '✔',
  negated: '✕',
  unwound: '↶',
  violated: '⚡',
};

const W = 360;
// Each track: its name and count on a line, the deck under it (narrow panels keep the names whole).
const ROW = 66;
const HEAD = 16;
const DECK = 18;

function segment(info: SpanInfo, x: number, y: number, w: number): VNode {
  const s = info.state;
  const done = info.steps.filter((st) => st.state !== 'not yet').length;
  const parts: VNode[] = [];
  const deck = { x, y, width: w, height: DECK, rx: 2 };
  if (s === 'secured') parts.push(h('rect', { ...deck, class: 'seg-secured' }));
  else if (s === 'pending') parts.push(h('rect', { ...deck, class: 'seg-pending', fill: 'url(#hatch)' }));
  else if (s === 'open') {
    // Built as far as its steps are in: a solid part, then the gap still to close.
    const built = (w * done) / Math.max(1, info.steps.length);
    parts.push(h('rect', { ...deck, class: 'seg-outline' }), h('rect', { x, y, width: built, height: DECK, rx: 2, class: 'seg-open' }));
  } else if (s === 'negated' || s === 'unwound' || s === 'violated') {
    // A deck broken in the middle: two stubs with a gap, and a crack mark for a violation.
    const gap = Math.min(18, w / 4);
    const half = (w - gap) / 2;
    parts.push(
      h('rect', { x, y, width: half, height: DECK, rx: 2, class: `seg-broken ${s}` }),
      h('rect', { x: x + half + gap, y: y + (s === 'unwound' ? 6 : 0), width: half, height: DECK, rx: 2, class: `seg-broken ${s}` }),
    );
    if (s === 'violated')
      parts.push(
        h('path', { d: `M${x + half} ${y - 4} l${gap / 2} ${DECK / 2} l${-gap / 3} 4 l${gap / 2} ${DECK / 2}`, class: 'seg-crack' }),
      );
  } else parts.push(h('rect', { ...deck, class: `seg-ghost ${s}` }));
  const cx = x + w / 2;
  return h(
    'g',
    { key: info.id, class: `seg ${s}` },
    ...parts,
    GLYPH[s] ? h('text', { x: cx, y: y + DECK - 5, class: 'seg-glyph', 'text-anchor': 'middle' }, GLYPH[s]) : null,
    // Piers under each end.
    h('rect', { x: x + 1, y: y + DECK, width: 3, height: 10, class: 'pier' }),
    h('rect', { x: x + w - 4, y: y + DECK, width: 3, height: 10, class: 'pier' }),
    h('text', { x: cx, y: y + DECK + 22, class: 'seg-word', 'text-anchor': 'middle' }, STATE_WORD[s]),
  );
}

/** The picture of a phase's bridge; `infos` are the spans of the phase by id. */
export function bridgePicture(sc: Scenario, view: GameView, bridge: BridgeStatus, infos: ReadonlyMap<string, SpanInfo>): VNode {
  const height = bridge.tracks.length * ROW + 6;
  const alt = bridge.tracks
    .map((t) => {
      const name = sc.tracks.find((x) => x.id === t.track)?.name ?? t.track;
      const spans = t.spans.map((id) => infos.get(id)).filter((x): x is SpanInfo => x !== undefined);
      return `${name}: ${t.secured} of ${t.needed} secured (${spans.map((x) => `${x.name} ${STATE_WORD[x.state]}`).join(', ')})`;
    })
    .join('. ');
  return h(
    'svg',
    {
      class: 'bridge-picture',
      viewBox: `0 0 ${W} ${height}`,
      role: 'img',
      'aria-label': `The bridge of ${view.phase === 'ceasefire' ? 'the first phase' : `Phase ${bridge.phase.id}`}. ${alt}.`,
      preserveAspectRatio: 'xMidYMin meet',
    },
    h(
      'defs',
      {},
      h(
        'pattern',
        { id: 'hatch', width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' },
        h('rect', { width: 6, height: 6, class: 'hatch-bg' }),
        h('line', { x1: 0, y1: 0, x2: 0, y2: 6, class: 'hatch-line' }),
      ),
    ),
    ...bridge.tracks.map((t, row) => {
      const top = row * ROW + 4;
      const y = top + HEAD;
      const name = sc.tracks.find((x) => x.id === t.track)?.name ?? t.track;
      const spans = t.spans.map((id) => infos.get(id)).filter((x): x is SpanInfo => x !== undefined);
      const slot = (W - 4) / Math.max(1, spans.length);
      const complete = t.secured >= t.needed;
      return h(
        'g',
        { key: t.track },
        h('text', { x: 2, y: top + 11, class: 'track-name' }, name),
        h(
          'text',
          { x: W - 2, y: top + 11, class: 'track-count', 'text-anchor': 'end' },
          `${t.secured} of ${t.needed} secured${complete ? ' ✔' : ''}`,
        ),
        // The river bank line the deck spans over.
        h('line', { x1: 0, y1: y + DECK + 10, x2: W, y2: y + DECK + 10, class: 'bank' }),
        ...spans.map((info, i) => segment(info, 2 + i * slot + 3, y, slot - 6)),
      );
    }),
  );
}
