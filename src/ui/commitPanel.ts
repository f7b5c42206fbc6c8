// The sealed commit: spend action points on promised steps and moves of your own, quietly defect,
// allocate monitors (IAEA), retaliate (without a council).
import {
  apAvailable,
  checkIntent,
  commitCost,
  commitMoves,
  isDefected,
  monitorOf,
  retaliableIncidents,
  retaliationTargets,
  RETALIATION_COST,
  verificationChance,
  type Allocation,
  type Commit,
} from '../engine';
import { pledgeList } from './pledgeList';
import { term } from './glossary';
import { useState } from 'preact/hooks';
import { button, checkedOf, h, valueOf, type VNode } from './dom';
import { moveOf, nameOf, trackName, type Ctx } from './context';
import type { CommitDraft } from '../store/gameStore';

/** The commit a draft makes; the allocator's carries its whole allocation (`current` under the draft's changes). */
export function draftToCommit(d: CommitDraft, current: Allocation | null): Commit {
  const c: Commit = { moves: [...d.moves], defect: [...d.defect] };
  if (current) c.allocation = allocationOf(current, d);
  if (d.retaliate) c.retaliate = { ...d.retaliate };
  return c;
}

export function commitPanel(ctx: Ctx): VNode {
  const { sc, view, seat, ui } = ctx;
  if (!seat) return h('div', {});
  const draft = ui.commitDraft;
  const setDraft = (patch: Partial<CommitDraft>) => ctx.set({ commitDraft: { ...draft, ...patch } });
  const committed = view.delegations[seat]?.committed ?? false;
  const inCommit = view.step === 'commit';
  const budget = apAvailable(view, seat);
  const spent = commitCost(sc, draft);
  const waiting = sc.delegations.filter((d) => !view.delegations[d.id]?.committed).map((d) => d.short);

  if (committed)
    return h(
      'div',
      { class: 'tabpanel' },
      h('h2', {}, 'Commit sealed'),
      h(
        'p',
        {},
        `Your moves stay hidden until every delegation has committed.${view.delegations[seat]?.committedBy ? ` Sealed by ${view.delegations[seat]?.committedBy}.` : ''}`,
      ),
      waiting.length ? h('p', { class: 'muted' }, `Waiting for: ${waiting.join(', ')}.`) : null,
    );
  if (!inCommit)
    return h(
      'div',
      { class: 'tabpanel' },
      h('h2', {}, 'Commit'),
      h(
        'p',
        { class: 'muted' },
        'The sealed commit opens when every delegation is ready (or the clock runs out). Prepare your moves in the negotiation first.',
      ),
    );

  const promised = new Set(
    view.packages
      .filter((p) => p.status === 'accepted' && p.parties.includes(seat))
      .flatMap((p) => p.steps.filter((s) => s.delegation === seat).map((s) => s.move)),
  );
  const available = commitMoves(sc, view, seat).sort((a, b) => Number(promised.has(b)) - Number(promised.has(a)));
  const moveRows = available.map((id) => {
    const m = moveOf(sc, id);
    if (!m) return null;
    const checked = draft.moves.includes(id);
    const box = h('input', {
      type: 'checkbox',
      id: `mv-${id}`,
      checked,
      disabled: !checked && spent + m.cost > budget,
      onchange: (e: Event) => setDraft({ moves: checkedOf(e) ? [...draft.moves, id] : draft.moves.filter((x) => x !== id) }),
    });
    const chanceText = monitorOf(m).verifiedAtOnce
      ? 'public act'
      : `${verificationChance(sc, view, m)}% verification chance by ${monitorOf(m).label}`;
    return h(
      'label',
      { key: id, class: 'move', for: `mv-${id}` },
      box,
      h(
        'span',
        {},
        h('strong', {}, m.name),
        promised.has(id) ? h('span', { class: 'tag', style: 'margin-left:6px' }, 'promised') : null,
        h('div', { class: 'meta' }, `${trackName(sc, m.track)} · ${chanceText}`),
        h('div', { class: 'meta' }, m.text),
      ),
      h('span', { class: 'tag' }, `${m.cost} AP`),
    );
  });

  const mineStanding = view.standing.filter(
    (st) => st.delegation === seat && !isDefected(view, st.move) && moveOf(sc, st.move)?.defectable,
  );
  const defectRows = mineStanding.map((st) => {
    const m = moveOf(sc, st.move);
    const box = h('input', {
      type: 'checkbox',
      id: `df-${st.move}`,
      checked: draft.defect.includes(st.move),
      onchange: (e: Event) => setDraft({ defect: checkedOf(e) ? [...draft.defect, st.move] : draft.defect.filter((x) => x !== st.move) }),
    });
    return h(
      'label',
      { key: st.move, class: 'move', for: `df-${st.move}` },
      box,
      h(
        'span',
        {},
        `Quietly stop: ${m?.name ?? st.move}`,
        h(
          'div',
          { class: 'meta' },
          'It still counts in public until a monitor catches it: then the span breaks, trust falls and snapback may hit you.',
        ),
      ),
      h('span', { class: 'tag' }, '0 AP'),
    );
  });

  const allocator = sc.monitors.allocator === seat;
  const alloc = allocator ? h(AllocationEditor, { ctx, draft, setDraft }) : null;

  const strikable = retaliableIncidents(sc, view, seat);
  const retaliation = strikable.length
    ? retaliationEditor(
        ctx,
        draft,
        setDraft,
        strikable.map((i) => i.id),
      )
    : null;

  const commit = draftToCommit(draft, allocator ? view.allocation : null);
  const problem = checkIntent(sc, view, { type: 'commit.submit', actor: seat, commit });
  return h(
    'div',
    { class: 'tabpanel' },
    h(
      'div',
      { class: 'row' },
      h('h2', {}, 'Sealed commit'),
      h('span', { class: 'spacer' }),
      h('span', { class: 'chip', 'aria-live': 'polite' }, `${budget - spent} of ${budget} AP left`),
    ),
    h(
      'p',
      { class: 'small muted' },
      'Choose your moves. Promised steps come first: a restraint left unmatched when its window closes is negated and costs support.',
    ),
    pledgeList(sc, view, seat),
    h('fieldset', {}, h('legend', {}, 'Moves'), h('div', { class: 'movelist' }, ...moveRows)),
    defectRows.length ? h('fieldset', {}, h('legend', {}, term('quietDefection')), ...defectRows) : null,
    alloc,
    retaliation,
    h(
      'div',
      { class: 'row', style: 'margin-top:8px' },
      button('Seal commit', () => ctx.send({ type: 'commit.submit', actor: seat, commit }), {
        class: 'primary',
        disabled: problem !== null,
      }),
      problem ? h('span', { class: 'small muted' }, problem) : null,
    ),
  );
}

/** The allocation a commit carries: last round's, whole, with what the player changed on top. */
export function allocationOf(current: Allocation, d: CommitDraft): Allocation {
  return { inspections: { ...current.inspections, ...d.inspections }, observers: { ...current.observers, ...d.observers } };
}

const teamsUsed = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);

/**
 * The IAEA's teams. Each field refuses more teams than are left (the arrow keys stop there, a
 * typed number is cut back) and says so beside itself; last round's allocation is the start.
 */
function AllocationEditor({ ctx, draft, setDraft }: { ctx: Ctx; draft: CommitDraft; setDraft: (p: Partial<CommitDraft>) => void }): VNode {
  const { sc, view } = ctx;
  const [refused, setRefused] = useState<{ id: string; text: string } | null>(null);
  const { inspections: insp, observers: obs } = allocationOf(view.allocation, draft);
  // Inspectors only matter on tracks with steps the IAEA verifies (and where teams already are).
  const inspected = sc.tracks.filter((t) => sc.moves.some((m) => m.track === t.id && m.verifiedBy === 'iaea') || (insp[t.id] ?? 0) > 0);
  const field = (
    id: string,
    label: string,
    pool: Record<string, number>,
    key: string,
    total: number,
    kind: string,
    save: (next: Record<string, number>) => void,
  ) => {
    const value = pool[key] ?? 0;
    const max = Math.max(value, total - (teamsUsed(pool) - value));
    const err = refused?.id === id ? refused.text : null;
    const change = (e: Event) => {
      const el = e.currentTarget as HTMLInputElement;
      const typed = Math.max(0, Math.floor(Number(el.value) || 0));
      const v = Math.min(typed, max);
      if (typed > max) {
        el.value = String(v);
        setRefused({ id, text: `Only ${total} ${kind} teams exist: ${total - max} are placed elsewhere, so at most ${max} here.` });
      } else setRefused(null);
      if (v !== value) save({ ...pool, [key]: v });
    };
    return h(
      'div',
      { key: id, class: 'alloc-row' },
      h('input', {
        id,
        type: 'number',
        min: 0,
        max,
        value: String(value),
        'aria-invalid': err ? 'true' : null,
        'aria-describedby': err ? `${id}-error` : null,
        oninput: change,
      }),
      h('label', { for: id, class: 'small' }, label),
      err ? h('span', { id: `${id}-error`, class: 'alloc-error small', role: 'alert' }, err) : null,
    );
  };
  return h(
    'fieldset',
    {},
    h(
      'legend',
      {},
      `Monitors: ${teamsUsed(insp)}/${sc.monitors.inspectionTeams} inspection teams, ${teamsUsed(obs)}/${sc.monitors.observerTeams} observer teams`,
    ),
    h(
      'p',
      { class: 'small muted' },
      'Inspection teams verify nuclear steps on their track; observer teams verify security steps on a front and help inquiries name sponsors. Last round’s teams stay where they are until you move them.',
    ),
    ...inspected.map((t) =>
      field(`insp-${t.id}`, `inspectors on ${t.name}`, insp, t.id, sc.monitors.inspectionTeams, 'inspection', (next) =>
        setDraft({ inspections: next }),
      ),
    ),
    ...sc.fronts.map((f) =>
      field(`obs-${f.id}`, `observers at ${f.name}`, obs, f.id, sc.monitors.observerTeams, 'observer', (next) =>
        setDraft({ observers: next }),
      ),
    ),
  );
}

function retaliationEditor(ctx: Ctx, draft: CommitDraft, setDraft: (p: Partial<CommitDraft>) => void, incidents: number[]): VNode {
  const { sc, seat } = ctx;
  const targets = retaliationTargets(sc, seat ?? '').map((id) => ({ id, name: sc.delegations.find((d) => d.id === id)?.name ?? id }));
  const against = draft.retaliate?.against ?? targets[0]?.id ?? '';
  const incident = draft.retaliate ? String(draft.retaliate.incident) : '';
  const update = (inc: string, who: string) => setDraft({ retaliate: inc === '' ? null : { incident: Number(inc), against: who } });
  const inc = h(
    'select',
    { 'aria-label': 'Incident to answer', value: incident, onchange: (e: Event) => update(valueOf(e), against) },
    h('option', { value: '' }, 'do not retaliate'),
    ...incidents.map((id) => h('option', { key: id, value: String(id) }, `incident #${id}`)),
  );
  const target = h(
    'select',
    { 'aria-label': 'Retaliate against', value: against, onchange: (e: Event) => update(incident, valueOf(e)) },
    ...targets.map((d) => h('option', { key: d.id, value: d.id }, d.name)),
  );
  return h(
    'fieldset',
    {},
    h('legend', {}, `Retaliate on your own (${RETALIATION_COST} AP)`),
    h(
      'p',
      { class: 'small muted' },
      `Without a council inquiry you do not know who sponsored the attack: striking the wrong party raises tension sharply. ${nameOf(sc, seat ?? '')} decides alone.`,
    ),
    h('div', { class: 'row' }, inc, target),
  );
}
