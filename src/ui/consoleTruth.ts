// The White Cell's ground truth, in the console only: true sponsors beside the inquiry's finding,
// quiet defections, the sealed commits as they come in, every package's contents and answers, and
// the AI's reasons, public and secret. The facilitator's view holds all of it (engine: the White
// Cell sees the ground truth); no seat's or projector's view does, so this panel cannot leak.
import { catalog, type GameView, type Scenario } from '../engine';
import type { AiNote } from '../net/transport';
import { nameOf } from './context';
import { h, type VNode } from './dom';

const sponsorName = (sc: Scenario, id: string | null) =>
  id === null ? 'no one' : id === 'independent' ? 'the network itself' : id === 'spoiler' ? sc.spoilers.name : nameOf(sc, id);

export function TruthPanel({ sc, view, notes }: { sc: Scenario; view: GameView; notes: readonly AiNote[] }): VNode {
  const cat = catalog(sc);
  const move = (id: string) => cat.move.get(id)?.name ?? id;
  const commits = Object.entries(view.delegations).filter(([, d]) => d.committed && d.commit);
  const packages = view.packages.filter((p) => p.round >= view.round - 1).slice(-8);
  const reasons = notes.slice(-10).reverse();
  const section = (title: string, body: VNode) => h('section', { class: 'section' }, h('h3', {}, title), body);
  const empty = (text: string) => h('p', { class: 'muted small' }, text);
  return h(
    'div',
    { class: 'eyes-only', 'aria-label': 'Ground truth: the White Cell’s eyes only' },
    h('span', { class: 'badge' }, 'WHITE CELL’S EYES ONLY'),
    h('p', { class: 'small muted' }, 'Never on the projector or a team’s screen. Use it before ruling.'),
    section(
      'Incidents: true sponsor and inquiry',
      view.incidents.length
        ? h(
            'table',
            { class: 'truth small' },
            h('thead', {}, h('tr', {}, h('th', {}, '#'), h('th', {}, 'Round'), h('th', {}, 'True sponsor'), h('th', {}, 'Inquiry'))),
            h(
              'tbody',
              {},
              ...view.incidents.map((i) =>
                h(
                  'tr',
                  { key: i.id },
                  h('td', {}, `#${i.id}${i.cancelled ? ' (struck)' : ''}`),
                  h('td', {}, String(i.round)),
                  h('td', {}, h('strong', {}, sponsorName(sc, i.sponsor))),
                  h(
                    'td',
                    {},
                    i.attribution
                      ? `${i.attribution.named === null ? 'inconclusive' : sponsorName(sc, i.attribution.named)} (${i.attribution.confidence}%${i.attribution.override ? ', your ruling' : ''})${i.attribution.named !== null && i.attribution.named !== i.sponsor ? ' — WRONG' : ''}`
                      : 'not investigated',
                  ),
                ),
              ),
            ),
          )
        : empty('No incident yet.'),
    ),
    section(
      'Quiet defections',
      view.quietDefections.length
        ? h(
            'ul',
            { class: 'plain small' },
            ...view.quietDefections.map((q) =>
              h('li', {}, `Round ${q.round}: ${nameOf(sc, q.delegation)} quietly stopped "${move(q.move)}"`),
            ),
          )
        : empty('Nobody is quietly defecting.'),
    ),
    section(
      `Sealed commits${view.step === 'commit' ? ' (this step)' : ''}`,
      commits.length
        ? h(
            'ul',
            { class: 'plain small' },
            ...commits.map(([d, st]) =>
              h(
                'li',
                { key: d },
                h('strong', {}, nameOf(sc, d)),
                st.committedBy ? ` (${st.committedBy})` : '',
                `: ${st.commit?.moves.map(move).join(', ') || 'no moves'}`,
                st.commit?.defect.length ? ` · quietly drops ${st.commit.defect.map(move).join(', ')}` : '',
                st.commit?.retaliate
                  ? ` · retaliates for #${st.commit.retaliate.incident} against ${nameOf(sc, st.commit.retaliate.against)}`
                  : '',
              ),
            ),
          )
        : empty('No commit sealed in this step.'),
    ),
    section(
      'Packages (this round and the last)',
      packages.length
        ? h(
            'ul',
            { class: 'plain small' },
            ...packages.map((p) =>
              h(
                'li',
                { key: p.id },
                h('strong', {}, `#${p.id} ${p.status}`),
                ` by ${nameOf(sc, p.proposer)}: ${p.steps.map((s) => `${nameOf(sc, s.delegation)} ${move(s.move)}`).join('; ')}`,
                p.note ? h('div', { class: 'muted' }, `Note: ${p.note}`) : null,
                ...p.replies.map((r, i) => h('div', { key: i, class: 'muted' }, `${nameOf(sc, r.by)} ${r.answer}s: ${r.reason || '—'}`)),
              ),
            ),
          )
        : empty('No package yet.'),
    ),
    section(
      'The AI’s reasons',
      reasons.length
        ? h(
            'ul',
            { class: 'plain small' },
            ...reasons.map((n, i) =>
              h(
                'li',
                { key: i },
                `Round ${n.round}, ${nameOf(sc, n.delegation)}: ${n.text}`,
                n.secret ? h('div', { class: 'white-cell-mark' }, `Secret: ${n.secret}`) : null,
              ),
            ),
          )
        : empty('The AI has given no reason yet.'),
    ),
  );
}
